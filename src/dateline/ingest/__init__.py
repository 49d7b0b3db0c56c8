"""Raw inputs -> :class:`~dateline.model.Page` objects, one module per input kind.

:func:`iter_pages` walks files and folders and yields a Page for every input it can read and a
:class:`~dateline.model.Failure` (source + reason) for every one it cannot, so a batch never stops
on one bad file.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .. import settings
from ..errors import InputError
from ..model import Failure, Page
from . import files, jsonl, warc

#: file suffix -> reader(path, data, meta) -> Iterator[Page | Failure]
READERS = {
    ".html": files.read_html,
    ".htm": files.read_html,
    ".txt": files.read_text,
    ".jsonl": jsonl.read_jsonl,
    ".warc": warc.read_warc,
    ".warc.gz": warc.read_warc,
}


@dataclass(slots=True)
class Metadata:
    """Metadata given by the caller; applies to every page of the run unless a sidecar overrides."""

    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    credit: str | None = None


def suffix(path: Path) -> str:
    name = path.name.lower()
    return ".warc.gz" if name.endswith(".warc.gz") else path.suffix.lower()


def walk(paths: Iterable[str | Path]) -> Iterator[Path | Failure]:
    """Every input file under ``paths`` (folders recursively, sorted); missing paths as failures."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if suffix(child) in READERS and not child.name.endswith(".meta.json"):
                    yield child
        elif path.is_file():
            yield path
        else:
            yield Failure(str(path), "not-found", detail="no such file or folder")


def iter_pages(paths: Iterable[str | Path], meta: Metadata | None = None) -> Iterator[Page | Failure]:
    """Pages from files and folders of .html/.htm, .txt, .jsonl and .warc(.gz).

    Args:
        paths: files or folders (searched recursively).
        meta: caller metadata (CLI flags); a ``NAME.meta.json`` sidecar beside a file wins over it.

    Yields:
        A Page per readable input (several per JSONL or WARC file) and a Failure per unreadable one.
    """
    meta = meta or Metadata()
    limit = settings.get_int("max_bytes")
    for item in walk(paths):
        if isinstance(item, Failure):
            yield item
            continue
        reader = READERS.get(suffix(item))
        if reader is None:
            yield Failure(str(item), "unsupported-type",
                          detail=f"expected one of {', '.join(sorted(READERS))}")
            continue
        try:
            data = files.read_bytes(item, limit)
            fields = {**_fields(meta), **files.sidecar(item)}
            yield from reader(item, data, fields)
        except InputError as exc:
            yield Failure(exc.source, exc.reason, detail=exc.detail)


def _fields(meta: Metadata) -> dict[str, str]:
    return {k: v for k, v in (("url", meta.url), ("title", meta.title), ("outlet", meta.outlet),
                              ("published", meta.published), ("credit", meta.credit)) if v}
