"""The same stages over sharded inputs, in this process or on a Ray cluster.

What runs (:func:`process_shard`: ingest -> extract -> annotate, results as JSONL) is separate from
where it runs (:class:`LocalExecutor` or :class:`RayExecutor`). Each finished shard leaves a
``.done`` marker beside its output, so a rerun skips it and resumes where the last run stopped.
Results are merged into the store afterwards through the store's one write path.
Ray is imported only inside :class:`RayExecutor` (``pip install 'dateline[ray]'``).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from .errors import MissingExtraError
from .ingest import Metadata, walk
from .model import Article, Failure, to_dict

ShardJob = Callable[[int, list[str], str], str]


@dataclass(slots=True)
class Shard:
    index: int
    paths: list[str]


def shards(paths: Iterable[str | Path], size: int) -> list[Shard]:
    """Input files in stable order, cut into shards of ``size`` files."""
    files = [str(p) for p in walk(paths) if not isinstance(p, Failure)]
    return [Shard(i, files[k:k + size]) for i, k in enumerate(range(0, len(files), size))]


def shard_path(out_dir: str | Path, index: int) -> Path:
    return Path(out_dir) / f"shard-{index:05d}.jsonl"


def process_shard(index: int, paths: list[str], out_dir: str) -> str:
    """Extract and annotate one shard's files; write ``shard-NNNNN.jsonl`` and its marker.

    Every line is ``{"article": {...}}`` or ``{"failure": {...}}``.
    """
    from .ingest import iter_pages
    from .pipeline import Options, Runner, annotate_stage, extract_pages

    out = shard_path(out_dir, index)
    runner = Runner([("annotate", annotate_stage(Options()))])
    lines: list[str] = []
    items = list(extract_pages(iter_pages(paths, Metadata())))
    articles = [a for x in items if not isinstance(x, Failure) for a in [x[1]]]
    results = runner.run_batch(articles) if articles else []
    for r in [*(x for x in items if isinstance(x, Failure)), *results]:
        key = "failure" if isinstance(r, Failure) else "article"
        lines.append(json.dumps({key: to_dict(r)}, ensure_ascii=False))
    tmp = out.with_suffix(".tmp")
    tmp.write_text("\n".join(lines) + ("\n" if lines else ""), encoding="utf-8")
    tmp.replace(out)
    out.with_suffix(".done").touch()
    return str(out)


class LocalExecutor:
    """Runs shards one after the other in this process."""

    def map(self, job: ShardJob, todo: Sequence[Shard], out_dir: str) -> list[str]:
        return [job(s.index, s.paths, out_dir) for s in todo]


class RayExecutor:
    """Runs shards as Ray tasks (``address`` None starts or joins a local Ray)."""

    def __init__(self, address: str | None = None) -> None:
        try:
            import ray
        except ImportError as exc:
            raise MissingExtraError("ray", "ray") from exc
        self.ray = ray
        if not ray.is_initialized():
            ray.init(address=address, ignore_reinit_error=True)

    def map(self, job: ShardJob, todo: Sequence[Shard], out_dir: str) -> list[str]:
        remote = self.ray.remote(job)
        return list(self.ray.get([remote.remote(s.index, s.paths, out_dir) for s in todo]))


def run(paths: Iterable[str | Path], out_dir: str | Path, executor: LocalExecutor | RayExecutor,
        shard_size: int = 200) -> tuple[list[str], int]:
    """Process every shard without a ``.done`` marker; returns (outputs written, shards skipped)."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    all_shards = shards(paths, shard_size)
    todo = [s for s in all_shards if not shard_path(out, s.index).with_suffix(".done").exists()]
    written = executor.map(process_shard, todo, str(out)) if todo else []
    return written, len(all_shards) - len(todo)


def merge(out_dir: str | Path, store: object) -> tuple[int, int]:
    """Write every shard's articles and failures into ``store``; returns (articles, failures)."""
    n_articles = n_failures = 0
    for path in sorted(Path(out_dir).glob("shard-*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            if "article" in record:
                store.write_article(Article.from_dict(record["article"]))  # type: ignore[attr-defined]
                n_articles += 1
            else:
                store.record_failure(Failure(**record["failure"]))  # type: ignore[attr-defined]
                n_failures += 1
    return n_articles, n_failures
