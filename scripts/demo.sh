#!/usr/bin/env bash
# The `make run` demo: a scratch library under target/, seeded from drafts/, one article exported.
set -euo pipefail
byline="$1"
demo="$2"
export BYLINE_LIBRARY="$demo/library"
mkdir -p "$demo"

"$byline" author add --name "Mara Lindqvist" --default \
  --bio "Writes about developer tools and the small decisions that make them pleasant." \
  --role "Staff engineer" --location "Gothenburg" --website "https://example.org/mara" \
  --social github=https://github.com/example-mara --social mastodon=https://example.social/@mara >/dev/null
"$byline" author add --name "Tomás Okafor" \
  --bio "Works on storage engines and writes about keeping data safe." \
  --role "Database engineer" --website "https://example.org/tomas" \
  --social bluesky=https://bsky.app/profile/tomas.example.org >/dev/null

echo "Importing drafts/ into $BYLINE_LIBRARY"
"$byline" import drafts
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
