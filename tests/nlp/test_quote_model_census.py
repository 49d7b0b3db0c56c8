"""The extent census of ``scripts/eval_quotes.py`` (how a system quote misses a gold one's extent), on
invented text."""

from __future__ import annotations

import re
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

_WORD = re.compile(r"\w+(?:['’]\w+)*")  # the scorer's word tokens


class _Tok:
    """The scorer's word tokens of a text (a stand-in: the tests do not read the shared scorer)."""

    def __init__(self, text: str) -> None:
        self.spans = [(m.start(), m.end()) for m in _WORD.finditer(text)]

    def unit(self, text: str, part: str, fragments: list[list[int]] | None = None) -> dict[str, Any]:
        start = text.index(part)
        ids = frozenset(i for i, (s, e) in enumerate(self.spans) if s < start + len(part) and start < e)
        return {"ids": ids, "q": {"start": start, "end": start + len(part), "fragments": fragments}}


# invented text
TEXT = ("Holm said the ferry would run again in May, which surprised the invented harbour board. "
        "The board said it would meet. Its chair called the plan “brave” and “overdue” on Friday.")


@pytest.mark.parametrize(("gold", "system", "kind"), [
    ("the ferry would run again in May", "the ferry would run again in May, which surprised the invented harbour board",
     "end:long"),
    ("the ferry would run again in May, which surprised the invented harbour board", "the ferry would run again",
     "end:short same sentence"),
    ("the ferry would run again in May, which surprised the invented harbour board. The board said it would meet",
     "the ferry would run again in May", "end:short next sentence"),
    ("the plan “brave” and “overdue", "the plan “brave", "end:short past a quote mark"),
    ("the invented harbour board", "which surprised the invented harbour board", "start:early"),
    ("Holm said the ferry would run again in May", "the ferry would run again in May", "start:late"),
    ("would run again", "the ferry would run again in May", "holds the gold"),
])
def test_extent_class_names_how_the_system_quote_misses_the_gold_one(eval_quotes: ModuleType, gold: str,
                                                                   system: str, kind: str) -> None:
    tok = _Tok(TEXT)
    assert eval_quotes._extent_class(tok.unit(TEXT, gold), tok.unit(TEXT, system), TEXT, tok) == kind


def test_a_gold_quote_in_fragments_that_the_system_ends_early_is_told_apart(eval_quotes: ModuleType) -> None:
    tok = _Tok(TEXT)
    gold = tok.unit(TEXT, "the ferry would run again in May, which surprised", fragments=[[0, 1], [2, 3]])
    assert eval_quotes._extent_class(gold, tok.unit(TEXT, "the ferry would run"), TEXT, tok) == "end:short fragments"


class _FakeScorer:
    """Stands in for the shared scorer: loads JSON lines and gives each record set its size as F1."""

    @staticmethod
    def load(path: str) -> list[dict[str, Any]]:
        import json

        return [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines()]

    @staticmethod
    def score(gold: list[dict[str, Any]], system: list[dict[str, Any]]) -> dict[str, dict[str, float]]:
        assert [g["id"] for g in gold] == [s["id"] for s in system]  # the system's records, in gold order
        n = float(len(gold))
        return {"fragment/direct/exact": {"f1": n, "end_to_end_f1": n / 2}, "quote/all/overlap50": {"f1": n * 10}}


def test_by_annotator_scores_each_annotators_articles_apart(eval_quotes: ModuleType, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    import json

    gold = [{"id": "a", "annotator": "x"}, {"id": "b", "annotator": "y"}, {"id": "c", "annotator": "x"}]
    (tmp_path / "polnear_devsplit.jsonl").write_text("".join(json.dumps(r) + "\n" for r in gold), encoding="utf-8")
    system = tmp_path / "sys.jsonl"
    system.write_text(json.dumps({"id": "a", "quotes": []}) + "\n", encoding="utf-8")  # b and c: no record
    monkeypatch.setattr(eval_quotes, "DATA", tmp_path)
    monkeypatch.setattr(eval_quotes, "_scorer", lambda: _FakeScorer)
    rows = eval_quotes.by_annotator("devsplit", system)
    assert rows == {"x": {"articles": 2, "direct_f1": 2.0, "e2e_f1": 1.0, "all_f1": 20.0},
                    "y": {"articles": 1, "direct_f1": 1.0, "e2e_f1": 0.5, "all_f1": 10.0}}
