#!/usr/bin/env bash
# Runs every test suite in the repository (README: `npm test`): installs what is missing first
# (scripts/ensure-deps.sh: apt packages incl. Chromium, npm ci, composer install), then the TypeScript typecheck,
# lint, the bridge's Vitest suites, PHP static analysis, the plugin zip, then the test profile of the local
# stack (MariaDB + WordPress + WooCommerce + the plugin installed from that zip + bridge) for PHPUnit and the
# Playwright e2e suite.
# Every suite runs even when an earlier one fails; the summary at the end says which ran, failed or were skipped.
set -euo pipefail
cd "$(dirname "$0")/.."

passed=()
failed=()
skipped=()
declare -A failed_log=() # suite name → its output

# run_suite NAME COMMAND… — runs one suite, records the outcome, never stops the script. Its output is also
# kept in .local/suite-logs/, so the summary can name the tests that failed (CI shows only the last lines).
run_suite() {
  local name="$1"
  shift
  echo
  echo "==== $name"
  local log=".local/suite-logs/$(( ${#passed[@]} + ${#failed[@]} + 1 )).log"
  if "$@" 2>&1 | tee "$log"; then
    passed+=("$name")
  else
    failed+=("$name")
    failed_log["$name"]="$log"
  fi
}

# failing_tests LOG — the lines of a suite's output that name a failed test (Playwright, Vitest, PHPUnit, shell).
failing_tests() {
  sed -E 's/\x1b\[[0-9;]*m//g' "$1" | # without colour codes
    grep -E '^\s*✘|^\s*(×|FAIL) |^[0-9]+\) [A-Za-z0-9\\_]+::|^not ok|^ERROR|^FAIL' | sed -E 's/^\s+//' | sort -u | head -8 || true
}

bash scripts/ensure-deps.sh --e2e
mkdir -p .local
rm -rf .local/suite-logs && mkdir -p .local/suite-logs

run_suite "typecheck" npm run typecheck
run_suite "lint (ESLint + Prettier)" npm run lint
run_suite "bridge (Vitest)" npm test -w bridge
run_suite "plugin admin scripts (Vitest)" npm test -w plugin
# The admin scripts the e2e specs click (plugin/build, not committed).
run_suite "build (every workspace)" npm run build --workspaces --if-present
run_suite "lint:php (phpcs + phpstan)" bash scripts/lint-php.sh
# Schema checks find Microsoft's eConnect.xsd here or in GPSYNC_ECONNECT_XSD (never in the repository).
if [[ -z "${GPSYNC_ECONNECT_XSD:-}" && ! -f ../shared/econnect/eConnect.xsd ]]; then
  skipped+=("eConnect schema validation in the bridge suites (set GPSYNC_ECONNECT_XSD to eConnect.xsd)")
fi
# The installable plugin, built with the admin app; the test stack installs this zip and the tests run on it.
zip_path=""
rm -f .local/plugin-zip.path
run_suite "plugin zip (npm run plugin-zip)" bash -c 'bash scripts/plugin-zip.sh >.local/plugin-zip.path'
[[ -s .local/plugin-zip.path ]] && zip_path="$(cat .local/plugin-zip.path)"
export GPSYNC_PLUGIN_ZIP="$zip_path"

echo
echo "==== test stack"
# One test stack at a time: a second `npm test` in the same tree waits here instead of sharing (and then
# stopping) the first one's WordPress. The stack's processes close this descriptor, so it dies with us.
exec 9>.local/test-stack.lock
if ! flock -n 9; then
  echo "another npm test holds the test stack; waiting for it"
  flock 9
fi
stack_up=0
# Leave the stack as found: one that was already up (someone is working with it) keeps running afterwards.
if [[ -f .local/test/run/wordpress.pid ]] && kill -0 "$(cat .local/test/run/wordpress.pid)" 2>/dev/null; then
  echo "the test stack is already up: using it and leaving it running"
else
  trap 'bash scripts/stack/down.sh test' EXIT
fi
up_status=0
bash scripts/stack/up.sh test || up_status=$?
case "$up_status" in
  0) stack_up=1 ;;
  3) stack_up=1 && failed+=("bridge start (see .local/test/logs/bridge.log)") ;;
  *) failed+=("test stack (scripts/stack/up.sh test)") ;;
esac

if [[ "$stack_up" == 1 ]]; then
  # shellcheck disable=SC1091
  source .local/test/stack.env
  [[ "$WOOCOMMERCE" == 1 ]] || skipped+=("WooCommerce-dependent PHP and e2e tests (no WooCommerce: set WOOCOMMERCE_DIR or WOOCOMMERCE_ZIP)")
  echo "the plugin under test: $PLUGIN_DIR ($([[ "$PLUGIN_INSTALL" == zip ]] && echo "installed from $PLUGIN_ZIP" || echo "linked to plugin/"))"
  [[ "$BRIDGE" == 1 ]] || skipped+=("bridge-dependent tests (bridge not running)")
  rm -rf .local/contract-payloads/live # this run's payloads only, for the contract re-run below
  # GPSYNC_TESTS_REQUIRE_WP: here a WordPress that failed to boot is an error, not a quiet skip.
  run_suite "PHPUnit (plugin: unit + integration)" \
    env GPSYNC_TESTS_REQUIRE_WP=1 bash -c 'cd plugin && vendor/bin/phpunit'
  # The bridge's contract test of the payloads PHPUnit has just built from real WooCommerce orders
  # (.local/contract-payloads/live): the first Vitest run comes before them and skips it, so it runs again here.
  if compgen -G ".local/contract-payloads/live/*/*.json" >/dev/null; then
    run_suite "contract: live PHP payloads against the bridge schemas" \
      npm exec -w bridge -- vitest run test/contract-php/php-payloads.test.ts
  else
    skipped+=("contract: live PHP payloads (PHPUnit wrote none)")
  fi
  chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
  if [[ -x "$chromium" ]]; then
    run_suite "e2e (Playwright, $chromium)" npm test -w e2e
  else
    echo "SKIPPED: e2e (no Chromium at $chromium; apt-get install chromium)"
    skipped+=("e2e (no Chromium at $chromium)")
  fi
else
  skipped+=("PHPUnit and e2e (the test stack did not come up)")
fi

echo
echo "==== summary"
for s in "${passed[@]}"; do echo "passed:  $s"; done
for s in "${failed[@]}"; do
  echo "FAILED:  $s"
  if [[ -n "${failed_log[$s]:-}" ]]; then failing_tests "${failed_log[$s]}" | sed 's/^/         /'; fi
done
for s in "${skipped[@]}"; do echo "SKIPPED: $s"; done
echo "suites: ${#passed[@]} passed, ${#failed[@]} failed"
[[ ${#failed[@]} == 0 ]]
