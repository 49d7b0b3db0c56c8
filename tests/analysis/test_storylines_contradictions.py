"""Storylines and contradictions from hand-built articles (no model involved)."""

from __future__ import annotations

from dateline.analysis.contradictions import contradictions, count_disagreements, year_disagreements
from dateline.analysis.storylines import storylines
from dateline.model import Actor, Article, Quote, Story

VARGAS = Actor("a0", "Elena Vargas", "person", "CHL", "government", "CHLGOV")
NORWAY = Actor("a1", "Norway", "country", "NOR", None, "NOR")
OTHER = Actor("a2", "Kenya", "country", "KEN", None, "KEN")


def art(aid: str, title: str, actors: list[Actor], story: str | None = None, text: str = "") -> Article:
    return Article(id=aid, text=text or f"Invented: {title}.", title=title, actors=actors, story=story)


def test_stories_linked_by_actors_and_topic_within_the_gap() -> None:
    arts = {a.id: a for a in [
        art("p", "Chile praises Norway over fishing quota", [VARGAS, NORWAY]),
        art("w", "Chile warns Norway over fishing quota", [VARGAS, NORWAY]),
        art("k", "Kenya opens a new railway", [OTHER]),
        art("late", "Chile and Norway sign fishing quota deal", [VARGAS, NORWAY])]}
    stories = [Story("s1", ["p"], date="2025-03-04"), Story("s2", ["w"], date="2025-03-19"),
               Story("s3", ["k"], date="2025-03-10"), Story("s4", ["late"], date="2025-09-01")]
    (line,) = storylines(stories, arts)
    assert line.stories == ["s1", "s2"] and (line.start, line.end) == ("2025-03-04", "2025-03-19")
    assert {"CHL", "NOR", "Elena Vargas"} <= set(line.actors) and "quota" in line.topics


def test_year_given_twice_for_one_treaty() -> None:
    text = ('Invented: "Everything is as in the 1955 treaty," she said. The treaty between the two '
            "invented kingdoms was signed in 1954 and expired later.")
    a = art("t", "Treaty", [], text=text)
    a.quotes = [Quote(10, text.index('," she'), text[10:text.index('," she')], "direct")]
    (c,) = year_disagreements(a)
    assert {c.first.value, c.second.value} == {"1955", "1954"}
    assert c.first.in_quote and not c.second.in_quote


def test_counts_disagree_across_a_story() -> None:
    one = art("a", "Shooting", [], story="s", text="Invented: Two people were killed and one injured.")
    two = art("b", "Shooting", [], story="s", text="Invented: Three people were killed in the attack.")
    (c,) = count_disagreements([one, two])
    assert (c.fact, c.first.value, c.second.value) == ("number killed", "2", "3")
    assert len(contradictions([one, two])) == 1
    assert contradictions([one]) == []
