#!/usr/bin/env bash
# Starts the product locally (README: `npm start`): installs what is missing (scripts/ensure-deps.sh), builds
# the workspaces, brings up the dev profile of the local stack — MariaDB, WordPress on http://127.0.0.1:8888
# with WooCommerce (scripts/stack/woocommerce.sh finds it) and this plugin, the bridge on the sandbox GP on
# http://127.0.0.1:8787 — seeds a demo store once (scripts/stack/demo.sh; --no-demo or GPSYNC_DEMO=0 skips
# it), then follows the logs. Ctrl-C stops what this started (MariaDB keeps running).
# Usage: npm start [-- --no-demo]
set -euo pipefail
cd "$(dirname "$0")/.."
DEMO="${GPSYNC_DEMO:-1}"
for arg in "$@"; do
  case "$arg" in
    --no-demo) DEMO=0 ;;
    *) echo "usage: npm start [-- --no-demo]" >&2 && exit 2 ;;
  esac
done
bash scripts/ensure-deps.sh
# The admin app (plugin/build) when its workspace has a build script; the bridge builds in bridge.sh.
npm run build --workspaces --if-present >/dev/null

trap 'echo; bash scripts/stack/down.sh dev' EXIT
trap 'exit 0' INT TERM
# Exit 3: all up but the bridge; still useful for WordPress work, and the banner says so.
bash scripts/stack/up.sh dev || [[ $? == 3 ]]
# shellcheck disable=SC1091
source .local/dev/stack.env
demo_line="skipped (--no-demo or GPSYNC_DEMO=0)"
if [[ "$DEMO" == 1 ]]; then
  demo_line="$(bash scripts/stack/demo.sh dev)" || demo_line="FAILED: see above (npm start -- --no-demo skips it)"
fi

cat <<TEXT

  GP Sync for WooCommerce — local stack (dev profile)
  WordPress   $WP_URL/wp-admin/   user: $WP_ADMIN_USER   password: $WP_ADMIN_PASSWORD
  WooCommerce $([[ "$WOOCOMMERCE" == 1 ]] && echo active || echo "NOT installed: set WOOCOMMERCE_DIR (an extracted copy) or WOOCOMMERCE_ZIP")
  Bridge      $BRIDGE_URL $([[ "$BRIDGE" == 1 ]] && echo "(sandbox GP: $SANDBOX_PATH)" || echo "(NOT running: see $LOG_DIR/bridge.log)")
  Demo store  $demo_line
              orders with their GP numbers (order notes, meta _gpsync_sop_number): $WP_URL/wp-admin/admin.php?page=wc-orders
              dead letters: WooCommerce → GP Sync → Queue, or $WP_URL/wp-json/gp-sync/v1/queue?status=dead
  Logs        $LOG_DIR
  Ctrl-C stops WordPress and the bridge.

TEXT
# php-server.log (one line per request) stays out of the way; it is in the same folder.
touch "$LOG_DIR/wp-debug.log" "$LOG_DIR/bridge.log"
tail -n 0 -F "$LOG_DIR/wp-debug.log" "$LOG_DIR/bridge.log" &
wait $!
