"""Every setting and every CLI command is documented in the README."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.cli import main
from dateline.settings import SETTINGS

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", [s.name for s in SETTINGS])
def test_setting_documented(name: str) -> None:
    assert f"| `{name}` |" in README


@pytest.mark.parametrize("command", sorted(main.commands))
def test_command_documented(command: str) -> None:
    assert f"`dateline {command}" in README
