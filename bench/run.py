"""`make bench`: Dateline's speed beside its baselines, measured in the same run.

Each figure is a ratio to a baseline measured on the same generated pages in the same run, so
machines and load cancel out. The baseline and the measured jobs run in turn, each in a fresh
process, BENCH_REPEATS times (default 3); a line gives the median run and the ratio's median with its
range over the paired runs, since one run on a busy machine can be off by a tenth. Sizes:
BENCH_PAGES (extraction, default 300) and BENCH_ARTICLES (annotation, default 150). Peak memory is
each measuring process's maximum RSS.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).parent


def measure(what: str, n: int) -> dict:
    out = subprocess.run([sys.executable, str(HERE / "measure.py"), what, str(n)],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def median(values: list[float]) -> float:
    ordered = sorted(values)
    mid = len(ordered) // 2
    return ordered[mid] if len(ordered) % 2 else (ordered[mid - 1] + ordered[mid]) / 2


def paired(base: str, others: list[str], n: int, repeats: int) -> dict[str, list[dict]]:
    """Runs of ``base`` and each of ``others`` in turn, ``repeats`` times: {what: [measurement, ...]}."""
    runs: dict[str, list[dict]] = {what: [] for what in [base, *others]}
    for _ in range(repeats):
        for what in runs:
            runs[what].append(measure(what, n))
    return runs


def line(label: str, runs: list[dict], base: list[dict] | None = None, unit: str = "pages") -> str:
    """The median run's rates and peak memory; beside a baseline, the paired ratios' median and range."""
    m = sorted(runs, key=lambda r: r["seconds"])[len(runs) // 2]
    rate, words = m["items"] / m["seconds"], m["words"] / m["seconds"]
    ratio = ""
    if base:
        ratios = [b["seconds"] / r["seconds"] for b, r in zip(base, runs, strict=True)]
        ratio = f"  ratio {median(ratios):.2f}x ({min(ratios):.2f}-{max(ratios):.2f})"
    return (f"  {label:<34} {rate:8.1f} {unit}/s {words:10.0f} words/s "
            f"peak {max(r['peak_rss_mb'] for r in runs):7.1f} MB{ratio}")


def main() -> None:
    pages = int(os.environ.get("BENCH_PAGES", "300"))
    articles = int(os.environ.get("BENCH_ARTICLES", "150"))
    repeats = int(os.environ.get("BENCH_REPEATS", "3"))
    print(f"extraction on {pages} generated pages, {repeats} paired runs (ratio = speed / trafilatura's)")
    runs = paired("trafilatura_html", ["dateline_html", "dateline_flat"], pages, repeats)
    traf = runs["trafilatura_html"]
    print(line("trafilatura.extract (baseline)", traf))
    print(line("dateline HTML", runs["dateline_html"], traf))
    print(line("dateline flattened text", runs["dateline_flat"], traf))
    print(f"annotation on {articles} generated articles, {repeats} paired runs "
          f"(ratio = speed / bare spaCy nlp.pipe; the budget is time at most 1.2x, a ratio of at least 0.83x)")
    runs = paired("spacy_pipe", ["dateline_annotate"], articles, repeats)
    print(line("spaCy nlp.pipe (baseline)", runs["spacy_pipe"], unit="articles"))
    print(line("dateline annotate (all stages)", runs["dateline_annotate"], runs["spacy_pipe"], unit="articles"))
    cluster = HERE / "bench_cluster.py"
    if cluster.exists():
        print("clustering")
        subprocess.run([sys.executable, str(cluster)], check=True)


if __name__ == "__main__":
    main()
