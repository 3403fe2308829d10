#!/usr/bin/env python3
"""Collects criterion results and peer results into one table and target/bench/summary.json.

usage: summarize.py TARGET_DIR SINCE_EPOCH_SECONDS

Criterion: target/criterion/<group>/<bench>/new/{benchmark,estimates,sample}.json written since
SINCE (older ones belong to earlier runs). The median is criterion's; the p95 is over the
per-sample means in sample.json. Peers: target/bench/peers/*.jsonl and target/bench/custom/*.json,
one JSON row each (metric, median, p95, unit, input); the app's figures, measured in its real
window by the E2E perf tests, arrive the same way (target/bench/custom/app.json, metrics app/*).
"""
import glob
import json
import os
import sys

# What each metric runs on, for the input column.
INPUTS = {
    "article": "article, 5,759 words, 12 code blocks",
    "book": "book, 107,099 words, 60 code blocks",
    "json_1mb_one_line": "1 MB one-line JSON block",
    "draft_10mb": "10 MB draft (book x16)",
    "draft_10mb_warm_edit": "10 MB draft (book x16), one paragraph edited",
    "autosave_10k_words": "10,000-word draft in a 10,000-draft library",
    "search": "10,000-draft library, 8 queries rotating",
    "list_all": "10,000-draft library",
    "list_page_50": "10,000-draft library",
    "book_html_cold": "book, fresh renderer + exporter",
    "site_1000_articles": "1,000 published articles",
}

# metric -> (peer metrics to compare with, target median in ms or None).
COMPARE = {
    "render/article_warm_edit": (["markdown_it/article_warm", "comrak/article"], 0.5),
    "render/book_warm_edit": (["markdown_it/book_warm", "comrak/book"], 10.0),
    "render/article_warm_newline": (["markdown_it/article_warm", "comrak/article"], None),
    "render/book_warm_newline": (["markdown_it/book_warm", "comrak/book"], None),
    "render/article_whole_edit": (["markdown_it/article_warm"], None),
    "render/book_whole_edit": (["markdown_it/book_warm"], None),
    "render/article_cold": (["markdown_it/article_cold", "pandoc/article"], 40.0),
    "render/book_cold": (["pandoc/book"], None),
    "pathological/json_1mb_one_line": (["markdown_it/json_1mb_one_line_warm"], None),
    "export/book_html_cold": (["pandoc/book"], 100.0),
    "export/site_1000_articles": ([], 2000.0),
    "library/autosave_10k_words": ([], 2.0),
    "library/search_per_query": ([], None),
    "library/list_all": ([], 20.0),
}
# Documents (whole `byline export` processes, release build) beside pandoc where it can.
for _input in ("article", "book"):
    COMPARE[f"documents/{_input}_pdf"] = ([], None)
    for _format in ("docx", "epub"):
        COMPARE[f"documents/{_input}_{_format}"] = ([f"pandoc/{_input}_{_format}"], None)
# The app in its window (E2E perf tests): a single measurement has median = p95.
COMPARE.update({
    "app/cold_start_one_article": ([], 1000.0),
    "app/cold_start_10k_library": ([], 1000.0),
    "app/idle_pss_10k_library": ([], 300.0),
})
# The CLI as whole release processes on the 10,000-draft library, beside grep over its sources.
COMPARE.update({
    "cli/search_10k_library": (["grep/rl_10k_files"], 50.0),
    "cli/list_json_10k_library": (["grep/rl_10k_files"], 50.0),
})
# Targets on p95 rather than the median.
P95_TARGETS = {
    "library/search_per_query": 10.0,
    "app/keystroke_to_preview_article": 16.0,
    "app/keystroke_to_preview_book": 25.0,
}
# Targets relative to a peer: (peer, max ratio).
RATIO_TARGETS = {
    "render/article_warm_edit": ("markdown_it/article_warm", 0.1),
    "render/book_warm_edit": ("markdown_it/book_warm", 0.1),
}


def criterion_rows(target, since):
    rows = []
    for bench in glob.glob(os.path.join(target, "criterion", "**", "new", "benchmark.json"), recursive=True):
        new = os.path.dirname(bench)
        if os.path.getmtime(bench) < since:
            continue
        with open(bench) as f:
            meta = json.load(f)
        with open(os.path.join(new, "estimates.json")) as f:
            estimates = json.load(f)
        with open(os.path.join(new, "sample.json")) as f:
            sample = json.load(f)
        means = sorted(t / i for t, i in zip(sample["times"], sample["iters"]))
        p95 = means[min(len(means) - 1, round((len(means) - 1) * 0.95))]
        name = meta["function_id"] or ""
        rows.append({
            "metric": f"{meta['group_id']}/{name}",
            "median": estimates["median"]["point_estimate"] / 1e6,
            "p95": p95 / 1e6,
            "unit": "ms",
            "input": INPUTS.get(name, INPUTS.get(name.split("_")[0], name)),
        })
    return rows


def file_rows(target):
    rows = []
    for path in glob.glob(os.path.join(target, "bench", "peers", "*.jsonl")) + glob.glob(os.path.join(target, "bench", "custom", "*.json")):
        with open(path) as f:
            for line in f:
                if line.strip():
                    row = json.loads(line)
                    rows.append({k: row[k] for k in ("metric", "median", "p95", "unit", "input")})
    return rows


def fmt(ms):
    return f"{ms:.3f}" if ms < 10 else f"{ms:.1f}"


def main():
    target, since = sys.argv[1], float(sys.argv[2])
    rows = sorted(criterion_rows(target, since) + file_rows(target), key=lambda r: r["metric"])
    by_name = {r["metric"]: r for r in rows}
    table = []
    for r in rows:
        peers, target_ms = COMPARE.get(r["metric"], ([], None))
        ratios = [f"{r['median'] / by_name[p]['median']:.3f}x {p.split('/')[0]}" for p in peers if p in by_name]
        verdicts = []
        if target_ms is not None:
            verdicts.append(f"median <= {target_ms:g} {r['unit']}: {'met' if r['median'] <= target_ms else 'NOT met'}")
        if r["metric"] in P95_TARGETS:
            limit = P95_TARGETS[r["metric"]]
            verdicts.append(f"p95 <= {limit:g} {r['unit']}: {'met' if r['p95'] <= limit else 'NOT met'}")
        if r["metric"] in RATIO_TARGETS and RATIO_TARGETS[r["metric"]][0] in by_name:
            peer, limit = RATIO_TARGETS[r["metric"]]
            ratio = r["median"] / by_name[peer]["median"]
            verdicts.append(f"<= {limit:g}x {peer.split('/')[0]}: {'met' if ratio <= limit else 'NOT met'}")
        table.append([r["metric"], fmt(r["median"]), fmt(r["p95"]), r["unit"], r["input"], ", ".join(ratios) or "-", "; ".join(verdicts) or "-"])
    header = ["metric", "median", "p95", "unit", "input", "peer ratio (median)", "target"]
    widths = [max(len(str(row[i])) for row in table + [header]) for i in range(len(header))]
    line = lambda cells: "| " + " | ".join(str(c).ljust(w) for c, w in zip(cells, widths)) + " |"
    print(line(header))
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for row in table:
        print(line(row))
    out = os.path.join(target, "bench", "summary.json")
    with open(out, "w") as f:
        json.dump(rows, f, indent=2)
    print(f"\nwrote {out}")


if __name__ == "__main__":
    main()
