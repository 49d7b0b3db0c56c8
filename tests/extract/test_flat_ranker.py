"""The flat cleaner's span ranker on invented line probabilities (no real page text)."""

from __future__ import annotations

from dateline.extract import flat
from dateline.extract.flat_features import FEATURES, SPAN, blocks_of, candidates, span_features
from dateline.extract.flat_model import ranked_best

# invented page: a teaser list (lines 0-3), the article (5-9), comments (11-13)
PROBS = [0.7, 0.8, 0.7, 0.75, 0.1, 0.9, 0.95, 0.3, 0.9, 0.85, 0.05, 0.6, 0.7, 0.65]
SIZES = [60, 70, 65, 60, 20, 300, 280, 40, 310, 290, 15, 120, 100, 110]
ROWS = [[0.0] * len(FEATURES) for _ in PROBS]


def test_blocks_bridge_gaps_and_stop_at_breaks() -> None:
    assert blocks_of(PROBS, 0.5, None, gap=0) == [(0, 4), (5, 7), (8, 10), (11, 14)]
    assert blocks_of(PROBS, 0.5, None, gap=1) == [(0, 14)]  # each single unlikely line is bridged
    breaks = [k == 7 for k in range(len(PROBS))]
    assert blocks_of(PROBS, 0.5, breaks, gap=1) == [(0, 7), (8, 14)]


def test_candidates_start_with_the_given_extent_and_do_not_repeat() -> None:
    spans = candidates(SIZES, PROBS, 0.5, 0.2, None, None, [(5, 10)])
    assert spans[0] == (5, 10)
    assert len(spans) == len(set(spans))
    assert {(0, 4), (11, 14), (0, 14)} <= set(spans)
    assert all(PROBS[lo] >= 0.2 and PROBS[hi - 1] >= 0.2 for lo, hi in spans)  # cut to kept lines


def test_span_features_one_row_per_candidate() -> None:
    spans = [(5, 10), (0, 4), (11, 14)]
    feats = span_features(spans, SIZES, PROBS, ROWS, 0.5, 0.2)
    assert len(feats) == 3 and all(len(f) == len(SPAN) for f in feats)
    col = {n: k for k, n in enumerate(SPAN)}
    assert feats[0][col["default"]] == 1.0 and feats[1][col["default"]] == 0.0
    assert feats[0][col["mass_inside"]] > feats[1][col["mass_inside"]]
    assert feats[1][col["start"]] == 0.0


def test_ranked_best_is_the_highest_linear_score() -> None:
    feats = [[1.0, 0.0], [0.0, 1.0], [0.5, 0.5]]
    ranker = {"mean": [0.0, 0.0], "scale": [1.0, 1.0], "weights": [-1.0, 2.0]}
    assert ranked_best([(0, 1), (1, 2), (2, 3)], feats, ranker) == 1


def test_select_keeps_the_extent_the_ranker_prefers() -> None:
    lines = [f"invented line {k} " + "word " * (s // 5) for k, s in enumerate(SIZES)]
    idx = list(range(len(lines)))
    decode = {"span": 0.5, "keep": 0.2, "power": 1.0}
    col = SPAN.index("start")
    late = {"mean": [0.0] * len(SPAN), "scale": [1.0] * len(SPAN),
            "weights": [5.0 if k == col else 0.0 for k in range(len(SPAN))]}
    assert flat.select(idx, PROBS, lines, decode, None, None, ROWS) == [k for k in idx if PROBS[k] >= 0.2]
    assert min(flat.select(idx, PROBS, lines, decode, None, late, ROWS)) >= 11  # a late start wins: the comments


def test_fit_ranker_learns_which_candidate_wins() -> None:
    import importlib.util
    import sys
    from pathlib import Path

    import numpy as np
    import pytest

    pytest.importorskip("scipy", reason="fitting the ranker needs the train extra: pip install -e '.[train]'")

    path = Path(__file__).resolve().parents[2] / "scripts" / "train_flat.py"
    spec = importlib.util.spec_from_file_location("train_flat_for_test", path)
    assert spec is not None and spec.loader is not None
    train_flat = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = train_flat
    spec.loader.exec_module(train_flat)
    rng = np.random.default_rng(0)
    data = []
    for _ in range(30):  # invented pages: the candidate with the largest first feature has the best F1
        x = rng.normal(size=(5, len(SPAN)))
        data.append((x, np.where(np.arange(5) == np.argmax(x[:, 0]), 0.95, 0.5)))
    ranker = train_flat.fit_ranker(data, l2=0.1)
    assert ranker["features"] == SPAN and ranker["weights"][0] > 0
    x = rng.normal(size=(5, len(SPAN)))
    assert ranked_best([(0, 1)] * 5, x.tolist(), ranker) == int(np.argmax(x[:, 0]))
