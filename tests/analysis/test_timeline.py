"""Timelines and shifts from hand-built annotated articles (no model involved)."""

from __future__ import annotations

from dateline.analysis.timeline import shifts, timeline
from dateline.model import Actor, Article, Event, Mention, Quote

PRAISE = 'Invented: "We value Oslo," Vargas said.'
THREAT = 'Invented: "If Norway sends trawlers, we will respond," Vargas warned.'


def annotated(aid: str, text: str, date: str, code: str, plover: str, goldstein: float,
              modality: str = "asserted") -> Article:
    actors = [Actor("a0", "Elena Vargas", "person", "CHL", "government", "CHLGOV"),
              Actor("a1", "Norway", "country", "NOR", None, "NOR")]
    q_end = text.index('," ')
    quote = Quote(11, q_end, text[11:q_end], "direct", speaker="Vargas", speaker_name="Elena Vargas",
                  speaker_actor="a0")
    place = "Oslo" if "Oslo" in text else "Norway"
    i = text.index(place)
    return Article(
        id=aid, text=text, outlet="Invented Daily", published=date, actors=actors,
        mentions=[Mention(i, i + len(place), place, "a1")], quotes=[quote],
        events=[Event(0, len(text), "CHLGOV", "NOR", code, plover, modality, goldstein,
                      source_actor="a0", target_actor="a1", date=date, quote=0)])


def test_praise_then_threat_is_a_shift_with_both_quotes() -> None:
    arts = [annotated("b", THREAT, "2025-03-19", "138", "THREATEN", -7.0, "conditional"),
            annotated("a", PRAISE, "2025-03-04", "051", "SUPPORT", 3.4)]
    items = timeline(arts, "chl", "nor")
    assert [(i.date, i.type, i.modality) for i in items] == [
        ("2025-03-04", "SUPPORT", "asserted"), ("2025-03-19", "THREATEN", "conditional")]
    assert items[0].quote == "We value Oslo" and items[0].speaker == "Elena Vargas"
    (shift,) = shifts(items, "CHL", "NOR")
    assert shift.direction == "positive -> negative"
    assert (shift.before.date, shift.after.date) == ("2025-03-04", "2025-03-19")


def test_negated_and_hypothetical_events_carry_no_intensity() -> None:
    arts = [annotated("a", PRAISE, "2025-03-04", "051", "SUPPORT", 3.4),
            annotated("b", THREAT, "2025-03-19", "138", "THREATEN", -7.0, "hypothetical")]
    items = timeline(arts, "CHL", "NOR")
    assert items[1].intensity is None
    assert shifts(items, "CHL", "NOR") == []


def test_other_direction_is_not_included() -> None:
    assert timeline([annotated("a", PRAISE, "2025-03-04", "051", "SUPPORT", 3.4)], "NOR", "CHL") == []
