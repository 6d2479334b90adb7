"""Routes: each page (HTML) and its JSON twin under /api, sharing one query per page.

The queries are the store's (accord.store.network, event_list, article, entity, search): the
store is the only code that speaks SQL; this module validates parameters and renders.

Query parameters are validated (length, pattern, range) before any SQL runs; a bad one gives
422 with the parameter named. Path ids (documents, entities) must match a strict pattern, or
the answer is 404 like for any unknown id.
"""
from __future__ import annotations

import re
from typing import Annotated, Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse

from ..store.article import article as store_article
from ..store.db import reader
from ..store.entity import entity as store_entity
from ..store.event_filter import EventFilter, is_country, node_label
from ..store.event_list import events as store_events
from ..store.event_list import timeline as store_timeline
from ..store.network import choices, network, top_actors
from ..store.overview import overview
from ..store.schema import QUAD_CLASS, QUAD_NAME
from ..store.search import search as store_search
from .highlight import article_marks, render
from .layout import lay_out

router = APIRouter()

DOC_ID = re.compile(r"^[0-9a-f]{8,64}$")
ENTITY_ID = re.compile(r"^[\w:@.\-]{1,200}$")  # no slash, so no path can be formed from it
NODE = r"^([\w:@.\-]{1,200})?$"
TYPES = r"^([A-Za-z]{1,12}(,[A-Za-z]{1,12}){0,20})?$"
CONTEXT = r"^([\w\- ]{1,50})?$"
LANG = r"^([a-z]{2,3}(-[A-Za-z]{2,8})?)?$"
DATE = r"^(\d{4}(-\d{2}(-\d{2})?)?)?$"


def _blank(v: str | None) -> str | None:
    return v.strip() if v and v.strip() else None


def event_filter(
    a: Annotated[str | None, Query(max_length=200, pattern=NODE, description="node: ISO alpha-3 country or entity id")] = None,
    b: Annotated[str | None, Query(max_length=200, pattern=NODE, description="the other node of a dyad")] = None,
    directed: Annotated[bool, Query(description="a is the source and b the target")] = False,
    actor: Annotated[str | None, Query(max_length=200, pattern=NODE, description="node on either side")] = None,
    type: Annotated[str | None, Query(max_length=260, pattern=TYPES, description="PLOVER types, comma-separated")] = None,
    quad: Annotated[int | None, Query(ge=1, le=4, description="quad class 1-4")] = None,
    context: Annotated[str | None, Query(max_length=50, pattern=CONTEXT)] = None,
    lang: Annotated[str | None, Query(max_length=12, pattern=LANG, description="article language")] = None,
    since: Annotated[str | None, Query(max_length=10, pattern=DATE, description="YYYY, YYYY-MM or YYYY-MM-DD")] = None,
    until: Annotated[str | None, Query(max_length=10, pattern=DATE)] = None,
    doc: Annotated[str | None, Query(max_length=64, pattern=r"^([0-9a-f]{8,64})?$", description="document id")] = None,
) -> EventFilter:
    types = tuple(t.strip().upper() for t in (type or "").split(",") if t.strip())
    return EventFilter(a=_blank(a), b=_blank(b), directed=directed, actor=_blank(actor), types=types, quad=quad,
                               context=_blank(context), lang=_blank(lang), since=_blank(since), until=_blank(until),
                               doc_id=_blank(doc))


Filter = Annotated[EventFilter, Depends(event_filter)]
Level = Annotated[str, Query(pattern=r"^(country|actor)$", description="network nodes: countries first, or actors first")]
MaxNodes = Annotated[int, Query(ge=2, le=200, description="largest number of nodes drawn")]
Limit = Annotated[int, Query(ge=1, le=1000)]
Offset = Annotated[int, Query(ge=0, le=1_000_000)]
SearchQ = Annotated[str, Query(min_length=1, max_length=200, description="text in any language or script")]


def _db(request: Request):
    return reader(request.app.state.db, wait_s=request.app.state.read_wait_s)


def _page(request: Request, template: str, context: dict[str, Any], api: str) -> HTMLResponse:
    """Render a page; `api` is the URL of its JSON twin, linked in the footer."""
    qs = request.url.query
    context = context | {"api_url": api + (f"?{qs}" if qs else ""), "db": request.app.state.db,
                         "quad_names": QUAD_NAME, "quad_of": QUAD_CLASS, "qs": _qs, "entity_url": entity_url,
                         "node_url": node_url, "request_path": request.url.path}
    return request.app.state.templates.TemplateResponse(request, template, context)


def _qs(params: dict[str, Any], **extra: Any) -> str:
    """A query string from filter params plus overrides (None removes a key)."""
    merged = {k: v for k, v in (params | extra).items() if v not in (None, "", False)}
    return urlencode(merged)


def entity_url(entity_id: str | None) -> str | None:
    return f"/entity/{quote(entity_id, safe=':@')}" if entity_id else None


def node_url(node: str | None) -> str | None:
    """A node links to its entity page, a country to its events."""
    if not node:
        return None
    if is_country(node):
        return "/events?" + urlencode({"actor": node})
    return entity_url(node)


def _one_or_404(request: Request, key: str, pattern: re.Pattern, fetch, what: str) -> dict[str, Any]:
    """One document or entity by id: 404 for an id of the wrong shape (before any SQL) or unknown."""
    row = None
    if pattern.match(key):
        with _db(request) as con:
            row = fetch(con, key)
    if row is None:
        raise HTTPException(404, f"no such {what}")
    return row


# --- overview -----------------------------------------------------------------------------------

def _overview_data(request: Request, f: EventFilter, level: str, nodes: int) -> dict[str, Any]:
    """Every block answers for the same filter (accord.store.overview says what each counts)."""
    with _db(request) as con:
        data = overview(con, f)
        data["choices"] = choices(con)
        data["network"] = lay_out(network(con, f, level=level, max_nodes=nodes))
    data["filter"] = f.params()
    return data


@router.get("/", response_class=HTMLResponse, include_in_schema=False)
def overview_page(request: Request, f: Filter, level: Level = "country", nodes: MaxNodes = 40):
    data = _overview_data(request, f, level, nodes)
    return _page(request, "overview.html", {"data": data, "f": f, "level": level, "nodes": nodes}, "/api/overview")


@router.get("/api/overview", tags=["overview"],
            summary="Counts, languages, event types, top entities, speakers and dyads, and the event network, all under the same filters")
def overview_api(request: Request, f: Filter, level: Level = "country", nodes: MaxNodes = 40) -> dict[str, Any]:
    return _overview_data(request, f, level, nodes)


@router.get("/api/network", tags=["overview"], summary="Nodes (with fixed x, y) and directed edges (per quad class) weighted by events")
def network_api(request: Request, f: Filter, level: Level = "country", nodes: MaxNodes = 40) -> dict[str, Any]:
    with _db(request) as con:
        return lay_out(network(con, f, level=level, max_nodes=nodes)) | {"filter": f.params()}


# --- events -------------------------------------------------------------------------------------

def _events_data(request: Request, f: EventFilter, limit: int, offset: int) -> dict[str, Any]:
    with _db(request) as con:
        data = store_events(con, f, limit=limit, offset=offset)
        data["labels"] = {k: node_label(con, getattr(f, k)) for k in ("a", "b", "actor")}
        data["choices"] = choices(con)
    data["filter"] = f.params()
    return data


@router.get("/events", response_class=HTMLResponse, include_in_schema=False)
def events_page(request: Request, f: Filter, limit: Limit = 100, offset: Offset = 0):
    data = _events_data(request, f, limit, offset)
    return _page(request, "events.html", {"data": data, "f": f}, "/api/events")


@router.get("/api/events", tags=["events"], summary="Events matching the filters, newest first")
def events_api(request: Request, f: Filter, limit: Limit = 100, offset: Offset = 0) -> dict[str, Any]:
    return _events_data(request, f, limit, offset)


# --- timeline -----------------------------------------------------------------------------------

def _timeline_data(request: Request, f: EventFilter) -> dict[str, Any]:
    with _db(request) as con:
        data = store_timeline(con, f)
        data["actors"] = top_actors(con)
        data["labels"] = {k: node_label(con, getattr(f, k)) for k in ("a", "b", "actor")}
    data["filter"] = f.params()
    return data


@router.get("/timeline", response_class=HTMLResponse, include_in_schema=False)
def timeline_page(request: Request, f: Filter):
    return _page(request, "timeline.html", {"data": _timeline_data(request, f), "f": f}, "/api/timeline")


@router.get("/api/timeline", tags=["timeline"], summary="Events per month, stacked by PLOVER type")
def timeline_api(request: Request, f: Filter) -> dict[str, Any]:
    return _timeline_data(request, f)


# --- article ------------------------------------------------------------------------------------

def _article(request: Request, doc_id: str) -> dict[str, Any]:
    return _one_or_404(request, doc_id, DOC_ID, store_article, "document")


@router.get("/article/{doc_id}", response_class=HTMLResponse, include_in_schema=False)
def article_page(request: Request, doc_id: str):
    doc = _article(request, doc_id)
    html = render(doc["text"] or "", article_marks(doc))
    return _page(request, "article.html", {"doc": doc, "html": html}, f"/api/article/{doc_id}")


@router.get("/api/article/{doc_id}", tags=["articles"],
            summary="An article's text with its body spans, mentions, quotes, events and dates (offsets into text)")
def article_api(request: Request, doc_id: str) -> dict[str, Any]:
    return _article(request, doc_id)


# --- entity -------------------------------------------------------------------------------------

def _entity(request: Request, entity_id: str) -> dict[str, Any]:
    return _one_or_404(request, entity_id, ENTITY_ID, store_entity, "entity")


@router.get("/entity/{entity_id}", response_class=HTMLResponse, include_in_schema=False)
def entity_page(request: Request, entity_id: str):
    ent = _entity(request, entity_id)
    return _page(request, "entity.html", {"ent": ent}, f"/api/entity/{quote(entity_id, safe=':@')}")


@router.get("/api/entity/{entity_id}", tags=["entities"],
            summary="An entity: canonical name, aliases in every language and script, articles, quotes, events")
def entity_api(request: Request, entity_id: str) -> dict[str, Any]:
    return _entity(request, entity_id)


# --- search -------------------------------------------------------------------------------------

def _search(request: Request, q: str, limit: int) -> dict[str, Any]:
    with _db(request) as con:
        return store_search(con, q, limit=limit)


@router.get("/search", response_class=HTMLResponse, include_in_schema=False)
def search_page(request: Request, q: Annotated[str | None, Query(max_length=200)] = None, limit: Limit = 50):
    q = (q or "").strip()
    data = _search(request, q, limit) if q else None
    return _page(request, "search.html", {"data": data, "q": q}, "/api/search")


@router.get("/api/search", tags=["search"],
            summary="Entities (any alias, any script), quotes and articles matching q; 'Vulin' finds 'Вулин'")
def search_api(request: Request, q: SearchQ, limit: Limit = 50) -> dict[str, Any]:
    return _search(request, q.strip(), limit)
