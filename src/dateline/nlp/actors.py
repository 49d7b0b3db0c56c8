"""Actors: every person, organisation and place mention resolved to a country, role and code.

How an article is read:

1. People come from spaCy's PERSON entities. Their country and role come from their own context:
   the words before the name in its noun phrase ("Russian President Vladimir Putin", "North
   Korean leader Kim Jong-un") and an apposition after it ("Jang Ho-jin, the National Security
   Office chief of the South Korean presidential office"). A person named again in part ("Putin",
   "Kim") is the same actor and keeps what was learnt about them. A person or body given a role
   but no country ("President Kagame", "the Supreme Court") takes the article's main country.
2. Places, countries, capitals, agencies and international bodies are found by the gazetteer
   (:mod:`dateline.nlp.actor_tables`), skipping people's names and the words that describe them.
   A demonym on its own ("an Indian proposal", "Palestinians") stands for its country.
3. Groups named by a country word and a role word ("the South Korean government", "Russian
   troops", "North Korea's foreign ministry") become actors with a country and role; "US and
   British forces" are two groups.
4. Pronouns and titles are linked to people by :mod:`dateline.nlp.actor_coref`.

Codes are CAMEO-style: country + sector (``RUSGOV``), a country alone (``KOR``) or an
international body (``IGOUNO``).
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..model import Actor, Article, Mention
from . import actor_coref
from .actor_tables import (
    Entry,
    Hit,
    find_phrases,
    is_currency,
    lookup,
    people,
    role_of_code,
    sector_of,
)
from .parse import entities
from .places import is_city
from .quote_model import token_table

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from .places import Place

_HONORIFIC = re.compile(r"^(mr|mrs|ms|dr|sir|gen|sen|rep|gov|lt|col|capt|sgt|rev)\.?\s+", re.I)
_POSSESSIVE = re.compile(r"['’]s?$")
#: CAMEO codes a former office holder as an elite (``ELI``), not as the office.
_FORMER = re.compile(r"\b(former|ex|late|ousted|deposed)\b", re.I)


@dataclass
class Builder:
    """The actors of one article as they are discovered."""

    article: Article
    actors: list[Actor] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    by_key: dict[str, Actor] = field(default_factory=dict)
    #: spans of the words that describe a person ("Russian President "): not actors themselves
    described: list[tuple[int, int]] = field(default_factory=list)
    #: how often each form of a person's name was written
    forms: dict[str, Counter[str]] = field(default_factory=dict)
    #: how often each form was written on a headline-like line (:func:`_headline_line`)
    headline_forms: dict[str, Counter[str]] = field(default_factory=dict)
    #: gazetteer phrases of the whole text, found once (:meth:`phrases`)
    _phrases: list[Hit] | None = None

    def phrases(self) -> list[Hit]:
        if self._phrases is None:
            self._phrases = find_phrases(self.article.text)
        return self._phrases

    def actor(self, key: str, name: str, kind: str, country: str | None, role: str | None,
              code: str | None) -> Actor:
        found = self.by_key.get(key)
        if found is None:
            found = Actor(f"a{len(self.actors)}", name, kind, country, role, code)
            self.actors.append(found)
            self.by_key[key] = found
        return found

    def mention(self, start: int, end: int, actor: Actor, kind: str = "name") -> None:
        if any(m.start < end and start < m.end for m in self.mentions):
            return
        text = self.article.text[start:end]
        self.mentions.append(Mention(start, end, text, actor.id, kind))
        if kind == "name" and text != actor.name and text not in actor.aliases:
            actor.aliases.append(text)

    def drop_inside(self, start: int, end: int) -> None:
        self.mentions = [m for m in self.mentions if not (start <= m.start and m.end <= end)]


def _code(country: str | None, sector: str | None, fallback: str | None = None) -> str | None:
    if country and sector:
        return country + sector
    return country or fallback


# -- people -------------------------------------------------------------------------------------
def _before(doc: Doc, ent: Span) -> tuple[int, int]:
    """Token range of the words before a name in its phrase ("Russian President ")."""
    i = ent.start
    while i > 0 and ent.start - i < 8:
        tok = doc[i - 1]
        if tok.is_punct and tok.text not in ("'s", "’s", "-") or tok.pos_ in (
                "VERB", "AUX", "ADP", "DET", "PRON", "CCONJ", "SCONJ"):
            break
        i -= 1
    return i, ent.start


def _apposition(doc: Doc, ent: Span) -> str:
    """An apposition after the name: ", the National Security Office chief of ..., "."""
    nxt = ent.end
    if nxt >= len(doc) or doc[nxt].text != ",":
        return ""
    stop = nxt + 1
    while stop < len(doc) and stop - nxt < 16 and doc[stop].text not in (",", ".", ";", '"', "“"):
        stop += 1
    if stop < len(doc) and doc[stop].text in (",", ".") and doc[nxt + 1].pos_ == "DET":
        return doc[nxt + 1:stop].text
    return ""


def _first_country(text: str) -> str | None:
    for hit in find_phrases(text):
        if hit.entry.country:
            return hit.entry.country
    return None


#: a wire story's dateline, which the parse hangs on the first name or subject: the place in capitals
#: (with its region or the date after commas) or the date alone, the agency in brackets or slashes, a dash
#: ('WASHINGTON -- President Obama said', 'CLEVELAND, July 19 (UPI) — Former Attorney General ...',
#: 'Dec 29 (Reuters) - ...', 'MOSCOW, June 5. /TASS/. Russian President ...')
_AGENCY = r"(?:\([A-Z][\w .&]{1,28}\)|/[A-Z][\w .&]{1,28}/)"  # no hyphen: "(D-Calif.)" is a party label
_DATELINE = re.compile(
    r"(?:[A-ZÀ-Þ][A-ZÀ-Þ.'’ -]*[A-ZÀ-Þ.](?:,\s*[A-Z][\w.'’]*(?:\s[\w.'’]+){0,3}?){0,2}(?:\s*" + _AGENCY + r")?"
    r"|(?:[A-Z][\w.'’, ]{1,40}?\s*)?" + _AGENCY + r")"
    r"(?:\s*(?:--|—|–|-)|(?<=/)\.?)\s+(?=\S)")


def past_dateline(text: str, start: int, end: int) -> int:
    """``start`` moved past a dateline that opens the mention ``text[start:end]``."""
    m = _DATELINE.match(text, start, end)
    return m.end() if m is not None and m.end() < end else start


def _name_start(text: str, start: int, end: int) -> int:
    """Where the name in the entity ``text[start:end]`` starts: past a line break the small model ran
    it over ("13\nZoe Saldana") and past a wire dateline."""
    start = text.rfind("\n", start, end) + 1 or start
    return past_dateline(text, start, end)


def _strip_titles(text: str) -> str:
    """ "President Barack Obama" -> "Barack Obama": honorifics and role words before a name."""
    words = text.split()
    while len(words) > 1 and (_HONORIFIC.match(words[0] + " ") or sector_of(words[0]) is not None
                              and words[0][:1].isupper()):
        words.pop(0)
    return " ".join(words)


def _person_name(ent: Span) -> str | None:
    text = ent.text[_name_start(ent.text, 0, len(ent.text)):]  # "CLEVELAND - Donald Trump" tagged as one
    name = _POSSESSIVE.sub("", _strip_titles(text.strip(" ,."))).strip()
    if name.isupper() and " " not in name:  # "TTIP", "HUFFPOST": acronyms and shouting
        return None
    if not name or not any(c.isalpha() for c in name) or lookup(name) is not None:
        return None
    # "Bosnian Serbs", "North Koreans": words the gazetteer covers whole are not a name
    covered = sum(h.end - h.start for h in find_phrases(name))
    return None if covered >= len(name.replace(" ", "")) else name


def _at_edge(part: list[str], whole: list[str]) -> bool:
    """``part`` begins or ends ``whole``: "Putin" of "Vladimir Putin", "Kim" of "Kim Jong-un"."""
    n = len(part)
    return 0 < n <= len(whole) and (whole[:n] == part or whole[-n:] == part)


def _same_person(b: Builder, name: str, shorter_only: bool = False) -> Actor | None:
    """The person already met whose name this one repeats in part ("Putin", "Kim"), or (unless
    ``shorter_only``) completes ("Vladimir Putin" after "Putin"); the most recent one first."""
    words = name.lower().split()
    by_id = {a.id: a for a in b.actors}
    for m in reversed(b.mentions):
        actor = by_id.get(m.actor or "")
        if actor is None or actor.kind != "person":
            continue
        forms = [f.lower().split() for f in b.forms.get(actor.id) or [actor.name]]
        # "Hillary Clinton" completes "Clinton" but not a "Clinton" already known as "Bill Clinton"
        if any(len(k) > 1 and not (_at_edge(words, k) or _at_edge(k, words)) for k in forms):
            continue
        for known in forms:
            if _at_edge(words, known) or not shorter_only and _at_edge(known, words):
                return actor
    return None


def _describe(ent: Span, doc: Doc) -> tuple[str | None, str | None, str | None]:
    """(country, role, code) from the words around a person's name.

    The first body or country named there is whose the person is: "Russian President" gives
    RUSGOV, "Arab League Secretary-General" the League's own code.
    """
    start, end = _before(doc, ent)
    titles = ent.text.strip()[:len(ent.text.strip()) - len(_strip_titles(ent.text.strip()))]
    before = f"{doc[start:end].text} {titles}".strip()  # "Vice-President Moody Awori" is one name to spaCy
    context = f"{before} | {_apposition(doc, ent)}"
    hit = next((h for h in find_phrases(context) if h.entry.kind != "agency" or h.entry.country),
               None)
    sector = sector_of(context)
    if sector is not None and _FORMER.search(before):
        sector = ("elite", "ELI")
    role = sector[0] if sector else None
    if hit is not None and hit.entry.country is None:  # an international body's official
        return None, role, hit.entry.code
    country = hit.entry.country if hit else None
    return country, role, _code(country, sector[1] if sector else None)


def _people(b: Builder, doc: Doc) -> None:
    for ent in entities(doc):
        name = _person_name(ent) if ent.label_ == "PERSON" or _known_person(ent) else None
        if name is None:
            continue
        country, role, code = _describe(ent, doc)
        known = people().get(name.lower())
        if known is not None and code is None:  # "Obama wants to ...": the reader knows who he is
            country, role, code = known.country, role_of_code(known.code), known.code
        actor = _same_person(b, name)
        if actor is None:
            actor = b.actor(f"person:{len(b.actors)}", name, "person", country, role, code)
        else:
            if actor.code is None or len(actor.code) == 3 and code and len(code) > 3:
                actor.country, actor.role, actor.code = country or actor.country, role, code
        b.forms.setdefault(actor.id, Counter())[name] += 1
        if _headline_line(b.article.text, ent.start_char):
            b.headline_forms.setdefault(actor.id, Counter())[name] += 1
        end = ent.end_char - (2 if ent.text.endswith(("'s", "’s")) else 0)
        b.mention(_name_start(b.article.text, ent.start_char, end), end, actor)
        start, _ = _before(doc, ent)
        b.described.append((doc[start].idx, ent.start_char))


#: "Norris Greenhouse Jr.", "John Smith III": a generational suffix ends a person's name only
_GENERATION = re.compile(r"\s(Jr|Sr)\.?$|\s(III|IV)$")


def _known_person(ent: Span) -> bool:
    """A name of the people table, or one ending in a generational suffix, that the small model
    tags as something else ("Olusegun Obasanjo" as an organisation)."""
    name = _POSSESSIVE.sub("", ent.text.strip(" ,")).strip()
    return name.strip(".").lower() in people() or ent.label_ in ("ORG", "GPE") and bool(_GENERATION.search(name))


#: a capitalised word of four letters or more (short words are often capitalised in headlines too)
_LONG_WORD = re.compile(r"[^\W\d_][\w'’-]{3,}")


def _headline_line(text: str, start: int) -> bool:
    """Whether the line around ``start`` is written in title case, as headlines are ("Obama Says
    African-American Museum ..."): at least four words of four letters or more, nearly all of them
    capitalised. The small model takes a capitalised verb or noun there for part of a name."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line = text[line_start:line_end if line_end >= 0 else len(text)]
    if len(line) > 200:
        return False
    words = _LONG_WORD.findall(line)
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def _headline_only(form: str, forms: Counter[str], headline: Counter[str]) -> bool:
    """Whether ``form`` of a person's name was written only on headline-like lines and ends with a
    word that no form written elsewhere ends with ("Obama Says" beside "Obama"; "Donald Trump" beside
    "Trump" is a name)."""
    if forms[form] > headline[form]:
        return False
    last = {f.split()[-1] for f in forms if forms[f] > headline[f]}
    return bool(last) and form.split()[-1] not in last


def _canonical_names(b: Builder) -> None:
    """A person's name is the full form written most often ("Donald Trump", not the headline's
    "Donald Trump Tells"); every other form written is an alias. A form a headline alone gives
    ("Obama Says", where the text says "Obama") is neither: its mention stays the person's."""
    for actor in b.actors:
        forms = b.forms.get(actor.id)
        if not forms:
            continue
        headline = b.headline_forms.get(actor.id, Counter())
        named = Counter({f: n for f, n in forms.items() if not _headline_only(f, forms, headline)}) or forms
        full = [f for f in named if len(f.split()) > 1] or list(named)
        actor.name = max(full, key=lambda f: (named[f], len(f)))
        texts = {m.text for m in b.mentions if m.actor == actor.id and m.kind == "name"} - (forms.keys() - named.keys())
        actor.aliases = sorted(texts - {actor.name})


def _article_countries(b: Builder) -> Counter[str]:
    """How often the article names each country (through places, groups, bodies and the people
    whose country is known: "Congress is asking Obama to help Iran" is the US Congress)."""
    by_id = {a.id: a for a in b.actors}
    counts: Counter[str] = Counter()
    for m in sorted(b.mentions, key=lambda m: m.start):  # ties go to the first named
        actor = by_id.get(m.actor or "")
        if actor is not None and actor.country:
            counts[actor.country] += 1
    return counts


#: Roles that belong to a state: an office holder's country can be read from the article.
_STATE_ROLES = frozenset({"government", "military", "police", "judiciary", "legislature",
                          "opposition", "intelligence", "elite", "rebels"})


def _office_holders_country(b: Builder) -> None:
    """A person or body given a role but no country ("President Kagame", "the Supreme Court")
    belongs to the country the article names most (ties go to the first named).

    The article, not the sentence: "President Barack Obama's decision to re-open relations with
    Cuba" names Cuba, but the story names the United States more.
    """
    counts = _article_countries(b)
    if not counts:
        return
    country = counts.most_common(1)[0][0]
    for actor in b.actors:
        if actor.kind not in ("person", "org") or actor.code or actor.role not in _STATE_ROLES:
            continue
        actor.country = country
        actor.code = _code(country, _sector_code(actor.role))


def _sector_code(role: str | None) -> str | None:
    from .actor_tables import sectors

    if role == "elite":
        return "ELI"
    return next((code for r, code in sectors().values() if r == role), None) if role else None


# -- places, countries, bodies -------------------------------------------------------------------
def _entry_actor(b: Builder, entry: Entry) -> Actor:
    if entry.kind in ("country", "demonym"):
        return b.actor(f"country:{entry.code}", entry.name, "country", entry.code, None, entry.code)
    kind = "place" if entry.kind == "capital" or is_city(entry.name) else "org"
    return b.actor(f"{entry.kind}:{entry.name}", entry.name, kind, entry.country,
                   role_of_code(entry.code), entry.code)


def _merged(hits: list[Hit], text: str) -> list[Hit]:
    """Adjacent demonyms are one group named by the first ("Bosnian Serbs" is Bosnian)."""
    out: list[Hit] = []
    for hit in hits:
        prev = out[-1] if out else None
        if prev is not None and prev.entry.kind == "demonym" and hit.entry.kind == "demonym" \
                and text[prev.end:hit.start].strip() == "":
            out[-1] = Hit(prev.start, hit.end, text[prev.start:hit.end], prev.entry)
            continue
        out.append(hit)
    return out


_ETHNIC = re.compile(r"\bethnic\s+$", re.I)
_OF_PLACE = re.compile(r"\s+of\s+(the\s+)?((south|north|east|west)(ern)?\s+|central\s+)?$", re.I)
_IN_PLACE = re.compile(r"\s+(of|in)\s+(the\s+)?((south|north|east|west)(ern)?\s+|central\s+)?$", re.I)


def _residence(text: str, hit: Hit, hits: list[Hit]) -> tuple[bool, Hit | None]:
    """(whether the demonym names an ethnic group, the country it lives in). "The Albanians of
    southern Serbia" and "ethnic Albanians in Serbia" live in Serbia; "ethnic Albanians" alone
    name no state at all."""
    ethnic = bool(_ETHNIC.search(text, max(0, hit.start - 8), hit.start))
    pattern = _IN_PLACE if ethnic else _OF_PLACE
    after = next((h for h in hits if h.start > hit.end), None)
    if after is not None and after.entry.kind == "country" and pattern.fullmatch(text[hit.end:after.start]):
        return ethnic, after
    return ethnic, None


def _places(b: Builder) -> None:
    """Gazetteer phrases that are not a person's name or the words describing a person."""
    text = b.article.text
    hits = _merged(b.phrases(), text)
    for hit in hits:
        if any(s <= hit.start < e for s, e in b.described):
            continue
        kind = "description" if hit.entry.kind == "demonym" else "name"
        entry = hit.entry
        if entry.kind == "demonym" and text[hit.start:hit.end].endswith("s"):
            ethnic, home = _residence(text, hit, hits)
            if home is None and ethnic:
                continue  # an ethnicity is no state's actor
            entry = home.entry if home is not None else entry
        b.mention(hit.start, hit.end, _entry_actor(b, entry), kind)


# -- groups and organisations --------------------------------------------------------------------
def _group_parts(b: Builder, chunk: Span, start: int) -> list[tuple[int, int, str]]:
    """(start, end, country) of each country a role phrase names: "US and British forces" is
    "US" and "British forces"; "North Korea's foreign ministry" is one."""
    text = b.article.text
    hits = [h for h in b.phrases() if start <= h.start and h.end <= chunk.end_char and h.entry.country]
    if not hits:
        return []
    between = [text[a.end:c.start] for a, c in zip(hits, hits[1:], strict=False)]
    if len(hits) > 1 and all(re.fullmatch(r"\s*(,|and|or|&)\s*(and\s*)?", s) for s in between):
        last = hits[-1]
        return [(h.start, h.end, h.entry.country or "") for h in hits[:-1]] + [
            (last.start, chunk.end_char, last.entry.country or "")]
    return [(start, chunk.end_char, hits[0].entry.country or "")]


def _has_person(b: Builder, start: int, end: int) -> bool:
    people = {a.id for a in b.actors if a.kind == "person"}
    return any(m.start < end and start < m.end and m.actor in people for m in b.mentions)


def _groups(b: Builder, doc: Doc) -> None:
    """Groups named by a country word plus a role word: "the South Korean government"."""
    text = b.article.text
    for chunk in doc.noun_chunks:
        words = text[chunk.start_char:chunk.end_char]  # Span.text builds every token: slow in bulk
        sector = sector_of(words)
        if sector is None or chunk.root.ent_type_ == "PERSON" or lookup(words) is not None:
            continue
        start = past_dateline(text, chunk.start_char + (4 if words.lower().startswith("the ") else 0), chunk.end_char)
        parts = _group_parts(b, chunk, start)
        if not parts or _has_person(b, start, chunk.end_char):
            continue  # "South Korean President Yoon's office" keeps Yoon
        b.drop_inside(start, chunk.end_char)  # the group replaces the bare country inside it
        for s, e, country in parts:
            actor = b.actor(f"group:{country}{sector[1]}:{chunk.root.lemma_.lower()}",
                            b.article.text[s:e] if len(parts) == 1 else f"{country} {chunk.root.text}",
                            "org", country, sector[0], country + sector[1])
            b.mention(s, e, actor, "description")


def _orgs(b: Builder, doc: Doc) -> None:
    """Organisations spaCy finds that the gazetteer does not know, with the country they name
    ("Kenya Anti-Corruption Commission" is Kenyan, not Kenya)."""
    by_id = {a.id: a for a in b.actors}
    for ent in entities(doc):
        if ent.label_ != "ORG" or lookup(ent.text) is not None:
            continue
        lead = _name_start(b.article.text, ent.start_char, ent.end_char)  # "CLEVELAND - Donald Trump"
        name = _POSSESSIVE.sub("", b.article.text[lead:ent.end_char])
        person = None
        if len(ent) <= 3 or lead > ent.start_char:  # spaCy often calls a surname named before an ORG ("Trump")
            person = _same_person(b, name, shorter_only=lead == ent.start_char)
        if person is not None:
            b.mention(lead, lead + len(name), person)
            continue
        if lead > ent.start_char:
            continue  # a dateline or the line above run into a name that is no one's: nothing to name
        inside = [m for m in b.mentions if m.start < ent.end_char and ent.start_char < m.end]
        if any(by_id[m.actor or ""].kind not in ("country", "place") or m.start < ent.start_char
               or m.end > ent.end_char for m in inside) or len(inside) > 1:
            continue
        country = by_id[inside[0].actor or ""].country if inside else _first_country(ent.text)
        sector = sector_of(ent.text)
        b.drop_inside(ent.start_char, ent.end_char)
        actor = b.actor(f"org:{ent.text.lower()}", ent.text, "org", country,
                        sector[0] if sector else None, _code(country, sector[1] if sector else None))
        by_id[actor.id] = actor
        b.mention(ent.start_char, ent.end_char, actor)


#: A city smaller than this is an actor only where the text marks it as a place.
_TOWN = 100_000
_LOCATIVE = frozenset({"in", "at", "from", "near", "outside", "to", "into", "of"})


def _plausible_city(ent: Span, place: Place, countries: list[str]) -> bool:
    """spaCy tags some surnames as places ("Oshima"): a small town counts only after a
    locative word ("in Jericho") or in a country the article names."""
    before = ent.doc[ent.start - 1].lower_ if ent.start > 0 else ""
    return place.population >= _TOWN or before in _LOCATIVE or place.country in countries


def _other_places(b: Builder, doc: Doc) -> None:
    """Places spaCy finds that are not capitals or countries ("Calgary", "Texas"): actors of their
    country by the gazetteer (an ambiguous name settled by the article's countries)."""
    from .places import resolve_place

    countries = sorted({a.country for a in b.actors if a.country})
    for ent in entities(doc):
        if ent.label_ not in ("GPE", "LOC") or any(
                m.start < ent.end_char and ent.start_char < m.end for m in b.mentions) or any(
                s <= ent.start_char < e for s, e in b.described):
            continue
        name = _POSSESSIVE.sub("", ent.text).strip()
        if not name[:1].isupper() or is_currency(b.article.text, ent.end_char):
            continue  # like the gazetteer: capitalised names only, and "US $50" is money
        place = resolve_place(name, countries)
        if place is None or place.feature == "city" and not _plausible_city(ent, place, countries):
            continue
        country = place.country if place.resolved else None
        actor = b.actor(f"place:{place.name}:{country}", place.name, "place", country, None, country)
        b.mention(ent.start_char, ent.start_char + len(name), actor)


def _surnames(b: Builder, doc: Doc) -> None:
    """A surname of a person named in full that spaCy's small model did not tag there ("Mosman saw
    ..." after "Michael W. Mosman"): a proper noun on its own (not part of a longer name or of a name
    like "Mosman Fund") repeating the last word of a person's full name is that person; of several
    such people, the one named most recently before it."""
    by_surname: dict[str, set[str]] = {}
    for actor in b.actors:
        if actor.kind == "person":
            for form in b.forms.get(actor.id) or [actor.name]:
                words = form.split()
                if len(words) > 1 and words[-1][:1].isupper():
                    by_surname.setdefault(words[-1], set()).add(actor.id)
    if not by_surname:
        return
    by_id = {a.id: a for a in b.actors}
    taken = sorted((m.start, m.end, m.actor) for m in b.mentions)
    starts = [t[0] for t in taken]
    pos = token_table(doc).pos  # plain strings: a Token is built only for the proper nouns
    for i, tag in enumerate(pos):
        if tag != "PROPN":
            continue
        tok = doc[i]
        word = _POSSESSIVE.sub("", tok.text)
        ids = by_surname.get(word)
        if ids is None or tok.ent_type_ not in ("", "PERSON"):
            continue
        left = doc[tok.i - 1] if tok.i > 0 else None
        right = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if left is not None and left.pos_ == "PROPN" or right is not None and right.pos_ == "PROPN":
            continue  # part of a longer name: "Mosman Fund", "Judge Mosman" is left to spaCy
        at = bisect.bisect_right(starts, tok.idx)
        if at and taken[at - 1][1] > tok.idx:
            continue  # inside a mention already
        recent = [a for _, _, a in taken[:at] if a in ids]
        person = by_id[recent[-1] if recent else min(ids)] if recent or len(ids) == 1 else None
        if person is not None:
            b.mention(tok.idx, tok.idx + len(word), person)


def annotate_actors(article: Article, doc: Doc) -> Article:
    """Fill ``article.actors`` and ``article.mentions``."""
    b = Builder(article)
    _people(b, doc)
    _places(b)
    _groups(b, doc)
    _orgs(b, doc)
    _other_places(b, doc)
    _surnames(b, doc)
    _office_holders_country(b)
    _canonical_names(b)
    actor_coref.resolve(b, doc)
    b.mentions.sort(key=lambda m: m.start)
    used = {m.actor for m in b.mentions}
    article.actors = [a for a in b.actors if a.id in used]
    article.mentions = b.mentions
    return article


def actor_for_span(article: Article, start: int, end: int) -> Actor | None:
    """The actor a span of text refers to: the longest mention inside or around it."""
    best: Mention | None = None
    for m in article.mentions:
        if m.start < end and start < m.end and (best is None or m.end - m.start > best.end - best.start):
            best = m
    return article.actor(best.actor) if best else None


def code_for_text(text: str, context_country: str | None = None) -> str | None:
    """A CAMEO-style code for a phrase on its own ("Russian troops" -> RUSMIL, "Seoul" -> KORGOV).

    ``context_country`` (alpha-3) is the country to assume when the phrase names none ("the
    defence ministry" in a Korean story).
    """
    entry: Entry | None = lookup(text)
    if entry is not None:
        return entry.code
    country = _first_country(text) or context_country
    sector = sector_of(text)
    return _code(country, sector[1] if sector else None)
