"""The reported-content tagger (a BiLSTM run in numpy) and the attributions it adds, on invented text."""

from __future__ import annotations

from typing import Any

import numpy
import pytest

# invented text: a view reported by an adjective ('critical of'), and a second paragraph
_TEXT = ("Senator Mara Okafor was critical of the plan to close the Varnholt shipyard.\n\n"
         "The council met on Tuesday.")


def _doc() -> Any:
    from dateline.nlp.parse import load

    return load()(_TEXT)


def _tiny_model(width: int = 5, hidden: int = 3, seed: int = 0) -> dict[str, Any]:
    """A random model in the shipped file's layout (torch's gate order i, f, g, o)."""
    from dateline.nlp.quote_tagger import CATEGORIES, FLAGS

    rng = numpy.random.RandomState(seed)
    vocab = [[] if c.startswith("head_") else ["NOUN", "VERB"] for c in CATEGORIES]
    embed = [rng.normal(size=(3 if not c.startswith("head_") else 3, 2)).tolist() for c in CATEGORIES] + \
        [rng.normal(size=(n, 2)).tolist() for _, n in FLAGS]
    n_in = width + 2 * len(embed)

    def m(*shape: int) -> Any:
        return rng.normal(scale=0.5, size=shape).tolist()

    return {"threshold": 0.5, "min_words": 3, "hidden": hidden, "width": width, "vocab": vocab,
            "weights": {"embed": embed, "w_ih": m(4 * hidden, n_in), "w_hh": m(4 * hidden, hidden), "b": m(4 * hidden),
                        "w_ih_reverse": m(4 * hidden, n_in), "w_hh_reverse": m(4 * hidden, hidden),
                        "b_reverse": m(4 * hidden), "out_w": m(7, 2 * hidden), "out_b": m(7)}}


def _plain_lstm(x: Any, w_ih: Any, w_hh: Any, b: Any) -> Any:
    """A textbook LSTM (torch's gate order), one step at a time."""
    hidden = w_hh.shape[1]
    h, c, out = numpy.zeros(hidden), numpy.zeros(hidden), []
    for row in x:
        z = w_ih @ row + w_hh @ h + b
        i, f, g, o = (1 / (1 + numpy.exp(-z[:hidden])), 1 / (1 + numpy.exp(-z[hidden:2 * hidden])),
                      numpy.tanh(z[2 * hidden:3 * hidden]), 1 / (1 + numpy.exp(-z[3 * hidden:])))
        c = f * c + i * g
        h = o * numpy.tanh(c)
        out.append(h)
    return numpy.asarray(out)


def test_bilstm_matches_a_plain_lstm_over_each_group() -> None:
    from dateline.nlp.quote_tagger import _bilstm, prepare

    raw = _tiny_model()
    model = prepare(_tiny_model())
    w = {k: numpy.asarray(v) for k, v in raw["weights"].items() if k != "embed"}
    n_in = w["w_ih"].shape[1]
    x = numpy.random.RandomState(1).normal(size=(9, n_in)).astype("float32")
    groups = [numpy.arange(0, 2), numpy.arange(2, 7), numpy.arange(7, 9)]  # run side by side, of unequal length
    got = _bilstm(model, x, groups)
    for g in groups:
        fwd = _plain_lstm(x[g], w["w_ih"], w["w_hh"], w["b"])
        bwd = _plain_lstm(x[g][::-1], w["w_ih_reverse"], w["w_hh_reverse"], w["b_reverse"])[::-1]
        want = numpy.concatenate([fwd, bwd], axis=1) @ w["out_w"].T + w["out_b"]
        assert numpy.allclose(got[g], want, atol=1e-4)


def test_content_spans_open_at_begin_or_after_outside_and_stop_at_a_line_break() -> None:
    from dateline.nlp.quote_tagger import Tags, content_spans

    # tokens: O B I I B I O I | line break | I I
    labels = [0, 1, 2, 2, 1, 2, 0, 2, 0, 2, 2]
    content = numpy.full((len(labels), 3), 0.05)
    content[numpy.arange(len(labels)), labels] = 0.9
    para = numpy.asarray([0] * 8 + [-1] + [1, 1])
    tags = Tags(content, numpy.zeros(len(labels)), numpy.zeros(len(labels)), para, numpy.zeros(len(labels), bool))
    assert [(s, e) for s, e, _ in content_spans(tags)] == [(1, 4), (4, 6), (7, 8), (9, 11)]
    assert all(p == pytest.approx(0.95) for _, _, p in content_spans(tags))


def test_paragraphs_count_line_breaks_and_mark_the_break_tokens() -> None:
    from dateline.nlp.quote_tagger import paragraphs

    doc = _doc()
    para = paragraphs(doc)
    second = next(t.i for t in doc if t.text == "council")
    assert para[0] == 0 and para[second] > 0
    assert all(para[t.i] == -1 for t in doc if t.is_space and "\n" in t.text)


def test_tag_gives_distributions_and_reads_only_the_paragraphs_asked() -> None:
    from dateline.nlp import quote_tagger, quotes

    doc = _doc()
    model = quote_tagger.prepare(_tiny_model(width=doc.tensor.shape[1]))
    tags = quote_tagger.tag(doc, [], [], quotes.CUES, model)
    assert tags is not None
    assert numpy.allclose(tags.content.sum(axis=1), 1.0, atol=1e-5)
    first = quote_tagger.tag(doc, [], [], quotes.CUES, model, read={0})
    assert first is not None
    on_first = quote_tagger.paragraphs(doc) == 0
    assert numpy.allclose(first.content[on_first], tags.content[on_first], atol=1e-6)  # a paragraph is read alone
    assert (first.content[~on_first].argmax(axis=1) == 0).all()


def test_no_tagger_means_no_new_attributions(monkeypatch: pytest.MonkeyPatch) -> None:
    from dateline.model import Article
    from dateline.nlp import quote_tagger, quotes

    monkeypatch.setenv("DATELINE_QUOTE_TAGGER", "on")

    monkeypatch.setattr(quote_tagger, "load", lambda name="quote_tagger.json": None)
    doc = _doc()
    assert quotes._tagged_content(Article(id="t", text=_TEXT), doc, [], [], [], []) == []
    assert quotes.annotate_quotes(Article(id="t", text=_TEXT), doc).quotes is not None


def _crafted(doc: Any, content: tuple[int, int], source: list[int], sure: float = 0.9) -> Any:
    from dateline.nlp.quote_tagger import Tags, paragraphs

    n = len(doc)
    probs = numpy.tile([0.9, 0.05, 0.05], (n, 1))
    probs[content[0]] = [0.05, 0.9, 0.05]
    probs[content[0] + 1:content[1]] = [0.05, 0.05, 0.9]
    src = numpy.zeros(n)
    src[source] = sure
    return Tags(probs, numpy.zeros(n), src, paragraphs(doc), numpy.asarray([t.is_space for t in doc]))


def _tagging(monkeypatch: pytest.MonkeyPatch, tags: Any) -> None:
    """Make the tagger give ``tags`` for every doc it is asked to read."""
    from dateline.nlp import quote_tagger

    monkeypatch.setattr(quote_tagger, "tag_many", lambda asks, *a, **k: [tags for _ in asks])


def test_a_tagged_span_is_attributed_through_the_word_it_hangs_from(monkeypatch: pytest.MonkeyPatch) -> None:
    from dateline.model import Article
    from dateline.nlp import quote_tagger, quotes

    monkeypatch.setenv("DATELINE_QUOTE_TAGGER", "on")

    doc = _doc()
    first = next(t.i for t in doc if t.text == "the" and t.nbor(1).text == "plan")
    last = next(t.i for t in doc if t.text == "shipyard") + 1
    okafor = next(t.i for t in doc if t.text == "Okafor")
    monkeypatch.setattr(quote_tagger, "load", lambda name="quote_tagger.json": {"threshold": 0.5, "min_words": 3})
    _tagging(monkeypatch, _crafted(doc, (first, last), [okafor - 1, okafor]))
    (q,) = quotes._tagged_content(Article(id="t", text=_TEXT), doc, [], [], [], [])
    assert q.text == "the plan to close the Varnholt shipyard"
    assert q.kind == "indirect"
    assert q.speaker is not None and "Okafor" in q.speaker
    assert q.cue == "critical"
    # a speaker the tagger is not sure enough is a source: no attribution
    _tagging(monkeypatch, _crafted(doc, (first, last), [okafor - 1, okafor], 0.6))
    assert quotes._tagged_content(Article(id="t", text=_TEXT), doc, [], [], [], []) == []
    # a speaker the tagger does not take for a source: no attribution
    _tagging(monkeypatch, _crafted(doc, (first, last), []))
    assert quotes._tagged_content(Article(id="t", text=_TEXT), doc, [], [], [], []) == []
    # words an attribution already holds are not reported again
    taken = quotes.Quote(doc[first].idx, doc[last - 1].idx + 8, "x", "indirect")
    _tagging(monkeypatch, _crafted(doc, (first, last), [okafor - 1, okafor]))
    assert quotes._tagged_content(Article(id="t", text=_TEXT), doc, [taken], [], [], []) == []


def test_shipped_tagger_runs_on_invented_text() -> None:
    from dateline.nlp import quote_tagger, quotes

    model = quote_tagger.load()
    if model is None:
        pytest.skip("no shipped tagger")
    doc = _doc()
    tags = quote_tagger.tag(doc, [], [], quotes.CUES, model)
    assert tags is not None and tags.content.shape == (len(doc), 3)
    for s, e, p in quote_tagger.content_spans(tags):
        assert 0 <= s < e <= len(doc) and 0.0 <= p <= 1.0


def test_docs_tagged_together_get_the_tags_each_gets_alone() -> None:
    from dateline.nlp import parse, quote_tagger, quotes

    model = quote_tagger.load()
    if model is None:
        pytest.skip("no shipped tagger")
    short = "Officials in Marrowby said the ferry would run again by spring.\n\nNobody objected."
    doc, other = _doc(), next(parse.parse([short]))
    asks = [quote_tagger.Request(doc, [], [], None), quote_tagger.Request(other, [], [], {0}),
            quote_tagger.Request(next(parse.parse([""])), [], [], None)]
    together = quote_tagger.tag_many(asks, quotes.CUES, model)
    assert together[2] is None  # an empty doc has nothing to read
    for ask, got in zip(asks[:2], together[:2], strict=True):
        alone = quote_tagger.tag(ask.doc, ask.quoted, ask.pieces, quotes.CUES, model, ask.read)
        assert got is not None and alone is not None
        for field in ("content", "cue", "source", "paragraph", "space"):
            numpy.testing.assert_allclose(getattr(got, field), getattr(alone, field), rtol=1e-5, atol=1e-6)


def test_the_tagger_is_on_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    from dateline import settings

    monkeypatch.delenv("DATELINE_QUOTE_TAGGER", raising=False)
    assert settings.get("quote_tagger") == "on"


def test_the_tagger_is_off_when_the_setting_says_off(monkeypatch: pytest.MonkeyPatch) -> None:
    from dateline.model import Article
    from dateline.nlp import quote_tagger, quotes

    monkeypatch.setenv("DATELINE_QUOTE_TAGGER", "off")
    monkeypatch.setattr(quote_tagger, "tag_many", lambda *a, **k: pytest.fail("the tagger ran while off"))
    assert quotes._tagged_content(Article(id="t", text=_TEXT), _doc(), [], [], [], []) == []


def test_an_indirect_attribution_the_tagger_doubts_is_dropped(monkeypatch: pytest.MonkeyPatch) -> None:
    from dateline.model import Article
    from dateline.nlp import quote_tagger, quotes

    monkeypatch.setenv("DATELINE_QUOTE_TAGGER", "on")
    monkeypatch.setattr(quote_tagger, "load", lambda name="quote_tagger.json": {"threshold": 0.5, "min_words": 3})
    doc = _doc()
    first = next(t.i for t in doc if t.text == "the" and t.nbor(1).text == "plan")
    last = next(t.i for t in doc if t.text == "shipyard") + 1
    council = next(t for t in doc if t.text == "council")
    start, end = doc[first].idx, doc[last - 1].idx + len("shipyard")
    # tagged content over 'the plan ... shipyard' only; the second paragraph reads as no content
    _tagging(monkeypatch, _crafted(doc, (first, last), []))
    plan = quotes.Quote(start, end, _TEXT[start:end], "indirect")
    met = quotes.Quote(council.idx, len(_TEXT), _TEXT[council.idx:], "indirect")
    quoted = quotes.Quote(council.idx, len(_TEXT), _TEXT[council.idx:], "mixed")
    ((kept, new),) = quotes._tagger_pass([(Article(id="t", text=_TEXT), doc, [plan, met, quoted], [], [], [])])
    assert kept == [plan, quoted]  # only an indirect attribution is ever dropped
    assert new == []  # the tagged words are already attributed
    # the paragraphs read (numbered by the line breaks before them: 0 and 2): those where a new span
    # could be (3 unattributed words in a row) and those holding an indirect attribution
    lead = _TEXT.index("\n")
    whole = quotes.Quote(0, lead, _TEXT[:lead], "mixed")
    assert quotes._tagger_plan(doc, [whole, quoted], 3) == set()
    assert quotes._tagger_plan(doc, [whole, met], 3) == {2}
    assert quotes._tagger_plan(doc, [plan, quoted], 3) == {0}
    assert quotes._tagger_plan(doc, [], 3) == {0, 2}
