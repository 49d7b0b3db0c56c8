"""Annotate the events dev files and score them with the official scorer.

    python scripts/eval_events.py [petr2_gsr|plover_gsr|petr2_unittest] [--show] [--halves]

``--halves`` also scores two disjoint halves of the file (records split by the parity of the
sha1 of their id), so a tuned choice can be kept only if it helps on both.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "events"
SCORER = ROOT.parent / "shared" / "bench" / "events" / "score.py"


def system_file(name: str, out: Path) -> list[dict]:
    from dateline.model import Article, to_dict
    from dateline.nlp.annotate import annotate

    gold = [json.loads(x) for x in (DATA / f"{name}.dev.jsonl").read_text().splitlines()]
    arts = [Article(id=g["id"], text=g["text"]) for g in gold]
    rows = [{"id": a.id, "events": [to_dict(e) for e in a.events]} for a in annotate(arts)]
    out.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return gold


def half(record_id: str) -> str:
    """"a" or "b": the half of a record, by the parity of the sha1 of its id."""
    return "ab"[int(hashlib.sha1(record_id.encode("utf-8")).hexdigest(), 16) % 2]


def score(gold: Path, system: Path, extra: list[str]) -> None:
    subprocess.run([sys.executable, str(SCORER), str(gold), str(system), *extra], check=True)


def main() -> None:
    name = sys.argv[1] if len(sys.argv) > 1 else "petr2_gsr"
    out = Path(os.environ.get("DATELINE_EVAL_DIR", "/tmp")) / f"dateline-events-{name}.jsonl"
    gold = system_file(name, out)
    extra = ["--plover"] if name.startswith("plover") else []
    score(DATA / f"{name}.dev.jsonl", out, extra)
    if "--halves" in sys.argv:
        for part in "ab":
            path = out.with_name(f"dateline-events-{name}.gold-{part}.jsonl")
            path.write_text("".join(json.dumps(g) + "\n" for g in gold if half(g["id"]) == part))
            print(f"-- half {part} ({sum(half(g['id']) == part for g in gold)} records)")
            score(path, out, extra)
    if "--show" in sys.argv:
        sysd = {json.loads(x)["id"]: json.loads(x)["events"] for x in out.read_text().splitlines()}
        for g in gold:
            exp = [(e["source"], e["target"], e.get("code") or e.get("plover")) for e in g["expected"]]
            got = [(e["source"], e["target"], e["code"], e["plover"], e["modality"]) for e in sysd[g["id"]]]
            mark = "" if {(a[0][:3] if a[0] else None, a[1][:3] if a[1] else None) for a in exp} == \
                {(a[0][:3] if a[0] else None, a[1][:3] if a[1] else None) for a in got} else " *"
            print(f"[{half(g['id'])}{mark}] {g['id']}: {g['text'][:200]}\n   gold:", exp, "\n   sys: ", got)


if __name__ == "__main__":
    main()
