// The view's state (tab, filters, page, open message) lives in the query string, so a reload or a shared
// link lands on the same view. Only our own keys are touched; `page=gp-sync` stays.
import { useCallback, useEffect, useState } from '@wordpress/element';

export const TABS = ['overview', 'queue', 'mappings', 'settings', 'tools'] as const;
export type TabName = (typeof TABS)[number];

export type ViewState = Record<string, string>;

function read(): ViewState {
  const state: ViewState = {};
  new URLSearchParams(window.location.search).forEach((value, key) => {
    if (key !== 'page') state[key] = value;
  });
  return state;
}

export function tabOf(state: ViewState): TabName {
  return (TABS as readonly string[]).includes(state.tab ?? '') ? (state.tab as TabName) : 'overview';
}

/** [state, update]: update merges a patch (empty string or undefined removes a key) and pushes a history entry. */
export function useUrlState(): [ViewState, (patch: Record<string, string | undefined>) => void] {
  const [state, setState] = useState<ViewState>(read);
  useEffect(() => {
    const onPop = () => setState(read());
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const update = useCallback((patch: Record<string, string | undefined>) => {
    const params = new URLSearchParams(window.location.search);
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined || value === '') params.delete(key);
      else params.set(key, value);
    }
    window.history.pushState(null, '', `${window.location.pathname}?${params.toString()}`);
    setState(read());
  }, []);
  return [state, update];
}
