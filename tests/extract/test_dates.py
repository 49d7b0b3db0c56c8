"""Publication dates as pages print them (invented strings)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dateline.extract.dates import stated_date
from dateline.extract.meta import _iso


@pytest.mark.parametrize("text, expected", [
    ("Published 7:07 PM EST Nov 19, 2025", ("2025-11-19T19:07:00-05:00", True)),
    ("PUBLISHED: 10:48, Tue, Nov 18, 2025 | UPDATED: 11:05, Tue, Nov 18, 2025", ("2025-11-18T10:48:00", True)),
    ("Updated Nov. 19, 2025 8:21 am ET / Original Nov. 18, 2025 8:03 am ET", ("2025-11-18T08:03:00-05:00", True)),
    ("Posted July 4, 2025 9:00 am ET", ("2025-07-04T09:00:00-04:00", True)),  # ET in summer is EDT
    ("Updated 8:00 AM Nov 20, 2025", None),
    ("November 19th, 2025 at 8:40 AM", ("2025-11-19T08:40:00", False)),
    ("21:17 18.11.2025", ("2025-11-18T21:17:00", False)),
    ("27/09/2025", ("2025-09-27", False)),
    ("11/19/2025", ("2025-11-19", False)),
    ("05/10/2025", None),  # 5 October or May 10: not a guess
    ("19 November 2025, 10:30 GMT", ("2025-11-19T10:30:00+00:00", False)),
    ("Published 3 hours ago", None),
    ("0001-01-01", None),
])
def test_stated_date(text: str, expected: tuple[str, bool] | None) -> None:
    assert stated_date(text) == expected


@pytest.mark.parametrize("text", ["Nov 19, 2025 10:00 -2500", "Published 2025-11-19 12:00 UTC+99",
                                  "Nov 19, 2025 +2400"])
def test_impossible_offsets_give_the_date_not_an_error(text: str) -> None:
    found = stated_date(text)
    assert found is not None and found[0].startswith("2025-11-19")
    assert _iso("2025-11-19 12:00 UTC+99") == "2025-11-19T12:00:00"


@given(st.text(alphabet="0123456789 :+-/.,APMUTCGESTNovDecPublished", max_size=60))
def test_date_readers_never_raise(text: str) -> None:
    stated_date(text)
    _iso(text)
