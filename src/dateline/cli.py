"""The ``dateline`` command: thin subcommands over the library.

Exit codes: 0 done; 1 an error Dateline reports (bad setting, missing store ...); 2 a usage error;
3 the run finished but some inputs failed (they are listed and recorded in the store).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable
from functools import wraps
from typing import Any

import click

from . import settings
from .errors import DatelineError
from .ingest import Metadata
from .model import to_dict
from .pipeline import Options

EXIT_PARTIAL = 3


def reports_errors(func: Callable[..., Any]) -> Callable[..., Any]:
    """Turn a DatelineError into a one-line message and exit code 1."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except DatelineError as exc:
            click.echo(f"error: {exc}", err=True)
            sys.exit(1)

    return wrapper


def emit_jsonl(records: Iterable[dict[str, Any]], out: Any = None) -> int:
    """Write records as JSONL to ``out`` (stdout); returns how many were error lines."""
    errors = 0
    for record in records:
        errors += "error" in record
        click.echo(json.dumps(record, ensure_ascii=False), file=out)
    return errors


def emit_table(rows: list[dict[str, Any]], columns: list[str], as_json: bool) -> None:
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=1, default=str))
        return
    for row in rows:
        click.echo("  ".join(_cell(row.get(c)) for c in columns))
    if not rows:
        click.echo("(nothing)", err=True)


def _cell(value: Any, width: int = 60) -> str:
    text = "-" if value is None else str(value).replace("\n", " ")
    return text if len(text) <= width else text[: width - 1] + "…"


def open_store(readonly: bool = False) -> Any:
    from .store import Store

    return Store(readonly=readonly)


json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
jsonl_option = click.option("--jsonl", "path", required=True, type=click.Path(exists=True, dir_okay=False),
                            help="Input records: {id, text, optional published (or date), title, url}.")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="dateline")
def main() -> None:
    """Dateline: raw news pages to a time-ordered, evidence-backed record of who said and did
    what to whom. Data lives in $DATELINE_HOME (see `dateline settings`)."""


def metadata_options(func: Callable[..., Any]) -> Callable[..., Any]:
    for opt in reversed([
        click.option("--published", help="Publication date (ISO) for every input."),
        click.option("--outlet", help="Outlet name for every input."),
        click.option("--url", help="URL of the page (single input)."),
    ]):
        func = opt(func)
    return func


@main.command()
@click.argument("paths", nargs=-1, required=True)
@metadata_options
@click.option("--no-annotate", is_flag=True, help="Store extracted articles without annotation.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@json_option
@reports_errors
def ingest(paths: tuple[str, ...], published: str | None, outlet: str | None, url: str | None,
           no_annotate: bool, quiet: bool, as_json: bool) -> None:
    """Read, extract, annotate and store PATHS (files or folders of .html, .txt, .jsonl, .warc)."""
    from tqdm import tqdm

    from .runs import ingest as run_ingest

    meta = Metadata(url=url, outlet=outlet, published=published)
    options = Options(annotate=not no_annotate, batch_size=settings.get_int("batch_size"))
    with open_store() as store, tqdm(desc="ingest", unit="page", disable=quiet,
                                     file=sys.stderr) as bar:
        report = run_ingest(paths, store, meta, options, progress=bar.update)
    if as_json:
        click.echo(json.dumps({"stored": report.stored, "duplicates": report.duplicates,
                               "failures": [to_dict(f) for f in report.failures]}))
    else:
        click.echo(f"stored {len(report.stored)} new article(s); "
                   f"{len(report.duplicates)} already stored; {len(report.failures)} failed")
        for source in report.duplicates:
            click.echo(f"  already stored: {source}")
        for f in report.failures:
            click.echo(f"  failed: {f.source}: {f.reason}" + (f" ({f.detail})" if f.detail else ""))
    if report.failures:
        sys.exit(EXIT_PARTIAL)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@metadata_options
@click.option("--format", "fmt", type=click.Choice(["jsonl", "txt", "markdown"]), default="jsonl",
              show_default=True, help="Output format.")
@click.option("--explain", is_flag=True, help="Per line of a flattened page: kept or dropped, and why.")
@reports_errors
def extract(paths: tuple[str, ...], published: str | None, outlet: str | None, url: str | None,
            fmt: str, explain: bool) -> None:
    """Extract articles from PATHS and write them (JSONL by default) without storing them."""
    from .runs import explain_paths, extract_paths, format_record

    meta = Metadata(url=url, outlet=outlet, published=published)
    if explain:
        for line in explain_paths(paths, meta):
            click.echo(line)
        return
    errors = 0
    for record in extract_paths(paths, meta):
        errors += "error" in record
        click.echo(format_record(record, fmt))
    if errors:
        sys.exit(EXIT_PARTIAL)


@main.command()
@jsonl_option
@click.option("--plover-labels", type=click.Choice(["2021", "2016"]), default=None,
              help="PLOVER type names (default: the plover_labels setting, 2021).")
@reports_errors
def annotate(path: str, plover_labels: str | None) -> None:
    """Annotate JSONL records: sentences, actors, quotes, events and times with offsets."""
    import os

    from .runs import annotate_records

    if plover_labels:
        os.environ["DATELINE_PLOVER_LABELS"] = plover_labels

    if emit_jsonl(annotate_records(path, Options(batch_size=settings.get_int("batch_size")))):
        sys.exit(EXIT_PARTIAL)


@main.command()
@jsonl_option
@reports_errors
def cluster(path: str) -> None:
    """Group JSONL records into stories: writes {id, story} per record."""
    from .runs import cluster_records

    if emit_jsonl(cluster_records(path)):
        sys.exit(EXIT_PARTIAL)


@main.command()
@click.option("--outlet", help="Only this outlet.")
@click.option("--limit", default=100, show_default=True)
@json_option
@reports_errors
def articles(outlet: str | None, limit: int, as_json: bool) -> None:
    """List stored articles (publication date, outlet, title)."""
    with open_store() as store:
        rows = store.articles(limit=limit, outlet=outlet)
    emit_table(rows, ["published", "outlet", "title", "id"], as_json)


@main.command()
@click.argument("text")
@click.option("--limit", default=20, show_default=True)
@json_option
@reports_errors
def search(text: str, limit: int, as_json: bool) -> None:
    """Full-text search over stored articles, with highlighted snippets."""
    with open_store() as store:
        rows = store.search(text, limit=limit)
    if as_json:
        emit_table(rows, [], True)
        return
    for row in rows:
        click.echo(f"{row['published'] or '-'}  {row['outlet'] or '-'}  {row['title'] or row['id']}")
        click.echo(f"    {row['snippet']}")
    if not rows:
        click.echo("(no match)", err=True)


@main.command()
@click.option("--speaker", help="Speaker name (substring).")
@click.option("--relay", help="Relay source (substring), e.g. TASS.")
@click.option("--limit", default=200, show_default=True)
@json_option
@reports_errors
def quotes(speaker: str | None, relay: str | None, limit: int, as_json: bool) -> None:
    """Stored quotes with speaker, cue and relay."""
    with open_store() as store:
        rows = store.quotes(speaker=speaker, relay=relay, limit=limit)
    emit_table(rows, ["published", "speaker_name", "kind", "cue", "relay", "text"], as_json)


@main.command()
@click.option("--source", help="Source country or actor code (RUS, RUSGOV).")
@click.option("--target", help="Target country or actor code.")
@click.option("--type", "type_", help="PLOVER type (THREATEN) or CAMEO code prefix (13).")
@click.option("--limit", default=500, show_default=True)
@click.option("--mentions", is_flag=True, help="One row per mention instead of per merged event.")
@json_option
@reports_errors
def events(source: str | None, target: str | None, type_: str | None, limit: int, mentions: bool,
           as_json: bool) -> None:
    """Stored events, one record per real-world event with its mention and source counts."""
    from .runs import merged_events

    with open_store() as store:
        if mentions:
            rows = store.events(source=source, target=target, type=type_, limit=limit)
            emit_table(rows, ["date", "source", "target", "plover", "code", "modality", "goldstein",
                              "outlet", "evidence"], as_json)
            return
        rows = merged_events(store, source, target, type_)[:limit]
    emit_table(rows, ["date", "source", "target", "plover", "modality", "goldstein", "mentions",
                      "sources", "evidence"], as_json)


@main.command()
@click.argument("source")
@click.argument("target")
@json_option
@reports_errors
def timeline(source: str, target: str, as_json: bool) -> None:
    """What SOURCE said and did toward TARGET (ISO alpha-3 codes), in date order, with shifts."""
    from .analysis.timeline import shifts
    from .analysis.timeline import timeline as build

    with open_store() as store:
        items = build(store.articles_with_countries(source, target), source, target)
    turns = shifts(items, source, target)
    if as_json:
        click.echo(json.dumps({"items": [to_dict(i) for i in items],
                               "shifts": [to_dict(s) for s in turns]}, ensure_ascii=False, indent=1))
        return
    click.echo(f"{source.upper()} -> {target.upper()}: {len(items)} item(s), {len(turns)} shift(s)")
    for it in items:
        score = "" if it.intensity is None else f"{it.intensity:+.1f}"
        click.echo(f"{it.date or 'undated':<10} {it.kind:<5} {it.type or '-':<10} "
                   f"{it.modality or '-':<12} {score:>5}  {it.outlet or '-'}")
        click.echo(f"    {_cell(it.evidence, 160)}")
    for s in turns:
        click.echo(f"SHIFT {s.direction}: {s.before.date} ({s.before.type} {s.before.intensity:+.1f})"
                   f" -> {s.after.date} ({s.after.type} {s.after.intensity:+.1f})")
        click.echo(f"    before: {_cell(s.before.quote or s.before.evidence, 160)}")
        click.echo(f"    after:  {_cell(s.after.quote or s.after.evidence, 160)}")


@main.command(name="storylines")
@json_option
@reports_errors
def list_storylines(as_json: bool) -> None:
    """Storylines: stories of different occasions linked by shared actors and topic."""
    from .runs import storylines_from_store

    with open_store() as store:
        rows = [to_dict(x) for x in storylines_from_store(store)]
    for row in rows:
        row["n_stories"] = len(row["stories"])
        row["actors_"] = ", ".join(row["actors"])
    emit_table(rows, ["id", "start", "end", "n_stories", "actors_"], as_json)


@main.command()
@click.argument("line_id", metavar="ID")
@json_option
@reports_errors
def storyline(line_id: str, as_json: bool) -> None:
    """One storyline: its stories in date order with outlets and key quotes."""
    from .runs import storyline_detail

    with open_store() as store:
        detail = storyline_detail(store, line_id)
    if detail is None:
        click.echo(f"error: no storyline {line_id!r} (see `dateline storylines`)", err=True)
        sys.exit(1)
    if as_json:
        click.echo(json.dumps(detail, ensure_ascii=False, indent=1))
        return
    click.echo(f"{detail['id']}: {detail['start']} .. {detail['end']}  ({', '.join(detail['actors'])})")
    for st in detail["stories"]:
        click.echo(f"  {st['date'] or 'undated'}  {st['title'] or st['id']}  [{', '.join(st['outlets'])}]")
        for q in st["quotes"]:
            click.echo(f"      {q['speaker'] or '?'}: {_cell(q['text'], 150)}")


@main.command()
@json_option
@reports_errors
def contradictions(as_json: bool) -> None:
    """Facts that articles or quotes disagree on (years, casualty counts), with both sources."""
    from .runs import contradictions_from_store

    with open_store() as store:
        found = contradictions_from_store(store)
    if as_json:
        click.echo(json.dumps([to_dict(c) for c in found], ensure_ascii=False, indent=1))
        return
    for c in found:
        click.echo(f"{c.fact}: {c.first.value} vs {c.second.value}")
        for ev in (c.first, c.second):
            where = "quote" if ev.in_quote else "text"
            click.echo(f"    [{where}] {ev.article[:16]}: {_cell(ev.text, 140)}")
    if not found:
        click.echo("(none found)", err=True)


@main.command()
@json_option
@reports_errors
def failures(as_json: bool) -> None:
    """Inputs that could not be ingested, and why."""
    with open_store() as store:
        rows = store.failures()
    emit_table(rows, ["at", "stage", "reason", "source", "detail"], as_json)


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface (loopback by default).")
@click.option("--port", default=8000, show_default=True)
@click.option("--writable", is_flag=True, help="Allow uploads (POST /ingest); read-only otherwise.")
@reports_errors
def serve(host: str, port: int, writable: bool) -> None:
    """Serve the store as a web app with a JSON twin for every page."""
    from .web.serve import serve as run_server

    click.echo(f"Dateline at http://{host}:{port}/ ({'writable' if writable else 'read-only'})", err=True)
    run_server(host, port, writable)


@main.command(name="export")
@click.argument("kind", type=click.Choice(["articles", "quotes", "events", "stories"]))
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "parquet", "gdelt"]),
              default="jsonl", show_default=True,
              help="gdelt: GDELT 2.0 event-table columns (events only; see dateline.export).")
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="File (default stdout).")
@reports_errors
def export_cmd(kind: str, fmt: str, output: str | None) -> None:
    """Export stored articles, quotes, events or stories."""
    from pathlib import Path

    from .export import export

    with open_store() as store:
        n = export(store, kind, fmt, Path(output) if output else sys.stdout)
    click.echo(f"exported {n} {kind}", err=True)


@main.command(name="batch")
@click.argument("paths", nargs=-1, required=True)
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False),
              help="Folder for shard outputs; finished shards are skipped on a rerun.")
@click.option("--shard-size", default=200, show_default=True, help="Files per shard.")
@click.option("--ray", "ray_address", default=None, is_flag=False, flag_value="auto",
              help="Run shards on Ray (an address, or 'auto'); needs dateline[ray].")
@click.option("--store/--no-store", default=True, show_default=True,
              help="Merge the shard results into the store when done.")
@reports_errors
def batch(paths: tuple[str, ...], out_dir: str, shard_size: int, ray_address: str | None,
          store: bool) -> None:
    """Extract and annotate PATHS in shards, here or on a Ray cluster (resumable)."""
    from . import batch as batch_mod

    executor = (batch_mod.RayExecutor(None if ray_address == "auto" else ray_address)
                if ray_address else batch_mod.LocalExecutor())
    written, skipped = batch_mod.run(paths, out_dir, executor, shard_size)
    click.echo(f"{len(written)} shard(s) processed, {skipped} already done")
    if store:
        with open_store() as db:
            n_articles, n_failures = batch_mod.merge(out_dir, db)
        click.echo(f"stored {n_articles} article(s), recorded {n_failures} failure(s)")


@main.command(name="settings")
@json_option
def show_settings(as_json: bool) -> None:
    """Every setting with its current value (env DATELINE_<NAME>) and what it does."""
    rows = [{"name": s.name, "value": settings.get(s.name), "default": s.default, "help": s.help}
            for s in settings.SETTINGS]
    emit_table(rows, ["name", "value", "help"], as_json)


if __name__ == "__main__":  # pragma: no cover
    main()
