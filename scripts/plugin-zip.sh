#!/usr/bin/env bash
# Builds the installable plugin (README: `npm run plugin-zip`): dist/gp-sync-for-woocommerce-<version>.zip with
# one folder, gp-sync-for-woocommerce/, holding only what runs on a site — the main file, uninstall.php, src/
# (PHP only), readme.txt, languages/ and the built admin assets in build/ when they exist. No tests, no
# Composer or npm dependencies, no sources maps (GPSYNC_ZIP_SOURCE_MAPS=1 keeps them).
# Prints the zip's path on stdout. Usage: scripts/plugin-zip.sh [--no-build]
set -euo pipefail
cd "$(dirname "$0")/.."
REPO_ROOT="$PWD"
SLUG=gp-sync-for-woocommerce
say() { printf '[plugin-zip] %s\n' "$*" >&2; }

version="$(sed -n 's/^ \* Version: *\([^ ]*\)$/\1/p' "plugin/$SLUG.php")"
[[ -n "$version" ]] || { say "ERROR: no 'Version:' line in the header of plugin/$SLUG.php"; exit 1; }
command -v zip >/dev/null 2>&1 || { say "ERROR: zip is missing (apt-get install zip, or run scripts/ensure-deps.sh)"; exit 1; }

# The admin app is built by its workspace's `build` script (wp-scripts → plugin/build/) when it has one.
if [[ "${1:-}" != --no-build ]]; then
  say "building the workspaces (npm run build --workspaces --if-present)"
  npm run build --workspaces --if-present >&2
fi

stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
target="$stage/$SLUG"
mkdir -p "$target"
cp "plugin/$SLUG.php" plugin/uninstall.php plugin/readme.txt "$target/"
# src/: PHP only (its README is for developers).
(cd plugin && find src -type f -name '*.php' -exec cp --parents -t "$target" {} +)
for dir in languages build; do
  [[ -d "plugin/$dir" ]] && cp -a "plugin/$dir" "$target/"
done
if [[ "${GPSYNC_ZIP_SOURCE_MAPS:-0}" != 1 ]]; then
  find "$target" -name '*.map' -delete
fi

mkdir -p dist
zip_path="$REPO_ROOT/dist/$SLUG-$version.zip"
rm -f "$zip_path"
# -X: no extra file attributes; sorted names: the same tree gives the same listing.
(cd "$stage" && find "$SLUG" -type f | LC_ALL=C sort | zip -q -X "$zip_path" -@)
say "$(unzip -Z1 "$zip_path" | wc -l) files, $(du -k "$zip_path" | cut -f1) kB: dist/$SLUG-$version.zip"
echo "$zip_path"
