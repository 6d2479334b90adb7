"""The FastAPI application: pages and their JSON twins over a read-only store.

Safety, because article text is untrusted and the server runs on an analyst's machine:
- every request opens the store read-only (accord.store.reader) and closes it again, so an
  ingest can write between requests; a store held by a writer gives a plain 503 page;
- only GET routes exist; static files come from one fixed directory (StaticFiles);
- Jinja2 autoescapes everything, JSON embedded in pages escapes <, > and &, and a
  Content-Security-Policy allows scripts from this server only (no inline script, no CDN);
- the Host header must name the address served (DNS rebinding cannot reach a loopback server).
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from markupsafe import Markup
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware

from .. import __version__
from ..errors import StoreError, StoreLocked

HERE = Path(__file__).parent
STATIC = HERE / "static"
VENDOR = STATIC / "vendor"
TEMPLATES = HERE / "templates"
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1", "[::1]")

CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}


def safe_json(data: Any) -> Markup:
    """JSON that can sit inside a <script type="application/json"> element: no character of it
    can close the element or start markup (<, >, & and the JS line separators are escaped)."""
    text = json.dumps(data, ensure_ascii=False, default=str, separators=(",", ":"))
    for ch, esc in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(ch, esc)
    return Markup(text)


def vendor_ready() -> bool:
    return (VENDOR / "echarts.min.js").is_file()


def create_app(db: str | Path, allowed_hosts: tuple[str, ...] | list[str] | None = LOOPBACK_HOSTS,
               read_wait_s: float = 3.0) -> FastAPI:
    """The web app over the store at `db`. `allowed_hosts=None` accepts any Host header;
    `read_wait_s` is how long a request waits for an ingest batch to release the store."""
    app = FastAPI(
        title="accord",
        version=__version__,
        description="Read-only JSON API over an accord store: PLOVER events, entities with their aliases "
                    "across languages and scripts, quotes, and the articles they come from (with offsets). "
                    "Every HTML page of the web view has a twin under /api.",
        docs_url=None, redoc_url=None,  # their HTML loads scripts from a CDN; /openapi.json stays
    )
    app.state.db = str(db)
    app.state.read_wait_s = read_wait_s
    templates = Jinja2Templates(directory=str(TEMPLATES))  # autoescape on for .html
    templates.env.filters["safe_json"] = safe_json
    templates.env.globals.update(version=__version__, vendor_ready=vendor_ready)
    app.state.templates = templates

    if allowed_hosts is not None:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(allowed_hosts))

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        for k, v in SECURITY_HEADERS.items():
            response.headers.setdefault(k, v)
        return response

    def wants_json(request: Request) -> bool:
        return request.url.path.startswith("/api/") or request.url.path == "/openapi.json"

    def error_page(request: Request, status: int, title: str, detail: str, extra: dict | None = None):
        if wants_json(request):
            return JSONResponse({"error": title, "detail": detail} | (extra or {}), status_code=status)
        return templates.TemplateResponse(request, "error.html", {"title": title, "detail": detail, "status": status,
                                                                  "db": app.state.db}, status_code=status)

    @app.exception_handler(StoreLocked)
    async def store_locked(request: Request, exc: StoreLocked):
        resp = error_page(request, 503, "The store is busy",
                          f"{exc.reason}. An ingest holds the store while it writes a batch; "
                          "reload this page in a few seconds.")
        resp.headers["Retry-After"] = "5"
        return resp

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError):
        return error_page(request, 500, "The store cannot be read", f"{exc.source}: {exc.reason}")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        titles = {404: "Not found", 405: "Method not allowed"}
        return error_page(request, exc.status_code, titles.get(exc.status_code, "Error"), str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def bad_params(request: Request, exc: RequestValidationError):
        problems = [{"param": ".".join(str(p) for p in e.get("loc", ())[1:]), "problem": e.get("msg")}
                    for e in exc.errors()]
        detail = "; ".join(f"{p['param']}: {p['problem']}" for p in problems)
        return error_page(request, 422, "Bad query parameter", detail, {"problems": problems})

    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")

    from .views import router

    app.include_router(router)
    return app
