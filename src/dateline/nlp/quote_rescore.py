"""A small nonlinear second opinion on the clause classifier's candidates.

The clause classifier (:func:`dateline.nlp.quote_model.clause_probability`) is linear: a sum of sparse
feature weights and of dot products with spaCy's contextual vectors of a few of the candidate's tokens.
This stage reads that linear score (as a logit) together with the same four contextual vectors
(:func:`dateline.nlp.quote_model.dense_tokens`) and a few cheap numbers about the candidate (its extent,
the length of its content, how far the nearest quote mark is, whether its verb is a speech verb), and
feeds them to a one-hidden-layer perceptron, which can weigh the vectors differently for different
verbs and extents. ``scripts/train_quote_rescore.py`` fits it on PolNeAR's train split, with the linear
score of each train candidate computed out of fold (so the perceptron does not learn to trust a score
that saw the candidate's own label), and writes ``data/quote_rescore.json``: the inputs' means and
scales, the layers' weights, the decision threshold, and how much of the linear probability is mixed in.

Without that file, or for a doc without contextual vectors, :func:`rescore` returns the linear
probability unchanged and :func:`threshold` the linear threshold: the stage then behaves as before.
Inference is a few numpy products per candidate.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy

from dateline.nlp.quote_model import SPEECH, dense_tokens, doc_text, doc_vectors, one_blas_thread, read_data

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: the candidate's tokens whose contextual vectors the perceptron reads, in input order
BLOCKS = ("verb", "content", "subj", "head")
#: how many numbers :func:`scalars` gives (they follow the logit in the input row)
N_SCALARS = 8
#: quote marks whose distance from the content is an input
_MARKS = frozenset('"“”‘’«»')
_MARK = re.compile(f"[{''.join(sorted(_MARKS))}]")
#: how far (characters) to look for a quote mark around the content
_REACH = 300
#: the logit of a probability is clipped to this size: the linear model's extremes carry no more
_MAX_LOGIT = 12.0


@functools.cache
def load(name: str = "quote_rescore.json") -> dict[str, Any] | None:
    """The shipped re-scorer, or None when none was trained. (It reads the file with
    :func:`~dateline.nlp.quote_model.read_data`, not through ``quote_model.load``, which the training
    script replaces while it fits.)"""
    model = read_data(name)
    return None if model is None else _prepare(model)


def _prepare(model: dict[str, Any]) -> dict[str, Any]:
    """The model with its lists as float32 arrays (the contextual vectors' type), made once."""
    model["_arrays"] = (numpy.asarray(model["mean"], dtype="float32"), numpy.asarray(model["scale"], dtype="float32"),
                        [(numpy.asarray(w, dtype="float32"), numpy.asarray(b, dtype="float32"))
                         for w, b in model["layers"]])
    return model


def threshold(linear: float, model: dict[str, Any] | None = None) -> float:
    """The threshold a candidate's probability must reach: the re-scorer's own when it is shipped,
    else ``linear`` (the clause classifier's)."""
    model = load() if model is None else model
    return linear if model is None else float(model["threshold"])


def rescore(doc: Doc, verb: Token, start: int, end: int, extent: str, p: float,
            model: dict[str, Any] | None = None) -> float:
    """The probability that ``verb`` reports ``doc_text(doc)[start:end]`` (``extent`` as
    :func:`dateline.nlp.quote_model.clause_candidates` names it), given the linear classifier's ``p``.
    ``p`` unchanged without a model or without contextual vectors; 0 when ``p`` is below the model's
    ``floor`` (far from reported content: not worth the perceptron's time)."""
    return rescore_many(doc, [(verb, start, end, extent, p)], model)[0]


def rescore_many(doc: Doc, candidates: Sequence[tuple[Token, int, int, str, float]],
                 model: dict[str, Any] | None = None) -> list[float]:
    """:func:`rescore` of each (verb, start, end, extent, p) of ``doc``, the perceptron run once over
    all of them (one product per layer instead of one per candidate)."""
    model = load() if model is None else model
    out = [p for *_, p in candidates]
    if model is None or not candidates:
        return out
    tensor = doc_vectors(doc)
    if tensor is None or tensor.shape[1] != model["width"]:
        return out
    floor, mix = model["floor"], model.get("mix", 0.0)
    out = [p if p >= floor else 0.0 for p in out]
    asked = [k for k, p in enumerate(out) if p >= floor]
    if asked:
        rows = numpy.stack([inputs(doc, *candidates[k][:4], logit(candidates[k][4]), tensor) for k in asked])
        with one_blas_thread():
            probabilities = forward(rows, model).tolist()
        for k, q in zip(asked, probabilities, strict=True):
            out[k] = float((1.0 - mix) * q + mix * candidates[k][4])
    return out


def logit(p: float) -> float:
    """log(p / (1 - p)), clipped to +-``_MAX_LOGIT``."""
    p = min(max(p, 1e-9), 1.0 - 1e-9)
    return max(-_MAX_LOGIT, min(_MAX_LOGIT, math.log(p / (1.0 - p))))


def inputs(doc: Doc, verb: Token, start: int, end: int, extent: str, score: float, tensor: Any) -> Any:
    """The perceptron's input row (float32): the linear logit ``score``, the candidate's numbers
    (:func:`scalars`), then the contextual vector of each of its ``BLOCKS`` tokens (zeros where it
    has none)."""
    where = dense_tokens(doc, verb)
    width = tensor.shape[1]
    parts = [numpy.asarray([score, *scalars(doc, verb, start, end, extent)], dtype="float32")]
    for name in BLOCKS:
        j = where[name]
        parts.append(numpy.zeros(width, dtype="float32") if j is None else tensor[j].astype("float32"))
    return numpy.concatenate(parts)


def scalars(doc: Doc, verb: Token, start: int, end: int, extent: str) -> list[float]:
    """Cheap numbers about a candidate: its extent (content before the verb as a passive subject or
    a complement after a noun; which of the verb's dependents it reaches, of how many; cut before a
    trailing clause), how many words it has, how far the nearest quote mark is, and whether its verb
    is a speech verb."""
    text = doc_text(doc)
    own = extent not in ("pass", "comp")
    k, n = (extent.split(",")[0].split("/") if own else ("0", "0"))
    words = len(text[start:end].split())
    return [float(extent == "pass"), float(extent == "comp"), float(k), float(n), float(",cut" in extent),
            math.log1p(words), math.log1p(_mark_distance(text, start, end)) / math.log1p(_REACH),
            float(verb.lemma_.lower() in SPEECH)]


def _mark_distance(text: str, start: int, end: int) -> int:
    """Characters between the content ``text[start:end]`` and the nearest quote mark (0 inside it;
    ``_REACH`` when none is that near)."""
    if _MARK.search(text, start, end):
        return 0
    # searches in C, not a loop over characters: the last mark before the content, the first after it
    last = max(text.rfind(mark, max(0, start - _REACH), start) for mark in _MARKS)
    first = _MARK.search(text, end, end + _REACH)
    before = start - 1 - last if last >= 0 else _REACH
    after = first.start() - end if first else _REACH
    return min(before, after, _REACH)


def forward(rows: Any, model: dict[str, Any]) -> Any:
    """The perceptron's probabilities for input ``rows`` (one per line): standardised inputs, ReLU
    hidden layers, a logistic output."""
    mean, scale, layers = model["_arrays"] if "_arrays" in model else _prepare(model)["_arrays"]
    h = (numpy.asarray(rows, dtype="float32") - mean) / scale
    for w, b in layers[:-1]:
        h = numpy.maximum(h @ w + b, 0.0)
    w, b = layers[-1]
    z = numpy.clip((h @ w + b)[:, 0], -30.0, 30.0)
    return 1.0 / (1.0 + numpy.exp(-z))
