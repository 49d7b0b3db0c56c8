"""Stories: articles that report one occasion, grouped online as they arrive.

Each article is compared with the stories whose occasion lies near its own, never with every
article: an article joins the best story whose profile is similar enough, else opens a new one.

* What is compared: the article's *names* (proper-noun phrases: people, streets, towns,
  organisations; ages, street blocks and headline words count as names too) and its content
  words, weighted by inverse document frequency learnt online. Names weigh more: two reports of
  one shooting share the victim's and the street's names, two shootings in one city share only
  the city.
* When: the occasion (:func:`dateline.story_dates.occasion`: the day the report says its
  occasion happened, else the publication date) sets how much must be shared. Within a window of
  the *story's* first occasion day, a report naming one of the story's days needs little, one a
  day or two off needs more, one further off more still; the window is anchored on the story's
  first day, so a story cannot drift forward by chaining. A later report (an arrest, a trial)
  joins easily when it names the story's first day or month ("the May 14 shooting", "in May
  2016"), and otherwise needs a strong match, and only up to ``follow_up_days``.
* Where: an article and a story that name no US city in common need a little more
  (:mod:`dateline.story_places`).
* Each step depends only on the articles added before it, in order, so adding articles one by
  one or in batches gives the same stories; the state is plain data (``to_state``/``from_state``)
  and the store keeps it between runs.

Thresholds were set on the dev half of a shooting-report corpus and kept only where they helped on
both halves of its stories (odd and even ids): see ``scripts/eval_stories.py --halves``.
"""

from __future__ import annotations

import functools
import hashlib
import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .model import Article, Story
from .story_dates import Occasion, occasion, occasion_date
from .story_places import towns

__all__ = ["Options", "StoryIndex", "cluster", "features", "occasion_date"]

_NAME = re.compile(r"\b(?:[A-Z][a-z'’]+|[A-Z]\.)(?:[ -](?:[A-Z][a-z'’]+|[A-Z]\.|de|van|von|of))*\b")
_NUMBERS = re.compile(r"\b(?:(?P<age>\d{1,3})-year-old|(?<=[a-z], )(?P<age2>\d{1,2})(?=, )|(?P<block>\d{2,5}) block)\b")
_WORD = re.compile(r"[a-z][a-z'’]{2,}")
_STOP = frozenset("""the and for that with this from have has had was were are been will would
could should about after before their there they them than then when what which while who whom
into over under said says also just more most some such only other its it's his her him she he
our out off not but can may one two three four five six seven eight nine ten year years day days
week weeks police officers officer told according news report reported man woman people""".split())
_NAME_STOP = frozenset("""The A An In On At By For From And But He She They It This That Police
Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June
July August September October November December Mr Mrs Ms Dr According Officers Officer""".split())


def features(article: Article) -> tuple[Counter[str], Counter[str]]:
    """(names, words) of an article's title and text; ages, street blocks and headline words count as names."""
    text = f"{article.title or ''}\n{article.text}"
    names: Counter[str] = Counter()
    for m in _NAME.finditer(text):
        name = m.group(0)
        if name in _NAME_STOP or len(name) < 3:
            continue
        names[name.lower()] += 1
        for part in name.split()[1:]:
            if len(part) > 3 and part not in _NAME_STOP:
                names[part.lower()] += 1  # surnames and street names alone
    for m in _NUMBERS.finditer(text):  # "17-year-old", "Jones, 17,", "the 3500 block"
        names["#" + (m["age"] or m["age2"] or m["block"] or "")] += 1
    words = Counter(w for w in _WORD.findall(text.lower()) if w not in _STOP)
    for w in _WORD.findall((article.title or "").lower()):
        if w not in _STOP:
            names["t:" + w] += 1  # a headline's words ("Howland", "barbershop") say what the story is about
    return names, words


@dataclass
class Options:
    """Clustering thresholds (similarity is a weighted cosine in [0, 1])."""

    window_days: int = 7
    follow_up_days: int = 60
    threshold: float = 0.25  # within the window, occasion days three or more days apart
    follow_up_threshold: float = 0.35
    #: a later report joins as a follow-up only when undated, or when its occasion day scores at or
    #: below this (dated only by words of what came after, "arrested Tuesday"; see story_dates)
    follow_up_cue: float = -0.5
    #: a later report that names the story's first day or month ("the May 14 shooting", "in May")
    dated_follow_up_threshold: float = 0.15
    other_town: float = 0.05  # added when the article and the story name no US city in common
    #: within the window, by how many days the article's occasion day lies from the story's nearest:
    #: reports naming the same day need little in common, those a day or two apart much more.
    day_thresholds: tuple[float, ...] = (0.08, 0.15, 0.2)
    name_weight: float = 2.0
    probe_terms: int = 40  # a story is compared when it has one of the article's this many heaviest terms
    probe_share: float = 0.05  # ... that at most this share of the stories (and at least 50) have


@dataclass
class _Story:
    id: str
    first: str | None
    articles: list[str] = field(default_factory=list)
    names: Counter[str] = field(default_factory=Counter)
    words: Counter[str] = field(default_factory=Counter)
    title: str | None = None
    days: set[str] = field(default_factory=set)  # occasion days its reports resolved to
    towns: Counter[str] = field(default_factory=Counter)  # US cities its reports name
    day_ords: set[int] = field(default_factory=set)  # ``days`` as ordinals, for speed
    first_ord: int | None = None
    vec: dict[str, float] = field(default_factory=dict)  # cached profile, refreshed on each add
    terms: frozenset[str] = frozenset()  # the profile's terms, for fast intersections
    norm: float = 0.0
    pos: int = 0  # its place in the index (postings refer to it)


class StoryIndex:
    """Online story clustering. ``add(article)`` returns the story id the article joins."""

    def __init__(self, options: Options | None = None) -> None:
        self.options = options or Options()
        self.df: Counter[str] = Counter()
        self.n_docs = 0
        self._stories: list[_Story] = []
        self._of_article: dict[str, str] = {}
        self._postings: dict[str, set[int]] = {}  # term -> stories (by position) that contain it
        self._firsts: list[int | None] = []  # each story's first occasion day (by position), as a day number

    # -- similarity ------------------------------------------------------------------------
    def _idf(self, term: str) -> float:
        return math.log((self.n_docs + 1) / (self.df.get(term, 0) + 1)) + 1.0

    def _vector(self, names: Counter[str], words: Counter[str]) -> dict[str, float]:
        """tf-idf weights (log tf; names weigh ``name_weight`` times more); the idf is written out for speed."""
        vec: dict[str, float] = {}
        log, df, docs = math.log, self.df, self.n_docs + 1
        for prefix, counts, weight in (("N:", names, self.options.name_weight), ("W:", words, 1.0)):
            for term, n in counts.items():
                key = prefix + term
                vec[key] = weight * (1 + log(n)) * (log(docs / (df.get(key, 0) + 1)) + 1.0)
        return vec

    @staticmethod
    def _norm(vec: dict[str, float]) -> float:
        return math.sqrt(sum(v * v for v in vec.values()))

    @staticmethod
    def _cosine(a: dict[str, float], live: frozenset[str], na: float, story: _Story) -> float:
        """Cosine of article vector ``a`` (``live``: its terms any story has) with ``story``'s profile."""
        b = story.vec
        dot = sum(a[k] * b[k] for k in live & story.terms)  # set & set runs in C over the smaller one
        return dot / (na * story.norm) if na and story.norm else 0.0

    # -- the online step -------------------------------------------------------------------
    def add(self, article: Article) -> str:
        """Put ``article`` in a story (an existing one or a new one) and return its id."""
        if article.id in self._of_article:
            return self._of_article[article.id]
        names, words = features(article)
        when = occasion(article)
        day = _ordinal(when.lead)
        mine = {d for d in map(_ordinal, when.days | {when.lead}) if d is not None}
        places = towns(article)
        vec = self._vector(names, words)
        norm = self._norm(vec)
        live = frozenset(k for k in vec if k in self._postings)
        best, best_sim = None, 0.0
        for story in self._candidates(vec, day, when):
            need = self._need(when, day, mine, story)
            if need is None:
                continue
            if places and story.towns and not places.keys() & story.towns.keys():
                need += self.options.other_town  # no town in common: likely another occasion
            sim = self._cosine(vec, live, norm, story)
            if sim >= need and sim > best_sim:
                best, best_sim = story, sim
        if best is None:
            best = _Story(_story_id(article), when.lead, title=article.title, pos=len(self._stories),
                          first_ord=day)
            self._stories.append(best)
            self._firsts.append(day)
        self._join(best, article, names, words)
        if when.lead:
            best.days.add(when.lead)
        if day is not None:
            best.day_ords.add(day)
        best.towns.update(places)
        return best.id

    def _need(self, when: Occasion, day: int | None, mine: set[int], story: _Story) -> float | None:
        """The similarity an article needs to join ``story``; None when their dates rule it out.

        ``day`` is the article's occasion day, ``mine`` every day it ties to its occasion, as day numbers.
        """
        first = story.first_ord
        if day is None or first is None:
            return self.options.threshold
        gap = abs(day - first)
        if gap <= self.options.window_days:
            near = min((abs(m - d) for d in story.day_ords for m in mine), default=len(self.options.day_thresholds))
            if near < len(self.options.day_thresholds):
                return self.options.day_thresholds[near]
            return self.options.threshold
        if story.first in when.days:
            return self.options.dated_follow_up_threshold  # it names the story's day
        if (story.first or "")[:7] in when.months:
            return self.options.dated_follow_up_threshold  # or its month
        if gap <= self.options.follow_up_days and (not when.stated or when.score <= self.options.follow_up_cue):
            # a later report of what followed ("arrested Tuesday"), not one of a new occasion of its
            # own ("warned on the 19th"): that is another story, perhaps of the same storyline
            return self.options.follow_up_threshold
        return None

    def _join(self, story: _Story, article: Article, names: Counter[str], words: Counter[str]) -> None:
        story.articles.append(article.id)
        story.names.update(names)
        story.words.update(words)
        self._of_article[article.id] = story.id
        self.n_docs += 1
        terms = {"N:" + t for t in names} | {"W:" + t for t in words}
        self.df.update(terms)
        story.vec = self._vector(story.names, story.words)
        story.norm, story.terms = self._norm(story.vec), frozenset(story.vec)
        for term in terms:  # the story's other terms are posted already
            self._postings.setdefault(term, set()).add(story.pos)

    def _candidates(self, vec: dict[str, float], day: int | None, when: Occasion) -> Iterable[_Story]:
        """Stories sharing one of the article's heaviest terms, within reach of its dates."""
        heavy = sorted(vec, key=vec.__getitem__, reverse=True)[:self.options.probe_terms]
        seen: set[int] = set()
        cap = max(50, int(self.options.probe_share * len(self._stories)))
        for term in heavy:
            posted = self._postings.get(term, set())
            if len(posted) <= cap:  # a term many stories have finds no story in particular
                seen |= posted
        if day is None:
            return [self._stories[pos] for pos in sorted(seen)]
        reach, firsts = self.options.follow_up_days, self._firsts
        hinted = {d for d in map(_ordinal, when.days) if d is not None}
        near = [pos for pos in seen if (first := firsts[pos]) is None or abs(day - first) <= reach
                or first in hinted or (self._stories[pos].first or "")[:7] in when.months]
        return [self._stories[pos] for pos in sorted(near)]

    # -- output and persistence ------------------------------------------------------------
    def stories(self, ids: set[str] | None = None) -> list[Story]:
        """The stories (only those in ``ids`` when given), oldest first."""
        return [Story(s.id, list(s.articles), title=s.title, date=s.first) for s in self._stories
                if ids is None or s.id in ids]

    def to_state(self) -> dict[str, Any]:
        return {"df": dict(self.df), "n_docs": self.n_docs,
                "stories": [{"id": s.id, "first": s.first, "articles": s.articles, "title": s.title,
                             "names": dict(s.names), "words": dict(s.words), "days": sorted(s.days),
                             "towns": dict(s.towns)}
                            for s in self._stories]}

    @classmethod
    def from_state(cls, state: dict[str, Any], options: Options | None = None) -> StoryIndex:
        index = cls(options)
        index.df = Counter(state["df"])
        index.n_docs = state["n_docs"]
        for s in state["stories"]:
            story = _Story(s["id"], s["first"], list(s["articles"]), Counter(s["names"]),
                           Counter(s["words"]), s.get("title"), set(s.get("days", [])),
                           Counter(s.get("towns", {})))
            story.day_ords = {d for d in map(_ordinal, story.days) if d is not None}
            story.first_ord = _ordinal(story.first)
            story.vec = index._vector(story.names, story.words)
            story.terms = frozenset(story.vec)
            story.norm, story.pos = index._norm(story.vec), len(index._stories)
            index._stories.append(story)
            index._firsts.append(story.first_ord)
            index._of_article.update({a: story.id for a in story.articles})
            for term in story.vec:
                index._postings.setdefault(term, set()).add(len(index._stories) - 1)
        return index


@functools.lru_cache(maxsize=10_000)
def _ordinal(day: str | None) -> int | None:
    """A date's day number (for differences), None for no or no valid date."""
    if not day:
        return None
    try:
        return date.fromisoformat(day[:10]).toordinal()
    except ValueError:
        return None


def _story_id(article: Article) -> str:
    return "s-" + hashlib.sha1(article.id.encode("utf-8")).hexdigest()[:12]


def cluster(articles: Iterable[Article], options: Options | None = None) -> dict[str, str]:
    """Article id -> story id, adding the articles in the order given."""
    index = StoryIndex(options)
    return {a.id: index.add(a) for a in articles}
