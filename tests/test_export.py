"""Exports: every kind in jsonl and csv, GDELT 2.0 columns, helpful errors."""

from __future__ import annotations

import csv
import io
import json

import pytest

from dateline.errors import ConfigError
from dateline.export import GDELT_COLUMNS, export
from dateline.model import Story
from dateline.store import Store
from factories import annotated_article


@pytest.fixture()
def store() -> Store:
    s = Store()
    s.write_article(annotated_article())
    s.write_story(Story("s1", ["a1"], title="Invented", date="2024-06-04"))
    return s


@pytest.mark.parametrize("kind", ["articles", "quotes", "events", "stories"])
def test_jsonl_and_csv(store: Store, kind: str) -> None:
    out = io.StringIO()
    assert export(store, kind, "jsonl", out) == 1
    json.loads(out.getvalue().splitlines()[0])
    out = io.StringIO()
    export(store, kind, "csv", out)
    assert len(list(csv.DictReader(io.StringIO(out.getvalue())))) == 1


def test_gdelt_columns(store: Store) -> None:
    out = io.StringIO()
    assert export(store, "events", "gdelt", out) == 1
    (row,) = list(csv.reader(io.StringIO(out.getvalue()), delimiter="\t"))
    assert len(GDELT_COLUMNS) == 61 and len(row) == 61
    got = dict(zip(GDELT_COLUMNS, row, strict=True))
    assert (got["Day"], got["Actor1Code"], got["Actor1CountryCode"], got["Actor1Type1Code"]) == (
        "20240604", "CHLGOV", "CHL", "GOV")
    assert (got["EventCode"], got["EventRootCode"], got["QuadClass"]) == ("051", "05", "1")
    assert got["ActionGeo_FullName"] == "Oslo" and got["SOURCEURL"].endswith("/a1")


def test_bad_requests(store: Store) -> None:
    with pytest.raises(ConfigError):
        export(store, "quotes", "gdelt", io.StringIO())
    with pytest.raises(ConfigError):
        export(store, "people", "jsonl", io.StringIO())
