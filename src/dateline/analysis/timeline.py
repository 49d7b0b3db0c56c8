"""Actor-pair timelines: what A said and did toward B, in date order, and where it turned.

An item is an event from A to B, or a quote by A that mentions B. Events carry a Goldstein
intensity; a quote carries the intensity of the events coded from it (if any). Only events that
happened or were announced count toward the trend: asserted, intended and conditional (a threat
is itself an act); negated and hypothetical ones are shown but carry no intensity.

A *shift* is a change of sign of intensity between consecutive dated items: both items are kept
as the evidence.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..model import Article, Event, Quote

COUNTED = ("asserted", "intended", "conditional")


@dataclass(slots=True)
class Item:
    """One point of a timeline, with its evidence."""

    date: str | None
    kind: str  # "event" | "quote"
    article: str
    outlet: str | None
    start: int
    end: int
    evidence: str
    type: str | None = None
    code: str | None = None
    modality: str | None = None
    intensity: float | None = None
    speaker: str | None = None
    quote: str | None = None


@dataclass(slots=True)
class Shift:
    """The sign of intensity changed between ``before`` and ``after``."""

    source: str
    target: str
    before: Item
    after: Item

    @property
    def direction(self) -> str:
        return "positive -> negative" if (self.after.intensity or 0) < 0 else "negative -> positive"


def country_of(article: Article, actor_id: str | None, code: str | None) -> str | None:
    """The country of an event participant: its actor's country, else the code's ISO prefix."""
    actor = article.actor(actor_id)
    if actor is not None and actor.country:
        return actor.country
    return code[:3] if code and len(code) >= 3 and code[:3].isalpha() else None


def _event_item(article: Article, event: Event) -> Item:
    counted = event.modality in COUNTED and event.goldstein is not None
    quote = article.quotes[event.quote] if event.quote is not None and \
        0 <= event.quote < len(article.quotes) else None
    return Item(
        date=event.date, kind="event", article=article.id, outlet=article.outlet,
        start=event.start, end=event.end, evidence=article.text[event.start:event.end],
        type=event.plover, code=event.code, modality=event.modality,
        intensity=event.goldstein if counted else None,
        speaker=(quote.speaker_name or quote.speaker) if quote else None,
        quote=quote.text if quote else None)


def _speaker_country(article: Article, quote: Quote) -> str | None:
    actor = article.actor(quote.speaker_actor)
    return actor.country if actor else None


def _mentions_country(article: Article, start: int, end: int, country: str) -> bool:
    for m in article.mentions:
        if start <= m.start and m.end <= end:
            actor = article.actor(m.actor)
            if actor is not None and actor.country == country:
                return True
    return False


def _quote_date(article: Article, quote: Quote) -> str | None:
    """A quote is dated by a time expression in its sentence, else by the occasion its lead
    reports (a statement quoted without a date of its own was made then)."""
    from ..nlp.times import lead_date

    for s in article.sentences:
        if s.start <= quote.start < s.end or (quote.speaker_start or -1) in range(s.start, s.end):
            for t in article.times:
                if s.start <= t.start < s.end and t.value and t.status != "unknown":
                    return t.value
    return lead_date(article)


def timeline(articles: Iterable[Article], source: str, target: str) -> list[Item]:
    """Events from ``source`` to ``target`` and quotes by ``source`` mentioning ``target``.

    Args:
        articles: annotated articles (e.g. ``Store.iter_articles()``).
        source, target: ISO 3166-1 alpha-3 country codes.

    Returns:
        Items in date order; undated items last.
    """
    source, target = source.upper(), target.upper()
    items: list[Item] = []
    for article in articles:
        quoted: dict[int, list[Item]] = {}
        for event in article.events:
            if country_of(article, event.source_actor, event.source) != source:
                continue
            if country_of(article, event.target_actor, event.target) != target:
                continue
            item = _event_item(article, event)
            items.append(item)
            if event.quote is not None:
                quoted.setdefault(event.quote, []).append(item)
        for i, quote in enumerate(article.quotes):
            if i in quoted or _speaker_country(article, quote) != source:
                continue
            if not _mentions_country(article, quote.start, quote.end, target):
                continue
            items.append(Item(
                date=_quote_date(article, quote), kind="quote", article=article.id,
                outlet=article.outlet, start=quote.start, end=quote.end, evidence=quote.text,
                speaker=quote.speaker_name or quote.speaker, quote=quote.text))
    items.sort(key=lambda it: (it.date is None, it.date or "", it.article, it.start))
    return items


def shifts(items: list[Item], source: str, target: str) -> list[Shift]:
    """Changes of sign of intensity between consecutive dated items that carry an intensity."""
    scored = [it for it in items if it.date and it.intensity]
    found: list[Shift] = []
    for before, after in zip(scored, scored[1:], strict=False):
        if (before.intensity or 0) * (after.intensity or 0) < 0:
            found.append(Shift(source.upper(), target.upper(), before, after))
    return found
