"""Hand-built annotated articles for tests where no model is under test (all text invented)."""

from __future__ import annotations

from dateline.model import Actor, Article, Event, Mention, Quote, Sentence


def annotated_article(aid: str = "a1", published: str = "2024-06-05") -> Article:
    """An invented article: a Chilean minister praises Norway, with one quote and one event."""
    text = 'Invented: the minister praised the harbour deal. "We value Norway," Vargas said.'
    q0 = text.index("We value")
    q1 = text.index(',"')
    s2 = text.index('"We')
    return Article(
        id=aid, text=text, title="Invented title", outlet="Invented Daily", published=published,
        url=f"https://invented.example/{aid}",
        sentences=[Sentence(0, s2 - 1), Sentence(s2, len(text))],
        actors=[Actor("a0", "Elena Vargas", "person", country="CHL", role="government",
                      code="CHLGOV"), Actor("a1", "Norway", "country", country="NOR", code="NOR")],
        mentions=[Mention(text.index("Norway"), text.index("Norway") + 6, "Norway", "a1"),
                  Mention(text.index("Vargas"), text.index("Vargas") + 6, "Vargas", "a0")],
        quotes=[Quote(q0, q1, text[q0:q1], "direct", speaker="Vargas", speaker_name="Elena Vargas",
                      speaker_actor="a0", speaker_start=text.index("Vargas"),
                      speaker_end=text.index("Vargas") + 6, cue="said")],
        events=[Event(0, s2 - 1, "CHLGOV", "NOR", "051", "SUPPORT", goldstein=3.4,
                      source_actor="a0", target_actor="a1", date="2024-06-04",
                      location={"name": "Oslo", "country": "NOR", "lat": 59.91, "lon": 10.75})])
