"""A small learned line classifier for the flattened-text cleaner: gradient-boosted trees.

The features are those of :mod:`dateline.extract.flat_features`. ``scripts/train_flat.py`` fits the
trees (scikit-learn, for training only) and writes them to ``data/flat_model.json`` as flat arrays:
per tree, each node's feature, threshold, left and right child and value, a leaf pointing to
itself. Inference walks all trees at once for all lines of a page with numpy (a few array
operations per tree level; numpy comes with spaCy).
"""

from __future__ import annotations

import functools
import json
from collections.abc import Sequence
from importlib import resources
from typing import Any

import numpy as np


@functools.cache
def load() -> dict[str, Any] | None:
    """The shipped model, or None when none was trained."""
    try:
        text = resources.files("dateline.data").joinpath("flat_model.json").read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    return json.loads(text)  # type: ignore[no-any-return]


def _arrays(trees: list[list[list[float]]]) -> tuple[np.ndarray, ...]:
    """The trees as flat arrays of all their nodes; children are indices into those arrays."""
    feat: list[float] = []
    thr: list[float] = []
    left: list[float] = []
    right: list[float] = []
    value: list[float] = []
    roots: list[int] = []
    for f, th, lf, rt, val in trees:
        offset = len(feat)
        roots.append(offset)
        feat += f
        thr += th
        left += [offset + c for c in lf]
        right += [offset + c for c in rt]
        value += val
    return (np.array(roots, dtype=np.intp), np.array(feat, dtype=np.intp), np.array(thr),
            np.array(left, dtype=np.intp), np.array(right, dtype=np.intp), np.array(value))


def _tree_arrays(model: dict[str, Any]) -> tuple[np.ndarray, ...]:
    cached = model.get("_arrays")
    if cached is None:  # built once per model and kept with it
        cached = model["_arrays"] = _arrays(model["trees"])
    return cached  # type: ignore[no-any-return]


def probabilities(rows: Sequence[Sequence[float]], model: dict[str, Any]) -> list[float]:
    """The body probability of each feature row under the model's trees."""
    if not rows:
        return []
    roots, feat, thr, left, right, value = _tree_arrays(model)
    x = np.asarray(rows, dtype=float)
    cells = x.ravel()
    row_start = (np.arange(len(x)) * x.shape[1])[:, None]
    node = np.broadcast_to(roots, (len(x), len(roots)))
    for _ in range(int(model["depth"])):
        go_left = cells[row_start + feat[node]] <= thr[node]
        node = np.where(go_left, left[node], right[node])
    z = float(model["base"]) + value[node].sum(axis=1)
    return (1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))).tolist()  # type: ignore[no-any-return]


def line_probabilities(rows: Sequence[Sequence[float]], sizes: Sequence[float], model: dict[str, Any]) -> list[float]:
    """Body probabilities of a page's non-blank lines: each stage sees the line's features and
    the previous stage's probabilities around it (:func:`dateline.extract.flat_features.context`).
    A model with ``members`` averages the probabilities of its member models (each a stack of stages)."""
    members = model.get("members")
    if members:
        each = [_stack_probabilities(rows, sizes, m) for m in members]
        return [sum(ps) / len(ps) for ps in zip(*each, strict=True)]
    return _stack_probabilities(rows, sizes, model)


def _stack_probabilities(rows: Sequence[Sequence[float]], sizes: Sequence[float],
                         model: dict[str, Any]) -> list[float]:
    """Body probabilities under one stack of stages."""
    from .flat_features import context

    probs = unchromed(probabilities(rows, model["stages"][0]), rows)
    for stage in model["stages"][1:]:
        probs = probabilities([[*r, *c] for r, c in zip(rows, context(sizes, probs), strict=True)], stage)
    return unchromed(probs, rows)


def unchromed(probs: list[float], rows: Sequence[Sequence[float]]) -> list[float]:
    """Probabilities with the rules' chrome lines (a chrome pattern, another script) at 0: such a line
    is never article text, whatever the model says, and the next stage should see that."""
    from .flat_features import FEATURES

    col = FEATURES.index("chrome")
    return [0.0 if r[col] else p for p, r in zip(probs, rows, strict=True)]


def ranked_best(spans: Sequence[tuple[int, int]], feats: Sequence[Sequence[float]], ranker: dict[str, Any]) -> int:
    """The index of the candidate extent the span ranker scores highest (a linear score of the standardised
    :data:`dateline.extract.flat_features.SPAN` features: a conditional logit's, so only the ranking counts)."""
    x = (np.asarray(feats, dtype=float) - np.asarray(ranker["mean"])) / np.asarray(ranker["scale"])
    return int(np.argmax(x @ np.asarray(ranker["weights"])))
