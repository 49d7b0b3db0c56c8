"""A small learned classifier: is a quoted stretch a direct quote, or part of something else?

Quote marks enclose direct quotes ("We are ready," she said), but also quoted pieces of a
paraphrase (he called it "a mistake"; she said that Trump "lashed out"), titles ("Face the
Nation") and scare quotes. What decides is the text around the marks: what stands before the
opening mark (a colon, a paragraph start, a "said,"), how the content starts and ends, and what
follows the closing mark. Each candidate gets a handful of sparse string features that feed a
logistic regression; ``scripts/train_quotes.py`` fits it on PolNeAR's train split (thresholds chosen on devsplit) and
writes ``data/quote_model.json``; inference is a dictionary look-up and a sum in pure Python.
The same file holds the speaker ranker, the clause classifier (which words after a verb it
reports) and the extent model (where such content ends: :func:`extent_candidates`). The clause
classifier also has dense weights (``"dense"``: block name -> one weight per vector component) on
spaCy's contextual token vectors (the tok2vec output, ``doc.tensor``) of a few tokens of each
candidate (:func:`dense_tokens`), added to the sparse sum as dot products (:func:`clause_dense_score`).
"""

from __future__ import annotations

import bisect
import contextlib
import functools
import itertools
import json
import math
import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING, Any

import numpy

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_WORD = re.compile(r"\w+(?:['’]\w+)*")
_SENT_END = re.compile(r"[.!?][”\"]?\s")
_SENT_BREAK = re.compile(r"[.!?][”\"]?\s+[A-Z“]")
#: verbs that introduce speech; a copy kept here so the features do not depend on quotes.py
SPEECH = frozenset("""say tell add warn claim state note insist argue explain announce declare deny
admit acknowledge confirm reply respond answer ask write report reiterate stress emphasize emphasise
mention suggest predict promise pledge vow threaten urge recall reaffirm assert contend maintain tweet
post testify conclude continue joke quip recount shout yell tell""".split())


@functools.cache
def load(name: str = "quote_model.json") -> dict[str, Any] | None:
    """The shipped model, or None when none was trained."""
    return read_data(name)


@functools.cache
def _blas() -> Any:
    """threadpoolctl's controller of the BLAS numpy loaded (None without threadpoolctl)."""
    try:
        from threadpoolctl import ThreadpoolController
    except ImportError:  # pragma: no cover - a dependency; without it the BLAS keeps its threads
        return None
    return ThreadpoolController()


#: held while numpy's BLAS is limited: limits set and restored from two threads at once could leave
#: the process at one thread for good (the second restores what the first set)
_BLAS_LOCK = threading.RLock()


@contextlib.contextmanager
def one_blas_thread() -> Iterator[None]:
    """A context in which numpy's BLAS runs in the calling thread only, for the small products of the
    reported-content tagger (one per LSTM step) and the clause re-scorer: a threaded BLAS gains little
    on them and, on a busy machine, its threads' hand-offs stall now and then for milliseconds. (numpy's
    BLAS, OpenBLAS in its wheels, ran these products three to five times faster than spaCy's blis.)
    Other threads wait while one holds it."""
    ctl = _blas()
    if ctl is None:
        yield
        return
    with _BLAS_LOCK, ctl.limit(limits=1, user_api="blas"):
        yield


def read_data(name: str) -> dict[str, Any] | None:
    """The JSON file ``name`` shipped in ``dateline.data``, or None when there is none (uncached)."""
    try:
        text = resources.files("dateline.data").joinpath(name).read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    return json.loads(text)  # type: ignore[no-any-return]


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per doc (spaCy joins every token's text on each access)."""
    text = doc.user_data.get("dateline_text")
    if text is None:
        text = doc.user_data["dateline_text"] = doc.text
    return text  # type: ignore[no-any-return]


def probability(features: list[str], weights: dict[str, float]) -> float:
    """The logistic model's probability for a bag of features."""
    return _logistic(sum(map(weights.get, features, _ZEROS)) + weights.get("bias", 0.0))


#: the default of each ``weights.get`` in ``map(weights.get, features, _ZEROS)``
_ZEROS = itertools.repeat(0.0)


def _logistic(z: float) -> float:
    z = max(-30.0, min(30.0, z))
    return 1.0 / (1.0 + math.exp(-z))


def _bucket(n: int) -> str:
    for limit, name in ((1, "1"), (2, "2"), (3, "3"), (5, "4-5"), (9, "6-9"), (19, "10-19")):
        if n <= limit:
            return name
    return "20+"


def _token_at(doc: Doc, char: int, after: bool) -> Token | None:
    """The first token starting at/after ``char`` (after=True) or the last one ending before it."""
    i = _index_at(doc, char, after)
    return None if i is None else doc[i]


def _index_at(doc: Doc, char: int, after: bool) -> int | None:
    """:func:`_token_at`'s token index."""
    starts = token_table(doc).idx
    if after:
        i = bisect.bisect_left(starts, char)
        return i if i < len(starts) else None
    i = bisect.bisect_left(starts, char) - 1
    return i if i >= 0 else None


def _shape(ch: str) -> str:
    if not ch:
        return "none"
    if ch == "\n":
        return "nl"
    if ch.isupper():
        return "upper"
    if ch.islower():
        return "lower"
    if ch.isdigit():
        return "digit"
    return ch


def _mark(text: str, start: int) -> str:
    ch = text[start:start + 2]
    if ch == "''":
        return "twosingle"
    return {"“": "curly", '"': "straight", "‘": "single", "'": "single", "«": "guillemet"}.get(ch[:1], "other")


def direct_features(text: str, start: int, end: int, doc: Doc | None, open_ended: bool = False,
                    prev_end: int | None = None) -> list[str]:
    """Sparse features of the quoted stretch ``text[start:end]`` (marks included); ``prev_end`` is
    where the quoted stretch before it ends (a split quote's second part follows its first)."""
    inner = text[start:end].strip("\"“”‘’'«» \n")
    words = _WORD.findall(inner)
    before = text[max(0, start - 40):start]
    line_start = text.rfind("\n", 0, start) + 1
    prev_char = before.rstrip(" \t\xa0")[-1:] if text[line_start:start].strip() else "\n"
    after = text[end:end + 40]
    next_char = after.lstrip(" \t\xa0")[:1]
    first = inner[:1]
    last = inner.rstrip()[-1:] if inner else ""
    if next_char in ",." and last.isalnum() and doc is not None and _speech_after(doc, end) is not None:
        # British and European style, the comma after the mark ('“... here”, said Ms Holm'): read as
        # the American '“... here,” said' that the model was fitted on
        last, next_char = next_char, after.lstrip(" \t\xa0")[1:].lstrip(" \t\xa0")[:1]
    prev_words = _WORD.findall(before.lower())
    next_words = _WORD.findall(after.lower())
    title_ratio = sum(w[:1].isupper() for w in words) / max(len(words), 1)
    f = [
        f"prev={_shape(prev_char)}", f"first={_shape(first)}", f"last={_shape(last)}",
        f"next={_shape(next_char)}", f"n={_bucket(len(words))}", f"mark={_mark(text, start)}",
        f"prev_first={_shape(prev_char)}|{_shape(first)}", f"last_next={_shape(last)}|{_shape(next_char)}",
        f"n_last={_bucket(len(words))}|{_shape(last)}", f"n_prev={_bucket(len(words))}|{_shape(prev_char)}",
        f"open_ended={open_ended}", f"sentences={min(len(_SENT_BREAK.findall(inner)), 3)}",
        f"title={'high' if title_ratio > 0.7 else 'mid' if title_ratio > 0.3 else 'low'}",
    ]
    if prev_end is not None and start - prev_end <= 60 and "\n" not in text[prev_end:start]:
        f.append(f"after_quote|{_shape(first)}")
    if prev_words and prev_char.isalpha():
        f.append(f"prevw={prev_words[-1]}")
    if next_words and next_char.isalpha():
        f.append(f"nextw={next_words[0]}")
    if doc is not None:
        f += _parse_features(doc, start, end, next_char)
    return f


def _speech_after(doc: Doc, end: int) -> int | None:
    """Where a speech verb stands among the four words after ``end`` ('”, Holm said': 1), if one does."""
    i = _index(doc, end)
    words = [t for t in doc[i:i + 5] if not t.is_punct]
    return next((n for n, t in enumerate(words[:4]) if t.lemma_.lower() in SPEECH and t.pos_ in ("VERB", "AUX")),
                None)


def _parse_features(doc: Doc, start: int, end: int, next_char: str) -> list[str]:
    """What the parse says about the words around the marks."""
    f = []
    prev = _token_at(doc, start, after=False)
    if prev is not None and doc_text(doc)[prev.idx + len(prev.text):start].strip() == "":
        f += [f"prev_pos={prev.pos_}", f"prev_dep={prev.dep_}"]
        if prev.lemma_.lower() in SPEECH:
            f.append("prev_speech")
        elif prev.is_punct and prev.i > 0 and doc[prev.i - 1].lemma_.lower() in SPEECH:
            f.append(f"prev_speech{prev.text}")
    at = _speech_after(doc, end)
    if at is not None:
        f.append(f"next_speech@{at}|{_shape(next_char)}")
    head = _token_at(doc, start + 1, after=True)
    if head is not None:
        root = head
        while root.head.i != root.i and start <= root.head.idx < end:
            root = root.head
        outside = root.head if root.head.i != root.i else None
        if outside is not None:
            f.append(f"head_dep={root.dep_}")
            if outside.lemma_.lower() in SPEECH:
                f.append(f"head_speech={root.dep_}")
        else:
            f.append("head_root")
    return f


def _index(doc: Doc, char: int) -> int:
    tok = _token_at(doc, char, after=True)
    return tok.i if tok is not None else len(doc)


def speaker_features(doc: Doc, start: int, end: int, verb: Token, subj: Token, rank: int) -> list[str]:
    """Sparse features of one (cue verb, subject) candidate for the quote at ``start:end``;
    ``rank`` is its place among the candidates by distance (0 = nearest)."""
    text = doc_text(doc)
    after = verb.idx >= end
    gap = text[end:verb.idx] if after else text[verb.idx + len(verb.text):start]
    gap_words = len(_WORD.findall(gap))
    side = "after" if after else "before"
    lemma = verb.lemma_.lower()
    f = [
        f"side={side}", f"gap={_bucket(gap_words)}|{side}", f"rank={min(rank, 3)}",
        f"lemma={lemma}", f"speech={lemma in SPEECH}|{side}", f"verb_dep={verb.dep_}",
        f"subj_pos={subj.pos_}", f"subj_after={subj.i > verb.i}|{side}", f"subj_dep={subj.dep_}",
        f"gap_break={bool(_SENT_END.search(gap))}|{side}", f"gap_nl={chr(10) in gap}",
    ]
    if gap_words <= 2:
        f.append(f"near={side}|{gap.strip()[:2]}")
    if side == "before":  # 'He told his audience, to rowdy applause:' introduces the quote
        f.append(f"gap_last={gap.strip()[-1:]}|{chr(10) in gap}")
    head = _token_at(doc, start + 1, after=True)
    if head is not None:
        root = head
        while root.head.i != root.i and start <= root.head.idx < end:
            root = root.head
        if root.head.i == verb.i:
            f.append(f"governs={root.dep_}")
    return f


#: dependents that are not part of what a verb reports: other clauses joined to it, its subject
_NOT_CONTENT = frozenset("conj cc nsubj nsubjpass csubj expl aux auxpass neg punct mark advmod".split())
#: dependents that carry what a verb reports
_CONTENT = frozenset("ccomp xcomp dobj prep attr dative oprd acomp advcl npadvmod".split())


def clause_candidates(doc: Doc, skip: list[tuple[int, int]] | None = None) -> list[tuple[Token, int, int, str]]:
    """(verb, start, end, extent) for every verb with something after it that it could report.

    Each verb gives a few extents: its right-hand content dependents up to the first, second ...
    of them (``k/n``), each also with a trailing comma-led clause of its last dependent cut off
    (``k/n,cut``): "praised the plan, which ..." may report only "the plan". The subject and the
    clauses joined to the verb are never content, except a passive's subject (``pass``: "The
    registration issue was first reported by the Post"), whose features stay apart from the rest.
    Verbs that start inside a ``skip`` span (start, end) give none.
    """
    out = []
    tk, text = token_table(doc), doc_text(doc)
    for i, pos in enumerate(tk.pos):  # the token table, not doc iteration: a Token is built per token
        if pos != "VERB" or skip and any(s <= tk.idx[i] < e for s, e in skip):
            continue
        verb, kids = doc[i], _children(tk, i)
        deps = [j for j in kids if j > i and tk.dep[j] in _CONTENT]
        first = doc[deps[0]].left_edge.i if deps else i
        for k, last_dep in enumerate(deps, 1):
            ends = [(doc[last_dep].right_edge.i, f"{min(k, 3)}/{min(len(deps), 3)}")]
            cut = next((j for j in _children(tk, last_dep) if j > last_dep and tk.dep[j] in _CUT_AT
                        and text[tk.idx[j - 1]:tk.end[j - 1]] == ","), None)
            if cut is not None and cut - 2 >= first:
                ends.append((cut - 2, f"{min(k, 3)}/{min(len(deps), 3)},cut"))
            for last, extent in ends:
                while last > first and (tk.punct[last] or tk.dep[last] in ("cc", "conj")):
                    last -= 1
                start, end = tk.idx[first], tk.end[last]
                if end > start:
                    out.append((verb, start, end, extent))
        out += _content_before(doc, verb, kids)
    return out + _complements(doc, skip)


#: constructions fitted apart from a verb's content after it (their features prefixed): content before its
#: verb (``pass``), and the complement clause of a word that is no verb (``comp``: "confident that ...",
#: :func:`_complements`)
BEFORE = frozenset(["pass", "comp"])
#: the comma-led trailing clauses of a verb's last content dependent that an extent may cut off
_CUT_AT = frozenset(["relcl", "acl", "advcl", "prep", "appos"])


def _content_before(doc: Doc, verb: Token, kids: list[int]) -> list[tuple[Token, int, int, str]]:
    """Content a verb reports that stands before it: a passive's subject ('The registration issue
    was first reported by the Post'), extent ``pass``; a pronoun subject is never content. ``kids``
    are the verb's children."""
    tk = token_table(doc)
    j = next((j for j in kids if j < verb.i and tk.dep[j] == "nsubjpass"), None)
    if j is None or tk.pos[j] == "PRON":
        return []
    subj = doc[j]
    first, last = subj.left_edge.i, subj.right_edge.i
    while last > first and tk.punct[last]:
        last -= 1
    return [(verb, tk.idx[first], tk.end[last], "pass")]


#: the clauses a noun, adjective or copula may take as what someone thinks or says ("confident that ...")
_COMPLEMENT = frozenset(["acl", "ccomp", "xcomp"])
#: the words whose complement clause :func:`_complements` offers
_COMP_HEADS = frozenset(["NOUN", "PROPN", "ADJ", "AUX"])


def _complements(doc: Doc, skip: list[tuple[int, int]] | None) -> list[tuple[Token, int, int, str]]:
    """(cue, start, end, ``comp``) for each clause after a noun, adjective or copula that opens with a
    complementizer or an infinitive's 'to' ("the claim that ...", "confident that ...", "is likely to
    ..."): a verb's complement is already its own candidate. A cue inside a ``skip`` span gives none."""
    tk, out = token_table(doc), []
    for j, dep in enumerate(tk.dep):
        cue = tk.head[j]
        if dep not in _COMPLEMENT or cue >= j or tk.pos[cue] not in _COMP_HEADS or (dep, tk.pos[cue]) == ("acl", "AUX"):
            continue  # (an acl of a copula: a misparse)
        first = tk.left[j]
        if first <= cue or tk.dep[first] not in ("mark", "aux") or skip and any(s <= tk.idx[cue] < e for s, e in skip):
            continue
        last = doc[j].right_edge.i
        while last > first and tk.punct[last]:
            last -= 1
        out.append((doc[cue], tk.idx[first], tk.end[last], "comp"))
    return out


def _apart_features(doc: Doc, cue: Token, start: int, extent: str) -> list[str]:
    """What a construction fitted apart adds to its shared features: for ``comp``, how the clause hangs
    from the cue and opens (an ``acl`` with a 'that', an ``xcomp`` with a 'to'), the cue's part of speech
    and place, and the word the cue hangs from ('is [likely] to')."""
    tk = token_table(doc)
    i = _index_at(doc, start, after=True)
    if extent != "comp" or i is None:
        return []
    comp, hops = i, 0
    while tk.head[comp] not in (cue.i, comp) and hops < 50:  # up from the first word to the clause's head
        comp, hops = tk.head[comp], hops + 1
    kind = f"{tk.dep[comp]}|{tk.dep[i]}"
    return [f"comp={kind}", f"cue_comp={cue.lemma_.lower()}|{kind}", f"cue_pos={cue.pos_}|{cue.dep_}",
            f"cue_head={cue.head.lemma_.lower()}|{cue.dep_}", f"first_w={_lower(doc, tk, i)}",
            f"cue_poss={any(c.dep_ == 'poss' for c in cue.children)}"]


def clause_features(doc: Doc, verb: Token, start: int, end: int, extent: str = "1/1") -> list[str]:
    """Sparse features of one candidate ``verb`` reporting ``doc_text(doc)[start:end]`` (``extent`` as
    :func:`clause_candidates` names it)."""
    lemma, rights, shared = _verb_features(doc, verb)
    f = [*shared, *_extent_features(doc_text(doc), lemma, rights, start, end, extent)]
    if extent in BEFORE:  # a construction of its own: its weights are fitted apart and leave the rest as they were
        own = [x for x in f if not x.startswith(("last=", "lemma_last=", "excluded"))]
        own += _apart_features(doc, verb, start, extent)
        return [f"{extent}|{x}" for x in own] + [f"before={extent}"]
    return f


def clause_probability(doc: Doc, verb: Token, start: int, end: int, extent: str, weights: dict[str, float],
                       dense: dict[str, list[float]] | None = None) -> float:
    """``probability(clause_features(doc, verb, start, end, extent), weights)`` plus the dense part
    (:func:`clause_dense_score`), with the weights of the features every extent of the verb shares
    looked up once per verb (the same sum, term by term). Content before its verb has no dense part."""
    if extent in BEFORE:
        return probability(clause_features(doc, verb, start, end, extent), weights)
    cache = doc.user_data.get("dateline_clause_shared")
    if cache is None:
        cache = doc.user_data["dateline_clause_shared"] = {}
    key = (id(weights), id(dense), verb.i)
    entry = cache.get(key)
    if entry is None:
        lemma, rights, shared = _verb_features(doc, verb)
        values = [weights.get(f, 0.0) for f in shared]
        if dense:
            values.append(clause_dense_score(doc, verb, dense))
        entry = cache[key] = (lemma, rights, values)
    lemma, rights, values = entry
    own = _extent_features(doc_text(doc), lemma, rights, start, end, extent)
    return _logistic(sum([*values, *map(weights.get, own, _ZEROS)]) + weights.get("bias", 0.0))


def dense_tokens(doc: Doc, verb: Token) -> dict[str, int | None]:
    """The token index of each dense block of candidate ``verb`` (None where it has none): the verb,
    its first content dependent after it, its subject, and the word it hangs from."""
    tk, i = token_table(doc), verb.i
    kids = _children(tk, i)
    return {"verb": i,
            "content": next((j for j in kids if j > i and tk.dep[j] in _CONTENT), None),
            "subj": next((j for j in kids if tk.dep[j] in ("nsubj", "nsubjpass", "poss")), None),
            "head": tk.head[i] if tk.head[i] != i else None}


def doc_vectors(doc: Doc) -> Any:
    """spaCy's contextual token vectors (the tok2vec output, ``doc.tensor``: one row per token), or
    None when the doc carries none (a pipeline without tok2vec; a doc read back from a DocBin)."""
    tensor = doc.tensor
    if tensor is None or getattr(tensor, "ndim", 0) != 2 or tensor.shape[0] != len(doc) or not len(doc):
        return None
    return tensor


def clause_dense_score(doc: Doc, verb: Token, dense: dict[str, list[float]]) -> float:
    """The dense part of a candidate's score: for each block of ``dense`` (block name -> weights),
    the dot product of the weights with that token's contextual vector; 0 without vectors. One
    vector dot product per block and verb: a matrix product over the whole doc costs more, since
    the BLAS threads it starts outlast it."""
    tensor = doc_vectors(doc)
    if tensor is None:
        return 0.0
    weights = _dense_arrays(dense)
    total = 0.0
    for name, j in dense_tokens(doc, verb).items():
        w = weights.get(name)
        if j is not None and w is not None and len(w) == tensor.shape[1]:
            total += float(numpy.dot(w, tensor[j]))
    return total


#: the dense weights as arrays, for the one model dict they were made from
_DENSE_ARRAYS: list[tuple[dict[str, list[float]], dict[str, Any]]] = []


def _dense_arrays(dense: dict[str, list[float]]) -> dict[str, Any]:
    """``dense`` with each block as a float32 array (the tensor's type), made once per model dict."""
    if not _DENSE_ARRAYS or _DENSE_ARRAYS[0][0] is not dense:
        _DENSE_ARRAYS[:] = [(dense, {n: numpy.asarray(w, dtype="float32") for n, w in dense.items()})]
    return _DENSE_ARRAYS[0][1]


def _extent_features(text: str, lemma: str, rights: list[tuple[int, str, str]], start: int, end: int,
                     extent: str) -> list[str]:
    """The features of one extent of a verb (:func:`clause_features` without the verb's own)."""
    content = text[start:end]
    n = _bucket(sum(1 for _ in itertools.islice(_WORD.finditer(content), 20)))  # the bucket tells no more than 20+
    f = [f"n={n}", f"extent={extent}", f"extent_n={extent}|{n}", f"extent_lemma={extent}|{lemma}"]
    if '"' in content or "“" in content or "”" in content or "‘" in content or "''" in content:
        f.append(f"quoted_words|{extent}")  # partly quoted content is someone's words
    inside = [c for c in rights if c[0] < end]
    outside = [c for c in rights if c[0] >= end]
    if inside:
        f += [f"last={inside[-1][1]}", f"lemma_last={lemma}|{inside[-1][1]}"]
    f.append(f"excluded={outside[0][1] if outside else 'none'}")
    if outside and outside[0][1] == "prep":
        f.append(f"excluded_prep={outside[0][2]}")
    return f


def _verb_features(doc: Doc, verb: Token) -> tuple[str, list[tuple[int, str, str]], list[str]]:
    """(lemma, content dependents as (offset, dep, lower-case word), features) of a candidate verb
    that every extent of it shares; built once per verb and doc (a verb has a few extents). Plain
    data only, so the doc's ``user_data`` stays serialisable."""
    cache = doc.user_data.setdefault("dateline_clause_verbs", {})
    if verb.i in cache:
        return cache[verb.i]  # type: ignore[no-any-return]
    tk, i = token_table(doc), verb.i  # plain lists: no Token built per child looked at
    lemma = verb.lemma_.lower()
    kids = _children(tk, i)
    rights = [j for j in kids if j > i and tk.dep[j] in _CONTENT]
    deps = sorted({tk.dep[j] for j in rights})
    first = tk.dep[rights[0]] if rights else "none"
    subj_i = next((j for j in kids if tk.dep[j] in ("nsubj", "nsubjpass", "poss")), None)
    subj = None if subj_i is None else doc[subj_i]
    f = [f"lemma={lemma}", f"deps={'+'.join(deps)}", f"dep={tk.dep[i]}", f"tag={verb.tag_}",
         f"first={first}", f"lemma_first={lemma}|{first}",
         f"subj={'none' if subj is None else subj.pos_ + '|' + (subj.ent_type_ or '-')}",
         f"speech={lemma in SPEECH}", f"pos={tk.pos[i]}",
         f"lemma_subj={lemma}|{'none' if subj is None else subj.ent_type_ or subj.pos_}"]
    if first == "ccomp":
        mark = next((doc[j].lower_ for j in _children(tk, rights[0]) if tk.dep[j] == "mark"), "none")
        f.append(f"mark={mark}")
    if first == "prep":
        f.append(f"prep={lemma}|{doc[rights[0]].lower_}")
    if any(tk.dep[j] == "neg" for j in kids):
        f.append("neg")
    if subj is None and tk.dep[i] in ("conj", "xcomp", "advcl"):
        f.append(f"borrowed_subj={tk.dep[i]}")
    f += [f"reported={_reported_by(verb)}", f"quoted={_inside_quotes(doc, verb)}"]
    kept = [(tk.idx[j], tk.dep[j], doc[j].lower_) for j in rights]
    cache[verb.i] = (lemma, kept, f)
    return lemma, kept, f


def _reported_by(verb: Token) -> str:
    """How the verb sits in someone else's reported words: 'speech' when an ancestor clause is
    the complement of a speech verb ("she said Trump *attacked* ..."), 'other' when it hangs from
    a non-speech verb's complement, 'none' at the top."""
    tk, i, hops = token_table(verb.doc), verb.i, 0
    while tk.dep[i] != "ROOT" and hops < 6:
        if tk.dep[i] == "ccomp":
            return "speech" if verb.doc[tk.head[i]].lemma_.lower() in SPEECH else "other"
        i, hops = tk.head[i], hops + 1
    return "none"


def _inside_quotes(doc: Doc, verb: Token) -> bool:
    """Whether an odd number of double quote marks precede the verb in its paragraph."""
    text = doc_text(doc)
    start = text.rfind("\n", 0, verb.idx) + 1
    before = text[start:verb.idx]
    return (before.count('"') + before.count("“") + before.count("”") + before.count("''")) % 2 == 1


#: where reported content may stop short of its clause: the dependents that trail a thought
_TRAILING = frozenset("relcl advcl prep conj appos acl npadvmod advmod agent cc parataxis".split())
_BREAK_PUNCT = frozenset([",", ";", "—", "–", "-", "--", "(", ":"])


@dataclass(slots=True)
class _Tokens:
    """A doc's parse as plain lists (spaCy builds a Token object on every index): what the extent
    model reads of each token; depths and breaks (:func:`_break`) are filled in as they are asked for."""

    head: list[int]
    left: list[int]
    kid_order: list[int]  # token indices sorted by head, in order: token i's children are those from
    kid_bounds: list[int]  # kid_order[kid_bounds[i]:kid_bounds[i + 1]], less i itself (a root heads itself)
    dep: list[str]
    pos: list[str]
    lemma: list[str]  # lower-cased, of verbs only ('' for the other tokens)
    punct: list[bool]
    idx: list[int]
    end: list[int]
    depth: dict[int, int]
    brk: dict[int, str | None]
    lower: dict[int, str]  # lower-cased words, filled in as they are asked for


def token_table(doc: Doc) -> _Tokens:
    """The doc's :class:`_Tokens`, built once per doc from spaCy's arrays."""
    table = doc.user_data.get("dateline_tokens")
    if table is None:
        table = doc.user_data["dateline_tokens"] = _build_tokens(doc)
    return table  # type: ignore[no-any-return]


def _build_tokens(doc: Doc) -> _Tokens:
    array = doc.to_array(["HEAD", "DEP", "POS", "LEMMA", "IS_PUNCT", "IDX", "LENGTH"]).astype("int64")  # was uint64
    n = len(array)
    heads = array[:, 0] + numpy.arange(n)
    head: list[int] = heads.tolist()
    left = list(range(n))
    # children as one list sorted by head (a list per token would wake the garbage collector)
    order = numpy.argsort(heads, kind="stable").tolist()
    bounds = [0, *numpy.cumsum(numpy.bincount(heads, minlength=n)).tolist()]
    for i in range(n):  # each token lowers the left edge of its ancestors until one is already lower
        j, hops = head[i], 0
        while j != i and left[j] > i and hops < 100:
            left[j], j, hops = i, head[j], hops + 1
    pos = _names(doc, array[:, 2])
    verbs = [i for i, p in enumerate(pos) if p == "VERB"]
    lemma = [""] * n
    for i, name in zip(verbs, _names(doc, array[verbs, 3]), strict=True):
        lemma[i] = name.lower()
    return _Tokens(head, left, order, bounds, _names(doc, array[:, 1]), pos, lemma, array[:, 4].astype(bool).tolist(),
                   array[:, 5].tolist(), (array[:, 5] + array[:, 6]).tolist(), {}, {}, {})


def _names(doc: Doc, hashes: Any) -> list[str]:
    """The strings of a column of string hashes, each distinct one looked up once."""
    keys = hashes.astype("uint64").tolist()
    strings = doc.vocab.strings
    names = {key: strings[key] if key else "" for key in set(keys)}
    return list(map(names.__getitem__, keys))


def _children(tk: _Tokens, i: int) -> list[int]:
    """Token ``i``'s children, in order."""
    return [j for j in tk.kid_order[tk.kid_bounds[i]:tk.kid_bounds[i + 1]] if j != i]


def _depth_of(tk: _Tokens, i: int) -> int:
    if i not in tk.depth:
        j, d = i, 0
        while tk.head[j] != j and d < 50:
            j, d = tk.head[j], d + 1
        tk.depth[i] = d
    return tk.depth[i]


def _break_of(tk: _Tokens, i: int, text: str) -> str | None:
    if i not in tk.brk:
        tk.brk[i] = _break(tk, i, text[tk.idx[i]:tk.end[i]])
    return tk.brk[i]


def _break(tk: _Tokens, i: int, text: str) -> str | None:
    """What opens a possible end of content at token ``i``: a punctuation mark, a conjunction, or the
    first word of a trailing modifier; None where content cannot stop."""
    if tk.punct[i]:
        return text if text in _BREAK_PUNCT else None
    if tk.dep[i] == "cc":
        return "cc"
    x = i
    while tk.head[x] != x and tk.left[tk.head[x]] == i:
        x = tk.head[x]
    if tk.left[x] == i and tk.dep[x] in _TRAILING and tk.head[x] < i:
        return "mod"
    return None


def extent_candidates(doc: Doc, start: int, end: int) -> list[tuple[int, list[str]]]:
    """(end, features) for each place the reported content ``doc_text(doc)[start:end]`` may end:
    its full extent, and before each comma, dash, conjunction or trailing modifier that opens
    inside it ("that he would 'take a look' at it(, which would give ...)"). The shipped extent
    model picks the most probable; PolNeAR's content stops before such trailing clauses often."""
    first_i = _index_at(doc, start, after=True)
    if first_i is None:
        return [(end, ["full"])]
    tk = token_table(doc)
    first = first_i
    last_i = _index_at(doc, end, after=False)
    last = last_i if last_i is not None and last_i >= first and end - start < 3000 else first - 1
    span = range(first, last + 1)
    punct, pos, breaks = tk.punct, tk.pos, tk.brk  # locals: this loop runs over every token of the content
    words = len(span) - sum(punct[first:last + 1])
    out = [(end, ["full", f"full_n={_bucket(words)}"])]
    text = doc_text(doc)
    root = next((i for i in span if not first <= tk.head[i] <= last), first)
    seen = 0
    words_before = int(not punct[first])  # words in first .. i - 1
    verb_before = pos[first] in ("VERB", "AUX")
    for i in span[1:]:
        if not punct[i]:
            seen += 1
        brk = (breaks[i] if i in breaks else _break_of(tk, i, text)) if seen >= 2 else None
        if brk is not None:
            feats = _cut_features(doc, tk, (start, end, first, last, root), i, brk, (seen, words - words_before),
                                  verb_before)
            if feats is not None:
                out.append(feats)
        verb_before = verb_before or pos[i] in ("VERB", "AUX")
        words_before += not punct[i]
    return out


def _cut_features(doc: Doc, tk: _Tokens, content: tuple[int, int, int, int, int], i: int, brk: str,
                  counts: tuple[int, int], verb_before: bool) -> tuple[int, list[str]] | None:
    """(end, features) of ``content`` (start, end, first and last token, root token) cut before token
    ``i``; ``counts`` are the words before the cut (after the first) and from it on."""
    start, end, first, last, root = content
    seen, rest = counts
    kept = i - 1
    while kept > first and (tk.punct[kept] or tk.dep[kept] == "cc"):
        kept -= 1
    cut = tk.end[kept]
    if cut <= start or cut >= end:
        return None
    nxt = next((j for j in range(i, last + 1) if not tk.punct[j] and tk.dep[j] != "cc"), None)
    if nxt is None:
        return None
    sub = nxt
    while tk.head[sub] != sub and tk.left[tk.head[sub]] == nxt and start <= tk.idx[tk.head[sub]] < end:
        sub = tk.head[sub]
    head = tk.head[sub]
    depth = min(_depth_of(tk, head) - _depth_of(tk, root), 3) if head != sub else 0
    before = doc_text(doc)[start:cut]
    marks = before.count('"') + before.count("“") + before.count("”") + before.count("''")
    dep, word = tk.dep[sub], _lower(doc, tk, nxt)
    f = ["cut", f"brk={brk}", f"sub={dep}", f"brk_sub={brk}|{dep}", f"head={tk.pos[head]}",
         f"depth={depth}", f"sub_depth={dep}|{depth}", f"before={_bucket(seen)}", f"after={_bucket(rest)}",
         f"w={word}", f"sub_w={dep}|{word}", f"brk_w={brk}|{word}", f"verb_before={verb_before}"]
    kind = tk.dep[root]  # what the content is to its verb: a clause (ccomp), an object, an infinitive ...
    f += [f"root={kind}", f"root_sub={kind}|{dep}", f"root_brk={kind}|{brk}", f"root_w={kind}|{word}",
          f"sub_pos={dep}|{tk.pos[sub]}"]
    if dep == "prep":  # 'in an interview', 'at a rally': where it was said, not what
        obj = next((j for j in _children(tk, sub) if tk.dep[j] == "pobj"), None)
        if obj is not None:
            f.append(f"pobj={_lower(doc, tk, obj)}")
    if marks % 2 == 1:
        f.append("in_quote")
    return cut, f


def _lower(doc: Doc, tk: _Tokens, i: int) -> str:
    """Token ``i``'s lower-cased text, kept in the token table once asked for."""
    word = tk.lower.get(i)
    if word is None:
        word = tk.lower[i] = doc[i].lower_
    return word


def best_extent(doc: Doc, start: int, end: int, model: dict[str, Any] | None) -> int:
    """The end of reported content ``start:end`` the extent model likes best (``end`` without it). The
    model is a conditional logit over one span's ends (``scripts/train_quotes.py``, ``fit_groups``): only
    how its scores rank the ends of one span means anything, not their size."""
    if model is None or "extent" not in model:
        return end
    seen = doc.user_data.setdefault("dateline_extents", {})
    if (start, end) not in seen:  # the rules and the clause candidates propose many spans twice
        weights = model["extent"]["weights"]
        seen[start, end] = max(extent_candidates(doc, start, end), key=lambda c: probability(c[1], weights))[0]
    return seen[start, end]  # type: ignore[no-any-return]
