"""Which quoted stretches are direct quotes, by PolNeAR's conventions (invented text)."""

from __future__ import annotations

import pytest

from dateline.nlp import parse
from dateline.nlp.quotes import _resumes_split_quote, direct_spans


def _parts(text: str) -> bool:
    """Whether the second quoted stretch of ``text`` resumes the first across its attribution."""
    doc = next(parse.parse([text]))
    first, second = direct_spans(text)[:2]
    return _resumes_split_quote(text, doc, first, second)


@pytest.mark.parametrize("text", [
    '"I think the talks will go well," Vargas said at a briefing in Raleigh, N.C., "but many people will watch."',
    "''We value the quota,'' Mr. Holm said on Tuesday, ''and we will keep it.''",
    '"Everything the two of us have said," the judge exclaimed, "has totally overlapped."',
])
def test_second_part_of_a_split_quote_resumes_it(text: str) -> None:
    assert _parts(text)


@pytest.mark.parametrize("text", [
    '"I think the talks will go well," Vargas said. "but many people will watch."',  # a sentence ends between
    '"I think the talks will go well" and "many people will watch," Vargas said.',  # no comma, no verb between
    '"I think the talks will go well," Vargas said at a briefing, "Many people will watch."',  # capital
    '"A good start," the minister of Oslo, "not a solution."',  # no verb between them
])
def test_other_pairs_of_quoted_stretches_do_not(text: str) -> None:
    assert not _parts(text)


def test_split_quote_with_a_lower_case_second_part_is_one_direct_quote(run) -> None:
    text = ('Foreign Minister Elena Vargas spoke on Tuesday. "I think the talks will go well," Vargas said at a '
            'briefing in Oslo, "but a lot of people are going to be watching to see whether that is true."')
    (q,) = [q for q in run(text, names=["actors", "quotes"]).quotes if q.kind == "direct"]
    assert q.fragments is not None and len(q.fragments) == 2
    assert text[q.fragments[1][0]:q.fragments[1][1]].startswith('"but a lot of people')
    assert q.speaker == "Vargas"


@pytest.mark.parametrize("text", [
    'Harbor Minister Tomas Ek warned on Monday that "if the fleet sails south, it would be a very big mistake."',
    'Harbor Minister Tomas Ek warned on Monday that, "if the fleet sails south, it would be a very big mistake."',
    "Harbor Minister Tomas Ek warned on Monday that ''if the fleet sails south, it would be a very big mistake.''",
    "Harbor Minister Tomas Ek warned on Monday that ‘if the fleet sails south, it would be a very big mistake.’",
    "Harbor Minister Tomas Ek warned on Monday that 'if the fleet sails south, it would be a very big mistake.'",
    "Harbor Minister Tomas Ek warned on Monday that »if the fleet sails south, it would be a very big mistake.«",
])
def test_a_direct_quote_after_that_is_its_quoted_words(run, text: str) -> None:
    """Invented text: 'warned that "..."' reports the quoted words; the verb's 'that' is not said."""
    (q,) = [q for q in run(text, names=["actors", "quotes"]).quotes if q.kind == "direct"]
    assert q.text.lstrip("\"'‘»").startswith("if the fleet sails south") and q.text == text[q.start:q.end]
    assert "Tomas Ek" in (q.speaker_name or q.speaker or "")
