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
        return self.code[:3] if not self.code.startswith(("IGO", "NGO")) else None


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


def _countries() -> dict[str, Entry]:
    import pycountry
    from countryinfo import CountryInfo

    table: dict[str, Entry] = {}
    names = {c.alpha_3: getattr(c, "common_name", None) or c.name for c in pycountry.countries}
    for c in pycountry.countries:
        for form in (c.name, getattr(c, "common_name", None), getattr(c, "official_name", None)):
            if form:
                table[form] = Entry(names[c.alpha_3], c.alpha_3, "country")
    infos = list(CountryInfo("france").all().values())
    for info in infos:  # countryinfo's short names ("Russia") read better than ISO's
        code = (info.get("ISO") or {}).get("alpha3")
        if code in names and isinstance(info.get("name"), str):
            names[code] = info["name"]
    for form, entry in list(table.items()):
        table[form] = Entry(names[entry.code], entry.code, entry.kind)
    for info in infos:
        code = (info.get("ISO") or {}).get("alpha3")
        if not code or code not in names:
            continue
        name = names[code]
        for form in [info.get("name"), *(info.get("altSpellings") or [])]:
            if form and len(form) > 3 and form not in table:
                table[form] = Entry(name, code, "country")
        demonym = info.get("demonym")
        if isinstance(demonym, str) and demonym:
            table.setdefault(demonym, Entry(name, code, "demonym"))
            table.setdefault(demonym + "s", Entry(name, code, "demonym"))
        capitals: list[str] | str = info.get("capital") or []
        for capital in capitals if isinstance(capitals, list) else [capitals]:
            if isinstance(capital, str) and capital:
                table.setdefault(capital, Entry(capital, code + "GOV", "capital"))
    return table


@functools.cache
def gazetteer() -> dict[str, Entry]:
    """Every known phrase -> Entry (case as written; see :func:`lookup`)."""
    table = _countries()
    for name, aliases, code in _data_rows("actors.tsv") + _user_rows():
        kind = "igo" if code.startswith(("IGO", "NGO")) else "country" if len(code) == 3 else "org"
        entry = Entry(name.strip(), code.strip(), kind)
        for form in [name, *aliases.split("|")]:
            if form.strip():
                table[form.strip()] = entry
    for name, aliases, country in _data_rows("agencies.tsv"):
        entry = Entry(name.strip(), country.strip() + "MED", "agency")
        for form in [name, *aliases.split("|")]:
            if form.strip():
                table.setdefault(form.strip(), entry)
    # "Korean" alone is South Korean (North Korea is always named as such).
    table["Korean"] = Entry("South Korea", "KOR", "demonym")
    table["Koreans"] = Entry("South Korea", "KOR", "demonym")
    return table


def _key(form: str) -> str:
    """Matching key: short all-caps acronyms keep their case ("US" is not "us")."""
    return form if len(form) <= 4 and form.isupper() else form.lower()


@functools.cache
def _index() -> dict[str, Entry]:
    return {_key(f): e for f, e in gazetteer().items()}


def lookup(text: str) -> Entry | None:
    """The entry for a phrase ("Seoul", "the Kremlin", "South Korea's", "Russian")."""
    t = re.sub(r"^(the|The)\s+", "", text.strip())
    t = re.sub(r"['’]s?$", "", t).strip()
    return _index().get(_key(t)) or _index().get(_key(text.strip()))


_CAPITALISED = re.compile(r"(?<![\w.])[A-Z][\w'’.-]*(?:[ \t]+(?:of|the|and|de|[A-Z][\w'’.-]*))*")
_TOKEN = re.compile(r"[^\s\-–]+")


@functools.cache
def _longest_phrase() -> int:
    return max(len(f.split()) for f in gazetteer())


@dataclass(frozen=True, slots=True)
class Hit:
    start: int
    end: int
    text: str
    entry: Entry


def _phrase_at(raw: str) -> tuple[str, Entry | None]:
    """The phrase as written ("U.S."), else without closing punctuation or a possessive."""
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
    hits: list[Hit] = []
    limit = _longest_phrase()
    for run in _CAPITALISED.finditer(text, start, len(text) if end is None else end):
        tokens = [(m.start() + run.start(), m.end() + run.start()) for m in _TOKEN.finditer(run.group(0))]
        i = 0
        while i < len(tokens):
            for j in range(min(len(tokens), i + limit), i, -1):
                s, e = tokens[i][0], tokens[j - 1][1]
                phrase, entry = _phrase_at(text[s:e])
                if entry is not None:
                    hits.append(Hit(s, s + len(phrase), phrase, entry))
                    i = j
                    break
            else:
                i += 1
    return hits


@functools.cache
def sectors() -> dict[str, tuple[str, str]]:
    """Role words -> (role, CAMEO sector code)."""
    return {w.strip(): (r.strip(), c.strip()) for w, r, c in _data_rows("sectors.tsv")}


def sector_of(text: str) -> tuple[str, str] | None:
    """The role a phrase gives ("the National Security Office chief" -> government, GOV).

    The longest role phrase found wins, so "defense ministry" (military) beats "ministry".
    """
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


def reload() -> None:
    """Forget the built tables (after the ``actors_file`` setting changed)."""
    for cached in (gazetteer, _index, _longest_phrase, sectors):
        cached.cache_clear()
