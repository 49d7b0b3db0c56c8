"""Run the annotators over articles: one spaCy parse per article, then each annotator in order,
batch by batch (an annotator with a batch form gets the whole batch at once)."""

from __future__ import annotations

import importlib
import itertools
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

from .. import settings
from ..errors import ConfigError
from ..model import Article, Sentence, check_spans
from . import ANNOTATORS, BATCH_FORMS, Annotator, parse

if TYPE_CHECKING:
    from spacy.tokens import Doc

BatchForm = Callable[[list[Article], list["Doc"]], list[Article]]


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


def batch_form(name: str) -> BatchForm | None:
    """The batch form of the annotator ``name`` (:data:`~dateline.nlp.BATCH_FORMS`), if it has one."""
    target = BATCH_FORMS.get(name)
    if target is None:
        return None
    module, func = target.split(":")
    return getattr(importlib.import_module(module), func)  # type: ignore[no-any-return]


def annotate(
    articles: Iterable[Article], names: Sequence[str] | None = None, batch_size: int | None = None
) -> Iterator[Article]:
    """Parse each article once and run the annotators ``names`` (default: all, in order).

    The articles go through in batches of ``batch_size`` (default: the ``batch_size`` setting):
    each annotator runs over the whole batch before the next one starts, and the batch's articles
    are yielded when it is finished. Every annotator's result is checked: it must return an
    :class:`Article` whose spans lie inside the text.

    Raises:
        ConfigError: for an unknown annotator name.
        RuntimeError: when an annotator breaks the contract (a bug, not bad input).
    """
    steps = [(n, get_annotator(n), batch_form(n)) for n in (names or list(ANNOTATORS))]
    pending = list(articles) if not isinstance(articles, list) else articles
    size = max(1, batch_size or settings.get_int("batch_size"))
    docs = parse.parse((a.text for a in pending), batch_size=size)
    for first in range(0, len(pending), size):
        batch = pending[first:first + size]
        batch_docs = list(itertools.islice(docs, len(batch)))
        for article, doc in zip(batch, batch_docs, strict=True):
            article.sentences = [Sentence(s.start_char, s.end_char) for s in doc.sents]
        for name, step, over_batch in steps:
            got = over_batch(batch, batch_docs) if over_batch is not None else \
                [step(a, d) for a, d in zip(batch, batch_docs, strict=True)]
            if len(got) != len(batch):
                raise RuntimeError(f"annotator {name} returned {len(got)} articles for {len(batch)}")
            for article in got:
                if not isinstance(article, Article):
                    raise RuntimeError(f"annotator {name} returned {type(article).__name__}")
                problems = check_spans(article)
                if problems:
                    raise RuntimeError(f"annotator {name} broke offsets: {problems[:3]}")
            batch = got
        yield from batch
