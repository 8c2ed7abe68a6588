#!/usr/bin/env bash
# Starts the product (README: `npm start`). For now: the bridge on the sandbox GP.
set -euo pipefail
cd "$(dirname "$0")/.."
npm run build -w bridge
exec node bridge/dist/cli.js serve
