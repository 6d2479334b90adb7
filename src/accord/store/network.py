"""What the web view's overview page answers about the network: the values its filter controls
offer, and the event network (nodes, directed edges per quad class, dyads); the page's counts
under the same filter are `overview`'s.

Why a module of the store: these are SQL aggregations, and the store is the only code that
speaks SQL; the web package renders what these functions return (and /api returns it as JSON).
"""
from __future__ import annotations

from typing import Any

from .event_filter import NODE_SQL, PLOVER_TYPES, EventFilter, country_name, is_country, node_label, where_events
from .query import EVENT_DATE
from .query import dicts as _dicts
from .schema import QUAD_NAME


def choices(con) -> dict[str, Any]:
    """Values the filter controls offer: event types, contexts, languages, the date range."""
    lo, hi = con.execute(
        f"SELECT min({EVENT_DATE}), max({EVENT_DATE}) FROM events e JOIN documents d USING (doc_id)").fetchall()[0]
    return {
        "types": list(PLOVER_TYPES),
        "contexts": [r[0] for r in con.execute(
            "SELECT c, count(*) n FROM (SELECT UNNEST(contexts) AS c FROM events) WHERE c IS NOT NULL "
            "GROUP BY c ORDER BY n DESC, c").fetchall()],
        "langs": [r[0] for r in con.execute(
            "SELECT lang FROM documents WHERE lang IS NOT NULL GROUP BY lang ORDER BY count(*) DESC, lang").fetchall()],
        "first_date": lo,
        "last_date": hi,
    }


def network(con, f: EventFilter, level: str = "country", max_nodes: int = 40) -> dict[str, Any]:
    """Nodes (countries, or actors without a country) and directed edges per quad class,
    weighted by the number of events; self-loops (an actor acting on its own country) are left out."""
    a_sql, b_sql = NODE_SQL[level]
    where, args = where_events(f)
    rows = con.execute(
        f"SELECT {a_sql} AS a, {b_sql} AS b, e.quad_class AS quad, e.type AS type, count(*) AS n "
        f"FROM events e JOIN documents d USING (doc_id) WHERE {where} "
        f"AND {a_sql} IS NOT NULL AND {b_sql} IS NOT NULL AND {a_sql} <> {b_sql} "
        "GROUP BY ALL", args).fetchall()
    weight: dict[str, int] = {}
    for a, b, _, _, n in rows:
        weight[a] = weight.get(a, 0) + n
        weight[b] = weight.get(b, 0) + n
    keep = set(sorted(weight, key=lambda k: (-weight[k], k))[:max_nodes])
    edges: dict[tuple[str, str, int], dict[str, Any]] = {}
    for a, b, quad, etype, n in rows:
        if a not in keep or b not in keep:
            continue
        edge = edges.setdefault((a, b, quad), {"source": a, "target": b, "quad": quad,
                                                "quad_name": QUAD_NAME.get(quad), "events": 0, "types": {}})
        edge["events"] += n
        edge["types"][etype] = edge["types"].get(etype, 0) + n
    info = _node_info(con, [k for k in keep if not is_country(k)])
    nodes = []
    for k in sorted(keep, key=lambda k: (-weight[k], k)):
        if is_country(k):
            nodes.append({"id": k, "name": country_name(k), "kind": "country", "country": k, "sector": None,
                          "events": weight[k]})
        else:
            e = info.get(k, {})
            nodes.append({"id": k, "name": e.get("name") or k, "kind": (e.get("type") or "actor").upper(),
                          "country": e.get("country"), "sector": e.get("sector"), "events": weight[k]})
    edge_list = sorted(edges.values(), key=lambda e: (-e["events"], e["source"], e["target"], e["quad"] or 0))
    return {"level": level, "nodes": nodes, "edges": edge_list, "dyads": _dyads(edge_list, nodes),
            "events": sum(e["events"] for e in edge_list), "quads": QUAD_NAME}


def _dyads(edges: list[dict[str, Any]], nodes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Directed pairs with their events per quad class, most events first."""
    names = {n["id"]: n["name"] for n in nodes}
    pairs: dict[tuple[str, str], dict[str, Any]] = {}
    for e in edges:
        d = pairs.setdefault((e["source"], e["target"]), {
            "source": e["source"], "target": e["target"], "source_name": names.get(e["source"]),
            "target_name": names.get(e["target"]), "events": 0, "quads": {}})
        d["events"] += e["events"]
        d["quads"][e["quad"] or 0] = d["quads"].get(e["quad"] or 0, 0) + e["events"]
    return sorted(pairs.values(), key=lambda d: (-d["events"], d["source"], d["target"]))


def _node_info(con, ids: list[str]) -> dict[str, dict[str, Any]]:
    if not ids:
        return {}
    return {r["id"]: r for r in _dicts(con.execute(
        "SELECT id, name, type, country, sector FROM entities WHERE id IN (SELECT UNNEST(?))", [ids]))}


def top_actors(con, limit: int = 30) -> list[dict[str, Any]]:
    """The nodes with most events, for the timeline's chooser."""
    a_sql, b_sql = NODE_SQL["country"]
    rows = con.execute(
        f"SELECT node, count(*) n FROM (SELECT {a_sql} AS node FROM events e UNION ALL SELECT {b_sql} FROM events e) "
        f"WHERE node IS NOT NULL GROUP BY node ORDER BY n DESC, node LIMIT {int(limit)}").fetchall()
    return [{"id": k, "name": node_label(con, k), "events": n} for k, n in rows]
