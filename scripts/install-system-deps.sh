#!/usr/bin/env bash
# Installs (as root, with apt) or checks (otherwise) the system packages the desk needs.
#   scripts/install-system-deps.sh run    Qt's runtime libraries, to open the desk
#   scripts/install-system-deps.sh test   plus CUPS with cups-pdf, poppler, zbar, Xvfb with the
#                                         openbox window manager (layout tests), fonts, and
#                                         PostgreSQL (the platform's tests start their own cluster),
#                                         Chromium with its driver and a CJK font (web pages tested in a browser)
# A missing package is a clear error naming it, never a silent skip.
set -euo pipefail
profile="${1:-test}"

run_pkgs=(libegl1 libgl1 libopengl0 libglib2.0-0 libfontconfig1 libfreetype6 libdbus-1-3
  libxkbcommon0 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0
  libxcb-image0 libxcb-render-util0 libxcb-xinerama0 libxcb-randr0 libxcb-xfixes0 libx11-xcb1
  fontconfig fonts-dejavu-core)
test_pkgs=(cups cups-client cups-bsd printer-driver-cups-pdf poppler-utils zbar-tools xvfb xauth openbox x11-utils postgresql
  chromium chromium-driver fonts-wqy-microhei)

pkgs=("${run_pkgs[@]}")
[ "$profile" = "test" ] && pkgs+=("${test_pkgs[@]}")

if command -v dpkg-query >/dev/null 2>&1; then
  missing=()
  for p in "${pkgs[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -eq 0 ]; then
    exit 0
  fi
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing system packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q >/dev/null
    apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
    exit 0
  fi
  echo "error: these system packages are needed and missing: ${missing[*]}" >&2
  echo "       install them with: sudo apt-get install ${missing[*]}" >&2
  exit 1
fi

# Not a Debian-like system: check the commands the tests use.
if [ "$profile" = "test" ]; then
  missing=()
  for c in pdftoppm pdftotext zbarimg lpstat lp cupsd Xvfb openbox xprop chromium chromedriver; do
    command -v "$c" >/dev/null 2>&1 || missing+=("$c")
  done
  command -v initdb >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(initdb)
  if [ ${#missing[@]} -gt 0 ]; then
    echo "error: these commands are needed by the tests and missing: ${missing[*]}" >&2
    echo "       install CUPS with cups-pdf, poppler-utils, zbar, Xvfb, openbox, x11-utils and the PostgreSQL server" >&2
    exit 1
  fi
fi
