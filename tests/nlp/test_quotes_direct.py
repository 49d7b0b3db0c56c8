"""Direct quotes from odd quote marks, and a day that is no speaker (invented text)."""

from __future__ import annotations

import pytest


def _direct(run, text: str) -> list:
    return [q for q in run(text, names=["actors", "quotes"]).quotes if q.kind == "direct"]


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
