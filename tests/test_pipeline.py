"""The runner: the stage contract and the error policy."""

from __future__ import annotations

import pytest

from dateline.model import Article, Failure, Quote
from dateline.pipeline import Options, Runner, batched


def arts(n: int) -> list[Article]:
    return [Article(id=f"a{i}", text=f"invented text {i}") for i in range(n)]


def test_runner_applies_stages_in_order() -> None:
    seen: list[str] = []

    def first(batch: list[Article]) -> list[Article]:
        seen.append("first")
        return batch

    def second(batch: list[Article]) -> list[Article]:
        seen.append("second")
        for a in batch:
            a.title = "done"
        return batch

    out = Runner([("first", first), ("second", second)]).run_batch(arts(2))
    assert seen == ["first", "second"] and all(a.title == "done" for a in out)


def test_a_failing_article_is_recorded_and_the_rest_go_on() -> None:
    def fragile(batch: list[Article]) -> list[Article]:
        if any(a.id == "a1" for a in batch):
            raise ValueError("boom")
        return batch

    out = Runner([("fragile", fragile)]).run_batch(arts(3))
    assert [type(x).__name__ for x in out] == ["Article", "Failure", "Article"]
    assert isinstance(out[1], Failure) and "boom" in (out[1].detail or "")


def test_raise_policy_propagates() -> None:
    def broken(batch: list[Article]) -> list[Article]:
        raise ValueError("boom")

    with pytest.raises(ValueError):
        Runner([("broken", broken)], Options(on_error="raise")).run_batch(arts(2))


@pytest.mark.parametrize("stage_output", ["drop", "bad-span"])
def test_contract_violations_are_caught(stage_output: str) -> None:
    def bad(batch: list[Article]) -> list[Article]:
        if stage_output == "drop":
            return batch[1:]
        batch[0].quotes.append(Quote(0, 999, "x", "direct"))
        return batch

    with pytest.raises(RuntimeError):
        Runner([("bad", bad)], Options(on_error="raise")).run_batch(arts(2))


def test_batched() -> None:
    assert [len(b) for b in batched(range(7), 3)] == [3, 3, 1]
