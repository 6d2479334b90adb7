"""The filter shared by the web view's network, events list and timeline, as SQL.

Why here: the store is the only code that speaks SQL, so the filter the web view builds from
its query parameters is turned into a WHERE clause in the store, not in the web package.

A network node is a country (ISO 3166 alpha-3) when the event actor has one, otherwise the
actor entity itself (`level="country"`); `level="actor"` prefers the entity, except that a
country's own entity (`country:SRB`) is the country's node (`SRB`), never a second one. Node ids are
therefore either three capital letters or an entity id (which always contains a colon), and
the filter accepts either as `a`, `b` or `actor`.
"""
from __future__ import annotations

import dataclasses
from functools import lru_cache
from typing import Any

from .query import Where
from .schema import QUAD_CLASS

# The knowledge base names a country's own entity `country:` + its ISO alpha-3 code (type LOC,
# country = that code): as an actor, that entity IS the country, so it is the country's node.
COUNTRY_ENTITY = "country:"


def _actor_node(side: str) -> str:
    """The actor-level node of one side of an event: its entity, except that the country's own
    entity and an actor known only by its country are both the country node (one node per country)."""
    ent, cc = f"e.{side}_entity", f"e.{side}_country"
    return (f"(CASE WHEN {ent} LIKE '{COUNTRY_ENTITY}%' THEN COALESCE({cc}, substr({ent}, {len(COUNTRY_ENTITY) + 1})) "
            f"ELSE COALESCE({ent}, {cc}) END)")


# the node an actor side of an event belongs to, per network level
NODE_SQL = {
    "country": ("COALESCE(e.source_country, e.source_entity)", "COALESCE(e.target_country, e.target_entity)"),
    "actor": (_actor_node("source"), _actor_node("target")),
}
PLOVER_TYPES = tuple(QUAD_CLASS)


def one(con, sql: str, args: list | None = None):
    """The first column of the first row, or None."""
    rows = con.execute(sql, args or []).fetchall()
    return rows[0][0] if rows else None


@lru_cache(maxsize=512)
def country_name(code: str | None) -> str | None:
    """'SRB' -> 'Serbia', 'RUS' -> 'Russia': CLDR's short English name (babel) of the ISO code;
    unknown codes are shown as they are."""
    if not code:
        return None
    try:
        import pycountry
        from babel import Locale

        alpha2 = {"XKX": "XK"}.get(code) or getattr(pycountry.countries.get(alpha_3=code), "alpha_2", None)
        from ..lang import DISPLAY

        name = Locale(DISPLAY).territories.get(alpha2) if alpha2 else None
    except (ImportError, LookupError, KeyError):
        name = None
    return name or code


def is_country(node: str) -> bool:
    return len(node) == 3 and node.isalpha() and node.isupper()


@dataclasses.dataclass(frozen=True)
class EventFilter:
    """The filters shared by the network, the events list and the timeline."""

    a: str | None = None  # node on one side (source when directed)
    b: str | None = None  # node on the other side (target when directed)
    directed: bool = False
    actor: str | None = None  # node on either side
    types: tuple[str, ...] = ()
    quad: int | None = None
    context: str | None = None
    lang: str | None = None
    since: str | None = None
    until: str | None = None
    doc_id: str | None = None

    def params(self) -> dict[str, Any]:
        """The filter as URL query parameters (for links between pages)."""
        out: dict[str, Any] = {}
        for f in dataclasses.fields(self):
            v = getattr(self, f.name)
            if f.name == "types":
                if v:
                    out["type"] = ",".join(v)
            elif f.name == "directed":
                if v:
                    out["directed"] = "true"
            elif f.name == "doc_id":
                if v:
                    out["doc"] = v
            elif v not in (None, ""):
                out[f.name] = v
        return out


def _side(col_country: str, col_entity: str) -> str:
    return f"({col_country} = ? OR {col_entity} = ?)"


def where_events(f: EventFilter) -> tuple[str, list[Any]]:
    """SQL WHERE clause (over `events e JOIN documents d`) for a filter, with its arguments."""
    w = Where()
    src = _side("e.source_country", "e.source_entity")
    tgt = _side("e.target_country", "e.target_entity")
    if f.a and f.b:
        if f.directed:
            w.add(f"({src} AND {tgt})", f.a, f.a, f.b, f.b)
        else:
            w.add(f"(({src} AND {tgt}) OR ({src} AND {tgt}))", f.a, f.a, f.b, f.b, f.b, f.b, f.a, f.a)
    elif f.a or f.b:
        node = f.a or f.b
        w.add(f"({src} OR {tgt})", *[node] * 4)
    if f.actor:
        w.add(f"({src} OR {tgt})", *[f.actor] * 4)
    if f.types:
        w.add("e.type IN (SELECT UNNEST(?))", list(f.types))
    if f.quad:
        w.add("e.quad_class = ?", int(f.quad))
    if f.context:
        w.add("list_contains(e.contexts, ?)", f.context)
    if f.lang:
        w.add("d.lang = ?", f.lang)
    w.date_bounds(f.since, f.until)
    if f.doc_id:
        w.add("e.doc_id = ?", f.doc_id)
    return w.expr(), w.args


def node_label(con, node: str | None) -> str | None:
    """How a node id is shown: a country name, or the entity's canonical name."""
    if not node:
        return None
    if is_country(node):
        return country_name(node)
    return one(con, "SELECT name FROM entities WHERE id = ?", [node]) or node
