#!/usr/bin/env bash
# Seeds the demo store into a profile once (scripts/stack/wp/demo.php): products, customers, orders sent to the
# sandbox GP, one dead letter to correct. Prints one summary line on stdout. Needs the profile up (up.sh).
# Usage: scripts/stack/demo.sh dev|test
set -euo pipefail
# shellcheck source=scripts/stack/lib.sh
source "$(dirname "$0")/lib.sh"
load_profile "${1:-}"
[[ -f "$STACK_ENV" ]] || die "the $PROFILE profile is not up (scripts/stack/up.sh $PROFILE)"
wp_php "$STACK_DIR/wp/demo.php" settle
wp_php "$STACK_DIR/wp/demo.php"
