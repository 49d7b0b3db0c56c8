"""Pinned quality scores: compare a run's scores with the JSON baseline of its gate.

Each gate keeps its own file ``tests/gates/baselines/<gate>.json``::

    {"scores": {"f1": 0.951, ...}, "tolerance": 0.005}

A score that falls more than ``tolerance`` below its pinned value fails the gate. Floors are
raised on purpose: run the gate with ``DATELINE_RAISE_FLOORS=1`` to write scores that went *up*
into the baseline. Nothing here ever lowers a pinned score; lowering one is a hand edit that a
commit message has to explain.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

BASELINES = Path(__file__).parent / "baselines"


def load(gate: str) -> dict:
    path = BASELINES / f"{gate}.json"
    if not path.exists():
        return {"scores": {}, "tolerance": 0.005}
    return json.loads(path.read_text(encoding="utf-8"))


def table(gate: str, scores: dict[str, float]) -> str:
    """A printable table of the run's scores beside the pinned ones."""
    pinned = load(gate)["scores"]
    lines = [f"{'gate ' + gate:<40} {'run':>8} {'pinned':>8}"]
    for key in sorted(scores):
        pin = pinned.get(key)
        lines.append(f"{key:<40} {scores[key]:8.4f} {'' if pin is None else f'{pin:8.4f}'}")
    return "\n".join(lines)


def check(gate: str, scores: dict[str, float]) -> None:
    """Fail (AssertionError) when a score dropped below its pinned value minus the tolerance.

    With ``DATELINE_RAISE_FLOORS=1`` scores that rose (and new scores) are written back.
    """
    base = load(gate)
    pinned: dict[str, float] = base["scores"]
    tol = float(base.get("tolerance", 0.005))
    print("\n" + table(gate, scores))
    drops = [
        f"{k}: {scores[k]:.4f} < pinned {pinned[k]:.4f} - {tol}"
        for k in pinned
        if k in scores and scores[k] < pinned[k] - tol
    ]
    missing = [k for k in pinned if k not in scores]
    if os.environ.get("DATELINE_RAISE_FLOORS") == "1":
        raised = {k: round(v, 4) for k, v in scores.items() if v > pinned.get(k, float("-inf"))}
        if raised:
            base["scores"] = {**pinned, **raised}
            base.setdefault("tolerance", tol)
            BASELINES.mkdir(parents=True, exist_ok=True)
            (BASELINES / f"{gate}.json").write_text(
                json.dumps(base, indent=2, sort_keys=True) + "\n", encoding="utf-8"
            )
    assert not missing, f"gate {gate}: scores not produced: {missing}"
    assert not drops, f"gate {gate}: scores dropped: " + "; ".join(drops)
