"""`make bench`: Dateline's speed beside its baselines, measured in the same run.

Each figure is a ratio to a baseline measured on the same generated pages in the same run, so
machines and load cancel out. Sizes: BENCH_PAGES (extraction, default 300) and BENCH_ARTICLES
(annotation, default 150). Peak memory is each measuring process's maximum RSS.
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


def line(label: str, m: dict, base: dict | None = None, unit: str = "pages") -> str:
    rate = m["items"] / m["seconds"]
    words = m["words"] / m["seconds"]
    ratio = f"  ratio {(base['seconds'] / m['seconds']):.2f}x" if base else ""
    return (f"  {label:<34} {rate:8.1f} {unit}/s {words:10.0f} words/s "
            f"peak {m['peak_rss_mb']:7.1f} MB{ratio}")


def main() -> None:
    pages = int(os.environ.get("BENCH_PAGES", "300"))
    articles = int(os.environ.get("BENCH_ARTICLES", "150"))
    print(f"extraction on {pages} generated pages (ratio = speed / trafilatura's)")
    traf = measure("trafilatura_html", pages)
    print(line("trafilatura.extract (baseline)", traf))
    print(line("dateline HTML", measure("dateline_html", pages), traf))
    print(line("dateline flattened text", measure("dateline_flat", pages), traf))
    print(f"annotation on {articles} generated articles (ratio = speed / bare spaCy nlp.pipe)")
    pipe = measure("spacy_pipe", articles)
    print(line("spaCy nlp.pipe (baseline)", pipe, unit="articles"))
    print(line("dateline annotate (all stages)", measure("dateline_annotate", articles), pipe,
               unit="articles"))
    cluster = HERE / "bench_cluster.py"
    if cluster.exists():
        print("clustering")
        subprocess.run([sys.executable, str(cluster)], check=True)


if __name__ == "__main__":
    main()
