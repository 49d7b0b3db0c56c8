"""HTML extraction and metadata on invented pages (several dates, noisy bylines)."""

from __future__ import annotations

from typing import Any

import pytest

from dateline.extract.html import extract_html
from dateline.extract.lang import detect_language
from dateline.extract.meta import clean_authors

PARAS = ["The invented town of Lindmark voted on Monday to close its old pier after a long dispute "
         "between fishermen and shop owners about the cost of repairs.",
         "Council leader Ana Brandt said the structure was unsafe and that a new walkway would be built "
         "next year if the regional government approves a grant for it.",
         "Fishermen will move their boats to the northern quay, which is smaller but much safer."]


def page(head: str = "", byline: str = "") -> str:
    body = "".join(f"<p>{p}</p>" for p in PARAS)
    return (f"<html lang='en-GB'><head><title>Pier to close | Invented Daily</title>{head}</head><body>"
            f"<nav><a href='/'>Home</a><a href='/news'>News</a></nav><article><h1>Pier to close</h1>"
            f"{byline}{body}</article><aside><h3>Related</h3><ul><li><a href='/x'>Published March 1, 2020: "
            f"old story</a></li></ul></aside><footer>© Invented Daily</footer></body></html>")


def test_body_without_headline_and_paragraph_offsets() -> None:
    r = extract_html(page())
    assert r.text == "\n\n".join(PARAS)
    assert [r.text[s:e] for s, e in r.paragraphs] == PARAS
    assert r.title == "Pier to close" and r.language == "en"


def test_published_prefers_json_ld_date_published_over_modified_and_script_dates() -> None:
    head = ('<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": '
            '"2025-03-03T09:30:00+01:00", "dateModified": "2025-03-04T10:00:00+01:00", '
            '"author": [{"@type": "Person", "name": "Ana Brandt"}, {"@type": "Organization", '
            '"name": "Invented Daily"}], "publisher": {"name": "Invented Daily"}}</script>'
            '<script>var related = {"date": "2020-01-01"};</script>')
    r = extract_html(page(head))
    assert r.published == "2025-03-03T09:30:00+01:00"
    assert r.authors == ["Ana Brandt"] and r.outlet == "Invented Daily"


def test_meta_published_time_and_no_date_means_none() -> None:
    meta = '<meta property="article:published_time" content="2025-03-03T08:00:00Z">'
    assert extract_html(page(meta)).published == "2025-03-03T08:00:00+00:00"
    assert extract_html(page()).published is None


@pytest.mark.parametrize("raw, names", [
    ("By Ana Brandt and Tomas Lind", ["Ana Brandt", "Tomas Lind"]),
    ("Ana Brandt | 3 Minute Read", ["Ana Brandt"]),
    ("Staff Reporter; Published 10:32 AM", []),
    ("Invented Daily", []),
    (["Ana Brandt, Invented Daily Business"], ["Ana Brandt"]),  # each name of a JSON-LD list is split too
    (["Ana Brandt, MS, RD", "TOMAS LIND"], ["Ana Brandt", "Tomas Lind"]),  # credentials; all capitals
    ("Bruce Y. Lind. Invented International", ["Bruce Y. Lind"]),  # a full stop after a word, not an initial
])
def test_authors_are_people_only(raw: str | list[str], names: list[str]) -> None:
    assert clean_authors(raw, outlet="Invented Daily") == names


def test_language_detection() -> None:
    assert detect_language(" ".join(PARAS)) == "en"
    assert detect_language("ok") is None


def test_published_from_a_time_element_marked_as_published() -> None:
    byline = '<p class="byline"><time itemprop="datePublished" datetime="2025-03-03T10:00:00+01:00">3 March</time></p>'
    assert extract_html(page(byline=byline)).published == "2025-03-03T10:00:00+01:00"


def test_unmarked_dates_are_not_publication_dates() -> None:
    byline = '<p class="byline">Updated <time datetime="2025-03-09">9 March</time></p>'
    assert extract_html(page(byline=byline)).published is None


def test_language_falls_back_to_og_locale() -> None:
    html = page('<meta property="og:locale" content="pt_BR">').replace(" lang='en-GB'", "")
    assert extract_html(html).language == "pt"


class _Doc:
    def __init__(self, lines: list[str]) -> None:
        self.text = "\n".join(lines)


def _fake_runs(monkeypatch: pytest.MonkeyPatch, recall: list[str], precise: list[str]) -> list[str]:
    """trafilatura's two runs replaced by fixed answers; returns the log of which runs were made."""
    import trafilatura

    made: list[str] = []

    def bare_extraction(tree: object, options: Any = None, **_: object) -> _Doc:
        made.append(options.focus)  # html.py passes its prebuilt settings: focus "recall" or "precision"
        return _Doc(recall if options.focus == "recall" else precise)

    monkeypatch.setattr(trafilatura, "bare_extraction", bare_extraction)
    return made


def test_a_body_opening_with_a_teaser_is_trimmed_to_where_the_precision_run_agrees(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from dateline.extract.html import EDGE_KEEP_CHARS, body_lines

    long_tail = "An invented closing paragraph " + "that goes on " * (EDGE_KEEP_CHARS // 12) + "to its end."
    recall = ["Harbour news", *PARAS, "Sign up for our newsletter", "- Invented related story", long_tail]
    made = _fake_runs(monkeypatch, recall, PARAS)
    assert body_lines(object(), None) == [*PARAS, long_tail]  # prose of paragraph length stays
    assert made == ["recall", "precision"]


def test_a_body_opening_with_prose_needs_no_second_run(monkeypatch: pytest.MonkeyPatch) -> None:
    from dateline.extract.html import body_lines

    made = _fake_runs(monkeypatch, [*PARAS, "Sign up for our newsletter"], PARAS[:1])
    assert body_lines(object(), None) == [*PARAS, "Sign up for our newsletter"]
    assert made == ["recall"]


def test_a_page_without_a_declared_charset_is_read_as_utf8() -> None:
    html = ("<html><head><title>Lindmark’s pier closes, fishermen’s boats move</title></head><body><article>"
            + "".join(f"<p>{p}</p>" for p in PARAS) + "</article></body></html>")
    assert extract_html(html).title == "Lindmark’s pier closes, fishermen’s boats move"


def test_a_placeholder_date_gives_way_to_the_date_the_page_states() -> None:
    head = ('<script type="application/ld+json">{"@type": "NewsArticle", '
            '"datePublished": "0001-01-01T00:00:00Z"}</script>')
    stated = '<div class="publish-date">Published 7:07 PM EST Mar 3, 2025</div>'
    assert extract_html(page(head, byline=stated)).published == "2025-03-03T19:07:00-05:00"
    assert extract_html(page(head)).published is None
    updated = '<div class="published">Updated 8:00 AM Mar 4, 2025</div>'
    assert extract_html(page(head, byline=updated)).published is None


def test_a_site_name_written_as_a_domain_stem_gives_way_to_the_publisher() -> None:
    head = ('<meta property="og:site_name" content="inventeddaily"><script type="application/ld+json">'
            '{"@type": "NewsArticle", "publisher": {"@type": "Organization", "name": "Invented Daily"}}</script>')
    assert extract_html(page(head)).outlet == "Invented Daily"
    assert extract_html(page('<meta property="og:site_name" content="@inventeddaily">')).outlet == "inventeddaily"


@pytest.mark.parametrize("og_title, expected", [
    ("Lindmark to close its old pier | Invented Daily", "Lindmark to close its old pier"),
    ("Lindmark to close its old pier - INVENTED DAILY", "Lindmark to close its old pier"),
    ("Invented Daily: Lindmark to close its old pier", "Lindmark to close its old pier"),
    ("Pier review - shoots for the moon, lands in the sea", "Pier review - shoots for the moon, lands in the sea"),
])
def test_the_site_name_is_taken_off_the_title(og_title: str, expected: str) -> None:
    head = (f'<meta property="og:title" content="{og_title}">'
            '<meta property="og:site_name" content="Invented Daily">')
    assert extract_html(page(head)).title == expected


def test_the_wire_credit_of_a_dateline_in_html() -> None:
    body = "".join(f"<p>{p}</p>" for p in ["LINDMARK, Nov. 19 (Reuters) - " + PARAS[0], *PARAS[1:]])
    html = (f"<html lang='en'><head><title>Pier to close</title></head><body><article><h1>Pier to close</h1>"
            f"{body}</article></body></html>")
    assert extract_html(html).credit == "Reuters"


@pytest.mark.parametrize("head, authors", [
    # JSON-LD names a user name, the "author" meta whoever posted the story, Sailthru the printed byline
    ('<script type="application/ld+json">{"@type": "NewsArticle", "author": "ana-b"}</script>'
     '<meta name="author" content="Tom Lind"><meta name="sailthru.author" content="By Ana Brandt ">', ["Ana Brandt"]),
    # JSON-LD names only the agency: the meta byline is read
    ('<script type="application/ld+json">{"@type": "NewsArticle", "author": {"@type": "Person", "name": "Reuters"}}'
     '</script><meta name="author" content="Ana Brandt">', ["Ana Brandt"]),
    ('<meta name="byl" content="By Ana Brandt and Tom Lind">', ["Ana Brandt", "Tom Lind"]),
    ('<meta property="article:author" content="https://www.facebook.com/inventeddaily">', []),
])
def test_authors_from_the_fields_that_hold_the_byline(head: str, authors: list[str]) -> None:
    assert extract_html(page(head)).authors == authors
