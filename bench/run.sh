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
cargo build --release -q -p byline-cli
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

echo "== the app in its window (E2E perf tests under Xvfb, ${BENCH_APP_BUILD:-debug} build)"
# The same inputs as above; the tests append their figures to $OUT/custom/app.json. Debug by
# default (what `make test` builds; the render and library crates are optimised even there);
# BENCH_APP_BUILD=release measures release binaries.
if scripts/setup-app.sh && (cd ui && npm run build --silent); then
    if [ "${BENCH_APP_BUILD:-debug}" = release ]; then
        cargo build --release -p byline-app -p byline-cli
        export BYLINE_APP="$TARGET/release/byline-app" BYLINE_BIN="$TARGET/release/byline"
    else
        cargo build -p byline-app -p byline-cli
    fi
    BYLINE_BENCH_INPUTS="$OUT/inputs" BYLINE_APP_FIGURES="$OUT/custom/app.json" \
        cargo test -p byline-e2e --test app -- --test-threads=1 --nocapture perf \
        || echo "note: some app perf tests failed; their figures are missing from the table"
else
    echo "note: the app could not be set up or its UI built; app figures skipped"
fi

echo
python3 bench/summarize.py "$TARGET" "$SINCE"
