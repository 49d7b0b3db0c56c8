"""Fit the nonlinear re-scorer of the clause candidates and write ``src/dateline/data/quote_rescore.json``.

    python scripts/train_quote_rescore.py --cache DIR [--work DIR] [--folds 5] [--hidden 32]
        [--threshold T] [--mix M] [--out FILE]

The rows are the clause candidates exactly as ``scripts/train_quotes.py`` makes them
(:func:`train_quotes.clause_examples`: candidates that the rules leave to the classifier, label 1
when one overlaps by half a gold attribution the rules missed). Each row's inputs
(:func:`dateline.nlp.quote_rescore.inputs`) are the linear clause classifier's logit, a few numbers
about the candidate and the contextual vectors of four of its tokens. On train the logit is out of
fold: the linear classifier is refitted (``train_quotes.fit_clause``) on the other ``--folds`` - 1
parts of the train articles and scores the held-out part, so the perceptron sees the linear score
as it is on unseen text. A one-hidden-layer perceptron (scikit-learn's ``MLPClassifier``, the
``train`` extra; early stopping on a tenth of the train rows) is fitted on those rows and exported;
inference is numpy alone. ``--cache`` is train_quotes.py's parse cache (DocBin files with their
contextual vectors); ``--work`` keeps the rows and out-of-fold logits between runs; neither is inside
the repository. The data are read where they are; only weights are written.

The threshold and mix were chosen on devsplit as a whole and checked on its halves (see the
helper's report / commit message for the measured rows).
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy

sys.path.insert(0, str(Path(__file__).resolve().parent))
import train_quotes as tq  # noqa: E402 (a sibling script: its loaders and the linear fit are reused)

ROOT = Path(__file__).resolve().parents[1]


def candidate_rows(records: list[dict[str, Any]], docs: list[Any],
                   found: list[tuple[list[tuple[int, int]], list[tuple[int, int]]]]) -> Iterator[dict[str, Any]]:
    """:func:`train_quotes.clause_examples` with each row's article index and candidate kept: the
    same candidates, features, labels and linear vectors, in the same order."""
    from dateline.nlp.quote_model import BEFORE, clause_candidates, clause_features, doc_vectors
    from dateline.nlp.quote_rescore import inputs

    for d, (rec, doc, (taken, quoted)) in enumerate(zip(records, docs, found, strict=True)):
        text = rec["text"]
        spans = [(m.start(), m.end()) for m in tq.WORD.finditer(text)]
        done = [tq._token_set(text, s, e, spans) for s, e in taken]
        gold = [g for g in tq._gold_units(text, rec, spans) if not any(tq._overlap50(t, g) for t in done)]
        for verb, start, end, extent in clause_candidates(doc, skip=quoted):
            ids = tq._token_set(text, start, end, spans)
            if ids and not any(min(end, e) - max(start, s) >= 0.5 * max(end - start, e - s) for s, e in taken):
                yield {"doc": d, "feats": clause_features(doc, verb, start, end, extent),
                       "y": int(any(tq._overlap50(ids, g) for g in gold)),
                       "vector": None if extent in BEFORE else tq.clause_vector(doc, verb),
                       "x": inputs(doc, verb, start, end, extent, 0.0, doc_vectors(doc))}


def linear_logits(rows: list[dict[str, Any]], clause: dict[str, Any]) -> Any:
    """Each row's linear clause logit under ``clause`` (weights and dense blocks), as annotate sums it."""
    weights = clause["weights"]
    flat = numpy.asarray([x for b in tq.CLAUSE_DENSE for x in clause.get("dense", {}).get(b, [])])
    out = []
    for r in rows:
        z = sum(weights.get(f, 0.0) for f in r["feats"]) + weights.get("bias", 0.0)
        if r["vector"] is not None and len(flat):
            z += float(flat @ r["vector"])
        out.append(max(-12.0, min(12.0, z)))
    return numpy.asarray(out)


def out_of_fold(rows: list[dict[str, Any]], folds: int) -> Any:
    """Each train row's linear logit from a clause classifier fitted without its article's fold."""
    z = numpy.zeros(len(rows))
    for k in range(folds):
        fit_rows = [(r["feats"], r["y"], r["vector"]) for r in rows if r["doc"] % folds != k]
        held = [i for i, r in enumerate(rows) if r["doc"] % folds == k]
        clause = tq.fit_clause(fit_rows)
        z[held] = linear_logits([rows[i] for i in held], clause)
        print(f"fold {k}: {len(fit_rows)} rows fitted, {len(held)} scored", flush=True)
    return z


def split_rows(split: str, cache: Path, work: Path, model: dict[str, Any]) -> list[dict[str, Any]]:
    """The candidate rows of a split, kept in ``work`` between runs."""
    path = work / f"rows_{split}.pkl"
    if path.exists():
        with path.open("rb") as fh:
            return pickle.load(fh)  # type: ignore[no-any-return]
    records, docs = tq._load(split, cache)
    found = tq.rule_attributions(records, docs, model)
    rows = list(candidate_rows(records, docs, found))
    with path.open("wb") as fh:
        pickle.dump(rows, fh)
    return rows


def matrix(rows: list[dict[str, Any]], logits: Any) -> Any:
    """The input rows with each one's linear logit in its first column."""
    x = numpy.stack([r["x"] for r in rows]).astype("float32")
    x[:, 0] = logits
    return x


def fit_mlp(x: Any, y: Any, hidden: int, seed: int = 0) -> Any:
    """A one-hidden-layer perceptron on standardised inputs, stopped early on a tenth of the rows."""
    from sklearn.neural_network import MLPClassifier

    mean, scale = x.mean(axis=0), x.std(axis=0) + 1e-6
    clf = MLPClassifier(hidden_layer_sizes=(hidden,), alpha=1e-3, early_stopping=True, validation_fraction=0.1,
                        n_iter_no_change=10, max_iter=300, random_state=seed)
    clf.fit((x - mean) / scale, y)
    return clf, mean, scale


def export(clf: Any, mean: Any, scale: Any, threshold: float, mix: float, floor: float, width: int) -> dict[str, Any]:
    """The perceptron as JSON-ready lists (4 significant digits)."""
    def r(a: Any) -> Any:
        return [float(f"{v:.4g}") for v in a] if numpy.ndim(a) == 1 else [r(row) for row in a]

    return {"about": "clause candidate re-scorer fitted by scripts/train_quote_rescore.py on PolNeAR train",
            "threshold": threshold, "mix": mix, "floor": floor, "width": width,
            "mean": r(mean), "scale": r(scale),
            "layers": [[r(w), r(b)] for w, b in zip(clf.coefs_, clf.intercepts_, strict=True)]}


def _report(name: str, p: Any, y: Any) -> None:
    for t in (0.3, 0.4, 0.5, 0.6):
        tp, pred, gold = int(((p >= t) & (y == 1)).sum()), int((p >= t).sum()), int(y.sum())
        prec, rec = tp / max(pred, 1), tp / max(gold, 1)
        print(f"{name} t={t}: candidates P {prec:.3f} R {rec:.3f} F1 {2 * prec * rec / max(prec + rec, 1e-9):.3f}")


def main() -> None:
    from dateline.nlp import quote_model
    from dateline.nlp.quote_rescore import forward

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cache", type=Path, required=True)
    ap.add_argument("--work", type=Path, default=Path("/tmp/quote_rescore"))
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--hidden", type=int, default=32)
    ap.add_argument("--threshold", type=float, default=0.5)
    ap.add_argument("--mix", type=float, default=0.0)
    ap.add_argument("--floor", type=float, default=0.05)
    ap.add_argument("--out", type=Path, default=ROOT / "src" / "dateline" / "data" / "quote_rescore.json")
    args = ap.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    model = quote_model.load()
    assert model is not None and "clause" in model, "train the linear quote model first (train_quotes.py)"
    train, dev = (split_rows(s, args.cache, args.work, model) for s in ("train", "devsplit"))
    oof_path = args.work / f"oof{args.folds}.npy"
    if not oof_path.exists():
        numpy.save(oof_path, out_of_fold(train, args.folds))
    z_train, z_dev = numpy.load(oof_path), linear_logits(dev, model["clause"])
    y_train, y_dev = numpy.asarray([r["y"] for r in train]), numpy.asarray([r["y"] for r in dev])
    _report("linear train out-of-fold", 1 / (1 + numpy.exp(-z_train)), y_train)
    _report("linear devsplit", 1 / (1 + numpy.exp(-z_dev)), y_dev)
    x_train = matrix(train, z_train)
    clf, mean, scale = fit_mlp(x_train, y_train, args.hidden)
    out = export(clf, mean, scale, args.threshold, args.mix, args.floor, int(train[0]["x"].shape[0] - 9) // 4)
    _report("rescored devsplit", forward(matrix(dev, z_dev), out), y_dev)
    args.out.write_text(json.dumps(out, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{x_train.shape[0]} train rows, {x_train.shape[1]} inputs, {args.hidden} hidden -> {args.out}")


if __name__ == "__main__":
    main()
