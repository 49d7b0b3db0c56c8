"""The jobs the CLI and web app run: ingest into the store, extract, annotate and cluster JSONL.

Each job is a generator or a function over library calls; the interfaces only format results.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import InputError
from .ingest import Metadata, iter_pages
from .ingest.jsonl import record_page
from .model import Article, Failure, Page, to_dict
from .pipeline import Options, Runner, annotate_stage, batched, extract_pages
from .store import Store

Progress = Callable[[int], None]


@dataclass(slots=True)
class IngestReport:
    """What an ingest run did."""

    stored: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)


def ingest(paths: Iterable[str | Path], store: Store, meta: Metadata | None = None,
           options: Options | None = None, progress: Progress | None = None) -> IngestReport:
    """Read, extract, annotate, cluster and store every input under ``paths``.

    Already-stored content (same hash) is skipped, failures are recorded in the store, and every
    batch is committed as it finishes, so a rerun after a crash resumes where it stopped.
    """
    options = options or Options()
    report = IngestReport()
    stages = [("annotate", annotate_stage(options))] if options.annotate else []
    runner = Runner(stages, options)
    clusterer = StoryAssigner(store) if options.cluster else None

    def fresh() -> Iterator[Page | Failure]:
        for item in iter_pages(paths, meta):
            if isinstance(item, Page) and store.has_page(item.id):
                report.duplicates.append(item.source)
                if progress:
                    progress(1)
                continue
            yield item

    for chunk in batched(extract_pages(fresh(), options.on_error), options.batch_size):
        failures = [x for x in chunk if isinstance(x, Failure)]
        pairs = [x for x in chunk if not isinstance(x, Failure)]
        pages = {a.id: p for p, a in pairs}
        for result in runner.run_batch([a for _, a in pairs]) if pairs else []:
            if isinstance(result, Failure):
                failures.append(result)
                continue
            if clusterer:
                clusterer.assign(result)
            store.write_article(result, pages[result.id])
            report.stored.append(result.id)
        for failure in failures:
            store.record_failure(failure)
        report.failures.extend(failures)
        if clusterer:
            clusterer.save()
        if progress:
            progress(len(chunk))
    if clusterer and report.stored:
        storylines_from_store(store)
    return report


class StoryAssigner:
    """Online story assignment backed by the store (index state kept in the ``state`` table)."""

    KEY = "story_index"

    def __init__(self, store: Store) -> None:
        from .stories import StoryIndex

        self.store = store
        state = store.get_state(self.KEY)
        self.index = StoryIndex.from_state(state) if state else StoryIndex()
        self.touched: set[str] = set()

    def assign(self, article: Article) -> None:
        article.story = self.index.add(article)
        self.touched.add(article.story)

    def save(self) -> None:
        """Store the index state and the stories this batch changed."""
        self.store.set_state(self.KEY, self.index.to_state())
        for story in self.index.stories(self.touched):
            self.store.write_story(story)
        self.touched.clear()


def extract_paths(paths: Iterable[str | Path], meta: Metadata | None = None
                  ) -> Iterator[dict[str, Any]]:
    """One JSON-able dict per input: the extracted article, or ``{source, error, reason}``."""
    for item in extract_pages(iter_pages(paths, meta)):
        if isinstance(item, Failure):
            yield {"source": item.source, "error": item.detail or item.reason, "reason": item.reason}
            continue
        _, article = item
        yield extract_record(article)


EXTRACT_FIELDS = ("id", "source", "url", "title", "outlet", "credit", "published", "language",
                  "authors", "text", "paragraphs")


def extract_record(article: Article) -> dict[str, Any]:
    return {k: getattr(article, k) for k in EXTRACT_FIELDS}


def read_records(path: str | Path) -> Iterator[Article | Failure]:
    """Articles from an annotate/cluster input file: JSONL records {id, text, published|date, ...}.

    Records are used as they are (no extraction): their text is the text offsets point into.
    """
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            source = f"{path}#L{n}"
            try:
                record = json.loads(line)
                page = record_page(record, source, {})
            except ValueError as exc:
                yield Failure(source, "bad-json", stage="read", detail=str(exc))
                continue
            except InputError as exc:
                yield Failure(exc.source, exc.reason, stage="read", detail=exc.detail)
                continue
            if page.kind == "html":
                from .extract import extract

                yield extract(page)
                continue
            yield Article(id=page.doc_id or page.id, text=page.content, source=source,
                          url=page.url, title=page.title, outlet=page.outlet,
                          published=page.published, credit=page.credit)


def annotate_records(path: str | Path, options: Options | None = None
                     ) -> Iterator[dict[str, Any]]:
    """``dateline annotate``: one output dict per input record (or an error line)."""
    options = options or Options()
    runner = Runner([("annotate", annotate_stage(options))], options)
    for chunk in batched(read_records(path), options.batch_size):
        articles = [a for a in chunk if isinstance(a, Article)]
        results = {r.id if isinstance(r, Article) else r.source: r
                   for r in runner.run_batch(articles)} if articles else {}
        for item in chunk:
            if isinstance(item, Failure):
                yield failure_record(item)
                continue
            result = results.get(item.id) or results.get(item.source or "")
            yield to_dict(result) if isinstance(result, Article) else failure_record(result)


def failure_record(failure: Failure | None) -> dict[str, Any]:
    if failure is None:
        return {"error": "lost", "reason": "internal"}
    return {"source": failure.source, "error": failure.detail or failure.reason,
            "reason": failure.reason}


def cluster_records(path: str | Path) -> Iterator[dict[str, Any]]:
    """``dateline cluster``: ``{id, story}`` per record, in input order (online, one pass)."""
    from .stories import StoryIndex

    index = StoryIndex()
    for item in read_records(path):
        if isinstance(item, Failure):
            yield failure_record(item)
            continue
        story = index.add(item)
        yield {"id": item.id, "story": story, "cluster": story}


def format_record(record: dict[str, Any], fmt: str) -> str:
    """An extract record as ``jsonl`` (one line), ``txt`` or ``markdown``."""
    if fmt == "jsonl" or "error" in record:
        return json.dumps(record, ensure_ascii=False)
    head = " · ".join(str(record[k]) for k in ("outlet", "credit", "published") if record.get(k))
    if fmt == "markdown":
        return f"# {record.get('title') or record['id']}\n\n*{head}*\n\n{record['text']}\n"
    return f"{record.get('title') or ''}\n{head}\n\n{record['text']}\n"


def explain_paths(paths: Iterable[str | Path], meta: Metadata | None = None) -> Iterator[str]:
    """Per line of each flattened page: ``+`` kept or ``-`` dropped, the reason and the line."""
    from .extract.flat import clean_flat

    for item in iter_pages(paths, meta):
        if isinstance(item, Failure):
            yield f"## {item.source}: failed: {item.reason}"
            continue
        yield f"## {item.source}"
        if item.kind != "text":
            yield "   (not flattened text: the HTML extractor chooses the body)"
            continue
        for decision in clean_flat(item.content).lines:
            mark = "+" if decision.kept else "-"
            yield f"{mark} {decision.reason:<18} {decision.text}"


def storylines_from_store(store: Store) -> list[Any]:
    """Storylines over the stored stories; each story's ``storyline`` is written back."""
    from .analysis.storylines import storylines

    stories = store.stories()
    articles = {a.id: a for a in store.iter_articles()}
    lines = storylines(stories, articles)
    of_story = {sid: line.id for line in lines for sid in line.stories}
    for story in stories:
        if story.storyline != of_story.get(story.id):
            story.storyline = of_story.get(story.id)
            store.write_story(story)
    return lines


def storyline_detail(store: Store, line_id: str) -> dict[str, Any] | None:
    """One storyline: its stories in order, each with its articles and key quotes."""
    line = next((x for x in storylines_from_store(store) if x.id == line_id), None)
    if line is None:
        return None
    by_id = {s.id: s for s in store.stories()}
    stories = []
    for sid in line.stories:
        story = by_id[sid]
        arts = [a for a in (store.article(aid) for aid in story.articles) if a is not None]
        quotes = sorted((q for a in arts for q in a.quotes if q.kind == "direct"),
                        key=lambda q: -len(q.text))[:2]
        stories.append({"id": sid, "date": story.date, "title": story.title,
                        "outlets": sorted({a.outlet for a in arts if a.outlet}),
                        "quotes": [{"text": q.text, "speaker": q.speaker_name or q.speaker}
                                   for q in quotes]})
    return {**to_dict(line), "stories": stories}


def contradictions_from_store(store: Store) -> list[Any]:
    from .analysis.contradictions import contradictions

    return contradictions(store.iter_articles())


def merged_events(store: Store, source: str | None = None, target: str | None = None,
                  type_: str | None = None) -> list[dict[str, Any]]:
    """Stored events merged into one record per real-world event (see analysis.event_merge)."""
    from .analysis.event_merge import merge_events

    ids = {r["article_id"] for r in store.events(source=source, target=target, type=type_, limit=-1)}
    pairs = [(a, e) for a in (store.article(i) for i in sorted(ids)) if a is not None for e in a.events]
    rows = []
    for m in merge_events(pairs):
        if (source and (m.source or "") != source.upper()) or (target and (m.target or "") != target.upper()):
            continue
        if type_ and (m.plover or "") != type_.upper() and not m.code.startswith(type_):
            continue
        rows.append({"date": m.date, "source": m.source, "target": m.target, "plover": m.plover,
                     "code": m.code, "modality": m.modality, "goldstein": m.goldstein,
                     "mentions": m.n_mentions, "sources": m.n_sources,
                     "evidence": m.mentions[0].evidence, "all_mentions": [to_dict(x) for x in m.mentions]})
    return rows
