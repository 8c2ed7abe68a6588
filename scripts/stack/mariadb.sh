#!/usr/bin/env bash
# Ensures MariaDB is installed and running, then creates this profile's database and user.
# Works as root without systemd (CI): starts the server with Debian's init script, or mysqld_safe as fallback.
# Usage: scripts/stack/mariadb.sh dev|test [--fresh]   (--fresh drops and recreates the database)
set -euo pipefail
# shellcheck source=scripts/stack/lib.sh
source "$(dirname "$0")/lib.sh"
load_profile "${1:-}"
FRESH="${2:-}"

if ! command -v mariadbd >/dev/null 2>&1 && ! command -v mysqld >/dev/null 2>&1; then
  # One place installs system packages (apt-get update first when needed, root or sudo, says what it installs).
  log "MariaDB is not installed"
  bash "$REPO_ROOT/scripts/ensure-deps.sh" || die "MariaDB is not installed and could not be (scripts/ensure-deps.sh)"
fi

# As root, Debian's MariaDB lets us in through the unix socket without a password.
as_admin() { mariadb --protocol=socket -uroot "$@"; }

server_up() { mariadb-admin --protocol=socket -uroot ping >/dev/null 2>&1; }

if ! server_up; then
  log "starting MariaDB"
  # `service` works without systemd on Debian (sysvinit script); fall back to mysqld_safe if it does not.
  # The server outlives this run: close the lock descriptors (8: up/down lock, 9: npm test's stack lock) so it
  # does not hold them, or every later `npm test` on this machine would wait for MariaDB to exit.
  if ! service mariadb start >/dev/null 2>&1 8>&- 9>&-; then
    mkdir -p /run/mysqld && chown mysql:mysql /run/mysqld
    nohup mysqld_safe >/dev/null 2>&1 8>&- 9>&- &
  fi
  for _ in $(seq 1 60); do server_up && break; sleep 0.5; done
  server_up || die "MariaDB did not start (see /var/log/mysql or journal)"
fi

if [[ "$FRESH" == "--fresh" ]]; then
  log "recreating database $DB_NAME"
  as_admin -e "DROP DATABASE IF EXISTS \`$DB_NAME\`"
fi
as_admin <<SQL
CREATE DATABASE IF NOT EXISTS \`$DB_NAME\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_520_ci;
CREATE USER IF NOT EXISTS '$DB_USER'@'localhost' IDENTIFIED BY '$DB_PASSWORD';
CREATE USER IF NOT EXISTS '$DB_USER'@'127.0.0.1' IDENTIFIED BY '$DB_PASSWORD';
ALTER USER '$DB_USER'@'localhost' IDENTIFIED BY '$DB_PASSWORD';
ALTER USER '$DB_USER'@'127.0.0.1' IDENTIFIED BY '$DB_PASSWORD';
GRANT ALL PRIVILEGES ON \`$DB_NAME\`.* TO '$DB_USER'@'localhost';
GRANT ALL PRIVILEGES ON \`$DB_NAME\`.* TO '$DB_USER'@'127.0.0.1';
FLUSH PRIVILEGES;
SQL
log "database $DB_NAME ready (user $DB_USER)"
