"""The occasion date of a report: the day the thing it reports happened, not the day it was written.

A report names several days: when the shooting happened, when police spoke, when a suspect was
arrested or arraigned, when the page was posted. Each day-precise time expression is a candidate,
scored by what it is attached to:

* the nearest cue word before it in its sentence (else the first after it): words of the occasion
  ("shot", "killed", "happened") raise it, words of reporting and of what came after ("said",
  "arrested", "arraigned", "autopsy") lower it; a day that names the occasion ("Thursday's
  shooting", "the Oct. 25 shooting", "on Sept. 10 when a fight broke out") and a clock time next
  to it ("at 2:25 a.m. Sunday") raise it too; the headline's days count as well;
* its form: an explicit date or a weekday beats "today" (usually the day of writing) and "over the
  weekend" (two days); a weekday written next to an explicit date ("Sunday, July 5") takes the date;
* page furniture ("Posted: Saturday, September 12, 2015", "Updated ...") is no candidate at all.

Days named by several candidates add up a little; of days scored alike, the earliest wins (arrests,
deaths in hospital and funerals come after the occasion, not before).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from .model import Article, TimeExpression

#: Words of the occasion itself (what a report of an incident says happened).
_OCCASION = re.compile(
    r"\b(shot|shoots?|shooting|shootings|shootout|gunfire|gunshots?|gunned|gunman|fired|firing|"
    r"opened fire|killed|killing|killings|slain|slaying|murder(?:ed)?|homicide|stabbed|wounded|injured|"
    r"hurt|happened|occurred|took place|broke out|erupted|struck|hit|attack(?:ed)?|ambush(?:ed)?|"
    r"robbery|robbed|incident|crash(?:ed)?|explosion|blast|responded|dispatched|called to|"
    r"found|discovered|died|dies|pronounced dead|dead|death|fatal(?:ly)?|went off|discharged|rang out|exchanged|"
    r"(?:was|were) reported|massacre|rampage|spree|standoff|gun battle|met|signed|voted|protest(?:ed)?)\b", re.I)
#: Of these, ones that often come days after the occasion.
_LATER_OCCASION = re.compile(r"\b(died|dies|death|found|discovered|pronounced dead)\b", re.I)
#: Words of reporting and of what follows an occasion (the day they name is not the occasion's).
_REPORT = re.compile(
    r"\b(said|says|say|told|tells|announced|identified|named|arrested|arrest|charged|charges|booked|"
    r"jailed|custody|surrendered|turned himself|extradited|reported|released|confirmed|according|"
    r"updated|posted|published|issued|court|hearing|sentenced|sentencing|arraigned|arraignment|"
    r"pleaded|plea|guilty|convicted|trial|judge|jury|bail|bond|verdict|ordered|indicted|"
    r"conference|briefing|statement|autops\w+|gathered|remember\w*|"
    r"mourn\w*|investigating|searching|looking|asked|urged|continued|continue|remains|remained|"
    r"recovering|interview|spoke|speaking|visited|held|scheduled|expected|will|planned|disclosed|revealed|"
    r"tweeted|filed|learned|added|explained|noted|prosecutors?|probation|condition)\b", re.I)
#: Page furniture before a time expression: a timestamp, not a day of the story.
_STAMP = re.compile(r"(?:posted|published|updated|last updated|update|copyright|©|created|modified|date:|\(@\w+\))"
                    r"\s*(?:at|on)?\s*:?\s*[^\n.]{0,14}$", re.I)
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’]?\s+(?=[A-Z\"“])|\n")
_ABBREV = re.compile(r"(?:\b[ap]\.m|\b[A-Z]|\b(?:St|Ave|Blvd|Rd|Dr|Mr|Mrs|Ms|Jr|Sr|Lt|Sgt|Det|Capt|Gov|Sen|Rep|"
                     r"No|Mt|Ft|Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec|Co|Inc|Corp|U\.S))\.$")
_NOUN_AFTER = re.compile(r"^(?:'s)?\s*(?:(?!(?:with|in|for|of|to|at|on|after|by|and|that|the|a|an|from|when|while)\b)"
                         r"[a-z-]+\s+){0,2}?(?:shooting|shootings|shootout|killing|slaying|homicide|attack|ambush|"
                         r"murders?|massacre|gunfire|incident|robbery|crash|stabbing|death|deaths|gun battle|"
                         r"standoff|rampage|spree)\b", re.I)
_CLOCK = re.compile(r"\b\d{1,2}(?::\d\d)?\s*[ap]\.?m\.?,?\s*(?:on\s+|of\s+)?(?:the\s+)?$", re.I)
_CLOCK_AFTER = re.compile(r",?\s+(?:at\s+)?(?:about\s+|approximately\s+|around\s+)?\d{1,2}(?::\d\d)?\s*[ap]\.?m\b",
                          re.I)
#: Words of attribution date the saying only right before the day ("said Tuesday", not "said at 2 p.m. Sunday").
_ATTRIBUTION = re.compile(r"said|says|say|told|according", re.I)
_WHEN_AFTER = re.compile(r"[^.;!?]{0,40}?\bwhen\b")
_WEAK_FORMS = re.compile(r"^(?:today|tonight|this (?:morning|afternoon|evening))$", re.I)
_WEEKEND = re.compile(r"weekend", re.I)
_GLUE = re.compile(r"^,?\s*(?:the\s+|\()?$")

LOOK_CHARS = 150  # how far a cue word may lie from the time expression it dates
TIE = 0.05  # scores this close are a tie (dev halves by cluster id: 0.835/0.864 -> 0.837/0.865)
CLOCK_BONUS = 0.3  # dev, by cluster halves: 0.815/0.845 without, 0.815/0.849 with


@dataclass(slots=True)
class Candidate:
    """One day a report names, with how much it looks like the occasion's day."""

    value: str
    start: int
    score: float


def _ends(text: str, lo: int, hi: int) -> list[re.Match[str]]:
    """Sentence breaks in text[lo:hi]: not after "p.m." or "St." or an initial."""
    return [m for m in _SENTENCE_END.finditer(text, lo, hi)
            if m.group(0) == "\n" or not _ABBREV.search(text[max(0, m.start() - 6):m.start()])]


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """Bounds of the sentence around [start, end), at most ``LOOK_CHARS`` either side."""
    left = max(0, start - LOOK_CHARS)
    before = _ends(text, left, start)
    lo = before[-1].end() if before else left
    after = _ends(text, end, min(len(text), end + LOOK_CHARS))
    hi = after[0].start() if after else min(len(text), end + LOOK_CHARS)
    return lo, hi


def _cue(text: str, start: int, end: int) -> float:
    """+1 for an occasion cue nearest the expression, -1 for a reporting cue, 0 for none."""
    if _NOUN_AFTER.match(text[end:end + 40]):
        return 1.2  # "Thursday's shooting", "the Oct. 25 shooting": the day names the occasion
    lo, hi = _sentence(text, start, end)
    when = _WHEN_AFTER.match(text, end, hi)
    if when and _OCCASION.search(text, when.end(), min(hi, when.end() + 60)):
        return 1.0  # "on Sept. 10 when he got into an argument", "Wednesday when it went off"
    cues = [(m.end(), 1.0 if _LATER_OCCASION.fullmatch(m.group(0)) is None else 0.5)
            for m in _OCCASION.finditer(text, lo, start)]
    cues += [(m.end(), -1.0 if m.end() > start - 12 or not _ATTRIBUTION.fullmatch(m.group(0)) else -0.4)
             for m in _REPORT.finditer(text, lo, start)]
    if cues:
        return max(cues)[1]  # the nearest word before it governs it ("shot Tuesday", "said Tuesday")
    after = [(m.start(), 1.0) for m in _OCCASION.finditer(text, end, hi)]
    after += [(m.start(), -1.0) for m in _REPORT.finditer(text, end, hi)]
    return min(after)[1] * 0.8 if after else 0.0


def _days_between(a: str, b: str) -> int | None:
    try:
        return (date.fromisoformat(b[:10]) - date.fromisoformat(a[:10])).days
    except ValueError:
        return None


def _is_stamp(text: str, t: TimeExpression) -> bool:
    """A page's posted/updated timestamp rather than a day of the story."""
    if _STAMP.search(text[max(0, t.start - 30):t.start]):
        return True
    return bool(re.match(r",?\s*(?:@\s*)?\d{1,2}:\d\d", text[t.end:t.end + 12])) and t.start < 300


def _merged(times: list[TimeExpression], text: str) -> list[TimeExpression]:
    """A weekday written right before an explicit date ("Sunday, July 5") is one expression: the date's."""
    keep: list[TimeExpression] = []
    skip = False
    for i, t in enumerate(times):
        if skip:
            skip = False
            continue
        nxt = times[i + 1] if i + 1 < len(times) else None
        if nxt is not None and nxt.value and len(nxt.value) == 10 and _GLUE.match(text[t.end:nxt.start]) \
                and any(ch.isdigit() for ch in nxt.text) and not any(ch.isdigit() for ch in t.text):
            keep.append(TimeExpression(t.start, nxt.end, text[t.start:nxt.end], nxt.value, nxt.status, nxt.anchor))
            skip = True
            continue
        keep.append(t)
    return keep


def candidates(article: Article, times: list[TimeExpression]) -> list[Candidate]:
    """The days ``article`` names that could be its occasion's, each scored."""
    text, published = article.text, (article.published or "")[:10]
    found: list[Candidate] = []
    for t in _merged(sorted(times, key=lambda t: t.start), text):
        if not (t.value and len(t.value) == 10 and t.status in ("resolved", "absolute")):
            continue
        explicit = any(ch.isdigit() for ch in t.text)  # "Nov. 22", "June 21, 2013"
        if published:
            lag = _days_between(t.value, published)
            with_year = bool(re.search(r"\d{4}", t.text))
            if lag is None or lag < 0 or lag > (1500 if with_year else 730 if explicit else 60):
                continue  # a future date is a plan; an old one is history (unless a trial dates it in full)
            if explicit and lag > 350 and not with_year:
                continue  # "July 28" a few days after publication is a plan, not last year's July 28
        if _is_stamp(text, t):
            continue
        score = _cue(text, t.start, t.end)
        if _CLOCK.search(text[max(0, t.start - 30):t.start]) or _CLOCK_AFTER.match(text, t.end):
            score += CLOCK_BONUS  # "at 2:25 a.m. Sunday": the narrative of the occasion gives its hour
        words = t.text.lower().strip()
        if _WEAK_FORMS.match(words):
            score -= 0.6  # the day of writing, as often as the occasion's
        elif _WEEKEND.search(words):
            score -= 0.4  # two days; the weekend's Saturday is only a guess
        found.append(Candidate(t.value, t.start, score - t.start / 6000))
    return found


def occasion_date(article: Article) -> str | None:
    """The day ``article``'s occasion happened, else its publication date; None without any date."""
    return occasion(article).day


@dataclass(slots=True)
class Occasion:
    """When a report's occasion happened, as far as the report says.

    Attributes:
        day: :func:`occasion_date`.
        stated: whether the text states ``day`` (else it is the publication date).
        days: every day the report ties to words of an occasion ("shot Tuesday", "the May 14 shooting").
        months: the months it names ("in May 2016", "last month"): a follow-up may date its
            occasion no closer than that.
        lead: of the days scored best, the one written first (``day`` is the earliest of them);
            reports of one occasion agree on it more often, so stories are keyed on it.
        score: how much ``day`` looks like the occasion's own (:func:`candidates`); below zero when
            only words of what came after name it ("arrested Tuesday").
    """

    day: str | None
    stated: bool = False
    days: frozenset[str] = frozenset()
    months: frozenset[str] = frozenset()
    lead: str | None = None
    score: float = 0.0


def occasion(article: Article) -> Occasion:
    """The :class:`Occasion` of ``article``."""
    from .nlp.times import find_times

    published = (article.published or "")[:10]
    times = article.times or find_times(article.text, article.published)
    months = frozenset(t.value for t in times if t.value and len(t.value) == 7 and t.status != "unknown"
                       and (not published or t.value <= published[:7]))
    found = candidates(article, times)
    if article.title:  # "Saturday shooting leaves 2 dead": a headline's day, scored in the headline
        head = Article(id=article.id, text=article.title, published=article.published)
        found += [Candidate(c.value, 0, c.score) for c in candidates(head, find_times(article.title, article.published))
                  if c.score > 0]
    if not found:
        return Occasion(published or None, False, frozenset(), months, published or None)
    best: dict[str, float] = {}
    for c in found:
        best[c.value] = max(best.get(c.value, -9.0), c.score)
    support = {v: sum(c.score > 0 for c in found if c.value == v) for v in best}
    total = {v: best[v] + 0.1 * min(support[v] - 1, 2) for v in best}
    top = max(total.values())
    day = min(v for v in total if total[v] >= top - TIE)  # of days as good, the earliest: what follows comes later
    first = {v: min(c.start for c in found if c.value == v) for v in best}
    lead = max(best, key=lambda v: (total[v], -first[v]))
    return Occasion(day, True, frozenset(v for v, score in best.items() if score > 0) | {day, lead}, months, lead,
                    best[day])
