"""Quotes on invented text: kinds, speakers, cues, relays, odd input."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.model import Article
from dateline.nlp.quotes import _closes, annotate_quotes, direct_spans

NAMES = ["actors", "quotes"]


def quotes(run, text: str):
    return run(text, names=NAMES).quotes


def test_split_direct_quote_is_one_quote_in_two_fragments(run) -> None:
    text = ('Chilean Foreign Minister Elena Vargas spoke on Tuesday. "We value Norway," she said, '
            '"and we are ready to talk."')
    (q,) = [q for q in quotes(run, text) if q.kind == "direct"]
    assert [text[s:e] for s, e in q.fragments] == ['"We value Norway,"', '"and we are ready to talk."']
    assert q.speaker_name == "Elena Vargas"
    assert q.speaker == "she" and text[q.speaker_start:q.speaker_end] == "she"


@pytest.mark.parametrize("text", [
    'Lars Holm said: “The door is open on our side, and we are ready.”',
    "Lars Holm said: ''The door is open on our side, and we are ready.''",
    'Lars Holm said: "The door is open on our side, and we are ready."',
    'Lars Holm said:\n\n”The door is open on our side, and we are ready.”',  # ”...” for both ends
    'Lars Holm said: „The door is open on our side, and we are ready.“',  # German
    'Lars Holm said: „The door is open on our side, and we are ready.”',  # Polish
    'Lars Holm said: «The door is open on our side, and we are ready.»',  # French
    'Lars Holm said: »The door is open on our side, and we are ready.«',  # German, reversed
    'Lars Holm said: ‘The door is open on our side, and we are ready.’',  # single marks
    "Lars Holm said: 'The door is open on our side, and we are ready.'",
    'Fishing talks\n\n“The door is open on our side and we are ready”, said Lars Holm.',  # comma after the mark
    "Fishing talks\n\n‘The door is open on our side and we are ready’, Lars Holm said.",
])
def test_quote_styles(run, text: str) -> None:
    (q,) = [q for q in quotes(run, text) if q.kind == "direct"]
    assert "door is open" in q.text and q.speaker_name == "Lars Holm"


@pytest.mark.parametrize(("text", "stretches"), [
    ("‘The players’ union is strong,’ he said.", ["‘The players’ union is strong,’"]),  # possessive inside
    ("The players' union and the owners' group met.", []),  # apostrophes only
    ("'We will win,' she said of the '90s.", ["'We will win,'"]),  # an elided year opens nothing
    ("He said “it is ‘fine’ now” and left.", ["“it is ‘fine’ now”"]),  # a quote in a quote is the outer one's
    ("Holm hails 'fair deal' with Vargas", ["'fair deal'"]),  # headline style
    ("She said 'no", []),  # unclosed single mark: an apostrophe as likely as a quote
    ("„Ja“ and «oui» and 「はい」", ["„Ja“", "«oui»", "「はい」"]),
])
def test_quoted_stretches_in_other_marks(text: str, stretches: list[str]) -> None:
    assert [text[s.start:s.end] for s in direct_spans(text)] == stretches


def test_content_keeps_its_quote_marks(run) -> None:
    # invented: the parse leaves the opening mark out of content at the very start of a text
    text = "“We will respond firmly”, Lars Holm said on Thursday. He called it a 'fair bargain', and left."
    texts = [q.text for q in quotes(run, text)]
    assert "“We will respond firmly”" in texts
    assert any(t.endswith("'fair bargain'") for t in texts)


def test_closing_style_mark_opens_only_a_paragraph() -> None:
    assert [(s.start, s.end) for s in direct_spans("”We are ready.” ― Lars Holm")] == [(0, 15)]
    assert direct_spans("The fleet ”left port.") == []  # inside a paragraph it opens nothing


def test_indirect_quote_and_relay(run) -> None:
    text = ("Lars Holm said that Norway would present a revised proposal before the end of the month, "
            "according to EFE news agency.")
    (q,) = quotes(run, text)
    assert q.kind == "indirect" and q.text.startswith("that Norway would present")
    assert "according" not in q.text
    assert (q.speaker_name, q.cue, q.relay) == ("Lars Holm", "said", "EFE news agency")


def test_a_relay_named_by_a_possessive_keeps_its_noun(run) -> None:
    # invented: the relay is Holm's account, not a bare "Holm's"
    (q,) = quotes(run, '"We will not give up the quota," Vargas said, according to Holm\'s account.')
    assert (q.speaker, q.relay) == ("Vargas", "Holm's account")


def test_direct_quote_relayed(run) -> None:
    text = '"We will not give up the quota," Vargas said, according to EFE.'
    (q,) = quotes(run, text)
    assert (q.speaker, q.relay) == ("Vargas", "EFE")


@pytest.mark.parametrize("text, speaker, relay, content", [
    # invented sentences: each names who said it and who passed it on, in the ways wire copy does
    ("According to EFE, Lars Holm said Norway would present a revised proposal.", "Lars Holm", "EFE",
     "Norway would present a revised proposal"),
    ("Lars Holm said Norway would present a revised proposal, the Interfax news agency reported.",
     "Lars Holm", "the Interfax news agency", "Norway would present a revised proposal"),
    ("EFE quoted Fisheries Minister Lars Holm as saying that Norway would present a revised proposal.",
     "Fisheries Minister Lars Holm", "EFE", "Norway would present a revised proposal"),
    ("Lars Holm was quoted by Interfax as saying that Norway would present a revised proposal.",
     "Lars Holm", "Interfax", "Norway would present a revised proposal"),
    ("Lars Holm told TASS that Norway would present a revised proposal.", "Lars Holm", "TASS",
     "Norway would present a revised proposal"),
    ("In an interview with CNN, Lars Holm said Norway would present a revised proposal.", "Lars Holm", "CNN",
     "Norway would present a revised proposal"),
    ("Lars Holm told The Oslo Herald Tuesday that Norway would present a revised proposal.", "Lars Holm",
     "The Oslo Herald", "Norway would present a revised proposal"),
    ("Lars Holm told Norwegian television channel NRK that Norway would present a revised proposal.",
     "Lars Holm", "NRK", "Norway would present a revised proposal"),
])
def test_relay_kept_apart_from_the_speaker(run, text: str, speaker: str, relay: str, content: str) -> None:
    (q,) = quotes(run, text)
    assert (q.speaker, q.relay) == (speaker, relay)
    assert content in q.text and relay not in q.text


def test_the_source_that_leads_a_quote_is_no_relay_of_its_own(run) -> None:
    # invented: 'According to Holm, "..."' has Holm as the speaker, and no one relays
    (q,) = quotes(run, 'The report was short. According to Lars Holm, "the quota will not change."')
    assert (q.speaker, q.relay) == ("Lars Holm", None)


def test_words_told_to_people_have_no_relay(run) -> None:
    # invented: aides are no news medium
    (q,) = quotes(run, "Lars Holm told his aides that Norway would present a revised proposal.")
    assert (q.speaker, q.relay) == ("Lars Holm", None)


def test_a_direct_quote_relayed_by_a_passive_quoted(run) -> None:
    # invented: the speaker was quoted by an agency; "as saying by ..." is no quote of its own
    qs = quotes(run, '"We will not give up the quota," Lars Holm was quoted as saying by RIA Novosti.')
    assert [(q.speaker, q.relay) for q in qs] == [("Lars Holm", "RIA Novosti")]


@pytest.mark.parametrize("text", [
    "The two countries signed the 'Northern Waters Agreement' last year.",
    'Officials called it a "red line" for the talks.',
    'The ship, named "Sea Star", left the port.',
])
def test_scare_quotes_and_names_are_not_quotes(run, text: str) -> None:
    assert [q for q in quotes(run, text) if q.kind == "direct"] == []


def test_multi_paragraph_quote() -> None:
    text = 'Vargas said: "The first part of what I said goes on here.\n\n"And it ends here, in the next paragraph."'
    spans = direct_spans(text)
    assert len(spans) == 2 and spans[0].open_ended


def test_quote_alone_continues_previous_speaker(run) -> None:
    text = ('"We value the partnership with Norway," Vargas said.\n\n'
            '"There is a lot of work ahead of both countries."')
    qs = quotes(run, text)
    assert [q.speaker_name for q in qs] == ["Vargas", "Vargas"]


@settings(max_examples=25, deadline=None)
@given(st.text(alphabet=st.sampled_from(list('ab "“”\'‘’.,\n')), max_size=120))
def test_never_raises(text: str) -> None:
    from dateline.nlp.parse import load

    article = annotate_quotes(Article(id="x", text=text), load()(text))
    for q in article.quotes:
        assert text[q.start:q.end] == q.text


def test_relative_pronoun_speaker_is_named(run) -> None:
    text = "The plan was backed by Lars Holm, who said that Norway would present a revised proposal soon."
    (q,) = quotes(run, text)
    assert q.speaker == "who" and q.speaker_name == "Lars Holm"
    text = "The plan was opposed by the Fisheries Directorate, which said that the stocks were too low to allow it."
    (q,) = quotes(run, text)
    assert q.speaker == "which" and q.speaker_name == "the Fisheries Directorate"


def test_parenthetical_attribution(run) -> None:
    text = "The fishing quota will be cut again next year, Lars Holm said, because the stocks are low."
    (q,) = quotes(run, text)
    assert q.kind == "indirect" and q.speaker_name == "Lars Holm" and "quota will be cut" in q.text


# Invented text below, written for these tests.

def test_quoted_piece_of_a_paraphrase_is_not_a_direct_quote(run) -> None:
    text = 'Lars Holm said the plan "lacked any real ambition for the fishing towns of the north."'
    qs = quotes(run, text)
    assert [q.kind for q in qs] == ["mixed"]
    assert qs[0].text.startswith("the plan") and qs[0].speaker_name == "Lars Holm"


def test_learned_clause_finds_attributions_beyond_say(run) -> None:
    text = "Lars Holm urged the European Commission to reopen the talks on fishing quotas before the winter."
    (q,) = quotes(run, text)
    assert (q.kind, q.cue, q.speaker_name) == ("indirect", "urged", "Lars Holm")
    assert q.text.startswith("the European Commission to reopen")


def test_speaker_is_the_subject_of_the_verb_beside_the_quote(run) -> None:
    text = ('"We will not sign this agreement in its present form," Holm told reporters after meeting '
            'Elena Vargas, who declined to comment.')
    (q,) = [q for q in quotes(run, text) if q.kind == "direct"]
    assert (q.speaker, q.cue) == ("Holm", "told")


def test_quote_reported_by_a_verb_outside_the_marks_stays_direct(run) -> None:
    text = 'Vargas warned on Monday that "if Norway cuts the quota again, it would be a very big mistake."'
    (q,) = quotes(run, text)
    assert q.kind == "direct" and q.speaker == "Vargas"


@pytest.mark.parametrize("text", [
    'Lars Holm said he wanted "a fair deal for every fishing town on the northern coast of the country."',
    'Vargas called him "the most stubborn negotiator that this ministry has ever had to deal with."',
])
def test_quoted_words_after_an_unquoted_word_are_mixed(run, text: str) -> None:
    qs = quotes(run, text)
    assert qs and all(q.kind == "mixed" for q in qs)


def test_rules_work_without_the_shipped_model(run, monkeypatch: pytest.MonkeyPatch) -> None:
    from dateline.nlp import quote_model

    monkeypatch.setattr(quote_model, "load", lambda name="quote_model.json": None)
    text = '"We value the partnership with Norway very much," Vargas said on Monday.'
    (q,) = quotes(run, text)
    assert q.kind == "direct" and q.speaker == "Vargas"


def test_direct_features_never_raise_on_marks_at_the_edges() -> None:
    from dateline.nlp.quote_model import direct_features

    for text in ['"', '""', '"a"', "''x''", "“"]:
        assert direct_features(text, 0, len(text), None)


def test_headline_attribution(run) -> None:
    text = "Holm: Norway Will Not Sign the Fishing Deal This Year.\n\nThe talks in Oslo ended on Monday."
    (q,) = [q for q in quotes(run, text) if q.cue == ":"]
    assert (q.speaker, q.text, q.kind) == ("Holm", "Norway Will Not Sign the Fishing Deal This Year", "indirect")


def test_quote_signed_after_a_dash(run) -> None:
    # invented text: reader comments signed on their own line
    text = ("Readers wrote in after the debate.\n\n"
            "“The harbour plan is the best idea this council has had in years.” ― Marta Olsen\n"
            "“I do not trust a word of it and I will vote against it.”― Pieter de Wit.\n")
    direct = [q for q in quotes(run, text) if q.kind == "direct"]
    assert [q.speaker for q in direct] == ["Marta Olsen", "Pieter de Wit"]
    assert all(q.cue == "―" for q in direct)


def test_according_to_closing_a_paragraph(run) -> None:
    # invented text: the source closes its paragraph, and the quote before it has its own speaker
    text = ('"We have never seen numbers like these," Mayor Ana Lind said.\n\n'
            "Thefts in the port district fell by a third last year, according to the city police.\n\n"
            "The council meets on Monday.")
    found = [q for q in quotes(run, text) if q.text.startswith("Thefts")]
    assert [(q.speaker, q.cue) for q in found] == [("the city police", "according to")]
    (direct,) = [q for q in quotes(run, text) if q.kind == "direct"]
    assert direct.relay is None


def test_inverted_speaker_after_the_quote(run) -> None:
    # invented text
    text = "''Several of us were arguing that we had to wait for the right moment,'' recalled Mr. Rhodes."
    (q,) = [q for q in quotes(run, text) if q.kind == "direct"]
    assert q.speaker is not None and q.speaker.endswith("Rhodes")


def test_inverted_noun_phrase_speaker(run) -> None:
    text = ('Talks ended on Friday. "We will not sign this agreement in its present form," added another '
            'Norwegian diplomat.')
    (q,) = [q for q in quotes(run, text) if q.kind == "direct"]
    assert (q.speaker, q.cue) == ("another Norwegian diplomat", "added")


def test_quote_alone_continues_the_attribution_just_before_it(run) -> None:
    text = ('Talks in Oslo\n\n"We will win this vote," Holm said on Monday.\n\n'
            'Elena Vargas said the talks had been calm and friendly.\n\n'
            '"It was a good day for the fishing towns of the north."')
    last = quotes(run, text)[-1]
    assert last.kind == "direct" and last.speaker_name == "Elena Vargas"


def test_name_before_a_colon_speaks_a_quote_with_no_verb(run) -> None:
    text = ('Fishing talks\n\nHere is Lars Holm in an interview from 1992: '
            '"We will never give up the northern fishing grounds to anyone."')
    (q,) = [q for q in quotes(run, text) if q.kind == "direct"]
    assert (q.speaker, q.cue) == ("Lars Holm", ":")


def test_headline_speaker_stops_before_a_verb_or_preposition(run) -> None:
    text = "Fisheries Minister On Quotas: 'We Could Not Have Done It Without You.'\n\nThe talks ended on Friday."
    (q,) = [q for q in quotes(run, text) if q.start < text.find("\n")]
    assert (q.kind, q.speaker, q.cue) == ("direct", "Fisheries Minister", ":")


def test_headline_with_a_long_speaker(run) -> None:
    text = ("Norwegian Fisheries Minister Lars Holm On The Quota Talks: 'We Could Not Have Done It Without You.'"
            "\n\nThe talks ended on Friday.")
    (q,) = [q for q in quotes(run, text) if q.start < text.find("\n")]
    assert (q.kind, q.speaker) == ("direct", "Norwegian Fisheries Minister Lars Holm")


def test_quote_going_on_after_a_mixed_quote_is_its_next_fragment(run) -> None:
    text = ('Talks in Oslo\n\nStill, the fishing towns are "just scraping by," Holm said. '
            '"Nobody in the north has had a good year since the quota was cut."')
    (q,) = quotes(run, text)
    assert q.kind == "mixed" and q.speaker == "Holm"
    assert [text[s:e] for s, e in q.fragments][-1].startswith('"Nobody in the north')


def test_according_to_leading_a_quote(run) -> None:
    # invented text: the source stands before the quote, in a sentence of its own
    text = ("The harbour board met on Friday.\n\n"
            "According to the ministry: “The new quay will open in May, and the old one will close.”")
    (q,) = [q for q in quotes(run, text) if q.kind == "direct"]
    assert (q.speaker, q.cue) == ("the ministry", "According to")


def test_source_of_a_subjectless_verb(run) -> None:
    from dateline.nlp import parse
    from dateline.nlp.quotes import _source

    # invented text: a passive's agent and the noun a participle describes
    passive, participle = parse.parse(["The fine was imposed by the port authority after the audit.",
                                       "The ministry issued a statement saying the quay would reopen."])
    source = _source(next(t for t in passive if t.lemma_ == "impose"))
    assert source is not None and source.text == "authority"
    source = _source(next(t for t in participle if t.lemma_ == "say"))
    assert source is not None and source.text in ("statement", "ministry")


def test_impersonal_attributions_have_no_speaker(run) -> None:
    from dateline.nlp import parse
    from dateline.nlp.quotes import _impersonal

    # invented text
    passive, raising, active, agent = parse.parse([
        "The new quay is expected to open in May.", "The plan seems to have stalled.",
        "Ana Lind said the quay would open in May.", "The plan was approved by the council."])
    assert _impersonal(next(t for t in passive if t.lemma_ == "expect"))
    assert _impersonal(next(t for t in raising if t.lemma_ == "seem"))
    assert not _impersonal(next(t for t in active if t.lemma_ == "say"))
    assert not _impersonal(next(t for t in agent if t.lemma_ == "approve"))


def test_transcript_turns(run) -> None:
    # invented text: a partial transcript, one turn per paragraph
    text = ("Anchor Maria Holt interviewed Governor Lars Berg on Sunday.\n\n"
            "HOLT: Governor, will the harbour plan go ahead this year or not?\n\n"
            "BERG: It will, and the first ships will dock there before the winter comes.\n\n"
            "UPDATE: This story has been updated.")
    turns = [q for q in quotes(run, text) if q.cue == ":"]
    assert [(q.speaker, q.kind) for q in turns] == [("HOLT", "indirect"), ("BERG", "indirect")]
    assert turns[1].text.startswith("It will") and turns[1].text.endswith("winter comes.")


def test_aside_inside_a_quote_is_no_attribution_of_its_own(run) -> None:
    text = ('Holm told reporters that "the quota is too low, and I think the fishing towns of the north '
            'will suffer for years."')
    qs = quotes(run, text)
    assert not [q for q in qs if (q.speaker or "").lower() == "i"]
    assert any(q.speaker == "Holm" for q in qs)


def test_content_that_opens_a_quote_runs_to_its_closing_mark(run) -> None:
    text = ('Vargas added that "the door is open on our side. We are ready to talk about the quota '
            'whenever Norway is ready."')
    (q,) = [q for q in quotes(run, text) if q.speaker == "Vargas"]
    assert q.kind == "mixed" and "whenever Norway is ready" in q.text


def test_extent_candidates_offer_the_full_span_and_cuts(run) -> None:
    from dateline.nlp.parse import load
    from dateline.nlp.quote_model import best_extent, extent_candidates

    text = "Holm said that the talks would resume in May, which surprised the Norwegian delegation."
    doc = load()(text)
    start, end = text.index("the talks"), text.index(".")
    ends = [e for e, _ in extent_candidates(doc, start, end)]
    assert ends[0] == end and text.index(", which") in ends
    assert best_extent(doc, start, end, None) == end


def test_subject_inside_the_quote_is_passed_over() -> None:
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from dateline.nlp.quotes import _subject

    # a parse that hangs a word of the quote on the verb after it as a second subject (invented text)
    words = ['"', "Go", "north", ",", '"', "Holm", "said", "."]
    heads = [1, 6, 1, 6, 6, 6, 6, 6]
    deps = ["punct", "nsubj", "advmod", "punct", "punct", "nsubj", "ROOT", "punct"]
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps)
    verb = doc[6]
    assert _subject(verb).text == "Go"
    assert _subject(verb, [(0, doc[4].idx + 1)]).text == "Holm"


def test_speaker_entity_stops_before_its_verb() -> None:
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from dateline.nlp.quotes import _speaker_span

    # a name tagger that ran one PERSON over 'Holm assured Vargas' (invented text)
    words = ["Holm", "assured", "Vargas", "."]
    doc = Doc(Vocab(), words=words, heads=[1, 1, 1, 1], deps=["nsubj", "ROOT", "dobj", "punct"],
              pos=["PROPN", "VERB", "PROPN", "PUNCT"], ents=["B-PERSON", "I-PERSON", "I-PERSON", "O"])
    assert _speaker_span(doc[0]) == (0, 4)


def test_name_right_before_a_speech_verb_after_the_quote() -> None:
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from dateline.nlp.quotes import _name_before, _Span

    # a parse that took 'said' for a verb of the quote and left it no subject (invented text)
    words = ['"', "We", "will", "win", ",", '"', "police", "Chief", "Ana", "Lind", "said", "."]
    doc = Doc(Vocab(), words=words, pos=["PUNCT", "PRON", "AUX", "VERB", "PUNCT", "PUNCT", "NOUN", "PROPN",
                                         "PROPN", "PROPN", "VERB", "PUNCT"],
              lemmas=['"', "we", "will", "win", ",", '"', "police", "chief", "Ana", "Lind", "say", "."])
    span = _Span(0, doc[5].idx + 1)
    assert _name_before(doc, span, doc[10]).text == "Lind"
    assert _name_before(doc, span, doc[3]) is None


def test_speaker_carried_over_an_abbreviated_title() -> None:
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from dateline.nlp.quotes import _speaker_span

    # a tagger that ended a name at 'Capt' and a parse that left 'Ana Lind' apart (invented text)
    words = ["Army", "Capt", ".", "Ana", "Lind", "said"]
    doc = Doc(Vocab(), words=words, spaces=[True, False, True, True, True, False],
              pos=["PROPN", "PROPN", "PUNCT", "PROPN", "PROPN", "VERB"],
              ents=["B-ORG", "I-ORG", "O", "B-PERSON", "I-PERSON", "O"])
    assert doc.text[slice(*_speaker_span(doc[1]))] == "Army Capt. Ana Lind"


def test_passive_subject_is_a_clause_candidate_of_its_own() -> None:
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from dateline.nlp.quote_model import clause_candidates, clause_features

    # invented text, parsed by hand: 'The border plan was first reported by the Herald .'
    words = ["The", "border", "plan", "was", "first", "reported", "by", "the", "Herald", "."]
    heads = [2, 2, 5, 5, 5, 5, 5, 8, 6, 5]
    deps = ["det", "compound", "nsubjpass", "auxpass", "advmod", "ROOT", "agent", "det", "pobj", "punct"]
    pos = ["DET", "NOUN", "NOUN", "AUX", "ADV", "VERB", "ADP", "DET", "PROPN", "PUNCT"]
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps, pos=pos, lemmas=[w.lower() for w in words])
    passive = [(verb, start, end) for verb, start, end, extent in clause_candidates(doc) if extent == "pass"]
    assert [(verb.text, doc.text[start:end]) for verb, start, end in passive] == [("reported", "The border plan")]
    verb, start, end = passive[0]
    feats = clause_features(doc, verb, start, end, "pass")
    assert "before=pass" in feats and all(f.startswith("pass|") for f in feats if f != "before=pass")
    pronoun = Doc(Vocab(), words=["It", "was", "reported", "."], heads=[2, 2, 2, 2],
                  deps=["nsubjpass", "auxpass", "ROOT", "punct"], pos=["PRON", "AUX", "VERB", "PUNCT"])
    assert not [c for c in clause_candidates(pronoun) if c[3] == "pass"]


def test_participle_on_a_reported_clause_borrows_the_reporter() -> None:
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from dateline.nlp.quotes import _source, _subject

    # invented text, parsed by hand as the parser often does: 'adding' hung on the reported clause
    words = ["Holm", "said", "Vargas", "would", "win", ",", "adding", "that", "talks", "resume", "."]
    heads = [1, 1, 4, 4, 1, 4, 4, 9, 9, 6, 1]
    deps = ["nsubj", "ROOT", "nsubj", "aux", "ccomp", "punct", "advcl", "mark", "nsubj", "ccomp", "punct"]
    tags = ["NNP", "VBD", "NNP", "MD", "VB", ",", "VBG", "IN", "NNS", "VBP", "."]
    pos = ["PROPN", "VERB", "PROPN", "AUX", "VERB", "PUNCT", "VERB", "SCONJ", "NOUN", "VERB", "PUNCT"]
    lemmas = ["Holm", "say", "Vargas", "would", "win", ",", "add", "that", "talk", "resume", "."]
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps, tags=tags, pos=pos, lemmas=lemmas)
    adding = doc[6]
    assert _source(adding).text == "Holm"
    assert _subject(adding, reporter=True).text == "Holm"
    assert _subject(adding).text == "Vargas"  # without reporter: the clause's own subject


def test_speech_verb_joined_to_a_reported_clause_borrows_the_reporter() -> None:
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from dateline.nlp.quotes import _source

    # invented text, parsed by hand: 'added' hung on the reported clause as its second verb
    words = ["Holm", "said", "Vargas", "won", "and", "added", "that", "talks", "resume", "."]
    heads = [1, 1, 3, 1, 3, 3, 8, 8, 5, 1]
    deps = ["nsubj", "ROOT", "nsubj", "ccomp", "cc", "conj", "mark", "nsubj", "ccomp", "punct"]
    tags = ["NNP", "VBD", "NNP", "VBD", "CC", "VBD", "IN", "NNS", "VBP", "."]
    pos = ["PROPN", "VERB", "PROPN", "VERB", "CCONJ", "VERB", "SCONJ", "NOUN", "VERB", "PUNCT"]
    lemmas = ["Holm", "say", "Vargas", "win", "and", "add", "that", "talk", "resume", "."]
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps, tags=tags, pos=pos, lemmas=lemmas)
    assert _source(doc[5]).text == "Holm"


# invented text for the fast paths below: they must agree with spaCy's own objects
_FAST_TEXT = ('Lars Holm said on Monday that Norway would not sign the plan, which he called "a trap." '
              '"We will wait," added Elena Vargas, who urged Oslo to act quickly and warned that the talks '
              'could fail.\n\nThe proposal was first reported by the Herald, according to EFE news agency.')


def test_token_table_agrees_with_spacy() -> None:
    from dateline.nlp.parse import load
    from dateline.nlp.quote_model import _children, doc_text, token_table

    doc = load()(_FAST_TEXT)
    assert doc_text(doc) == doc.text == _FAST_TEXT
    tk = token_table(doc)
    for tok in doc:
        assert _children(tk, tok.i) == [c.i for c in tok.children]
        assert (tk.head[tok.i], tk.dep[tok.i], tk.pos[tok.i], tk.punct[tok.i]) == (tok.head.i, tok.dep_, tok.pos_,
                                                                                   tok.is_punct)
        assert (tk.idx[tok.i], tk.end[tok.i]) == (tok.idx, tok.idx + len(tok.text))
        assert tk.lemma[tok.i] == (tok.lemma_.lower() if tok.pos_ == "VERB" else "")


def test_clause_probability_is_the_probability_of_the_clause_features() -> None:
    from dateline.nlp.parse import load
    from dateline.nlp.quote_model import clause_candidates, clause_features, clause_probability, probability

    doc = load()(_FAST_TEXT)
    weights = {"bias": 0.1, "lemma=say": 1.5, "speech=True": 0.75, "extent=1/1": -0.3, "excluded=none": 0.2,
               "pass|before=pass": 0.4, "n=20+": -1.0}
    candidates = clause_candidates(doc)
    assert candidates and any(extent == "pass" for *_, extent in candidates)
    for verb, start, end, extent in candidates:
        assert clause_probability(doc, verb, start, end, extent, weights) == \
            probability(clause_features(doc, verb, start, end, extent), weights)


def test_clause_candidates_skip_verbs_inside_given_spans() -> None:
    from dateline.nlp.parse import load
    from dateline.nlp.quote_model import clause_candidates

    doc = load()(_FAST_TEXT)
    quoted = [(s.start, s.end) for s in direct_spans(_FAST_TEXT)]
    kept = clause_candidates(doc, skip=quoted)
    assert kept == [c for c in clause_candidates(doc) if not any(s <= c[0].idx < e for s, e in quoted)]


def test_direct_spans_are_shared_but_the_list_is_the_callers() -> None:
    first = direct_spans(_FAST_TEXT)
    first.clear()
    assert direct_spans(_FAST_TEXT) and direct_spans(_FAST_TEXT) == direct_spans(_FAST_TEXT + "")


def test_what_a_hearer_was_told(run) -> None:
    # invented: the parse hangs the 'that' clause on the hearer ('a meeting of ... ministers'), not on 'told'
    text = ("In Bergen last week, Lars Holm told a meeting of Nordic fisheries ministers that few countries "
            "understood the stakes of the quota talks better than Norway.")
    (q,) = quotes(run, text)
    assert q.text.startswith("that few countries understood") and q.text.endswith("better than Norway")
    assert (q.speaker, q.cue) == ("Lars Holm", "told")


@pytest.mark.parametrize("text, speaker, name", [
    ("WASHINGTON -- President Maria Okonkwo said on Monday that the bridge would open in April.",
     "President Maria Okonkwo", "Maria Okonkwo"),
    ("LISBON (Reuters) – Portuguese Prime Minister Rui Mendes said on Monday that the budget would pass.",
     "Portuguese Prime Minister Rui Mendes", "Rui Mendes"),
    ("LISBON, June 3 (Reuters) - Portugal's finance minister said on Monday that the budget would pass.",
     "Portugal's finance minister", None),
    ("MOSCOW, June 5. /TASS/. Russian President Vladimir Putin said on Wednesday that relations with Seoul "
     "were good.", "Russian President Vladimir Putin", "Vladimir Putin"),
])
def test_a_wire_dateline_is_no_part_of_the_speaker(run, text: str, speaker: str, name: str | None) -> None:
    """The parse hangs a dateline on the first subject, or makes its place the subject."""
    (q,) = quotes(run, text)
    assert text[q.speaker_start:q.speaker_end] == speaker
    assert q.speaker_name == (name or speaker)


@pytest.mark.parametrize("text, quoted, cue", [
    ("Maria Okonkwo spoke in Lagos on Monday.\n\n“Do you want to be associated with a fascist?“ she asked.",
     "“Do you want to be associated with a fascist?“", "asked"),
    ("Maria Okonkwo spoke in Lagos on Monday.\n\n“Apparently not,“ she said. “A leopard does not change its spots.”",
     "“Apparently not,“", "said"),
])
def test_an_opening_mark_typed_for_a_closing_one_closes(run, text: str, quoted: str, cue: str) -> None:
    """Smart quotes that turned the wrong way ('“...“') close where a closing mark would stand."""
    assert quoted in [text[s.start:s.end] for s in direct_spans(text)]
    (q,) = quotes(run, text)
    assert (q.kind, q.speaker_name, q.cue) == ("direct", "Maria Okonkwo", cue)


@pytest.mark.parametrize("text, closes", [
    ("an “expedited review“ of", True),
    ("“Apparently not,“ he said", True),
    ("the paragraph ends here.“", True),
    ("we told them “no", False),  # after a space: a mark that opens
    ("“Apparently", False),
])
def test_where_an_opening_mark_closes(text: str, closes: bool) -> None:
    assert _closes(text, text.rindex("“")) is closes


@pytest.mark.parametrize("text, direct", [
    ("Ada Okafor's new documentary “Northern Light” opens in Lagos on Friday.", []),
    ("Ada Okafor spoke on this week's broadcast of “Morning Table,” a radio show.", []),
    ("In her 2019 book, ''Rivers Of Home,'' Ada Okafor wrote about the delta.", []),
    ("Ada Okafor called her film a love letter. “Northern Light,” she said, “is about home.”",
     ["“Northern Light,”", "“is about home.”"]),
])
def test_a_quoted_title_after_a_work_is_no_quote(run, text: str, direct: list[str]) -> None:
    found = [text[s:e] for q in quotes(run, text) if q.kind == "direct" for s, e in (q.fragments or [(q.start, q.end)])]
    assert found == direct
