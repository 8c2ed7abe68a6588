// Entry point of WooCommerce → GP Sync: mounts the app into the page Admin\AdminPage prints.
import { createRoot } from '@wordpress/element';
import { App } from './App';
import './admin.css';

const root = document.getElementById('gpsync-admin-root');
if (root) {
  createRoot(root).render(<App />);
}
