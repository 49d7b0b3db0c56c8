"""Run Dateline's quote stage on a PolNeAR file and score it with the official scorer.

    python scripts/eval_quotes.py [test_dev|devsplit|train] [--out FILE]
    python scripts/eval_quotes.py --census SPLIT SYSTEM.jsonl

``--census`` groups the direct-fragment errors of a system file (the scorer's fragment/direct/exact
row) by cause, and measures how often the gold splits a multi-sentence quote at its sentence ends:
  a_split  the gold splits a quote at sentence ends where the system keeps one fragment, or the reverse
  b_kind   the same words, but one side calls them direct and the other mixed/indirect
  c_bound  the same quote, its ends off by up to three words
  d_none   (missed) no system quote overlaps the gold fragment
  e_none   (false) no gold quote overlaps the system fragment: scare quotes, titles, nicknames
  f_other  the rest (both overlap, more than three words apart)
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "quotes"
SCORER = ROOT.parent / "shared" / "bench" / "quotes" / "score.py"
#: a quote-mark stretch of one paragraph, and the sentence ends inside it
_STRETCH = re.compile(r"“[^“”\n]+”|\"[^\"\n]+\"|''[^\n]+?''")
_SENT_END = re.compile(r"(?<=[.?!])[\"”’']*\s+(?=[A-Z“\"'‘])")


def _scorer() -> Any:
    """The official scorer as a module (its matching and word tokens are the ones that count)."""
    spec = importlib.util.spec_from_file_location("quote_scorer", SCORER)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _group(unit: dict[str, Any], same_side: list[dict[str, Any]], other_all: list[dict[str, Any]],
           other_direct: list[dict[str, Any]], missed: bool) -> str:
    """The cause of one unmatched direct fragment; ``same_side`` are the other direct fragments of
    its own side (the gold's for a missed one), ``other_*`` the other side's fragments."""
    ids = unit["ids"]
    if any(o["ids"] == ids for o in other_all):
        return "b_kind"
    over = [o for o in other_direct if o["ids"] & ids]
    wider = [o for o in over if ids < o["ids"]]
    narrower = [o for o in over if o["ids"] < ids]
    if any(s is not unit and s["ids"] & o["ids"] for o in wider for s in same_side) or len(narrower) > 1:
        return "a_split"
    if over:
        best = max(over, key=lambda o: len(o["ids"] & ids))
        return "c_bound" if len(best["ids"] ^ ids) <= 3 else "f_other"
    if any(o["ids"] & ids for o in other_all):
        return "b_kind"
    return "d_none" if missed else "e_none"


def census(split: str, system: Path) -> Counter[str]:
    """Counts of missed ('FN ...') and false ('FP ...') direct fragments by cause."""
    sc = _scorer()
    sys_by_id = {r["id"]: r for r in sc.load(str(system))}
    counts: Counter[str] = Counter()
    for rec in sc.load(str(DATA / f"polnear_{split}.jsonl")):
        tok = sc.Tok(rec["text"])
        gold_all = sc.units(rec, tok, "fragment", True)
        pred_all = sc.units(dict(sys_by_id.get(rec["id"], {"quotes": []}), text=rec["text"]), tok, "fragment", False)
        gold = [u for u in gold_all if u["kind"] == "direct"]
        pred = [u for u in pred_all if u["kind"] == "direct"]
        pairs = sc.match(gold, pred, True)
        hit_g, hit_p = {id(g) for g, _ in pairs}, {id(p) for _, p in pairs}
        counts.update("FN " + _group(u, gold, pred_all, pred, True) for u in gold if id(u) not in hit_g)
        counts.update("FP " + _group(u, pred, gold_all, gold, False) for u in pred if id(u) not in hit_p)
    return counts


def split_consistency(split: str) -> Counter[str]:
    """Multi-sentence quote-mark stretches the gold covers with direct fragments: kept whole or split
    at sentence ends, overall and per annotator."""
    sc = _scorer()
    counts: Counter[str] = Counter()
    for rec in sc.load(str(DATA / f"polnear_{split}.jsonl")):
        text, tok = rec["text"], sc.Tok(rec["text"])
        direct = [u for u in sc.units(rec, tok, "fragment", True) if u["kind"] == "direct"]
        for m in _STRETCH.finditer(text):
            ids = tok.ids(m.start() + 1, m.end() - 1)
            if len([s for s in _SENT_END.split(m.group()) if sc.WORD.search(s)]) < 2 or not ids:
                continue
            inside = [u for u in direct if u["ids"] <= ids]
            if sum(len(u["ids"]) for u in inside) >= 0.9 * len(ids):
                how = "whole" if len(inside) == 1 else "split"
                counts[how] += 1
                counts[f"{rec['annotator']} {how}"] += 1
    return counts


def run(split: str, out: Path) -> None:
    """Annotate the split's texts (actors and quotes) and score them."""
    from dateline.model import Article, to_dict
    from dateline.nlp.annotate import annotate

    gold = DATA / f"polnear_{split}.jsonl"
    records = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines()]
    arts = [Article(id=r["id"], text=r["text"], published=r.get("date")) for r in records]
    start = time.perf_counter()
    done = list(annotate(arts, ["actors", "quotes"]))
    seconds = time.perf_counter() - start
    with out.open("w", encoding="utf-8") as fh:
        for a in done:
            fh.write(json.dumps({"id": a.id, "quotes": [to_dict(q) for q in a.quotes]}) + "\n")
    print(f"{len(done)} articles in {seconds:.1f}s")
    subprocess.run([sys.executable, str(SCORER), str(gold), str(out)], check=True)


def main() -> None:
    parser = argparse.ArgumentParser(description="Score Dateline's quote stage on a PolNeAR split.")
    parser.add_argument("split", nargs="?", default="test_dev", choices=["test_dev", "devsplit", "train"])
    parser.add_argument("--out", type=Path, help="system file to write (default /tmp/dateline-quotes-SPLIT.jsonl)")
    parser.add_argument("--census", nargs=2, metavar=("SPLIT", "SYSTEM"),
                        help="group a system file's direct-fragment errors by cause instead")
    args = parser.parse_args()
    if args.census:
        split, system = args.census
        for name, n in sorted(census(split, Path(system)).items()):
            print(f"{n:6d}  {name}")
        for name, n in sorted(split_consistency(split).items()):
            print(f"{n:6d}  multi-sentence quotes, gold {name}")
        return
    run(args.split, args.out or Path(f"/tmp/dateline-quotes-{args.split}.jsonl"))


if __name__ == "__main__":
    main()
