"""Each page's data, built from the store and the analysis modules (JSON-able dicts).

The HTML page and its ``.json`` twin show the same dict; only the HTML adds rendered markup.
All SQL here is parameterised.
"""

from __future__ import annotations

from typing import Any

from ..analysis.timeline import shifts, timeline
from ..model import to_dict
from ..store import Store
from ..store.db import fts_query
from . import render


class NotFound(LookupError):
    """The page's subject does not exist (the app turns it into a 404)."""


def home(store: Store) -> dict[str, Any]:
    return {"counts": store.counts(), "articles": store.articles(limit=20)}


def search(store: Store, q: str = "", outlet: str = "", since: str = "", until: str = "",
           speaker: str = "", actor: str = "", type: str = "", modality: str = "") -> dict[str, Any]:
    """Articles and quotes matching ``q`` (full text) and the filters; events matching filters."""
    filters = {"q": q, "outlet": outlet, "since": since, "until": until, "speaker": speaker,
               "actor": actor, "type": type, "modality": modality}
    where, args = _article_filters(outlet, since, until, actor)
    articles: list[dict[str, Any]] = []
    quotes: list[dict[str, Any]] = []
    if fts_query(q):
        sql = ("SELECT a.id, a.title, a.outlet, a.published, snippet(articles_fts, 1, '<mark>',"
               " '</mark>', '…', 16) AS snippet FROM articles_fts JOIN articles a"
               " ON a.rowid = articles_fts.rowid WHERE articles_fts MATCH ?" + where +
               " ORDER BY rank LIMIT 50")
        articles = _rows(store, sql, [fts_query(q), *args])
    if fts_query(q) or speaker:
        quotes = _quotes(store, q, speaker, where, args)
    events = _events(store, type, modality, where, args) if (type or modality) else []
    return {"filters": filters, "articles": articles, "quotes": quotes, "events": events}


def _article_filters(outlet: str, since: str, until: str, actor: str) -> tuple[str, list[Any]]:
    where, args = "", []
    if outlet:
        where += " AND a.outlet = ?"
        args.append(outlet)
    if since:
        where += " AND a.published >= ?"
        args.append(since)
    if until:
        where += " AND substr(a.published, 1, 10) <= ?"
        args.append(until)
    if actor:
        where += (" AND EXISTS (SELECT 1 FROM actors x WHERE x.article_id = a.id"
                  " AND (x.name LIKE ? OR x.code = ? OR x.country = ?))")
        args += [f"%{actor}%", actor.upper(), actor.upper()]
    return where, args


def _quotes(store: Store, q: str, speaker: str, where: str, args: list[Any]) -> list[dict[str, Any]]:
    sql = ("SELECT q.article_id, q.idx, q.start, q.text, q.kind, q.speaker_name, q.cue, q.relay,"
           " a.title, a.outlet, a.published FROM quotes q JOIN articles a ON a.id = q.article_id"
           " WHERE 1=1" + where)
    params = list(args)
    if fts_query(q):
        sql += " AND q.rowid IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)"
        params.append(fts_query(q))
    if speaker:
        sql += " AND (q.speaker_name LIKE ? OR q.speaker LIKE ?)"
        params += [f"%{speaker}%"] * 2
    return _rows(store, sql + " ORDER BY a.published LIMIT 100", params)


def _events(store: Store, type: str, modality: str, where: str, args: list[Any]) -> list[dict[str, Any]]:
    sql = ("SELECT e.article_id, e.start, e.source, e.target, e.plover, e.code, e.modality,"
           " e.goldstein, e.date, a.title, a.outlet FROM events e JOIN articles a"
           " ON a.id = e.article_id WHERE 1=1" + where)
    params = list(args)
    if type:
        sql += " AND (e.plover = ? OR e.code LIKE ?)"
        params += [type.upper(), f"{type}%"]
    if modality:
        sql += " AND e.modality = ?"
        params.append(modality)
    return _rows(store, sql + " ORDER BY e.date LIMIT 200", params)


def _rows(store: Store, sql: str, args: list[Any]) -> list[dict[str, Any]]:
    return [dict(r) for r in store.db.execute(sql, args)]


def article(store: Store, article_id: str) -> dict[str, Any]:
    found = store.article(article_id)
    if found is None:
        raise NotFound(f"no article {article_id!r}")
    data = to_dict(found)
    page = store.db.execute("SELECT p.kind FROM pages p JOIN articles a ON a.page_id = p.id"
                            " WHERE a.id = ?", (article_id,)).fetchone()
    data["raw_available"] = page is not None
    return {"article": data, "html": render.highlight(found)}


def raw_page(store: Store, article_id: str) -> str:
    row = store.db.execute("SELECT p.content FROM pages p JOIN articles a ON a.page_id = p.id"
                           " WHERE a.id = ?", (article_id,)).fetchone()
    if row is None:
        raise NotFound(f"no raw page stored for article {article_id!r}")
    return str(row[0])


def actor(store: Store, name: str) -> dict[str, Any]:
    """An actor across articles: its codes and aliases, what it said, what it did and to whom."""
    rows = _rows(store, "SELECT x.*, a.published, a.title FROM actors x JOIN articles a"
                 " ON a.id = x.article_id WHERE x.name = ? OR x.code = ?", [name, name])
    if not rows:
        raise NotFound(f"no actor {name!r}")
    said = _rows(store, "SELECT q.article_id, q.start, q.text, q.kind, q.cue, q.relay, a.published,"
                 " a.outlet FROM quotes q JOIN articles a ON a.id = q.article_id"
                 " WHERE q.speaker_name = ? ORDER BY a.published", [name])
    did = _rows(store, "SELECT e.article_id, e.start, e.source, e.target, e.plover, e.code,"
                " e.modality, e.goldstein, e.date, a.outlet FROM events e JOIN actors x"
                " ON x.article_id = e.article_id AND x.actor_id IN (SELECT actor_id FROM actors"
                " WHERE article_id = e.article_id AND name = ?) JOIN articles a ON a.id = e.article_id"
                " WHERE x.name = ? ORDER BY coalesce(e.date, a.published)", [name, name])
    codes = sorted({r["code"] for r in rows if r["code"]})
    countries = sorted({r["country"] for r in rows if r["country"]})
    return {"name": name, "codes": codes, "countries": countries,
            "roles": sorted({r["role"] for r in rows if r["role"]}),
            "articles": len({r["article_id"] for r in rows}), "said": said, "did": did}


def pair_timeline(store: Store, source: str, target: str) -> dict[str, Any]:
    items = timeline(store.articles_with_countries(source, target), source, target)
    turns = shifts(items, source, target)
    return {"source": source.upper(), "target": target.upper(),
            "items": [to_dict(i) for i in items],
            "shifts": [{**to_dict(s), "direction": s.direction} for s in turns],
            "svg": render.timeline_svg(items, turns)}


def stories(store: Store) -> dict[str, Any]:
    """Stories in date order with their articles' outlets, grouped by storyline."""
    titles = {r["id"]: r for r in store.articles(limit=100_000)}
    out: list[dict[str, Any]] = []
    lines: dict[str, list[str]] = {}
    for s in store.stories():
        arts = [titles[a] for a in s.articles if a in titles]
        entry = {**to_dict(s), "outlets": sorted({a["outlet"] for a in arts if a["outlet"]}),
                 "members": arts, "quotes": _key_quotes(store, s.articles)}
        out.append(entry)
        if s.storyline:
            lines.setdefault(s.storyline, []).append(s.id)
    return {"stories": out, "storylines": [{"id": k, "stories": v} for k, v in lines.items()]}


def _key_quotes(store: Store, article_ids: list[str], limit: int = 3) -> list[dict[str, Any]]:
    if not article_ids:
        return []
    marks = ",".join("?" * len(article_ids))
    return _rows(store, f"SELECT article_id, start, text, speaker_name FROM quotes WHERE article_id"
                 f" IN ({marks}) AND kind = 'direct' ORDER BY length(text) DESC LIMIT ?",
                 [*article_ids, limit])


def failures(store: Store) -> dict[str, Any]:
    return {"failures": store.failures()}
