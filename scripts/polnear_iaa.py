"""How well PolNeAR's own annotators agree, in the quote scorer's metrics (and Dateline beside them).

    python scripts/polnear_iaa.py DATA_DIR [--dateline] [--exclude ef2d] [--json OUT]

``DATA_DIR`` is a PolNeAR checkout's ``data/`` folder (``<compartment>/attributions/<article>_<annotator>.ann``
and ``<compartment>/text/<article>.txt``). Every article with two or more annotators' ``.ann`` files is
converted, one record per annotator, to the quotes JSONL schema of ``shared/data/quotes`` (its README's
conventions: one quote per Attribution event with Content; every Content role and discontinuous piece is a
fragment; Source is the speaker and Cue the cue as written; Discuss/Discard notes dropped; ``kind`` by the
rule that reproduces the shared files' kinds). Every ordered pair (A as gold, B as system) is then scored
with the official scorer, pooled over the articles both annotated, for the annotator-training round apart
from the core (dev, test, train) articles. ``--dateline`` scores Dateline's quote stage against each
annotator too; ``--exclude`` adds a mean over the pairs without that annotator.
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
import statistics
from collections import defaultdict
from pathlib import Path
from typing import Any

from eval_quotes import _scorer, system_records

#: (column, scorer row, field): the issue's metrics
METRICS = [("o50_P", "quote/all/overlap50", "p"), ("o50_R", "quote/all/overlap50", "r"),
           ("o50_F1", "quote/all/overlap50", "f1"), ("spk_acc", "quote/all/overlap50", "speaker_acc"),
           ("dir_F1", "fragment/direct/exact", "f1"), ("e2e_F1", "fragment/direct/exact", "end_to_end_f1"),
           ("exact_F1", "quote/all/exact", "f1")]
GROUPS = {"annotator-training": "training", "dev": "core", "test": "core", "train": "core"}


def kind(sc: Any, content: str) -> str:
    """direct / mixed / indirect: the scorer's rule, with NYT's '' as a double quote mark and single-quoted
    stretches (headlines) counted as quotes."""
    s = content.replace("''", '"')
    found = str(sc.infer_kind(s))
    trimmed = s.strip(sc.TRIM)
    if found == "direct" and trimmed[:1] in "‘'":
        inner = trimmed[1:-1].rstrip(sc.TRIM + "’'")
        if "‘" in inner or re.search(r"(?<!\w)'", inner):
            return "mixed"  # two quoted stretches with words between them
    if found == "indirect" and re.search(r"(?<!\w)[‘'](?=\w)[^‘]*?[’'](?!\w)", s):
        return "mixed"
    return found


def _spans(offsets: str) -> list[tuple[int, int]]:
    return [(int(a), int(b)) for a, b in (piece.split() for piece in offsets.split(";"))]


def quotes_of(sc: Any, ann: str, text: str) -> list[dict[str, Any]]:
    """The quotes of one brat file, sorted by offset."""
    bound: dict[str, list[tuple[int, int]]] = {}
    events = []
    for line in ann.splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) > 1:
            bound[parts[0]] = _spans(parts[1].split(" ", 1)[1])
        elif line.startswith("E") and len(parts) > 1:
            args = parts[1].split()
            events.append((parts[0], args[0].split(":")[0], [a.split(":") for a in args[1:]]))
    quotes = []
    for eid, etype, roles in events:
        if etype not in ("Attribution", "Attribution-no-source"):
            continue
        spans = {name: sorted(s for role, tid in roles if re.sub(r"\d+$", "", role) == name for s in bound[tid])
                 for name in ("Content", "Source", "Cue")}
        content = spans["Content"]
        if not content:
            continue
        start, end = content[0][0], max(e for _, e in content)
        quote: dict[str, Any] = {"start": start, "end": end, "text": text[start:end],
                                 "kind": kind(sc, " ".join(text[s:e] for s, e in content))}
        if len(content) > 1:
            quote["fragments"] = [list(s) for s in content]
        for key, name in (("speaker", "Source"), ("cue", "Cue")):
            if spans[name]:
                a, b = spans[name][0][0], max(e for _, e in spans[name])
                quote.update({key: text[a:b], f"{key}_start": a, f"{key}_end": b})
            else:
                quote.update({key: None, f"{key}_start": None, f"{key}_end": None})
        quote["polnear_id"] = eid
        quotes.append(quote)
    return sorted(quotes, key=lambda q: (q["start"], q["end"]))


def load(sc: Any, data: Path) -> dict[str, dict[tuple[str, str], dict[str, Any]]]:
    """{group: {(article, annotator): record}} for the articles with two or more annotators."""
    out: dict[str, dict[tuple[str, str], dict[str, Any]]] = defaultdict(dict)
    for compartment, group in GROUPS.items():
        by_article = defaultdict(list)
        for path in sorted((data / compartment / "attributions").glob("*.ann")):
            article, annotator = path.stem.rsplit("_", 1)
            by_article[article].append((annotator, path))
        for article, files in by_article.items():
            if len(files) < 2:
                continue
            text = (data / compartment / "text" / f"{article}.txt").read_text(encoding="utf-8")
            for annotator, path in files:
                out[group][(article, annotator)] = {
                    "id": f"polnear/{article}", "annotator": annotator, "text": text,
                    "quotes": quotes_of(sc, path.read_text(encoding="utf-8"), text)}
    return out


def row(sc: Any, gold: list[dict[str, Any]], system: list[dict[str, Any]]) -> dict[str, Any]:
    """The issue's metrics for one pooled gold / system pair, with the counts they rest on."""
    res = sc.score(gold, system)
    out = {col: res[key][field] for col, key, field in METRICS}
    out.update(articles=len(gold), gold_quotes=res["quote/all/overlap50"]["gold"],
               system_quotes=res["quote/all/overlap50"]["pred"])
    return out


def summary(rows: list[dict[str, Any]]) -> dict[str, list[float] | None]:
    """Mean, min and max of each metric over ``rows``."""
    out: dict[str, list[float] | None] = {}
    for col, _, _ in METRICS:
        vals = [r[col] for r in rows if r[col] is not None]
        out[col] = [round(statistics.mean(vals), 1), min(vals), max(vals)] if vals else None
    return out


def dateline_quotes(records: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Dateline's quotes for each article, as scripts/eval_quotes.py makes them."""
    return {r["id"]: r for r in system_records(records)}


def agreement(sc: Any, by: dict[tuple[str, str], dict[str, Any]], exclude: str | None,
              tool: dict[str, dict[str, Any]] | None) -> dict[str, Any]:
    """Every ordered annotator pair of one group, their summaries and Dateline against each annotator."""
    annotators = sorted({a for _, a in by})
    pairs = []
    for a, b in itertools.permutations(annotators, 2):
        arts = sorted(art for art, x in by if x == a and (art, b) in by)
        if arts:
            pairs.append(dict(row(sc, [by[(t, a)] for t in arts], [by[(t, b)] for t in arts]), gold=a, system=b))
    res: dict[str, Any] = {"articles": sorted({art for art, _ in by}), "pairs": pairs, "human": summary(pairs)}
    if exclude:
        res[f"human_without_{exclude}"] = summary([p for p in pairs if exclude not in (p["gold"], p["system"])])
    if tool is not None:
        rows = []
        for a in annotators:
            gold = [r for (_, x), r in sorted(by.items()) if x == a]
            rows.append(dict(row(sc, gold, [tool[r["id"]] for r in gold]), gold=a, system="dateline"))
        res["dateline"], res["dateline_mean"] = rows, summary(rows)
    return res


def main() -> None:
    parser = argparse.ArgumentParser(description="PolNeAR inter-annotator agreement in the quote scorer's metrics.")
    parser.add_argument("data", type=Path, help="a PolNeAR checkout's data/ folder")
    parser.add_argument("--dateline", action="store_true", help="score Dateline against each annotator too")
    parser.add_argument("--exclude", help="also report the mean over the pairs without this annotator")
    parser.add_argument("--json", type=Path, help="write every pair's row here")
    args = parser.parse_args()
    sc = _scorer()
    groups = load(sc, args.data)
    tool = None
    if args.dateline:
        tool = dateline_quotes([r for by in groups.values() for r in by.values()])
    results = {group: agreement(sc, by, args.exclude, tool) for group, by in sorted(groups.items())}
    for group, res in results.items():
        print(f"== {group}: {len(res['articles'])} articles, {len(res['pairs'])} ordered pairs")
        for label, s in res.items():
            if isinstance(s, dict) and "o50_F1" in s:
                print(f"{label:22s} " + "  ".join(f"{c} {v[0]:.1f} ({v[1]:.1f}-{v[2]:.1f})" if v else f"{c} -"
                                                 for c, v in s.items()))
    if args.json:
        args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
