// Entry point (webpack entry "order-box/index"): mounts the box over the server-rendered text that
// plugin/src/Admin/OrderBox.php prints, starting from the status it embedded as JSON.
// Classic JSX runtime: WordPress 6.5 has no react-jsx-runtime script (6.6 added it).
/** @jsxRuntime classic */
/** @jsx createElement */
import { createElement, createRoot } from '@wordpress/element';
import './box.css';
import { createClient } from './api';
import { OrderBox } from './OrderBox';
import type { OrderGpStatus } from './types';

function mount(): void {
  const root = document.getElementById('gpsync-order-box');
  const json = root?.dataset.status;
  if (!root || !json) return;
  const initialStatus = JSON.parse(json) as OrderGpStatus;
  createRoot(root).render(<OrderBox client={createClient()} initialStatus={initialStatus} />);
}

if (document.readyState === 'loading') {
  document.addEventListener('DOMContentLoaded', mount);
} else {
  mount();
}
