"""Shared fixtures: a throw-away DATELINE_HOME for every test, and the ../shared folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("DATELINE_SHARED", ROOT.parent / "shared"))


@pytest.fixture(autouse=True)
def dateline_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own empty data directory, set through the real setting."""
    home = tmp_path / "dateline-home"
    monkeypatch.setenv("DATELINE_HOME", str(home))
    return home


@pytest.fixture(scope="session")
def shared() -> Path:
    """The ../shared folder beside the repo; skips the test with a clear message when absent."""
    if not (SHARED / "data").is_dir():
        pytest.skip(f"../shared not found at {SHARED}: quality gates need the evaluation data")
    return SHARED
