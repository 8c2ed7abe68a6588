#!/usr/bin/env bash
# Builds and starts the bridge on the sandbox GP for this profile, listening on 127.0.0.1 only.
# Prints nothing on stdout; records its pid in .local/<profile>/run/bridge.pid and 1|0 in run/bridge.
# Usage: scripts/stack/bridge.sh dev|test     (the test profile always starts from an empty sandbox)
set -euo pipefail
# shellcheck source=scripts/stack/lib.sh
source "$(dirname "$0")/lib.sh"
load_profile "${1:-}"

SECRET_FILE="$PROFILE_DIR/bridge-secret"
if [[ ! -s "$SECRET_FILE" ]]; then
  (umask 077 && php -r 'echo bin2hex(random_bytes(32));' >"$SECRET_FILE")
fi

echo 0 >"$RUN_DIR/bridge"
if pid_alive "$RUN_DIR/bridge.pid"; then
  log "bridge already running (pid $(cat "$RUN_DIR/bridge.pid")) on $BRIDGE_URL"
  echo 1 >"$RUN_DIR/bridge"
  exit 0
fi
if [[ ! -f "$REPO_ROOT/bridge/src/cli.ts" ]]; then
  log "bridge/src/cli.ts does not exist yet: bridge not started"
  exit 0
fi
port_in_use "$BRIDGE_PORT" && die "port $BRIDGE_PORT is taken by another process (set GPSYNC_BRIDGE_PORT)"

log "building the bridge"
(cd "$REPO_ROOT" && npm run build -w bridge >"$LOG_DIR/bridge-build.log" 2>&1) || {
  tail -30 "$LOG_DIR/bridge-build.log" >&2
  die "bridge build failed (log: $LOG_DIR/bridge-build.log)"
}
CLI="$REPO_ROOT/bridge/dist/cli.js"
# The bridge's configuration for this profile. Sandbox mode always: a developer's GPSYNC_SQL_* variables must
# never point the local stack at a real GP.
# An array, not a function: `cmd &` of a function forks a subshell, and $! would then not be the bridge's pid.
bridge_env=(env GPSYNC_GP_MODE=sandbox GPSYNC_PORT="$BRIDGE_PORT" GPSYNC_LISTEN_HOST=127.0.0.1
  GPSYNC_SECRET="$(cat "$SECRET_FILE")" GPSYNC_SANDBOX_PATH="$SANDBOX_PATH")
if [[ "$PROFILE" == test ]]; then
  # Tests start from the seeded, empty sandbox GP.
  if node "$CLI" --help 2>&1 | grep -q "sandbox reset"; then
    "${bridge_env[@]}" node "$CLI" sandbox reset >>"$LOG_DIR/bridge.log" 2>&1 || die "sandbox reset failed (log: $LOG_DIR/bridge.log)"
  else
    rm -f "$SANDBOX_PATH" "$SANDBOX_PATH-wal" "$SANDBOX_PATH-shm"
  fi
fi

# setsid: the bridge gets its own process group, so down.sh stops it and anything it spawned, and nothing else.
"${bridge_env[@]}" setsid node "$CLI" serve >>"$LOG_DIR/bridge.log" 2>&1 </dev/null 8>&- 9>&- &
echo $! >"$RUN_DIR/bridge.pid"
if ! wait_for_http "$BRIDGE_URL/v1/health" 30 "$RUN_DIR/bridge.pid"; then
  tail -30 "$LOG_DIR/bridge.log" >&2
  die "bridge did not answer on $BRIDGE_URL/v1/health (log: $LOG_DIR/bridge.log)"
fi
echo 1 >"$RUN_DIR/bridge"
log "bridge up on $BRIDGE_URL (pid $(cat "$RUN_DIR/bridge.pid"))"
