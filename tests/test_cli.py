"""Every CLI command: exit codes and --json output, on the invented examples."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from dateline.cli import EXIT_PARTIAL, main

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def run(*args: str, ok: int = 0) -> str:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    assert result.exit_code == ok, result.output
    return result.stdout


@pytest.fixture()
def ingested() -> None:
    run("ingest", "--quiet", str(EXAMPLES))


def test_ingest_then_again_stores_nothing_new(ingested: None) -> None:
    out = run("ingest", "--quiet", "--json", str(EXAMPLES))
    report = json.loads(out)
    assert report["stored"] == [] and len(report["duplicates"]) == 3 and report["failures"] == []


def test_ingest_failure_exit_code_and_failures_command(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    out = run("ingest", "--quiet", str(tmp_path), ok=EXIT_PARTIAL)
    assert "empty.txt: empty" in out
    rows = json.loads(run("failures", "--json"))
    assert rows[0]["reason"] == "empty" and rows[0]["source"].endswith("empty.txt")


def test_articles_and_search(ingested: None) -> None:
    rows = json.loads(run("articles", "--json"))
    assert {r["outlet"] for r in rows} == {"The Harbor Ledger", "Coastline Daily",
                                           "Pacific Wire Daily"}
    hits = json.loads(run("search", "--json", "trawlers"))
    assert hits and "[trawlers]" in hits[0]["snippet"].lower()
    assert "Pacific Wire Daily" in run("search", "trawlers")


def test_quotes_events_timeline(ingested: None) -> None:
    quotes = json.loads(run("quotes", "--json", "--speaker", "Vargas"))
    assert quotes and all("Vargas" in (q["speaker_name"] or "") for q in quotes)
    assert json.loads(run("quotes", "--json", "--relay", "EFE"))
    events = json.loads(run("events", "--json", "--source", "CHL"))
    assert events and all(e["source"] == "CHL" and e["mentions"] >= 1 for e in events)
    mentions = json.loads(run("events", "--json", "--mentions", "--source", "CHL"))
    assert len(mentions) >= len(events) and all(e["source_country"] == "CHL" for e in mentions)
    data = json.loads(run("timeline", "--json", "CHL", "NOR"))
    assert set(data) == {"items", "shifts"}
    assert "CHL -> NOR" in run("timeline", "CHL", "NOR")


def test_storylines_and_contradictions(ingested: None) -> None:
    lines = json.loads(run("storylines", "--json"))
    assert lines and {"CHL", "NOR"} <= set(lines[0]["actors"])
    detail = json.loads(run("storyline", "--json", lines[0]["id"]))
    assert [s["date"] for s in detail["stories"]] == sorted(s["date"] for s in detail["stories"])
    assert "Pacific Wire Daily" in run("storyline", lines[0]["id"])
    run("storyline", "l-nope", ok=1)
    assert isinstance(json.loads(run("contradictions", "--json")), list)


def test_extract_formats_and_failures(tmp_path: Path) -> None:
    lines = [json.loads(x) for x in run("extract", str(EXAMPLES)).splitlines()]
    assert len(lines) == 3
    assert {"id", "url", "title", "outlet", "published", "text", "paragraphs"} <= set(lines[0])
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01binary")
    out = run("extract", str(tmp_path / "bad.txt"), ok=EXIT_PARTIAL)
    assert json.loads(out)["reason"] == "binary"
    md = run("extract", "--format", "markdown", str(EXAMPLES / "harbor-ledger-quota-talks.html"))
    assert md.startswith("# Chile praises")
    explained = run("extract", "--explain", str(EXAMPLES / "pacific-wire-quota-warning.txt"))
    assert any(line.startswith("- ") for line in explained.splitlines())


def test_annotate_and_cluster_jsonl(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in [
        {"id": "x1", "text": 'Invented: "We are ready," Minister Elena Vargas said on Tuesday.',
         "published": "2025-03-05"},
        {"id": "x2", "text": "Invented: Norway said it is open to talks.", "date": "2025-03-06"},
    ]) + "\nnot json\n", encoding="utf-8")
    out = [json.loads(x) for x in run("annotate", "--jsonl", str(path), ok=EXIT_PARTIAL).splitlines()]
    assert [r.get("id") for r in out[:2]] == ["x1", "x2"] and out[2]["reason"] == "bad-json"
    assert {"quotes", "actors", "events", "times", "sentences"} <= set(out[0])
    q = out[0]["quotes"][0]
    assert out[0]["text"][q["start"]:q["end"]] == q["text"]
    clustered = [json.loads(x) for x in run("cluster", "--jsonl", str(path), ok=EXIT_PARTIAL
                                            ).splitlines()]
    assert [set(r) >= {"id", "story"} for r in clustered[:2]] == [True, True]


def test_settings_and_bad_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    names = {s["name"] for s in json.loads(run("settings", "--json"))}
    assert {"home", "spacy_model", "batch_size"} <= names
    monkeypatch.setenv("DATELINE_BATCH_SIZE", "lots")
    result = CliRunner().invoke(main, ["ingest", "--quiet", str(EXAMPLES)])
    assert result.exit_code == 1 and "batch_size" in result.output
