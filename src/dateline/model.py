"""The one data model that passes through every Dateline stage.

A raw input becomes a :class:`Page`; extraction turns a page into an :class:`Article`; the
annotation stages fill the article's lists (sentences, actors, mentions, quotes, events, times);
clustering groups articles into :class:`Story` objects and stories into storylines.

Every annotation points into ``Article.text`` by character offsets (``start`` inclusive, ``end``
exclusive, Python ``str`` indices), never by copies that could drift from the text. Fields that
repeat the covered text (``Quote.text``, ``Mention.text``) are for readers of the JSON output;
:func:`check_spans` verifies that they agree with the offsets.

All classes are slotted dataclasses that convert to and from plain JSON-able dicts with
:func:`to_dict` and the ``from_dict`` class methods.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, Literal, TypeVar

PageKind = Literal["html", "text", "record"]
QuoteKind = Literal["direct", "mixed", "indirect"]
Modality = Literal["asserted", "negated", "hypothetical", "conditional", "intended"]
MODALITIES: tuple[str, ...] = ("asserted", "negated", "hypothetical", "conditional", "intended")


@dataclass(slots=True)
class Page:
    """A raw input as it arrived: one HTML page, one flattened text dump or one JSONL record.

    Attributes:
        id: sha256 of the content; identical content always gets the same id.
        source: where it came from (a file path, ``path#line`` for JSONL, a URL or WARC record).
        kind: ``html`` for markup, ``text`` for flattened page text, ``record`` for a JSONL
            record that already carries clean text.
        content: the decoded content.
        url, title, outlet, published, credit: metadata given by the caller (CLI flags, a
            ``.meta.json`` sidecar or the JSONL record); ``None`` when not given.
        doc_id: an id the input itself gives (a JSONL record's ``id``); kept as the article id.
    """

    id: str
    source: str
    kind: PageKind
    content: str
    doc_id: str | None = None
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    credit: str | None = None


@dataclass(slots=True)
class Sentence:
    start: int
    end: int


@dataclass(slots=True)
class Actor:
    """Someone or something that acts or is acted upon: a person, organisation or place.

    Attributes:
        id: key of the actor within its article (``"a0"``, ``"a1"`` ...).
        name: canonical name ("Vladimir Putin", "South Korea").
        kind: ``person``, ``org``, ``place`` or ``country``.
        country: ISO 3166-1 alpha-3 code or ``None`` when unknown.
        role: sector: ``government``, ``military``, ``media``, ``business``, ``igo`` ...
        code: CAMEO-style actor code, country plus sector (``RUSGOV``, ``KORMED``, ``IGOUNO``).
    """

    id: str
    name: str
    kind: str
    country: str | None = None
    role: str | None = None
    code: str | None = None
    aliases: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Mention:
    """A stretch of text that refers to an actor ("Putin", "he", "the Kremlin")."""

    start: int
    end: int
    text: str
    actor: str | None = None
    kind: str = "name"  # name | pronoun | title | description


@dataclass(slots=True)
class Quote:
    """Something a source is reported to have said, thought or written.

    Field names follow ``shared/data/quotes/README.md`` so the quote scorer reads them as is.

    Attributes:
        start, end: the quoted content (for split quotes the whole stretch; see ``fragments``).
        kind: ``direct`` (all inside quote marks), ``mixed`` (partly) or ``indirect``.
        speaker, speaker_start, speaker_end: the speaker mention as written ("he").
        speaker_name: the resolved name ("Vladimir Putin"), or ``None``.
        speaker_actor: the :class:`Actor` id of the resolved speaker, or ``None``.
        cue, cue_start, cue_end: the cue ("said", "warned", "according to", ":").
        relay, relay_start, relay_end: who passed the quote on ("TASS" in "according to TASS").
        fragments: ``[[s, e], ...]`` when the content is discontinuous.
    """

    start: int
    end: int
    text: str
    kind: QuoteKind
    speaker: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker_name: str | None = None
    speaker_actor: str | None = None
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    relay: str | None = None
    relay_start: int | None = None
    relay_end: int | None = None
    fragments: list[list[int]] | None = None


@dataclass(slots=True)
class TimeExpression:
    """A time expression and its resolved value.

    Attributes:
        value: ISO date ``YYYY-MM-DD``, month ``YYYY-MM``, ISO week ``YYYY-Www`` ("last week") or
            year ``YYYY``; ``None`` when it cannot be resolved (no anchor date), never a guess.
        status: ``resolved`` (relative, resolved against ``anchor``), ``absolute`` (stated in
            full in the text) or ``unknown``.
        anchor: the date it was resolved against (the publication date), if any.
    """

    start: int
    end: int
    text: str
    value: str | None
    status: Literal["absolute", "resolved", "unknown"]
    anchor: str | None = None


@dataclass(slots=True)
class Event:
    """A political event: source does something (``code``/``plover``) to target.

    Attributes:
        start, end: the evidence sentence.
        source, target: CAMEO-style actor codes (``RUSGOV``, ``KOR``); ``None`` when absent.
        source_actor, target_actor: :class:`Actor` ids within the article.
        code: CAMEO event code ("051"); plover: PLOVER type ("SUPPORT").
        modality: asserted, negated, hypothetical, conditional or intended.
        goldstein: Goldstein intensity of ``code`` (-10 .. +10).
        date: when the event happened (ISO, possibly partial) or ``None`` when unknown.
        cue, cue_start, cue_end: the words that carry the event ("appreciates").
        quote: index into ``Article.quotes`` when the event was said rather than done.
        location: place name where it happened, with ``country``/``lat``/``lon`` when resolved.
    """

    start: int
    end: int
    source: str | None
    target: str | None
    code: str
    plover: str | None
    modality: Modality = "asserted"
    goldstein: float | None = None
    source_actor: str | None = None
    target_actor: str | None = None
    date: str | None = None
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    quote: int | None = None
    location: dict[str, Any] | None = None


@dataclass(slots=True)
class Article:
    """An article: clean text, metadata and the annotations that point into the text.

    Attributes:
        id: stable id (the page id for extracted pages, the record id for JSONL input).
        text: the clean article body; paragraphs separated by blank lines.
        paragraphs: ``[start, end]`` offsets of each paragraph in ``text``.
        published: publication date (ISO 8601, date or date-time) or ``None`` when not known.
        credit: the wire or agency credited ("Yonhap", "AP"), if any.
    """

    id: str
    text: str
    source: str | None = None
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    credit: str | None = None
    published: str | None = None
    language: str | None = None
    authors: list[str] = field(default_factory=list)
    paragraphs: list[list[int]] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    times: list[TimeExpression] = field(default_factory=list)
    story: str | None = None

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        """Build an article (with its annotations) from :func:`to_dict` output."""
        known = {f.name for f in dataclasses.fields(cls)}
        kwargs = {k: v for k, v in data.items() if k in known}
        for name, kind in _NESTED.items():
            kwargs[name] = [_build(kind, item) for item in data.get(name) or []]
        return cls(**kwargs)

    def actor(self, actor_id: str | None) -> Actor | None:
        """The actor with ``actor_id``, or ``None``."""
        for a in self.actors:
            if a.id == actor_id:
                return a
        return None


@dataclass(slots=True)
class Story:
    """One occasion reported by one or more articles.

    Attributes:
        id: stable story id.
        articles: ids of its articles, in publication order.
        date: when the occasion happened (ISO, possibly partial), ``None`` when unknown.
        storyline: id of the storyline it belongs to, if any.
    """

    id: str
    articles: list[str]
    title: str | None = None
    date: str | None = None
    place: str | None = None
    storyline: str | None = None


@dataclass(slots=True)
class Failure:
    """An input or stage that failed: recorded, then skipped."""

    source: str
    reason: str
    stage: str = "ingest"
    detail: str | None = None


_NESTED: dict[str, type] = {
    "sentences": Sentence,
    "actors": Actor,
    "mentions": Mention,
    "quotes": Quote,
    "events": Event,
    "times": TimeExpression,
}

T = TypeVar("T")


def _build(kind: type[T], data: dict[str, Any]) -> T:
    known = {f.name for f in dataclasses.fields(kind)}  # type: ignore[arg-type]
    return kind(**{k: v for k, v in data.items() if k in known})


def to_dict(obj: Any) -> dict[str, Any]:
    """A JSON-able dict of any model object (nested objects included)."""
    return dataclasses.asdict(obj)


def check_spans(article: Article) -> list[str]:
    """Problems with the article's annotation offsets; an empty list when all is well.

    Checks that every span lies inside the text, starts before it ends, and that copied text
    (``Quote.text``, ``Mention.text``, ``TimeExpression.text``) matches the offsets.
    """
    problems: list[str] = []
    n = len(article.text)

    def bad(kind: str, i: int, start: int | None, end: int | None) -> bool:
        if start is None or end is None:
            return False
        if not 0 <= start <= end <= n:
            problems.append(f"{kind}[{i}] span {start}:{end} outside text of length {n}")
            return True
        return False

    for i, s in enumerate(article.sentences):
        bad("sentence", i, s.start, s.end)
    copies: list[tuple[str, Mention | TimeExpression]] = [
        *(("mention", m) for m in article.mentions), *(("time", t) for t in article.times)]
    for i, (kind, m) in enumerate(copies):
        if not bad(kind, i, m.start, m.end) and article.text[m.start : m.end] != m.text:
            problems.append(f"{kind} {m.text!r} != text at {m.start}:{m.end}")
    for i, q in enumerate(article.quotes):
        if not bad("quote", i, q.start, q.end) and article.text[q.start : q.end] != q.text:
            problems.append(f"quote[{i}] text does not match offsets {q.start}:{q.end}")
        bad("quote speaker", i, q.speaker_start, q.speaker_end)
        bad("quote cue", i, q.cue_start, q.cue_end)
        bad("quote relay", i, q.relay_start, q.relay_end)
    for i, e in enumerate(article.events):
        bad("event", i, e.start, e.end)
        bad("event cue", i, e.cue_start, e.cue_end)
        if e.modality not in MODALITIES:
            problems.append(f"event[{i}] modality {e.modality!r} not one of {MODALITIES}")
    return problems
