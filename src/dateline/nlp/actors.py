"""Actors: every person, organisation and place mention resolved to a country, role and code.

How an article is read:

1. Places, countries, demonyms, capitals, agencies and international bodies are found by the
   gazetteer (:mod:`dateline.nlp.actor_tables`), skipping what spaCy tags as a person.
2. People come from spaCy's PERSON entities. Their country and role come from their own context:
   the words before the name in its noun phrase ("Russian President Vladimir Putin", "North
   Korean leader Kim Jong-un") and an apposition after it ("Jang Ho-jin, the National Security
   Office chief of the South Korean presidential office"). A person named again by surname
   ("Putin") is the same actor, and keeps what was learnt about them.
3. Groups named by a country word and a role word ("the South Korean government", "Russian
   troops", "North Korea's foreign ministry") become actors with a country and role.
4. Pronouns (he, she) that are subjects, and titles ("the president"), are linked to the most
   recent person that fits, as ``pronoun`` / ``title`` mentions.

Codes are CAMEO-style: country + sector (``RUSGOV``), a country alone (``KOR``) or an
international body (``IGOUNO``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..model import Actor, Article, Mention
from .actor_tables import Entry, find_phrases, lookup, sector_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

_TITLE_WORDS = re.compile(r"^(president|prime minister|minister|leader|chairman|chief|secretary|"
                          r"spokesman|spokeswoman|general|ambassador|governor|mayor|king|senator|"
                          r"chancellor|premier|official)$", re.I)
_HONORIFIC = re.compile(r"^(mr|mrs|ms|dr|sir|president|prime minister|minister|gen|general|sen)\.?\s+",
                        re.I)


@dataclass
class _Builder:
    """The actors of one article as they are discovered."""

    article: Article
    actors: list[Actor] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    by_key: dict[str, Actor] = field(default_factory=dict)

    def actor(self, key: str, name: str, kind: str, country: str | None, role: str | None,
              code: str | None) -> Actor:
        found = self.by_key.get(key)
        if found is None:
            found = Actor(f"a{len(self.actors)}", name, kind, country, role, code)
            self.actors.append(found)
            self.by_key[key] = found
        else:
            if len(name) > len(found.name) and kind == "person":  # the fullest form is the name
                if found.name not in found.aliases:
                    found.aliases.append(found.name)
                found.name = name
            found.country = found.country or country
            found.role = found.role or role
            found.code = found.code or found.country
        return found

    def mention(self, start: int, end: int, actor: Actor, kind: str = "name") -> None:
        if any(m.start < end and start < m.end for m in self.mentions):
            return
        text = self.article.text[start:end]
        self.mentions.append(Mention(start, end, text, actor.id, kind))
        if kind == "name" and text != actor.name and text not in actor.aliases:
            actor.aliases.append(text)


def _code(country: str | None, sector: str | None, fallback: str | None = None) -> str | None:
    if country and sector:
        return country + sector
    return country or fallback


def _places(b: _Builder, doc: Doc, people: list[tuple[int, int]]) -> None:
    """Gazetteer phrases that are not inside a person's name."""
    for hit in find_phrases(b.article.text):
        start, end, entry = hit.start, hit.end, hit.entry
        if any(s <= start < e for s, e in people):
            continue
        if entry.kind == "demonym":
            continue  # a demonym describes a person or group; it is not an actor alone
        kind = {"country": "country", "capital": "place"}.get(entry.kind, "org")
        actor = b.actor(f"{entry.kind}:{entry.name}", entry.name, kind, entry.country,
                        "government" if entry.code.endswith("GOV") else
                        "media" if entry.code.endswith("MED") else None, entry.code)
        b.mention(start, end, actor)


def _context(doc: Doc, ent: Span) -> str:
    """The words that describe a person: before the name in its phrase, and an apposition."""
    i = ent.start
    before: list[str] = []
    while i > 0 and i - ent.start > -8:
        tok = doc[i - 1]
        if tok.is_punct and tok.text not in ("'s", "’s") or tok.pos_ in ("VERB", "AUX", "ADP", "DET",
                                                                       "PRON", "CCONJ", "SCONJ"):
            break
        before.insert(0, tok.text_with_ws)
        i -= 1
    after = ""
    nxt = ent.end
    if nxt < len(doc) and doc[nxt].text == ",":
        stop = nxt + 1
        while stop < len(doc) and stop - nxt < 16 and doc[stop].text not in (",", ".", ";", '"', "“"):
            stop += 1
        if stop < len(doc) and doc[stop].text in (",", "."):
            after = doc[nxt + 1:stop].text
    return f"{''.join(before)} | {after}"


def _context_country(context: str) -> str | None:
    for hit in find_phrases(context):
        if hit.entry.country:
            return hit.entry.country
    return None


def _people(b: _Builder, doc: Doc) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for ent in doc.ents:
        if ent.label_ != "PERSON" or not any(c.isalpha() for c in ent.text):
            continue
        name = re.sub(r"['’]s?$", "", _HONORIFIC.sub("", ent.text).strip(" ,.")).strip()
        if not name or lookup(name) is not None:
            continue
        words = name.split()
        context = _context(doc, ent)
        country = _context_country(context)
        sector = sector_of(context)
        key = f"person:{words[-1].lower()}"
        actor = b.actor(key, name, "person", country, sector[0] if sector else None,
                        _code(country, sector[1] if sector else None))
        if actor.code is None or (country and sector and len(actor.code) == 3):
            actor.country = actor.country or country
            actor.role = actor.role or (sector[0] if sector else None)
            actor.code = _code(actor.country, _sector_code(actor.role))
        b.mention(ent.start_char, ent.start_char + len(ent.text.rstrip("'’s")) if
                  ent.text.endswith(("'s", "’s")) else ent.end_char, actor)
        spans.append((ent.start_char, ent.end_char))
    return spans


def _sector_code(role: str | None) -> str | None:
    if role is None:
        return None
    from .actor_tables import sectors

    return next((code for r, code in sectors().values() if r == role), None)


def _orgs(b: _Builder, doc: Doc) -> None:
    """Groups named by a country word plus a role word: "the South Korean government"."""
    for chunk in doc.noun_chunks:
        sector = sector_of(chunk.text)
        if sector is None or chunk.root.ent_type_ == "PERSON" or lookup(chunk.text) is not None:
            continue
        country = _context_country(chunk.text)
        if country is None:
            continue
        start = chunk.start_char + (4 if chunk.text.lower().startswith("the ") else 0)
        name = b.article.text[start:chunk.end_char]
        actor = b.actor(f"group:{country}{sector[1]}:{chunk.root.lemma_.lower()}", name, "org",
                        country, sector[0], country + sector[1])
        # the group mention replaces the bare country mention inside it
        b.mentions = [m for m in b.mentions if not (start <= m.start and m.end <= chunk.end_char)]
        b.mention(start, chunk.end_char, actor, "description")
    for ent in doc.ents:
        if ent.label_ == "ORG" and not any(m.start < ent.end_char and ent.start_char < m.end
                                          for m in b.mentions):
            entry = lookup(ent.text)
            country = entry.country if entry else _context_country(ent.text)
            sector = sector_of(ent.text)
            actor = b.actor(f"org:{ent.text.lower()}", ent.text, "org", country,
                            sector[0] if sector else None,
                            entry.code if entry else _code(country, sector[1] if sector else None))
            b.mention(ent.start_char, ent.end_char, actor)


_MALE = frozenset({"he", "him", "his", "himself", "mr", "mr."})
_FEMALE = frozenset({"she", "her", "hers", "herself", "mrs", "mrs.", "ms", "ms."})


def _genders(b: _Builder, doc: Doc, people: list[Mention]) -> dict[str, str]:
    """Each person's gender as the article shows it: an honorific before the name, and the
    pronouns of sentences that name that person and no other."""
    votes: dict[str, list[int]] = {}
    by_sent: dict[int, set[str]] = {}
    for m in people:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        sent = span[0].sent
        by_sent.setdefault(sent.start, set()).add(m.actor or "")
        prev = doc[span.start - 1].lower_ if span.start > 0 else ""
        v = votes.setdefault(m.actor or "", [0, 0])
        v[0] += prev in _MALE
        v[1] += prev in _FEMALE
    for sent in doc.sents:
        ids = by_sent.get(sent.start, set())
        if len(ids) == 1:
            (actor_id,) = ids
            words = [t.lower_ for t in sent]
            votes[actor_id][0] += sum(w in _MALE for w in words)
            votes[actor_id][1] += sum(w in _FEMALE for w in words)
    return {a: ("m" if v[0] > v[1] else "f" if v[1] > v[0] else "?") for a, v in votes.items()}


def _pronouns_and_titles(b: _Builder, doc: Doc) -> None:
    """Subject pronouns and "the president"-style titles -> the person they most likely mean.

    Candidates are people named earlier, outside quotation marks (a name inside someone's quote
    is rarely who the narration's "he" means), of the pronoun's gender where the article shows it.
    A recent subject of a sentence is preferred to any recent mention.
    """
    from .quotes import direct_spans

    by_id = {a.id: a for a in b.actors}
    quoted = [(q.start, q.end) for q in direct_spans(b.article.text)]
    people = sorted((m for m in b.mentions if m.actor in by_id and by_id[m.actor].kind == "person"),
                    key=lambda m: m.start)
    gender = _genders(b, doc, people)
    subjects = {m.start for m in people if _is_subject(doc, m)}
    for tok in doc:
        kind = None
        if tok.lower_ in ("he", "she") and tok.dep_ in ("nsubj", "nsubjpass"):
            kind = "pronoun"
        elif tok.lower_ == "the" and tok.i + 1 < len(doc) and _TITLE_WORDS.match(doc[tok.i + 1].lower_) \
                and doc[tok.i + 1].ent_type_ == "" and (tok.i + 2 >= len(doc) or doc[tok.i + 2].pos_ != "PROPN"):
            kind = "title"
        if kind is None:
            continue
        inside = next(((s, e) for s, e in quoted if s <= tok.idx < e), None)
        prior = [m for m in people if m.end <= tok.idx and
                 (not any(s <= m.start < e for s, e in quoted) or inside and inside[0] <= m.start)]
        if kind == "pronoun":
            want = "m" if tok.lower_ == "he" else "f"
            prior = [m for m in prior if gender.get(m.actor or "", "?") in (want, "?")]
            recent = [m for m in prior if m.start in subjects and tok.idx - m.end < 600]
            prior = recent or prior
        else:
            word = doc[tok.i + 1].lower_
            prior = [m for m in prior if word in " ".join([by_id[m.actor or ""].role or "",
                                                            *by_id[m.actor or ""].aliases]).lower()
                     or by_id[m.actor or ""].role == "government" and word in ("president", "leader")]
        if prior:
            end = tok.idx + len(tok.text) if kind == "pronoun" else doc[tok.i + 1].idx + len(doc[tok.i + 1])
            b.mention(tok.idx, end, by_id[prior[-1].actor or ""], kind)


def _is_subject(doc: Doc, m: Mention) -> bool:
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    return span is not None and any(t.dep_ in ("nsubj", "nsubjpass") for t in span)


def annotate_actors(article: Article, doc: Doc) -> Article:
    """Fill ``article.actors`` and ``article.mentions``."""
    b = _Builder(article)
    people = _people(b, doc)
    _places(b, doc, people)
    _orgs(b, doc)
    _pronouns_and_titles(b, doc)
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
    """A CAMEO-style code for a phrase on its own ("Russian troops" -> RUSMIL, "Seoul" -> KORGOV)."""
    entry: Entry | None = lookup(text)
    if entry is not None:
        return entry.code
    country = _context_country(text) or context_country
    sector = sector_of(text)
    return _code(country, sector[1] if sector else None)
