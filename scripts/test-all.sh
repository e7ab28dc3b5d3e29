#!/usr/bin/env bash
# The one test command: sets up, then runs every suite, and ends with one line "N passed, M failed"
# counting every test of every suite. Exits non-zero if anything failed.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh || { echo "0 passed, 1 failed"; exit 1; }

passed=0
failed=0
mkdir -p out

echo "» typecheck"
if npx tsc --noEmit -p .; then passed=$((passed + 1)); else failed=$((failed + 1)); fi

echo "» unit, property and CLI tests (Vitest)"
npx vitest run --reporter=default --reporter=json --outputFile=out/vitest.json
if [ -f out/vitest.json ]; then
  read -r p f < <(node -e 'const r=require("./out/vitest.json");console.log(r.numPassedTests, r.numFailedTests + (r.numTotalTestSuites && r.testResults.filter(t=>t.status==="failed"&&t.assertionResults.length===0).length))')
  passed=$((passed + p)); failed=$((failed + f))
else
  failed=$((failed + 1))
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
