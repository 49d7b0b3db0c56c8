"""Train the flattened-text line classifier and report its cross-validated score.

    python scripts/train_flat.py [--folds 5] [--write]

Data: ../shared/data/extraction (read where it is; nothing is copied). A line's label is whether
most of its word 4-grams (short lines: the line itself) occur in the page's gold body. The score
that counts is the 5-fold cross-validated one, folds by page: each page is cleaned by a model that
never saw it, and the benchmark scorer reads those predictions. --write then fits on all pages and
writes src/dateline/data/flat_model.json.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "extraction"
SCORER = ROOT.parent / "shared" / "bench" / "extraction" / "score.py"
OUT = ROOT / "src" / "dateline" / "data" / "flat_model.json"
_W = re.compile(r"\w+")


def shingles(text: str) -> set[tuple[str, ...]]:
    toks = [t.lower() for t in _W.findall(text)]
    return {tuple(toks[i:i + 4]) for i in range(max(len(toks) - 3, 0))}


def label(line: str, gold: str, gold_sh: set[tuple[str, ...]]) -> float:
    sh = shingles(line)
    if sh:
        return float(len(sh & gold_sh) / len(sh) >= 0.5)
    norm = " ".join(_W.findall(line.lower()))
    return float(bool(norm) and norm in " ".join(_W.findall(gold.lower())))


def page_rows(text: str, gold: str) -> tuple[list[list[float]], list[float]]:
    from dateline.extract import flat, flat_model

    lines = text.replace("\r\n", "\n").split("\n")
    nonblank = [ln for ln in lines if ln.strip()]
    top = sorted(nonblank, key=len, reverse=True)[:20]
    page_script, stops = flat.script(" ".join(top)), flat._stop_words(flat._language(top))
    first = [("blank", "blank") if not ln.strip() else flat.classify(ln, page_script, stops) for ln in lines]
    run = flat._best_run(lines, flat._resolve_context([c for c, _ in first]))
    stats = [flat._measure(ln, stops) for ln in lines]
    rows = flat_model.features(lines, first, [run[0] <= i < run[1] for i in range(len(lines))],
                               [u for u, _, _ in stats], [d for _, d, _ in stats], [e for _, _, e in stats])
    gold_sh = shingles(gold)
    keep = [i for i, ln in enumerate(lines) if ln.strip()]
    return [rows[i] for i in keep], [label(lines[i], gold, gold_sh) for i in keep]


def fit(x: np.ndarray, y: np.ndarray, l2: float = 1e-3, steps: int = 3000, rate: float = 0.5) -> np.ndarray:
    """Logistic regression by gradient descent, classes balanced."""
    w = np.zeros(x.shape[1])
    weight = np.where(y > 0, 0.5 / max(y.mean(), 1e-6), 0.5 / max(1 - y.mean(), 1e-6))
    for _ in range(steps):
        p = 1 / (1 + np.exp(-np.clip(x @ w, -30, 30)))
        grad = x.T @ ((p - y) * weight) / len(y) + l2 * w
        w -= rate * grad
    return w


def score(pred_dir: Path) -> dict[str, float]:
    out = pred_dir / "_score.json"
    subprocess.run([sys.executable, str(SCORER), str(pred_dir), str(DATA / "gold"), "--bootstrap", "0",
                    "--json", str(out)], capture_output=True, check=True)
    return json.loads(out.read_text())


def main() -> None:
    from dateline.extract.flat import clean_flat

    ap = argparse.ArgumentParser()
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--threshold", type=float, default=0.9)
    ap.add_argument("--gap", type=int, default=10)
    args = ap.parse_args()
    ids = (DATA / "ids.txt").read_text().split()
    pages = {i: (DATA / "flat" / f"{i}.txt").read_text(encoding="utf-8") for i in ids}
    golds = {i: json.loads((DATA / "gold" / f"{i}.json").read_text())["articleBody"] for i in ids}
    rows = {i: page_rows(pages[i], golds[i]) for i in ids}
    with tempfile.TemporaryDirectory() as tmp:
        pred = Path(tmp)
        for fold in range(args.folds):
            train = [i for k, i in enumerate(ids) if k % args.folds != fold]
            x = np.array([r for i in train for r in rows[i][0]])
            y = np.array([v for i in train for v in rows[i][1]])
            model = {"weights": fit(x, y).tolist(), "threshold": args.threshold, "gap": args.gap}
            for k, i in enumerate(ids):
                if k % args.folds == fold:
                    text = clean_flat(pages[i], model=model).text
                    (pred / f"{i}.json").write_text(json.dumps({"text": text}))
        cv = score(pred)
    print(f"{args.folds}-fold cross-validated (pages held out): F1 {cv['f1']:.4f} "
          f"P {cv['precision']:.4f} R {cv['recall']:.4f}")
    if args.write:
        from dateline.extract.flat_model import FEATURES

        x = np.array([r for i in ids for r in rows[i][0]])
        y = np.array([v for i in ids for v in rows[i][1]])
        w = fit(x, y)
        OUT.write_text(json.dumps({"features": FEATURES, "weights": [round(v, 5) for v in w.tolist()],
                                   "threshold": args.threshold, "gap": args.gap,
                                   "trained_on": "extraction dev, 121 pages",
                                   "cv_f1": round(cv["f1"], 4)}, indent=1) + "\n")
        print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
