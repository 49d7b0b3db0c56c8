"""``dateline serve``: run the web app with uvicorn (loopback by default)."""

from __future__ import annotations

from ..errors import MissingExtraError


def serve(host: str = "127.0.0.1", port: int = 8000, writable: bool = False) -> None:
    """Serve the store at ``http://host:port/`` until interrupted.

    Raises:
        MissingExtraError: when the ``web`` extra is not installed.
    """
    try:
        import uvicorn

        from .app import create_app
    except ImportError as exc:
        raise MissingExtraError(exc.name or "fastapi", "web") from exc
    uvicorn.run(create_app(writable=writable), host=host, port=port, log_level="warning")
