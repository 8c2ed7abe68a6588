// What the PHP page hands the app (window.gpsyncAdmin, printed by Admin\AdminPage): plain URLs and flags,
// never a secret.
export interface AdminConfig {
  /** wp-admin/ URL, with the trailing slash. */
  adminUrl: string;
  /** This screen's URL without query (admin.php?page=gp-sync). */
  pageUrl: string;
  woocommerce: boolean;
  /** True when orders live in HPOS tables (edit links go to admin.php?page=wc-orders). */
  hpos: boolean;
}

declare global {
  interface Window {
    gpsyncAdmin?: Partial<AdminConfig>;
  }
}

export function adminConfig(): AdminConfig {
  const given = window.gpsyncAdmin ?? {};
  return {
    adminUrl: given.adminUrl ?? '/wp-admin/',
    pageUrl: given.pageUrl ?? '/wp-admin/admin.php?page=gp-sync',
    woocommerce: given.woocommerce ?? true,
    hpos: given.hpos ?? true,
  };
}

/** Where a store owner edits the entity an outbox row is about. */
export function editLink(kind: string, entityId: number, config = adminConfig()): string {
  switch (kind) {
    case 'product':
      return `${config.adminUrl}post.php?post=${entityId}&action=edit`;
    case 'customer':
      return `${config.adminUrl}user-edit.php?user_id=${entityId}`;
    default:
      return config.hpos
        ? `${config.adminUrl}admin.php?page=wc-orders&action=edit&id=${entityId}`
        : `${config.adminUrl}post.php?post=${entityId}&action=edit`;
  }
}
