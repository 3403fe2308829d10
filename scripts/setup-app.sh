#!/usr/bin/env bash
# Installs what the desktop app needs to build and to be tested headless, idempotently:
# WebKitGTK and GTK development files, Xvfb, WebKitWebDriver, tauri-driver, and the UI's npm
# packages (the Tauri bundler, @tauri-apps/cli, among them). As root it installs with apt;
# otherwise it prints the exact command to run.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(
  libwebkit2gtk-4.1-dev libgtk-3-dev libsoup-3.0-dev libjavascriptcoregtk-4.1-dev
  librsvg2-dev libxdo-dev libssl-dev pkg-config build-essential file
  xvfb xauth webkit2gtk-driver dbus-x11 at-spi2-core
  fonts-dejavu-core
  # Spell checking reads the system's Hunspell dictionaries (byline-spell).
  hunspell-en-us hunspell-en-gb hunspell-fr hunspell-de-de
  # The package test validates the desktop entry and finds the installed manual page.
  desktop-file-utils man-db
)
missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then
    echo "setup: installing ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "setup: missing system packages. Run: sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
fi

if ! command -v tauri-driver >/dev/null 2>&1; then
  echo "setup: installing tauri-driver"
  cargo install tauri-driver --locked --version '^2' --quiet
fi

if [ -f ui/package.json ]; then
  if [ ! -d ui/node_modules ] || [ ui/package-lock.json -nt ui/node_modules/.package-lock.json ]; then
    echo "setup: installing UI packages"
    (cd ui && npm ci --no-audit --no-fund --loglevel=error)
  fi
fi
echo "setup: desktop app prerequisites ready"
