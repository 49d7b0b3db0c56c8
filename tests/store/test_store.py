"""Store: migrations (fresh and re-run), one write path, FTS5 search, reads back as the model."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from dateline.errors import StoreError
from dateline.model import Actor, Article, Event, Failure, Mention, Page, Quote, Story
from dateline.store import Store
from dateline.store.migrations import MIGRATIONS


def article(aid: str = "a1", text: str = "Invented: the minister praised the harbour deal.") -> Article:
    return Article(
        id=aid, text=text, title="Invented title", outlet="Invented Daily", published="2024-06-05",
        actors=[Actor("a0", "Invented Minister", "person", country="CHL", role="government",
                      code="CHLGOV"), Actor("a1", "Norway", "country", country="NOR", code="NOR")],
        mentions=[Mention(10, 18, text[10:18], "a0")],
        quotes=[Quote(0, 8, text[0:8], "direct", speaker="the minister", speaker_name="Invented Minister",
                      speaker_actor="a0")],
        events=[Event(0, len(text), "CHLGOV", "NOR", "051", "SUPPORT", goldstein=3.4,
                      source_actor="a0", target_actor="a1", date="2024-06-04")])


def test_migrations_fresh_and_rerun(tmp_path: Path) -> None:
    path = tmp_path / "d.db"
    first = Store(path)
    assert first.migrations_applied == [m.__name__ for m in MIGRATIONS]
    first.close()
    again = Store(path)
    assert again.migrations_applied == []
    names = [r[0] for r in again.db.execute("SELECT name FROM _migrations ORDER BY rowid")]
    assert names == [m.__name__ for m in MIGRATIONS]
    assert again.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_write_read_round_trip_and_replace() -> None:
    store = Store()
    a = article()
    page = Page("p1", "x.txt", "text", "raw")
    store.write_article(a, page)
    store.write_article(a, page)  # replacing must not duplicate annotation rows
    assert store.article("a1") == a
    assert store.counts()["quotes"] == 1 and store.counts()["events"] == 1
    assert store.has_page("p1") and store.has_article("a1")
    ev = store.events(source="CHL", target="NOR")
    assert len(ev) == 1 and ev[0]["evidence"] == a.text
    assert store.quotes(speaker="Invented")[0]["speaker_actor"] == "a0"
    assert [x.id for x in store.articles_with_countries("chl", "nor")] == ["a1"]


def test_search_highlights_and_survives_fts_syntax() -> None:
    store = Store()
    store.write_article(article())
    hits = store.search("harbour")
    assert hits and "[harbour]" in hits[0]["snippet"]
    assert store.search('"unbalanced AND (') == []
    assert store.search("") == []


def test_failures_stories_and_state() -> None:
    store = Store()
    store.record_failure(Failure("bad.txt", "empty", detail="no content"))
    assert store.failures()[0]["reason"] == "empty"
    story = Story("s1", ["a1"], title="Invented", date="2024-06-04")
    store.write_story(story)
    assert store.stories() == [story]
    store.set_state("k", {"n": 1})
    assert store.get_state("k") == {"n": 1}


def test_readonly_store(tmp_path: Path) -> None:
    with pytest.raises(StoreError):
        Store(tmp_path / "missing.db", readonly=True)
    Store(tmp_path / "d.db").close()
    ro = Store(tmp_path / "d.db", readonly=True)
    with pytest.raises(sqlite3.OperationalError):
        ro.record_failure(Failure("x", "y"))
