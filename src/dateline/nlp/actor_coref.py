"""Pronouns and titles resolved to the people an article names (a part of the actors stage).

"he" and "she" that are subjects, and titles ("the president", "the minister"), are linked to the
most recent person that fits, as ``pronoun`` and ``title`` mentions.
"""

from __future__ import annotations

import importlib.util
import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from spacy.attrs import LOWER

from ..model import Actor, Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from .actors import Builder

_TITLE_WORDS = re.compile(r"^(president|prime minister|minister|leader|chairman|chief|secretary|"
                          r"spokesman|spokeswoman|general|ambassador|governor|mayor|king|senator|"
                          r"chancellor|premier|official)$", re.I)
_MALE = frozenset({"he", "him", "his", "himself", "mr", "mr."})
_FEMALE = frozenset({"she", "her", "hers", "herself", "mrs", "mrs.", "ms", "ms."})
#: How far back (characters) a sentence subject is preferred as a pronoun's antecedent.
_RECENT = 600
#: A first name counts as gendered when at least this share of its bearers are of one gender...
_NAME_SHARE = 0.9
#: ... in at least this many records of the name data.
_NAME_COUNT = 100


#: One entry of nomquamgender's name_data.json: "name": [sources, count, share female, ...]
_NAME_ROW = re.compile(r'"([^\W\d_]+)": \[\d+, (\d+), ([\d.]+)')


@cache
def first_name_genders() -> dict[str, str]:
    """First names that are clearly one gender (``m``/``f``), from the ``nomquamgender`` package's data.

    The package (MIT) ships counts of 720,000 names from 36 national and scholarly sources. Its
    JSON is read where the package installed it, without importing the package (which would import
    pandas), and scanned row by row: ``json.load`` of the whole file would cost 250 MB for a moment,
    the scan 50 MB. An empty table when the package is missing: genders then come from the article.
    """
    spec = importlib.util.find_spec("nomquamgender")
    if spec is None or not spec.submodule_search_locations:
        return {}
    path = Path(next(iter(spec.submodule_search_locations))) / "name_data.json"
    if not path.exists():
        return {}
    out: dict[str, str] = {}
    for m in _NAME_ROW.finditer(path.read_text(encoding="utf-8")):
        count, share = int(m.group(2)), float(m.group(3))
        if count >= _NAME_COUNT and (share >= _NAME_SHARE or share <= 1 - _NAME_SHARE):
            out[m.group(1)] = "f" if share >= _NAME_SHARE else "m"
    return out


def _name_votes(actors: dict[str, Actor]) -> dict[str, list[int]]:
    """A prior vote from each person's first name ("Hillary" f, "Donald" m), worth three pronouns."""
    table = first_name_genders()
    votes: dict[str, list[int]] = {}
    for actor_id, actor in actors.items():
        words = actor.name.split()
        gender = table.get(words[0].lower()) if len(words) > 1 else None
        if gender is not None:
            votes[actor_id] = [3, 0] if gender == "m" else [0, 3]
    return votes


def genders(doc: Doc, people: list[Mention], actors: dict[str, Actor] | None = None) -> dict[str, str]:
    """Each person's gender as the article shows it: ``m``, ``f`` or ``?``.

    Evidence is the first name of the full name, an honorific before the name, and the pronouns
    of sentences that name that person and no other.
    """
    votes = _name_votes(actors or {})
    by_sent: dict[int, set[str]] = {}
    for m in people:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        by_sent.setdefault(span[0].sent.start, set()).add(m.actor or "")
        prev = doc[span.start - 1].lower_ if span.start > 0 else ""
        v = votes.setdefault(m.actor or "", [0, 0])
        v[0] += prev in _MALE
        v[1] += prev in _FEMALE
    lowers = _lowers(doc)
    male, female = _hashes(doc, _MALE), _hashes(doc, _FEMALE)
    for sent in doc.sents:
        ids = by_sent.get(sent.start, set())
        if len(ids) == 1:
            (actor_id,) = ids
            words = lowers[sent.start:sent.end]
            votes[actor_id][0] += sum(w in male for w in words)
            votes[actor_id][1] += sum(w in female for w in words)
    return {a: ("m" if v[0] > v[1] else "f" if v[1] > v[0] else "?") for a, v in votes.items()}


def _lowers(doc: Doc) -> list[int]:
    """The hash of each token's lower-case form (one array: no Token built per word), once per doc:
    :func:`genders` and :func:`resolve` both read it."""
    cached = doc.user_data.get("dateline_lowers")
    if cached is None:
        cached = doc.user_data["dateline_lowers"] = doc.to_array(LOWER).tolist()
    return cached  # type: ignore[no-any-return]


def _hashes(doc: Doc, words: frozenset[str]) -> frozenset[int]:
    return frozenset(doc.vocab.strings[w] for w in words)


def _kind(doc: Doc, tok: Token) -> str | None:
    if tok.lower_ in ("he", "she") and tok.dep_ in ("nsubj", "nsubjpass"):
        return "pronoun"
    if tok.lower_ != "the" or tok.i + 1 >= len(doc):
        return None
    nxt = doc[tok.i + 1]
    if _TITLE_WORDS.match(nxt.lower_) and nxt.ent_type_ == "" and \
            (tok.i + 2 >= len(doc) or doc[tok.i + 2].pos_ != "PROPN"):
        return "title"
    return None


def _is_subject(doc: Doc, m: Mention) -> bool:
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    subj = ("nsubj", "nsubjpass")
    # "Post columnist Ruth Marcus has ...": the name is in apposition to the subject noun
    return span is not None and any(t.dep_ in subj or t.dep_ == "appos" and t.head.dep_ in subj for t in span)


def _fits_title(actor: Actor, word: str) -> bool:
    described = " ".join([actor.role or "", *actor.aliases, actor.name]).lower()
    return word in described or actor.role == "government" and word in ("president", "leader")


def resolve(b: Builder, doc: Doc) -> None:
    """Add pronoun and title mentions for the people ``b`` has found.

    Candidates are people named earlier, outside quotation marks (a name inside someone's quote
    is rarely who the narration's "he" means), of the pronoun's gender where the article shows it.
    A recent subject of a sentence is preferred to any recent mention.
    """
    from .quotes import direct_spans

    by_id = {a.id: a for a in b.actors}
    quoted = [(q.start, q.end) for q in direct_spans(b.article.text)]
    people = sorted((m for m in b.mentions if m.actor in by_id and by_id[m.actor].kind == "person"),
                    key=lambda m: m.start)
    if not people:
        return
    gender = genders(doc, people, by_id)
    subjects = {m.start for m in people if _is_subject(doc, m)}
    # only "he", "she" and "the" can open a mention _kind accepts
    openers = _hashes(doc, frozenset({"he", "she", "the"}))
    for i in [i for i, w in enumerate(_lowers(doc)) if w in openers]:
        tok = doc[i]
        kind = _kind(doc, tok)
        if kind is None:
            continue
        inside = next(((s, e) for s, e in quoted if s <= tok.idx < e), None)
        prior = [m for m in people if m.end <= tok.idx and
                 (not any(s <= m.start < e for s, e in quoted) or inside and inside[0] <= m.start)]
        if kind == "pronoun":
            want = "m" if tok.lower_ == "he" else "f"
            prior = [m for m in prior if gender.get(m.actor or "", "?") in (want, "?")]
            recent = [m for m in prior if m.start in subjects and tok.idx - m.end < _RECENT]
            prior = recent or prior
            known = [m for m in prior if gender.get(m.actor or "") == want]
            prior = known or prior  # a person known to be "she" before one of unknown gender
            end = tok.idx + len(tok.text)
        else:
            word = doc[tok.i + 1]
            prior = [m for m in prior if _fits_title(by_id[m.actor or ""], word.lower_)]
            end = word.idx + len(word.text)
        if prior:
            b.mention(tok.idx, end, by_id[prior[-1].actor or ""], kind)
