"""Ingest: each file kind, sidecars, JSONL records, WARC, and each failure reason."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest

from dateline.ingest import Metadata, iter_pages
from dateline.model import Failure, Page

HTML = "<html><head><title>Invented</title></head><body><p>An invented page.</p></body></html>"


def pages(paths, meta=None) -> tuple[list[Page], list[Failure]]:
    items = list(iter_pages(paths, meta))
    return ([p for p in items if isinstance(p, Page)], [f for f in items if isinstance(f, Failure)])


def test_each_kind_and_folder_recursion(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.html").write_text(HTML, encoding="utf-8")
    (tmp_path / "sub" / "b.txt").write_text("Invented flattened page\n\nBody line.", encoding="utf-8")
    (tmp_path / "c.jsonl").write_text(
        json.dumps({"id": "r1", "text": "Invented record text.", "published": "2024-01-02"}) + "\n"
        + json.dumps({"id": "r2", "html": HTML}) + "\n", encoding="utf-8")
    (tmp_path / "notes.md").write_text("ignored in folders", encoding="utf-8")
    got, failed = pages([tmp_path])
    assert not failed
    kinds = {(Path(p.source.split("#")[0]).name, p.kind) for p in got}
    assert kinds == {("a.html", "html"), ("b.txt", "text"), ("c.jsonl", "record"),
                     ("c.jsonl", "html")}
    record = next(p for p in got if p.doc_id == "r1")
    assert record.published == "2024-01-02" and record.source.endswith("c.jsonl#L1")


def test_same_content_same_id(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text(HTML, encoding="utf-8")
    (tmp_path / "b.html").write_text(HTML, encoding="utf-8")
    got, _ = pages([tmp_path])
    assert got[0].id == got[1].id


def test_sidecar_wins_over_flags(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Invented text", encoding="utf-8")
    (tmp_path / "a.meta.json").write_text(json.dumps({"published": "2024-06-21",
                                                      "outlet": "Invented Daily"}), encoding="utf-8")
    (tmp_path / "b.txt").write_text("Other invented text", encoding="utf-8")
    got, _ = pages([tmp_path], Metadata(published="2000-01-01", outlet="Flag Outlet"))
    by = {Path(p.source).name: p for p in got}
    assert (by["a.txt"].published, by["a.txt"].outlet) == ("2024-06-21", "Invented Daily")
    assert (by["b.txt"].published, by["b.txt"].outlet) == ("2000-01-01", "Flag Outlet")


def test_no_date_is_invented(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Invented text without a date", encoding="utf-8")
    got, _ = pages([tmp_path])
    assert got[0].published is None


@pytest.mark.parametrize("name, content, reason", [
    ("empty.txt", b"", "empty"),
    ("blank.html", b"   \n\t\n", "empty"),
    ("binary.txt", b"abc\x00\x01\x02def", "binary"),
    ("latin.txt", "caf\u00e9 cr\u00e8me".encode("latin-1"), "undecodable"),
    ("image.png", b"\x89PNG....", "unsupported-type"),
])
def test_failure_reasons(tmp_path: Path, name: str, content: bytes, reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    got, failed = pages([path])
    assert not got
    assert [(f.source, f.reason) for f in failed] == [(str(path), reason)]


def test_too_large(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATELINE_MAX_BYTES", "10")
    path = tmp_path / "big.txt"
    path.write_text("x" * 11, encoding="utf-8")
    _, failed = pages([path])
    assert failed[0].reason == "too-large"


def test_missing_path_and_unreadable(tmp_path: Path) -> None:
    _, failed = pages([tmp_path / "nope.html"])
    assert failed[0].reason == "not-found"


def test_declared_charset_is_used(tmp_path: Path) -> None:
    page = '<html><head><meta charset="windows-1252"></head><body><p>caf\u00e9</p></body></html>'
    (tmp_path / "a.html").write_bytes(page.encode("cp1252"))
    got, failed = pages([tmp_path / "a.html"])
    assert not failed and "caf\u00e9" in got[0].content


def test_bad_jsonl_lines_are_failures_and_the_rest_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "r.jsonl"
    path.write_text('{"id": "ok", "text": "fine"}\nnot json\n[1, 2]\n{"id": "x"}\n', encoding="utf-8")
    got, failed = pages([path])
    assert [p.doc_id for p in got] == ["ok"]
    assert [(f.source.rsplit("#", 1)[1], f.reason) for f in failed] == [
        ("L2", "bad-json"), ("L3", "bad-record"), ("L4", "no-text")]


def test_bad_sidecar(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("text", encoding="utf-8")
    (tmp_path / "a.meta.json").write_text("[not an object]", encoding="utf-8")
    _, failed = pages([tmp_path / "a.txt"])
    assert failed[0].reason == "bad-sidecar"


def _warc(records: list[tuple[str, str, bytes]]) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    for url, ctype, body in records:
        http = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                      http_headers=http))
    return buf.getvalue()


def test_warc_html_responses(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(_warc([("https://invented.example/a", "text/html", HTML.encode()),
                            ("https://invented.example/logo.png", "image/png", b"\x89PNG")]))
    got, failed = pages([path])
    assert not failed
    assert [(p.kind, p.url) for p in got] == [("html", "https://invented.example/a")]
    assert gzip.decompress(path.read_bytes())[:4] == b"WARC"


def test_broken_warc_is_a_failure(tmp_path: Path) -> None:
    path = tmp_path / "broken.warc"
    path.write_bytes(b"this is not a warc file at all")
    _, failed = pages([path])
    assert failed and failed[0].source == str(path)
