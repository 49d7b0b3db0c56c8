"""Score Dateline on the hand-made gold of ../shared/seeds (gold.json).

Every ``must`` item is scored; ``may`` items are ignored. Quotes are matched by the gold's
distinctive ``contains`` substring; events by source country, target country and PLOVER type.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dateline.analysis.timeline import country_of, shifts, timeline
from dateline.extract import extract
from dateline.ingest import Metadata, iter_pages
from dateline.model import Article, Page
from dateline.nlp.annotate import annotate

_QUOTE_MARKS = str.maketrans({c: '"' for c in "“”„‟″"} | {c: "'" for c in "‘’‚‛′"})


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.translate(_QUOTE_MARKS)).strip().lower()


def same_person(system: str | None, gold: str) -> bool:
    """Gold "Vladimir Putin" ~ system "Vladimir Putin" / "President Vladimir Putin" / "Putin"."""
    if not system:
        return False
    sys_tokens = set(norm(system).replace("-", " ").split())
    gold_tokens = norm(gold).replace("-", " ").split()
    return gold_tokens[-1] in sys_tokens


@dataclass
class Tally:
    right: dict[str, int] = field(default_factory=dict)
    total: dict[str, int] = field(default_factory=dict)
    misses: list[str] = field(default_factory=list)

    def add(self, key: str, ok: bool, what: str = "") -> None:
        self.total[key] = self.total.get(key, 0) + 1
        self.right[key] = self.right.get(key, 0) + int(ok)
        if not ok:
            self.misses.append(f"{key}: {what}")

    def scores(self) -> dict[str, float]:
        return {k: self.right[k] / self.total[k] for k in sorted(self.total)}


def load_articles(seeds: Path, gold: dict[str, Any], with_dates: bool) -> dict[str, Article]:
    """Extract the seed pages (with the gold's test publication dates, or none) and annotate."""
    out: dict[str, Article] = {}
    for name, doc in gold["documents"].items():
        published = doc["published_metadata_for_tests"] if with_dates else None
        (page,) = [p for p in iter_pages([seeds / name], Metadata(published=published))
                   if isinstance(p, Page)]
        out[name] = extract(page)
    done = list(annotate(list(out.values())))
    return dict(zip(out, done, strict=True))


def score_document(name: str, doc: dict[str, Any], article: Article, t: Tally) -> None:
    t.add("extract.title", norm(article.title or "") == norm(doc["title"]), name)
    t.add("extract.outlet", article.outlet == doc["outlet"], f"{name}: {article.outlet}")
    t.add("extract.credit", article.credit == doc["credit"], f"{name}: {article.credit}")
    t.add("extract.language", article.language == doc["language"], f"{name}: {article.language}")
    t.add("extract.body_first", norm(article.text).startswith(norm(doc["body_first_words"])), name)
    t.add("extract.body_last", norm(article.text).endswith(norm(doc["body_last_words"])), name)
    t.add("extract.paragraphs", len(article.paragraphs) == doc["body_paragraphs"],
          f"{name}: {len(article.paragraphs)}")
    t.add("extract.no_chrome", not any(norm(x) in norm(article.text) for x in doc["not_in_body"]), name)
    for q in (q for q in doc["quotes"] if q["must"]):
        found = [s for s in article.quotes if norm(q["contains"]) in norm(s.text)]
        what = f"{name}: {q['contains'][:50]}"
        t.add("quotes.found", bool(found), what)
        if not found:
            continue
        s = found[0]
        kind_ok = s.kind == q["kind"] or (q["kind"] == "indirect" and s.kind == "mixed")
        t.add("quotes.kind", kind_ok, f"{what} ({s.kind})")
        t.add("quotes.speaker", same_person(s.speaker_name or s.speaker, q["speaker"]),
              f"{what} ({s.speaker_name or s.speaker})")
        if q.get("according_to"):
            t.add("quotes.relay", bool(s.relay) and q["according_to"].lower() in s.relay.lower(),
                  f"{what} ({s.relay})")
    for phrase in doc.get("not_quotes", []):
        t.add("quotes.not_quotes", not any(norm(s.text).strip("'\" ") == norm(phrase)
                                           for s in article.quotes), phrase)
    for e in (e for e in doc["events"] if e["must"]):
        score_event(name, e, article, t)
    for e in doc.get("must_not", []):
        bad = [x for x in article.events if _dyad(article, x) == (e["source"], e["target"])
               and x.plover == e["type"] and x.modality == e["modality"]]
        t.add("events.must_not", not bad, f"{name}: {e['source']}->{e['target']} {e['type']}")


def _dyad(article: Article, e: Any) -> tuple[str | None, str | None]:
    return (country_of(article, e.source_actor, e.source), country_of(article, e.target_actor, e.target))


def score_event(name: str, e: dict[str, Any], article: Article, t: Tally) -> None:
    what = f"{name}: {e['source']}->{e['target']} {e['type']} {e['modality']}"
    targets = {e["target"], *(["RUS", "PRK"] if "target may be" in e.get("note", "") else [])}
    found = [x for x in article.events
             if _dyad(article, x)[0] == e["source"] and _dyad(article, x)[1] in targets
             and x.plover == e["type"]]
    t.add("events.found", bool(found), what)
    if not found:
        return
    t.add("events.modality", any(x.modality == e["modality"] for x in found),
          f"{what} ({[x.modality for x in found]})")
    if e.get("date_given_metadata"):
        t.add("events.date", any(x.date == e["date_given_metadata"] for x in found),
              f"{what} ({[x.date for x in found]})")
    if "not dated" in e.get("note", ""):
        published = (article.published or "")[:10]
        t.add("events.background_undated", all(x.date != published for x in found), what)


def score_times(name: str, doc: dict[str, Any], dated: Article, undated: Article, t: Tally) -> None:
    for phrase, value in doc["relative_dates_given_metadata"].items():
        hits = [x for x in dated.times if norm(x.text) in norm(phrase) and x.text.strip()]
        t.add("times.resolved", any(x.value == value for x in hits),
              f"{name}: {phrase} -> {[(x.text, x.value) for x in hits]}")
        blind = [x for x in undated.times if norm(x.text) in norm(phrase) and x.text.strip()]
        t.add("times.unknown_without_date", bool(blind) and all(x.value is None for x in blind),
              f"{name}: {phrase} -> {[(x.text, x.value) for x in blind]}")


def score_across(gold: dict[str, Any], arts: dict[str, Article], t: Tally) -> None:
    shift = gold["across_documents"]["relation_shift"]
    items = timeline(arts.values(), shift["source"], shift["target"])
    turns = shifts(items, shift["source"], shift["target"])
    ok = any(s.before.date == shift["from"]["date"] and s.after.date == shift["to"]["date"]
             and (s.before.intensity or 0) > 0 > (s.after.intensity or 0) for s in turns)
    t.add("across.relation_shift", ok,
          f"shifts: {[(s.before.date, s.after.date) for s in turns]}; items: "
          f"{[(i.date, i.type, i.intensity) for i in items]}")


def score_stories(gold: dict[str, Any], arts: dict[str, Article], t: Tally) -> None:
    from dateline.analysis.contradictions import contradictions
    from dateline.analysis.storylines import storylines
    from dateline.stories import StoryIndex

    across = gold["across_documents"]
    index = StoryIndex()
    story = {name: index.add(arts[name]) for name in across["same_storyline"]}
    t.add("across.same_event", (len(set(story.values())) == 1) == across["same_event"], str(story))
    lines = storylines(index.stories(), {a.id: a for a in arts.values()})
    t.add("across.same_storyline", any(set(story.values()) <= set(x.stories) for x in lines), str(lines))
    for name, doc in gold["documents"].items():
        for inc in doc.get("inconsistencies", []):
            found = [c for c in contradictions([arts[name]])
                     if {c.first.value, c.second.value} == set(inc["values"])]
            t.add("across.inconsistencies", bool(found), inc["what"])


def score(seeds: Path) -> Tally:
    gold = json.loads((seeds / "gold.json").read_text(encoding="utf-8"))
    dated = load_articles(seeds, gold, with_dates=True)
    undated = load_articles(seeds, gold, with_dates=False)
    t = Tally()
    for name, doc in gold["documents"].items():
        score_document(name, doc, dated[name], t)
        score_times(name, doc, dated[name], undated[name], t)
        t.add("extract.published_null_without_metadata", undated[name].published is None, name)
    score_across(gold, dated, t)
    score_stories(gold, dated, t)
    return t
