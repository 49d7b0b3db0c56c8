"""Publication dates as pages print them: "Published 7:07 PM EST Nov 19, 2019", "PUBLISHED: 10:48, Tue,
Nov 19, 2019 | UPDATED: ...", "21:17 18.11.2019", "November 19th, 2019 at 8:40 AM".

Used for a flattened page's lines above its body and for an HTML element the page marks as its
publication date. An update is never taken for the publication, and a numeric date that could be read
day-first or month-first ("05/10/2018") gives None: never a guess.

Month names of other languages come from the Unicode CLDR through Babel, for the page's language
only ("22 de outubro de 2010", "24 сентября 2018", "02 Ago 2017", "Oktober 27, 2015"): the same word
names different months in different languages (Polish "listopada" is November, Croatian October).
Dates written with 年/月/日 or 년/월/일 are read in any language.
"""

from __future__ import annotations

import functools
import re
import warnings
from datetime import datetime, timedelta, timezone, tzinfo

_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
#: a date, optionally after a label ("Published:", "입력"); the label group only catches one that stands
#: right before the date
DATE_LINE = re.compile(
    r"(?:(?P<label>published|posted|updated|modified|original|입력|수정|发布|опубликовано)\s*[:：]?\s*)?"
    r"(?P<date>\d{4}[-./]\d{1,2}[-./]\d{1,2}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?|"
    rf"{_MONTH} \d{{1,2}}(?:st|nd|rd|th)?,? \d{{4}}|"
    rf"\d{{1,2}}(?:st|nd|rd|th)? (?:of )?{_MONTH},? \d{{4}}|"
    r"\d{1,2}[./]\d{1,2}[./]\d{4}|\d{1,2}/\d{1,2}/\d{2}(?![\d/]))", re.I)
_LABEL = re.compile(r"published|posted|updated|modified|original|입력|수정|发布|опубликовано|обновлено|"
                    r"publicado|actualizado|atualizado|publié|mis à jour|veröffentlicht|aktualisiert|"
                    r"pubblicato|aggiornato|diterbitkan|diperbarui", re.I)
_UPDATE = ("updated", "modified", "수정", "обновлено", "actualizado", "atualizado", "mis à jour", "aktualisiert",
           "aggiornato", "diperbarui")
#: a date written with East Asian year, month and day marks: 2019年11月19日, 2019년 11월 19일
_EAST_ASIAN = re.compile(r"(?P<y>\d{4})\s*[年년]\s*(?P<m>\d{1,2})\s*[月월]\s*(?P<d>\d{1,2})(?!\d)")
#: a clock time after a local date: 20:13, 9h30, 4:20 pm
_CLOCK = re.compile(r"(?<![\d:])(?P<h>\d{1,2})[:h](?P<min>\d{2})(?![\d:])(?:\s*(?P<ampm>[ap])\.?m\.?)?"
                    r"(?:\s+(?P<zone>[A-Z]{2,4})\b)?", re.I)
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

    numeric = re.fullmatch(r"(\d{1,2})([./])(\d{1,2})[./](\d{4}|\d{2})", raw)
    try:
        if numeric:
            a, sep, b, year = int(numeric[1]), numeric[2], int(numeric[3]), int(numeric[4])
            if len(numeric[4]) == 2:  # "11/13/19": the POSIX pivot of strptime's %y (00-68: 2000s)
                year += 2000 if year < 69 else 1900
            if b > 12:  # 11/19/2019 and 11.14.2019 are month-first
                return datetime(year, a, b)
            if sep == "." or a > 12:  # 18.11.2019 and 27/09/2018 are day-first
                return datetime(year, b, a)
            return None  # 05/10/2018: 5 October or May 10
        return parser.parse(raw.replace(".", "-") if re.match(r"\d{4}\.", raw) else raw)
    except (ValueError, OverflowError):
        return None


def stated_date(text: str, language: str | None = None) -> tuple[str, bool] | None:
    """The publication date a short text states, with its time and zone where printed, and whether a
    label ("Published", "Posted", "Original") says so; None for none, for an update, or for a date that
    cannot be read without a guess. A text holding several dates ("Updated ... / Original ...") is read
    piece by piece between its separators. ``language`` (an ISO 639-1 code, the page's) adds its
    month names (:func:`month_names`) to the English ones."""
    from dateutil import parser

    for piece in re.split(r"\s[|/·]\s", text):
        m = DATE_LINE.search(piece)
        day = _day(m.group("date")) if m else None  # None too for "19 novembre 2019": not English
        if m is None or day is None:
            local = _local_date(piece, language)
            if local is not None:
                return local
            continue
        label = _label(piece[:m.start("date")])
        if label in _UPDATE or day.year < 1800:
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
        return _iso(value), bool(label)
    return None


def _label(before: str) -> str:
    """The last label ("published", "updated" ...) in the text before a date, lower-cased; '' for none."""
    labels = _LABEL.findall(before)
    return labels[-1].lower() if labels else ""


def _iso(value: datetime) -> str:
    """A date-time in ISO 8601; the date alone where no time was printed (midnight)."""
    return value.isoformat() if value.time().isoformat() != "00:00:00" else value.date().isoformat()


def _local_pattern(language: str | None) -> re.Pattern[str] | None:
    """:func:`_month_pattern` of a language other than English (whose names ``DATE_LINE`` holds)."""
    return _month_pattern(language) if language and language != "en" else None


def has_date(text: str, language: str | None = None) -> bool:
    """Whether ``text`` holds a date :func:`stated_date` could read (readable or not: a date line)."""
    if DATE_LINE.search(text) or _EAST_ASIAN.search(text):
        return True
    pattern = _local_pattern(language)
    return pattern is not None and pattern.search(text) is not None


def _local_date(piece: str, language: str | None) -> tuple[str, bool] | None:
    """A date written with the month names of ``language`` or with East Asian marks, and the clock
    time (and zone) printed after it; the same result as :func:`stated_date`."""
    m = _EAST_ASIAN.search(piece)
    if m is not None:
        year, month, day = int(m["y"]), int(m["m"]), int(m["d"])
    else:
        pattern = _local_pattern(language)
        m = pattern.search(piece) if pattern is not None else None
        if m is None:
            return None
        year, day = int(m["y1"] or m["y2"]), int(m["d1"] or m["d2"])
        month = month_names(language or "")[(m["m1"] or m["m2"]).lower()]
    label = _label(piece[:m.start()])
    if label in _UPDATE or year < 1800:
        return None
    try:
        value = datetime(year, month, day)
    except ValueError:
        return None
    clock = _CLOCK.search(piece, m.end())
    if clock is not None:
        hour, minute = int(clock["h"]), int(clock["min"])
        if clock["ampm"]:
            hour = hour % 12 + (12 if clock["ampm"].lower() == "p" else 0)
        if hour < 24 and minute < 60:
            value = value.replace(hour=hour, minute=minute)
            zone = zones().get((clock["zone"] or "").upper())
            if isinstance(zone, int):
                value = value.replace(tzinfo=timezone(timedelta(seconds=zone)))
            elif zone is not None:
                value = value.replace(tzinfo=zone)
    return _iso(value), bool(label)


@functools.cache
def month_names(language: str) -> dict[str, int]:
    """The lower-cased month names of ``language`` (an ISO 639-1 code) and their abbreviations, in the
    form used in a date (Russian "сентября", Czech "listopadu"), from the CLDR through Babel: name ->
    month number. Empty for a language Babel does not know. The form standing alone ("сентябрь") is
    not read: dates seldom use it, and Babel 2.18 resolves it through the data of whichever locale
    asked first (after Azerbaijani, Portuguese's stand-alone months came out as "yanvar", "fevral" ...)."""
    from babel import Locale, UnknownLocaleError
    from babel.dates import get_month_names

    try:
        locale = Locale.parse(language)
    except (ValueError, TypeError, UnknownLocaleError):
        return {}
    names: dict[str, int] = {}
    for width in ("wide", "abbreviated"):
        for month, name in get_month_names(width, "format", locale=locale).items():
            key = name.lower().rstrip(".")
            if len(key) >= 3 and not any(ch.isdigit() for ch in key):
                names.setdefault(key, int(month))
    return names


@functools.cache
def _month_pattern(language: str) -> re.Pattern[str] | None:
    """Day-month-year ("22 de outubro de 2010", "24. September 2018") or month-day-year ("Oktober 27,
    2015") with ``language``'s month names (:func:`month_names`)."""
    names = month_names(language)
    if not names:
        return None
    month = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(
        rf"(?<!\w)(?:(?P<d1>\d{{1,2}})\.?\s+(?:de\s+)?(?P<m1>{month})\.?,?\s+(?:de\s+)?(?P<y1>\d{{4}})|"
        rf"(?P<m2>{month})\.?\s+(?P<d2>\d{{1,2}}),?\s+(?P<y2>\d{{4}}))(?!\w)", re.I)
