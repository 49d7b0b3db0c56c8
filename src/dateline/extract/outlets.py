"""Outlet names and wire credits: read from a page's own lines, normalised to usual names.

The tables (``data/outlets.tsv`` and ``data/agencies.tsv``) hold only what differs from the
printed form: native-script names, domains, agency aliases. Any other outlet name passes through
cleaned, so unseen outlets still come out right.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources
from urllib.parse import urlparse


@dataclass(frozen=True, slots=True)
class Agency:
    name: str
    aliases: tuple[str, ...]
    country: str


def _rows(name: str) -> list[list[str]]:
    text = resources.files("dateline.data").joinpath(name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


@functools.cache
def outlet_table() -> dict[str, str]:
    return {raw.strip().lower(): name.strip() for raw, name in _rows("outlets.tsv")}


@functools.cache
def agencies() -> tuple[Agency, ...]:
    return tuple(Agency(n.strip(), tuple(a for a in aliases.split("|") if a), c.strip())
                 for n, aliases, c in _rows("agencies.tsv"))


@functools.cache
def _agency_index() -> dict[str, Agency]:
    index: dict[str, Agency] = {}
    for agency in agencies():
        for alias in (agency.name, *agency.aliases):
            index[alias.lower()] = agency
    return index


def agency(name: str) -> Agency | None:
    """The agency called ``name`` ("TASS", "TASS news agency", "Yonhap News Agency"), if known."""
    key = re.sub(r"^(the|russia's|china's|japan's|south korea's)\s+", "", name.strip().lower())
    return _agency_index().get(key) or _agency_index().get(re.sub(r"\s+news agency$", "", key))


_DOMAIN = re.compile(r"\(?\s*(?:https?://)?(?:www\.)?([a-z0-9-]+(?:\.[a-z0-9-]+)+)\s*\)?", re.I)
_COPYRIGHT = re.compile(
    r"(?:copyright|©|(?<!\w)\([cс]\))\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?[\s,.]*)?(?P<name>.+)", re.I)
_TAIL = re.compile(r"(\.\s*)?(무단.*|unauthorized.*|이 기사.*|版权所有.*)$", re.I)
#: what a copyright line holds besides the name: the reservation of rights (in several languages), the
#: word and sign themselves, years and year ranges
_NOISE = re.compile(r"all rights reserved|alle rechte vorbehalten|tous droits réservés|todos los derechos reservados|"
                    r"tutti i diritti riservati|все права защищены|copyright|©|@|(?<!\w)\([cс]\)|"
                    r"\b(?:19|20)\d\d\b(?:\s*[-–—]\s*(?:19|20)\d\d\b)?", re.I)
#: where the name ends: a sentence, a separator, an address or a clause after it ("X, a 501(c)(3) ...",
#: "X is a registered trademark of ...", "X powered by ...")
_NAME_END = re.compile(r"\.\s|\s/\s?|\s[-–—]\s|,\s|\s\(|\s(?:is an?|powered by|designed by)\s", re.I)
_LEGAL = re.compile(r"[\s,]+(?:inc|llc|ltd|pty ltd|pvt|gmbh|limited|corp)\.?$", re.I)


def normalize_outlet(raw: str) -> str | None:
    """The usual name of the outlet printed as ``raw`` (a name, a native name or a domain)."""
    text = raw.strip().strip(".,;:|-– ")
    if not text:
        return None
    table = outlet_table()
    if text.lower() in table:
        return table[text.lower()]
    domain = _DOMAIN.search(text)
    if domain and domain.group(1).lower().removeprefix("www.") in table:
        return table[domain.group(1).lower().removeprefix("www.")]
    name = _DOMAIN.sub("", text).strip().strip(".,;:|-– ") if domain and domain.start() > 0 else text
    if urlparse(name).scheme:
        return None
    return table.get(name.lower(), name) or None


def outlet_from_line(line: str) -> str | None:
    """The outlet a copyright line names ("Copyright © X. All rights reserved" -> X), if any."""
    m = _COPYRIGHT.search(line.strip())
    if not m or m.group("name").startswith("."):
        return None  # "... is subject to copyright. Apart from ...": the word ends a sentence, names no one
    name = re.split(r"[|·]", _TAIL.sub("", m.group("name").strip()))[0]  # the links after a bar are the page's
    name = " ".join(_NOISE.sub(" ", name).split()).strip(" .,;:-–—/")
    name = re.sub(r"^by\s+", "", _NAME_END.split(name)[0], flags=re.I).strip(" .,;:|-–—/")
    name = _LEGAL.sub("", name).strip(" .,")
    if not name or len(name.split()) > 8 or not any(ch.isalpha() for ch in name) or name[0].islower() or \
            re.match(r"(?:designed|powered|developed|site)\b", name, re.I):
        return None  # no name ("© 2019. All rights reserved"), or words after "copyright" ("by copyright law")
    return normalize_outlet(name)


#: a wire story's dateline: a place in capitals (and a date), then the agency in brackets or slashes
#: before a dash or colon: "SAN FRANCISCO (AP) —", "SEOUL, June 20 (Yonhap) --", "MOSCOW, June 5. /TASS/."
_DATELINE_CREDIT = re.compile(
    r"^\s*(?:[A-ZÀ-Þ][A-ZÀ-Þ.'’ -]{1,40}(?:,\s*[\w.'’ -]{1,40}?)?\s*)?"
    r"(?:\((?P<paren>[^()]{2,40})\)\s*(?:[-–—]{1,2}|:)|/(?P<slash>[^/]{2,30})/)")


def dateline_credit(paragraph: str) -> str | None:
    """The news agency a wire story's dateline credits, at the start of its first paragraph
    ("SAN FRANCISCO (AP) — ...", "LONDON, June 20 (Reuters) - ...", "MOSCOW, June 5. /TASS/."); None
    for a dateline naming no agency ("HONG KONG (CNN Business)") or none at all."""
    m = _DATELINE_CREDIT.match(paragraph)
    if m is None:
        return None
    found = agency(m.group("paren") or m.group("slash"))
    return found.name if found else None


def credit_from_line(line: str) -> str | None:
    """A wire credit from a short line that names a news agency ("Yonhap", "(AP)", "By Reuters")."""
    text = line.strip().strip("()[]—–- ")
    text = re.sub(r"^(by|source:|from)\s+", "", text, flags=re.I)
    if not text or len(text) > 40:
        return None
    found = agency(text)
    return found.name if found else None
