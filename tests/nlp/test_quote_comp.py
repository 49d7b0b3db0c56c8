"""The complement clause of a word that is no verb as a clause candidate (``comp``), on invented text."""

from __future__ import annotations

from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from dateline.nlp.quote_model import clause_candidates, clause_features
from dateline.nlp.quotes import _holder


def _doc(words: list[str], heads: list[int], deps: list[str], pos: list[str]) -> Doc:
    return Doc(Vocab(), words=words, heads=heads, deps=deps, pos=pos, lemmas=[w.lower() for w in words])


def _text(tok: Token | None) -> str | None:
    return None if tok is None else tok.text


def _confident() -> Doc:
    # invented text, parsed by hand: 'Mayor Lind is confident that the bridge will open .'
    return _doc(["Mayor", "Lind", "is", "confident", "that", "the", "bridge", "will", "open", "."],
                [1, 2, 2, 2, 8, 6, 8, 8, 3, 2],
                ["compound", "nsubj", "ROOT", "acomp", "mark", "det", "nsubj", "aux", "ccomp", "punct"],
                ["PROPN", "PROPN", "AUX", "ADJ", "SCONJ", "DET", "NOUN", "AUX", "VERB", "PUNCT"])


def test_an_adjectives_that_clause_is_a_comp_candidate_fitted_apart() -> None:
    doc = _confident()
    comp = [(cue.text, doc.text[s:e]) for cue, s, e, extent in clause_candidates(doc) if extent == "comp"]
    assert comp == [("confident", "that the bridge will open")]
    cue, start, end, _ = next(c for c in clause_candidates(doc) if c[3] == "comp")
    feats = clause_features(doc, cue, start, end, "comp")
    assert "before=comp" in feats and all(f.startswith("comp|") for f in feats if f != "before=comp")
    assert {"comp|comp=ccomp|mark", "comp|cue_pos=ADJ|acomp", "comp|cue_head=is|acomp"} <= set(feats)
    assert _text(_holder(cue)) == "Lind"  # the copula's subject holds the view


def test_a_nouns_infinitive_is_a_candidate_but_a_verbs_complement_is_not_comp() -> None:
    # invented text, parsed by hand: 'Her plan to close the port worried traders .'
    doc = _doc(["Her", "plan", "to", "close", "the", "port", "worried", "traders", "."],
               [1, 6, 3, 1, 5, 3, 6, 6, 6],
               ["poss", "nsubj", "aux", "acl", "det", "dobj", "ROOT", "dobj", "punct"],
               ["PRON", "NOUN", "PART", "VERB", "DET", "NOUN", "VERB", "NOUN", "PUNCT"])
    comp = [(cue.text, doc.text[s:e]) for cue, s, e, extent in clause_candidates(doc) if extent == "comp"]
    assert comp == [("plan", "to close the port")]
    assert _text(_holder(doc[1])) == "Her"
    # a clause that opens with neither a complementizer nor 'to' ('the port [closed] ...') is no candidate
    plain = _doc(["The", "news", "came", "late", "."], [1, 2, 2, 2, 2],
                 ["det", "nsubj", "ROOT", "advmod", "punct"], ["DET", "NOUN", "VERB", "ADV", "PUNCT"])
    assert not [c for c in clause_candidates(plain) if c[3] == "comp"]


def test_comp_candidates_skip_cues_inside_given_spans() -> None:
    doc = _confident()
    assert not [c for c in clause_candidates(doc, skip=[(0, len(doc.text))]) if c[3] == "comp"]


def test_a_copulas_holder_is_the_possessor_of_its_subject() -> None:
    # invented text, parsed by hand: 'Lind 's answer was that the bridge is safe .'
    doc = _doc(["Lind", "'s", "answer", "was", "that", "the", "bridge", "is", "safe", "."],
               [2, 0, 3, 3, 7, 6, 7, 3, 7, 3],
               ["poss", "case", "nsubj", "ROOT", "mark", "det", "nsubj", "ccomp", "acomp", "punct"],
               ["PROPN", "PART", "NOUN", "AUX", "SCONJ", "DET", "NOUN", "AUX", "ADJ", "PUNCT"])
    comp = [(cue.text, doc.text[s:e]) for cue, s, e, extent in clause_candidates(doc) if extent == "comp"]
    assert comp == [("was", "that the bridge is safe")]
    assert _text(_holder(doc[3])) == "Lind"
    # one of someone's words: the possessor after 'of' ('One of Lind 's answers was that ...')
    doc = _doc(["One", "of", "Lind", "'s", "answers", "was", "that", "it", "is", "safe", "."],
               [5, 0, 4, 2, 1, 5, 8, 8, 5, 8, 5],
               ["nsubj", "prep", "poss", "case", "pobj", "ROOT", "mark", "nsubj", "ccomp", "acomp", "punct"],
               ["NUM", "ADP", "PROPN", "PART", "NOUN", "AUX", "SCONJ", "PRON", "AUX", "ADJ", "PUNCT"])
    assert _text(_holder(doc[5])) == "Lind"
