"""Annotation: Article + its spaCy Doc -> the same Article with annotations filled in.

Each annotator is a plain function ``(Article, Doc) -> Article`` that fills one kind of
annotation and may read what earlier annotators filled. :data:`ANNOTATORS` is the order they run
in (see :mod:`dateline.nlp.annotate`):

1. ``times``  - time expressions, resolved against ``Article.published``
2. ``actors`` - people, organisations and places, resolved to country, role and CAMEO code
3. ``quotes`` - direct, mixed and indirect quotes with speaker, cue and relay
4. ``events`` - source -> target events with CAMEO/PLOVER type, modality, date and evidence

An annotator may also have a batch form (:data:`BATCH_FORMS`), ``(articles, docs) -> articles``,
which gives the same result as the plain function over each article but works on a batch at once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from ..model import Article

if TYPE_CHECKING:
    from spacy.tokens import Doc

Annotator = Callable[[Article, "Doc"], Article]

#: name -> "module:function" of each annotator, in the order they run.
ANNOTATORS: dict[str, str] = {
    "times": "dateline.nlp.times:annotate_times",
    "actors": "dateline.nlp.actors:annotate_actors",
    "quotes": "dateline.nlp.quotes:annotate_quotes",
    "events": "dateline.nlp.events:annotate_events",
}

#: name -> "module:function" of the batch form of an annotator that has one (the quotes stage's
#: sequence tagger reads a whole batch of articles in one loop)
BATCH_FORMS: dict[str, str] = {
    "quotes": "dateline.nlp.quotes:annotate_quotes_batch",
}
