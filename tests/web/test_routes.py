"""Every page and its JSON twin, the error shape, escaping and the upload rules."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from dateline.model import Page, Story
from dateline.store import Store
from dateline.web.app import create_app
from factories import annotated_article

PAGES = ["/", "/search?q=harbour", "/search?speaker=Vargas&type=SUPPORT&modality=asserted",
         "/article/a1", "/actor/Elena%20Vargas", "/timeline/CHL/NOR", "/stories", "/failures"]


@pytest.fixture()
def store_path(tmp_path: Path) -> Path:
    path = tmp_path / "web.db"
    store = Store(path)
    store.write_article(annotated_article(), Page("p1", "x.html", "html", "<p>raw invented</p>"))
    store.write_story(Story("s1", ["a1"], title="Invented story", date="2024-06-04"))
    store.close()
    return path


@pytest.fixture()
def client(store_path: Path) -> TestClient:
    return TestClient(create_app(store_path))


@pytest.mark.parametrize("url", PAGES)
def test_page_and_json_twin(client: TestClient, url: str) -> None:
    html = client.get(url)
    assert html.status_code == 200 and html.headers["content-type"].startswith("text/html")
    path, _, query = url.partition("?")
    twin = client.get(("/index.json" if path == "/" else path + ".json") + (f"?{query}" if query else ""))
    assert twin.status_code == 200 and twin.headers["content-type"] == "application/json"
    accept = client.get(url, headers={"accept": "application/json"})
    assert accept.json() == twin.json()


def test_page_contents(client: TestClient) -> None:
    art = client.get("/article/a1.json").json()
    assert art["article"]["quotes"][0]["speaker_name"] == "Elena Vargas"
    tl = client.get("/timeline/CHL/NOR.json").json()
    assert tl["items"][0]["type"] == "SUPPORT"
    page = client.get("/timeline/CHL/NOR").text
    assert "<svg" in page and 'href="/article/a1#ev0"' in page
    assert client.get("/article/a1/raw").text == "<p>raw invented</p>"
    assert "Elena Vargas" in client.get("/actor/Elena%20Vargas.json").json()["name"]
    assert client.get("/stories.json").json()["stories"][0]["outlets"] == ["Invented Daily"]


@pytest.mark.parametrize("url", ["/article/nope", "/article/nope.json", "/actor/Nobody.json",
                                 "/no/such/page"])
def test_one_error_shape(client: TestClient, url: str) -> None:
    r = client.get(url, headers={"accept": "application/json"})
    assert r.status_code == 404
    assert set(r.json()) == {"error"} and r.json()["error"]["status"] == 404


def test_openapi(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    assert "/timeline/{source}/{target}.json" in paths and "/article/{article_id}" in paths


def test_hostile_article_is_escaped(tmp_path: Path) -> None:
    store = Store(tmp_path / "x.db")
    evil = annotated_article("evil")
    evil.title = "<script>alert('t')</script>"
    evil.text = evil.text.replace("Invented:", "<script>alert(1)</script>", 1)
    shift = len("<script>alert(1)</script>") - len("Invented:")
    for q in evil.quotes:
        q.start += shift
        q.end += shift
        q.speaker_start = (q.speaker_start or 0) + shift
        q.speaker_end = (q.speaker_end or 0) + shift
        q.text = evil.text[q.start:q.end]
    for m in evil.mentions:
        m.start += shift
        m.end += shift
    evil.events = []
    store.write_article(evil)
    client = TestClient(create_app(tmp_path / "x.db"))
    for url in ("/article/evil", "/", "/search?q=alert"):
        body = client.get(url).text
        assert "<script>alert" not in body and "&lt;script&gt;" in body


def test_read_only_by_default(client: TestClient) -> None:
    r = client.post("/ingest", files={"file": ("a.txt", b"Invented text.")})
    assert r.status_code == 403 and r.json()["error"]["status"] == 403


def test_writable_upload_limit_and_failures(store_path: Path) -> None:
    client = TestClient(create_app(store_path, writable=True, max_upload=100))
    assert client.post("/ingest", files={"file": ("big.txt", b"x" * 101)}).status_code == 413
    r = client.post("/ingest", files={"file": ("empty.txt", b" ")})
    assert r.status_code == 200 and r.json()["failures"][0]["reason"] == "empty"
    assert client.get("/failures.json").json()["failures"][0]["reason"] == "empty"
