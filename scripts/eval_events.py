"""Annotate the events dev files and score them with the official scorer.

    python scripts/eval_events.py [petr2_gsr|plover_gsr|petr2_unittest] [--show]
"""

from __future__ import annotations

import json
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


def main() -> None:
    name = sys.argv[1] if len(sys.argv) > 1 else "petr2_gsr"
    out = Path(f"/tmp/dateline-events-{name}.jsonl")
    gold = system_file(name, out)
    extra = ["--plover"] if name.startswith("plover") else []
    subprocess.run([sys.executable, str(SCORER), str(DATA / f"{name}.dev.jsonl"), str(out), *extra],
                   check=True)
    if "--show" in sys.argv:
        sysd = {json.loads(x)["id"]: json.loads(x)["events"] for x in out.read_text().splitlines()}
        for g in gold:
            exp = [(e["source"], e["target"], e.get("code") or e.get("plover")) for e in g["expected"]]
            got = [(e["source"], e["target"], e["code"], e["plover"], e["modality"]) for e in sysd[g["id"]]]
            print(g["text"][:150], "\n   gold:", exp, "\n   sys: ", got)


if __name__ == "__main__":
    main()
