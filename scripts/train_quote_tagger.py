"""Fit the reported-content tagger (:mod:`dateline.nlp.quote_tagger`) and write ``src/dateline/data/quote_tagger.json``.

    python scripts/train_quote_tagger.py --cache DIR [--hidden 24] [--epochs 10] [--seed 0] [--out FILE]

``--cache`` is train_quotes.py's parse cache (DocBin files with their contextual vectors, e.g.
``/tmp/attr10/cache``); the data are read where they are, only weights are written. Training needs
torch (CPU; a training-only dependency, never imported by the package); inference is numpy alone.

Labels per token, from PolNeAR train's gold attributions: content (outside / begins / inside: a
token is inside when it overlaps a fragment of an attribution's content, and begins it when it is
that fragment's first token), cue (overlaps an attribution's cue) and source (overlaps its source).
One bidirectional LSTM per paragraph reads the inputs :func:`dateline.nlp.quote_tagger.features`
names; the three outputs share it (loss: content + 0.5 cue + 0.5 source). A tenth of the train
articles is held out to pick the epoch (token accuracy of content / not content); devsplit is not
read. With one torch thread and the same seed the fit, and so the written file, is the same on
every run.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import numpy

sys.path.insert(0, str(Path(__file__).resolve().parent))
import train_quotes as tq  # noqa: E402 (a sibling script: its loaders are reused)

from dateline.nlp.quote_tagger import CATEGORIES, FLAGS, with_lookups  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
#: embedding sizes per category (quote_tagger.CATEGORIES; a head_ category shares its base's table)
DIMS = {"pos": 8, "tag": 8, "dep": 8, "ent": 4, "lemma": 16}
FLAG_DIM = 4
LEMMAS = 3000
MIN_COUNT = 5


def vocabularies(docs: list[Any]) -> list[list[str]]:
    """Per category (quote_tagger.CATEGORIES order, head_ ones empty): its values in train seen at
    least MIN_COUNT times (lemmas: the LEMMAS commonest, lower-cased), commonest first."""
    counts: dict[str, Counter[str]] = {c: Counter() for c in DIMS}
    for doc in docs:
        for t in doc:
            counts["pos"][t.pos_] += 1
            counts["tag"][t.tag_] += 1
            counts["dep"][t.dep_] += 1
            counts["ent"][t.ent_type_] += 1
            counts["lemma"][t.lemma_.lower()] += 1
    out = []
    for c in CATEGORIES:
        if c.startswith("head_"):
            out.append([])
            continue
        ranked = sorted(counts[c].items(), key=lambda kv: (-kv[1], kv[0]))
        out.append([v for v, k in ranked[:LEMMAS]] if c == "lemma" else [v for v, k in ranked if k >= MIN_COUNT])
    return out


def base_model(vocab: list[list[str]], width: int) -> dict[str, Any]:
    """What quote_tagger.features reads of a model, before any weights exist: a head_ category
    reads its base category's vocabulary."""
    return with_lookups({"vocab": vocab, "width": width})


def doc_rows(rec: dict[str, Any], doc: Any, model: dict[str, Any]) -> list[tuple[Any, Any, Any, Any, Any]]:
    """One row per paragraph: (vectors, ids, content labels, cue labels, source labels)."""
    from dateline.nlp import quote_tagger, quotes

    text = rec["text"]
    direct, pieces = quotes._classify_spans(text, doc)
    ids = quote_tagger.features(doc, [(s.start, s.end) for s in direct], [(s.start, s.end) for s in pieces], model,
                                quotes.CUES)
    a = doc.to_array(["IDX", "LENGTH", "IS_SPACE"]).astype("int64")
    starts, ends, space = a[:, 0], a[:, 0] + a[:, 1], a[:, 2].astype(bool)
    n = len(doc)
    content = numpy.zeros(n, dtype="int64")
    cue = numpy.zeros(n, dtype="int64")
    source = numpy.zeros(n, dtype="int64")
    for q in rec["quotes"]:
        for s, e in q.get("fragments") or [[q["start"], q["end"]]]:
            hit = numpy.flatnonzero((starts < e) & (ends > s) & ~space)
            if len(hit):
                content[hit] = numpy.where(content[hit] == 1, 1, 2)
                content[hit[0]] = 1
        for key, arr in (("cue", cue), ("speaker", source)):
            s, e = q.get(f"{key}_start"), q.get(f"{key}_end")
            if s is not None and e is not None:
                arr[(starts < e) & (ends > s)] = 1
    para = quote_tagger.paragraphs(doc)
    rows = []
    for p in numpy.unique(para[para >= 0]).tolist():
        w = numpy.flatnonzero(para == p)
        rows.append((doc.tensor[w].astype("float32"), ids[w], content[w], cue[w], source[w]))
    return rows


def fit(rows: list[Any], held: list[Any], n_ids: list[int], hidden: int, epochs: int, seed: int) -> dict[str, Any]:
    """The torch fit; returns the best epoch's state (numpy arrays) by held-out token accuracy."""
    import torch
    from torch import nn

    torch.set_num_threads(1)
    torch.manual_seed(seed)
    rng = numpy.random.RandomState(seed)
    dims = [DIMS[c.removeprefix("head_")] for c in CATEGORIES] + [FLAG_DIM] * len(FLAGS)
    width = rows[0][0].shape[1]

    class Net(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.embed = nn.ModuleList([nn.Embedding(n, d) for n, d in zip(n_ids, dims, strict=True)])
            self.drop = nn.Dropout(0.25)
            self.rnn = nn.LSTM(width + sum(dims), hidden, bidirectional=True, batch_first=True)
            self.out = nn.Linear(2 * hidden, 7)

        def forward(self, x: Any, c: Any, lens: list[int]) -> Any:
            e = self.drop(torch.cat([x] + [m(c[..., i]) for i, m in enumerate(self.embed)], -1))
            packed = nn.utils.rnn.pack_padded_sequence(e, lens, batch_first=True, enforce_sorted=False)
            h, _ = nn.utils.rnn.pad_packed_sequence(self.rnn(packed)[0], batch_first=True)
            return self.out(self.drop(h))

    def batch(rs: list[Any]) -> tuple[Any, ...]:
        size = max(len(r[1]) for r in rs)
        x = torch.zeros(len(rs), size, width)
        c = torch.zeros(len(rs), size, rs[0][1].shape[1], dtype=torch.long)
        y = torch.full((3, len(rs), size), -100, dtype=torch.long)
        for i, r in enumerate(rs):
            k = len(r[1])
            x[i, :k], c[i, :k] = torch.from_numpy(r[0]), torch.from_numpy(r[1])
            for j in range(3):
                y[j, i, :k] = torch.from_numpy(r[2 + j])
        return x, c, y, [len(r[1]) for r in rs]

    def accuracy() -> float:
        net.eval()
        ok = total = 0
        with torch.no_grad():
            for i in range(0, len(held), 64):
                x, c, y, lens = batch(held[i:i + 64])
                pred = net(x, c, lens)[..., :3].argmax(-1) > 0
                mask = y[0] >= 0
                ok += int(((pred == (y[0] > 0)) & mask).sum())
                total += int(mask.sum())
        net.train()
        return ok / total

    net = Net()
    opt = torch.optim.Adam(net.parameters(), lr=2e-3)
    loss_fn = nn.CrossEntropyLoss(ignore_index=-100)
    best: tuple[float, Any] = (-1.0, None)
    for epoch in range(epochs):
        order = rng.permutation(len(rows))
        for i in range(0, len(order), 32):
            x, c, y, lens = batch([rows[j] for j in order[i:i + 32]])
            out = net(x, c, lens)
            loss = loss_fn(out[..., :3].reshape(-1, 3), y[0].reshape(-1)) + \
                0.5 * loss_fn(out[..., 3:5].reshape(-1, 2), y[1].reshape(-1)) + \
                0.5 * loss_fn(out[..., 5:7].reshape(-1, 2), y[2].reshape(-1))
            opt.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(net.parameters(), 5.0)
            opt.step()
        acc = accuracy()
        print(f"epoch {epoch}: held-out token accuracy {acc:.4f}", flush=True)
        if acc > best[0]:
            best = (acc, {k: v.detach().numpy().copy() for k, v in net.state_dict().items()})
    return best[1]  # type: ignore[no-any-return]


def export(state: dict[str, Any], vocab: list[list[str]], hidden: int, width: int, threshold: float,
           min_words: int) -> dict[str, Any]:
    """The fitted tagger as JSON-ready lists (4 significant digits). A head_ category's embedding
    is its own table (trained apart from its base's), but it reads the base's vocabulary."""
    def r(a: Any) -> Any:
        return [float(f"{v:.4g}") for v in a.tolist()] if numpy.ndim(a) == 1 else [r(row) for row in a]

    n_cat = len(CATEGORIES)
    return {"about": "reported-content tagger fitted by scripts/train_quote_tagger.py on PolNeAR train",
            "threshold": threshold, "min_words": min_words, "hidden": hidden, "width": width, "vocab": vocab,
            "weights": {"embed": [r(state[f"embed.{k}.weight"]) for k in range(n_cat + len(FLAGS))],
                        "w_ih": r(state["rnn.weight_ih_l0"]), "w_hh": r(state["rnn.weight_hh_l0"]),
                        "b": r(state["rnn.bias_ih_l0"] + state["rnn.bias_hh_l0"]),
                        "w_ih_reverse": r(state["rnn.weight_ih_l0_reverse"]),
                        "w_hh_reverse": r(state["rnn.weight_hh_l0_reverse"]),
                        "b_reverse": r(state["rnn.bias_ih_l0_reverse"] + state["rnn.bias_hh_l0_reverse"]),
                        "out_w": r(state["out.weight"]), "out_b": r(state["out.bias"])}}


def train(records: list[dict[str, Any]], docs: list[Any], hidden: int = 24, epochs: int = 10, seed: int = 0,
          threshold: float = 0.7, min_words: int = 3) -> dict[str, Any]:
    """The tagger fitted on ``records`` (with their parsed ``docs``), as JSON-ready data: the
    vocabularies come from these docs, and a tenth of them is held out to pick the epoch."""
    vocab = vocabularies(docs)
    width = docs[0].tensor.shape[1]
    model = base_model(vocab, width)
    held_docs = set(numpy.random.RandomState(0).choice(len(records), len(records) // 10, replace=False).tolist())
    rows: list[Any] = []
    held: list[Any] = []
    for i, (rec, doc) in enumerate(zip(records, docs, strict=True)):
        (held if i in held_docs else rows).extend(doc_rows(rec, doc, model))
    print(f"{len(rows)} paragraphs to fit, {len(held)} held out", flush=True)
    n_ids = [len(vocab[CATEGORIES.index(c.removeprefix("head_"))]) + 1 for c in CATEGORIES] + \
        [n for _, n in FLAGS]
    state = fit(rows, held, n_ids, hidden, epochs, seed)
    return export(state, vocab, hidden, width, threshold, min_words)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cache", type=Path, required=True)
    ap.add_argument("--hidden", type=int, default=24)
    ap.add_argument("--threshold", type=float, default=0.7, help="mean content probability a new span needs")
    ap.add_argument("--min-words", type=int, default=3, help="words a new span needs")
    ap.add_argument("--epochs", type=int, default=10)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--out", type=Path, default=ROOT / "src" / "dateline" / "data" / "quote_tagger.json")
    args = ap.parse_args()

    records, docs = tq._load("train", args.cache)
    out = train(records, docs, args.hidden, args.epochs, args.seed, args.threshold, args.min_words)
    args.out.write_text(json.dumps(out, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {args.out} ({args.out.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
