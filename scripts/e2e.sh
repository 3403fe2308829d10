#!/usr/bin/env bash
# The desktop app's end-to-end tests, from a clean clone: prerequisites (scripts/setup-app.sh),
# the UI bundle, the app and the CLI (debug builds, as the tests expect), axe-core for the
# accessibility audit, then the WebDriver suite under Xvfb, one session at a time.
# Extra arguments go to the test binary, e.g. `scripts/e2e.sh search` runs matching tests.
set -euo pipefail
cd "$(dirname "$0")/.."
CARGO="${CARGO:-cargo}"

scripts/setup-app.sh

echo "e2e: building the UI"
(cd ui && npm run build --silent)

echo "e2e: building the app and the CLI"
# generate_context! embeds ui/dist at compile time, so the UI is built first.
"$CARGO" build -p byline-app -p byline-cli

if [ ! -f tests/e2e/node_modules/axe-core/axe.min.js ] && [ ! -f ui/node_modules/axe-core/axe.min.js ]; then
  echo "e2e: installing axe-core"
  npm ci --prefix tests/e2e --no-audit --no-fund --loglevel=error
fi

mkdir -p target/e2e
echo "e2e: running the WebDriver tests (screenshots and logs in target/e2e/)"
# The app's tests only: the package test needs the .deb, which `make test-package` builds.
"$CARGO" test -p byline-e2e --test app -- --test-threads=1 --nocapture "$@"
