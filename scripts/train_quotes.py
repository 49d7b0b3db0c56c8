"""Fit the quote classifiers on PolNeAR and write ``src/dateline/data/quote_model.json``.

    python scripts/train_quotes.py [--fit train|train+devsplit] [--cache DIR] [--out FILE]

The data are read where they are (``../shared/data/quotes``); nothing of them is copied into the
repository, only feature weights. The shipped model is fitted on the train split alone (the
default) and checked on the dev split, where its thresholds (``THRESHOLDS``) were chosen;
The extent model (where reported content ends) is fitted on the same split, as a choice
among each span's candidate ends (a conditional logit, :func:`fit_groups`).
``--fit train+devsplit`` fits on both (it did not measure better). ``--cache DIR`` keeps the spaCy
parses between runs (DocBin files, and beside them each token's contextual vector: a DocBin drops
``doc.tensor``), never inside the repository.

The clause classifier also reads spaCy's contextual vectors (the tok2vec output every parse computes)
of a few of each candidate's tokens (``CLAUSE_DENSE``): verbs that report look alike there even when
their lemma is rare in train. Their weights are fitted with the sparse ones (:func:`fit_dense`).
"""

from __future__ import annotations

import argparse
import bisect
import itertools
import json
import math
import random
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import numpy

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "quotes"
#: decision thresholds, chosen on the dev split with models fitted on train alone
THRESHOLDS = {"direct": 0.5, "speaker": 0.3, "clause": 0.5}
WORD = re.compile(r"\w+(?:['’]\w+)*")  # the scorer's word tokens
#: the clause candidate's tokens whose contextual vectors the clause classifier reads (quote_model.dense_tokens)
CLAUSE_DENSE = ("verb", "content", "subj", "head")
#: L2 on the dense weights: there are many, and each sees every row
DENSE_L2 = 1e-2


def _docs(split: str, texts: list[str], cache: Path | None) -> list[Any]:
    from spacy.tokens import DocBin

    from dateline.nlp import parse

    nlp = parse.load()
    path = cache / f"{split}.spacy" if cache else None
    if path is not None and path.exists():
        docs = list(DocBin().from_disk(path).get_docs(nlp.vocab))
        if len(docs) == len(texts) and all(d.text == t for d, t in zip(docs, texts, strict=True)):
            _add_vectors(docs, texts, path.with_suffix(".vectors.npz"))
            return docs
    docs = list(parse.parse(texts))
    if path is not None:
        db = DocBin(store_user_data=False)
        for d in docs:
            db.add(d)
        path.parent.mkdir(parents=True, exist_ok=True)
        db.to_disk(path)
        numpy.savez(path.with_suffix(".vectors.npz"), *[d.tensor for d in docs])
    return docs


def _add_vectors(docs: list[Any], texts: list[str], path: Path) -> None:
    """Give docs read back from a DocBin their contextual vectors again: from ``path`` when it holds
    them, else from the pipeline's tok2vec alone (the same vectors: tok2vec reads only the tokens)."""
    from dateline.nlp import parse

    if path.exists():
        with numpy.load(path) as saved:
            vectors = [saved[f"arr_{i}"] for i in range(len(saved.files))]
    else:
        nlp = parse.load()
        if "tok2vec" not in nlp.pipe_names:  # a pipeline without shared vectors: no dense part
            return
        with nlp.select_pipes(enable=["tok2vec"]):
            vectors = [d.tensor for d in nlp.pipe(texts, batch_size=32)]
        numpy.savez(path, *vectors)
    for doc, vec in zip(docs, vectors, strict=True):
        if vec.shape[0] == len(doc):
            doc.tensor = vec


def _token_set(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> frozenset[int]:
    """Start offsets of the scorer's word tokens overlapping ``start:end``."""
    return frozenset(s for s, e in spans if s < end and start < e)


def direct_examples(records: list[dict[str, Any]], docs: list[Any]) -> Iterator[tuple[list[str], int]]:
    """(features, label) for every quoted stretch: 1 when it is exactly a gold direct fragment. Stretches
    in single marks ('...' or ‘...’) are left out: PolNeAR's few (about 200 in train, most in headlines,
    where single marks set off titles and scare quotes) taught the classifier to doubt double-mark quotes
    too (devsplit candidates R 0.971 -> 0.956). annotate judges a single-mark stretch by the same weights,
    as a double-mark one in its place would be."""
    from dateline.nlp.quote_model import direct_features
    from dateline.nlp.quotes import direct_spans, single_marked

    for rec, doc in zip(records, docs, strict=True):
        text = rec["text"]
        spans = [(m.start(), m.end()) for m in WORD.finditer(text)]
        gold = set()
        for q in rec["quotes"]:
            if q["kind"] == "direct":
                for s, e in q.get("fragments") or [[q["start"], q["end"]]]:
                    gold.add(_token_set(text, s, e, spans))
        prev_end = None
        for span in direct_spans(text):
            ids = _token_set(text, span.start, span.end, spans)
            if ids and not single_marked(text, span.start):
                yield (direct_features(text, span.start, span.end, doc, span.open_ended, prev_end),
                       int(ids in gold))
            prev_end = span.end


def speaker_examples(records: list[dict[str, Any]], docs: list[Any]) -> Iterator[tuple[list[str], int]]:
    """(features, label) for every speaker candidate of a gold direct quote: 1 when its subject
    overlaps the gold speaker mention."""
    from dateline.nlp.quote_model import speaker_features
    from dateline.nlp.quotes import _Span, _speaker_span, speaker_candidates

    for rec, doc in zip(records, docs, strict=True):
        direct = [q for q in rec["quotes"] if q["kind"] == "direct"]
        quoted = [(s, e) for q in direct for s, e in q.get("fragments") or [[q["start"], q["end"]]]]
        for q in direct:
            gs, ge = q.get("speaker_start"), q.get("speaker_end")
            for s, e in q.get("fragments") or [[q["start"], q["end"]]]:
                for i, (verb, subj) in enumerate(speaker_candidates(doc, _Span(s, e), quoted)):
                    a, b = _speaker_span(subj)
                    yield (speaker_features(doc, s, e, verb, subj, i),
                           int(gs is not None and a < ge and gs < b))


def _gold_units(text: str, rec: dict[str, Any], spans: list[tuple[int, int]]) -> list[frozenset[int]]:
    units = []
    for q in rec["quotes"]:
        ids: frozenset[int] = frozenset()
        for s, e in q.get("fragments") or [[q["start"], q["end"]]]:
            ids |= _token_set(text, s, e, spans)
        if ids:
            units.append(ids)
    return units


def clause_examples(records: list[dict[str, Any]], docs: list[Any],
                    found: list[tuple[list[tuple[int, int]], list[tuple[int, int]]]]
                    ) -> Iterator[tuple[list[str], int, Any]]:
    """(features, label, vector) for every verb's candidate content that annotate still asks the
    classifier about: its verb is not quoted, and the attributions the rules found (``found``: per
    article, their spans and the direct quotes' spans, :func:`rule_attributions`) do not cover it.
    Label 1 when it overlaps, by half of the larger of the two (the scorer's overlap50), a gold quote
    that none of those attributions match: only such a find adds to what the rules give. The vector
    (:func:`clause_vector`) is None for content before its verb, which has no dense part."""
    from dateline.nlp.quote_model import BEFORE, clause_candidates, clause_features

    for rec, doc, (taken, quoted) in zip(records, docs, found, strict=True):
        text = rec["text"]
        spans = [(m.start(), m.end()) for m in WORD.finditer(text)]
        done = [_token_set(text, s, e, spans) for s, e in taken]
        gold = [g for g in _gold_units(text, rec, spans) if not any(_overlap50(t, g) for t in done)]
        for verb, start, end, extent in clause_candidates(doc, skip=quoted):
            ids = _token_set(text, start, end, spans)
            if ids and not any(min(end, e) - max(start, s) >= 0.5 * max(end - start, e - s) for s, e in taken):
                vector = None if extent in BEFORE else clause_vector(doc, verb)
                yield clause_features(doc, verb, start, end, extent), int(any(_overlap50(ids, g) for g in gold)), vector


def _overlap50(a: frozenset[int], b: frozenset[int]) -> bool:
    """The scorer's match: the two share half of the larger one's words."""
    return len(a & b) >= 0.5 * max(len(a), len(b))


def rule_attributions(records: list[dict[str, Any]], docs: list[Any], model: dict[str, Any]
                      ) -> list[tuple[list[tuple[int, int]], list[tuple[int, int]]]]:
    """Per article, the spans of the attributions the quote stage finds without the clause classifier
    (with the ``model`` fitted so far, not the shipped file) and the spans of its direct quotes."""
    from dateline.model import Article
    from dateline.nlp import quote_model, quotes
    from dateline.nlp.annotate import get_annotator

    actors, saved = get_annotator("actors"), quote_model.load
    rules = {k: v for k, v in model.items() if k != "clause"}
    setattr(quote_model, "load", lambda name="quote_model.json": rules)  # noqa: B010 (the stage reads its model here)
    try:
        out = []
        for rec, doc in zip(records, docs, strict=True):
            art = actors(Article(id=rec["id"], text=rec["text"], published=rec.get("date")), doc)
            found = quotes.annotate_quotes(art, doc).quotes
            out.append(([(q.start, q.end) for q in found], [(q.start, q.end) for q in found if q.kind == "direct"]))
        return out
    finally:
        setattr(quote_model, "load", saved)  # noqa: B010


def clause_vector(doc: Any, verb: Any) -> Any:
    """The contextual vectors of the candidate's ``CLAUSE_DENSE`` tokens, end to end (zeros for a
    token it lacks); None when the doc has no vectors or no blocks are read."""
    from dateline.nlp.quote_model import dense_tokens, doc_vectors

    tensor = doc_vectors(doc)
    if tensor is None or not CLAUSE_DENSE:
        return None
    where = dense_tokens(doc, verb)
    return numpy.concatenate([numpy.zeros(tensor.shape[1]) if where[b] is None else tensor[where[b]].astype(float)
                              for b in CLAUSE_DENSE])


def _content_spans(doc: Any) -> Iterator[tuple[int, int]]:
    """Reported content as the stage proposes it before the extent model cuts it: each verb's
    clausal complement (its whole subtree) and every learned-clause candidate after its verb (the
    extent model stays as it was fitted before content before the verb was offered)."""
    from dateline.nlp.quote_model import BEFORE, clause_candidates

    for verb in doc:
        comp = next((c for c in verb.children if c.dep_ == "ccomp"), None) if verb.pos_ == "VERB" else None
        if comp is not None and comp.i > verb.i:
            yield comp.left_edge.idx, comp.right_edge.idx + len(comp.right_edge.text)
    for _, start, end, extent in clause_candidates(doc):
        if extent not in BEFORE:
            yield start, end


def extent_examples(records: list[dict[str, Any]], docs: list[Any]) -> Iterator[list[tuple[list[str], int]]]:
    """Per content span that starts where a gold indirect or mixed quote starts and reaches past
    its end: (features, label) for each place it may end, 1 where the gold quote ends."""
    from dateline.nlp.quote_model import extent_candidates

    for rec, doc in zip(records, docs, strict=True):
        text = rec["text"]
        spans = [(m.start(), m.end()) for m in WORD.finditer(text)]
        starts = [s for s, _ in spans]
        golds: dict[int, set[int]] = {}
        for q in rec["quotes"]:
            if q["kind"] != "direct" and not q.get("fragments"):
                ids = sorted(_token_set(text, q["start"], q["end"], spans))
                if ids:
                    golds.setdefault(ids[0], set()).add(ids[-1])
        for start, end in set(_content_spans(doc)):
            ids = sorted(_token_set(text, start, end, spans))
            first = next((i for i in ids[:3] if i in golds), None)
            if first is None or len(ids) < 2:
                continue
            ends = {e for e in golds[first] if e <= ids[-1]}
            if not ends:
                continue
            cands = extent_candidates(doc, start, end)
            group = []
            for cut, feats in cands:
                last = starts[max(0, bisect.bisect_left(starts, cut) - 1)]
                group.append((feats, int(last in ends)))
            if any(y for _, y in group):
                yield group


def fit(rows: list[tuple[list[str], int]], epochs: int = 25, l2: float = 1e-4, min_count: int = 5,
        seed: int = 0) -> dict[str, float]:
    """Logistic regression by AdaGrad over sparse string features (rare features dropped)."""
    return fit_dense([(feats, y, None) for feats, y in rows], epochs, l2, min_count, seed)[0]


def fit_dense(rows: list[tuple[list[str], int, Any]], epochs: int = 25, l2: float = 1e-4, min_count: int = 5,
              seed: int = 0, dense_l2: float = DENSE_L2) -> tuple[dict[str, float], list[float]]:
    """:func:`fit` for rows that may also carry a dense vector (None: no dense part): the score is the
    sparse sum plus the dot product of the vector with dense weights, fitted by the same AdaGrad steps
    with their own L2 ``dense_l2``. Returns (sparse weights, dense weights); no vectors, no dense weights."""
    counts = Counter(f for feats, _, _ in rows for f in set(feats))
    keep = {f for f, n in counts.items() if n >= min_count}
    data = [([f for f in feats if f in keep] + ["bias"], y, v) for feats, y, v in rows]
    width = next((len(v) for _, _, v in rows if v is not None), 0)
    w: dict[str, float] = {}
    g2: dict[str, float] = {}
    wd, gd = numpy.zeros(width), numpy.full(width, 1e-8)
    rng = random.Random(seed)
    for _ in range(epochs):
        rng.shuffle(data)
        for feats, y, v in data:
            z = sum(w.get(f, 0.0) for f in feats) + (0.0 if v is None else float(wd @ v))
            grad = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z)))) - y
            _adagrad(w, g2, ((f, grad) for f in feats), l2)
            if v is not None:  # the same AdaGrad step, on every dense weight at once
                step = grad * v + dense_l2 * wd
                gd += step * step
                wd -= 0.5 * step / numpy.sqrt(gd)
    return {f: round(v, 3) for f, v in sorted(w.items()) if abs(v) >= 0.01}, [round(float(x), 3) for x in wd]


def _adagrad(w: dict[str, float], g2: dict[str, float], grads: Iterable[tuple[str, float]], l2: float) -> None:
    """One AdaGrad step (rate 0.5) for each (feature, gradient) pair, with L2 on the weight."""
    for f, g in grads:
        g += l2 * w.get(f, 0.0)
        g2[f] = g2.get(f, 1e-8) + g * g
        w[f] = w.get(f, 0.0) - 0.5 * g / math.sqrt(g2[f])


def fit_groups(groups: list[list[tuple[list[str], int]]], epochs: int = 25, l2: float = 1e-4, min_count: int = 5,
               seed: int = 0) -> dict[str, float]:
    """A conditional logit by AdaGrad: in each group (the places one span may end) the candidates
    compete through a softmax, and the probability of the gold ones is raised. A choice among
    candidates is what the extent model makes, so it is fitted as one (rare features dropped)."""
    counts = Counter(f for group in groups for feats, _ in group for f in set(feats))
    keep = {f for f, n in counts.items() if n >= min_count}
    data = [([[f for f in feats if f in keep] for feats, _ in group], [y for _, y in group]) for group in groups]
    w: dict[str, float] = {}
    g2: dict[str, float] = {}
    rng = random.Random(seed)
    for _ in range(epochs):
        rng.shuffle(data)
        for rows, labels in data:
            scores = [sum(w.get(f, 0.0) for f in feats) for feats in rows]
            top = max(scores)
            exps = [math.exp(z - top) for z in scores]
            total, gold = sum(exps), sum(labels)
            grad: dict[str, float] = {}
            for feats, e, y in zip(rows, exps, labels, strict=True):
                for f in feats:
                    grad[f] = grad.get(f, 0.0) + e / total - y / gold
            _adagrad(w, g2, grad.items(), l2)
    return {f: round(v, 3) for f, v in sorted(w.items()) if abs(v) >= 0.01}


#: the clause classifier is the average of this many fits that differ only in the order AdaGrad sees the rows:
#: one fit's devsplit F1 moves by about +-0.5 with that order alone
CLAUSE_SEEDS = 5


def _seed_average(fits: list[tuple[dict[str, float], list[float]]]) -> tuple[dict[str, float], list[float]]:
    """The mean of several fits' sparse and dense weights (a weight a fit dropped counts as 0)."""
    n = len(fits)
    names = sorted({f for sparse, _ in fits for f in sparse})
    sparse = {f: round(sum(w.get(f, 0.0) for w, _ in fits) / n, 3) for f in names}
    dense = [round(sum(col) / n, 3) for col in zip(*(d for _, d in fits), strict=True)]
    return {f: v for f, v in sparse.items() if abs(v) >= 0.01}, dense


def fit_clause(rows: list[tuple[list[str], int, Any]]) -> dict[str, Any]:
    """The clause classifier: candidates after their verb fitted as before, with their dense vectors,
    and those whose content stands before the verb (features prefixed by their construction,
    ``before=...``) fitted apart, sparse only, and merged in, so the first group's weights stay as they
    were; the second fit's bias goes to each construction's own feature (every such row has exactly
    one). Returns the weights and the dense weights per ``CLAUSE_DENSE`` block."""
    after = [r for r in rows if not any(f.startswith("before=") for f in r[0])]
    before = [(f, y) for f, y, _ in rows if any(x.startswith("before=") for x in f)]
    weights, flat = _seed_average([fit_dense(after, seed=seed) for seed in range(CLAUSE_SEEDS)])
    width = len(flat) // max(len(CLAUSE_DENSE), 1)
    dense = {b: flat[k * width:(k + 1) * width] for k, b in enumerate(CLAUSE_DENSE)} if any(flat) else {}
    if before:
        extra = fit(before)
        shift = extra.pop("bias", 0.0) - weights.get("bias", 0.0)
        for f in {f for feats, _ in before for f in feats if f.startswith("before=")}:
            extra[f] = round(extra.get(f, 0.0) + shift, 3)
        weights.update(extra)
    return {"weights": weights, "dense": dense}


def _report(name: str, rows: list[tuple[Any, ...]], weights: dict[str, float], dense: Any = None) -> None:
    """Candidate-level precision and recall at a few thresholds; rows may carry a dense vector, scored
    with the ``dense`` weights (one flat list, ``CLAUSE_DENSE`` order)."""
    from dateline.nlp.quote_model import _logistic

    flat = numpy.asarray([x for b in CLAUSE_DENSE for x in (dense or {}).get(b, [])])
    probs = [_logistic(sum(map(weights.get, r[0], itertools.repeat(0.0))) + weights.get("bias", 0.0)
                       + (float(flat @ r[2]) if len(r) > 2 and r[2] is not None and len(flat) else 0.0))
             for r in rows]
    for threshold in (0.3, 0.4, 0.5, 0.6):
        tp = sum(1 for p, r in zip(probs, rows, strict=True) if r[1] and p >= threshold)
        pred = sum(1 for p in probs if p >= threshold)
        gold = sum(r[1] for r in rows)
        p, r = tp / max(pred, 1), tp / max(gold, 1)
        print(f"{name} t={threshold}: candidates P {p:.3f} R {r:.3f} F1 {2 * p * r / max(p + r, 1e-9):.3f}"
              f" (gold-matching candidates {gold} of {len(rows)})")


def _report_extent(name: str, groups: list[list[tuple[list[str], int]]], weights: dict[str, float]) -> None:
    from dateline.nlp.quote_model import probability

    full = sum(g[0][1] for g in groups)
    picked = sum(max(g, key=lambda r: probability(r[0], weights))[1] for g in groups)
    print(f"{name}: content ends where the gold does in {picked} of {len(groups)} spans (full extent {full})")


def _load(split: str, cache: Path | None) -> tuple[list[dict[str, Any]], list[Any]]:
    records = [json.loads(x) for x in (DATA / f"polnear_{split}.jsonl").read_text(encoding="utf-8").splitlines()]
    return records, _docs(split, [r["text"] for r in records], cache)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--fit", default="train", choices=["train", "train+devsplit"])
    ap.add_argument("--cache", type=Path, default=None)
    ap.add_argument("--out", type=Path, default=ROOT / "src" / "dateline" / "data" / "quote_model.json")
    args = ap.parse_args()
    splits = args.fit.split("+")
    model: dict[str, Any] = {"about": "quote classifiers fitted by scripts/train_quotes.py on PolNeAR " + args.fit}
    data = {split: _load(split, args.cache) for split in {*splits, "devsplit"}}
    for name, examples in (("direct", direct_examples), ("speaker", speaker_examples)):
        rows = [row for split in splits for row in examples(*data[split])]
        model[name] = {"threshold": THRESHOLDS[name], "weights": fit(rows)}
        _report(f"{name} fit", rows, model[name]["weights"])
        if "devsplit" not in splits:
            _report(f"{name} devsplit", list(examples(*data["devsplit"])), model[name]["weights"])
    groups = [g for split in splits for g in extent_examples(*data[split])]
    model["extent"] = {"weights": fit_groups(groups)}
    _report_extent("extent fit", groups, model["extent"]["weights"])
    if "devsplit" not in splits:
        _report_extent("extent devsplit", list(extent_examples(*data["devsplit"])), model["extent"]["weights"])
    # the clause classifier last: it learns from what the rules (and so the models above) leave to it
    found = {split: rule_attributions(*data[split], model) for split in data}
    rows3 = [row for split in splits for row in clause_examples(*data[split], found[split])]
    model["clause"] = {"threshold": THRESHOLDS["clause"], **{k: v for k, v in fit_clause(rows3).items() if v}}
    _report("clause fit", rows3, model["clause"]["weights"], model["clause"].get("dense"))
    if "devsplit" not in splits:
        _report("clause devsplit", list(clause_examples(*data["devsplit"], found["devsplit"])),
                model["clause"]["weights"], model["clause"].get("dense"))
    args.out.write_text(json.dumps(model, sort_keys=True, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{sum(len(m['weights']) for m in model.values() if isinstance(m, dict))} weights -> {args.out}")


if __name__ == "__main__":
    main()
