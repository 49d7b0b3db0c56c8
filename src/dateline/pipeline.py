"""The stages, in order, and the runner that checks what each returns.

::

    Page --extract--> Article --annotate--> Article (+times, actors, quotes, events) --cluster--> story

Extraction works page by page; the article stages work on batches (spaCy parses a batch at a time)
and have one signature, ``list[Article] -> list[Article]``. The runner checks every stage's output
(same articles, valid offsets). In ``record`` error mode a failing item becomes a
:class:`~dateline.model.Failure` and the run goes on; in ``raise`` mode the error propagates.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import Literal

from .errors import InputError
from .extract import extract
from .model import Article, Failure, Page, check_spans

log = logging.getLogger(__name__)

Stage = Callable[[list[Article]], list[Article]]
ErrorPolicy = Literal["record", "raise"]


@dataclass(slots=True)
class Options:
    """How a run behaves.

    Attributes:
        annotate: run the annotation stages (times, actors, quotes, events).
        cluster: assign stories (needs a store to keep the story index between runs).
        on_error: ``record`` a failed item and go on, or ``raise``.
        batch_size: articles per annotation batch.
        annotators: names of the annotators to run (default: all).
    """

    annotate: bool = True
    cluster: bool = True
    on_error: ErrorPolicy = "record"
    batch_size: int = 32
    annotators: list[str] | None = None


def annotate_stage(options: Options) -> Stage:
    from .nlp.annotate import annotate

    def run(batch: list[Article]) -> list[Article]:
        return list(annotate(batch, options.annotators, options.batch_size))

    return run


def check_output(name: str, given: list[Article], got: list[Article]) -> None:
    """The stage contract: the same articles back, in order, with offsets inside their texts."""
    if [a.id for a in got] != [a.id for a in given]:
        raise RuntimeError(f"stage {name} returned other articles than it was given")
    for article in got:
        problems = check_spans(article)
        if problems:
            raise RuntimeError(f"stage {name} broke offsets in {article.id}: {problems[:3]}")


@dataclass(slots=True)
class Runner:
    """Runs the article stages over batches with the error policy of ``options``."""

    stages: list[tuple[str, Stage]]
    options: Options = field(default_factory=Options)

    def run_batch(self, batch: list[Article]) -> list[Article | Failure]:
        try:
            return list(self._apply(batch))
        except Exception:
            if self.options.on_error == "raise" or len(batch) == 1:
                if self.options.on_error == "raise":
                    raise
                return [self._failure(batch[0])]
        # find the failing article(s): run the batch one by one
        out: list[Article | Failure] = []
        for article in batch:
            try:
                out.extend(self._apply([article]))
            except Exception:
                out.append(self._failure(article))
        return out

    def _apply(self, batch: list[Article]) -> list[Article]:
        for name, stage in self.stages:
            result = stage(batch)
            check_output(name, batch, result)
            batch = result
        return batch

    @staticmethod
    def _failure(article: Article) -> Failure:
        """The failure of ``article``, called from inside the ``except`` that caught it."""
        log.exception("annotation failed for %s", article.source or article.id)
        exc = sys.exc_info()[1]
        return Failure(article.source or article.id, "stage-error", stage="annotate",
                       detail=f"{type(exc).__name__}: {exc}")


def extract_pages(items: Iterable[Page | Failure], policy: ErrorPolicy = "record"
                  ) -> Iterator[tuple[Page, Article] | Failure]:
    """Extract each page; a page that yields no article becomes a Failure (or raises)."""
    for item in items:
        if isinstance(item, Failure):
            yield item
            continue
        try:
            yield item, extract(item)
        except InputError as exc:
            if policy == "raise":
                raise
            yield Failure(exc.source, exc.reason, stage="extract", detail=exc.detail)
        except Exception as exc:  # a bug in an extractor must not stop a batch
            if policy == "raise":
                raise
            log.exception("extraction failed for %s", item.source)
            yield Failure(item.source, "extract-error", stage="extract",
                          detail=f"{type(exc).__name__}: {exc}")


def batched(items: Iterable[object], size: int) -> Iterator[list]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


__all__ = ["Options", "Runner", "Stage", "annotate_stage", "batched",
           "check_output", "extract_pages"]
