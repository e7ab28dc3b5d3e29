#!/usr/bin/env bash
# Installs what the project needs on a fresh machine: npm packages (from the lockfile) and,
# when asked, Debian's Chromium for the end-to-end tests. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${CI:-}" = "true" ] || [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "» npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi

need_apt=()
for want in "$@"; do
  case "$want" in
    chromium) command -v chromium >/dev/null 2>&1 || need_apt+=(chromium) ;;
    firefox) command -v firefox-esr >/dev/null 2>&1 || need_apt+=(firefox-esr) ;;
  esac
done
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "» apt-get install ${need_apt[*]}"
  SUDO=""
  [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi
