#!/usr/bin/env bash
# Seeds a demo library from drafts/ with two author profiles, unless it exists already (so what
# you write in the demo survives the next `make run`; `make clean-demo` starts it afresh).
set -euo pipefail
byline="$1"
library="$2"
if [ -f "$library/library.db" ]; then
  exit 0
fi
export BYLINE_LIBRARY="$library"
"$byline" author add --name "Mara Lindqvist" --default \
  --bio "Writes about developer tools and the small decisions that make them pleasant." \
  --role "Staff engineer" --location "Gothenburg" --website "https://example.org/mara" \
  --social github=https://github.com/example-mara --social mastodon=https://example.social/@mara >/dev/null
"$byline" author add --name "Tomás Okafor" \
  --bio "Works on storage engines and writes about keeping data safe." \
  --role "Database engineer" --website "https://example.org/tomas" \
  --social bluesky=https://bsky.app/profile/tomas.example.org >/dev/null
"$byline" import drafts >/dev/null
echo "demo library seeded from drafts/ in $library"
