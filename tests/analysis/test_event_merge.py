"""Merging event mentions into one record per real-world event (hand-built articles)."""

from __future__ import annotations

from dateline.analysis.event_merge import merge_events
from dateline.model import Actor, Article, Event

ACTORS = [Actor("a0", "Chile", "country", "CHL", None, "CHL"), Actor("a1", "Norway", "country", "NOR", None, "NOR")]


def art(aid: str, outlet: str, date: str | None, plover: str = "SANCTION", modality: str = "asserted",
        story: str | None = "s1") -> tuple[Article, Event]:
    text = f"Invented: Chile imposed sanctions on Norway ({aid})."
    event = Event(0, len(text), "CHL", "NOR", "163", plover, modality, -8.0, "a0", "a1", date)  # type: ignore[arg-type]
    return Article(id=aid, text=text, outlet=outlet, actors=ACTORS, events=[event], story=story), event


def test_reports_of_one_occurrence_merge_with_counts() -> None:
    merged = merge_events([art("a", "Invented Daily", "2025-03-03"), art("b", "Other Invented", "2025-03-04"),
                           art("c", "Invented Daily", None), art("d", "Invented Daily", "2025-03-03")])
    (event,) = merged
    assert (event.source, event.target, event.plover) == ("CHL", "NOR", "SANCTION")
    assert (event.n_mentions, event.n_sources) == (4, 2)


def test_different_type_modality_or_date_stay_apart() -> None:
    merged = merge_events([art("a", "X", "2025-03-03"), art("b", "X", "2025-03-03", modality="negated"),
                           art("c", "X", "2025-03-03", plover="THREATEN"), art("d", "X", "2025-04-20")])
    assert len(merged) == 4
