"""Dateline: raw news pages to a time-ordered, evidence-backed record of who said and did what.

The public API is small: the data model, the errors, and the functions that run the stages.
"""

import logging

from .errors import ConfigError, DatelineError, InputError, MissingExtraError, StoreError
from .model import (
    Actor,
    Article,
    Event,
    Failure,
    Mention,
    Page,
    Quote,
    Sentence,
    Story,
    TimeExpression,
)

__all__ = [
    "Actor", "Article", "ConfigError", "DatelineError", "Event", "Failure", "InputError",
    "Mention", "MissingExtraError", "Page", "Quote", "Sentence", "Story", "StoreError",
    "TimeExpression",
]
__version__ = "0.1.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())
