#!/usr/bin/env bash
# Static analysis of the plugin's PHP: PHP_CodeSniffer (WordPress standards, plugin/phpcs.xml.dist) and
# PHPStan (plugin/phpstan.neon.dist). Both must pass; neither changes a file (run vendor/bin/phpcbf by hand).
set -euo pipefail
cd "$(dirname "$0")/../plugin"
[[ -x vendor/bin/phpcs ]] || composer install --no-interaction --no-progress

echo "== phpcs (WordPress coding standards)"
if ! report="$(vendor/bin/phpcs -q --no-colors 2>&1)"; then
  # Drop only WPCS 2.3's notices about its own deprecated sniffs, which say nothing about our code.
  printf '%s\n' "$report" | grep -v -E "^(Pass array values|WARNING: The .* standard uses|Deprecated sniffs|future\.|-  |   This sniff|   Use the)"
  echo "phpcs: violations found (fix them; vendor/bin/phpcbf fixes the marked ones)"
  exit 1
fi
echo "phpcs: no violations"

echo "== phpstan"
# PHPStan keeps its result cache in the system temp folder, shared by every checkout on the machine: two trees
# analysed at once corrupt each other's cache ("Malformed entry header"). Each tree gets its own.
mkdir -p ../.local/tmp
TMPDIR="$(cd ../.local/tmp && pwd)" vendor/bin/phpstan analyse --no-progress --memory-limit=1G
