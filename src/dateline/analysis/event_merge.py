"""One record per real-world event: event mentions from many sentences, articles and outlets
that report the same occurrence are merged, with the count of mentions and of sources.

Two mentions are the same event when they have the same source and target countries, the same
PLOVER type and modality, and dates no more than ``max_days`` apart (an undated mention joins a
dated event of the same story). This is GDELT's mentions table, deduplicated.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from ..model import Article, Event
from .timeline import country_of


@dataclass(slots=True)
class EventMention:
    article: str
    outlet: str | None
    start: int
    end: int
    evidence: str


@dataclass(slots=True)
class MergedEvent:
    source: str | None
    target: str | None
    plover: str | None
    code: str
    modality: str
    date: str | None
    goldstein: float | None
    mentions: list[EventMention] = field(default_factory=list)
    story: str | None = None

    @property
    def n_mentions(self) -> int:
        return len(self.mentions)

    @property
    def n_sources(self) -> int:
        return len({m.outlet or m.article for m in self.mentions})


def _gap(a: str | None, b: str | None) -> int | None:
    try:
        return abs((date.fromisoformat(a[:10]) - date.fromisoformat(b[:10])).days)  # type: ignore[index]
    except (TypeError, ValueError):
        return None


def merge_events(items: Iterable[tuple[Article, Event]], max_days: int = 1) -> list[MergedEvent]:
    """Merge event mentions into events (oldest first)."""
    merged: list[MergedEvent] = []
    for article, event in sorted(items, key=lambda ae: (ae[1].date or "9999", ae[0].id, ae[1].start)):
        src = country_of(article, event.source_actor, event.source)
        tgt = country_of(article, event.target_actor, event.target)
        mention = EventMention(article.id, article.outlet, event.start, event.end,
                               article.text[event.start:event.end])
        for m in merged:
            if (m.source, m.target, m.plover, m.modality) != (src, tgt, event.plover, event.modality):
                continue
            gap = _gap(m.date, event.date)
            if gap is not None and gap <= max_days or (event.date is None and m.story == article.story
                                                        and article.story is not None):
                m.mentions.append(mention)
                break
        else:
            merged.append(MergedEvent(src, tgt, event.plover, event.code, event.modality, event.date,
                                      event.goldstein, [mention], article.story))
    return merged
