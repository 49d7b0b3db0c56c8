"""Modality of an event: asserted, negated, hypothetical, conditional or intended.

Read from the parse around the trigger: negation ("not", "no plans to", "refused to"),
hypotheticals (could/might/may, "considering", "did not rule out"), conditionals (the main clause
of an "if" sentence) and intentions (will, ready to, plans to, is about to; "announced it would" is
the future of a past statement). A speech verb's complement ("said (that) ...") is a boundary: the report is
not part of what it reports.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..model import Modality


HYPOTHETICAL_HEADS = frozenset({"consider", "reconsider", "weigh", "mull", "review", "explore",
                                "study", "debate", "discuss", "contemplate", "right", "option",
                                "possibility", "ability", "able", "capable", "threat", "risk"})


NEGATING_HEADS = frozenset({"refuse", "decline", "deny", "reject", "fail", "avoid"})


INTENT_HEADS = frozenset({"ready", "plan", "intend", "aim", "seek", "want", "prepare", "promise",
                          "pledge", "vow", "willing", "set", "determined", "commit", "expect",
                          "hope", "try", "agree", "offer", "decide", "prepared", "about"})

#: heads of an act told as imminent ("is about to restore ties"): a future act, but no one's stated intent
IMMINENT_HEADS = frozenset({"about", "be"})


SPEECH_VERBS = frozenset({"say", "tell", "add", "state", "warn", "mention", "stress", "note", "announce",
                          "declare", "insist", "reiterate", "confirm", "claim", "report", "conclude",
                          "argue", "write"})


def chain(tok: Token, depth: int = 4) -> list[Token]:
    """The token and its governors up the clause (xcomp, acl, pcomp ... but not across a
    reporting verb's complement boundary)."""
    out = [tok]
    while depth and tok.head.i != tok.i and tok.dep_ in ("xcomp", "acl", "pcomp", "pobj", "prep",
                                                         "advcl", "conj", "relcl", "dobj", "acomp",
                                                         "ccomp"):
        if tok.dep_ == "ccomp" and tok.head.lemma_.lower() not in NEGATING_HEADS:
            break  # "said (that) X": the report is not part of X's modality
        if tok.dep_ in ("conj", "advcl", "relcl") and any(
                c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
            break  # a clause with its own subject does not inherit its neighbour's modality
        tok = tok.head
        out.append(tok)
        depth -= 1
    return out


def _is(tok: Token, words: frozenset[str]) -> bool:
    """Whether the token's lemma is one of ``words``, also when the small model dropped a final
    "e" from it ("hopes" -> "hop")."""
    lemma = tok.lemma_.lower()
    return lemma in words or lemma + "e" in words


def _would_like(tok: Token) -> bool:
    """"would like": a wish, as "want" is."""
    return tok.lemma_.lower() == "like" and any(c.dep_ == "aux" and c.lower_ == "would" for c in tok.children)


#: subjects that deny the act of their verb ("Neither Chile nor Peru attacked", "No troops crossed", "None of them")
NEGATIVE_SUBJECTS = frozenset({"none", "nobody", "nothing", "neither"})


def _negated(tok: Token) -> bool:
    return any(c.dep_ == "neg" for c in tok.children) or any(
        c.lower_ in ("no", "never") and c.dep_ in ("det", "neg", "advmod") for c in tok.children) or any(
        _negative_subject(c) for c in tok.children if c.dep_ in ("nsubj", "nsubjpass"))


def _negative_subject(subj: Token) -> bool:
    """"Neither Chile nor Peru", "no Chilean troops", "none of the parties": a subject that says no one acted."""
    return subj.lower_ in NEGATIVE_SUBJECTS or any(
        c.dep_ in ("det", "preconj") and c.lower_ in ("no", "neither") for c in subj.children)


def _in_if_clause(tok: Token) -> bool:
    node = tok
    for _ in range(6):
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in node.children):
            return True
        if node.head.i == node.i:
            return False
        node = node.head
    return False


def has_if_clause(tok: Token) -> bool:
    for node in (tok, tok.head):
        for child in node.children:
            if child.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in ("if", "unless")
                                             for g in child.children):
                return True
    return False


def modality(tok: Token) -> Modality:
    """The modality of the event triggered by ``tok`` (see the module docstring)."""
    links = chain(tok)
    if _in_if_clause(tok):
        return "hypothetical"
    heads = [t for t in links[1:]]
    for h in heads:
        if _is(h, HYPOTHETICAL_HEADS):
            return "hypothetical"
        if h.lemma_.lower() == "rule" and _negated(h):
            return "hypothetical"  # "did not rule out supplying"
    negations = sum(_negated(t) for t in links) + sum(_is(h, NEGATING_HEADS) for h in heads)
    auxes = {c.lower_ for t in links[:2] for c in t.children if c.dep_ in ("aux", "auxpass")}
    wishes = [t for t in links[:2] if _would_like(t)]
    if wishes:  # "would like (Peru) to release": a polite wish, not a hypothetical
        auxes = {c.lower_ for t in links[:2] for c in t.children if c.dep_ in ("aux", "auxpass")
                 and t not in wishes}
    if has_if_clause(tok):
        return "conditional"
    if negations % 2 == 1:
        return "negated"
    if auxes & {"would"} and not auxes & {"could", "might", "may"} and reported(tok):
        return "intended"  # "Israel announced it would free ...": the future of a past statement
    if auxes & {"could", "might", "may", "would"}:
        return "hypothetical"
    if auxes & {"will", "shall", "'ll"} or any(_is(h, INTENT_HEADS) or h in wishes for h in heads):
        return "intended"
    if any(c.lower_ == "going" for c in tok.head.children) or tok.head.lower_ == "going":
        return "intended"
    return "asserted"


def reported(tok: Token) -> bool:
    """Inside the complement of a speech verb ("Putin said he appreciates ...")."""
    return speech_verb(tok) is not None


def speech_verb(tok: Token) -> Token | None:
    """The speech verb whose complement holds ``tok``, if any."""
    node = tok
    for _ in range(6):
        if node.dep_ == "ccomp" and node.head.lemma_.lower() in SPEECH_VERBS:
            return node.head
        if node.head.i == node.i:
            return None
        node = node.head
    return None
