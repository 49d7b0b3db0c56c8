"""Quotes on invented text: kinds, speakers, cues, relays, odd input."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.model import Article
from dateline.nlp.quotes import annotate_quotes, direct_spans

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
])
def test_quote_styles(run, text: str) -> None:
    (q,) = [q for q in quotes(run, text) if q.kind == "direct"]
    assert "door is open" in q.text and q.speaker_name == "Lars Holm"


def test_indirect_quote_and_relay(run) -> None:
    text = ("Lars Holm said that Norway would present a revised proposal before the end of the month, "
            "according to EFE news agency.")
    (q,) = quotes(run, text)
    assert q.kind == "indirect" and q.text.startswith("that Norway would present")
    assert "according" not in q.text
    assert (q.speaker_name, q.cue, q.relay) == ("Lars Holm", "said", "EFE news agency")


def test_direct_quote_relayed(run) -> None:
    text = '"We will not give up the quota," Vargas said, according to EFE.'
    (q,) = quotes(run, text)
    assert (q.speaker, q.relay) == ("Vargas", "EFE")


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


def test_parenthetical_attribution(run) -> None:
    text = "The fishing quota will be cut again next year, Lars Holm said, because the stocks are low."
    (q,) = quotes(run, text)
    assert q.kind == "indirect" and q.speaker_name == "Lars Holm" and "quota will be cut" in q.text
