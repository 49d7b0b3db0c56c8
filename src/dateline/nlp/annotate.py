"""Run the annotators over articles: one spaCy parse per article, then each annotator in order."""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator, Sequence

from ..errors import ConfigError
from ..model import Article, Sentence, check_spans
from . import ANNOTATORS, Annotator, parse


def get_annotator(name: str) -> Annotator:
    """The annotator registered as ``name``.

    Raises:
        ConfigError: for an unknown name, listing the available ones.
    """
    try:
        target = ANNOTATORS[name]
    except KeyError:
        raise ConfigError(f"no annotator {name!r}; available: {', '.join(ANNOTATORS)}") from None
    module, func = target.split(":")
    return getattr(importlib.import_module(module), func)  # type: ignore[no-any-return]


def annotate(
    articles: Iterable[Article], names: Sequence[str] | None = None, batch_size: int | None = None
) -> Iterator[Article]:
    """Parse each article once and run the annotators ``names`` (default: all, in order).

    Yields the articles as they are finished. Every annotator's result is checked: it must
    return an :class:`Article` whose spans lie inside the text.

    Raises:
        ConfigError: for an unknown annotator name.
        RuntimeError: when an annotator breaks the contract (a bug, not bad input).
    """
    steps = [(n, get_annotator(n)) for n in (names or list(ANNOTATORS))]
    pending = list(articles) if not isinstance(articles, list) else articles
    docs = parse.parse((a.text for a in pending), batch_size=batch_size)
    for article, doc in zip(pending, docs, strict=True):
        article.sentences = [Sentence(s.start_char, s.end_char) for s in doc.sents]
        for name, step in steps:
            article = step(article, doc)
            if not isinstance(article, Article):
                raise RuntimeError(f"annotator {name} returned {type(article).__name__}")
            problems = check_spans(article)
            if problems:
                raise RuntimeError(f"annotator {name} broke offsets: {problems[:3]}")
        yield article
