"""WARC input (e.g. Common Crawl news): every HTML response record becomes a Page."""

from __future__ import annotations

import io
import zlib
from collections.abc import Iterator
from pathlib import Path

from ..errors import InputError
from ..model import Failure, Page
from .files import decode, make_page


def read_warc(path: Path, data: bytes, fields: dict[str, str]) -> Iterator[Page | Failure]:
    """One Page per HTML ``response`` record; the record's target URI is the page URL.

    The WARC date is when the page was crawled, not published, so it is not used as a date.
    """
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    if not _looks_like_warc(data):
        yield Failure(str(path), "bad-warc", detail="does not start with a WARC/1.x record header")
        return
    try:
        for n, record in enumerate(ArchiveIterator(io.BytesIO(data))):
            if record.rec_type != "response":
                continue
            ctype = (record.http_headers.get_header("Content-Type") or "") if record.http_headers else ""
            if "html" not in ctype.lower():
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            source = f"{path}#{n}"
            try:
                html = decode(record.content_stream().read(), source, html=True)
            except InputError as exc:
                yield Failure(exc.source, exc.reason, detail=exc.detail)
                continue
            yield make_page(source, "html", html, {**fields, **({"url": url} if url else {})})
    except ArchiveLoadFailed as exc:
        yield Failure(str(path), "bad-warc", detail=str(exc))


def _looks_like_warc(data: bytes) -> bool:
    """warcio accepts almost anything, so check the first record header ourselves."""
    head = data[:64]
    if head[:2] == b"\x1f\x8b":
        try:
            head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(data[:4096])[:64]
        except zlib.error:
            return False
    return head.lstrip().startswith(b"WARC/")
