#!/usr/bin/env bash
# Starts the product locally (README: `npm start`): the dev profile of the local stack — MariaDB, WordPress
# on http://127.0.0.1:8888 with this plugin (and WooCommerce when WOOCOMMERCE_DIR points at an extracted
# copy), the bridge on the sandbox GP on http://127.0.0.1:8787 — then follows the logs. Ctrl-C stops what
# this started (MariaDB keeps running).
set -euo pipefail
cd "$(dirname "$0")/.."
[[ -d node_modules/@wp-playground/wordpress-builds ]] || npm ci --no-audit --no-fund
[[ -x plugin/vendor/bin/phpunit ]] || (cd plugin && composer install --no-interaction --no-progress)

trap 'echo; bash scripts/stack/down.sh dev' EXIT
trap 'exit 0' INT TERM
# Exit 3: all up but the bridge; still useful for WordPress work, and the banner says so.
bash scripts/stack/up.sh dev || [[ $? == 3 ]]
# shellcheck disable=SC1091
source .local/dev/stack.env

cat <<TEXT

  GP Sync for WooCommerce — local stack (dev profile)
  WordPress   $WP_URL/wp-admin/   user: $WP_ADMIN_USER   password: $WP_ADMIN_PASSWORD
  WooCommerce $([[ "$WOOCOMMERCE" == 1 ]] && echo active || echo "not installed (set WOOCOMMERCE_DIR to an extracted WooCommerce 9.4)")
  Bridge      $BRIDGE_URL $([[ "$BRIDGE" == 1 ]] && echo "(sandbox GP: $SANDBOX_PATH)" || echo "(NOT running: see $LOG_DIR/bridge.log)")
  Logs        $LOG_DIR
  Ctrl-C stops WordPress and the bridge.

TEXT
# php-server.log (one line per request) stays out of the way; it is in the same folder.
touch "$LOG_DIR/wp-debug.log" "$LOG_DIR/bridge.log"
tail -n 0 -F "$LOG_DIR/wp-debug.log" "$LOG_DIR/bridge.log" &
wait $!
