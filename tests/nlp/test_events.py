"""Events on invented sentences: dyads, types and above all modality."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dateline.nlp.events import describe, modality  # noqa: F401 - public helpers

CASES = [json.loads(x) for x in (Path(__file__).parent / "modality_cases.jsonl").read_text().splitlines()]
#: issue 9 asks for >= 0.9 on the project's own set; this floor is what the coder holds today
#: and is raised as it improves (never lowered).
MODALITY_FLOOR = 0.9


def _find(article, case):
    for e in article.events:
        if (e.source or "")[:3] == case["source"] and (e.target or "")[:3] == case["target"] \
                and e.plover == case["plover"]:
            return e
    return None


def test_modality_accuracy(run) -> None:
    right, misses = 0, []
    for case in CASES:
        event = _find(run(case["text"]), case)
        ok = event is not None and event.modality == case["modality"]
        right += ok
        if not ok:
            misses.append((case["text"], case["modality"], event.modality if event else "no event"))
    accuracy = right / len(CASES)
    print(f"modality accuracy {accuracy:.3f} on {len(CASES)} cases; misses: {misses}")
    assert accuracy >= MODALITY_FLOOR, misses


def test_negated_is_never_asserted(run) -> None:
    for case in (c for c in CASES if c["modality"] == "negated"):
        event = _find(run(case["text"]), case)
        assert event is None or event.modality != "asserted", case["text"]


def test_event_fields(run) -> None:
    a = run("Chile imposed sanctions on Norway on Monday.", published="2025-03-05")
    (e,) = [e for e in a.events if e.plover == "SANCTION"]
    assert (e.code, e.goldstein, e.date, e.cue) == ("163", -8.0, "2025-03-03", "imposed")
    assert a.text[e.start:e.end] == a.text.strip()


def test_background_fact_is_not_dated_with_the_article(run) -> None:
    a = run("Relations have chilled since Chile imposed sanctions on Norway.", published="2025-03-05")
    assert all(e.date is None for e in a.events)


@pytest.mark.parametrize("code, plover, goldstein", [("051", "SUPPORT", 3.4), ("190", "ASSAULT", -10.0)])
def test_cameo_table(code: str, plover: str, goldstein: float) -> None:
    assert describe(code) == (plover, goldstein)
