#!/usr/bin/env bash
# Firefox review: the sources zip (`wxt zip -b firefox`) rebuilds the Firefox package byte for byte
# after `npm ci && npx wxt build -b firefox` in a clean temp dir. Slow (npm ci). Details in
# scripts/check-reproducible.ts. Exit code 0: reproducible.
set -euo pipefail
cd "$(dirname "$0")/.."
exec npx tsx scripts/check-reproducible.ts
