#!/usr/bin/env bash
# Brings up one profile of the local stack: MariaDB, WordPress (+ WooCommerce: scripts/stack/woocommerce.sh),
# this plugin configured with the bridge's URL and secret, and the bridge on the sandbox GP.
# Writes .local/<profile>/stack.env, the one file tests and e2e read. Idempotent: running it again keeps
# what is already up. The test profile starts from an empty database and an empty sandbox every time.
# Usage: scripts/stack/up.sh dev|test      Exit: 0 up, 3 up except the bridge (see its log), other: failed.
set -euo pipefail
# shellcheck source=scripts/stack/lib.sh
source "$(dirname "$0")/lib.sh"
load_profile "${1:-}"
lock_profile

if [[ "$PROFILE" == test ]] && ! pid_alive "$RUN_DIR/wordpress.pid"; then
  rm -f "$LOG_DIR"/*.log # a fresh test stack starts with fresh logs, so they show this run only
  bash "$STACK_DIR/mariadb.sh" "$PROFILE" --fresh
else
  bash "$STACK_DIR/mariadb.sh" "$PROFILE"
fi
bash "$STACK_DIR/wordpress.sh" "$PROFILE"
bash "$STACK_DIR/webserver.sh" "$PROFILE"
# A bridge that fails to start must not hide WordPress from the PHP tests: finish the stack without it
# (BRIDGE=0 in stack.env) and report the failure with exit code 3.
bridge_ok=1
bash "$STACK_DIR/bridge.sh" "$PROFILE" || bridge_ok=0
wp_php "$STACK_DIR/wp/setup.php" configure-bridge "$BRIDGE_URL" "$PROFILE_DIR/bridge-secret" >&2

# One file with everything a test needs. Values are plain (no spaces), so both `source` and simple
# KEY=VALUE parsers (PHP, Node) read it.
(
  umask 077
  cat >"$STACK_ENV" <<ENV
GPSYNC_PROFILE=$PROFILE
WP_URL=$WP_URL
WP_PATH=$WP_PATH
WP_ADMIN_USER=$WP_ADMIN_USER
WP_ADMIN_PASSWORD=$WP_ADMIN_PASSWORD
BRIDGE_URL=$BRIDGE_URL
BRIDGE_SECRET=$(cat "$PROFILE_DIR/bridge-secret")
BRIDGE=$(cat "$RUN_DIR/bridge")
DB_NAME=$DB_NAME
DB_USER=$DB_USER
DB_PASSWORD=$DB_PASSWORD
DB_HOST=$DB_HOST
WOOCOMMERCE=$(cat "$RUN_DIR/woocommerce")
PLUGIN_INSTALL=$(sed -n 1p "$RUN_DIR/plugin")
PLUGIN_DIR=$(sed -n 2p "$RUN_DIR/plugin")
PLUGIN_ZIP=$(sed -n 3p "$RUN_DIR/plugin")
SANDBOX_PATH=$SANDBOX_PATH
LOG_DIR=$LOG_DIR
ENV
)
log "profile $PROFILE is up: $WP_URL (admin: $WP_ADMIN_USER / $WP_ADMIN_PASSWORD), bridge $BRIDGE_URL, env $STACK_ENV"
if [[ "$bridge_ok" != 1 ]]; then
  log "ERROR: everything is up except the bridge (log: $LOG_DIR/bridge.log)"
  exit 3
fi
