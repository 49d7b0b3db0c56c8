"""Which of the reported-content tagger's new spans become attributions.

The tagger (:mod:`.quote_tagger`) proposes content spans where no attribution found by the rules or
the clause classifier lies. Whether one is kept is decided here by a logistic model over cheap
features of the span (how sure the tagger is of it and of its edges, its length, its first word and
its place in the parse), of its cue (the word it hangs from) and of its speaker (whether one was
found, how sure the tagger is that it is a source, a pronoun, a name, an entity type). The model
estimates how likely the span is reported content whose speaker is also the annotated one, and a
span is kept when that reaches the model's ``bar``.

``scripts/train_quote_accept.py`` fits it on PolNeAR train, on spans proposed by taggers that never
saw the article (five folds), and writes ``data/quote_accept.json``. Without that file the quotes
stage keeps the hand-set bars it had before (:func:`dateline.nlp.quotes._tagged_spans`).
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any

import numpy

from dateline.nlp.quote_model import read_data

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from dateline.nlp.quote_tagger import Tags

#: the entity types of a speaker, and the words and dependency labels of a span's first token and root
ENTITIES = ("PERSON", "ORG", "GPE", "NORP")
LEADS = ("that", "to", "whether", "if", "how", "what", "why")
ROOT_DEPS = ("ccomp", "xcomp", "dobj", "pobj", "nsubj", "advcl", "acl", "relcl", "conj", "ROOT")

#: the features, in the order :func:`features` gives them
FEATURES = ("mean", "lowest", "begins", "outside_before", "outside_after", "log_words", "short",
            "has_cue", "cue_tagged", "cue_listed", "cue_verb", "cue_noun",
            "speaker_source", "speaker_source_high", "speaker_pronoun", "speaker_proper",
            *(f"speaker_{e}" for e in ENTITIES), "quoted", "sentence_end", "sentence_taken", "sentence_source",
            *(f"lead_{w}" for w in LEADS), *(f"root_{d}" for d in ROOT_DEPS), "sentence_share")


@functools.cache
def load(name: str = "quote_accept.json") -> dict[str, Any] | None:
    """The shipped model, ready for :func:`probability`, or None when none was trained."""
    model = read_data(name)
    return None if model is None else prepare(model, name)


def prepare(model: dict[str, Any], name: str = "the model") -> dict[str, Any]:
    """``model`` (as its JSON file holds it) with its weights as arrays; a model fitted on other
    features than :data:`FEATURES` is refused."""
    if list(model.get("features", [])) != list(FEATURES):
        raise ValueError(f"{name}: its features are not those of this version of dateline; "
                         "refit it with scripts/train_quote_accept.py")
    ready = dict(model)
    for key in ("mean", "scale", "weights"):
        ready[key] = numpy.asarray(model[key], dtype="float64")
    return ready


def probability(model: dict[str, Any], row: list[float]) -> float:
    """The model's probability that a span with features ``row`` is an attribution with the right speaker."""
    z = (numpy.asarray(row) - model["mean"]) / model["scale"]
    return float(1.0 / (1.0 + numpy.exp(-(z @ model["weights"] + model["bias"]))))


def features(doc: Doc, tags: Tags, first: int, last: int, mean: float, cue: Token | None, speaker: Token | None, *,
             words: int, quoted: bool, sentence: tuple[int, int], sentence_taken: bool,
             cues: frozenset[str], pronouns: frozenset[str]) -> list[float]:
    """The features of the tagged span ``doc[first:last]`` (mean content probability ``mean``, ``words``
    words, partly inside quote marks when ``quoted``) with its ``cue`` and ``speaker`` token (either may
    be None), in the sentence ``doc[sentence[0]:sentence[1]]`` (``sentence_taken``: an attribution found
    before the tagger already lies in it)."""
    content, para, space = tags.content, tags.paragraph, tags.space
    inside = 1.0 - content[first:last, 0]
    before, after = first - 1, last
    while before >= 0 and space[before]:
        before -= 1
    while after < len(doc) and space[after]:
        after += 1
    lo, hi = sentence
    row = [mean, float(inside.min()), float(content[first, 1]),
           float(content[before, 0]) if before >= 0 and para[before] == para[first] else 1.0,
           float(content[after, 0]) if after < len(doc) and para[after] == para[first] else 1.0,
           float(numpy.log1p(words)), float(words <= 4)]
    row += [float(cue is not None), float(tags.cue[cue.i]) if cue is not None else 0.0,
            float(cue is not None and cue.lemma_.lower() in cues), float(cue is not None and cue.pos_ == "VERB"),
            float(cue is not None and cue.pos_ == "NOUN")]
    source = float(tags.source[speaker.i]) if speaker is not None else 0.0
    row += [source, float(source >= 0.8),
            float(speaker is not None and speaker.lower_ in pronouns),
            float(speaker is not None and speaker.pos_ == "PROPN")]
    row += [float(speaker is not None and speaker.ent_type_ == e) for e in ENTITIES]
    outside = numpy.concatenate([tags.source[lo:min(first, hi)], tags.source[max(last, lo):hi]])
    row += [float(quoted), float(last >= hi - 2), float(sentence_taken), float(outside.max()) if len(outside) else 0.0]
    row += [float(doc[first].lower_ == w) for w in LEADS]
    root = next((t for t in doc[first:last] if not first <= t.head.i < last), None)
    row += [float(root is not None and root.dep_ == d) for d in ROOT_DEPS]
    row.append((last - first) / max(hi - lo, 1))
    return row
