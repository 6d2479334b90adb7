"""What the web view's events page and timeline answer: the events matching a filter (newest
first, with their article and actors' names) and their count per month and PLOVER type.

Why a module of the store: these are SQL over events joined with documents and entities, and
the store is the only code that speaks SQL.
"""
from __future__ import annotations

import re
from typing import Any

from .actor_name import name_actors
from .event_filter import PLOVER_TYPES, EventFilter, country_name, one, where_events
from .query import EVENT_DATE
from .query import dicts as _dicts
from .schema import QUAD_CLASS, QUAD_NAME


def events(con, f: EventFilter, limit: int = 100, offset: int = 0) -> dict[str, Any]:
    """Events matching a filter, newest first, with the article and the actors' names."""
    where, args = where_events(f)
    total = one(con, f"SELECT count(*) FROM events e JOIN documents d USING (doc_id) WHERE {where}", args)
    rows = _dicts(con.execute(
        f"SELECT e.id, e.doc_id, e.type, e.mode, e.quad_class, e.source_entity, e.source_country, e.source_sector, "
        "e.source_text, e.target_entity, e.target_country, e.target_sector, e.target_text, e.contexts, "
        f"e.date, e.date_precision, {EVENT_DATE} AS event_date, e.location, le.name AS location_name, "
        "e.sentence_start, e.sentence_end, e.sentence_text, e.trigger_start, e.trigger_end, e.trigger_text, "
        "e.confidence, e.negated, e.future, d.title AS doc_title, d.lang AS doc_lang, d.outlet AS doc_outlet, "
        "se.name AS source_name, te.name AS target_name "
        "FROM events e JOIN documents d USING (doc_id) "
        "LEFT JOIN entities se ON se.id = e.source_entity LEFT JOIN entities te ON te.id = e.target_entity "
        "LEFT JOIN entities le ON le.id = e.location "
        f"WHERE {where} ORDER BY event_date DESC NULLS LAST, e.doc_id, e.sentence_start, e.id "
        f"LIMIT {int(limit)} OFFSET {int(offset)}", args))
    for r in name_actors(rows):
        r["quad_name"] = QUAD_NAME.get(r["quad_class"])
        r["source_country_name"] = country_name(r["source_country"])
        r["target_country_name"] = country_name(r["target_country"])
    return {"total": total, "limit": limit, "offset": offset, "events": rows}


def timeline(con, f: EventFilter) -> dict[str, Any]:
    """Events per month and type (an event without a date takes its article's date);
    events dated only to a year, or to no real month (a store may hold 0000-00-00 or full-width
    digits from before dates were checked on reading), are counted apart, never a failure."""
    where, args = where_events(f)
    rows = con.execute(
        f"SELECT left({EVENT_DATE}, 7) AS month, e.type, count(*) FROM events e JOIN documents d USING (doc_id) "
        f"WHERE {where} AND length({EVENT_DATE}) >= 7 GROUP BY ALL ORDER BY month", args).fetchall()
    undated = one(con, f"SELECT count(*) FROM events e JOIN documents d USING (doc_id) WHERE {where} "
                       f"AND ({EVENT_DATE} IS NULL OR length({EVENT_DATE}) < 7)", args)
    months = _month_range([r[0] for r in rows])
    index = {m: i for i, m in enumerate(months)}
    undated += sum(r[2] for r in rows if r[0] not in index)
    rows = [r for r in rows if r[0] in index]
    types = [t for t in PLOVER_TYPES if any(r[1] == t for r in rows)]
    types += sorted({r[1] for r in rows if r[1] not in PLOVER_TYPES})
    series = {t: [0] * len(months) for t in types}
    for month, etype, n in rows:
        series[etype][index[month]] += n
    return {"months": months, "series": [{"type": t, "quad": QUAD_CLASS.get(t), "counts": series[t]} for t in types],
            "events": sum(r[2] for r in rows), "without_month": undated}


_MONTH = re.compile(r"(1[0-9]|20)[0-9]{2}-(0[1-9]|1[0-2])")  # years 1000-2099, ASCII digits
MAX_MONTHS = 1200


def _month_range(months: list[str]) -> list[str]:
    """Every month from the first to the last (a gap is a zero, not a missing bar), at most the
    last MAX_MONTHS of them; strings that are no month are left out."""
    valid = sorted({m for m in months if _MONTH.fullmatch(m)})
    if not valid:
        return []
    first = int(valid[0][:4]) * 12 + int(valid[0][5:]) - 1
    last = int(valid[-1][:4]) * 12 + int(valid[-1][5:]) - 1
    return [f"{k // 12:04d}-{k % 12 + 1:02d}" for k in range(max(first, last - MAX_MONTHS + 1), last + 1)]
