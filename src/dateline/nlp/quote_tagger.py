"""A sequence tagger of reported content: a new source of attributions the cue rules and the clause
classifier miss ('allegations of ...', 'critical of ...', 'documents show ...').

Each paragraph of the doc is read by a one-layer bidirectional LSTM over, per token, spaCy's
contextual vector (``doc.tensor``) and small embeddings of its part of speech, tag, dependency, its
head's dependency and part of speech, its entity type, its lemma and its head's lemma (the 3,000
commonest lemmas of PolNeAR's train split), whether its lemma or its head's is a cue verb
(:data:`dateline.nlp.quotes.CUES`), whether it sits inside quote marks (of a direct quote or of a
quoted piece) and whether it opens a sentence. Per token it gives three distributions: content
(outside / begins / inside), cue (no / yes) and source (no / yes). ``scripts/train_quote_tagger.py``
fits it with torch on PolNeAR's train split and writes ``data/quote_tagger.json``; inference here is
numpy alone. Without that file, or for a doc without contextual vectors of the shipped width,
:func:`tag` gives None and the quotes stage behaves as before.

:func:`content_spans` decodes the content tags into token spans (a span opens at a 'begins' tag or
an 'inside' tag after an 'outside' one, and runs over the 'inside' tags after it, within its
paragraph) with the mean content probability of their tokens.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy

from dateline.nlp.quote_model import doc_text, doc_vectors, one_blas_thread, read_data

if TYPE_CHECKING:
    from spacy.tokens import Doc

#: the token attributes embedded, in input order (``head_*``: the attribute of the token's head)
CATEGORIES = ("pos", "tag", "dep", "head_dep", "head_pos", "ent", "lemma", "head_lemma")
#: spaCy array columns read per token
_COLUMNS = ("POS", "TAG", "DEP", "HEAD", "ENT_TYPE", "LEMMA", "SENT_START", "IDX", "IS_SPACE")
#: the small flags after the categories: (name, number of values)
FLAGS = (("cue", 4), ("quoted", 3), ("sent_start", 2))


@functools.cache
def load(name: str = "quote_tagger.json") -> dict[str, Any] | None:
    """The shipped tagger with its weights as float32 arrays, or None when none was trained."""
    model = read_data(name)
    return None if model is None else prepare(model)


def prepare(model: dict[str, Any]) -> dict[str, Any]:
    """The model's lists as arrays, the LSTM gates reordered for :func:`_bilstm`, made once."""
    def arr(x: Any) -> Any:
        return numpy.asarray(x, dtype="float32")

    hidden = int(model["hidden"])

    def gates(w: Any) -> list[Any]:  # torch's gate order (i, f, g, o) -> [i, f, o, g], sigmoid gates halved
        i, f, g, o = numpy.split(arr(w), 4, axis=0)
        return [0.5 * i, 0.5 * f, 0.5 * o, g]

    def fused(fwd: Any, bwd: Any) -> Any:  # both directions side by side per gate: [i_f i_b f_f f_b o_f o_b g_f g_b]
        return numpy.concatenate([x for pair in zip(gates(fwd), gates(bwd), strict=True) for x in pair], 0)

    w = model["weights"]
    model["_embed"] = [arr(e) for e in w["embed"]]
    w_in = fused(w["w_ih"], w["w_ih_reverse"]).T  # (inputs, 8 hidden)
    forward = numpy.arange(8 * hidden).reshape(4, 2, hidden)[:, 0].reshape(-1)  # the forward direction's columns
    model["_in"] = (w_in[:, forward].copy(), w_in[:, numpy.setdiff1d(numpy.arange(8 * hidden), forward)].copy())
    bias = fused(w["b"], w["b_reverse"])
    model["_bias"] = (bias[forward], numpy.delete(bias, forward))
    hh = numpy.zeros((2 * hidden, 8 * hidden), dtype="float32")  # block diagonal: each direction reads its own state
    zero = numpy.zeros_like(arr(w["w_hh"]))
    hh[:hidden], hh[hidden:] = fused(w["w_hh"], zero).T, fused(zero, w["w_hh_reverse"]).T
    model["_hh"] = hh
    model["_out"] = (arr(w["out_w"]).T.copy(), arr(w["out_b"]))
    return with_lookups(model)


def with_lookups(model: dict[str, Any]) -> dict[str, Any]:
    """``model`` with what :func:`features` reads beside its ``vocab``: each value's id (0: unknown)
    and an empty spaCy string hash -> id table per category, filled as hashes are met."""
    model["_ids"] = [{v: i + 1 for i, v in enumerate(values)} for values in model["vocab"]]
    model["_hashes"] = [{} for _ in CATEGORIES]
    return model


@dataclass(slots=True)
class Tags:
    """Per token probabilities: ``content`` (n, 3: outside / begins / inside), ``cue`` and ``source``
    (n,); each token's paragraph (-1 for a line break) and whether it is a space token."""
    content: Any
    cue: Any
    source: Any
    paragraph: Any
    space: Any


def paragraphs(doc: Doc) -> Any:
    """Each token's paragraph: how many line breaks come before it; -1 for a space token holding one.
    Made once per doc (the quotes stage plans what to read with it, then :func:`tag_many` reads)."""
    para = doc.user_data.get("dateline_paragraphs")
    if para is None:
        para = doc.user_data["dateline_paragraphs"] = _paragraphs(doc)
    return para


def _paragraphs(doc: Doc) -> Any:
    a = doc.to_array(["IDX", "LENGTH", "IS_SPACE"]).astype("int64")
    text = doc_text(doc)
    if "\n" not in text:
        return numpy.zeros(len(a), dtype="int64")
    breaks = numpy.flatnonzero(numpy.frombuffer(text.encode("utf-32-le"), dtype="<u4") == 10)
    para = numpy.searchsorted(breaks, a[:, 0], side="left")
    holds = numpy.searchsorted(breaks, a[:, 0] + a[:, 1], side="left") > para
    return numpy.where(a[:, 2].astype(bool) & holds, -1, para)


def features(doc: Doc, quoted: list[tuple[int, int]], pieces: list[tuple[int, int]], model: dict[str, Any],
             cues: frozenset[str]) -> Any:
    """(n, len(CATEGORIES) + len(FLAGS)) ids per token: the categories through the model's
    vocabularies (0: unknown), then the flags (cue: the lemma 1, the head's lemma 2; quoted: inside
    a direct quote 1, inside a quoted piece 2; sent_start)."""
    a = doc.to_array(list(_COLUMNS)).astype("uint64")
    n = len(a)
    head = (a[:, 3].astype("int64") + numpy.arange(n)).clip(0, max(n - 1, 0))
    strings = doc.vocab.strings
    columns = {"pos": a[:, 0], "tag": a[:, 1], "dep": a[:, 2], "ent": a[:, 4], "lemma": a[:, 5]}
    out = numpy.zeros((n, len(CATEGORIES) + len(FLAGS)), dtype="int64")
    found: dict[str, Any] = {}
    for k, name in enumerate(CATEGORIES):
        base = name.removeprefix("head_")
        if base not in found:  # each attribute once: a head_ category reads its base's ids at the head
            found[base] = _ids(columns[base], model, CATEGORIES.index(base), base == "lemma", strings, cues)
        values = found[base][0]
        out[:, k] = values[head] if name.startswith("head_") else values
    lemma_is_cue = found["lemma"][1]
    nf = len(CATEGORIES)
    out[:, nf] = lemma_is_cue.astype("int64") + 2 * lemma_is_cue[head].astype("int64")
    idx = a[:, 7].astype("int64")
    quoted_flag = numpy.zeros(n, dtype="int64")
    for value, stretches in ((2, pieces), (1, quoted)):
        for s, e in stretches:
            quoted_flag[numpy.searchsorted(idx, s, side="left"):numpy.searchsorted(idx, e, side="left")] = value
    out[:, nf + 1] = quoted_flag
    out[:, nf + 2] = (a[:, 6].astype("int64") == 1).astype("int64")
    return out


def _ids(column: Any, model: dict[str, Any], k: int, lower: bool, strings: Any, cues: frozenset[str]
         ) -> tuple[Any, Any]:
    """(vocabulary id, is a cue) per token of one attribute's hash column; each hash is looked up
    once per model (``model["_hashes"]``)."""
    uniq, inverse = numpy.unique(column, return_inverse=True)
    table, ids = model["_hashes"][k], model["_ids"][k]
    mapped = []
    for h in uniq.tolist():
        got = table.get(h)
        if got is None:
            text = strings[h] if h else ""
            text = text.lower() if lower else text
            got = table[h] = (ids.get(text, 0), text in cues)
        mapped.append(got)
    inverse = inverse.reshape(-1)
    return (numpy.asarray([m[0] for m in mapped], dtype="int64")[inverse],
            numpy.asarray([m[1] for m in mapped], dtype=bool)[inverse])


def tag(doc: Doc, quoted: list[tuple[int, int]], pieces: list[tuple[int, int]], cues: frozenset[str],
        model: dict[str, Any] | None = None, read: set[int] | None = None) -> Tags | None:
    """The doc's tags; None without a model or without contextual vectors of the model's width.
    ``quoted`` / ``pieces``: the (start, end) of the doc's direct quotes and quoted pieces. With
    ``read``, only those paragraphs (:func:`paragraphs` numbers) are read; the others' tokens are
    tagged outside, no cue, no source (a paragraph is read on its own, so the tags of those read
    are the same)."""
    return tag_many([Request(doc, quoted, pieces, read)], cues, model)[0]


@dataclass(slots=True)
class Request:
    """One doc to tag (:func:`tag_many`): its direct quotes and quoted pieces as (start, end), and
    the paragraphs to read (None: all)."""
    doc: Doc
    quoted: list[tuple[int, int]]
    pieces: list[tuple[int, int]]
    read: set[int] | None = None


def tag_many(requests: Sequence[Request], cues: frozenset[str], model: dict[str, Any] | None = None
             ) -> list[Tags | None]:
    """:func:`tag` for several docs at once. Their paragraphs run through one LSTM loop side by
    side, so a batch costs about as many steps as its longest paragraph: each step's cost is
    mostly fixed, and one loop per doc made the tagger several times dearer on short articles."""
    model = load() if model is None else model
    if model is None:
        return [None] * len(requests)
    inputs: list[Any] = []  # per doc read: its tokens' inputs, paragraph after paragraph
    groups: list[Any] = []  # per paragraph read: its rows in the concatenated inputs
    plans: list[tuple[Any, Any, int] | None] = []  # per request: (paragraphs, tokens read, first row) or None
    base = 0
    for r in requests:
        doc, tensor = r.doc, doc_vectors(r.doc)
        if tensor is None or len(doc) == 0 or tensor.shape != (len(doc), model["width"]):
            plans.append(None)
            continue
        para = paragraphs(doc)
        order = numpy.argsort(para, kind="stable")
        counts = numpy.bincount(para[para >= 0]) if (para >= 0).any() else numpy.zeros(0, dtype="int64")
        mine, pos = [], int((para < 0).sum())
        for p, c in enumerate(counts.tolist()):
            if c and (r.read is None or p in r.read):
                mine.append(order[pos:pos + c])
            pos += c
        rows = numpy.concatenate(mine) if mine else numpy.zeros(0, dtype="int64")
        if mine:
            ids = features(doc, r.quoted, r.pieces, model, cues)
            inputs.append(numpy.concatenate([tensor[rows].astype("float32", copy=False)] +
                                            [e[ids[rows, k]] for k, e in enumerate(model["_embed"])], axis=1))
            bounds = numpy.cumsum([0] + [len(g) for g in mine]).tolist()
            groups += [numpy.arange(base + a, base + b) for a, b in zip(bounds, bounds[1:], strict=False)]
        plans.append((para, rows, base))
        base += len(rows)
    read_logits: Any = None
    if groups:
        with one_blas_thread():
            read_logits = _bilstm(model, numpy.concatenate(inputs), groups)
    out: list[Tags | None] = []
    for r, plan in zip(requests, plans, strict=True):
        if plan is None:
            out.append(None)
            continue
        para, rows, first = plan
        logits = numpy.tile(_UNREAD, (len(r.doc), 1))
        if len(rows):
            logits[rows] = read_logits[first:first + len(rows)]
        out.append(Tags(_softmax(logits[:, :3]), _softmax(logits[:, 3:5])[:, 1], _softmax(logits[:, 5:7])[:, 1],
                        para, r.doc.to_array(["IS_SPACE"]).astype(bool).reshape(-1)))
    return out


#: the logits of a token in a paragraph not read: outside, no cue, no source
_UNREAD = numpy.asarray([30.0, 0.0, 0.0, 30.0, 0.0, 30.0, 0.0], dtype="float32")


def _softmax(z: Any) -> Any:
    z = numpy.exp(z - z.max(axis=1, keepdims=True))
    return z / z.sum(axis=1, keepdims=True)


def _bilstm(model: dict[str, Any], x: Any, groups: list[Any]) -> Any:
    """The output layer's logits (n, 7) of the bidirectional LSTM run over each group of token
    indices (a paragraph, in order). The groups run side by side, longest first, and both
    directions in one product per step (a block-diagonal recurrent matrix over the two states); a
    sigmoid is 0.5 * tanh(x / 2) + 0.5 (the gates' weights come halved)."""
    hidden = int(model["hidden"])
    two = 2 * hidden
    groups = sorted(groups, key=len, reverse=True)
    lens = [len(g) for g in groups]
    width, steps = len(groups), lens[0]
    gemm = numpy.matmul  # numpy's BLAS, held to one thread by tag_many (quote_model.one_blas_thread)
    fwd = gemm(x, model["_in"][0]) + model["_bias"][0]  # (n, 4 hidden): gate inputs of the forward direction
    bwd = gemm(x, model["_in"][1]) + model["_bias"][1]
    gates = numpy.zeros((steps, width, 8 * hidden), dtype="float32")  # time first; the backward run reversed
    view = gates.reshape(steps, width, 4, 2, hidden)
    # every token's (step, group) at once, and the tokens in backward order: one assignment, not one per group
    rows = numpy.concatenate(groups)
    back = numpy.concatenate([g[::-1] for g in groups])
    step = numpy.concatenate([numpy.arange(n) for n in lens])
    column = numpy.repeat(numpy.arange(width), lens)
    view[step, column, :, 0] = fwd[rows].reshape(-1, 4, hidden)
    view[step, column, :, 1] = bwd[back].reshape(-1, 4, hidden)
    states = numpy.zeros((steps, width, two), dtype="float32")
    h = numpy.zeros((width, two), dtype="float32")
    c = numpy.zeros((width, two), dtype="float32")
    z = numpy.empty((width, 4 * two), dtype="float32")  # work buffers: no array is made per step
    ig = numpy.empty((width, two), dtype="float32")
    hh = model["_hh"]
    k = width
    for t in range(steps):
        while lens[k - 1] <= t:
            k -= 1
        zk, ik, ck = z[:k], ig[:k], c[:k]
        gemm(h[:k], hh, out=zk)
        zk += gates[t, :k]
        numpy.tanh(zk, out=zk)
        sig = zk[:, :3 * two]
        sig *= 0.5
        sig += 0.5
        numpy.multiply(sig[:, :two], zk[:, 3 * two:], out=ik)  # input gate * candidate
        ck *= sig[:, two:2 * two]  # forget gate
        ck += ik
        h = states[t]
        numpy.tanh(ck, out=h[:k])
        h[:k] *= sig[:, 2 * two:]  # output gate
    out = numpy.zeros((len(x), two), dtype="float32")
    out[rows, :hidden] = states[step, column, :hidden]
    out[back, hidden:] = states[step, column, hidden:]
    return gemm(out, model["_out"][0]) + model["_out"][1]


def content_spans(tags: Tags) -> list[tuple[int, int, float]]:
    """(first token, end token, mean content probability over them) of each decoded content span:
    a run of tokens tagged 'begins' or 'inside' within a paragraph, split before each 'begins'.
    Space tokens neither open nor close a span; a line break closes it."""
    label = tags.content.argmax(axis=1)
    keep = numpy.flatnonzero((tags.paragraph >= 0) & ~tags.space)  # the tokens that count
    if len(keep) == 0:
        return []
    lab, para = label[keep], tags.paragraph[keep]
    inside = lab > 0
    before = numpy.concatenate([[False], inside[:-1]])
    same = numpy.concatenate([[False], para[1:] == para[:-1]])
    start = inside & ((lab == 1) | ~before | ~same)
    span = numpy.cumsum(start) - 1  # the span each counted token belongs to (when inside)
    firsts = keep[start]
    lasts = numpy.zeros(len(firsts), dtype="int64")
    lasts[span[inside]] = keep[inside]  # the last write per span is its last token
    total = numpy.concatenate([[0.0], numpy.cumsum(1.0 - tags.content[:, 0], dtype="float64")])
    return [(f, e + 1, float((total[e + 1] - total[f]) / (e + 1 - f))) for f, e in zip(firsts.tolist(), lasts.tolist(),
                                                                                   strict=True)]
