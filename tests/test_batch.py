"""Batch runs: shards, done markers, resume, and merging into the store (local executor)."""

from __future__ import annotations

from pathlib import Path

from dateline import batch
from dateline.store import Store

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def test_shards_are_stable_and_sized() -> None:
    got = batch.shards([EXAMPLES], 2)
    assert [len(s.paths) for s in got] == [2, 1]
    assert batch.shards([EXAMPLES], 2) == got


def test_run_resume_and_merge(tmp_path: Path) -> None:
    out = tmp_path / "out"
    written, skipped = batch.run([EXAMPLES], out, batch.LocalExecutor(), shard_size=2)
    assert (len(written), skipped) == (2, 0)
    assert sorted(p.name for p in out.glob("*.done")) == ["shard-00000.done", "shard-00001.done"]
    (out / "shard-00001.done").unlink()  # as if the run had stopped before the last shard
    written, skipped = batch.run([EXAMPLES], out, batch.LocalExecutor(), shard_size=2)
    assert (len(written), skipped) == (1, 1)
    store = Store()
    assert batch.merge(out, store) == (3, 0)
    assert store.counts()["articles"] == 3
