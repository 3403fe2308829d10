#!/usr/bin/env python3
"""Writes the derived seed files: the render crate's XSS corpus and the CommonMark spec
examples (render/), and the front matter samples again as import inputs (import/).
Hand-written seeds (hand-*, and the other names) are left alone. Run from anywhere:
`python3 fuzz/seeds/generate.py`; it rewrites its own outputs, so it is idempotent."""

import json
import shutil
from pathlib import Path

SEEDS = Path(__file__).resolve().parent
FIXTURES = SEEDS.parent.parent / "crates" / "byline-render" / "tests" / "fixtures"
DELIMITER = "~~~~~ case ~~~~~"  # as in crates/byline-render/tests/xss.rs


def xss_cases():
    cases, current = [], []
    for line in (FIXTURES / "xss.txt").read_text(encoding="utf-8").splitlines():
        if line == DELIMITER:
            cases.append(current)
            current = []
        else:
            current.append(line + "\n")
    cases.append(current)
    return ["".join(c) for c in cases if "".join(c).strip()]


def write_all(folder, prefix, texts):
    for old in folder.glob(f"{prefix}-*"):
        old.unlink()
    for i, text in enumerate(texts):
        (folder / f"{prefix}-{i:03}.md").write_text(text, encoding="utf-8", newline="")


def main():
    render = SEEDS / "render"
    write_all(render, "xss", xss_cases())
    spec = json.loads((FIXTURES / "commonmark-spec.json").read_text(encoding="utf-8"))
    write_all(render, "spec", [example["markdown"] for example in spec])
    imports = SEEDS / "import"
    for old in imports.glob("fm-*"):
        old.unlink()
    for sample in sorted((SEEDS / "frontmatter").iterdir()):
        shutil.copyfile(sample, imports / f"fm-{sample.name}")


if __name__ == "__main__":
    main()
