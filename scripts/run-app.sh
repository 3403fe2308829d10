#!/usr/bin/env bash
# Opens the desktop app on a library. Without a display (a headless machine) it runs under Xvfb
# and says so; stop it with Ctrl-C.
set -euo pipefail
app="$1"
library="$2"
if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
  exec "$app" --library "$library"
fi
echo "run: no display found; running the app headless under Xvfb (Ctrl-C to stop)"
exec xvfb-run -a -s "-screen 0 1400x900x24" "$app" --library "$library"
