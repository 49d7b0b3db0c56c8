"""``scripts/polnear_iaa.py``: brat files of two annotators turned into quote records and scored pairwise,
on an invented article (a stand-in scorer: the tests do not read the shared one)."""

from __future__ import annotations

import re
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from .conftest import _script

# invented text and invented annotations in PolNeAR's brat layout
TEXT = "Holm said the ferry would run again in May. “We are ready,” the invented harbour board said.\n"


def _t(tid: str, tag: str, words: str, after: int = 0) -> str:
    """A brat text-bound line for the first occurrence of ``words`` in TEXT at or after ``after``."""
    start = TEXT.index(words, after)
    return f"{tid}\t{tag} {start} {start + len(words)}\t{words}\n"


QUOTED = TEXT.index("“")
ANN_A = (_t("T1", "Source", "Holm") + _t("T2", "Cue", "said") + _t("T3", "Content", "the ferry would run again in May")
         + _t("T4", "Attribution", "said") + "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
         + _t("T5", "Content", "“We are ready,”") + _t("T6", "Source", "the invented harbour board")
         + _t("T7", "Cue", "said", QUOTED) + _t("T8", "Attribution", "said", QUOTED)
         + "E2\tAttribution:T8 Content:T5 Cue:T7 Source:T6\n#1\tAnnotatorNotes T1\ta note\n")
ANN_B = (_t("T1", "Content", "“We are ready,”") + _t("T2", "Cue", "said", QUOTED)
         + _t("T3", "Attribution", "said", QUOTED) + "E1\tAttribution:T3 Content:T1 Cue:T2\n")


class _Scorer:
    TRIM = " .,;:!?\"“”'‘’"

    @staticmethod
    def infer_kind(content: str) -> str:
        inner = content.strip(_Scorer.TRIM.replace("“", "").replace("”", "").replace('"', ""))
        return "direct" if re.fullmatch(r"[“\"][^“”\"]*[”\"][.,]?", inner) else "indirect"

    @staticmethod
    def score(gold: list[dict[str, Any]], system: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
        g, s = sum(len(r["quotes"]) for r in gold), sum(len(r["quotes"]) for r in system)
        row = {"p": s, "r": g, "f1": 1.0, "speaker_acc": None, "end_to_end_f1": 0.5, "gold": g, "pred": s}
        return {"quote/all/overlap50": row, "fragment/direct/exact": row, "quote/all/exact": row}


@pytest.fixture(scope="module")
def iaa() -> ModuleType:
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))  # it imports eval_quotes
    return _script("polnear_iaa")


def test_brat_events_become_quotes_with_speaker_cue_and_kind(iaa: ModuleType) -> None:
    quotes = iaa.quotes_of(_Scorer, ANN_A, TEXT)
    assert [(q["text"], q["speaker"], q["cue"], q["kind"]) for q in quotes] == [
        ("the ferry would run again in May", "Holm", "said", "indirect"),
        ("“We are ready,”", "the invented harbour board", "said", "direct")]
    (quote,) = iaa.quotes_of(_Scorer, ANN_B, TEXT)
    assert (quote["speaker"], quote["speaker_start"], quote["cue_start"]) == (None, None, TEXT.index("said", QUOTED))


def test_every_ordered_pair_is_scored_on_the_articles_both_annotated(iaa: ModuleType, tmp_path: Path) -> None:
    for folder in ("attributions", "text"):
        (tmp_path / "dev" / folder).mkdir(parents=True)
    (tmp_path / "dev" / "text" / "invented-ferry.txt").write_text(TEXT, encoding="utf-8")
    for who, ann in (("aaaa", ANN_A), ("bbbb", ANN_B)):
        (tmp_path / "dev" / "attributions" / f"invented-ferry_{who}.ann").write_text(ann, encoding="utf-8")
    (tmp_path / "dev" / "attributions" / "invented-alone_aaaa.ann").write_text(ANN_B, encoding="utf-8")
    groups = iaa.load(_Scorer, tmp_path)
    assert set(groups["core"]) == {("invented-ferry", "aaaa"), ("invented-ferry", "bbbb")}  # one annotator: left out
    res = iaa.agreement(_Scorer, groups["core"], "bbbb", None)
    assert [(p["gold"], p["system"], p["gold_quotes"], p["system_quotes"]) for p in res["pairs"]] == [
        ("aaaa", "bbbb", 2, 1), ("bbbb", "aaaa", 1, 2)]
    assert res["human"]["o50_F1"] == [1.0, 1.0, 1.0]
    assert res["human_without_bbbb"]["o50_F1"] is None
