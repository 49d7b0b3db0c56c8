"""How often a pronoun or description speaker is resolved to the right person.

    python scripts/eval_pronouns.py

Two hand-labelled samples of PolNeAR train quotes (``eval/README.md``): ``pronoun_sample.jsonl``
(speaker "he" or "she") and ``description_sample.jsonl`` (speaker a description: "the senator",
"the Republican nominee", "a spokeswoman for ..."), each labelled with the person meant, or
null where the article names no one it means.

A quote counts when Dateline finds a quote whose speaker mention overlaps the labelled one; its
resolved name is right when the surnames agree and, where both give a first name, those too. For
a description labelled null the right answer is no name: the description left as written (or
a part of it: "a spokeswoman" of "a spokeswoman for the ministry").
"""

from __future__ import annotations

import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT.parent / "shared" / "data" / "quotes" / "polnear_train.jsonl"
SAMPLES = ("pronoun_sample.jsonl", "description_sample.jsonl")


def same(system: str | None, gold: str) -> bool:
    if not system:
        return False
    s, g = (re.sub(r"[-.,]", " ", name).lower().split() for name in (system, gold))
    return g[-1] in s and (len(s) < 2 or len(g) < 2 or s[0] == g[0])


def score(sample: list[dict], done: dict) -> dict[str, int]:
    """Counts over one sample: quotes found, names right, and for the description sample how the
    labelled-null ones and the named ones fared."""
    out = {"n": len(sample), "found": 0, "right": 0, "named": 0, "named_found": 0, "named_right": 0,
           "null_found": 0, "null_right": 0}
    for s in sample:
        quotes = [q for q in done[s["id"]].quotes if q.speaker_start is not None and
                  q.speaker_start < s["speaker_end"] and s["speaker_start"] < (q.speaker_end or 0)]
        named = s["speaker"] is not None
        out["named"] += named
        if not quotes:
            continue
        q = quotes[0]
        if named:
            ok = same(q.speaker_name, s["speaker"])
        else:  # no one to name: the mention is left as it is
            ok = q.speaker_actor is None and (q.speaker_name or "") in (q.speaker or "")
        key = "named" if named else "null"
        out["found"] += 1
        out["right"] += ok
        out[f"{key}_found"] += 1
        out[f"{key}_right"] += ok
    return out


def counts() -> dict[str, dict[str, int]]:
    """:func:`score` of each sample, keyed by its file name."""
    from dateline.model import Article
    from dateline.nlp.annotate import annotate

    samples = {name: [json.loads(x) for x in (ROOT / "eval" / name).read_text().splitlines()]
               for name in SAMPLES if (ROOT / "eval" / name).exists()}
    wanted = {s["id"] for sample in samples.values() for s in sample}
    texts = {r["id"]: r["text"] for r in map(json.loads, GOLD.read_text(encoding="utf-8").splitlines())
             if r["id"] in wanted}
    done = {a.id: a for a in annotate([Article(id=i, text=t) for i, t in texts.items()], ["actors", "quotes"])}
    return {name: score(sample, done) for name, sample in samples.items()}


def main() -> None:
    for name, c in counts().items():
        print(f"{name}: {c['n']} labelled; quote found with that speaker mention: {c['found']}; "
              f"resolved right: {c['right']}")
        print(f"  accuracy over found {c['right'] / max(c['found'], 1):.3f}; over all {c['right'] / c['n']:.3f}")
        if c["named"] < c["n"]:
            print(f"  labelled with a name: {c['named']}, found {c['named_found']}, right {c['named_right']}; "
                  f"labelled null: {c['n'] - c['named']}, found {c['null_found']}, "
                  f"left unresolved {c['null_right']}")


if __name__ == "__main__":
    main()
