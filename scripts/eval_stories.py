"""Cluster ../shared/data/stories/articles.jsonl and score it with the official scorer.

    python scripts/eval_stories.py [--threshold T] [--window D] [--halves]

``--halves`` also scores the two halves of the gold clusters (odd and even cluster ids) apart, so a
tuned choice can be kept only if it helps on both.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "stories" / "articles.jsonl"
SCORER = ROOT.parent / "shared" / "bench" / "stories" / "score.py"


def main() -> None:
    from dateline.model import Article
    from dateline.stories import Options, cluster

    ap = argparse.ArgumentParser()
    ap.add_argument("--threshold", type=float, default=Options.threshold)
    ap.add_argument("--window", type=int, default=Options.window_days)
    ap.add_argument("--day-thresholds", default=",".join(map(str, Options.day_thresholds)))
    ap.add_argument("--follow-up", type=float, default=Options.follow_up_threshold)
    ap.add_argument("--dated-follow-up", type=float, default=Options.dated_follow_up_threshold)
    ap.add_argument("--follow-up-days", type=int, default=Options.follow_up_days)
    ap.add_argument("--other-town", type=float, default=Options.other_town)
    ap.add_argument("--out", type=Path, default=Path("/tmp/dateline-stories.jsonl"))
    ap.add_argument("--halves", action="store_true", help="also score odd and even gold cluster ids apart")
    args = ap.parse_args()
    records = [json.loads(x) for x in DATA.read_text(encoding="utf-8").splitlines()]
    arts = [Article(id=r["id"], text=r["text"], title=r.get("title"), published=r.get("date"))
            for r in records]
    from dateline.nlp.times import find_times
    from dateline.story_places import towns

    for a in arts:  # what the pipeline's time stage fills in before clustering
        a.times = find_times(a.text, a.published)
    towns(Article(id="warm-up", text="Invented text from Boston."))  # loads the gazetteer once, untimed
    start, cpu = time.perf_counter(), time.process_time()
    got = cluster(arts, Options(threshold=args.threshold, window_days=args.window,
                                day_thresholds=tuple(float(x) for x in args.day_thresholds.split(",")),
                                follow_up_threshold=args.follow_up, dated_follow_up_threshold=args.dated_follow_up,
                                follow_up_days=args.follow_up_days, other_town=args.other_town))
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    args.out.write_text("".join(json.dumps({"id": k, "cluster": v}) + "\n" for k, v in got.items()))
    print(f"{len(arts)} articles, {len(set(got.values()))} stories, "
          f"{len(arts) / seconds:.0f} articles/s clustering ({len(arts) / cpu:.0f}/s of CPU time; times found "
          "beforehand)")
    subprocess.run([sys.executable, str(SCORER), str(DATA), str(args.out)], check=True)
    if args.halves:
        for half in (0, 1):
            _score_half(records, got, half, args.out)
    _score_dates(records, arts, args.halves)


def _score_dates(records: list[dict[str, Any]], arts: list[Any], halves: bool) -> None:
    """Occasion-date accuracy as the gate measures it: articles whose text states a day-precise date."""
    from dateline.story_dates import occasion_date

    stated = [(occasion_date(a) == r["incident_date"], int(r["cluster"]) % 2)
              for a, r in zip(arts, records, strict=True)
              if r.get("incident_date") and any(t.value and len(t.value) == 10 for t in a.times)]
    parts = [("all", [ok for ok, _ in stated])]
    if halves:
        parts += [(f"half {h}", [ok for ok, half in stated if half == h]) for h in (0, 1)]
    for name, oks in parts:
        print(f"occasion dates, {name}: {sum(oks) / len(oks):.4f} of {len(oks)} articles that state a date")


def _score_half(records: list[dict[str, Any]], got: dict[str, str], half: int, out: Path) -> None:
    """Score the articles of the gold clusters whose id has parity ``half`` on their own."""
    keep = [r for r in records if int(r["cluster"]) % 2 == half]
    gold, system = out.with_suffix(f".gold{half}.jsonl"), out.with_suffix(f".sys{half}.jsonl")
    gold.write_text("".join(json.dumps({"id": r["id"], "cluster": r["cluster"]}) + "\n" for r in keep))
    system.write_text("".join(json.dumps({"id": r["id"], "cluster": got[r["id"]]}) + "\n" for r in keep))
    print(f"-- half {half} (gold cluster id % 2 == {half})")
    subprocess.run([sys.executable, str(SCORER), str(gold), str(system)], check=True)


if __name__ == "__main__":
    main()
