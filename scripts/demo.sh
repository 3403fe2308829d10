#!/usr/bin/env bash
# The `make demo` CLI tour: a scratch library seeded from drafts/, searched, one article and the site exported.
set -euo pipefail
byline="$1"
demo="$2"
export BYLINE_LIBRARY="$demo/library"
mkdir -p "$demo"

echo "Importing drafts/ into $BYLINE_LIBRARY"
"$(dirname "$0")/seed-demo.sh" "$byline" "$BYLINE_LIBRARY"
echo
"$byline" list
echo
"$byline" search "error messages"
echo
page="$demo/parser-error-messages.html"
"$byline" export what-a-small-parser-taught-me-about-error-messages -o "$page" >/dev/null
"$byline" export-site "$demo/site" >/dev/null
echo "Exported one article:  $page"
echo "Exported the site:     $demo/site/index.html"
echo "Try: BYLINE_LIBRARY=$BYLINE_LIBRARY $byline --help"
