"""What the web view's overview counts under its filters: every block of the page (the summary
cards, languages, event types, top dyads, most mentioned entities, top speakers) answers for
the same scope as the network beside it.

The scope of a filter:
- events: the events the filter matches (`event_filter.where_events`, as the network and the
  events list use it);
- articles: those of the filter's language and document, and, when the filter names anything
  about events (actor, dyad, type, quad class, context, dates), only those holding at least one
  matching event;
- mentions, entities, quotes, speakers and dates: those of the articles in scope (an entity
  counts when an article in scope mentions it).

With no filter the scope is the whole store, and the counts are the tables' own (an entity row
counts even if no mention points at it), as `accord summary` prints them.

Why a module of the store: these are SQL aggregations, and the store is the only code that
speaks SQL.
"""
from __future__ import annotations

from typing import Any

from .event_filter import EventFilter, country_name, one, where_events
from .query import Where
from .query import dicts as _dicts
from .schema import QUAD_NAME

EVENTS = "events e JOIN documents d USING (doc_id)"


def is_filtered(f: EventFilter) -> bool:
    return bool(f.params())


def _names_events(f: EventFilter) -> bool:
    """Whether the filter says anything about the events themselves (not only the article)."""
    return bool(f.a or f.b or f.actor or f.types or f.quad or f.context or f.since or f.until)


def doc_scope(f: EventFilter) -> tuple[str, list[Any]]:
    """SELECT of the doc_ids in scope of a filter, with its arguments."""
    w = Where()
    if f.lang:
        w.add("d.lang = ?", f.lang)
    if f.doc_id:
        w.add("d.doc_id = ?", f.doc_id)
    if _names_events(f):
        ev_where, ev_args = where_events(f)
        w.add(f"d.doc_id IN (SELECT e.doc_id FROM {EVENTS} WHERE {ev_where})", *ev_args)
    return f"SELECT d.doc_id FROM documents d WHERE {w.expr()}", w.args


def overview(con, f: EventFilter | None = None, top: int = 10) -> dict[str, Any]:
    """Every count of the overview page, for the scope of `f` (the whole store without one)."""
    f = f or EventFilter()
    filtered = is_filtered(f)
    scope, sargs = doc_scope(f)
    ev_where, ev_args = where_events(f)
    in_scope = f"doc_id IN ({scope})"

    def count(sql: str, args: list[Any]) -> int:
        return one(con, sql, args) or 0

    s: dict[str, Any] = {"filtered": filtered}
    s["documents"] = count(f"SELECT count(*) FROM ({scope})", sargs)
    s["languages"] = _dicts(con.execute(
        f"SELECT lang, script, count(*) AS documents FROM documents WHERE {in_scope} "
        "GROUP BY ALL ORDER BY documents DESC, lang, script", sargs))
    s["entities"] = (count(f"SELECT count(DISTINCT entity_id) FROM mentions WHERE {in_scope}", sargs) if filtered
                     else count("SELECT count(*) FROM entities", []))
    s["mentions"] = count(f"SELECT count(*) FROM mentions WHERE {in_scope}", sargs)
    s["dates"] = count(f"SELECT count(*) FROM dates WHERE {in_scope}", sargs)
    s["quotes"] = count(f"SELECT count(*) FROM quotes WHERE {in_scope}", sargs)
    s["quotes_with_speaker"] = count(f"SELECT count(*) FROM quotes WHERE speaker IS NOT NULL AND {in_scope}", sargs)
    s["top_entities"] = _dicts(con.execute(
        "SELECT en.id, en.name, en.type, en.country, en.sector, en.kb, count(*) AS mentions, "
        "count(DISTINCT m.doc_id) AS docs, "
        "(SELECT list(DISTINCT a.alias ORDER BY a.alias) FROM aliases a WHERE a.entity_id = en.id) AS aliases "
        f"FROM mentions m JOIN entities en ON en.id = m.entity_id WHERE m.{in_scope} "
        f"GROUP BY ALL ORDER BY docs DESC, mentions DESC, en.name, en.id LIMIT {int(top)}", sargs))
    s["top_speakers"] = _dicts(con.execute(
        "SELECT q.speaker, en.name, count(*) AS quotes FROM quotes q LEFT JOIN entities en ON en.id = q.speaker "
        f"WHERE q.speaker IS NOT NULL AND q.{in_scope} "
        f"GROUP BY ALL ORDER BY quotes DESC, en.name, q.speaker LIMIT {int(top)}", sargs))
    s["events"] = count(f"SELECT count(*) FROM {EVENTS} WHERE {ev_where}", ev_args)
    s["events_by_quad"] = _dicts(con.execute(
        f"SELECT e.quad_class, count(*) AS events FROM {EVENTS} WHERE {ev_where} AND e.quad_class IS NOT NULL "
        "GROUP BY ALL ORDER BY e.quad_class", ev_args))
    for row in s["events_by_quad"]:
        row["name"] = QUAD_NAME.get(row["quad_class"])
    s["event_types"] = _dicts(con.execute(
        f"SELECT e.type, count(*) AS events FROM {EVENTS} WHERE {ev_where} GROUP BY e.type ORDER BY events DESC, e.type",
        ev_args))
    s["top_dyads"] = _dicts(con.execute(
        "SELECT least(e.source_country, e.target_country) AS country_a, "
        "greatest(e.source_country, e.target_country) AS country_b, count(*) AS events "
        f"FROM {EVENTS} WHERE {ev_where} AND e.source_country IS NOT NULL AND e.target_country IS NOT NULL "
        f"AND e.source_country <> e.target_country GROUP BY ALL ORDER BY events DESC, country_a, country_b "
        f"LIMIT {int(top)}", ev_args))
    for row in s["top_dyads"]:
        row["name_a"], row["name_b"] = country_name(row["country_a"]), country_name(row["country_b"])
    return s
