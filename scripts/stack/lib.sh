#!/usr/bin/env bash
# Shared settings and helpers for the local stack scripts. Sourced, never run.
# shellcheck disable=SC2034 # the variables set here are used by the scripts that source this file
# A profile is one complete stack (database, WordPress site, bridge) with its own ports and files,
# so `npm start` (dev) and `npm test` (test) can run side by side without touching each other's data.

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
LOCAL_DIR="$REPO_ROOT/.local"
WP_PATH="$LOCAL_DIR/wordpress"
STACK_DIR="$REPO_ROOT/scripts/stack"

log() { printf '[stack] %s\n' "$*" >&2; }
die() { printf '[stack] ERROR: %s\n' "$*" >&2; exit 1; }

# load_profile dev|test — sets every per-profile variable. Ports and credentials can be overridden by the
# environment (e.g. GPSYNC_WP_PORT=9000) for a developer whose default ports are taken.
load_profile() {
  PROFILE="${1:-}"
  case "$PROFILE" in
    dev)
      DB_NAME="${GPSYNC_DB_NAME:-gpsync_dev}"
      WP_PORT="${GPSYNC_WP_PORT:-8888}"
      BRIDGE_PORT="${GPSYNC_BRIDGE_PORT:-8787}"
      ;;
    test)
      DB_NAME="${GPSYNC_DB_NAME:-gpsync_test}"
      WP_PORT="${GPSYNC_WP_PORT:-8889}"
      BRIDGE_PORT="${GPSYNC_BRIDGE_PORT:-8788}"
      ;;
    *) die "unknown profile '${PROFILE}' (use dev or test)" ;;
  esac
  PROFILE_DIR="$LOCAL_DIR/$PROFILE"
  RUN_DIR="$PROFILE_DIR/run"
  LOG_DIR="$PROFILE_DIR/logs"
  STACK_ENV="$PROFILE_DIR/stack.env"
  # Local-only credentials: these databases hold throwaway data and listen on this machine only.
  DB_USER="${GPSYNC_DB_USER:-gpsync}"
  DB_PASSWORD="${GPSYNC_DB_PASSWORD:-gpsync-local}"
  DB_HOST="${GPSYNC_DB_HOST:-localhost}"
  WP_HOST=127.0.0.1
  WP_URL="http://$WP_HOST:$WP_PORT"
  WP_ADMIN_USER="${GPSYNC_WP_ADMIN_USER:-admin}"
  WP_ADMIN_PASSWORD="${GPSYNC_WP_ADMIN_PASSWORD:-admin}"
  BRIDGE_URL="http://127.0.0.1:$BRIDGE_PORT"
  SANDBOX_PATH="$PROFILE_DIR/sandbox-gp.sqlite"
  mkdir -p "$RUN_DIR" "$LOG_DIR"
}

# pid_alive FILE — true when the pid recorded in FILE is a running process.
pid_alive() {
  local file="$1" pid
  [[ -f "$file" ]] || return 1
  pid="$(cat "$file")"
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null
}

# wait_for_http URL SECONDS [PIDFILE] — waits until URL answers with any HTTP status (the server is up).
# With PIDFILE, gives up as soon as that process has exited (a crash at start-up needs no 30 s wait).
wait_for_http() {
  local url="$1" limit="$2" pidfile="${3:-}" i
  for ((i = 0; i < limit * 4; i++)); do
    if curl -s -o /dev/null --max-time 2 "$url"; then return 0; fi
    if [[ -n "$pidfile" ]] && ! pid_alive "$pidfile"; then return 1; fi
    sleep 0.25
  done
  return 1
}

# port_in_use PORT — true when something already listens on 127.0.0.1:PORT.
port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# wp_php SCRIPT ARGS… — runs a PHP script against this profile's WordPress with the profile in the environment.
wp_php() {
  GPSYNC_PROFILE="$PROFILE" GPSYNC_WP_URL="$WP_URL" php -d memory_limit=512M "$@"
}

# lock_profile — serialises up.sh and down.sh of one profile: several people (or helpers) share the test
# profile of a working tree, and an up.sh running while another's down.sh stops the servers would leave a
# half-made stack. Waits up to 5 minutes. Processes the stack starts close fd 8 so they never hold it.
lock_profile() {
  exec 8>"$RUN_DIR/stack.lock"
  if ! flock -n 8; then
    log "another up.sh/down.sh of the $PROFILE profile is running; waiting"
    flock -w 300 8 || die "timed out waiting for the $PROFILE profile's lock ($RUN_DIR/stack.lock)"
  fi
}
