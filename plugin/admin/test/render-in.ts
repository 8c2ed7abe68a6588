// Renders a component and returns queries scoped to its container: notices are also spoken through
// wp.a11y's live regions outside it, which would otherwise match every text twice.
import { render, within } from '@testing-library/react';
import type { ReactElement } from 'react';

export function renderIn(ui: ReactElement) {
  const result = render(ui);
  return { ...result, view: within(result.container) };
}
