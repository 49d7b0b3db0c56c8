"""Stories: articles that report one occasion, grouped online as they arrive.

Each article is compared with the stories whose occasion lies near its own, never with every
article: an article joins the best story whose profile is similar enough, else opens a new one.

* What is compared: the article's *names* (proper-noun phrases: people, streets, towns,
  organisations) and its content words, weighted by inverse document frequency learnt online.
  Names weigh more: two reports of one shooting share the victim's and the street's names, two
  shootings in one city share only the city.
* When: the occasion date (:func:`dateline.story_dates.occasion_date`: the day the report says
  its occasion happened, else the publication date) must lie within a window of the *story's*
  first occasion date, so a story cannot drift forward by chaining; a follow-up weeks later (an
  arrest, a trial) needs a much stronger name match.
* Each step depends only on the articles added before it, in order, so adding articles one by
  one or in batches gives the same stories; the state is plain data (``to_state``/``from_state``)
  and the store keeps it between runs.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .model import Article, Story
from .story_dates import occasion_date

_NAME = re.compile(r"\b(?:[A-Z][a-z'’]+|[A-Z]\.)(?:[ -](?:[A-Z][a-z'’]+|[A-Z]\.|de|van|von|of))*\b")
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
    """(names, words) of an article's title and first 2,000 characters."""
    text = f"{article.title or ''}\n{article.text[:2000]}"
    names: Counter[str] = Counter()
    for m in _NAME.finditer(text):
        name = m.group(0)
        if name in _NAME_STOP or len(name) < 3:
            continue
        names[name.lower()] += 1
        for part in name.split()[1:]:
            if len(part) > 3 and part not in _NAME_STOP:
                names[part.lower()] += 1  # surnames and street names alone
    words = Counter(w for w in _WORD.findall(text.lower()) if w not in _STOP)
    return names, words


@dataclass
class Options:
    """Clustering thresholds (similarity is a weighted cosine in [0, 1])."""

    window_days: int = 7
    follow_up_days: int = 60
    threshold: float = 0.15
    follow_up_threshold: float = 0.55
    same_day_threshold: float = 0.10
    name_weight: float = 2.0


@dataclass
class _Story:
    id: str
    first: str | None
    articles: list[str] = field(default_factory=list)
    names: Counter[str] = field(default_factory=Counter)
    words: Counter[str] = field(default_factory=Counter)
    title: str | None = None
    days: set[str] = field(default_factory=set)  # occasion days its reports resolved to
    vec: dict[str, float] = field(default_factory=dict)  # cached profile, refreshed on each add
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

    # -- similarity ------------------------------------------------------------------------
    def _idf(self, term: str) -> float:
        return math.log((self.n_docs + 1) / (self.df.get(term, 0) + 1)) + 1.0

    def _vector(self, names: Counter[str], words: Counter[str]) -> dict[str, float]:
        vec: dict[str, float] = {}
        for term, n in names.items():
            vec["N:" + term] = self.options.name_weight * (1 + math.log(n)) * self._idf("N:" + term)
        for term, n in words.items():
            vec["W:" + term] = (1 + math.log(n)) * self._idf("W:" + term)
        return vec

    @staticmethod
    def _norm(vec: dict[str, float]) -> float:
        return math.sqrt(sum(v * v for v in vec.values()))

    @staticmethod
    def _cosine(a: dict[str, float], na: float, story: _Story) -> float:
        b = story.vec
        if len(a) <= len(b):
            dot = sum(v * b[k] for k, v in a.items() if k in b)
        else:
            dot = sum(v * a[k] for k, v in b.items() if k in a)
        return dot / (na * story.norm) if na and story.norm else 0.0

    # -- the online step -------------------------------------------------------------------
    def add(self, article: Article) -> str:
        """Put ``article`` in a story (an existing one or a new one) and return its id."""
        if article.id in self._of_article:
            return self._of_article[article.id]
        names, words = features(article)
        day = occasion_date(article)
        vec = self._vector(names, words)
        norm = self._norm(vec)
        best, best_sim = None, 0.0
        for story in self._candidates(day, vec):
            sim = self._cosine(vec, norm, story)
            gap = _days(day, story.first)
            need = self.options.threshold if gap is None or gap <= self.options.window_days \
                else self.options.follow_up_threshold
            if day and day in story.days and day != (article.published or "")[:10]:
                need = min(need, self.options.same_day_threshold)  # both name the same day
            if sim >= need and sim > best_sim:
                best, best_sim = story, sim
        if best is None:
            best = _Story(_story_id(article), day, title=article.title, pos=len(self._stories))
            self._stories.append(best)
        self._join(best, article, names, words)
        if day:
            best.days.add(day)
        return best.id

    def _join(self, story: _Story, article: Article, names: Counter[str], words: Counter[str]) -> None:
        story.articles.append(article.id)
        story.names.update(names)
        story.words.update(words)
        self._of_article[article.id] = story.id
        self.n_docs += 1
        self.df.update({"N:" + t for t in names} | {"W:" + t for t in words})
        story.vec = self._vector(story.names, story.words)
        story.norm = self._norm(story.vec)
        for term in story.vec:
            self._postings.setdefault(term, set()).add(story.pos)

    def _candidates(self, day: str | None, vec: dict[str, float]) -> Iterable[_Story]:
        """Stories sharing a name or a rare word with the article, within the date window."""
        rare = sorted(vec, key=vec.__getitem__, reverse=True)[:25]
        seen: set[int] = set()
        for term in rare:
            seen |= self._postings.get(term, set())
        for pos in sorted(seen):
            story = self._stories[pos]
            gap = _days(day, story.first)
            if gap is None or gap <= self.options.follow_up_days:
                yield story

    # -- output and persistence ------------------------------------------------------------
    def stories(self, ids: set[str] | None = None) -> list[Story]:
        """The stories (only those in ``ids`` when given), oldest first."""
        return [Story(s.id, list(s.articles), title=s.title, date=s.first) for s in self._stories
                if ids is None or s.id in ids]

    def to_state(self) -> dict[str, Any]:
        return {"df": dict(self.df), "n_docs": self.n_docs,
                "stories": [{"id": s.id, "first": s.first, "articles": s.articles, "title": s.title,
                             "names": dict(s.names), "words": dict(s.words), "days": sorted(s.days)}
                            for s in self._stories]}

    @classmethod
    def from_state(cls, state: dict[str, Any], options: Options | None = None) -> StoryIndex:
        index = cls(options)
        index.df = Counter(state["df"])
        index.n_docs = state["n_docs"]
        for s in state["stories"]:
            story = _Story(s["id"], s["first"], list(s["articles"]), Counter(s["names"]),
                           Counter(s["words"]), s.get("title"), set(s.get("days", [])))
            story.vec = index._vector(story.names, story.words)
            story.norm, story.pos = index._norm(story.vec), len(index._stories)
            index._stories.append(story)
            index._of_article.update({a: story.id for a in story.articles})
            for term in story.vec:
                index._postings.setdefault(term, set()).add(len(index._stories) - 1)
        return index


def _days(a: str | None, b: str | None) -> int | None:
    if not a or not b:
        return None
    try:
        return abs((date.fromisoformat(a[:10]) - date.fromisoformat(b[:10])).days)
    except ValueError:
        return None


def _story_id(article: Article) -> str:
    return "s-" + hashlib.sha1(article.id.encode("utf-8")).hexdigest()[:12]


def cluster(articles: Iterable[Article], options: Options | None = None) -> dict[str, str]:
    """Article id -> story id, adding the articles in the order given."""
    index = StoryIndex(options)
    return {a.id: index.add(a) for a in articles}
