#!/usr/bin/env bash
# Installs what `npm start` and `npm test` need and a fresh Debian 12 lacks, saying what it installs:
#   system packages (apt): MariaDB, PHP 8.2 with the extensions WordPress, WooCommerce and the tests use,
#     Composer, unzip/zip, curl, and for `npm ci` the C/C++ toolchain better-sqlite3 may compile with;
#     with --e2e also Chromium (the Playwright suite drives Debian's build);
#   npm dependencies (`npm ci`) when node_modules is missing;
#   the plugin's Composer dependencies when plugin/vendor is missing.
# apt-get update runs first when the package lists are empty or older than a day. Needs root or sudo only when
# something is missing. Usage: scripts/ensure-deps.sh [--e2e] [--dry-run]
#   --dry-run  prints what would be installed and runs nothing
set -euo pipefail
cd "$(dirname "$0")/.."

E2E=0
DRY_RUN=0
for arg in "$@"; do
  case "$arg" in
    --e2e) E2E=1 ;;
    --dry-run) DRY_RUN=1 ;;
    *) echo "usage: scripts/ensure-deps.sh [--e2e] [--dry-run]" >&2 && exit 2 ;;
  esac
done

say() { printf '[deps] %s\n' "$*" >&2; }
run() {
  if [[ "$DRY_RUN" == 1 ]]; then
    say "would run: $*"
  else
    "$@"
  fi
}
as_root() {
  if [[ "$(id -u)" == 0 ]]; then
    run "$@"
  elif command -v sudo >/dev/null 2>&1; then
    run sudo "$@"
  else
    say "ERROR: installing needs root: run as root, or install sudo, or run: apt-get install $*"
    exit 1
  fi
}

# 1. System packages. dpkg says what is installed, so a machine that has everything runs no apt at all.
packages=(mariadb-server mariadb-client php8.2-cli php8.2-mysql php8.2-curl php8.2-xml php8.2-mbstring
  php8.2-zip php8.2-intl php8.2-gd unzip zip curl ca-certificates g++ make python3)
((E2E)) && packages+=(chromium)
command -v composer >/dev/null 2>&1 || packages+=(composer)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  command -v apt-get >/dev/null 2>&1 || {
    say "ERROR: missing ${missing[*]}, and this is not a Debian/Ubuntu machine (no apt-get): install them yourself"
    exit 1
  }
  say "installing with apt: ${missing[*]}"
  # Fresh images ship without package lists ("Unable to locate package"); stale ones name files that are gone.
  lists=(/var/lib/apt/lists/*_Packages*)
  if [[ ! -e "${lists[0]}" ]] || [[ -z "$(find /var/lib/apt/lists -maxdepth 1 -name '*_Packages*' -mmin -1440 -print -quit)" ]]; then
    say "package lists are empty or older than a day: apt-get update"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
else
  say "system packages present: ${packages[*]}"
fi

# 2. npm: `npm ci` when node_modules is missing (npm writes .package-lock.json last, so a half-done install
# counts as missing).
if [[ ! -f node_modules/.package-lock.json ]]; then
  say "installing npm dependencies: npm ci"
  run npm ci --no-audit --no-fund
fi

# 3. Composer (PHPUnit, the linters, the stubs) for the plugin.
if [[ ! -f plugin/vendor/autoload.php ]]; then
  say "installing the plugin's Composer dependencies: composer install (in plugin/)"
  (cd plugin && run env COMPOSER_ALLOW_SUPERUSER=1 composer install --no-interaction --no-progress)
fi
exit 0
