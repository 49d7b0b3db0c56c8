"""Annotate invented text through the real pipeline (the model is part of what is tested)."""

from __future__ import annotations

import importlib.util
from collections.abc import Callable, Sequence
from pathlib import Path
from types import ModuleType

import pytest

from dateline.model import Article
from dateline.nlp.annotate import annotate


@pytest.fixture(scope="session")
def run() -> Callable[..., Article]:
    def go(text: str, published: str | None = "2025-03-05", names: Sequence[str] | None = None,
           outlet: str | None = None) -> Article:
        (article,) = annotate([Article(id="t", text=text, published=published, outlet=outlet)], names)
        return article

    return go


def _script(name: str) -> ModuleType:
    """``scripts/<name>.py`` loaded as a module (scripts are not a package)."""
    path = Path(__file__).resolve().parents[2] / "scripts" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="session")
def train_quotes() -> ModuleType:
    """``scripts/train_quotes.py``, for tests of its fitters."""
    return _script("train_quotes")


@pytest.fixture(scope="session")
def eval_quotes() -> ModuleType:
    """``scripts/eval_quotes.py``, for tests of its error censuses."""
    return _script("eval_quotes")
