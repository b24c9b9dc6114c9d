#!/usr/bin/env bash
# Smoke-runs the frozen desk (dist/xinan-desk, made by `make dist`) the way a street's laptop
# would: no Python, no virtualenv, an empty environment, a fresh data folder, offscreen Qt.
#   1. the window opens, loads tonight's list and closes (XINAN_DESK_EXIT_WHEN_IDLE prints idle <ms>)
#   2. the team leader sets a PIN and the tracking page's address (as enrolment would), and a
#      case is recorded from the command line
#   3. its 80 mm slip is written, rasterised, and its QR code decodes to the case's tracking URL
#   4. its slip is printed through Qt (QtPrintSupport and its CUPS plugin, from the frozen folder)
#      to a cups-pdf queue, and the printed page's QR code decodes at 203 dpi
# Any failure stops with a message naming the step and a non-zero status.
set -euo pipefail
desk_dir="${1:-dist/xinan-desk}"
desk="$(cd "$desk_dir" && pwd)/xinan-desk"
[ -x "$desk" ] || { echo "error: $desk not found; run make dist first" >&2; exit 1; }
for tool in pdftoppm zbarimg; do
  command -v "$tool" >/dev/null || { echo "error: $tool is needed (scripts/install-system-deps.sh test)" >&2; exit 1; }
done

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
data="$work/data"
# An empty environment: only what a double-click would have, plus offscreen Qt and the street's
# passphrase (the encrypted database asks for it; the desk ignores it where there is none).
frozen() {
  env -i PATH=/usr/bin:/bin HOME="$work/home" LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen \
    XINAN_DESK_PASSPHRASE="smoke-test passphrase 夜话" "$@"
}
mkdir -p "$work/home"

fail() { echo "dist-smoke: $1" >&2; exit 1; }

started=$(frozen XINAN_DESK_EXIT_WHEN_IDLE=1 timeout 120 "$desk" --data-dir "$data") \
  || fail "the window did not open and close (status $?)"
[[ "$started" =~ ^idle\ [0-9]+$ ]] || fail "the window did not report idle: '$started'"

# Without a tracking address a slip has no QR code (it says online lookup is not open yet).
frozen XINAN_DESK_NEW_PIN=246810 timeout 60 "$desk" --data-dir "$data" pin >/dev/null || fail "pin failed"
frozen timeout 60 "$desk" --data-dir "$data" --pin 246810 settings --set base_url=https://xinan.baoan.gov.cn/t/ \
  >/dev/null || fail "settings --set base_url failed"
frozen timeout 60 "$desk" --data-dir "$data" case template > "$work/case.json" || fail "case template failed"
code=$(frozen timeout 60 "$desk" --data-dir "$data" case add --json "$work/case.json") || fail "case add failed"
[[ "$code" =~ ^[0-9A-Z]{3}-[0-9A-Z]{4}-[0-9A-Z]$ ]] || fail "case add printed '$code', not a tracking code"

frozen timeout 60 "$desk" --data-dir "$data" slip "$code" --paper 80mm --out "$work/slip.pdf" >/dev/null \
  || fail "slip $code failed"
pdftoppm -r 300 -png "$work/slip.pdf" "$work/slip"
decoded=$(zbarimg -q --raw "$work"/slip*.png 2>/dev/null) || fail "no QR code found on the slip"
compact="${code//-/}"
[[ "${decoded^^}" == *"/T/$compact/"* ]] || fail "the QR code reads '$decoded', not case $code's tracking URL"

# 4. Printed through Qt's print support to a real queue, as `xinan-desk slip --print` does.
queue=xinan-dist-smoke
here="$(cd "$(dirname "$0")" && pwd)"
out_dir=$("$here/cups-test-printer.sh" "$queue") || fail "the cups-pdf queue $queue could not be set up"
rm -f "$out_dir"/*.pdf
job=$(frozen timeout 60 "$desk" --data-dir "$data" slip "$code" --paper 80mm --print --printer "$queue") \
  || fail "slip $code --print did not print (status $?)"
printed=""
for _ in $(seq 1 100); do
  printed=$(ls "$out_dir"/xinan-slip-"$compact"-2_*.pdf 2>/dev/null | head -1)
  [ -n "$printed" ] && [ -s "$printed" ] && break
  sleep 0.2
done
[ -n "$printed" ] || fail "job $job never arrived in $out_dir"
sleep 0.5  # cups-pdf writes the file in place
pdftoppm -r 203 -mono -singlefile "$printed" "$work/printed"
printed_qr=$(zbarimg -q --raw "$work/printed.pbm" 2>/dev/null) || fail "no QR code found on the printed slip"
[[ "$printed_qr" == "$decoded" ]] || fail "the printed slip's QR code reads '$printed_qr', not '$decoded'"

echo "dist-smoke: ok — $started, case $code, slip QR → ${decoded}, printed through Qt as job $job"
