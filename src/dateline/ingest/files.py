"""Reading single files: size and binary checks, decoding, sidecars, HTML and flattened text."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from pathlib import Path

from ..errors import InputError
from ..model import Failure, Page, PageKind

META_FIELDS = ("url", "title", "outlet", "published", "credit")
_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_\-]+)""", re.I)


def content_id(text: str) -> str:
    """The content hash that deduplicates pages."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def read_bytes(path: Path, limit: int) -> bytes:
    """The bytes of ``path``, checked for readability, emptiness, size and binary content.

    Raises:
        InputError: reasons ``unreadable``, ``empty``, ``too-large``, ``binary``.
    """
    try:
        size = path.stat().st_size
        if size > limit:
            raise InputError(str(path), "too-large", f"{size} bytes > max_bytes {limit}")
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(str(path), "unreadable", exc.strerror or str(exc)) from exc
    if not data.strip():
        raise InputError(str(path), "empty", "the file has no content")
    if b"\x00" in data[:8192] and not path.name.lower().endswith(".gz"):
        raise InputError(str(path), "binary", "NUL bytes: not a text file")
    return data


def decode(data: bytes, source: str, html: bool = False) -> str:
    """Text from bytes: UTF-8 (with or without BOM), else the charset an HTML page declares.

    Raises:
        InputError: reason ``undecodable``.
    """
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    declared = _CHARSET.search(data[:4096]) if html else None
    if declared:
        try:
            return data.decode(declared.group(1).decode("ascii"))
        except (LookupError, UnicodeDecodeError):
            pass
    raise InputError(source, "undecodable", "not valid UTF-8 and no usable declared charset")


def sidecar(path: Path) -> dict[str, str]:
    """Metadata from ``NAME.meta.json`` beside ``path`` (``a.html`` -> ``a.meta.json``).

    Raises:
        InputError: reason ``bad-sidecar`` when the sidecar is not a JSON object.
    """
    side = path.with_name(path.name.split(".")[0] + ".meta.json")
    if not side.is_file():
        return {}
    try:
        data = json.loads(side.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(str(side), "bad-sidecar", str(exc)) from exc
    if not isinstance(data, dict):
        raise InputError(str(side), "bad-sidecar", "expected a JSON object")
    return {k: str(data[k]) for k in META_FIELDS if data.get(k)}


def make_page(source: str, kind: PageKind, content: str, fields: dict[str, str],
              doc_id: str | None = None) -> Page:
    """A Page whose id is the hash of its content (so the same content is stored once)."""
    return Page(id=content_id(content), source=source, kind=kind, content=content, doc_id=doc_id,
                **{k: fields.get(k) for k in META_FIELDS})


def read_html(path: Path, data: bytes, fields: dict[str, str]) -> Iterator[Page | Failure]:
    yield make_page(str(path), "html", decode(data, str(path), html=True), fields)


def read_text(path: Path, data: bytes, fields: dict[str, str]) -> Iterator[Page | Failure]:
    yield make_page(str(path), "text", decode(data, str(path)), fields)
