// Testing Library's DOM matchers, a clean DOM after each test, and the config the PHP page would print.
import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';

beforeEach(() => {
  window.gpsyncAdmin = {
    adminUrl: 'http://shop.test/wp-admin/',
    pageUrl: 'http://shop.test/wp-admin/admin.php?page=gp-sync',
    woocommerce: true,
    hpos: true,
  };
  window.history.replaceState(null, '', '/wp-admin/admin.php?page=gp-sync');
});

afterEach(() => cleanup());
