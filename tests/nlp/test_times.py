"""Time expressions: table-driven cases with anchors around month and year boundaries."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.nlp.times import find_times, resolve

CASES = [
    ("said Wednesday", "2024-06-06", "Wednesday", "2024-06-05"),
    ("on Thursday", "2024-06-06", "on Thursday", "2024-06-06"),
    ("last Thursday", "2024-06-06", "last Thursday", "2024-05-30"),
    ("warned on the 20th (local time)", "2024-06-21", "on the 20th (local time)", "2024-06-20"),
    ("on the 30th", "2024-03-02", "on the 30th", None),
    ("on the 28th", "2024-03-02", "on the 28th", "2024-02-28"),
    ("began his term last month", "2024-01-15", "last month", "2023-12"),
    ("since September's summit", "2024-06-06", "September", "2023-09"),
    ("in March", "2024-06-06", "in March", "2024-03"),
    ("yesterday", "2024-01-01", "yesterday", "2023-12-31"),
    ("Saturday night", "2017-01-10", "Saturday night", "2017-01-07"),
    ("last week", "2024-06-06", "last week", "2024-W22"),
    ("two days ago", "2024-06-06", "two days ago", "2024-06-04"),
    ("last year", "2024-06-06", "last year", "2023"),
    ("shot last weekend", "2024-06-06", "last weekend", "2024-06-01"),
    ("on June 20, 2024", None, "June 20, 2024", "2024-06-20"),
    ("on 20 June 2024", None, "20 June 2024", "2024-06-20"),
    ("on 2024-06-20", None, "2024-06-20", "2024-06-20"),
    ("signed in 1961", None, "in 1961", "1961"),
    ("on Dec. 30", "2025-01-02", "Dec. 30", "2024-12-30"),
]


@pytest.mark.parametrize("text, anchor, expr, value", CASES)
def test_resolution(text: str, anchor: str | None, expr: str, value: str | None) -> None:
    found = {t.text: t for t in find_times(f"Invented: the minister {text}.", anchor)}
    assert expr in found, found
    assert found[expr].value == value


@pytest.mark.parametrize("text", ["said Wednesday", "on the 20th (local time)", "last month",
                                  "yesterday", "in March"])
def test_no_anchor_means_unknown(text: str) -> None:
    (t,) = find_times(f"Invented: he {text}.", None)
    assert (t.value, t.status) == (None, "unknown")


@pytest.mark.parametrize("text", ["He may go.", "Protesters march today.", "the 3rd man", "A 1,961 count"])
def test_not_time_expressions(text: str) -> None:
    assert all(t.text.lower() not in ("may", "march", "the 3rd", "1,961") for t in find_times(text, "2024-06-06"))


def test_resolve_single_expression() -> None:
    assert resolve("last month", date(2024, 1, 15)) == ("2023-12", "resolved")
    assert resolve("nonsense", date(2024, 1, 15)) == (None, "unknown")


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=200))
def test_never_raises_and_offsets_match(text: str) -> None:
    for t in find_times(text, "2024-02-29"):
        assert text[t.start:t.end] == t.text


#: invented words and marks that rules start, end or fail on, for the scan test below
_PIECES = ["June", "20", "20th", "2024", "2024-06-20", "June 20, 2024", "in 2024", "on the 20th", "may 5",
           "of", "on", "the", "last", "next", "mid-", "May's", "dismay", "Monday", "night", "two", "days",
           "ago", "yesterday", "this", "week", "in", "a", "é", "x", "_", "\u00a0", " ", "  ", ",", ".",
           "(local time)", "'s", "-", "\n"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40))
def test_scans_find_what_finditer_finds(pieces: list[str]) -> None:
    """times._matches looks for some rules without their opening \\b and checks it where they match:
    it must find exactly what each rule's finditer finds."""
    from dateline.nlp.times import _LOOSE, _SCANS, RULES, _matches

    text = "".join(pieces)
    for (pattern, _), scan, loose in zip(RULES, _SCANS, _LOOSE, strict=True):
        expected = [m.span() for m in pattern.finditer(text)]
        assert [m.span() for m in _matches(pattern, scan, loose, text, text.lower())] == expected, pattern.pattern
