#!/usr/bin/env bash
# Starts CUPS (if it is not running) and adds a print queue for the print-path tests.
#   scripts/cups-test-printer.sh [QUEUE]          a cups-pdf queue (default name: xinan-test)
#   scripts/cups-test-printer.sh QUEUE --jams     a queue whose printer jams on every job
#   scripts/cups-test-printer.sh QUEUE --offline  a queue whose printer is unplugged (jobs wait)
# Prints one line on stdout: the directory where a cups-pdf queue writes its PDFs (empty for
# --jams and --offline). Needs root (the tests run as root in CI) to start cupsd and to add a queue.
# Any failure is a clear message on stderr and a non-zero exit: the tests then fail, never skip.
#
# The cups-pdf queue declares 203 dpi, as a thermal receipt printer's driver does, so the desk
# draws its slips at 203 dpi and the PDF that arrives holds the dots a thermal head would print.
# CUPS is set not to keep copies of printed jobs (PreserveJobFiles No): a slip's spool file
# (/var/spool/cups/d…) goes when its job is done, as docs/printing.md tells streets to do.
set -euo pipefail
queue="${1:-xinan-test}"
mode="${2:-pdf}"
out_dir="/var/spool/cups-pdf/${queue}"
ppd=/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd
thermal_ppd=/etc/cups/xinan-test-thermal-203dpi.ppd
PATH="$PATH:/usr/sbin:/sbin"

die() { echo "cups-test-printer: $*" >&2; exit 1; }
need_root() { [ "$(id -u)" = "0" ] || die "$1 and only root can do that (run the tests as root, or sudo $0 $*)"; }

for c in cupsd lpadmin lpstat cupsenable cupsaccept; do
  command -v "$c" >/dev/null 2>&1 || die "missing command $c: run scripts/install-system-deps.sh test"
done

if ! lpstat -r 2>/dev/null | grep -q "is running"; then
  need_root "CUPS is not running"
  mkdir -p /run/cups
  cupsd || die "cupsd would not start; see /var/log/cups/error_log"
  for _ in $(seq 1 50); do
    lpstat -r 2>/dev/null | grep -q "is running" && break
    sleep 0.1
  done
  lpstat -r 2>/dev/null | grep -q "is running" || die "cupsd started but does not answer"
fi

# No spool copies of printed slips: CUPS's default keeps a job's file for a day.
if ! grep -qx "PreserveJobFiles No" /etc/cups/cupsd.conf 2>/dev/null; then
  need_root "CUPS keeps copies of printed jobs (PreserveJobFiles)"
  cupsctl PreserveJobFiles=No || die "cupsctl could not set PreserveJobFiles No"
  for _ in $(seq 1 50); do
    lpstat -r 2>/dev/null | grep -q "is running" && break
    sleep 0.1
  done
fi

# A queue on a backend of our own that misbehaves as a real printer does. Usage:
#   broken_printer NAME DESCRIPTION "lpadmin options" "backend line" ...
broken_printer() {
  local name="$1" description="$2" options="$3"
  shift 3
  local backend="/usr/lib/cups/backend/$name"
  if [ ! -x "$backend" ] || ! lpstat -v "$queue" >/dev/null 2>&1; then
    need_root "the test queue $queue does not exist"
    printf '%s\n' '#!/bin/sh' "# xinan-desk tests: $description." \
      "if [ \$# -eq 0 ]; then echo 'direct $name \"Unknown\" \"$description\"'; exit 0; fi" \
      "$@" >"$backend"
    chmod 0755 "$backend"
    # shellcheck disable=SC2086  # the options are words for lpadmin
    lpadmin -p "$queue" -E -v "$name:/" -m raw $options 2>/dev/null \
      || die "lpadmin could not add the queue $queue"
  fi
  cupsenable "$queue" && cupsaccept "$queue" || die "could not enable the queue $queue"
  echo ""
  exit 0
}

if [ "$mode" = "--offline" ]; then
  # As CUPS's usb backend says when the cable is out: the queue stays enabled and the job waits.
  broken_printer xinan-offline "a printer that is unplugged" "" \
    'echo "STATE: +offline-report" >&2' \
    'echo "INFO: Waiting for printer to become available." >&2' \
    'sleep 120' 'exit 1'
fi

if [ "$mode" = "--jams" ]; then
  # Reports a paper jam and tells CUPS to stop the queue (exit status 4), as a real printer's
  # backend does when the paper jams.
  broken_printer xinan-jam "a printer that jams on every job" "-o printer-error-policy=stop-printer" \
    'cat >/dev/null 2>&1 || true' \
    'echo "STATE: +media-jam-error" >&2' \
    'echo "ERROR: Media jam" >&2' \
    'exit 4'
fi

[ -x /usr/lib/cups/backend/cups-pdf ] || die "the cups-pdf backend is missing: install the package printer-driver-cups-pdf"
[ -f "$ppd" ] || die "the cups-pdf PPD $ppd is missing: install the package printer-driver-cups-pdf"
if [ ! -f "$thermal_ppd" ]; then
  need_root "the 203-dpi test PPD $thermal_ppd does not exist"
  sed -e 's/^\*DefaultResolution: .*/*DefaultResolution: 203dpi/' \
      -e 's|^\*Resolution 150dpi/|*Resolution 203dpi/203 DPI: "<</HWResolution[203 203]>>setpagedevice"\n&|' \
      "$ppd" >"$thermal_ppd.partial" && mv "$thermal_ppd.partial" "$thermal_ppd" \
    || die "could not write $thermal_ppd"
fi
# cups-pdf reads /etc/cups/cups-pdf-<name>.conf for a device URI cups-pdf:/<name>, so this
# queue gets its own output directory without touching the machine's own cups-pdf settings.
conf="/etc/cups/cups-pdf-${queue}.conf"
if [ ! -f "$conf" ] || ! lpstat -v "$queue" >/dev/null 2>&1 \
   || ! lpoptions -p "$queue" -l 2>/dev/null | grep -q '[*]203dpi'; then
  need_root "the test queue $queue does not exist (or is not the 203-dpi one)"
  mkdir -p "$out_dir"
  chmod 0777 "$out_dir"
  printf '%s\n' "Out ${out_dir}" "AnonDirName ${out_dir}" "Label 0" "TitlePref 1" "Grp root" \
    "DecodeHexStrings 1" >"$conf"
  lpadmin -p "$queue" -E -v "cups-pdf:/${queue}" -P "$thermal_ppd" -o printer-error-policy=stop-printer 2>/dev/null \
    || die "lpadmin could not add the queue $queue"
fi
# A previous test may have left the queue stopped or rejecting jobs on purpose.
cupsenable "$queue" && cupsaccept "$queue" || die "could not enable the queue $queue"
echo "$out_dir"
