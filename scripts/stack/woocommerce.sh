#!/usr/bin/env bash
# Finds WooCommerce for the local stack and prints the folder that holds woocommerce.php on stdout, or prints
# nothing and says SKIPPED on stderr when there is none. WooCommerce is on neither npm nor Packagist, so the
# sources are tried in this order:
#   1. WOOCOMMERCE_DIR — an extracted copy (used as it is);
#   2. WOOCOMMERCE_ZIP — a release zip (extracted into the cache below);
#   3. the official download of the pinned release, checksum verified, when the machine is online (how real
#      users get it; a short timeout, so an offline machine falls through at once);
#   4. ../shared/woocommerce/woocommerce-<version>.zip beside the repository, checked against its .sha256;
#   5. none: WooCommerce tests are skipped, loudly.
# Zips are extracted once into .local/woocommerce/<sha256>/ (keyed by the zip's checksum, so a different zip
# never reuses a stale copy). Usage: scripts/stack/woocommerce.sh [--quiet]
set -euo pipefail
# shellcheck source=scripts/stack/lib.sh
source "$(dirname "$0")/lib.sh"

WOOCOMMERCE_VERSION=9.4.0
# The checksum of the official woocommerce.9.4.0.zip; the copy in ../shared is the same release (see its README).
WOOCOMMERCE_SHA256="${GPSYNC_WOOCOMMERCE_SHA256:-bf38aa1093ae7f311dbf699ab6a896465787a6b5db536232b930a2a1475eec8d}"
WOOCOMMERCE_URL="https://downloads.wordpress.org/plugin/woocommerce.$WOOCOMMERCE_VERSION.zip"
CACHE_DIR="$LOCAL_DIR/woocommerce"
SHARED_ZIP="$REPO_ROOT/../shared/woocommerce/woocommerce-$WOOCOMMERCE_VERSION.zip"
QUIET="${1:-}"

say() { [[ "$QUIET" == --quiet ]] || log "$@"; }
sha256_of() { sha256sum "$1" | cut -d' ' -f1; }

# extract ZIP SHA256 — extracts once into the cache, prints the woocommerce/ folder.
extract() {
  local zip="$1" target="$CACHE_DIR/$2"
  mkdir -p "$CACHE_DIR"
  # Both profiles (and a dev beside a test run) may extract at once: one at a time, the second finds it done.
  exec 7>"$CACHE_DIR/.extract.lock"
  flock -w 300 7 || die "timed out waiting for $CACHE_DIR/.extract.lock"
  if [[ ! -f "$target/woocommerce/woocommerce.php" ]]; then
    command -v unzip >/dev/null 2>&1 || die "unzip is missing (apt-get install unzip, or run scripts/ensure-deps.sh)"
    say "extracting $(basename "$zip") into $target"
    rm -rf "$target.tmp" && mkdir -p "$target.tmp"
    unzip -q "$zip" -d "$target.tmp"
    [[ -f "$target.tmp/woocommerce/woocommerce.php" ]] || die "$zip holds no woocommerce/woocommerce.php"
    rm -rf "$target" && mv "$target.tmp" "$target"
  fi
  exec 7>&-
  echo "$target/woocommerce"
}

# 1. An extracted copy.
if [[ -n "${WOOCOMMERCE_DIR:-}" ]]; then
  [[ -f "$WOOCOMMERCE_DIR/woocommerce.php" ]] || die "WOOCOMMERCE_DIR=$WOOCOMMERCE_DIR holds no woocommerce.php"
  say "WooCommerce from WOOCOMMERCE_DIR ($WOOCOMMERCE_DIR)"
  (cd "$WOOCOMMERCE_DIR" && pwd)
  exit 0
fi

# 2. A zip the user names. Its checksum is the cache key; any release the user chooses is accepted.
if [[ -n "${WOOCOMMERCE_ZIP:-}" ]]; then
  [[ -f "$WOOCOMMERCE_ZIP" ]] || die "WOOCOMMERCE_ZIP=$WOOCOMMERCE_ZIP: no such file"
  say "WooCommerce from WOOCOMMERCE_ZIP ($WOOCOMMERCE_ZIP)"
  extract "$WOOCOMMERCE_ZIP" "$(sha256_of "$WOOCOMMERCE_ZIP")"
  exit 0
fi

# Already fetched or extracted by an earlier run: no network needed.
if [[ -f "$CACHE_DIR/$WOOCOMMERCE_SHA256/woocommerce/woocommerce.php" ]]; then
  say "WooCommerce $WOOCOMMERCE_VERSION from the cache ($CACHE_DIR/$WOOCOMMERCE_SHA256)"
  echo "$CACHE_DIR/$WOOCOMMERCE_SHA256/woocommerce"
  exit 0
fi

# 3. The official release, when the machine is online. A file that fails the checksum is discarded, never used.
if [[ "${GPSYNC_WOOCOMMERCE_DOWNLOAD:-1}" != 0 ]] && command -v curl >/dev/null 2>&1; then
  download="$CACHE_DIR/woocommerce.$WOOCOMMERCE_VERSION.zip"
  mkdir -p "$CACHE_DIR"
  if curl -fsSL --connect-timeout 5 --max-time 300 -o "$download.part" "$WOOCOMMERCE_URL" 2>/dev/null; then
    if [[ "$(sha256_of "$download.part")" == "$WOOCOMMERCE_SHA256" ]]; then
      mv "$download.part" "$download"
      say "WooCommerce $WOOCOMMERCE_VERSION downloaded (checksum verified)"
      extract "$download" "$WOOCOMMERCE_SHA256"
      rm -f "$download"
      exit 0
    fi
    say "the downloaded WooCommerce $WOOCOMMERCE_VERSION does not match its pinned checksum: discarded"
  else
    say "WooCommerce download not reachable (offline?): trying ../shared"
  fi
  rm -f "$download.part"
fi

# 4. The project's shared copy beside the repository, checked against the checksum file beside it.
if [[ -f "$SHARED_ZIP" ]]; then
  expected="$(cut -d' ' -f1 "$SHARED_ZIP.sha256" 2>/dev/null || true)"
  actual="$(sha256_of "$SHARED_ZIP")"
  [[ -n "$expected" && "$actual" == "$expected" ]] ||
    die "$SHARED_ZIP does not match ${SHARED_ZIP##*/}.sha256 (expected ${expected:-nothing}, got $actual)"
  say "WooCommerce $WOOCOMMERCE_VERSION from ../shared/woocommerce (checksum verified)"
  extract "$SHARED_ZIP" "$actual"
  exit 0
fi

# 5. Nothing: say so where nobody can miss it.
log "SKIPPED: no WooCommerce (set WOOCOMMERCE_DIR or WOOCOMMERCE_ZIP, go online, or put the release at ../shared/woocommerce/); WooCommerce tests will be skipped"
exit 0
