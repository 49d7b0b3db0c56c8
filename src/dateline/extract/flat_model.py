"""A small learned line classifier for the flattened-text cleaner.

Cheap features of each line and its neighbours (length, sentence shape, stop words, list and
chrome patterns, script, position, the rule classes of :mod:`dateline.extract.flat`) feed a
logistic regression. ``scripts/train_flat.py`` fits it and writes ``data/flat_model.json`` (a few
hundred bytes); inference is a dot product in pure Python.
"""

from __future__ import annotations

import functools
import json
import math
import re
from collections.abc import Sequence
from importlib import resources
from typing import Any

FEATURES = ["bias", "log_units", "ends_sentence", "stop_density", "list_item", "chrome", "other_script",
            "headline", "digit_ratio", "position", "separators", "rule_good", "rule_near",
            "prev_good", "next_good", "prev2_good", "next2_good", "prev_chrome", "next_chrome",
            "log_chars", "url_or_at", "caps_ratio", "units_ge_12_and_ends", "in_rule_run"]

_SEP = re.compile(r"[|/·•>»«©]")
_DIGIT = re.compile(r"\d")
_CAP = re.compile(r"\b[A-Z]")
_WORDS = re.compile(r"\w+")


@functools.cache
def load() -> dict[str, Any] | None:
    """The shipped model, or None when none was trained."""
    try:
        text = resources.files("dateline.data").joinpath("flat_model.json").read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    return json.loads(text)  # type: ignore[no-any-return]


def features(lines: Sequence[str], first: Sequence[tuple[str, str]], in_run: Sequence[bool],
             units: Sequence[int], density: Sequence[float], ends: Sequence[bool]) -> list[list[float]]:
    """One feature vector per line (blank lines get zeros; they are never kept)."""
    n = len(lines)
    good = [c == "good" for c, _ in first]
    chrome = [c == "chrome" for c, _ in first]

    def near(i: int, step: int, flags: Sequence[bool]) -> float:
        j = i + step
        while 0 <= j < n and not lines[j].strip():
            j += step
        return float(flags[j]) if 0 <= j < n else 0.0

    out = []
    for i, line in enumerate(lines):
        s = line.strip()
        if not s:
            out.append([0.0] * len(FEATURES))
            continue
        words = _WORDS.findall(s)
        chars = max(len(s), 1)
        reason = first[i][1]
        out.append([
            1.0, math.log1p(units[i]), float(ends[i]), density[i],
            float(s.startswith(("- ", "• ", "* "))), float(chrome[i]), float(reason.startswith("script")),
            float(reason == "headline-like"), len(_DIGIT.findall(s)) / chars, i / max(n - 1, 1),
            len(_SEP.findall(s)) / chars, float(good[i]), float(first[i][0] == "near"),
            near(i, -1, good), near(i, 1, good), near(i, -2, good), near(i, 2, good),
            near(i, -1, chrome), near(i, 1, chrome), math.log1p(chars),
            float("http" in s or "@" in s), len(_CAP.findall(s)) / max(len(words), 1),
            float(units[i] >= 12 and ends[i]), float(in_run[i])])
    return out


def probabilities(rows: list[list[float]], weights: Sequence[float]) -> list[float]:
    out = []
    for row in rows:
        z = sum(w * x for w, x in zip(weights, row, strict=True))
        out.append(1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z)))))
    return out
