"""Metadata from HTML that users can trust: the publication date-time and person-only authors.

Dates come from the page's own publication fields (JSON-LD ``datePublished``, the
``article:published_time`` family of meta tags, a ``<time>`` marked as published), never from
modification dates, scripts' other dates or related links; with time and zone where given.
"""

from __future__ import annotations

import json
import re
from datetime import datetime
from typing import Any

from lxml import etree
from lxml import html as lxml_html

_PUBLISHED_META = ("article:published_time", "og:published_time", "datepublished",
                   "publishdate", "pubdate", "date", "dc.date.issued", "dc.date",
                   "sailthru.date", "parsely-pub-date", "publication_date")
_NOT_PERSON = re.compile(
    r"\d|minute|read|published|updated|staff|editor|team|desk|news|agency|press|correspondent|"
    r"reporter|contributor|wire|service|admin|by\b|http|@|\.com|"
    r"\b(?:international|media|magazine|journal|times|post|daily|tribune|herald|gazette|network|business|"
    r"online|digital|radio|television|tv|inc|llc|ltd|group)\b", re.I)
#: where a byline string is cut into names: "A; B and C", "A, CNN Business", "A. Sputnik International"
#: (a full stop after a word, not after an initial: "Bruce Y. Lee")
_AUTHOR_SPLIT = re.compile(r";|,|\band\b|\||&|(?<=\w\w)\.\s+")


def _iso(raw: str) -> str | None:
    """ISO 8601 from a page's date string, keeping time and offset when they are given."""
    raw = raw.strip()
    if not raw:
        return None
    try:
        value = datetime.fromisoformat(raw.replace("Z", "+00:00"))
    except ValueError:
        import warnings

        from dateutil import parser

        try:
            with warnings.catch_warnings():  # unknown zone names ("EST") -> naive, not a warning
                warnings.simplefilter("ignore")
                value = parser.parse(raw)
        except (ValueError, OverflowError):
            return None
    if value.year < 1800 or (value.date().isoformat() == "1970-01-01" and value.time().isoformat() == "00:00:00"):
        return None  # a placeholder (0001-01-01, the Unix epoch), not a date
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", raw):
        return raw
    try:
        return value.isoformat()
    except ValueError:  # an offset of a day or more ("UTC+99"): the date-time without it
        return value.replace(tzinfo=None).isoformat()


def _json_ld(tree: Any) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    for node in tree.xpath('//script[@type="application/ld+json"]/text()'):
        try:
            data = json.loads(node)
        except ValueError:
            continue
        stack = data if isinstance(data, list) else [data]
        while stack:
            item = stack.pop()
            if isinstance(item, dict):
                items.append(item)
                stack.extend(v for v in item.get("@graph", []) if isinstance(v, dict))
            elif isinstance(item, list):
                stack.extend(item)
    return items


def _meta_index(tree: Any) -> dict[str, list[str]]:
    """Every <meta> content by its lower-cased property, name or itemprop (one pass)."""
    index: dict[str, list[str]] = {}
    for meta in tree.iter("meta"):
        content = meta.get("content")
        if not content:
            continue
        for attr in ("property", "name", "itemprop"):
            key = meta.get(attr)
            if key:
                index.setdefault(key.lower(), []).append(content)
    return index


#: elements a page marks as its publication date ("<div class='publish-date'>Published ...</div>")
_MARKED_DATE = etree.XPath('//*[@class and (contains(@class, "publish") or contains(@class, "pubdate"))] | '
                           '//*[@itemprop="datePublished"]')


def published(tree: Any, html: str | None = None, language: str | None = None) -> str | None:
    """The publication date-time the page declares for itself, or None. With the page's ``html``, the
    last resort (reading the text of elements marked as the date, in the page's ``language``) is
    skipped on a page that never says "publish" or "pubdate": it walks every element."""
    for item in _json_ld(tree):
        kind = str(item.get("@type", ""))
        if "Article" in kind or "Posting" in kind or "Report" in kind:
            if isinstance(item.get("datePublished"), str) and (iso := _iso(item["datePublished"])):
                return iso
    metas = _meta_index(tree)
    for name in _PUBLISHED_META:
        for value in metas.get(name, []):
            if iso := _iso(value):
                return iso
    for value in tree.xpath('//time[@itemprop="datePublished" or contains(@class, "publish")]'
                            '/@datetime'):
        if iso := _iso(value):
            return iso
    if html is not None and "publish" not in html and "pubdate" not in html:
        return None
    for node in _MARKED_DATE(tree):
        if iso := _stated_date(" ".join(node.text_content().split()), language):
            return iso
    return None


def _stated_date(text: str, language: str | None = None) -> str | None:
    """The date an element the page marks as its publication date states ("Published 7:07 PM EST Nov 19,
    2019"), with its time and zone; None for an update or for text without a date."""
    from .dates import stated_date

    found = stated_date(text, language) if len(text) <= 80 else None
    return found[0] if found else None


def clean_authors(raw: str | list[str] | None, outlet: str | None = None) -> list[str]:
    """Person names only: splits "A; B and C" (also each name of a list: "Jill Disis, CNN Business"),
    drops bylines' noise, credentials, dates and outlet names, and writes an all-capitals name
    ("JANIE HAR") as a name."""
    if not raw:
        return []
    parts = [p for item in (raw if isinstance(raw, list) else [raw]) for p in _AUTHOR_SPLIT.split(str(item))]
    names: list[str] = []
    for part in parts:
        name = re.sub(r"^\s*(by|written by|von|par)\s+", "", part.strip(), flags=re.I).strip(" .")
        words = name.split()
        if not 2 <= len(words) <= 4 or _NOT_PERSON.search(name):
            continue
        if outlet and (name.lower() in outlet.lower() or outlet.lower() in name.lower()):
            continue
        if not all(w[0].isupper() for w in words if w[0].isalpha()):
            continue
        if name.isupper() and len(name) > 3:
            name = name.title()
        if len(words) % 2 == 0 and words[:len(words) // 2] == words[len(words) // 2:]:
            name = " ".join(words[:len(words) // 2])  # "Sean Martin Sean Martin": a name printed twice
        if name not in names:
            names.append(name)
    return names


def json_ld_authors(tree: Any) -> list[str]:
    out: list[str] = []
    for item in _json_ld(tree):
        authors = item.get("author")
        for a in authors if isinstance(authors, list) else [authors]:
            if isinstance(a, dict) and str(a.get("@type", "Person")) == "Person" and a.get("name"):
                out.append(str(a["name"]))
            elif isinstance(a, str):
                out.append(a)
    return out


def parse(html: str) -> Any:
    """The page's tree as trafilatura parses it (so one parse serves the metadata and both of its runs);
    lxml's own parse where trafilatura declines a page, so that its metadata can still be read."""
    if not html.strip():
        return None
    from trafilatura.utils import load_html

    tree = load_html(html)
    return tree if tree is not None else lxml_html.fromstring(html.encode("utf-8"))


def _first(tree: Any, *xpaths: str) -> str | None:
    for xp in xpaths:
        for value in tree.xpath(xp):
            text = " ".join(str(value).split())
            if text:
                return text
    return None


def title(tree: Any) -> str | None:
    """The page's headline: og:title, else the article's h1, else <title> without the site suffix."""
    found = _first(tree, '//meta[@property="og:title"]/@content', '//meta[@name="twitter:title"]/@content',
                   "//article//h1//text()", "//h1//text()")
    if found:
        return found
    raw = _first(tree, "//title/text()")
    return re.split(r"\s+[|–—-]\s+[^|–—-]+$", raw)[0] if raw else None


def without_site(title: str | None, *names: str | None) -> str | None:
    """``title`` without a trailing (or leading) site name: "Spiced Pear Jam Recipe | The Invented Kitchen"
    -> "Spiced Pear Jam Recipe" when the site or outlet is named "The Invented Kitchen". Only a part
    that is one of ``names`` (compared by its words, case aside) is taken off."""
    if not title:
        return title
    keys = {k for n in names if n and (k := " ".join(re.findall(r"\w+", n.lower())))}
    parts = re.split(r"\s+[|–—-]\s+|\s*:\s+", title)
    if len(parts) < 2 or not keys:
        return title

    def named(part: str) -> bool:
        return " ".join(re.findall(r"\w+", part.lower())) in keys

    if named(parts[-1]):
        return title[:title.rfind(parts[-1])].rstrip(" |–—:-") or title
    if named(parts[0]):
        return title[len(parts[0]):].lstrip(" |–—:-") or title
    return title


def site_name(tree: Any) -> str | None:
    """og:site_name, else the JSON-LD publisher's name. A site name written as a handle or a domain's
    stem ("@politifact", "detroitnews") gives way to the publisher's name ("The Detroit News")."""
    found = _first(tree, '//meta[@property="og:site_name"]/@content',
                   '//meta[@name="application-name"]/@content')
    if found and not (found.startswith("@") or found.islower()):
        return found
    for item in _json_ld(tree):
        publisher = item.get("publisher")
        if isinstance(publisher, dict) and isinstance(publisher.get("name"), str) and publisher["name"].strip():
            return " ".join(str(publisher["name"]).split())
    return found.lstrip("@") if found else None


#: <meta> names and properties that hold the byline: first those of the publishing and analytics tools news
#: sites use (NYT's "byl", Sailthru, Parse.ly), which carry the printed byline, then the standard ones
#: (a site's "author" may name whoever posted the story: "Kevin Rebong" where the byline says "By David Jeans")
_AUTHOR_META = ("byl", "sailthru.author", "parsely-author", "author", "article:author", "og:article:author")


def meta_authors(tree: Any) -> list[str]:
    """The byline of the first <meta> field of :data:`_AUTHOR_META` that holds one (not a profile's
    address: article:author is often a Facebook page)."""
    index = _meta_index(tree)
    for key in _AUTHOR_META:
        found = [v for v in index.get(key, []) if v.strip() and not v.startswith("http")]
        if found:
            return found
    return []


def authors(tree: Any, outlet: str | None) -> list[str]:
    """The people the page names as its authors: JSON-LD's, else the <meta> fields' (:func:`meta_authors`),
    each cleaned to person names (:func:`clean_authors`); a source that names only an organisation
    ("Reuters", "Invented Daily staff") gives way to the next."""
    return clean_authors(json_ld_authors(tree), outlet) or clean_authors(meta_authors(tree), outlet)


def locale(tree: Any) -> str | None:
    """The page's og:locale ("en_GB"), if it declares one."""
    found = _first(tree, '//meta[@property="og:locale"]/@content')
    return found.replace("_", "-") if found else None
