#!/usr/bin/env bash
# Starts PHP's built-in web server for this profile's WordPress on 127.0.0.1, pid in run/wordpress.pid.
# Usage: scripts/stack/webserver.sh dev|test
set -euo pipefail
# shellcheck source=scripts/stack/lib.sh
source "$(dirname "$0")/lib.sh"
load_profile "${1:-}"

if pid_alive "$RUN_DIR/wordpress.pid"; then
  log "WordPress server already running (pid $(cat "$RUN_DIR/wordpress.pid")) on $WP_URL"
  exit 0
fi
port_in_use "$WP_PORT" && die "port $WP_PORT is taken by another process (set GPSYNC_WP_PORT)"

# Several workers: a page that calls the site's own REST API or spawns WP-Cron must not wait on itself.
GPSYNC_PROFILE="$PROFILE" PHP_CLI_SERVER_WORKERS="${GPSYNC_PHP_WORKERS:-4}" \
  setsid php -d memory_limit=512M -d display_errors=0 -S "$WP_HOST:$WP_PORT" -t "$WP_PATH" "$STACK_DIR/wp/router.php" \
  >>"$LOG_DIR/php-server.log" 2>&1 </dev/null 8>&- 9>&- &
echo $! >"$RUN_DIR/wordpress.pid"
wait_for_http "$WP_URL/wp-login.php" 30 "$RUN_DIR/wordpress.pid" || die "WordPress did not answer on $WP_URL (log: $LOG_DIR/php-server.log)"
log "WordPress up on $WP_URL (pid $(cat "$RUN_DIR/wordpress.pid"))"
