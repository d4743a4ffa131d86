#!/usr/bin/env bash
# Installs what the tests need from Debian: Chromium for the end-to-end tests (never
# `playwright install`, which would download a browser from outside the package registries) and
# the PostgreSQL server for the storage tests that run against a real PostgreSQL, `age`,
# poppler-utils for reading printed PDFs back, and Prometheus, its blackbox exporter and
# Alertmanager for checking deploy/monitoring.
set -euo pipefail
chromium_path="${TUTTI_CHROMIUM:-/usr/bin/chromium}"
missing=()
[ -x "$chromium_path" ] || missing+=(chromium fonts-dejavu-core)
ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || missing+=(postgresql)
# The standard age tool: the backup tests decrypt Tutti's backups with it, as a club would.
command -v age >/dev/null 2>&1 || missing+=(age)
# pdftotext and pdfinfo: the export tests read the printed PDFs back as a reader would.
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
# promtool, amtool and the blackbox exporter: test/deploy checks deploy/monitoring with them.
command -v promtool >/dev/null 2>&1 || missing+=(prometheus)
command -v prometheus-blackbox-exporter >/dev/null 2>&1 || missing+=(prometheus-blackbox-exporter)
command -v amtool >/dev/null 2>&1 || missing+=(prometheus-alertmanager)
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "Für die Tests fehlen Debian-Pakete: ${missing[*]}. Bitte 'sudo apt-get install ${missing[*]}' ausführen." >&2
  exit 1
fi
echo "Installing Debian packages for the tests: ${missing[*]} ..." >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
