"""The store's schema as a list of named migrations, each applied once and recorded.

Add a migration by appending a function to :data:`MIGRATIONS`; never edit one that has shipped.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

Migration = Callable[[sqlite3.Connection], None]


def m001_pages_articles_failures(db: sqlite3.Connection) -> None:
    db.executescript("""
    CREATE TABLE pages (
        id TEXT PRIMARY KEY, source TEXT NOT NULL, kind TEXT NOT NULL, url TEXT,
        title TEXT, outlet TEXT, published TEXT, credit TEXT, content TEXT NOT NULL,
        ingested_at TEXT NOT NULL DEFAULT (datetime('now')));
    CREATE TABLE articles (
        id TEXT PRIMARY KEY, page_id TEXT REFERENCES pages(id), source TEXT, url TEXT,
        title TEXT, outlet TEXT, credit TEXT, published TEXT, language TEXT,
        text TEXT NOT NULL, story TEXT, data TEXT NOT NULL);
    CREATE INDEX articles_published ON articles(published);
    CREATE TABLE failures (
        id INTEGER PRIMARY KEY, source TEXT NOT NULL, reason TEXT NOT NULL,
        stage TEXT NOT NULL, detail TEXT, at TEXT NOT NULL DEFAULT (datetime('now')));
    """)


def m002_annotations(db: sqlite3.Connection) -> None:
    db.executescript("""
    CREATE TABLE actors (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE, actor_id TEXT NOT NULL,
        name TEXT NOT NULL, kind TEXT, country TEXT, role TEXT, code TEXT,
        PRIMARY KEY (article_id, actor_id));
    CREATE INDEX actors_country ON actors(country);
    CREATE TABLE mentions (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        start INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT, actor_id TEXT, kind TEXT);
    CREATE TABLE quotes (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE, idx INTEGER NOT NULL,
        start INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT NOT NULL, kind TEXT,
        speaker TEXT, speaker_name TEXT, speaker_actor TEXT, cue TEXT, relay TEXT,
        PRIMARY KEY (article_id, idx));
    CREATE INDEX quotes_speaker ON quotes(speaker_name);
    CREATE TABLE events (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE, idx INTEGER NOT NULL,
        start INTEGER NOT NULL, end INTEGER NOT NULL, source TEXT, target TEXT,
        source_country TEXT, target_country TEXT, code TEXT, plover TEXT, modality TEXT,
        goldstein REAL, date TEXT, cue TEXT, quote INTEGER,
        PRIMARY KEY (article_id, idx));
    CREATE INDEX events_dyad ON events(source_country, target_country);
    CREATE TABLE times (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        start INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT, value TEXT, status TEXT);
    CREATE TABLE stories (
        id TEXT PRIMARY KEY, title TEXT, date TEXT, place TEXT, storyline TEXT, data TEXT);
    CREATE TABLE state (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    """)


def m003_fulltext(db: sqlite3.Connection) -> None:
    """FTS5 over article titles and texts and over quotes, kept in sync by triggers."""
    db.executescript("""
    CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, text, content='articles', content_rowid='rowid', tokenize='unicode61');
    CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
    END;
    CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text)
        VALUES ('delete', old.rowid, old.title, old.text);
    END;
    CREATE TRIGGER articles_au AFTER UPDATE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text)
        VALUES ('delete', old.rowid, old.title, old.text);
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
    END;
    CREATE VIRTUAL TABLE quotes_fts USING fts5(
        text, speaker_name, content='quotes', content_rowid='rowid', tokenize='unicode61');
    CREATE TRIGGER quotes_ai AFTER INSERT ON quotes BEGIN
        INSERT INTO quotes_fts(rowid, text, speaker_name)
        VALUES (new.rowid, new.text, new.speaker_name);
    END;
    CREATE TRIGGER quotes_ad AFTER DELETE ON quotes BEGIN
        INSERT INTO quotes_fts(quotes_fts, rowid, text, speaker_name)
        VALUES ('delete', old.rowid, old.text, old.speaker_name);
    END;
    """)


MIGRATIONS: list[Migration] = [
    m001_pages_articles_failures,
    m002_annotations,
    m003_fulltext,
]


def migrate(db: sqlite3.Connection) -> list[str]:
    """Apply the migrations not yet recorded in ``_migrations``; returns the names applied."""
    db.execute("CREATE TABLE IF NOT EXISTS _migrations "
               "(name TEXT PRIMARY KEY, applied_at TEXT NOT NULL DEFAULT (datetime('now')))")
    done = {row[0] for row in db.execute("SELECT name FROM _migrations")}
    applied = []
    for migration in MIGRATIONS:
        if migration.__name__ in done:
            continue
        with db:
            migration(db)
            db.execute("INSERT INTO _migrations(name) VALUES (?)", (migration.__name__,))
        applied.append(migration.__name__)
    return applied
