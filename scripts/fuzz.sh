#!/usr/bin/env bash
# Fuzzes render, front matter and import (fuzz/README.md): installs cargo-fuzz if missing,
# builds the targets, runs each for $BYLINE_FUZZ_SECONDS (default 20) seeded from fuzz/seeds/,
# prints executions per target and exits non-zero on any crash or any input slower than 1 s.
#
#   scripts/fuzz.sh                      # every target, 20 s each (the `make test` run)
#   scripts/fuzz.sh render               # one target
#   BYLINE_FUZZ_SECONDS=3600 BYLINE_FUZZ_SANITIZER=address scripts/fuzz.sh   # a long run
#
# The working corpus grows in target/fuzz/corpus/<target>/, crash and hang inputs land in
# target/fuzz/artifacts/<target>/, logs in target/fuzz/logs/: nothing under fuzz/ changes.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
CARGO="${CARGO:-cargo}"
SECONDS_PER_TARGET="${BYLINE_FUZZ_SECONDS:-20}"
# No sanitizer keeps the short run's build cheap; `address` is for long runs (see fuzz/README.md).
SANITIZER="${BYLINE_FUZZ_SANITIZER:-none}"
TARGETS=("$@")
if [ ${#TARGETS[@]} -eq 0 ]; then
  TARGETS=(render frontmatter import)
fi

if ! "$CARGO" fuzz --version >/dev/null 2>&1; then
  echo "fuzz: installing cargo-fuzz"
  "$CARGO" install --locked cargo-fuzz
fi

# cargo-fuzz passes unstable flags to rustc; this lets the stable toolchain accept them.
export RUSTC_BOOTSTRAP=1
# One build folder per sanitizer, so switching between them never rebuilds from scratch.
BUILD_DIR="$ROOT/target/fuzz/build-$SANITIZER"
mkdir -p "$ROOT/target/fuzz/logs"

echo "fuzz: building ${TARGETS[*]} (sanitizer: $SANITIZER)"
build_start=$(date +%s)
for target in "${TARGETS[@]}"; do
  "$CARGO" fuzz build --sanitizer "$SANITIZER" --target-dir "$BUILD_DIR" "$target"
done
echo "fuzz: built in $(( $(date +%s) - build_start )) s"

failed=()
for target in "${TARGETS[@]}"; do
  corpus="$ROOT/target/fuzz/corpus/$target"
  artifacts="$ROOT/target/fuzz/artifacts/$target"
  log="$ROOT/target/fuzz/logs/$target.log"
  mkdir -p "$corpus" "$artifacts"
  echo "fuzz: $target for ${SECONDS_PER_TARGET} s (log: ${log#"$ROOT"/})"
  status=0
  started=$(date +%s)
  # The first folder is the working corpus libFuzzer adds to; the seeds are only read.
  "$CARGO" fuzz run --sanitizer "$SANITIZER" --target-dir "$BUILD_DIR" "$target" \
    "$corpus" "$ROOT/fuzz/seeds/$target" -- \
    -max_total_time="$SECONDS_PER_TARGET" -timeout=1 -print_final_stats=1 \
    -artifact_prefix="$artifacts/" >"$log" 2>&1 || status=$?
  elapsed=$(( $(date +%s) - started ))
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  inputs=$(find "$corpus" -type f | wc -l)
  if [ "$status" -ne 0 ]; then
    failed+=("$target")
    echo "fuzz: $target FAILED (exit $status) after ${runs:-?} executions; the end of its log:"
    tail -n 40 "$log"
    echo "fuzz: the failing input is in ${artifacts#"$ROOT"/}/; reproduce with"
    echo "      RUSTC_BOOTSTRAP=1 cargo fuzz run --sanitizer $SANITIZER --target-dir ${BUILD_DIR#"$ROOT"/} $target <file>"
  else
    echo "fuzz: $target ok: ${runs:-?} executions in ${elapsed} s, $inputs inputs in its working corpus"
  fi
done

if [ ${#failed[@]} -ne 0 ]; then
  echo "fuzz: crashes or hangs in: ${failed[*]}" >&2
  exit 1
fi
echo "fuzz: no crash, no hang over 1 s"
