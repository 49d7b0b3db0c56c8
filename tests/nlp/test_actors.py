"""Actors from invented sentences: countries, roles and codes from the article's own context."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.nlp import actor_tables
from dateline.nlp.actors import actor_for_span, code_for_text


def by_name(article):
    return {a.name: a for a in article.actors}


def test_person_context_and_carry_over(run) -> None:
    text = ("Chilean Foreign Minister Elena Vargas met Norway's fisheries minister in Oslo. "
            "Vargas said she was pleased. Later she left for Santiago.")
    a = run(text, names=["actors"])
    vargas = by_name(a)["Elena Vargas"]
    assert (vargas.country, vargas.role, vargas.code) == ("CHL", "government", "CHLGOV")
    mentions = [m for m in a.mentions if m.actor == vargas.id]
    assert {m.text for m in mentions} >= {"Elena Vargas", "Vargas", "she"}
    assert by_name(a)["Oslo"].code == "NORGOV"


@pytest.mark.parametrize("text, name, code", [
    ("North Korean leader Kim Jong-un visited the factory.", "Kim Jong-un", "PRKGOV"),
    ("Jang Ho-jin, the National Security Office chief of the South Korean presidential office, "
     "spoke on Friday.", "Jang Ho-jin", "KORGOV"),
    ("The Kremlin rejected the claim.", "Kremlin", "RUSGOV"),
    ("Officials in Seoul and Pyongyang declined to comment.", "Pyongyang", "PRKGOV"),
    ("The talks in Hanoi ended early.", "Hanoi", "VNMGOV"),
    ("The report, according to TASS, was brief.", "TASS", "RUSMED"),
    ("The United Nations called for calm.", "United Nations", "IGOUNO"),
])
def test_codes(run, text: str, name: str, code: str) -> None:
    assert by_name(run(text, names=["actors"]))[name].code == code


def test_korea_alone_is_south_korea(run) -> None:
    a = run("Korea and Japan signed a trade deal.", names=["actors"])
    assert by_name(a)["South Korea"].country == "KOR"


def test_groups_named_by_country_and_role(run) -> None:
    a = run("Russian troops crossed the river while the South Korean government watched.", names=["actors"])
    codes = {m.text: a.actor(m.actor).code for m in a.mentions}
    assert codes["Russian troops"] == "RUSMIL" and codes["South Korean government"] == "KORGOV"
    start = a.text.index("Russian")
    assert actor_for_span(a, start, start + 14).code == "RUSMIL"


def test_code_for_text() -> None:
    assert code_for_text("Seoul") == "KORGOV"
    assert code_for_text("Ukrainian soldiers") == "UKRMIL"


def test_user_actor_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, run) -> None:
    table = tmp_path / "mine.tsv"
    table.write_text("Lindmark Harbour Board\tHarbour Board\tNORGOV\n", encoding="utf-8")
    monkeypatch.setenv("DATELINE_ACTORS_FILE", str(table))
    actor_tables.reload()
    try:
        a = run("The Harbour Board approved the plan.", names=["actors"])
        assert by_name(a)["Lindmark Harbour Board"].code == "NORGOV"
    finally:
        monkeypatch.delenv("DATELINE_ACTORS_FILE")
        actor_tables.reload()
