"""The extent model (where reported content ends) on invented text, and how it is fitted."""

from __future__ import annotations

from types import ModuleType


def test_cut_features_name_the_content_and_the_object_of_a_trailing_preposition() -> None:
    from dateline.nlp.parse import load
    from dateline.nlp.quote_model import extent_candidates

    text = "Holm said that the talks would resume soon in an interview with the invented Fjord Times."
    doc = load()(text)
    start, end = text.index("the talks"), text.index(".")
    cuts = {cut: feats for cut, feats in extent_candidates(doc, start, end)[1:]}
    at_in = cuts.get(text.index(" in an interview"))
    assert at_in is not None
    assert "pobj=interview" in at_in and any(f.startswith("root=") for f in at_in)


def test_fit_groups_learns_which_candidate_of_a_group_is_the_gold_one(train_quotes: ModuleType) -> None:
    fit_groups = train_quotes.fit_groups
    # invented groups: the candidate with 'good' is the gold end, whatever else it shares
    groups = [[(["full", "noise"], 0), (["cut", "good"], 1), (["cut", "bad"], 0)] for _ in range(20)]
    groups += [[(["full", "good"], 1), (["cut", "bad"], 0)] for _ in range(20)]
    weights = fit_groups(groups, min_count=1)
    assert weights["good"] > 0 > weights["bad"]
    assert "bias" not in weights  # a choice among candidates has no use for one
