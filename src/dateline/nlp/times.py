"""Time expressions, resolved against the publication date (the anchor).

Rules, each a pattern and a resolver, cover what news text uses: full dates ("June 20, 2024",
"20 June 2024", "2024-06-20"), dates without a year ("June 20"), days of the month ("on the 20th"),
weekdays ("said Wednesday", "Saturday night"), months ("last month", "September's summit",
"in March"), relative days and weeks ("yesterday", "last week", "two days ago") and years.

Values are ISO: ``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY`` or an ISO week ``YYYY-Www``. A relative
expression with no anchor has value None and status ``unknown``: it is never guessed. Full dates
and years are ``absolute`` and need no anchor.

Resolution follows how news is written: a bare weekday is the latest such day on or before the
publication date; a day of the month is in the anchor's month unless that day is still to come,
then the month before; a bare month is the latest such month not after the anchor's month.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from typing import TYPE_CHECKING

from ..model import Article, TimeExpression

if TYPE_CHECKING:
    from spacy.tokens import Doc

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS |= {m.lower(): i for i, m in enumerate(calendar.month_abbr) if m}
MONTHS["sept"] = 9
WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
           "eight": 8, "nine": 9, "ten": 10, "a": 1, "an": 1}

_MON = r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|" \
       r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:1[89]|20)\d{2})"
_WD = r"(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_PART = r"(?:\s+(?:morning|afternoon|evening|night))?"

Resolver = Callable[[re.Match[str], date | None], tuple[str | None, str]]


def _parse_anchor(published: str | None) -> date | None:
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


def _ymd(y: int, m: int, d: int) -> str | None:
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def _full_date(m: re.Match[str], anchor: date | None) -> tuple[str | None, str]:
    value = _ymd(int(m["year"]), MONTHS[m["mon"].lower().rstrip(".")], int(m["day"]))
    return value, "absolute" if value else "unknown"


def _iso_date(m: re.Match[str], anchor: date | None) -> tuple[str | None, str]:
    value = _ymd(int(m["year"]), int(m["m"]), int(m["day"]))
    return value, "absolute" if value else "unknown"


def _month_year(m: re.Match[str], anchor: date | None) -> tuple[str | None, str]:
    return f"{int(m['year']):04d}-{MONTHS[m['mon'].lower().rstrip('.')]:02d}", "absolute"


def _year(m: re.Match[str], anchor: date | None) -> tuple[str | None, str]:
    return m["year"], "absolute"


def _month_day(m: re.Match[str], anchor: date | None) -> tuple[str | None, str]:
    """"June 20" with no year: the anchor's year, or the year before if that date is ahead."""
    if anchor is None:
        return None, "unknown"
    month, day = MONTHS[m["mon"].lower().rstrip(".")], int(m["day"])
    year = anchor.year if (month, day) <= (anchor.month, anchor.day) else anchor.year - 1
    value = _ymd(year, month, day)
    return value, "resolved" if value else "unknown"


def _day_of_month(m: re.Match[str], anchor: date | None) -> tuple[str | None, str]:
    """"on the 20th": this month's 20th, or last month's when the 20th is still to come."""
    if anchor is None:
        return None, "unknown"
    day = int(m["day"])
    y, mo = anchor.year, anchor.month
    if day > anchor.day:
        y, mo = (y - 1, 12) if mo == 1 else (y, mo - 1)
    value = _ymd(y, mo, day)
    return value, "resolved" if value else "unknown"


def _weekday(m: re.Match[str], anchor: date | None) -> tuple[str | None, str]:
    """A weekday: the latest such day on or before the anchor ("next" ones: the first after)."""
    if anchor is None:
        return None, "unknown"
    target = WEEKDAYS[m["wd"].lower()]
    if (m["rel"] or "").lower() == "next":
        delta = (target - anchor.weekday()) % 7 or 7
        return (anchor + timedelta(days=delta)).isoformat(), "resolved"
    back = (anchor.weekday() - target) % 7
    if (m["rel"] or "").lower() == "last" and back == 0:
        back = 7
    return (anchor - timedelta(days=back)).isoformat(), "resolved"


def _month_name(m: re.Match[str], anchor: date | None) -> tuple[str | None, str]:
    """A month named alone: the latest such month not after the anchor's month."""
    if anchor is None:
        return None, "unknown"
    month = MONTHS[m["mon"].lower().rstrip(".")]
    year = anchor.year if month <= anchor.month else anchor.year - 1
    if (m["rel"] or "").lower() == "next":
        year = anchor.year if month > anchor.month else anchor.year + 1
    return f"{year:04d}-{month:02d}", "resolved"


def _shift_month(anchor: date, months: int) -> str:
    idx = anchor.year * 12 + anchor.month - 1 + months
    return f"{idx // 12:04d}-{idx % 12 + 1:02d}"


def _week(d: date) -> str:
    iso = d.isocalendar()
    return f"{iso.year:04d}-W{iso.week:02d}"


def _relative(m: re.Match[str], anchor: date | None) -> tuple[str | None, str]:
    """Words relative to the anchor: yesterday, today, last week, this month, last year ..."""
    if anchor is None:
        return None, "unknown"
    word = " ".join(m.group(0).lower().split())
    table: dict[str, Callable[[date], str]] = {
        "today": lambda a: a.isoformat(), "tonight": lambda a: a.isoformat(),
        "this morning": lambda a: a.isoformat(), "this afternoon": lambda a: a.isoformat(),
        "this evening": lambda a: a.isoformat(),
        "yesterday": lambda a: (a - timedelta(days=1)).isoformat(),
        "last night": lambda a: (a - timedelta(days=1)).isoformat(),
        "the day before yesterday": lambda a: (a - timedelta(days=2)).isoformat(),
        "tomorrow": lambda a: (a + timedelta(days=1)).isoformat(),
        "last week": lambda a: _week(a - timedelta(days=7)),
        "this week": _week, "earlier this week": _week,
        "next week": lambda a: _week(a + timedelta(days=7)),
        "last month": lambda a: _shift_month(a, -1), "this month": lambda a: _shift_month(a, 0),
        "earlier this month": lambda a: _shift_month(a, 0),
        "next month": lambda a: _shift_month(a, 1),
        "last weekend": _last_saturday, "over the weekend": _last_saturday,
        "this weekend": _last_saturday, "this past weekend": _last_saturday,
        "last year": lambda a: str(a.year - 1), "this year": lambda a: str(a.year),
        "earlier this year": lambda a: str(a.year), "next year": lambda a: str(a.year + 1),
    }
    for key, fn in table.items():
        if word.endswith(key):
            return fn(anchor), "resolved"
    return None, "unknown"


def _last_saturday(anchor: date) -> str:
    """A past weekend is dated by its Saturday (the latest one before the anchor)."""
    back = (anchor.weekday() - 5) % 7 or 7
    return (anchor - timedelta(days=back)).isoformat()


def _ago(m: re.Match[str], anchor: date | None) -> tuple[str | None, str]:
    if anchor is None:
        return None, "unknown"
    n = int(m["n"]) if m["n"].isdigit() else NUMBERS.get(m["n"].lower(), 0)
    unit = m["unit"].lower().rstrip("s")
    if unit == "day":
        return (anchor - timedelta(days=n)).isoformat(), "resolved"
    if unit == "week":
        return _week(anchor - timedelta(weeks=n)), "resolved"
    if unit == "month":
        return _shift_month(anchor, -n), "resolved"
    return str(anchor.year - n), "resolved"


_F = re.I
#: (pattern, resolver) in priority order: longer, more specific patterns first.
RULES: list[tuple[re.Pattern[str], Resolver]] = [
    (re.compile(rf"\b{_MON}\s+{_DAY},?\s+{_YEAR}\b", _F), _full_date),
    (re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MON},?\s+{_YEAR}\b", _F), _full_date),
    (re.compile(r"\b(?P<year>(?:1[89]|20)\d{2})-(?P<m>[01]\d)-(?P<day>[0-3]\d)\b"), _iso_date),
    (re.compile(rf"\b{_MON}\s+(?:of\s+)?{_YEAR}\b", _F), _month_year),
    (re.compile(rf"\b{_MON}\s+{_DAY}\b(?!\s*(?:,\s*)?\d)", _F), _month_day),
    (re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MON}\b", _F), _month_day),
    (re.compile(r"\b(?:on\s+)?the\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)\b(?:\s*\(local time\))?", _F),
     _day_of_month),
    (re.compile(r"\b(?:the\s+day\s+before\s+yesterday|yesterday|today|tonight|tomorrow|last\s+night|"
                r"this\s+(?:morning|afternoon|evening)|(?:earlier\s+)?this\s+(?:week|month|year)|"
                r"(?:last|over\s+the|this(?:\s+past)?)\s+weekend|"
                r"(?:last|next)\s+(?:week|month|year))\b", _F), _relative),
    (re.compile(r"\b(?P<n>\d+|one|two|three|four|five|six|seven|eight|nine|ten|a|an)\s+"
                r"(?P<unit>days?|weeks?|months?|years?)\s+ago\b", _F), _ago),
    (re.compile(rf"\b(?:(?P<rel>last|next|this|on|early|late)\s+)?{_WD}(?:'s)?{_PART}\b", _F), _weekday),
    (re.compile(rf"\b(?:(?P<rel>last|next|this|in|early|late|mid-?)\s*)?{_MON}(?='s\b|\b)", _F), _month_name),
    (re.compile(rf"\b(?:in|since|by|until|of|from|the|a)\s+{_YEAR}\b(?![,.]?\d)", _F), _year),
]

_MONTH_WORD_GUARD = re.compile(r"^(?:may|march|june?|july?|aug|sept?|oct|nov|dec|jan|feb|mar|apr)$", re.I)


def _plausible_month(m: re.Match[str], text: str) -> bool:
    """"may" and "march" are also verbs and nouns: a bare month needs a capital or a cue."""
    word = m["mon"]
    if m.re.pattern.find("(?P<rel>") < 0 or m["rel"]:
        return word[0].isupper() or bool(m["rel"])
    if not word[0].isupper():
        return False
    if word.lower().rstrip(".") in ("may", "march") and not re.match(r"'s\b", text[m.end():]):
        return False
    return True


def resolve(expr: str, anchor: date | None) -> tuple[str | None, str]:
    """(value, status) of one expression: the first rule that matches all of it."""
    for pattern, resolver in RULES:
        m = pattern.fullmatch(expr.strip())
        if m:
            return resolver(m, anchor)
    return None, "unknown"


#: RULES compiled without re.I, for scanning lowercased text: the case-insensitive engine takes
#: twice as long, and the rare hit is matched again on the original text for its groups' case.
_SCANS = [re.compile(p.pattern, p.flags & ~re.I) for p, _ in RULES]
#: the scans that look faster without the ``\b`` that opens them: those that then start with a
#: month, a year or a preposition, which the regex engine finds by skipping every character none of
#: them starts with (a pattern that opens with ``\b`` is tried at every character; one that opens
#: with an optional word is too). Only a matter of speed: every rule finds the same matches either way.
_LOOSE = [re.compile(s.pattern.removeprefix(r"\b"), s.flags)
          if s.pattern.startswith((rf"\b{_MON}", r"\b(?P<year>", r"\b(?:in|since")) else s for s in _SCANS]


def _matches(pattern: re.Pattern[str], scan: re.Pattern[str], loose: re.Pattern[str], text: str,
             lowered: str) -> Iterator[re.Match[str]]:
    r"""``pattern.finditer(text)``, found by ``scan`` over ``lowered`` (``text.lower()``, same length).

    ``loose`` (``scan``, or ``scan`` less its opening ``\b``) finds where ``scan`` may match; ``scan``
    decides there. Each try starts past the end of the last match, so this finds what
    ``scan.finditer`` finds: wherever ``scan`` matches, ``loose`` does too.
    """
    at = 0
    while (hit := loose.search(lowered, at)) is not None:
        start = hit.start()
        found = scan.match(lowered, start)
        if found is None:
            at = start + 1
            continue
        at = found.end()
        m = pattern.match(text, start)
        if m is not None:
            yield m


def find_times(text: str, anchor: str | None, doc: Doc | None = None) -> list[TimeExpression]:
    """All time expressions in ``text``, resolved against the ``anchor`` date (ISO) if any."""
    day = _parse_anchor(anchor)
    taken: list[tuple[int, int]] = []
    found: list[TimeExpression] = []
    lowered = text.lower()
    fast = len(lowered) == len(text)  # lower() kept every offset: scan it without re.I
    for (pattern, resolver), scan, loose in zip(RULES, _SCANS, _LOOSE, strict=True):
        for m in _matches(pattern, scan, loose, text, lowered) if fast else pattern.finditer(text):
            start, end = m.span()
            if any(s < end and start < e for s, e in taken):
                continue
            if resolver is _month_name and not _plausible_month(m, text):
                continue
            if resolver is _day_of_month and not (m.group(0).lower().startswith("on ")
                                                  or "local time" in m.group(0).lower()):
                continue  # "the 3rd man" is not a date; "on the 3rd" is
            if resolver is _year and m.group(0).split()[0].lower() in ("the", "a") and \
                    not re.match(r"\s+[a-z]", text[end:end + 3]):
                continue
            value, status = resolver(m, day)
            taken.append((start, end))
            found.append(TimeExpression(start, end, text[start:end], value, status,  # type: ignore[arg-type]
                                        day.isoformat() if day and status == "resolved" else None))
    return sorted(found, key=lambda t: t.start)


def lead_date(article: Article) -> str | None:
    """The day the lead (first two paragraphs) dates the reported occasion to, if it gives one.

    Statements reported without a date of their own were made on that occasion.
    """
    lead_end = article.paragraphs[1][1] if len(article.paragraphs) > 1 else len(article.text) // 3
    for t in article.times:
        if t.start < lead_end and t.value and len(t.value) == 10 and t.status == "resolved":
            return t.value
    return None


def annotate_times(article: Article, doc: Doc) -> Article:
    """Fill ``article.times`` (anchor: the article's publication date)."""
    article.times = find_times(article.text, article.published, doc)
    return article
