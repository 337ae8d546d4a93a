#!/usr/bin/env bash
# Finds the Chromium that the end-to-end tests drive, installing Debian's package when missing and root.
set -euo pipefail
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ]; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "ensureChromium: $CHROMIUM not found; installing Debian's chromium package..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
  [ -x "$CHROMIUM" ] && exit 0
fi
echo "ensureChromium: no Chromium at $CHROMIUM." >&2
echo "  Install it with: sudo apt-get install -y chromium   (or set CHROMIUM_PATH to a Chromium binary)" >&2
exit 1
