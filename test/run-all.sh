#!/usr/bin/env bash
# `npm test`: every test, unit and end-to-end, in one vitest run, then one summary line.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -d node_modules ]; then
  ELECTRON_SKIP_BINARY_DOWNLOAD=1 npm ci
fi
bash test/setup-ci.sh
npm run build --silent
mkdir -p test-results
status=0
npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json || status=$?
node test/support/printSummary.mjs test-results/vitest.json || true
exit "$status"
