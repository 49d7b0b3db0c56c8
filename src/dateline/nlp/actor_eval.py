"""Measure actor country codes against event gold: ``python -m dateline.nlp.actor_eval FILE...``.

Two measures, both on the country part of a code (its first three letters, as the events scorer
reads it: ``RUSGOV`` -> ``RUS``, ``IGOUNO`` -> ``IGO``):

* ``span``: PLOVER gold names the text of each source and target actor (``notes.source_actors``);
  the actor :func:`~dateline.nlp.actors.actor_for_span` finds there must have that country.
* ``dyad``: every gold source/target country of a sentence must be the country of some actor
  the sentence has (recall), and every actor country found should be one of them (precision; a
  lower bound, since gold codes only the event's parties).

Gold codes that are not ISO 3166 alpha-3 (CAMEO's ``JAP``, ``ITL``) nor ``IGO``/``NGO`` are skipped.
Parses are cached with ``--cache DIR`` (spaCy DocBin) so reruns take seconds.
"""

from __future__ import annotations

import argparse
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..model import Actor, Article


def _iso() -> set[str]:
    import pycountry

    return {c.alpha_3 for c in pycountry.countries} | {"IGO", "NGO"}


def _prefix(code: str | None) -> str | None:
    code = (code or "").strip().strip('"').upper()
    return code[:3] or None


def _country(actor: Actor | None) -> str | None:
    if actor is None:
        return None
    return _prefix(actor.code) or actor.country


def _docs(texts: list[str], cache: Path | None, name: str) -> list[Any]:
    from spacy.tokens import DocBin

    from . import parse

    nlp = parse.load()
    path = cache / f"{name}.docbin" if cache else None
    if path is not None and path.exists():
        docs = list(DocBin().from_disk(path).get_docs(nlp.vocab))
        if [d.text for d in docs] == texts:
            return docs
    docs = list(parse.parse(texts))
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        DocBin(store_user_data=True, docs=docs).to_disk(path)
    return docs


def annotated(path: Path, cache: Path | None = None) -> Iterator[tuple[dict[str, Any], Article]]:
    """Each gold record of ``path`` with its text annotated by the actors stage."""
    from .actors import annotate_actors

    records = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    docs = _docs([r["text"] for r in records], cache, path.stem)
    for record, doc in zip(records, docs, strict=True):
        article = Article(id=record["id"], text=record["text"])
        yield record, annotate_actors(article, doc)


def _span(text: str, actor_text: str) -> tuple[int, int] | None:
    """Where gold's actor text is ("U.S. ... negotiators" spans its first to its last part)."""
    parts = [p.strip() for p in re.split(r"\.\.\.|…", actor_text) if p.strip()]
    if not parts or parts[0] not in text:
        return None
    start = text.index(parts[0])
    last = text.find(parts[-1], start)
    return (start, last + len(parts[-1])) if last >= 0 else (start, start + len(parts[0]))


def _listed(value: Any) -> list[dict[str, Any]]:
    items = value if isinstance(value, list) else [value] if value else []
    return [x for x in items if isinstance(x, dict)]


def score(path: Path, cache: Path | None = None, show: bool = False) -> dict[str, Any]:
    """The span and dyad measures for one gold file."""
    from .actors import actor_for_span

    iso = _iso()
    span_ok = span_n = rec_ok = rec_n = prec_ok = prec_n = 0
    for record, article in annotated(path, cache):
        notes = record.get("notes") or {}
        for item in _listed(notes.get("source_actors")) + _listed(notes.get("target_actors")):
            gold = _prefix(item.get("code"))
            where = _span(article.text, item.get("actorText") or "")
            if gold not in iso or where is None:
                continue
            got = _country(actor_for_span(article, *where))
            span_n += 1
            span_ok += got == gold
            if show and got != gold:
                print(f"SPAN {record['id']}: {item['actorText']!r} gold {gold} got {got}")
        gold_set = {c for e in record.get("expected") or [] for k in ("source", "target")
                    if (c := _prefix(e.get(k))) in iso}
        found = {c for a in article.actors if (c := _country(a))}
        rec_n += len(gold_set)
        rec_ok += len(gold_set & found)
        prec_n += len(found)
        prec_ok += len(found & gold_set)
        if show and gold_set - found:
            print(f"DYAD {record['id']}: missing {sorted(gold_set - found)} found {sorted(found)}"
                  f" | {record['text'][:120]}")
    return {"file": path.name, "span_accuracy": _ratio(span_ok, span_n), "span_n": span_n,
            "dyad_recall": _ratio(rec_ok, rec_n), "dyad_n": rec_n,
            "dyad_precision": _ratio(prec_ok, prec_n), "found_n": prec_n}


def _ratio(a: int, b: int) -> float | None:
    return round(a / b, 4) if b else None


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="+", type=Path, help="events gold JSONL files")
    ap.add_argument("--cache", type=Path, help="folder for cached spaCy parses")
    ap.add_argument("--show", action="store_true", help="print each miss")
    args = ap.parse_args(argv)
    for path in args.files:
        print(json.dumps(score(path, args.cache, args.show)))


if __name__ == "__main__":
    main()
