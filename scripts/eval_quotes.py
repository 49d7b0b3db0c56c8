"""Run Dateline's quote stage on a PolNeAR file and score it with the official scorer.

    python scripts/eval_quotes.py [test_dev|devsplit|train] [--out FILE]
    python scripts/eval_quotes.py --census SPLIT SYSTEM.jsonl
    python scripts/eval_quotes.py --extent-census SPLIT SYSTEM.jsonl
    python scripts/eval_quotes.py --by-annotator SPLIT SYSTEM.jsonl

``--census`` groups the direct-fragment errors of a system file (the scorer's fragment/direct/exact
row) by cause, and measures how often the gold splits a multi-sentence quote at its sentence ends:
  a_split  the gold splits a quote at sentence ends where the system keeps one fragment, or the reverse
  b_kind   the same words, but one side calls them direct and the other mixed/indirect
  c_bound  the same quote, its ends off by up to three words
  d_none   (missed) no system quote overlaps the gold fragment
  e_none   (false) no gold quote overlaps the system fragment: scare quotes, titles, nicknames
  f_other  the rest (both overlap, more than three words apart)

``--extent-census`` looks at the gold attributions (any kind, the scorer's all/overlap50 row) that no
system quote matches, and at the unmatched system quote that shares most words with each: it ends too
late (``end:long``) or too early (``end:short``: the gold goes on over a second fragment, into the next
sentence, past a quote mark, or within the sentence), starts too early or too late (``start:early``,
``start:late``), holds the gold or lies inside it, is shifted, or no system quote overlaps at all;
with how many words the two differ by, and the F1 the system would reach if each such quote had the
gold's extent (an oracle per class).

``--by-annotator`` scores a system file on each annotator's articles apart (PolNeAR records name their
annotator): the direct row, quote+speaker and the all/overlap50 row per annotator, since one annotator's
convention (splitting multi-sentence quotes at sentence ends about half the time) moves the direct row.
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


#: a sentence end between two words: a full stop, question or exclamation mark, a capital after it
_BREAK = re.compile(r"[.?!][\"”’']*\s+[\"“‘']?[A-Z]")


def _extent_class(gold: dict[str, Any], pred: dict[str, Any], text: str, tok: Any) -> str:
    """How the unmatched system unit ``pred`` misses the extent of the gold unit ``gold`` it overlaps
    most (word indices: one word of slack at the other end)."""
    g, p = sorted(gold["ids"]), sorted(pred["ids"])
    start, end = p[0] - g[0], p[-1] - g[-1]
    if abs(start) <= 1 and end:
        if end > 0:
            return "end:long"
        between = text[tok.spans[p[-1]][1]:tok.spans[g[-1]][1]]
        if gold["q"].get("fragments"):
            return "end:short fragments"
        if _BREAK.search(between):
            return "end:short next sentence"
        return "end:short past a quote mark" if re.search("[\"“”]|''", between) else "end:short same sentence"
    if abs(end) <= 1 and start:
        return "start:early" if start < 0 else "start:late"
    if start <= 0 <= end:
        return "holds the gold"
    return "inside the gold" if start >= 0 >= end else "shifted"


def _size(a: frozenset[int], b: frozenset[int]) -> str:
    n = abs(len(a) - len(b))
    return "1" if n <= 1 else "2-3" if n <= 3 else "4-9" if n <= 9 else "10+"


def extent_census(split: str, system: Path) -> tuple[Counter[str], dict[str, float]]:
    """Counts of unmatched gold attributions by how the nearest unmatched system quote misses them
    (:func:`_extent_class`), and the all/overlap50 F1 with the quotes of each class (and all) given
    the gold's extent."""
    sc = _scorer()
    gold_recs = sc.load(str(DATA / f"polnear_{split}.jsonl"))
    sys_recs = {r["id"]: r for r in sc.load(str(system))}
    counts: Counter[str] = Counter()
    fixes: list[tuple[str, str, int, dict[str, Any]]] = []  # (class, article, system quote index, gold quote)
    for rec in gold_recs:
        tok, got = sc.Tok(rec["text"]), sys_recs.get(rec["id"], {"quotes": []})
        gold = sc.units(rec, tok, "quote", True)
        pred = sc.units(dict(got, text=rec["text"]), tok, "quote", False)
        pairs = sc.match(gold, pred, False)
        hit_g, hit_p = {id(g["q"]) for g, _ in pairs}, {id(p["q"]) for _, p in pairs}
        free = [p for p in pred if id(p["q"]) not in hit_p]
        index = {id(q): i for i, q in enumerate(got["quotes"])}
        claimed: set[int] = set()
        for g in (g for g in gold if id(g["q"]) not in hit_g):
            near = [p for p in free if p["ids"] & g["ids"]]
            if not near:
                counts["no system quote overlaps"] += 1
                continue
            p = max(near, key=lambda p: len(p["ids"] & g["ids"]) / max(len(p["ids"]), len(g["ids"])))
            kind = _extent_class(g, p, rec["text"], tok)
            counts[kind] += 1
            counts[f"{kind.split()[0]} by {_size(g['ids'], p['ids'])} words"] += 1
            if id(p["q"]) not in claimed:
                claimed.add(id(p["q"]))
                fixes.append((kind, rec["id"], index[id(p["q"])], g["q"]))
    oracle = {"none": _f1(sc, gold_recs, sys_recs, [])}
    for name in ("end:long", "end:short", "start:", "holds", "inside", "shifted", ""):
        oracle[name or "all of them"] = _f1(sc, gold_recs, sys_recs, [f for f in fixes if f[0].startswith(name)])
    return counts, oracle


def _f1(sc: Any, gold_recs: list[dict[str, Any]], sys_recs: dict[str, dict[str, Any]],
        fixes: list[tuple[str, str, int, dict[str, Any]]]) -> float:
    """The scorer's all/overlap50 F1 with each fixed system quote given its gold quote's extent."""
    changed = {(doc, i): q for _, doc, i, q in fixes}
    out = []
    for rec in gold_recs:
        quotes = []
        for i, q in enumerate(sys_recs.get(rec["id"], {"quotes": []})["quotes"]):
            g = changed.get((rec["id"], i))
            if g is not None:
                q = {**q, "start": g["start"], "end": g["end"], "fragments": g.get("fragments")}
            quotes.append(q)
        out.append({"id": rec["id"], "quotes": quotes})
    return float(sc.score(gold_recs, out)["quote/all/overlap50"]["f1"])


def by_annotator(split: str, system: Path) -> dict[str, dict[str, float]]:
    """Per annotator of the split's records: their article count and the scorer's direct-fragment F1,
    quote+speaker F1 and all/overlap50 F1 for ``system`` on those articles alone."""
    sc = _scorer()
    gold_recs = sc.load(str(DATA / f"polnear_{split}.jsonl"))
    sys_recs = {r["id"]: r for r in sc.load(str(system))}
    out = {}
    for name in sorted({str(r.get("annotator")) for r in gold_recs}):
        gold = [r for r in gold_recs if str(r.get("annotator")) == name]
        res = sc.score(gold, [sys_recs.get(r["id"], {"id": r["id"], "quotes": []}) for r in gold])
        direct, every = res["fragment/direct/exact"], res["quote/all/overlap50"]
        out[name] = {"articles": len(gold), "direct_f1": direct["f1"], "e2e_f1": direct["end_to_end_f1"],
                     "all_f1": every["f1"]}
    return out


def system_records(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Dateline's quotes (actors and quotes annotated) of each gold record's text, in the scorer's schema."""
    from dateline.model import Article, to_dict
    from dateline.nlp.annotate import annotate

    arts = [Article(id=r["id"], text=r["text"], published=r.get("date")) for r in records]
    return [{"id": a.id, "quotes": [to_dict(q) for q in a.quotes]} for a in annotate(arts, ["actors", "quotes"])]


def run(split: str, out: Path) -> None:
    """Annotate the split's texts (actors and quotes) and score them."""
    gold = DATA / f"polnear_{split}.jsonl"
    records = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines()]
    start = time.perf_counter()
    done = system_records(records)
    seconds = time.perf_counter() - start
    with out.open("w", encoding="utf-8") as fh:
        for rec in done:
            fh.write(json.dumps(rec) + "\n")
    print(f"{len(done)} articles in {seconds:.1f}s")
    subprocess.run([sys.executable, str(SCORER), str(gold), str(out)], check=True)


def main() -> None:
    parser = argparse.ArgumentParser(description="Score Dateline's quote stage on a PolNeAR split.")
    parser.add_argument("split", nargs="?", default="test_dev", choices=["test_dev", "devsplit", "train"])
    parser.add_argument("--out", type=Path, help="system file to write (default /tmp/dateline-quotes-SPLIT.jsonl)")
    parser.add_argument("--census", nargs=2, metavar=("SPLIT", "SYSTEM"),
                        help="group a system file's direct-fragment errors by cause instead")
    parser.add_argument("--extent-census", nargs=2, metavar=("SPLIT", "SYSTEM"),
                        help="group the gold attributions a system file misses by how its nearest quote misses them")
    parser.add_argument("--by-annotator", nargs=2, metavar=("SPLIT", "SYSTEM"),
                        help="score a system file on each annotator's articles apart")
    args = parser.parse_args()
    if args.by_annotator:
        split, system = args.by_annotator
        for name, row in by_annotator(split, Path(system)).items():
            print(f"{name:8s} {row['articles']:4d} articles  direct F1 {row['direct_f1']:5.1f}  "
                  f"quote+speaker {row['e2e_f1']:5.1f}  all/overlap50 F1 {row['all_f1']:5.1f}")
        return
    if args.extent_census:
        split, system = args.extent_census
        counts, oracle = extent_census(split, Path(system))
        for name, n in sorted(counts.items()):
            print(f"{n:6d}  {name}")
        for name, f1 in oracle.items():
            print(f"all/overlap50 F1 {f1:.1f} with the gold's extent for: {name}")
        return
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
