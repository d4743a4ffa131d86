#!/usr/bin/env bash
# Installs what the end-to-end tests need from Debian: Chromium (never `playwright install`,
# which would download a browser from outside the package registries).
set -euo pipefail
chromium_path="${TUTTI_CHROMIUM:-/usr/bin/chromium}"
if [ -x "$chromium_path" ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "Chromium fehlt ($chromium_path): bitte 'sudo apt-get install chromium' ausführen oder TUTTI_CHROMIUM setzen." >&2
  exit 1
fi
echo "Installing Debian's chromium for the end-to-end tests ..." >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
