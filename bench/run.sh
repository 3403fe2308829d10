#!/usr/bin/env bash
# `make bench`: Byline's benchmarks side by side with peers on the same generated inputs.
# Prints one table and writes target/bench/summary.json. Takes several minutes. The app's own
# figures (keystroke to preview, cold start, idle memory) come from its E2E perf tests.
#
# Peers: comrak (in-process, in the criterion benches), markdown-it + highlight.js on Node
# (in-process loop; skipped with a note if node/npm are missing), pandoc (whole process;
# installed with apt when running as root, else skipped with a note).
set -euo pipefail
cd "$(dirname "$0")/.."
# Absolute, because the E2E tests read the inputs and write their figures from their own folder.
TARGET=$(realpath -m "${CARGO_TARGET_DIR:-target}")
OUT="$TARGET/bench"
SINCE=$(date +%s)
rm -rf "$OUT/peers" "$OUT/custom"
mkdir -p "$OUT/peers" "$OUT/custom"

echo "== inputs"
cargo run --release -q -p byline-render --example bench_inputs -- "$OUT/inputs"

echo "== criterion: render, comrak, pathological inputs"
cargo bench -p byline-render --bench render
cargo bench -p byline-preview --bench preview
echo "== criterion: library and export"
cargo bench -p byline-library --bench library

echo "== markdown-it + highlight.js (Node)"
if command -v node >/dev/null && command -v npm >/dev/null; then
    (cd bench/node && npm ci --no-audit --no-fund --silent)
    node bench/node/bench.mjs "$OUT/inputs" > "$OUT/peers/markdown_it.jsonl"
else
    echo "note: node/npm not installed; markdown-it peer skipped"
fi

echo "== pandoc (whole process)"
if ! command -v pandoc >/dev/null && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq pandoc >/dev/null) \
        || echo "note: apt-get could not install pandoc"
fi
if command -v pandoc >/dev/null; then
    for input in article book; do
        python3 bench/time_process.py "pandoc/$input" "$input.md" 5 -- \
            pandoc -f gfm -t html "$OUT/inputs/$input.md" -o /dev/null >> "$OUT/peers/pandoc.jsonl"
    done
else
    echo "note: pandoc not installed (needs root for apt-get); pandoc peer skipped"
fi

echo "== documents: PDF, DOCX and EPUB exports (whole process), beside pandoc's DOCX and EPUB"
# The release CLI, on a scratch library holding the two inputs; pandoc has no PDF engine here
# (it needs LaTeX or a typst binary), so PDF has no peer.
# Built together with the app when it can be set up, so the app's figures reuse the same build
# (the CLI alone resolves features differently and would rebuild every shared dependency).
APP_READY=
if scripts/setup-app.sh && (cd ui && npm run build --silent); then
    cargo build --release -q -p byline-app -p byline-cli && APP_READY=1
else
    cargo build --release -q -p byline-cli
fi
DOCS="$OUT/documents"
rm -rf "$DOCS" && mkdir -p "$DOCS"
BYLINE="$TARGET/release/byline"
for input in article book; do
    slug=$("$BYLINE" --library "$DOCS/library" import "$OUT/inputs/$input.md" | tail -n1)
    for format in pdf docx epub; do
        python3 bench/time_process.py "documents/${input}_$format" "$input.md" 5 -- \
            "$BYLINE" --library "$DOCS/library" export "$slug" --format "$format" -o "$DOCS/$input.$format" \
            >> "$OUT/peers/documents.jsonl"
        if command -v pandoc >/dev/null && [ "$format" != pdf ]; then
            python3 bench/time_process.py "pandoc/${input}_$format" "$input.md" 5 -- \
                pandoc -f gfm "$OUT/inputs/$input.md" -o "$DOCS/pandoc-$input.$format" >> "$OUT/peers/pandoc.jsonl"
        fi
    done
done
echo "   sizes: $(cd "$DOCS" && ls -l ./*.pdf ./*.docx ./*.epub | awk '{printf "%s %d KB; ", $NF, $5/1024}')"

echo "== the CLI on the 10,000-draft library (whole process), beside grep -rl over its 10,000 files"
# What a writer meets typing a command: process start, opening the library, the query, the
# output. The library is imported once (one transaction) with the same release CLI.
CLI_LIBRARY="$OUT/cli-library"
rm -rf "$CLI_LIBRARY"
"$BYLINE" --library "$CLI_LIBRARY" import "$OUT/inputs/library" > /dev/null
echo "   library.db: $(( $(stat -c %s "$CLI_LIBRARY/library.db") / 1048576 )) MiB"
python3 bench/time_process.py "cli/search_10k_library" "10,000 drafts, byline search river" 21 -- \
    "$BYLINE" --library "$CLI_LIBRARY" search river >> "$OUT/peers/cli.jsonl"
python3 bench/time_process.py "cli/list_json_10k_library" "10,000 drafts, byline list --json" 21 -- \
    "$BYLINE" --library "$CLI_LIBRARY" list --json >> "$OUT/peers/cli.jsonl"
python3 bench/time_process.py "grep/rl_10k_files" "10,000 draft files, grep -rl river" 21 -- \
    grep -rl river "$OUT/inputs/library" >> "$OUT/peers/cli.jsonl"

APP_BUILD=${BENCH_APP_BUILD:-release}
echo "== the app in its window (E2E perf tests under Xvfb, $APP_BUILD build)"
# The same inputs as above; the tests append their figures to $OUT/custom/app.json. The release
# build by default (the one the package installs); BENCH_APP_BUILD=debug measures the build
# `make test` uses.
if [ -n "$APP_READY" ]; then
    if [ "$APP_BUILD" = release ]; then
        export BYLINE_APP="$TARGET/release/byline-app" BYLINE_BIN="$TARGET/release/byline"
    else
        cargo build -p byline-app -p byline-cli
        export BYLINE_APP="$TARGET/debug/byline-app" BYLINE_BIN="$TARGET/debug/byline"
    fi
    BYLINE_BENCH_INPUTS="$OUT/inputs" BYLINE_APP_FIGURES="$OUT/custom/app.json" \
        cargo test -p byline-e2e --test app -- --test-threads=1 --nocapture perf \
        || echo "note: some app perf tests failed; their figures are missing from the table"
else
    echo "note: the app could not be set up or its UI built; app figures skipped"
fi

echo
python3 bench/summarize.py "$TARGET" "$SINCE"
