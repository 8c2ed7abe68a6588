#!/usr/bin/env bash
# Stops the processes that up.sh started for this profile (recorded pids only; each was started in its own
# process group, so its workers stop with it). MariaDB is left running: it is shared and may serve others.
# Usage: scripts/stack/down.sh dev|test
set -euo pipefail
# shellcheck source=scripts/stack/lib.sh
source "$(dirname "$0")/lib.sh"
load_profile "${1:-}"
lock_profile

for name in wordpress bridge; do
  file="$RUN_DIR/$name.pid"
  if pid_alive "$file"; then
    pid="$(cat "$file")"
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    if kill -0 "$pid" 2>/dev/null; then kill -KILL -- "-$pid" 2>/dev/null || true; fi
    log "stopped $name (pid $pid)"
  fi
  rm -f "$file"
done
# stack.env exists only while the stack is up, so tests never read the address of a server that is gone.
rm -f "$STACK_ENV"
