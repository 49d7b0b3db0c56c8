"""How often a pronoun speaker is resolved to the right person, on eval/pronoun_sample.jsonl.

    python scripts/eval_pronouns.py

A quote counts when Dateline finds a quote whose speaker mention overlaps the labelled pronoun;
its resolved name is right when the surnames agree and, where both give a first name, those too.
"""

from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT.parent / "shared" / "data" / "quotes" / "polnear_train.jsonl"


def same(system: str | None, gold: str) -> bool:
    if not system:
        return False
    s, g = system.replace("-", " ").lower().split(), gold.replace("-", " ").lower().split()
    return g[-1] in s and (len(s) < 2 or len(g) < 2 or s[0] == g[0])


def main() -> None:
    from dateline.model import Article
    from dateline.nlp.annotate import annotate

    sample = [json.loads(x) for x in (ROOT / "eval" / "pronoun_sample.jsonl").read_text().splitlines()]
    wanted = {s["id"] for s in sample}
    texts = {r["id"]: r["text"] for r in map(json.loads, GOLD.read_text(encoding="utf-8").splitlines())
             if r["id"] in wanted}
    done = {a.id: a for a in annotate([Article(id=i, text=t) for i, t in texts.items()], ["actors", "quotes"])}
    found = right = 0
    for s in sample:
        quotes = [q for q in done[s["id"]].quotes if q.speaker_start is not None and
                  q.speaker_start < s["speaker_end"] and s["speaker_start"] < (q.speaker_end or 0)]
        if quotes:
            found += 1
            right += same(quotes[0].speaker_name, s["speaker"])
    n = len(sample)
    print(f"pronoun speakers: {n}; quote found with that speaker mention: {found}; resolved right: {right}")
    print(f"accuracy over found {right / max(found, 1):.3f}; over all {right / n:.3f}")


if __name__ == "__main__":
    main()
