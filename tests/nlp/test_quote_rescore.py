"""The clause candidates' nonlinear re-scorer on invented text, with a hand-made tiny model."""

from __future__ import annotations

import math
from typing import Any

import numpy
import pytest

# invented text: a belief cue, a speech cue near a quote, and a plain verb
_TEXT = ('Officials in Varnholt believe the bridge will reopen. Mayor Ilse Brandt said the vote failed. '
         'She left early. "It is over," a clerk said.')
_N_SCALARS = 8


def _doc() -> Any:
    from dateline.nlp.parse import load

    return load()(_TEXT)


def _model(width: int, hidden: int = 3, threshold: float = 0.4, mix: float = 0.0, floor: float = 0.05
           ) -> dict[str, Any]:
    """A tiny perceptron: its hidden units read the logit alone, so its output is easy to predict."""
    n = 1 + _N_SCALARS + 4 * width
    w1 = numpy.zeros((n, hidden))
    w1[0, :] = 1.0
    return {"threshold": threshold, "mix": mix, "floor": floor, "width": width,
            "mean": [0.0] * n, "scale": [1.0] * n,
            "layers": [[w1.tolist(), [0.0] * hidden], [[[1.0]] * hidden, [-1.0]]]}


def _verb(doc: Any, lemma: str) -> Any:
    return next(t for t in doc if t.lemma_ == lemma)


def test_inputs_are_the_logit_the_scalars_and_four_vectors() -> None:
    from dateline.nlp.quote_model import doc_vectors
    from dateline.nlp.quote_rescore import BLOCKS, inputs

    doc = _doc()
    tensor = doc_vectors(doc)
    assert tensor is not None
    verb = _verb(doc, "say")
    start = _TEXT.index("the vote")
    x = inputs(doc, verb, start, start + len("the vote failed"), "1/1", 1.5, tensor)
    assert x.shape == (1 + _N_SCALARS + len(BLOCKS) * tensor.shape[1],)
    assert x[0] == pytest.approx(1.5)
    assert numpy.allclose(x[1 + _N_SCALARS:1 + _N_SCALARS + tensor.shape[1]], tensor[verb.i])


def test_scalars_read_extent_length_quote_distance_and_speech() -> None:
    from dateline.nlp.quote_rescore import scalars

    doc = _doc()
    start = _TEXT.index("the vote")
    said = scalars(doc, _verb(doc, "say"), start, start + len("the vote failed"), "2/3,cut")
    assert said[:5] == [0.0, 0.0, 2.0, 3.0, 1.0]
    assert said[5] == pytest.approx(math.log1p(3))
    assert 0.0 < said[6] < 1.0  # a quote mark a few words on
    assert said[7] == 1.0  # 'say' is a speech verb
    start = _TEXT.index("the bridge")
    believe = scalars(doc, _verb(doc, "believe"), start, start + len("the bridge will reopen"), "pass")
    assert believe[:2] == [1.0, 0.0] and believe[7] == 0.0


def test_forward_is_the_hand_computed_perceptron() -> None:
    from dateline.nlp.quote_rescore import forward

    model = _model(width=2)
    rows = numpy.zeros((3, 1 + _N_SCALARS + 8))
    rows[:, 0] = [-2.0, 0.5, 2.0]
    got = forward(rows, model)
    want = [1 / (1 + math.exp(-(3 * max(z, 0.0) - 1.0))) for z in (-2.0, 0.5, 2.0)]
    assert got.shape == (3,)
    assert numpy.allclose(got, want, atol=1e-5)


def test_rescore_uses_the_model_and_its_threshold() -> None:
    from dateline.nlp.quote_model import doc_vectors
    from dateline.nlp.quote_rescore import logit, rescore, threshold

    doc = _doc()
    tensor = doc_vectors(doc)
    assert tensor is not None
    model = _model(width=tensor.shape[1], mix=0.5)
    verb, start = _verb(doc, "say"), _TEXT.index("the vote")
    p = 0.7
    q = 1 / (1 + math.exp(-(3 * logit(p) - 1.0)))
    assert rescore(doc, verb, start, start + 15, "1/1", p, model) == pytest.approx(0.5 * q + 0.5 * p, abs=1e-5)
    assert rescore(doc, verb, start, start + 15, "1/1", 0.01, model) == 0.0  # under the floor
    assert threshold(0.5, model) == 0.4


def test_rescore_many_gives_each_candidate_what_rescore_gives_it() -> None:
    from dateline.nlp.quote_model import doc_vectors
    from dateline.nlp.quote_rescore import rescore, rescore_many

    doc = _doc()
    tensor = doc_vectors(doc)
    assert tensor is not None
    model = _model(width=tensor.shape[1], mix=0.25)
    said, believe = _verb(doc, "say"), _verb(doc, "believe")
    vote, bridge = _TEXT.index("the vote"), _TEXT.index("the bridge")
    candidates = [(said, vote, vote + 15, "1/1", 0.7), (believe, bridge, bridge + 22, "pass", 0.01),
                  (believe, bridge, bridge + 22, "pass", 0.55), (said, vote, vote + 8, "1/1,cut", 0.2)]
    got = rescore_many(doc, candidates, model)
    assert got[1] == 0.0  # under the floor, as alone
    assert got == pytest.approx([rescore(doc, *c, model) for c in candidates], abs=1e-6)
    assert rescore_many(doc, [], model) == []


def test_one_blas_thread_limits_numpy_blas_inside_only() -> None:
    from threadpoolctl import threadpool_info

    from dateline.nlp.quote_model import one_blas_thread

    def blas_threads() -> list[int]:
        return [lib["num_threads"] for lib in threadpool_info() if lib["user_api"] == "blas"]

    before = blas_threads()
    with one_blas_thread():
        assert all(n == 1 for n in blas_threads())
        with one_blas_thread():  # nested: still one thread, and the outer limit stands after it
            assert all(n == 1 for n in blas_threads())
        assert all(n == 1 for n in blas_threads())
    assert blas_threads() == before


def test_one_blas_thread_from_several_threads_restores_the_blas() -> None:
    import threading

    from threadpoolctl import threadpool_info

    from dateline.nlp.quote_model import one_blas_thread

    def blas_threads() -> list[int]:
        return [lib["num_threads"] for lib in threadpool_info() if lib["user_api"] == "blas"]

    before = blas_threads()
    inside: list[list[int]] = []
    start = threading.Barrier(4)

    def work() -> None:
        start.wait()
        for _ in range(20):
            with one_blas_thread():
                inside.append(blas_threads())

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(inside) == 80 and all(n == 1 for seen in inside for n in seen)
    assert blas_threads() == before


def test_without_a_model_or_vectors_the_linear_probability_stands(monkeypatch: pytest.MonkeyPatch) -> None:
    from dateline.nlp import quote_rescore

    doc = _doc()
    verb, start = _verb(doc, "say"), _TEXT.index("the vote")
    monkeypatch.setattr(quote_rescore, "load", lambda name="quote_rescore.json": None)
    assert quote_rescore.rescore(doc, verb, start, start + 15, "1/1", 0.37) == 0.37
    assert quote_rescore.threshold(0.5) == 0.5
    doc.tensor = numpy.zeros((0, 0), dtype="float32")  # a doc read back without its vectors
    assert quote_rescore.rescore(doc, verb, start, start + 15, "1/1", 0.37, _model(width=96)) == 0.37


def test_shipped_model_is_small_and_well_formed() -> None:
    from dateline.nlp.quote_rescore import load

    model = load()
    if model is None:
        pytest.skip("no re-scorer shipped")
    n = len(model["mean"])
    assert n == len(model["scale"]) == 1 + _N_SCALARS + 4 * model["width"]
    assert len(model["layers"][0][0]) == n and len(model["layers"][-1][0][0]) == 1
    assert 0.0 < model["threshold"] < 1.0 and 0.0 <= model["mix"] <= 1.0
