"""HTML -> article text and metadata: trafilatura for the body, then Dateline's corrections.

Corrections: the headline that trafilatura keeps as the first line is removed (the body is the
body); paragraphs are separated by blank lines with their offsets; authors are person names only;
the publication date keeps the time and zone the page gives; outlet names are normalised.
"""

from __future__ import annotations

import copy
import functools
import re
from dataclasses import dataclass, field
from typing import Any

from . import meta
from .flat import is_chrome
from .outlets import credit_from_line, dateline_credit, normalize_outlet


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


#: trafilatura's settings for both of its runs (fast: no second extractor; the metadata is meta.py's)
_OPTIONS: dict[str, Any] = dict(fast=True, with_metadata=False, comments=False, tables=True)
#: a body line outside the stretch the precision run agrees with is kept only when at least this long
#: (characters, so that it means the same for scripts written without spaces): prose, not a teaser or tag list
EDGE_KEEP_CHARS = 200
#: how a paragraph of prose ends (sentence punctuation or a closing quote; not a bracket, which also ends
#: a caption or credit: "(Photo: AFP)")
_PROSE_END = re.compile(r"[.!?。！？…\"”’»]\s*$")


@functools.cache
def _settings(focus: str) -> Any:
    """trafilatura's settings object for a ``focus`` ("recall" or "precision"), built once: building it
    per call re-reads trafilatura's configuration, a few percent of a run."""
    from trafilatura.settings import Extractor

    return Extractor(output_format="python", precision=focus == "precision", recall=focus == "recall", **_OPTIONS)


def _run(tree: Any, url: str | None, focus: str) -> list[str]:
    """The body lines of one trafilatura run on ``tree`` (which trafilatura copies, not changes)."""
    import trafilatura

    options = copy.copy(_settings(focus))
    options.url = options.source = url
    return _text_lines(trafilatura.bare_extraction(tree, options=options))


def _text_lines(doc: Any) -> list[str]:
    body = getattr(doc, "text", None) if doc is not None else None  # a Document (not as_dict)
    return (body or "").split("\n")


def _doubtful_start(lines: list[str]) -> bool:
    """Whether the recall run's body opens with a line that is not prose: a headline, teaser, kicker or
    tag, the sign that it took in the page's header and likely more chrome at the other end too."""
    first = next((ln.strip() for ln in lines if ln.strip()), "")
    return bool(first) and not _PROSE_END.search(first)


def body_lines(tree: Any, url: str | None) -> list[str]:
    """trafilatura's recall-leaning body; where it opens doubtfully, trimmed to where a precision run agrees.

    The recall run finds paragraphs trafilatura's default misses, but also lets in the chrome around
    the article: a teaser or kicker line above it, tag lists, newsletter boxes, related headlines below.
    A precision-leaning run leaves those out; lines between the first and the last line both runs keep
    stay, short lines outside that stretch go. The second run costs as much as the first, so it is made
    only when the body does not open with prose, the usual sign that chrome came in with it.
    """
    recall = _run(tree, url, "recall")
    if not _doubtful_start(recall):
        return recall
    precise = {" ".join(ln.split()) for ln in _run(tree, url, "precision")}
    shared = [k for k, ln in enumerate(recall) if ln.strip() and " ".join(ln.split()) in precise]
    if not shared:
        return recall
    first, last = shared[0], shared[-1]
    return [ln for k, ln in enumerate(recall) if first <= k <= last or len(ln.strip()) >= EDGE_KEEP_CHARS]


def extract_html(html: str, url: str | None = None) -> HtmlResult:
    """The article in an HTML page (empty text when trafilatura finds none)."""
    tree = meta.parse(html)
    if tree is None:
        return HtmlResult(text="", paragraphs=[])
    # trafilatura works on its own copy of the tree. Its own metadata pass (htmldate) costs a fifth of
    # its time and is replaced by meta.py's reading of the page's own fields.
    site = meta.site_name(tree)
    outlet = normalize_outlet(site) if site else None
    title = meta.without_site(meta.title(tree), site, outlet)
    authors = meta.authors(tree, outlet)
    lang = tree.get("lang") or meta.locale(tree)  # <html lang>, else og:locale ("en_GB")
    language = (lang or "").split("-")[0].split("_")[0].lower() or None
    published = meta.published(tree, html, language)
    lines = body_lines(tree, url)
    if lines and title and " ".join(lines[0].split()).lower() == " ".join(title.split()).lower():
        lines = lines[1:]  # the headline trafilatura keeps as the first line: the body is the body
    # what recall lets in, the flat cleaner's never-article patterns take out (copyright, captions, UI)
    lines = [ln for ln in lines if not is_chrome(ln)]
    credit = next((c for ln in lines[:1] + lines[-2:] if (c := credit_from_line(ln))), None) or \
        (dateline_credit(lines[0]) if lines else None)
    text, spans = _paragraphs(lines)
    return HtmlResult(text=text, paragraphs=spans, title=title, authors=authors, outlet=outlet,
                      credit=credit, published=published,
                      language=language)
