"""Score Dateline's extraction on ../shared/data/extraction with the benchmark's own scorer.

    python scripts/eval_extraction.py [--form flat|html|both] [--out DIR] [--baseline]

Writes one <id>.json per page ({"text": ...}) per form under DIR (default /tmp/dateline-eval)
and prints the scorer's numbers and pages/s, and for the flat form how often its title, date and authors
agree with what the same page's HTML marks. --baseline also scores trafilatura alone on the HTML in the same run.
"""

from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "extraction"
SCORER = ROOT.parent / "shared" / "bench" / "extraction" / "score.py"


def pages(form: str) -> dict[str, str]:
    ids = (DATA / "ids.txt").read_text().split()
    if form == "flat":
        return {i: (DATA / "flat" / f"{i}.txt").read_text(encoding="utf-8") for i in ids}
    return {i: gzip.open(DATA / "html" / f"{i}.html.gz", "rt", encoding="utf-8").read() for i in ids}


def run(name: str, fn: Callable[[str], str], docs: dict[str, str], out: Path) -> dict[str, float]:
    target = out / name
    target.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    texts = {i: fn(doc) for i, doc in docs.items()}
    seconds = time.perf_counter() - start
    for i, text in texts.items():
        (target / f"{i}.json").write_text(json.dumps({"text": text}), encoding="utf-8")
    subprocess.run([sys.executable, str(SCORER), str(target), str(DATA / "gold"),
                          "--bootstrap", "0", "--json", str(target / "_score.json")],
                         capture_output=True, text=True, check=True)
    scores = json.loads((target / "_score.json").read_text())
    scores["pages_per_s"] = len(docs) / seconds
    print(f"{name:<22} P={scores['precision']:.4f} R={scores['recall']:.4f} F1={scores['f1']:.4f}"
          f"  {scores['pages_per_s']:.1f} pages/s")
    return scores


def flat(text: str) -> str:
    from dateline.extract.flat import clean_flat

    return clean_flat(text).text


def html(text: str) -> str:
    from dateline.extract.html import extract_html

    return extract_html(text).text


def trafilatura_alone(text: str) -> str:
    import trafilatura

    return trafilatura.extract(text) or ""


def flat_metadata() -> dict[str, int]:
    """Silver checks of the flat cleaner's metadata against the same page's HTML (the benchmark's gold
    holds the body only): how often its title agrees with the headline the HTML marks (its h1, else
    og:title; the same words, or one holding the other when it has 15 characters or more), and how often
    its publication date falls on the day the HTML's metadata declares, and how often its authors are
    the ones the HTML's metadata names. Returns the counts (the extraction gate pins their shares)."""
    import re

    from dateline.extract import meta
    from dateline.extract.flat import clean_flat
    from dateline.extract.html import extract_html

    def words(text: str | None) -> str:
        return " ".join(re.findall(r"\w+", (text or "").lower()))

    flats, agree, marked, dated, both, same_day = pages("flat"), 0, 0, 0, 0, 0
    named, named_both, same_names = 0, 0, 0
    for i, doc in pages("html").items():
        tree = meta.parse(doc)
        flat_page = clean_flat(flats[i])
        silver = words(meta._first(tree, "//article//h1//text()", "//h1//text()") or meta.title(tree))
        found = words(flat_page.title)
        if silver:
            marked += 1
            agree += bool(found) and (found == silver or (len(found) >= 15 and (found in silver or silver in found)))
        from_html = extract_html(doc)
        dated += flat_page.published is not None
        if from_html.published and flat_page.published:
            both += 1
            same_day += from_html.published[:10] == flat_page.published[:10]
        named += bool(flat_page.authors)
        if from_html.authors and flat_page.authors:
            named_both += 1
            same_names += set(from_html.authors) == set(flat_page.authors)
    return {"pages": len(flats), "agree": agree, "marked": marked, "dated": dated, "same_day": same_day, "both": both,
            "named": named, "same_names": same_names, "named_both": named_both}


def print_flat_metadata(c: dict[str, int]) -> None:
    print(f"dateline-flat titles agree with the page's own headline on {c['agree']} of {c['marked']} pages; "
          f"dates stated on {c['dated']} pages, on the day the HTML declares on {c['same_day']} of the {c['both']} "
          f"where it declares one; authors named on {c['named']} pages, the same as the HTML's on "
          f"{c['same_names']} of the {c['named_both']} where it names some")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--form", choices=["flat", "html", "both"], default="both")
    ap.add_argument("--out", type=Path, default=Path("/tmp/dateline-eval"))
    ap.add_argument("--baseline", action="store_true")
    args = ap.parse_args()
    if args.form in ("flat", "both"):
        run("dateline-flat", flat, pages("flat"), args.out)
        print_flat_metadata(flat_metadata())
    if args.form in ("html", "both"):
        docs = pages("html")
        if args.baseline:
            run("trafilatura", trafilatura_alone, docs, args.out)
        run("dateline-html", html, docs, args.out)


if __name__ == "__main__":
    main()
