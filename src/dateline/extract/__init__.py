"""Page -> Article: the clean body text and the metadata users can trust.

HTML goes through :mod:`dateline.extract.html` (trafilatura, corrected), flattened page text through
Dateline's own cleaner :mod:`dateline.extract.flat`, and JSONL records that already carry clean
text are split into paragraphs as they are. Metadata the caller gave (flags, sidecar, record
fields) wins over what the page says; what neither gives stays ``None``.
"""

from __future__ import annotations

import re

from ..errors import InputError
from ..model import Article, Page

_PARA_BREAK = re.compile(r"\n\s*\n")


def paragraph_spans(text: str) -> list[list[int]]:
    """``[start, end]`` of each blank-line-separated paragraph of ``text`` (stripped)."""
    spans: list[list[int]] = []
    pos = 0
    for m in [*_PARA_BREAK.finditer(text), None]:
        end = m.start() if m else len(text)
        chunk = text[pos:end]
        if chunk.strip():
            lead = len(chunk) - len(chunk.lstrip())
            spans.append([pos + lead, pos + len(chunk.rstrip())])
        pos = m.end() if m else len(text)
    return spans


def extract(page: Page) -> Article:
    """The article in ``page``.

    Raises:
        InputError: when the page yields no article text (reason ``no-text``).
    """
    title = outlet = credit = published = language = None
    authors: list[str] = []
    if page.kind == "html":
        from .html import extract_html

        h = extract_html(page.content, page.url)
        text, paragraphs = h.text, h.paragraphs
        title, outlet, credit, published, authors, language = (
            h.title, h.outlet, h.credit, h.published, h.authors, h.language)
    elif page.kind == "text":
        from .flat import clean_flat

        f = clean_flat(page.content)
        text, paragraphs = f.text, f.paragraphs
        title, outlet, credit, published, authors = f.title, f.outlet, f.credit, f.published, f.authors
    else:
        text = page.content
        paragraphs = paragraph_spans(text)
    if not text.strip():
        raise InputError(page.source, "no-text", "no article text found in the page")
    return Article(
        id=page.doc_id or page.id,
        text=text,
        source=page.source,
        url=page.url,
        title=page.title or title,
        outlet=page.outlet or outlet,
        credit=page.credit or credit,
        published=page.published or published,
        language=_language(text, language),
        authors=authors,
        paragraphs=paragraphs,
    )


def _language(text: str, declared: str | None) -> str | None:
    try:
        from .lang import detect_language
    except ImportError:  # pragma: no cover - lang.py ships with the package
        return declared
    return detect_language(text) or declared
