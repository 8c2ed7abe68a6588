#!/usr/bin/env bash
# Runs every test suite in the repository (README: `npm test`). Suites are added here as they land.
set -euo pipefail
cd "$(dirname "$0")/.."
npm run typecheck
npm test -w bridge
