#!/usr/bin/env bash
# Runs every test suite in the repository (README: `npm test`): TypeScript typecheck, the bridge's Vitest
# suites, PHP static analysis, then the test profile of the local stack (MariaDB + WordPress + plugin
# [+ WooCommerce when WOOCOMMERCE_DIR is set] + bridge) for PHPUnit and the Playwright e2e smoke test.
# Every suite runs even when an earlier one fails; the summary at the end says which ran, failed or were skipped.
set -euo pipefail
cd "$(dirname "$0")/.."

passed=()
failed=()
skipped=()

# run_suite NAME COMMAND… — runs one suite, records the outcome, never stops the script.
run_suite() {
  local name="$1"
  shift
  echo
  echo "==== $name"
  if "$@"; then passed+=("$name"); else failed+=("$name"); fi
}

# The plugin's Composer dependencies: PHPUnit and the linters, and the autoloader the bridge's PHP contract
# test uses.
[[ -f plugin/vendor/autoload.php ]] || (cd plugin && composer install --no-interaction --no-progress)

run_suite "typecheck" npm run typecheck
run_suite "lint (ESLint + Prettier)" npm run lint
run_suite "bridge (Vitest)" npm test -w bridge
# The admin app: its build (plugin/build/, which WordPress loads in the e2e suite) and its Vitest suite.
run_suite "plugin admin app (build + Vitest)" bash -c 'npm run build --workspaces --if-present && npm test -w plugin'
run_suite "lint:php (phpcs + phpstan)" bash scripts/lint-php.sh

echo
echo "==== test stack"
# One test stack at a time: a second `npm test` in the same tree waits here instead of sharing (and then
# stopping) the first one's WordPress. The stack's processes close this descriptor, so it dies with us.
mkdir -p .local
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
  [[ "$WOOCOMMERCE" == 1 ]] || skipped+=("WooCommerce-dependent PHP tests (WOOCOMMERCE_DIR not set)")
  [[ "$BRIDGE" == 1 ]] || skipped+=("bridge-dependent tests (bridge not running)")
  # GPSYNC_TESTS_REQUIRE_WP: here a WordPress that failed to boot is an error, not a quiet skip.
  run_suite "PHPUnit (plugin: unit + integration)" \
    env GPSYNC_TESTS_REQUIRE_WP=1 bash -c 'cd plugin && vendor/bin/phpunit'
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
for s in "${failed[@]}"; do echo "FAILED:  $s"; done
for s in "${skipped[@]}"; do echo "SKIPPED: $s"; done
echo "suites: ${#passed[@]} passed, ${#failed[@]} failed"
[[ ${#failed[@]} == 0 ]]
