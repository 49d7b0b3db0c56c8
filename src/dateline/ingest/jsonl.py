"""JSONL input: one record per line with ``id``, ``text`` or ``html``, and optional metadata."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..model import Failure, Page
from .files import META_FIELDS, decode, make_page


def record_page(record: Any, source: str, fields: dict[str, str]) -> Page:
    """The Page for one JSONL record (``date`` is accepted as a synonym of ``published``).

    Raises:
        InputError: reasons ``bad-record`` (not an object) and ``no-text`` (no text or html).
    """
    if not isinstance(record, dict):
        raise InputError(source, "bad-record", "a JSONL line must be a JSON object")
    if record.get("date") and not record.get("published"):
        record = {**record, "published": record["date"]}
    given = {k: str(record[k]) for k in META_FIELDS if record.get(k)}
    merged = {**fields, **given}
    doc_id = str(record["id"]) if record.get("id") is not None else None
    if isinstance(record.get("text"), str) and record["text"].strip():
        return make_page(source, "record", record["text"], merged, doc_id)
    if isinstance(record.get("html"), str) and record["html"].strip():
        return make_page(source, "html", record["html"], merged, doc_id)
    raise InputError(source, "no-text", "the record has neither 'text' nor 'html'")


def read_jsonl(path: Path, data: bytes, fields: dict[str, str]) -> Iterator[Page | Failure]:
    """One Page per line; a bad line becomes a Failure naming ``path#L<n>`` and the reason."""
    text = decode(data, str(path))
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        source = f"{path}#L{n}"
        try:
            yield record_page(json.loads(line), source, fields)
        except ValueError as exc:
            yield Failure(source, "bad-json", detail=str(exc))
        except InputError as exc:
            yield Failure(exc.source, exc.reason, detail=exc.detail)
