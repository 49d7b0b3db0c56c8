"""Publication dates as pages print them: "Published 7:07 PM EST Nov 19, 2019", "PUBLISHED: 10:48, Tue,
Nov 19, 2019 | UPDATED: ...", "21:17 18.11.2019", "November 19th, 2019 at 8:40 AM".

Used for a flattened page's lines above its body and for an HTML element the page marks as its
publication date. An update is never taken for the publication, and a numeric date that could be read
day-first or month-first ("05/10/2018") gives None: never a guess.
"""

from __future__ import annotations

import functools
import re
import warnings
from datetime import datetime, tzinfo

_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
#: a date, optionally after a label ("Published:", "입력"); the label group only catches one that stands
#: right before the date
DATE_LINE = re.compile(
    r"(?:(?P<label>published|posted|updated|modified|original|입력|수정|发布|опубликовано)\s*[:：]?\s*)?"
    r"(?P<date>\d{4}[-./]\d{1,2}[-./]\d{1,2}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?|"
    rf"{_MONTH} \d{{1,2}}(?:st|nd|rd|th)?,? \d{{4}}|"
    rf"\d{{1,2}}(?:st|nd|rd|th)? (?:of )?{_MONTH},? \d{{4}}|"
    r"\d{1,2}[./]\d{1,2}[./]\d{4})", re.I)
_LABEL = re.compile(r"published|posted|updated|modified|original|입력|수정|发布|опубликовано", re.I)
_UPDATE = ("updated", "modified", "수정")
#: zone abbreviations as news pages print them after a time ("7:07 PM EST"), as UTC offsets in seconds
_OFFSETS = {"UTC": 0, "GMT": 0, "EST": -5 * 3600, "EDT": -4 * 3600, "CST": -6 * 3600, "CDT": -5 * 3600,
            "MST": -7 * 3600, "MDT": -6 * 3600, "PST": -8 * 3600, "PDT": -7 * 3600, "BST": 3600, "CET": 3600,
            "CEST": 2 * 3600, "MSK": 3 * 3600, "KST": 9 * 3600, "JST": 9 * 3600}
#: US zones printed without the season ("8:21 am ET"), whose offset depends on the date
_SEASONAL = {"ET": "America/New_York", "CT": "America/Chicago", "MT": "America/Denver", "PT": "America/Los_Angeles"}


@functools.cache
def zones() -> dict[str, int | tzinfo]:
    """:data:`_OFFSETS` and the seasonal US zones, read once, at the first date read (not at import)."""
    from dateutil import tz

    seasonal = {name: zone for name, key in _SEASONAL.items() if (zone := tz.gettz(key)) is not None}
    return {**_OFFSETS, **seasonal}  # gettz: the system's zone data, else dateutil's own


def _day(raw: str) -> datetime | None:
    """The day a matched date string names, or None when it cannot be read without a guess."""
    from dateutil import parser

    numeric = re.fullmatch(r"(\d{1,2})([./])(\d{1,2})[./](\d{4})", raw)
    try:
        if numeric:
            a, sep, b, year = int(numeric[1]), numeric[2], int(numeric[3]), int(numeric[4])
            if sep == "." or a > 12:  # 18.11.2019 and 27/09/2018 are day-first
                return datetime(year, b, a)
            if b > 12:  # 11/19/2019 is month-first
                return datetime(year, a, b)
            return None  # 05/10/2018: 5 October or May 10
        return parser.parse(raw.replace(".", "-") if re.match(r"\d{4}\.", raw) else raw)
    except (ValueError, OverflowError):
        return None


def stated_date(text: str) -> tuple[str, bool] | None:
    """The publication date a short text states, with its time and zone where printed, and whether a
    label ("Published", "Posted", "Original") says so; None for none, for an update, or for a date that
    cannot be read without a guess. A text holding several dates ("Updated ... / Original ...") is read
    piece by piece between its separators."""
    from dateutil import parser

    for piece in re.split(r"\s[|/·]\s", text):
        m = DATE_LINE.search(piece)
        if not m:
            continue
        labels = _LABEL.findall(piece[:m.start("date")])
        label = labels[-1].lower() if labels else ""
        if label in _UPDATE:
            continue
        day = _day(m.group("date"))
        if day is None or day.year < 1800:
            continue
        try:
            with warnings.catch_warnings():  # a zone name not in zones(): the time without its zone
                warnings.simplefilter("ignore")
                value = parser.parse(piece, fuzzy=True, tzinfos=zones(), dayfirst=day.day > 12)
            value.utcoffset()  # an offset the fuzzy read made up out of other numbers raises here
        except (ValueError, OverflowError):
            value = day
        if value.date() != day.date():
            value = day  # the time did not parse with the date: the date alone
        iso = value.isoformat() if value.time().isoformat() != "00:00:00" else value.date().isoformat()
        return iso, bool(label)
    return None
