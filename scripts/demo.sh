#!/usr/bin/env bash
# The main job, on a fresh machine and without a display: install what is needed, build the
# extension, then show it at work in headless Chromium (text summary per page, screenshots with an
# open card in out/demo/).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh chromium

# Cards on Chinese pages need a CJK font to be readable in the screenshots (the text checks do not).
if command -v fc-list >/dev/null 2>&1 && ! fc-list :lang=zh 2>/dev/null | grep -q .; then
  echo "» apt-get install fonts-wqy-microhei (a Chinese font for the screenshots)"
  SUDO=""
  [ "$(id -u)" = 0 ] || SUDO="sudo"
  { $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq fonts-wqy-microhei >/dev/null; } \
    || echo "  (could not install it: Chinese text in the screenshots may show as boxes)"
fi

npx wxt build
npx tsx scripts/demo.ts "$@"
