"""Dateline's errors. The library raises these; the CLI and web app turn them into messages.

::

    DatelineError                 anything Dateline itself reports
    ├── InputError                a file or record that cannot be read (names the source)
    ├── ConfigError               a bad setting, an unknown registry name, a missing model
    ├── StoreError                the SQLite store cannot be opened or written
    └── MissingExtraError         an optional dependency is not installed ('dateline[x]')
"""

from __future__ import annotations


class DatelineError(Exception):
    """Base class of every error Dateline raises on purpose."""


class InputError(DatelineError):
    """An input that cannot be used: carries the source and the reason.

    Args:
        source: the file path, ``path#line`` or URL.
        reason: a short machine-friendly reason (``empty``, ``binary``, ``too-large`` ...).
        detail: a human sentence with more context.
    """

    def __init__(self, source: str, reason: str, detail: str | None = None) -> None:
        self.source = source
        self.reason = reason
        self.detail = detail
        super().__init__(f"{source}: {reason}" + (f" ({detail})" if detail else ""))


class ConfigError(DatelineError):
    """A setting, name or model that Dateline cannot use."""


class StoreError(DatelineError):
    """The store cannot be opened, migrated or written."""


class MissingExtraError(DatelineError):
    """An optional dependency is missing.

    Args:
        module: the module that failed to import.
        extra: the ``dateline[extra]`` that installs it.
    """

    def __init__(self, module: str, extra: str) -> None:
        self.module = module
        self.extra = extra
        super().__init__(f"{module} is not installed: pip install 'dateline[{extra}]'")
