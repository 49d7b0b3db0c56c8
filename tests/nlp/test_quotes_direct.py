"""Direct quotes: their speakers and their quote marks (invented text)."""

from __future__ import annotations

import pytest

from dateline.nlp import parse
from dateline.nlp.quotes import _name_run


def _direct(run, text: str) -> list:
    return [q for q in run(text, names=["actors", "quotes"]).quotes if q.kind == "direct"]


@pytest.mark.parametrize(("text", "speaker"), [
    # a description set off by commas between the name and the verb after the quote
    ('"We were far too slow to see what was coming," Marta Ilves, 58, told reporters in Tallinn on Monday.',
     "Marta Ilves"),
    ('"Yes, I back the new harbour plan," Oskar Lind, founder of the Harbour Trust, tells the Gazette.',
     "Oskar Lind"),
    # a verb right after the quote and the name after it, whatever the parse hung the name on
    ('"Boat owners should leave their anchors at home," opined Tallinn\'s Harbour Gazette.', "Harbour Gazette"),
])
def test_speaker_named_after_the_quote(run, text: str, speaker: str) -> None:
    (q,) = _direct(run, text)
    assert q.speaker is not None and speaker.split()[-1] in q.speaker


def test_name_run_needs_a_proper_name_followed_by_a_comma_when_set_off() -> None:
    text = '"It works," Marta Ilves, a farmer, said. "It works," the farmer, a woman, said.'
    doc = next(parse.parse([text]))
    first = text.index("Marta")
    said = next(t.i for t in doc if t.text == "said")
    head = _name_run(doc, first - 1, said, set_off=True)
    assert head is not None and head.text == "Ilves"
    second = text.index("the farmer")
    last_said = [t.i for t in doc if t.text == "said"][-1]
    assert _name_run(doc, second - 1, last_said, set_off=True) is None  # no proper name opens it


@pytest.mark.parametrize("text", [
    'Vargas said: "The plan is good. But "the second mark" was never closed, and "neither is this.',  # odd marks
    "Holm said: ''We are ready,'' and then ''we will see.'' And one more '' left open.",  # NYT-style marks
    'Vargas said: "He told me \'we will win\' and I believed him."',  # a quote inside a quote
    '"A paragraph that opens a quote and never closes it.\n\n"Another one," Vargas said.\n\n"',
    '“Reversed marks“ and ”odd ones” in one line, Vargas said.',
])
def test_odd_marks_give_sane_direct_quotes(run, text: str) -> None:
    for q in run(text, names=["actors", "quotes"]).quotes:
        assert text[q.start:q.end] == q.text
        for start, end in q.fragments or [[q.start, q.end]]:
            assert 0 <= start < end <= len(text)
        if q.kind == "direct" and q.speaker_start is not None and q.speaker_end is not None:
            assert text[q.speaker_start:q.speaker_end] == q.speaker


def test_a_day_after_the_verb_is_no_speaker(run) -> None:
    text = 'The harbour board met again.\n\n"We will not sell the harbour," said Tuesday after the vote.'
    for q in _direct(run, text):
        assert q.speaker is None or "Tuesday" not in q.speaker
