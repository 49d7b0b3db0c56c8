"""Pronouns and descriptions resolved to the people an article names (a part of the actors stage).

"he" and "she" that are subjects are linked to the most recent person that fits, as ``pronoun``
mentions. A definite description ending in a role ("the president", "the Vermont senator", "the
former secretary of state", "the Republican nominee") is linked, as a ``title`` mention, to the
person the article itself describes with that role: "Sen. Bernie Sanders (I-Vt.)", "Republican
nominee Donald Trump", "Hillary Clinton, the Democratic nominee, ...". Where no one named earlier
is described so, the description stays unresolved: no guess.
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

#: Role nouns a description can end in, each as the role it names: "nominee" and "hopeful" are
#: both a candidate, "congresswoman" a representative, "mogul" a businessman.
_ROLES = {
    **{w: w for w in (
        "president", "minister", "leader", "chairman", "chief", "secretary", "spokesman", "general",
        "ambassador", "governor", "mayor", "king", "queen", "senator", "chancellor", "official", "candidate",
        "businessman", "director", "commissioner", "judge", "justice", "prosecutor", "lawyer", "economist",
        "strategist", "adviser", "pollster", "executive", "speaker", "lieutenant", "admiral", "colonel",
        "commander", "sheriff", "pope", "prince", "princess", "monarch", "dictator", "billionaire", "host",
        "anchor", "columnist", "author", "professor", "activist", "preacher", "pastor", "bishop", "cardinal",
        "rabbi", "imam", "cleric", "coach", "actor", "actress", "singer", "rapper", "comedian", "star",
        "officer", "detective", "envoy", "diplomat", "negotiator", "congressman", "incumbent", "analyst",
        "correspondent", "reporter", "journalist", "commentator", "editor", "producer", "publisher",
        "researcher", "scientist", "doctor", "surgeon", "physician", "historian", "consultant", "manager",
        "president-elect", "treasurer", "auditor", "clerk", "inspector", "investigator", "agent", "owner",
        "investor", "banker", "entrepreneur", "philanthropist",)},
    "spokeswoman": "spokesman", "spokesperson": "spokesman", "chairwoman": "chairman",
    "chairperson": "chairman", "congresswoman": "congressman", "nominee": "candidate",
    "hopeful": "candidate", "contender": "candidate", "front-runner": "candidate",
    "frontrunner": "candidate", "challenger": "candidate", "mogul": "businessman", "tycoon": "businessman",
    "businesswoman": "businessman", "developer": "businessman", "advisor": "adviser", "counselor": "adviser",
    "lawmaker": "congressman", "legislator": "congressman", "representative": "congressman",
    "ceo": "executive", "magnate": "businessman", "founder": "executive", "premier": "minister",
    "chair": "chairman", "attorney": "lawyer",
}
#: Heads that say the person's gender.
_FEMALE_ROLES = frozenset({"spokeswoman", "chairwoman", "congresswoman", "businesswoman", "queen",
                           "princess", "actress"})
_MALE_ROLES = frozenset({"spokesman", "chairman", "congressman", "businessman", "king", "prince"})
_ROLE_SET = frozenset(_ROLES.values())
#: Abbreviated titles before a name ("Sen. Bernie Sanders") as the role noun they stand for.
_ABBREVIATIONS = {"sen": "senator", "rep": "representative", "gov": "governor", "pres": "president",
                  "sec": "secretary", "secy": "secretary", "gen": "general", "amb": "ambassador",
                  "atty": "attorney", "lt": "lieutenant", "adm": "admiral", "col": "colonel",
                  "cmdr": "commander", "prof": "professor", "rev": "preacher", "supt": "director"}
#: A congressional label after a name, "(D-Calif.)", "(R-Texas)", "(I-Vt.)": party and state.
_PARTY_LABEL = re.compile(r"^\(([DRI])-([A-Z][A-Za-z. ]{1,14}?)\.?[),]")
_PARTIES = {"d": "democratic", "r": "republican", "i": "independent"}
#: The states as news style abbreviates them in such labels (postal codes are looked up too).
_STATES = {
    "ala": "alabama", "al": "alabama", "ak": "alaska", "ariz": "arizona", "az": "arizona",
    "ark": "arkansas", "ar": "arkansas", "calif": "california", "ca": "california", "colo": "colorado",
    "co": "colorado", "conn": "connecticut", "ct": "connecticut", "del": "delaware", "de": "delaware",
    "fla": "florida", "fl": "florida", "ga": "georgia", "hi": "hawaii", "id": "idaho", "ill": "illinois",
    "il": "illinois", "ind": "indiana", "in": "indiana", "ia": "iowa", "kan": "kansas", "ks": "kansas",
    "ky": "kentucky", "la": "louisiana", "me": "maine", "md": "maryland", "mass": "massachusetts",
    "ma": "massachusetts", "mich": "michigan", "mi": "michigan", "minn": "minnesota", "mn": "minnesota",
    "miss": "mississippi", "ms": "mississippi", "mo": "missouri", "mont": "montana", "mt": "montana",
    "neb": "nebraska", "ne": "nebraska", "nev": "nevada", "nv": "nevada", "n.h": "new hampshire",
    "nh": "new hampshire", "n.j": "new jersey", "nj": "new jersey", "n.m": "new mexico",
    "nm": "new mexico", "n.y": "new york", "ny": "new york", "n.c": "north carolina",
    "nc": "north carolina", "n.d": "north dakota", "nd": "north dakota", "oh": "ohio",
    "okla": "oklahoma", "ok": "oklahoma", "ore": "oregon", "or": "oregon", "pa": "pennsylvania",
    "r.i": "rhode island", "ri": "rhode island", "s.c": "south carolina", "sc": "south carolina",
    "s.d": "south dakota", "sd": "south dakota", "tenn": "tennessee", "tn": "tennessee", "tex": "texas",
    "tx": "texas", "ut": "utah", "vt": "vermont", "va": "virginia", "wash": "washington",
    "wa": "washington", "w.va": "west virginia", "wv": "west virginia", "wis": "wisconsin",
    "wi": "wisconsin", "wyo": "wyoming", "wy": "wyoming",
}
#: Words of a description that say nothing about whom it means.
_EMPTY_MODIFIERS = frozenset({"former", "then", "current", "new", "same", "late", "top", "senior",
                              "longtime", "veteran", "embattled", "outgoing", "incoming", "acting"})
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


def _description(doc: Doc, i: int) -> tuple[Token, list[Token]] | None:
    """(head, modifiers) of a definite description opening at ``doc[i]`` ("the"), one that ends in a
    role noun: "the president", "the Vermont senator", "the 74-year-old businessman". None for a
    title before a name ("the Vermont senator Bernie Sanders": the name is the mention), for a role
    noun that modifies another ("the president's plan" is fine, "the senator race" is no person) and
    for a possessive on the way ("the campaign's spokesman" is not the campaign)."""
    modifiers: list[Token] = []
    for k in range(i + 1, min(i + 9, len(doc))):
        tok = doc[k]
        if tok.lower_ in _ROLES and tok.dep_ != "compound" and tok.ent_type_ != "PERSON":
            nxt = doc[k + 1] if k + 1 < len(doc) else None
            if nxt is not None and (nxt.pos_ == "PROPN" or nxt.ent_type_ == "PERSON"):
                return None
            return tok, modifiers
        if tok.pos_ not in ("ADJ", "PROPN", "NOUN", "NUM") and tok.text != "-" or tok.tag_ == "POS":
            return None
        modifiers.append(tok)
    return None


def _role_words(words: list[str]) -> set[str]:
    """The words of a description of a person, lower-cased, with each role noun also as the role
    it names and each abbreviated title as its role ("Sen." -> senator)."""
    out = set()
    for word in words:
        w = word.lower().strip(".,'’")
        w = _PARTY_NAMES.get(w, _ABBREVIATIONS.get(w, w))
        out.add(w)
        if w in _ROLES:
            out.add(_ROLES[w])
    return out


def _described_as(b: Builder, doc: Doc, by_id: dict[str, Actor]) -> dict[str, set[str]]:
    """For each person, the words the article describes them with next to their name: the words
    before it ("Vermont Sen."), an apposition after it (", the Democratic nominee,") and a
    congressional label's party ("(I-Vt.)")."""
    from .actors import _apposition, _before, _strip_titles

    text = b.article.text
    out: dict[str, set[str]] = {}
    for m in b.mentions:
        actor = by_id.get(m.actor or "")
        if m.kind != "name" or actor is None or actor.kind != "person":
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        start, _ = _before(doc, span)
        titles = m.text[:len(m.text) - len(_strip_titles(m.text))]
        words = [t.text for t in doc[start:span.start]] + titles.split() + _apposition(doc, span).split()
        label = _PARTY_LABEL.match(text[m.end:m.end + 20].lstrip(" "))
        if label is not None:
            state = label.group(2).strip(" .").lower()
            words += [_PARTIES[label.group(1).lower()], *_STATES.get(state, state).split()]
        out.setdefault(actor.id, set()).update(_role_words(words))
    return out


#: Party words: a description naming one party is never a person the article gives another.
_PARTY_WORDS = frozenset({"democratic", "republican", "independent", "libertarian", "green"})
#: other words for a party, as the party word above
_PARTY_NAMES = {"gop": "republican", "democrat": "democratic"}


def _fitting(head: Token, modifiers: list[Token], prior: list[Mention], by_id: dict[str, Actor],
             described: dict[str, set[str]], gender: dict[str, str], subjects: set[int]) -> list[Mention]:
    """The people of ``prior`` that the description ``modifiers`` + ``head`` may mean, the likeliest
    last.

    First those the article describes with its role ("Sen. Bernie Sanders" for "the senator"), the
    more of the description's other words the article also gives them the likelier ("Vermont",
    "Republican"). Where the article describes no one so, a recent subject it gives no role at all
    ("Trump said ... The candidate added": the reader is told who the candidate is by the story, not
    by a title). Never one of another gender where the noun gives one ("the spokeswoman"), nor one
    of another party ("the Democratic nominee" is no one called a Republican)."""
    role = _ROLES[head.lower_]
    want = "f" if head.lower_ in _FEMALE_ROLES else "m" if head.lower_ in _MALE_ROLES else None
    words = _role_words([t.text for t in modifiers]) - _EMPTY_MODIFIERS
    parties = words & _PARTY_WORDS
    possible = [m for m in prior
                if (want is None or gender.get(m.actor or "", "?") in (want, "?")) and
                not (parties and described.get(m.actor or "", set()) & _PARTY_WORDS and
                     not parties & described.get(m.actor or "", set()))]
    scored = [(len(words & described[m.actor or ""]), order, m) for order, m in enumerate(possible)
              if role in described.get(m.actor or "", set())]
    if scored:
        return [m for *_, m in sorted(scored, key=lambda x: (x[0], x[1]))]
    start = head.idx
    return [m for m in possible if m.start in subjects and start - m.end < _RECENT and
            not described.get(m.actor or "", set()) & _ROLE_SET]


def _named_next(head: Token) -> int | None:
    """Where the name starts that follows the description of ``head`` as its apposition ("the
    minister of the economy, Mr. Ildefonso Guajardo, said"), or None."""
    doc = head.doc
    k = max([c.right_edge.i for c in head.rights if c.dep_ == "prep"] + [head.i]) + 1  # past "of the economy"
    if k + 1 >= len(doc) or doc[k].text != ",":
        return None
    nxt = doc[k + 1]
    if nxt.lower_.rstrip(".") in ("mr", "mrs", "ms", "dr") and k + 2 < len(doc):
        nxt = doc[k + 2]
    return nxt.idx if nxt.pos_ == "PROPN" else None


def _is_subject(doc: Doc, m: Mention) -> bool:
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    subj = ("nsubj", "nsubjpass")
    # "Post columnist Ruth Marcus has ...": the name is in apposition to the subject noun
    return span is not None and any(t.dep_ in subj or t.dep_ == "appos" and t.head.dep_ in subj for t in span)


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
    described = _described_as(b, doc, by_id)
    subjects = {m.start for m in people if _is_subject(doc, m)}
    # only "he", "she" and "the" can open a pronoun or a description
    openers = _hashes(doc, frozenset({"he", "she", "the"}))
    for i in [i for i, w in enumerate(_lowers(doc)) if w in openers]:
        tok = doc[i]
        described_here = _description(doc, i) if tok.lower_ == "the" else None
        if described_here is not None:
            kind = "title"
        elif tok.lower_ in ("he", "she") and tok.dep_ in ("nsubj", "nsubjpass"):
            kind = "pronoun"
        else:
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
            head, modifiers = described_here  # type: ignore[misc]
            named = _named_next(head)
            if named is not None:  # "the minister of the economy, Mr. Guajardo,": the name says who
                prior = [m for m in people if m.start == named]
            else:
                prior = _fitting(head, modifiers, prior, by_id, described, gender, subjects)
            end = head.idx + len(head.text)
        if prior:
            if kind == "title":  # "the Vermont senator" is the senator, not a mention of Vermont
                b.drop_inside(tok.idx, end)
            b.mention(tok.idx, end, by_id[prior[-1].actor or ""], kind)
