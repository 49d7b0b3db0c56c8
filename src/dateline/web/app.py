"""URL -> view. Every page answers HTML, or JSON with a ``.json`` suffix or ``Accept: application/json``.

Errors have one shape everywhere: ``{"error": {"status": 404, "message": "..."}}`` (as JSON, or
rendered in the error page).
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from fastapi import FastAPI, HTTPException, Request, UploadFile
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from ..errors import DatelineError
from ..store import Store
from . import views

HERE = Path(__file__).parent
MAX_UPLOAD = 5 * 1024 * 1024


def wants_json(request: Request) -> bool:
    accept = request.headers.get("accept", "")
    return request.url.path.endswith(".json") or (
        "application/json" in accept and "text/html" not in accept)


def error_body(status: int, message: str) -> dict[str, Any]:
    return {"error": {"status": status, "message": message}}


def create_app(db_path: str | Path | None = None, writable: bool = False,
               max_upload: int = MAX_UPLOAD) -> FastAPI:
    """The web app over the store at ``db_path`` (read-only unless ``writable``)."""
    app = FastAPI(title="Dateline", version="0.1.0", docs_url=None, redoc_url=None,
                  description="Who said and did what to whom: every HTML page has this JSON twin.")
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    app.state.store = Store(db_path, readonly=not writable)
    app.state.writable = writable

    def respond(request: Request, template: str, data: dict[str, Any]) -> Response:
        if wants_json(request):
            return JSONResponse({k: v for k, v in data.items() if k not in ("html", "svg")})
        return templates.TemplateResponse(request, template, {**data, "writable": writable})

    def page(path: str, template: str) -> Callable[[Callable[..., dict[str, Any]]], Any]:
        """Register ``path`` and its ``path.json`` twin for a view returning a dict."""
        def register(view: Callable[..., dict[str, Any]]) -> Any:
            async def handler(request: Request, **kwargs: Any) -> Response:
                return respond(request, template, view(**kwargs))
            handler.__signature__ = _signature(view)  # type: ignore[attr-defined]
            handler.__name__ = view.__name__
            twin = "/index.json" if path == "/" else f"{path}.json"
            app.get(twin, summary=f"{view.__name__} (JSON)", response_class=JSONResponse)(handler)
            app.get(path, summary=view.__name__, response_class=HTMLResponse)(handler)
            return view
        return register

    @page("/", "home.html")
    def home() -> dict[str, Any]:
        return views.home(app.state.store)

    @page("/search", "search.html")
    def search(q: str = "", outlet: str = "", since: str = "", until: str = "", speaker: str = "",
               actor: str = "", type: str = "", modality: str = "") -> dict[str, Any]:
        return views.search(app.state.store, q, outlet, since, until, speaker, actor, type, modality)

    @page("/article/{article_id}", "article.html")
    def article(article_id: str) -> dict[str, Any]:
        return views.article(app.state.store, article_id)

    @app.get("/article/{article_id}/raw", response_class=PlainTextResponse, summary="raw page")
    def raw(article_id: str) -> PlainTextResponse:
        return PlainTextResponse(views.raw_page(app.state.store, article_id))

    @page("/actor/{name}", "actor.html")
    def actor(name: str) -> dict[str, Any]:
        return views.actor(app.state.store, name)

    @page("/timeline/{source}/{target}", "timeline.html")
    def pair_timeline(source: str, target: str) -> dict[str, Any]:
        return views.pair_timeline(app.state.store, source, target)

    @page("/stories", "stories.html")
    def stories() -> dict[str, Any]:
        return views.stories(app.state.store)

    @page("/failures", "failures.html")
    def failures() -> dict[str, Any]:
        return views.failures(app.state.store)

    @app.post("/ingest", summary="upload a page to ingest (only with --writable)")
    async def ingest(file: UploadFile) -> JSONResponse:
        if not writable:
            raise HTTPException(403, "the store is read-only; start with --writable to upload")
        data = await file.read(max_upload + 1)
        if len(data) > max_upload:
            raise HTTPException(413, f"upload larger than {max_upload} bytes")
        return JSONResponse(_ingest_upload(app.state.store, file.filename or "upload.txt", data))

    _error_handlers(app, templates)
    return app


def _signature(view: Callable[..., Any]) -> Any:
    import inspect

    sig = inspect.signature(view)
    request = inspect.Parameter("request", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=Request)
    return sig.replace(parameters=[request, *sig.parameters.values()])


def _ingest_upload(store: Store, filename: str, data: bytes) -> dict[str, Any]:
    from ..model import to_dict
    from ..runs import ingest

    name = Path(filename).name or "upload.txt"
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_bytes(data)
        report = ingest([path], store)
    return {"stored": report.stored, "duplicates": len(report.duplicates),
            "failures": [{**to_dict(f), "source": name} for f in report.failures]}


def _error_handlers(app: FastAPI, templates: Jinja2Templates) -> None:
    def render(request: Request, status: int, message: str) -> Response:
        if wants_json(request) or request.method != "GET":
            return JSONResponse(error_body(status, message), status_code=status)
        return templates.TemplateResponse(request, "error.html", error_body(status, message),
                                          status_code=status)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        return render(request, exc.status_code, str(exc.detail))

    @app.exception_handler(404)
    async def not_found(request: Request, exc: Exception) -> Response:
        return render(request, 404, getattr(exc, "detail", None) or "no such page")

    @app.exception_handler(views.NotFound)
    async def missing(request: Request, exc: views.NotFound) -> Response:
        return render(request, 404, str(exc))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        return render(request, 422, "; ".join(str(e.get("msg")) for e in exc.errors()))

    @app.exception_handler(DatelineError)
    async def domain(request: Request, exc: DatelineError) -> Response:
        return render(request, 400, str(exc))
