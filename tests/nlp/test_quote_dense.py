"""The clause classifier's dense part (spaCy's contextual vectors) on invented text, and how it is fitted."""

from __future__ import annotations

import math
import random
from pathlib import Path
from types import ModuleType

import numpy
import pytest

# invented text: a belief cue, a speech cue and a plain verb
_TEXT = "Officials in Varnholt believe the bridge will reopen. Mayor Ilse Brandt said the vote failed. She left early."


def _dense(width: int, seed: int) -> dict[str, list[float]]:
    rng = random.Random(seed)
    return {b: [rng.uniform(-0.2, 0.2) for _ in range(width)] for b in ("verb", "content", "subj", "head")}


def test_dense_score_is_the_dot_product_of_the_blocks_tokens_vectors() -> None:
    from dateline.nlp.parse import load
    from dateline.nlp.quote_model import clause_dense_score, dense_tokens, doc_vectors

    doc = load()(_TEXT)
    tensor = doc_vectors(doc)
    assert tensor is not None and tensor.shape[0] == len(doc)
    dense = _dense(tensor.shape[1], 0)
    verbs = [t for t in doc if t.pos_ == "VERB"]
    assert verbs
    for verb in verbs:
        where = dense_tokens(doc, verb)
        assert where["verb"] == verb.i
        want = sum(float(numpy.dot(dense[b], tensor[j])) for b, j in where.items() if j is not None)
        assert clause_dense_score(doc, verb, dense) == pytest.approx(want, abs=1e-4)


def test_clause_probability_adds_the_dense_score_to_the_sparse_sum() -> None:
    from dateline.nlp.parse import load
    from dateline.nlp.quote_model import (
        BEFORE,
        clause_candidates,
        clause_dense_score,
        clause_features,
        clause_probability,
    )

    doc = load()(_TEXT)
    dense = _dense(doc.tensor.shape[1], 1)
    weights = {"bias": -0.5, "lemma=believe": 0.8, "n=4-5": 0.3}
    for verb, start, end, extent in clause_candidates(doc):
        z = sum(weights.get(f, 0.0) for f in clause_features(doc, verb, start, end, extent)) + weights["bias"]
        if extent not in BEFORE:  # content before its verb has no dense part
            z += clause_dense_score(doc, verb, dense)
        want = 1.0 / (1.0 + math.exp(-z))
        assert clause_probability(doc, verb, start, end, extent, weights, dense) == pytest.approx(want, abs=1e-6)


def test_a_doc_without_vectors_has_no_dense_part() -> None:
    from spacy.tokens import DocBin

    from dateline.nlp.parse import load
    from dateline.nlp.quote_model import clause_dense_score, doc_vectors

    nlp = load()
    db = DocBin()
    db.add(nlp(_TEXT))
    doc = next(iter(DocBin().from_bytes(db.to_bytes()).get_docs(nlp.vocab)))  # a DocBin drops doc.tensor
    assert doc_vectors(doc) is None
    verb = next(t for t in doc if t.pos_ == "VERB")
    assert clause_dense_score(doc, verb, _dense(96, 2)) == 0.0


def test_fit_dense_learns_weights_on_the_vectors_and_fit_stays_sparse(train_quotes: ModuleType) -> None:
    train = train_quotes
    rng = random.Random(0)
    # invented rows: the label follows the first vector component; the sparse feature is noise
    rows = []
    for _ in range(400):
        v = numpy.array([rng.gauss(0, 1), rng.gauss(0, 1)])
        rows.append((["noise"] if rng.random() < 0.5 else [], int(v[0] > 0), v))
    weights, dense = train.fit_dense(rows, epochs=10, min_count=1)
    assert len(dense) == 2 and dense[0] > 1.0 and abs(dense[1]) < dense[0] / 3
    assert abs(weights.get("noise", 0.0)) < 0.5
    assert train.fit([(f, y) for f, y, _ in rows], epochs=10, min_count=1) == \
        train.fit_dense([(f, y, None) for f, y, _ in rows], epochs=10, min_count=1)[0]


def test_clause_examples_leave_out_what_the_rules_found(train_quotes: ModuleType) -> None:
    from dateline.nlp.parse import load

    train = train_quotes
    doc = load()(_TEXT)
    said = _TEXT.index("the vote")
    rec = {"text": _TEXT, "quotes": [
        {"start": said, "end": _TEXT.index(". She"), "kind": "indirect"},
        {"start": _TEXT.index("the bridge"), "end": _TEXT.index(". Mayor"), "kind": "indirect"}]}
    rules: tuple[list[tuple[int, int]], list[tuple[int, int]]] = ([(said, _TEXT.index(". She"))], [])  # rules found it
    rows = list(train.clause_examples([rec], [doc], [rules]))
    labelled = [feats for feats, y, _ in rows if y]
    assert labelled and all("lemma=believe" in feats for feats in labelled)
    assert not any("lemma=say" in feats for feats, _, _ in rows)
    assert all(v is None or len(v) == len(train.CLAUSE_DENSE) * doc.tensor.shape[1] for _, _, v in rows)


def test_docs_read_back_from_a_docbin_get_their_vectors_again(tmp_path: Path, train_quotes: ModuleType) -> None:
    from spacy.tokens import DocBin

    from dateline.nlp.parse import load

    train, nlp = train_quotes, load()
    texts = [_TEXT, "Invented: the council hopes the ferry runs."]
    parsed = [nlp(t) for t in texts]
    db = DocBin()
    for d in parsed:
        db.add(d)
    for _ in range(2):  # first computed by tok2vec alone and saved, then read from the saved file
        docs = list(DocBin().from_bytes(db.to_bytes()).get_docs(nlp.vocab))
        train._add_vectors(docs, texts, tmp_path / "x.vectors.npz")
        assert (tmp_path / "x.vectors.npz").exists()
        for doc, want in zip(docs, parsed, strict=True):
            assert numpy.allclose(doc.tensor, want.tensor, atol=1e-5)


def test_seed_average_takes_the_mean_of_each_weight_and_drops_the_negligible(train_quotes: ModuleType) -> None:
    train = train_quotes
    fits = [({"a": 1.0, "b": 0.01}, [0.2, -0.4]), ({"a": 0.5}, [0.4, 0.0])]
    sparse, dense = train._seed_average(fits)
    assert sparse == {"a": 0.75} and dense == [0.3, -0.2]  # b averages to 0.005: dropped
