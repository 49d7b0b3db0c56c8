"""Cheap features of each line of a flattened page, for the learned line classifier.

Every feature holds for any language and site: the line's own shape (length, sentence end, stop
words, list and chrome patterns, script), its neighbours' shapes (up to three non-blank lines on each
side), its block (the lines between two blank lines), the run of short lines it belongs to (menus and
link lists), how often the same text recurs on the page, and where it sits relative to the page's
mass of long sentence-like lines (the body is mostly one contiguous block of them).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from itertools import accumulate
from typing import Any

import numpy as np

_SEP = re.compile(r"[|/·•>»«©]")
_DIGIT = re.compile(r"\d")
_WORDS = re.compile(r"\w+")
_BULLET = re.compile(r"^\s*(?:[-–•◦▪▫●○■□*+·]|\d{1,2}[.)])\s+")
_QUOTE = re.compile(r"[\"“”«»„「」『』]")
_DATE = re.compile(r"\b\d{4}[-./]\d{1,2}[-./]\d{1,2}\b|\b\d{1,2}:\d{2}\b|"
                   r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}\b", re.I)
_BYLINE = re.compile(r"^(by|von|par|por|di|door|av|af)\s", re.I)

#: the line's own shape
OWN = ["log_units", "log_chars", "ends_sentence", "stop_density", "list_item", "chrome", "other_script",
       "headline", "digit_ratio", "separators", "url_or_at", "caps_ratio", "comma_ratio", "word_len",
       "tabs", "ends_colon", "starts_lower", "all_caps", "log_repeats", "blank_before", "blank_after",
       "rule_good", "rule_near", "rule_short", "quote", "date", "byline", "rel_units"]
#: the shape of non-blank neighbours at these offsets
OFFSETS = (-3, -2, -1, 1, 2, 3)
NEIGHBOUR = ["log_units", "ends_sentence", "rule_good", "chrome", "list_item"]
#: where the line sits on the page and in its block
PLACE = ["position", "mass_before", "mass_after", "in_run", "log_to_run_start", "log_after_run_end",
         "block_lines", "block_units", "block_items", "short_run", "win3_units", "win3_good", "win3_ends",
         "win10_good", "win10_chrome", "after_copyright", "before_copyright", "page_log_lines", "page_good_share"]
FEATURES = [*OWN, *[f"{name}@{o:+d}" for o in OFFSETS for name in NEIGHBOUR], *PLACE]


def _own(line: str, first: tuple[str, str], units: int, density: float, ends: bool, repeats: int,
         blank_before: bool, blank_after: bool, max_units: int) -> list[float]:
    s = line.strip()
    words = _WORDS.findall(s)
    chars = max(len(s), 1)
    letters, upper = sum(map(str.isalpha, s)), sum(map(str.isupper, s))
    cls, reason = first
    return [
        math.log1p(units), math.log1p(chars), float(ends), density, float(bool(_BULLET.match(s))),
        float(cls == "chrome"), float(reason.startswith("script")), float(reason == "headline-like"),
        len(_DIGIT.findall(s)) / chars, len(_SEP.findall(s)) / chars, float("http" in s or "@" in s),
        sum(w[0].isupper() for w in words) / max(len(words), 1), s.count(",") / max(len(words), 1),
        sum(map(len, words)) / max(len(words), 1), min(line.count("\t"), 5.0), float(s.endswith((":", "："))),
        float(s[:1].islower()), float(letters >= 4 and upper / letters > 0.8),
        math.log(repeats), float(blank_before), float(blank_after), float(cls == "good"), float(cls == "near"),
        float(cls == "short"), float(bool(_QUOTE.search(s))), float(bool(_DATE.search(s))),
        float(bool(_BYLINE.match(s)) and units <= 8), math.log1p(units) - math.log1p(max_units)]


def _blocks(idx: Sequence[int]) -> list[int]:
    """Block number of each non-blank line: a block ends at a blank line."""
    out, block = [], 0
    for k, i in enumerate(idx):
        if k and i > idx[k - 1] + 1:
            block += 1
        out.append(block)
    return out


def _short_runs(short: Sequence[bool]) -> list[int]:
    """Length of the run of consecutive short lines each line is in (0 for a long line)."""
    out = [0] * len(short)
    k = 0
    while k < len(short):
        if not short[k]:
            k += 1
            continue
        j = k
        while j < len(short) and short[j]:
            j += 1
        out[k:j] = [j - k] * (j - k)
        k = j
    return out


def _window(values: Sequence[float], k: int, radius: int, prefix: Sequence[float]) -> float:
    lo, hi = max(0, k - radius), min(len(values), k + radius + 1)
    return (prefix[hi] - prefix[lo] - values[k]) / max(hi - lo - 1, 1)


def features(lines: Sequence[str], first: Sequence[tuple[str, str]], run: tuple[int, int], units: Sequence[int],
             density: Sequence[float], ends: Sequence[bool]) -> tuple[list[int], list[list[float]]]:
    """The non-blank line indices of a page and one feature vector (``FEATURES``) for each.

    Args:
        lines: the page's lines.
        first: the rule class and reason of each line (:func:`dateline.extract.flat.classify`).
        run: [start, end) line indices of the rules' densest run of body lines.
        units, density, ends: each line's length in word units, stop-word density and sentence end.
    """
    idx = [i for i, ln in enumerate(lines) if ln.strip()]
    m = len(idx)
    if not m:
        return idx, []
    repeats = Counter(" ".join(lines[i].split()).lower() for i in idx)
    max_units = max(units[i] for i in idx)
    own = [_own(lines[i], first[i], units[i], density[i], ends[i], repeats[" ".join(lines[i].split()).lower()],
                i == 0 or not lines[i - 1].strip(), i + 1 >= len(lines) or not lines[i + 1].strip(), max_units)
           for i in idx]
    good = [float(first[i][0] == "good") for i in idx]
    chrome = [float(first[i][0] == "chrome") for i in idx]
    ends_f = [float(ends[i]) for i in idx]
    logu = [math.log1p(units[i]) for i in idx]
    mass = [len(lines[i].strip()) * g for i, g in zip(idx, good, strict=True)]
    total = sum(mass) or 1.0
    before = list(accumulate(mass, initial=0.0))
    pre = {name: list(accumulate(v, initial=0.0)) for name, v in
           (("u", logu), ("g", good), ("e", ends_f), ("c", chrome))}
    blocks = _blocks(idx)
    block_size = Counter(blocks)
    block_units: Counter[int] = Counter()
    block_items: Counter[int] = Counter()
    for k, b in enumerate(blocks):
        block_units[b] += units[idx[k]]
        block_items[b] += int(own[k][4])
    runs = _short_runs([units[i] < 6 and not ends[i] for i in idx])
    run_start = next((k for k, i in enumerate(idx) if i >= run[0]), m)
    run_end = next((k for k, i in enumerate(idx) if i >= run[1]), m)
    page = [math.log1p(m), sum(good) / m]
    copyright = [k for k, i in enumerate(idx) if first[i][1] == "copyright"]
    rows = []
    for k, i in enumerate(idx):
        neigh = []
        for o in OFFSETS:
            j = k + o
            neigh += [logu[j], ends_f[j], good[j], chrome[j], own[j][4]] if 0 <= j < m else [0.0] * 5
        b = blocks[k]
        rows.append([
            *own[k], *neigh, k / max(m - 1, 1), before[k] / total, (total - before[k + 1]) / total,
            float(run[0] <= i < run[1]), math.log1p(max(run_start - k, 0)), math.log1p(max(k - run_end + 1, 0)),
            math.log1p(block_size[b]), math.log1p(block_units[b]), block_items[b] / block_size[b],
            math.log1p(runs[k]), _window(logu, k, 3, pre["u"]), _window(good, k, 3, pre["g"]),
            _window(ends_f, k, 3, pre["e"]), _window(good, k, 10, pre["g"]), _window(chrome, k, 10, pre["c"]),
            float(bool(copyright) and copyright[0] < k), float(bool(copyright) and copyright[-1] > k), *page])
    return idx, rows


def best_span(sizes: Sequence[float], probs: Sequence[float], theta: float, power: float,
              breaks: Sequence[bool] | None = None, neutral: Sequence[bool] | None = None) -> tuple[int, int]:
    """[lo, hi) of the run of lines that gains most when each adds ``(p - theta) * size ** power``;
    no run crosses a line marked in ``breaks``; a line marked in ``neutral`` adds nothing."""
    best, span, cur, start = -math.inf, (0, 0), 0.0, 0
    for k, (size, p) in enumerate(zip(sizes, probs, strict=True)):
        if breaks is not None and breaks[k]:
            cur, start = -math.inf, k + 1
            continue
        if neutral is not None and neutral[k] and cur > 0:
            continue
        if cur <= 0:
            cur, start = 0.0, k
        cur += (p - theta) * size ** power
        if cur > best:
            best, span = cur, (start, k + 1)
    return span


def span_gain(sizes: Sequence[float], probs: Sequence[float], theta: float, power: float, lo: int, hi: int,
              neutral: Sequence[bool] | None = None) -> float:
    """What the lines [lo, hi) gain together, as :func:`best_span` counts it (a neutral line adds nothing)."""
    return sum((probs[k] - theta) * sizes[k] ** power for k in range(lo, hi) if neutral is None or not neutral[k])


#: second-stage features: the first stage's probabilities around the line and over the page
CONTEXT = ["p", *[f"p@{o:+d}" for o in OFFSETS], "p_win3", "p_win10", "p_mass_before", "p_mass_after",
           "in_span", "log_to_span_start", "log_after_span_end", "p_page_max", "p_page_mean", "p_rank"]


def context(sizes: Sequence[float], probs: Sequence[float]) -> list[list[float]]:
    """Second-stage features of each non-blank line from the first stage's probabilities.

    Args:
        sizes: the characters of each non-blank line.
        probs: the first stage's body probability of each.
    """
    m = len(probs)
    if not m:
        return []
    pre = list(accumulate(probs, initial=0.0))
    mass = [p * s for p, s in zip(probs, sizes, strict=True)]
    total = sum(mass) or 1.0
    before = list(accumulate(mass, initial=0.0))
    lo, hi = best_span(sizes, probs, 0.5, 0.5)
    order = sorted(range(m), key=lambda k: -probs[k])
    rank = [0.0] * m
    for r, k in enumerate(order):
        rank[k] = r / m
    page = [max(probs), pre[m] / m]
    return [[probs[k], *[probs[k + o] if 0 <= k + o < m else 0.0 for o in OFFSETS],
             _window(probs, k, 3, pre), _window(probs, k, 10, pre), before[k] / total,
             (total - before[k + 1]) / total, float(lo <= k < hi), math.log1p(max(lo - k, 0)),
             math.log1p(max(k - hi + 1, 0)), *page, rank[k]] for k in range(m)]


#: thresholds (times the page's bar) and length powers of the best-span candidates of the span ranker
CANDIDATE_THETAS = (0.2, 0.35, 0.5, 0.65, 0.8)
CANDIDATE_POWERS = (0.5, 1.0)
#: bars (times the page's bar) and bridged gaps of the block candidates, and how many adjacent blocks join
BLOCK_BARS = (0.6, 1.0, 1.4)
BLOCK_GAPS = (0, 1, 2)
BLOCK_RUN = 6


def blocks_of(probs: Sequence[float], bar: float, breaks: Sequence[bool] | None, gap: int = 2) -> list[tuple[int, int]]:
    """[lo, hi) of each run of lines at or above ``bar``, bridging up to ``gap`` lower lines, never
    across a line marked in ``breaks``."""
    out: list[tuple[int, int]] = []
    lo, last = -1, -1
    for k, p in enumerate(probs):
        broken = breaks is not None and breaks[k]
        if lo >= 0 and (broken or (p < bar and k - last > gap)):
            out.append((lo, last + 1))
            lo = -1
        if p >= bar and not broken:
            lo, last = (k if lo < 0 else lo), k
    if lo >= 0:
        out.append((lo, last + 1))
    return out


def candidates(sizes: Sequence[float], probs: Sequence[float], bar: float, keep: float,
               breaks: Sequence[bool] | None, neutral: Sequence[bool] | None,
               extra: Sequence[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """Candidate extents [lo, hi) of a page's body: ``extra`` first (the decode's own choice), the best
    span under several thresholds and length powers, and runs of up to ``BLOCK_RUN`` adjacent blocks of
    likely lines (:func:`blocks_of` at several bars and gaps); each cut to its first and last line at
    ``keep`` (the lines that would be kept), without repeats.

    Args:
        sizes, probs: characters and body probability of each non-blank line.
        bar: the page's span threshold (a threshold of 0.5 is this bar).
        keep: the probability a line inside the extent needs to be kept.
        breaks, neutral: as in :func:`best_span`.
        extra: other extents to consider.
    """
    spans = list(extra)
    for theta in CANDIDATE_THETAS:
        for power in CANDIDATE_POWERS:
            spans.append(best_span(sizes, probs, theta * bar / 0.5, power, breaks, neutral))
    for scale in BLOCK_BARS:
        for gap in BLOCK_GAPS:
            spans += _block_runs(blocks_of(probs, bar * scale, breaks, gap), breaks)
    out: list[tuple[int, int]] = []
    seen: set[tuple[int, int]] = set()
    likely = np.flatnonzero(np.asarray(probs, dtype=float) >= keep)
    for lo, hi in spans:
        a, b = int(np.searchsorted(likely, lo)), int(np.searchsorted(likely, hi))  # the kept lines inside
        cut = (int(likely[a]), int(likely[b - 1]) + 1) if b > a else (lo, hi)
        if cut[1] > cut[0] and cut not in seen:
            seen.add(cut)
            out.append(cut)
    return out


def _block_runs(blocks: list[tuple[int, int]], breaks: Sequence[bool] | None) -> list[tuple[int, int]]:
    """The extents of runs of up to ``BLOCK_RUN`` adjacent blocks that cross no break."""
    out = []
    for a in range(len(blocks)):
        for b in range(a, min(a + BLOCK_RUN, len(blocks))):
            if breaks is not None and any(breaks[blocks[a][0]:blocks[b][1]]):
                break
            out.append((blocks[a][0], blocks[b][1]))
    return out


#: what the span ranker sees of a candidate extent (:func:`span_features`)
SPAN = ["p_mean", "p_mass_mean", "p_min_kept", "p_q25_kept", "hole_share", "strong_share", "log_chars", "log_lines",
        "ends_share", "units_mean", "item_share", "headline_share", "short_share", "repeats_mean", "start", "end",
        "mass_inside", "mass_before", "mass_after", "gain", "gain_sqrt", "default", "default_overlap",
        "log_from_head", "date_above", "default_covered", "beyond_default", "log_mass_ratio"]
_COLS = {name: FEATURES.index(name) for name in
         ("log_units", "ends_sentence", "list_item", "headline", "rule_short", "log_repeats", "date", "byline")}


def span_features(spans: Sequence[tuple[int, int]], sizes: Sequence[float], probs: Sequence[float],
                  rows: Sequence[Sequence[float]], bar: float, keep: float) -> list[list[float]]:
    """One row of ``SPAN`` features per candidate extent [lo, hi) of a page (the first is the decode's own).

    The features compare candidates of one page, so they hold across sites and scripts: the line
    probabilities inside (mean, mass-weighted mean, the kept lines' minimum and lower quartile, the
    share of unlikely lines), the kept lines' shape (sentence ends, length, list items, title-like and
    short lines, repeats), the place on the page, the share of the page's probability mass inside,
    before and after, the gain as :func:`best_span` counts it relative to the best candidate's, overlap
    with the decode's own choice, and the distance from the nearest headline-, date- or byline-like line
    above. Sums over a span are differences of running sums, so a page with many candidates stays cheap.
    """
    m = len(probs)
    p, size = np.asarray(probs, dtype=float), np.asarray(sizes, dtype=float)
    kept = p >= keep
    cols = np.asarray(rows, dtype=float)[:, [FEATURES.index(n) for n in _COLS]] if m else np.zeros((0, len(_COLS)))
    run = _running({"p": p, "size": size, "mass": p * size, "gain": (p - bar) * size,
                    "gain_sqrt": (p - bar) * size ** 0.5, "kept": kept * 1.0, "kept_size": kept * size,
                    "strong": kept * (p >= 0.8), **{n: kept * cols[:, j] for j, n in enumerate(_COLS)},
                    **{f"all_{n}": cols[:, j] for j, n in enumerate(_COLS)}})
    total = float(run["mass"][-1]) or 1.0
    gains = [(_sum(run, "gain", lo, hi), _sum(run, "gain_sqrt", lo, hi)) for lo, hi in spans]
    top = [max(max(abs(g[j]) for g in gains), 1e-9) for j in (0, 1)]
    at = {name: j for j, name in enumerate(_COLS)}
    head = np.flatnonzero(cols[:, [at["headline"], at["date"], at["byline"]]].sum(axis=1) > 0)
    out = []
    for (lo, hi), (g1, g2) in zip(spans, gains, strict=True):
        n = _sum(run, "kept", lo, hi)
        pre = "" if n else "all_"  # no kept line: the span's lines stand for them
        n = n or float(hi - lo)
        inside = p[lo:hi][kept[lo:hi]] if pre == "" else p[lo:hi]
        kp = np.sort(inside)
        share = {name: _sum(run, pre + name, lo, hi) / n for name in _COLS}
        mass_in = _sum(run, "mass", lo, hi)
        above = head[: int(np.searchsorted(head, lo))]
        out.append([
            _sum(run, "p", lo, hi) / (hi - lo), mass_in / max(_sum(run, "size", lo, hi), 1.0), float(kp[0]),
            float(kp[int(n) // 4]), 1.0 - n / (hi - lo),
            (_sum(run, "strong", lo, hi) if pre == "" else float((kp >= 0.8).sum())) / n,
            math.log1p(_sum(run, "kept_size", lo, hi) if pre == "" else _sum(run, "size", lo, hi)), math.log1p(n),
            share["ends_sentence"], share["log_units"], share["list_item"], share["headline"], share["rule_short"],
            share["log_repeats"], lo / m, hi / m, mass_in / total, float(run["mass"][lo]) / total,
            (total - float(run["mass"][hi])) / total, g1 / top[0], g2 / top[1], float((lo, hi) == spans[0]),
            _overlap((lo, hi), spans[0]), math.log1p(lo - int(above[-1])) if len(above) else math.log1p(lo + 1.0),
            _sum(run, "all_date", max(lo - 5, 0), lo) > 0 and len(above) > 0,
            *_against_default((lo, hi), spans[0], run["mass"])])
    return [[float(v) for v in row] for row in out]


def _running(values: dict[str, Any]) -> dict[str, Any]:
    """Running sums (from 0) of each named array."""
    return {name: np.concatenate(([0.0], np.cumsum(v, dtype=float))) for name, v in values.items()}


def _sum(run: dict[str, Any], name: str, lo: int, hi: int) -> float:
    """The sum of ``name`` over [lo, hi) from its running sums."""
    return float(run[name][hi] - run[name][lo])


def _overlap(span: tuple[int, int], other: tuple[int, int]) -> float:
    """Lines in both spans over lines in either (as [lo, hi) ranges)."""
    return max(0, min(span[1], other[1]) - max(span[0], other[0])) / (max(span[1], other[1]) - min(span[0], other[0]))


def _against_default(span: tuple[int, int], default: tuple[int, int], before: Sequence[float]) -> list[float]:
    """How a candidate compares with the decode's own extent in probability mass (``before``: its running
    sum): the share of the default's mass it covers, the share of its own mass beyond the default, and
    the log ratio of the two masses."""
    (lo, hi), (d_lo, d_hi) = span, default
    own, dflt = float(before[hi] - before[lo]), float(before[d_hi] - before[d_lo])
    common = max(0.0, float(before[min(hi, d_hi)] - before[max(lo, d_lo)])) if min(hi, d_hi) > max(lo, d_lo) else 0.0
    return [common / max(dflt, 1e-9), (own - common) / max(own, 1e-9), math.log((own + 1.0) / (dflt + 1.0))]
