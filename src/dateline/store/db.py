"""SQLite store: every write goes through :meth:`Store.write_article`, :meth:`Store.record_failure`,
:meth:`Store.write_story` or :meth:`Store.set_state`; reads return model objects or plain dicts."""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .. import settings
from ..errors import StoreError
from ..model import Article, Failure, Page, Story, to_dict
from .migrations import migrate

_WORD = re.compile(r"\w+", re.UNICODE)


def default_path() -> Path:
    """``$DATELINE_HOME/dateline.db``."""
    return settings.home() / "dateline.db"


def fts_query(text: str) -> str:
    """A safe FTS5 query from user text: each word quoted, all required (no FTS syntax errors)."""
    return " ".join(f'"{w}"' for w in _WORD.findall(text))


class Store:
    """The SQLite store.

    Args:
        path: the database file (default ``$DATELINE_HOME/dateline.db``).
        readonly: open read-only (the web app's default); the file must exist.

    Raises:
        StoreError: when the file cannot be opened or migrated.
    """

    def __init__(self, path: str | Path | None = None, readonly: bool = False) -> None:
        self.path = Path(path) if path else default_path()
        self.readonly = readonly
        try:
            if readonly:
                if not self.path.exists():
                    raise StoreError(f"no store at {self.path}; ingest something first")
                self.db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True,
                                          check_same_thread=False)
            else:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                self.db = sqlite3.connect(self.path, check_same_thread=False)
                self.db.execute("PRAGMA journal_mode=WAL")
                self.db.execute("PRAGMA synchronous=NORMAL")
                self.db.execute("PRAGMA foreign_keys=ON")
                self.migrations_applied = migrate(self.db)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open store {self.path}: {exc}") from exc
        self.db.row_factory = sqlite3.Row

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writes ---------------------------------------------------------------------------
    def has_page(self, page_id: str) -> bool:
        return self.db.execute("SELECT 1 FROM pages WHERE id=?", (page_id,)).fetchone() is not None

    def has_article(self, article_id: str) -> bool:
        row = self.db.execute("SELECT 1 FROM articles WHERE id=?", (article_id,)).fetchone()
        return row is not None

    def write_article(self, article: Article, page: Page | None = None) -> None:
        """Store an article, its page and all its annotations in one transaction (replacing)."""
        with self.db:
            if page is not None:
                self.db.execute(
                    "INSERT OR IGNORE INTO pages(id, source, kind, url, title, outlet, published,"
                    " credit, content) VALUES (?,?,?,?,?,?,?,?,?)",
                    (page.id, page.source, page.kind, page.url, page.title, page.outlet,
                     page.published, page.credit, page.content))
            self.db.execute("DELETE FROM articles WHERE id=?", (article.id,))
            self.db.execute(
                "INSERT INTO articles(id, page_id, source, url, title, outlet, credit, published,"
                " language, text, story, data) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                (article.id, page.id if page else None, article.source, article.url,
                 article.title, article.outlet, article.credit, article.published,
                 article.language, article.text, article.story, json.dumps(to_dict(article))))
            self._write_annotations(article)

    def _write_annotations(self, a: Article) -> None:
        ins = self.db.executemany
        ins("INSERT INTO actors VALUES (?,?,?,?,?,?,?)",
            [(a.id, x.id, x.name, x.kind, x.country, x.role, x.code) for x in a.actors])
        ins("INSERT INTO mentions VALUES (?,?,?,?,?,?)",
            [(a.id, m.start, m.end, m.text, m.actor, m.kind) for m in a.mentions])
        ins("INSERT INTO quotes VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            [(a.id, i, q.start, q.end, q.text, q.kind, q.speaker, q.speaker_name or q.speaker,
              q.speaker_actor, q.cue, q.relay) for i, q in enumerate(a.quotes)])
        ins("INSERT INTO events VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [(a.id, i, e.start, e.end, e.source, e.target, _country(a, e.source_actor, e.source),
              _country(a, e.target_actor, e.target), e.code, e.plover, e.modality, e.goldstein,
              e.date, e.cue, e.quote) for i, e in enumerate(a.events)])
        ins("INSERT INTO times VALUES (?,?,?,?,?,?)",
            [(a.id, t.start, t.end, t.text, t.value, t.status) for t in a.times])

    def set_story(self, article_id: str, story_id: str) -> None:
        with self.db:
            self.db.execute("UPDATE articles SET story=? WHERE id=?", (story_id, article_id))

    def write_story(self, story: Story) -> None:
        with self.db:
            self.db.execute(
                "INSERT OR REPLACE INTO stories(id, title, date, place, storyline, data)"
                " VALUES (?,?,?,?,?,?)",
                (story.id, story.title, story.date, story.place, story.storyline,
                 json.dumps(to_dict(story))))

    def record_failure(self, failure: Failure) -> None:
        with self.db:
            self.db.execute("INSERT INTO failures(source, reason, stage, detail) VALUES (?,?,?,?)",
                            (failure.source, failure.reason, failure.stage, failure.detail))

    def get_state(self, key: str) -> Any:
        row = self.db.execute("SELECT value FROM state WHERE key=?", (key,)).fetchone()
        return json.loads(row[0]) if row else None

    def set_state(self, key: str, value: Any) -> None:
        with self.db:
            self.db.execute("INSERT OR REPLACE INTO state(key, value) VALUES (?,?)",
                            (key, json.dumps(value)))

    # -- reads ----------------------------------------------------------------------------
    def article(self, article_id: str) -> Article | None:
        row = self.db.execute("SELECT data FROM articles WHERE id=?", (article_id,)).fetchone()
        return Article.from_dict(json.loads(row[0])) if row else None

    def iter_articles(self) -> Iterator[Article]:
        """Every stored article in publication order (undated last)."""
        for row in self.db.execute(
                "SELECT data FROM articles ORDER BY published IS NULL, published, id"):
            yield Article.from_dict(json.loads(row[0]))

    def articles_with_countries(self, *countries: str) -> Iterator[Article]:
        """Stored articles that have actors of every one of ``countries``, in publication order."""
        sql = "SELECT data FROM articles a WHERE " + " AND ".join(
            "EXISTS (SELECT 1 FROM actors x WHERE x.article_id = a.id AND x.country = ?)"
            for _ in countries) + " ORDER BY published IS NULL, published, id"
        for row in self.db.execute(sql, [c.upper() for c in countries]):
            yield Article.from_dict(json.loads(row[0]))

    def articles(self, limit: int = 100, outlet: str | None = None) -> list[dict[str, Any]]:
        sql = ("SELECT id, title, outlet, credit, published, language, source, story,"
               " length(text) AS chars FROM articles")
        args: list[Any] = []
        if outlet:
            sql += " WHERE outlet = ?"
            args.append(outlet)
        sql += " ORDER BY published IS NULL, published, id LIMIT ?"
        return [dict(r) for r in self.db.execute(sql, [*args, limit])]

    def search(self, text: str, limit: int = 20, mark: tuple[str, str] = ("[", "]")
               ) -> list[dict[str, Any]]:
        """Full-text search over titles and texts, best first, with highlighted snippets."""
        query = fts_query(text)
        if not query:
            return []
        sql = ("SELECT a.id, a.title, a.outlet, a.published,"
               " snippet(articles_fts, 1, ?, ?, '…', 16) AS snippet"
               " FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid"
               " WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?")
        return [dict(r) for r in self.db.execute(sql, (mark[0], mark[1], query, limit))]

    def quotes(self, speaker: str | None = None, relay: str | None = None,
               limit: int = 200) -> list[dict[str, Any]]:
        sql = ("SELECT q.*, a.title, a.outlet, a.published FROM quotes q"
               " JOIN articles a ON a.id = q.article_id WHERE 1=1")
        args: list[Any] = []
        if speaker:
            sql += " AND (q.speaker_name LIKE ? OR q.speaker LIKE ?)"
            args += [f"%{speaker}%"] * 2
        if relay:
            sql += " AND q.relay LIKE ?"
            args.append(f"%{relay}%")
        sql += " ORDER BY a.published IS NULL, a.published, q.article_id, q.start LIMIT ?"  # -1: all
        return [dict(r) for r in self.db.execute(sql, [*args, limit])]

    def events(self, source: str | None = None, target: str | None = None,
               type: str | None = None, limit: int = 500) -> list[dict[str, Any]]:
        sql = ("SELECT e.*, a.title, a.outlet, a.published, substr(a.text, e.start + 1,"
               " e.end - e.start) AS evidence FROM events e JOIN articles a ON a.id = e.article_id"
               " WHERE 1=1")
        args: list[Any] = []
        for col, val in (("source", source), ("target", target)):
            if val:
                sql += f" AND (e.{col}_country = ? OR e.{col} LIKE ?)"
                args += [val.upper(), f"{val.upper()}%"]
        if type:
            sql += " AND (e.plover = ? OR e.code LIKE ?)"
            args += [type.upper(), f"{type}%"]
        sql += " ORDER BY coalesce(e.date, a.published) IS NULL, coalesce(e.date, a.published) LIMIT ?"
        return [dict(r) for r in self.db.execute(sql, [*args, limit])]

    def stories(self) -> list[Story]:
        rows = self.db.execute("SELECT data FROM stories ORDER BY date IS NULL, date, id")
        return [Story(**json.loads(r[0])) for r in rows]

    def failures(self, limit: int = 500) -> list[dict[str, Any]]:
        sql = "SELECT source, reason, stage, detail, at FROM failures ORDER BY id DESC LIMIT ?"
        return [dict(r) for r in self.db.execute(sql, (limit,))]

    def counts(self) -> dict[str, int]:
        tables = ("pages", "articles", "quotes", "events", "actors", "stories", "failures")
        return {t: self.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}


def _country(article: Article, actor_id: str | None, code: str | None) -> str | None:
    actor = article.actor(actor_id)
    if actor and actor.country:
        return actor.country
    return code[:3] if code and len(code) >= 3 and code[:3].isalpha() else None
