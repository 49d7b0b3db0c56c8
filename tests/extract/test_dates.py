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
    ("11.14.2025 09:00 AM", ("2025-11-14T09:00:00", False)),  # dots, but 14 is no month
    ("05.10.2025", ("2025-10-05", False)),  # dots: day first
    ("By Ana Brandt On 11/13/25 at 4:00 PM EST", ("2025-11-13T16:00:00-05:00", False)),  # two-digit year
    ("05/10/25", None),
    ("Version 1.2.20", None),
    ("05/10/2025", None),  # 5 October or May 10: not a guess
    ("19 November 2025, 10:30 GMT", ("2025-11-19T10:30:00+00:00", False)),
    ("Published 3 hours ago", None),
    ("0001-01-01", None),
])
def test_stated_date(text: str, expected: tuple[str, bool] | None) -> None:
    assert stated_date(text) == expected


@pytest.mark.parametrize("text, language, expected", [
    ("sexta-feira, 21 de novembro de 2025 às 20:13", "pt", ("2025-11-21T20:13:00", False)),
    ("Atualizado 21 de novembro de 2025 às 20:13", "pt", None),  # an update
    ("le 19 novembre 2025 à 9h30", "fr", ("2025-11-19T09:30:00", False)),
    ("Publié le 19 nov. 2025", "fr", ("2025-11-19", True)),
    ("19 de septiembre de 2025, 10:03 CET", "es", ("2025-09-19T10:03:00+01:00", False)),
    ("Текст: Анна Брандт · 24 сентября 2025", "ru", ("2025-09-24", False)),  # genitive month
    ("02 Ago 2025", "it", ("2025-08-02", False)),
    ("Posted on Oktober 27, 2025 by Admin", "id", ("2025-10-27", True)),  # month first
    ("19. November 2025, 10:03 Uhr", "de", ("2025-11-19T10:03:00", False)),
    ("2025年11月19日 10:03", "ja", ("2025-11-19T10:03:00", False)),
    ("2025년 11월 19일", None, ("2025-11-19", False)),  # East Asian marks: any language
    ("02 Ago 2025", None, None),  # no language: English month names only
    ("2 ago 2025", "en", None),
    ("31 de fevereiro de 2025", "pt", None),  # no such day
])
def test_stated_date_in_the_pages_language(text: str, language: str | None,
                                           expected: tuple[str, bool] | None) -> None:
    assert stated_date(text, language) == expected


def test_month_names_come_from_the_cldr_per_language() -> None:
    from dateline.extract.dates import month_names

    assert month_names("pt")["outubro"] == 10 and month_names("ru")["сентября"] == 9
    assert month_names("pl")["listopada"] == 11 and month_names("hr")["listopada"] == 10  # why per language
    assert month_names("xx-not-a-language") == {}
    month_names.cache_clear()
    month_names("az")  # Babel's stand-alone names let one locale's months leak into those read after it
    assert "yanvar" not in month_names("pt") and "yan" not in month_names("es")


@pytest.mark.parametrize("text", ["Nov 19, 2025 10:00 -2500", "Published 2025-11-19 12:00 UTC+99",
                                  "Nov 19, 2025 +2400"])
def test_impossible_offsets_give_the_date_not_an_error(text: str) -> None:
    found = stated_date(text)
    assert found is not None and found[0].startswith("2025-11-19")
    assert _iso("2025-11-19 12:00 UTC+99") == "2025-11-19T12:00:00"


@given(st.text(alphabet="0123456789 :+-/.,APMUTCGESTNovDecPublished", max_size=60),
       st.sampled_from([None, "en", "pt", "ru", "ja", "zz"]))
def test_date_readers_never_raise(text: str, language: str | None) -> None:
    stated_date(text, language)
    stated_date(text.replace("Nov", "de novembro de").replace("Dec", "年"), language)
    _iso(text)
