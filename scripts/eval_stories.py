"""Cluster ../shared/data/stories/articles.jsonl and score it with the official scorer.

    python scripts/eval_stories.py [--threshold T] [--window D]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "stories" / "articles.jsonl"
SCORER = ROOT.parent / "shared" / "bench" / "stories" / "score.py"


def main() -> None:
    from dateline.model import Article
    from dateline.stories import Options, cluster

    ap = argparse.ArgumentParser()
    ap.add_argument("--threshold", type=float, default=Options.threshold)
    ap.add_argument("--window", type=int, default=Options.window_days)
    ap.add_argument("--same-day", type=float, default=Options.same_day_threshold)
    ap.add_argument("--follow-up", type=float, default=Options.follow_up_threshold)
    ap.add_argument("--out", type=Path, default=Path("/tmp/dateline-stories.jsonl"))
    args = ap.parse_args()
    records = [json.loads(x) for x in DATA.read_text(encoding="utf-8").splitlines()]
    arts = [Article(id=r["id"], text=r["text"], title=r.get("title"), published=r.get("date"))
            for r in records]
    start = time.perf_counter()
    got = cluster(arts, Options(threshold=args.threshold, window_days=args.window,
                                same_day_threshold=args.same_day, follow_up_threshold=args.follow_up))
    seconds = time.perf_counter() - start
    args.out.write_text("".join(json.dumps({"id": k, "cluster": v}) + "\n" for k, v in got.items()))
    print(f"{len(arts)} articles, {len(set(got.values()))} stories, {len(arts) / seconds:.0f} articles/s")
    subprocess.run([sys.executable, str(SCORER), str(DATA), str(args.out)], check=True)


if __name__ == "__main__":
    main()
