"""The embedded store: one SQLite file (WAL, FTS5) under the data directory."""

from .db import Store, default_path

__all__ = ["Store", "default_path"]
