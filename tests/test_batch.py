"""Batch runs: shards, done markers, resume, and merging into the store (local executor)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

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


def test_ray_executor_gives_the_local_result(tmp_path: Path) -> None:
    """The same shards on a local Ray instance (skipped unless the ``ray`` extra is installed)."""
    ray = pytest.importorskip("ray", reason="the ray extra is not installed: pip install 'dateline[ray]'")
    local, remote = tmp_path / "local", tmp_path / "ray"
    batch.run([EXAMPLES], local, batch.LocalExecutor(), shard_size=2)
    try:
        written, skipped = batch.run([EXAMPLES], remote, batch.RayExecutor(), shard_size=2)
    finally:
        ray.shutdown()
    assert (len(written), skipped) == (2, 0)

    def texts(out: Path) -> list[str]:
        rows = [json.loads(x) for p in sorted(out.glob("*.jsonl")) for x in p.read_text().splitlines()]
        return [r["article"]["text"] for r in rows]

    assert texts(remote) == texts(local)
