"""HTML -> article text and metadata: trafilatura for the body, then Dateline's corrections.

Corrections: the headline that trafilatura keeps as the first line is removed (the body is the
body); paragraphs are separated by blank lines with their offsets; authors are person names only;
the publication date keeps the time and zone the page gives; outlet names are normalised.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import meta
from .flat import is_chrome
from .outlets import credit_from_line, normalize_outlet


@dataclass(slots=True)
class HtmlResult:
    text: str
    paragraphs: list[list[int]]
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    outlet: str | None = None
    credit: str | None = None
    published: str | None = None
    language: str | None = None


def _paragraphs(lines: list[str]) -> tuple[str, list[list[int]]]:
    spans, pos, parts = [], 0, []
    for line in lines:
        para = " ".join(line.split())
        if not para:
            continue
        spans.append([pos, pos + len(para)])
        parts.append(para)
        pos += len(para) + 2
    return "\n\n".join(parts), spans


def extract_html(html: str, url: str | None = None) -> HtmlResult:
    """The article in an HTML page (empty text when trafilatura finds none)."""
    import trafilatura

    tree = meta.parse(html)
    if tree is None:
        return HtmlResult(text="", paragraphs=[])
    # Metadata first: trafilatura prunes the tree it is given. Its own metadata pass (htmldate)
    # costs a fifth of its time and is replaced by meta.py's reading of the page's own fields.
    title = meta.title(tree)
    site = meta.site_name(tree)
    outlet = normalize_outlet(site) if site else None
    authors = meta.clean_authors(meta.json_ld_authors(tree) or meta.meta_authors(tree), outlet)
    published = meta.published(tree)
    lang = tree.get("lang") or meta.locale(tree)  # <html lang>, else og:locale ("en_GB")
    doc = trafilatura.bare_extraction(html, url=url, fast=True, favor_recall=True, with_metadata=False,
                                      include_comments=False, include_tables=True)
    body = getattr(doc, "text", None) if doc is not None else None  # a Document (not as_dict)
    lines = (body or "").split("\n")
    if lines and title and " ".join(lines[0].split()).lower() == " ".join(title.split()).lower():
        lines = lines[1:]
    # what recall lets in, the flat cleaner's never-article patterns take out (copyright, captions, UI)
    lines = [ln for ln in lines if not is_chrome(ln)]
    credit = next((c for ln in lines[:1] + lines[-2:] if (c := credit_from_line(ln))), None)
    text, spans = _paragraphs(lines)
    return HtmlResult(text=text, paragraphs=spans, title=title, authors=authors, outlet=outlet,
                      credit=credit, published=published,
                      language=(lang or "").split("-")[0].lower() or None)
