"""Quality gate: every `must` item of ../shared/seeds/gold.json, end to end."""

from __future__ import annotations

import pytest

from gates import gatelib
from gates.seedgold import score


@pytest.mark.gate
def test_seed_gold(shared) -> None:
    tally = score(shared / "seeds")
    for miss in tally.misses:
        print("MISS", miss)
    gatelib.check("seeds", tally.scores())
