"""Annotate invented text through the real pipeline (the model is part of what is tested)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

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
