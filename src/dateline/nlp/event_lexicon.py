"""The event lexicon: CAMEO codes with their PLOVER types and Goldstein values, and the trigger
words that signal them.

``data/cameo.json`` holds the CAMEO table (built by ``scripts/build_cameo.py``);
``data/event_verbs.tsv`` and ``data/event_nouns.tsv`` are the project's own trigger lists, written
from the CAMEO category definitions: a verb's row fires when the words after it (its object and
complement) match the row's pattern, and the first row of a lemma that matches wins.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING

from .. import settings

if TYPE_CHECKING:
    from spacy.tokens import Token


@dataclass(frozen=True, slots=True)
class Trigger:
    lemma: str
    objects: re.Pattern[str] | None
    code: str
    plover: str | None


def _rows(name: str) -> list[list[str]]:
    text = resources.files("dateline.data").joinpath(name).read_text(encoding="utf-8")
    return [ln.split("\t") for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


@functools.cache
def cameo() -> dict[str, dict[str, object]]:
    text = resources.files("dateline.data").joinpath("cameo.json").read_text(encoding="utf-8")
    return json.loads(text)["codes"]  # type: ignore[no-any-return]


@functools.cache
def verb_triggers() -> dict[str, list[Trigger]]:
    table: dict[str, list[Trigger]] = {}
    for row in _rows("event_verbs.tsv"):
        lemma, objects, code = row[0], row[1], row[2]
        plover = row[3].strip() if len(row) > 3 and row[3].strip() else None
        table.setdefault(lemma, []).append(
            Trigger(lemma, re.compile(objects, re.I) if objects else None, code.strip(), plover))
    return table


@functools.cache
def noun_triggers() -> dict[str, tuple[str, str | None]]:
    return {r[0]: (r[1].strip(), (r[2].strip() or None) if len(r) > 2 else None)
            for r in _rows("event_nouns.tsv")}


def describe(code: str) -> tuple[str | None, float | None]:
    """(PLOVER type, Goldstein value) of a CAMEO code."""
    entry = cameo().get(code) or cameo().get(code[:3]) or cameo().get(code[:2]) or {}
    goldstein = entry.get("goldstein")
    return entry.get("plover"), float(goldstein) if isinstance(goldstein, int | float) else None  # type: ignore[return-value]


#: PLOVER v0.5b1 coded a statement about an act by the statement (CAMEO 03, 12, 13)
STATEMENT_TYPES_2016 = {"03": "AGREE", "12": "REJECT", "13": "THREATEN"}


#: CAMEO roots of a statement about an act, a refusal (12) or a threat (13), which PLOVER codes as the statement
REFUSAL_OR_THREAT = frozenset({"12", "13"})


def plover_label(plover: str | None, code: str, mode: str | None = None) -> str | None:
    """The PLOVER type under the ``plover_labels`` setting. A refusal or threat (CAMEO 12, 13) is
    REJECT or THREATEN under either set of names: PLOVER's REJECT is all refusals and its THREATEN
    all threats, the act being only their mode, and the 2021 table maps every 12x and 13x code so
    (``plover`` may name the refused or threatened act; the record's modality still tells the
    act's: "refused to release" is REJECT, negated). PLOVER v0.5b1 (2016) still had
    DEMAND (now REQUEST), DISAPPROVE and INVESTIGATE (now ACCUSE) and FIGHT (conventional force,
    CAMEO 19-20 with blockades and occupation, now ASSAULT or COERCE), and counted destroying
    property as COERCE; its AGREE also covered a commitment to a future act of cooperation (a CAMEO
    04-08 act whose ``mode`` is "intended": "will visit", "will release"), which 2021 codes as the
    act itself with the mode "intended"."""
    if plover is not None and code[:2] in REFUSAL_OR_THREAT:
        return STATEMENT_TYPES_2016[code[:2]]  # the 2021 table's type of every 12x and 13x code, as v0.5b1's
    if plover is None or settings.get("plover_labels") != "2016":
        return plover
    root = code[:2]
    if mode == "intended" and root in ("04", "05", "06", "07", "08"):
        return "AGREE"  # v0.5b1: a commitment to future cooperation is AGREE ("AGREE ~ SUPPORT + future")
    if code[:3] == "081":
        return "CONCEDE"  # v0.5b1's CONCEDE is CAMEO 081-083; the 2021 table moved eased curfews to RETREAT
    if code == "0831":
        return "RETREAT"  # v0.5b1 listed resigning as a RETREAT (its mode "resign")
    if root in STATEMENT_TYPES_2016:
        return STATEMENT_TYPES_2016[root]  # a promise: 2021 codes the promised act with the mode "intended"
    if root in ("19", "20"):
        return "FIGHT"  # all conventional force, also blockades and occupation (191, 192; COERCE in the 2021 table)
    if plover == "REQUEST":
        return "DEMAND"
    if plover == "ACCUSE":
        return "INVESTIGATE" if root == "09" else "DISAPPROVE"
    if plover == "ASSAULT":
        return "FIGHT" if root in ("19", "20") else "COERCE" if root == "17" else "ASSAULT"
    return plover


def complement_text(tok: Token) -> str:
    """The words after the verb, with its object; a passive's subject is its object too ("Chilean
    prisoners were released")."""
    patient = {t.i for c in tok.children if c.dep_ == "nsubjpass" for t in c.subtree}
    return " ".join(t.lower_ for t in tok.subtree if t.i > tok.i or t.dep_ in ("dobj", "prt") or t.i in patient)


def match_trigger(tok: Token) -> Trigger | None:
    if tok.pos_ != "VERB" or tok.dep_ in ("amod", "compound"):
        return None  # "the proposed changes" names no act of proposing
    table = verb_triggers()
    lemma = tok.lemma_.lower()
    if lemma not in table:
        if lemma + "e" in table and tok.lower_.startswith(lemma + "e"):
            lemma += "e"  # the small model's lemmatizer drops a final "e" now and then ("staged" -> "stag")
        elif lemma.endswith("e") and lemma[:-1] in table and tok.lower_.startswith(lemma[:-1]):
            lemma = lemma[:-1]  # and adds one now and then ("cordoned" -> "cordone")
        else:
            return None
    if tok.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass") and tok.tag_ in ("VBZ", "VBP", "VBD"):
        return None  # a finite verb in a noun's place is a mistagged noun ("meet hostage-takers demands")
    if tok.tag_ == "VBG" and any(c.dep_ == "det" for c in tok.children):
        return None  # a gerund with an article is a noun naming an act, not a verb ("information on a shooting")
    words = None  # the complement's words, built only once a trigger asks what they are
    for trig in table[lemma]:
        if trig.objects is None:
            return trig
        if words is None:
            words = complement_text(tok)
        if trig.objects.search(words):
            return trig
    return None
