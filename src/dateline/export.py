"""Export stored articles, quotes, events and stories as JSONL, CSV, Parquet or GDELT 2.0 events.

The ``gdelt`` format writes events as GDELT 2.0's event table: 61 tab-separated columns, no header,
in GDELT's order (:data:`GDELT_COLUMNS`). Columns Dateline has are filled, the rest left empty:

=====================================  ==============================================================
GlobalEventID                          a running number in this export
Day, MonthYear, Year, FractionDate     from the event's date (else the article's publication date)
Actor1Code / Actor2Code                the source / target actor code (``RUSGOV``)
Actor1Name / Actor2Name                the actor's canonical name
Actor1CountryCode / Actor2CountryCode  the actor's ISO alpha-3 country (GDELT uses CAMEO country codes,
                                       which for countries are the ISO alpha-3 codes)
Actor1Type1Code / Actor2Type1Code      the sector part of the code (``GOV``, ``MIL``, ``MED`` ...)
IsRootEvent                            1 when the evidence sentence is the article's first sentence
EventCode, EventBaseCode, EventRootCode  the CAMEO code, its 3-digit base and 2-digit root
QuadClass                              1 verbal cooperation (roots 01-05), 2 material cooperation
                                       (06-08), 3 verbal conflict (09-13), 4 material conflict (14-20)
GoldsteinScale                         the code's Goldstein value
NumMentions, NumSources, NumArticles   1, 1, 1 (one row per mention; deduplicated counts are in
                                       ``dateline events``)
ActionGeo_FullName, _CountryCode,      the event's location when resolved (GDELT uses FIPS country
ActionGeo_Lat, ActionGeo_Long          codes here; Dateline writes ISO alpha-3)
DATEADDED                              the export time, YYYYMMDDHHMMSS
SOURCEURL                              the article's URL (else its source path)
=====================================  ==============================================================

Left empty: KnownGroup, Ethnic, Religion and Type2/3 codes, AvgTone, Actor1Geo/Actor2Geo fields,
ADM codes and FeatureIDs.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TextIO

from .errors import ConfigError, MissingExtraError
from .model import Article, to_dict
from .store import Store

KINDS = ("articles", "quotes", "events", "stories")
FORMATS = ("jsonl", "csv", "parquet", "gdelt")

_GEO = ["Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID"]
_ACTOR = ["Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
          "Religion2Code", "Type1Code", "Type2Code", "Type3Code"]
GDELT_COLUMNS: list[str] = (
    ["GlobalEventID", "Day", "MonthYear", "Year", "FractionDate"]
    + [f"Actor1{c}" for c in _ACTOR] + [f"Actor2{c}" for c in _ACTOR]
    + ["IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
       "NumMentions", "NumSources", "NumArticles", "AvgTone"]
    + [f"Actor1Geo_{c}" for c in _GEO] + [f"Actor2Geo_{c}" for c in _GEO]
    + [f"ActionGeo_{c}" for c in _GEO] + ["DATEADDED", "SOURCEURL"])


def rows(store: Store, kind: str) -> Iterator[dict[str, Any]]:
    """Flat rows of ``kind`` (articles, quotes, events, stories).

    Raises:
        ConfigError: for an unknown kind.
    """
    if kind == "articles":
        for a in store.iter_articles():
            yield {k: v for k, v in to_dict(a).items()
                   if k not in ("sentences", "actors", "mentions", "quotes", "events", "times")}
    elif kind == "quotes":
        yield from store.quotes(limit=-1)
    elif kind == "events":
        yield from store.events(limit=-1)
    elif kind == "stories":
        for s in store.stories():
            yield to_dict(s)
    else:
        raise ConfigError(f"no export kind {kind!r}; available: {', '.join(KINDS)}")


def quad_class(code: str | None) -> int | None:
    """CAMEO quad class from the code's root (GDELT's definition)."""
    if not code or not code[:2].isdigit():
        return None
    root = int(code[:2])
    return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4


def gdelt_rows(store: Store) -> Iterator[list[Any]]:
    """GDELT 2.0 event-table rows, one per stored event mention."""
    added = datetime.now(UTC).strftime("%Y%m%d%H%M%S")
    n = 0
    for article in store.iter_articles():
        for event in article.events:
            n += 1
            yield _gdelt_row(n, article, event, added)


def _gdelt_row(n: int, article: Article, event: Any, added: str) -> list[Any]:
    row: dict[str, Any] = dict.fromkeys(GDELT_COLUMNS, "")
    day = (event.date or article.published or "")[:10]
    if len(day) >= 4:
        y, m, d = (day.split("-") + ["01", "01"])[:3]
        row.update(Day=f"{y}{m}{d}" if len(day) == 10 else "", MonthYear=f"{y}{m}", Year=y,
                   FractionDate=f"{int(y) + (int(m) - 1) / 12:.4f}")
    for side, code, actor_id in (("1", event.source, event.source_actor),
                                 ("2", event.target, event.target_actor)):
        actor = article.actor(actor_id)
        row[f"Actor{side}Code"] = code or ""
        row[f"Actor{side}Name"] = actor.name if actor else ""
        row[f"Actor{side}CountryCode"] = (actor.country if actor else None) or (code or "")[:3]
        row[f"Actor{side}Type1Code"] = (code or "")[3:6]
    first = article.sentences[0] if article.sentences else None
    code = event.code or ""
    row.update(GlobalEventID=n, IsRootEvent=int(first is not None and first.start == event.start),
               EventCode=code, EventBaseCode=code[:3], EventRootCode=code[:2],
               QuadClass=quad_class(code) or "", GoldsteinScale=event.goldstein or "",
               NumMentions=1, NumSources=1, NumArticles=1, DATEADDED=added,
               SOURCEURL=article.url or article.source or "")
    loc = event.location or {}
    row.update(ActionGeo_FullName=loc.get("name", ""), ActionGeo_CountryCode=loc.get("country", ""),
               ActionGeo_Lat=loc.get("lat", ""), ActionGeo_Long=loc.get("lon", ""))
    return [row[c] for c in GDELT_COLUMNS]


def export(store: Store, kind: str, fmt: str, out: TextIO | Path) -> int:
    """Write ``kind`` in ``fmt`` to ``out`` (a text stream, or a path for parquet); returns rows.

    Raises:
        ConfigError: for an unknown format or kind, or gdelt with a kind other than events.
        MissingExtraError: parquet without pyarrow.
    """
    if fmt not in FORMATS:
        raise ConfigError(f"no export format {fmt!r}; available: {', '.join(FORMATS)}")
    if fmt == "gdelt":
        if kind != "events":
            raise ConfigError("the gdelt format exports events only")
        return _write_tsv(gdelt_rows(store), out)
    data = list(rows(store, kind))
    if fmt == "jsonl":
        text = "".join(json.dumps(r, ensure_ascii=False, default=str) + "\n" for r in data)
        _write_text(text, out)
    elif fmt == "csv":
        buf = io.StringIO()
        fields = sorted({k for r in data for k in r})
        writer = csv.DictWriter(buf, fieldnames=fields)
        writer.writeheader()
        writer.writerows({k: _scalar(v) for k, v in r.items()} for r in data)
        _write_text(buf.getvalue(), out)
    else:
        _write_parquet(data, out)
    return len(data)


def _scalar(value: Any) -> Any:
    return json.dumps(value, ensure_ascii=False) if isinstance(value, list | dict) else value


def _write_text(text: str, out: TextIO | Path) -> None:
    if isinstance(out, Path):
        out.write_text(text, encoding="utf-8")
    else:
        out.write(text)


def _write_tsv(table: Iterator[list[Any]], out: TextIO | Path) -> int:
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter="\t", lineterminator="\n")
    n = 0
    for row in table:
        writer.writerow(row)
        n += 1
    _write_text(buf.getvalue(), out)
    return n


def _write_parquet(data: list[dict[str, Any]], out: TextIO | Path) -> None:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise MissingExtraError("pyarrow", "parquet") from exc
    if not isinstance(out, Path):
        raise ConfigError("parquet needs --output FILE")
    table = pa.Table.from_pylist([{k: _scalar(v) for k, v in r.items()} for r in data])
    pq.write_table(table, out)
