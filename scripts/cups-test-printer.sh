#!/usr/bin/env bash
# Starts CUPS (if it is not running) and adds a cups-pdf print queue for the print-path tests.
#   scripts/cups-test-printer.sh [QUEUE]     default queue: xinan-test
# Prints one line on stdout: the directory where that queue writes its PDFs.
# Needs root (the tests run as root in CI) the first time, to start cupsd and add the queue.
# Any failure is a clear message on stderr and a non-zero exit: the tests then fail, never skip.
set -euo pipefail
queue="${1:-xinan-test}"
out_dir="/var/spool/cups-pdf/${queue}"
ppd=/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd

die() { echo "cups-test-printer: $*" >&2; exit 1; }

for c in cupsd lpadmin lpstat cupsenable cupsaccept; do
  command -v "$c" >/dev/null 2>&1 || PATH="$PATH:/usr/sbin"
  command -v "$c" >/dev/null 2>&1 || die "missing command $c: run scripts/install-system-deps.sh test"
done
[ -x /usr/lib/cups/backend/cups-pdf ] || die "the cups-pdf backend is missing: install the package cups-pdf"
[ -f "$ppd" ] || die "the cups-pdf PPD $ppd is missing: install the package cups-pdf"

if ! lpstat -r 2>/dev/null | grep -q "is running"; then
  [ "$(id -u)" = "0" ] || die "CUPS is not running and only root can start it (sudo cupsd)"
  mkdir -p /run/cups
  cupsd || die "cupsd would not start; see /var/log/cups/error_log"
  for _ in $(seq 1 50); do
    lpstat -r 2>/dev/null | grep -q "is running" && break
    sleep 0.1
  done
  lpstat -r 2>/dev/null | grep -q "is running" || die "cupsd started but does not answer"
fi

# cups-pdf reads /etc/cups/cups-pdf-<name>.conf for a device URI cups-pdf:/<name>, so this
# queue gets its own output directory without touching the machine's own cups-pdf settings.
conf="/etc/cups/cups-pdf-${queue}.conf"
if [ ! -f "$conf" ] || ! lpstat -v "$queue" >/dev/null 2>&1; then
  [ "$(id -u)" = "0" ] || die "the test queue $queue does not exist and only root can add it"
  mkdir -p "$out_dir"
  chmod 0777 "$out_dir"
  cat >"$conf" <<EOF
Out ${out_dir}
AnonDirName ${out_dir}
Label 0
TitlePref 1
Grp root
DecodeHexStrings 1
EOF
  lpadmin -p "$queue" -E -v "cups-pdf:/${queue}" -P "$ppd" -o printer-error-policy=stop-printer \
    || die "lpadmin could not add the queue $queue"
fi
# A previous test may have left the queue stopped or rejecting jobs on purpose.
cupsenable "$queue" && cupsaccept "$queue" || die "could not enable the queue $queue"
echo "$out_dir"
