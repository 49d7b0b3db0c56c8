"""Language identification with py3langid (its model ships inside the package)."""

from __future__ import annotations

import functools
from typing import Any


@functools.cache
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str, min_chars: int = 20, min_prob: float = 0.5) -> str | None:
    """ISO 639-1 code of ``text``'s language; None for too little text or an unsure answer."""
    sample = text[:4000].strip()
    if len(sample) < min_chars:
        return None
    lang, prob = _identifier().classify(sample)
    return str(lang) if prob >= min_prob else None
