"""Clustering speed (features + online clustering, no spaCy parse) beside a plain TF-IDF
single-pass baseline on the same generated articles in the same run. Size: BENCH_ARTICLES_CLUSTER."""

from __future__ import annotations

import math
import os
import re
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from corpus import corpus  # noqa: E402

from dateline.extract.html import extract_html  # noqa: E402
from dateline.model import Article  # noqa: E402
from dateline.nlp.times import find_times  # noqa: E402
from dateline.stories import cluster  # noqa: E402
from dateline.story_places import towns  # noqa: E402


def tfidf_single_pass(texts: list[str], threshold: float = 0.3) -> list[int]:
    """The baseline: each text joins the most similar earlier cluster centroid above a threshold."""
    df: Counter[str] = Counter()
    centroids: list[Counter[str]] = []
    out = []
    for text in texts:
        words = Counter(re.findall(r"[a-z]{3,}", text.lower()))
        df.update(set(words))
        vec = {w: c * math.log(1 + len(out) / df[w]) for w, c in words.items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        best, best_sim = -1, threshold
        for i, c in enumerate(centroids):
            cn = math.sqrt(sum(v * v for v in c.values())) or 1.0
            sim = sum(v * c.get(w, 0) for w, v in vec.items()) / (norm * cn)
            if sim > best_sim:
                best, best_sim = i, sim
        if best < 0:
            centroids.append(Counter())
            best = len(centroids) - 1
        centroids[best].update(vec)
        out.append(best)
    return out


def main() -> None:
    n = int(os.environ.get("BENCH_ARTICLES_CLUSTER", "1000"))
    texts = [extract_html(p).text for p in corpus(n)]
    arts = [Article(id=str(i), text=t, published=f"2025-03-{1 + i % 28:02d}") for i, t in enumerate(texts)]
    for a in arts:  # time expressions come from the annotate stage, as in ingest: not clustering's cost
        a.times = find_times(a.text, a.published)
    towns(Article(id="warm-up", text="Invented text from Boston."))  # loads the gazetteer once, untimed
    start = time.perf_counter()
    tfidf_single_pass(texts)
    base = time.perf_counter() - start
    start = time.perf_counter()
    cluster(arts)
    ours = time.perf_counter() - start
    print(f"  {'TF-IDF single pass (baseline)':<34} {n / base:8.1f} articles/s")
    print(f"  {'dateline StoryIndex':<34} {n / ours:8.1f} articles/s  ratio {base / ours:.2f}x")


if __name__ == "__main__":
    main()
