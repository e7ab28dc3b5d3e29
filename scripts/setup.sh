#!/usr/bin/env bash
# Installs what the project needs on a fresh machine: npm packages (from the lockfile) and,
# when asked, the browsers for the end-to-end tests: `chromium` (Debian's Chromium), `firefox`
# (Debian's Firefox ESR and its Chinese language pack, for the Chinese UI tests) and `firefox-140`
# (the oldest Firefox ESR supported, unpacked from Debian's archive beside the system one, in
# $FIGURE_CHECK_CACHE/firefox-esr-140; its path is written to $FIGURE_CHECK_CACHE/firefox-esr-140.path).
# Usage: bash scripts/setup.sh [chromium] [firefox] [firefox-140]. Safe to run again.
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
    firefox)
      command -v firefox-esr >/dev/null 2>&1 || need_apt+=(firefox-esr)
      dpkg -s firefox-esr-l10n-zh-cn >/dev/null 2>&1 || need_apt+=(firefox-esr-l10n-zh-cn)
      ;;
    firefox-140) want_firefox_140=1 ;;
  esac
done
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "» apt-get install ${need_apt[*]}"
  SUDO=""
  [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

# Firefox ESR 140, the oldest release supported (strict_min_version), unpacked beside the system
# Firefox (never installed over it): the newest 140.x Debian's archive has, with its language pack.
if [ -n "${want_firefox_140:-}" ]; then
  cache="${FIGURE_CHECK_CACHE:-$HOME/.cache/figure-check}"
  dir="$cache/firefox-esr-140"
  bin="$dir/usr/lib/firefox-esr/firefox-esr"
  if [ ! -x "$bin" ]; then
    SUDO=""
    [ "$(id -u)" = 0 ] || SUDO="sudo"
    version=$(apt-cache madison firefox-esr 2>/dev/null | awk '{print $3}' | grep '^140\.' | sort -V | tail -n 1 || true)
    if [ -z "$version" ]; then
      $SUDO apt-get update -qq
      version=$(apt-cache madison firefox-esr | awk '{print $3}' | grep '^140\.' | sort -V | tail -n 1 || true)
    fi
    if [ -n "$version" ]; then
      echo "» Firefox ESR $version (unpacked in $dir)"
      tmp=$(mktemp -d)
      chmod 777 "$tmp" # apt-get download runs as _apt where it can
      if (cd "$tmp" && apt-get download -qq "firefox-esr=$version" "firefox-esr-l10n-zh-cn=$version"); then
        mkdir -p "$dir"
        for deb in "$tmp"/*.deb; do dpkg -x "$deb" "$dir"; done
      else
        echo "» Firefox ESR 140: download failed; its test run is skipped" >&2
      fi
      rm -rf "$tmp"
    else
      echo "» Firefox ESR 140: not in Debian's archive here; its test run is skipped" >&2
    fi
  fi
  mkdir -p "$cache"
  if [ -x "$bin" ]; then echo "$bin" > "$cache/firefox-esr-140.path"; else rm -f "$cache/firefox-esr-140.path"; fi
fi
