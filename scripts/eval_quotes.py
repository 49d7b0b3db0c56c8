"""Run Dateline's quote stage on a PolNeAR file and score it with the official scorer.

    python scripts/eval_quotes.py [test_dev|devsplit] [--out FILE]
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "quotes"
SCORER = ROOT.parent / "shared" / "bench" / "quotes" / "score.py"


def main() -> None:
    from dateline.model import Article, to_dict
    from dateline.nlp.annotate import annotate

    split = sys.argv[1] if len(sys.argv) > 1 else "test_dev"
    gold = DATA / f"polnear_{split}.jsonl"
    out = Path(sys.argv[3]) if len(sys.argv) > 3 else Path(f"/tmp/dateline-quotes-{split}.jsonl")
    records = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines()]
    arts = [Article(id=r["id"], text=r["text"], published=r.get("date")) for r in records]
    start = time.perf_counter()
    done = list(annotate(arts, ["actors", "quotes"]))
    seconds = time.perf_counter() - start
    with out.open("w", encoding="utf-8") as fh:
        for a in done:
            fh.write(json.dumps({"id": a.id, "quotes": [to_dict(q) for q in a.quotes]}) + "\n")
    print(f"{len(done)} articles in {seconds:.1f}s")
    subprocess.run([sys.executable, str(SCORER), str(gold), str(out)], check=True)


if __name__ == "__main__":
    main()
