"""What the web view's entity page answers: one entity with its aliases in every language and
script, how the articles wrote it, the articles, its quotes and its events.

Why a module of the store: the store is the only code that speaks SQL.
"""
from __future__ import annotations

from typing import Any

from .event_filter import EventFilter, country_name
from .event_list import events
from .query import dicts as _dicts


def entity(con, entity_id: str, limit: int = 200) -> dict[str, Any] | None:
    """One entity and what links to it, or None when the store has no such id."""
    rows = _dicts(con.execute("SELECT id, name, type, country, sector, kb FROM entities WHERE id = ?", [entity_id]))
    if not rows:
        return None
    ent = rows[0]
    ent["country_name"] = country_name(ent["country"])
    ent["aliases"] = _dicts(con.execute(
        "SELECT alias, lang, script, key FROM aliases WHERE entity_id = ? ORDER BY lang NULLS LAST, script, alias",
        [entity_id]))
    ent["mentioned_as"] = _dicts(con.execute(
        "SELECT m.text, d.lang, d.script, count(*) AS mentions FROM mentions m JOIN documents d USING (doc_id) "
        "WHERE m.entity_id = ? GROUP BY ALL ORDER BY mentions DESC, m.text", [entity_id]))
    ent["articles"] = _dicts(con.execute(
        "SELECT d.doc_id, d.title, d.lang, d.script, d.outlet, d.published, count(*) AS mentions "
        "FROM mentions m JOIN documents d USING (doc_id) WHERE m.entity_id = ? "
        f"GROUP BY ALL ORDER BY d.published DESC NULLS LAST, d.doc_id LIMIT {int(limit)}", [entity_id]))
    ent["quotes"] = _dicts(con.execute(
        "SELECT q.doc_id, q.idx, q.start, q.\"end\", q.text, q.speaker_text, d.title, d.lang, d.published "
        "FROM quotes q JOIN documents d USING (doc_id) WHERE q.speaker = ? "
        f"ORDER BY d.published DESC NULLS LAST, q.doc_id, q.idx LIMIT {int(limit)}", [entity_id]))
    ent["events"] = events(con, EventFilter(actor=entity_id), limit=limit)
    return ent
