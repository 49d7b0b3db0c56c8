"""Headless Chromium: the pair timeline, a click on a point, the evidence it lands on.

Needs Debian's chromium and chromium-driver (skipped with a message when absent). Screenshots go
to test-artifacts/; with DATELINE_UPDATE_SCREENSHOTS=1 they are also copied to docs/screenshots/
for the README.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

from dateline.model import Actor, Article, Event, Mention, Quote, Sentence, Story
from dateline.store import Store

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[2]
CHROMIUM, DRIVER = shutil.which("chromium"), shutil.which("chromedriver")


def _article(aid: str, outlet: str, published: str, lead: str, quote: str, code: str, plover: str,
             modality: str, goldstein: float, day: str) -> Article:
    """An invented article in the shape of the seeds: a Russian statement about South Korea."""
    text = f'{lead}\n\n"{quote}," Putin said.'
    q0 = text.index('"')
    q1 = text.index('," Putin') + 2
    s2 = text.index("\n\n") + 2
    actors = [Actor("a0", "Vladimir Putin", "person", "RUS", "government", "RUSGOV"),
              Actor("a1", "South Korea", "country", "KOR", None, "KOR")]
    kor = lead.index("South Korea")
    put = text.rindex("Putin")
    return Article(
        id=aid, text=text, title=lead[:60], outlet=outlet, published=published,
        sentences=[Sentence(0, len(lead)), Sentence(s2, len(text))], actors=actors,
        mentions=[Mention(kor, kor + 11, "South Korea", "a1"), Mention(put, put + 5, "Putin", "a0")],
        quotes=[Quote(q0, q1, text[q0:q1], "direct", speaker="Putin", speaker_name="Vladimir Putin",
                      speaker_actor="a0", speaker_start=put, speaker_end=put + 5, cue="said")],
        events=[Event(s2, len(text), "RUSGOV", "KOR", code, plover, modality, goldstein,  # type: ignore[arg-type]
                      source_actor="a0", target_actor="a1", date=day, quote=0, cue="said")])


@contextlib.contextmanager
def _serving(db: Path):
    """The web app over ``db`` on a free loopback port, in a thread, for the ``with`` block."""
    import uvicorn

    from dateline.web.app import create_app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    for _ in range(100):
        if srv.started:
            break
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        srv.should_exit = True
        thread.join(timeout=5)


def _chrome(profile: Path, size: str = "1280,900"):
    """Headless Debian Chromium with the flags this closed network needs."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM  # type: ignore[assignment]
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage", f"--window-size={size}", f"--user-data-dir={profile}"):
        options.add_argument(flag)
    return webdriver.Chrome(service=Service(DRIVER), options=options)


def _need_browser() -> None:
    if not (CHROMIUM and DRIVER):
        pytest.skip("Chromium or chromedriver not installed (apt-get install chromium chromium-driver)")
    pytest.importorskip("selenium", reason="selenium not installed (pip install 'dateline[dev]')")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> str:
    _need_browser()
    db = tmp_path_factory.mktemp("browser") / "d.db"
    store = Store(db)
    store.write_article(_article("praise", "Invented Daily", "2024-06-06",
                                 "Invented: Putin praised South Korea's position on arms exports.",
                                 "We highly value this position", "051", "SUPPORT", "asserted", 3.4,
                                 "2024-06-05"))
    store.write_article(_article("threat", "Invented Herald", "2024-06-21",
                                 "Invented: Putin warned South Korea against sending arms.",
                                 "If that happens, we will respond", "130", "THREATEN", "conditional", -4.4,
                                 "2024-06-20"))
    store.write_story(Story("s1", ["praise"], title="Invented praise", date="2024-06-05"))
    store.close()
    with _serving(db) as url:
        yield url


@pytest.fixture(scope="module")
def browser(server: str, tmp_path_factory: pytest.TempPathFactory):
    driver = _chrome(tmp_path_factory.mktemp("chrome"))
    yield driver
    driver.quit()


def _shot(driver, name: str) -> None:
    out = ROOT / "test-artifacts"
    out.mkdir(exist_ok=True)
    driver.save_screenshot(str(out / name))
    if os.environ.get("DATELINE_UPDATE_SCREENSHOTS") == "1":
        (ROOT / "docs" / "screenshots").mkdir(parents=True, exist_ok=True)
        shutil.copy(out / name, ROOT / "docs" / "screenshots" / name)


def test_timeline_point_leads_to_its_evidence(server: str, browser) -> None:
    from selenium.webdriver.common.by import By

    browser.get(f"{server}/timeline/RUS/KOR")
    assert "RUS → KOR" in browser.title
    assert "Shift, positive -> negative" in browser.find_element(By.CLASS_NAME, "shiftbox").text
    points = browser.find_elements(By.CSS_SELECTOR, "a.point circle")
    assert len(points) == 2
    _shot(browser, "timeline.png")
    points[1].click()
    assert "/article/threat" in browser.current_url and "#ev" in browser.current_url
    target = browser.find_element(By.ID, browser.current_url.split("#", 1)[1])
    assert "we will respond" in target.text
    assert browser.find_elements(By.CSS_SELECTOR, "span.q.direct")
    _shot(browser, "article.png")


@pytest.mark.gate
def test_seed_timeline_in_the_browser(shared: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    """The real seeds, ingested with their test dates: the RUS -> KOR shift, then its evidence.

    Screenshots stay in test-artifacts/ (they show news text, which the repo does not keep).
    """
    _need_browser()
    from selenium.webdriver.common.by import By

    from dateline.ingest import Metadata
    from dateline.runs import ingest

    db = tmp_path_factory.mktemp("seeds") / "d.db"
    store = Store(db)
    for name, day in (("000_3dbf73fb56b3fa01.txt", "2024-06-06"), ("002_e3849062d5c9d70a.txt", "2024-06-21")):
        ingest([shared / "seeds" / name], store, Metadata(published=day))
    store.close()
    out = ROOT / "test-artifacts"
    out.mkdir(exist_ok=True)
    with _serving(db) as url:
        driver = _chrome(tmp_path_factory.mktemp("chrome-seeds"), "1280,1000")
        try:
            driver.get(f"{url}/timeline/RUS/KOR")
            shift = driver.find_element(By.CLASS_NAME, "shiftbox").text
            assert "positive -> negative" in shift and "2024-06-05" in shift and "2024-06-20" in shift
            driver.save_screenshot(str(out / "seeds-timeline.png"))
            driver.find_elements(By.CSS_SELECTOR, "a.point circle")[-1].click()
            assert "/article/" in driver.current_url
            assert driver.find_elements(By.CSS_SELECTOR, "span.q.direct")
            driver.save_screenshot(str(out / "seeds-article.png"))
        finally:
            driver.quit()
