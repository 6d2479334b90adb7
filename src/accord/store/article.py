"""What the web view's article page answers: one stored article with every record extracted
from it (body spans, mentions, entities, quotes, events, dates), offsets into its text.

Why a module of the store: the store is the only code that speaks SQL; the web package only
highlights the spans this returns.
"""
from __future__ import annotations

from typing import Any

from .event_filter import EventFilter, country_name
from .event_list import events
from .query import dicts as _dicts


def article(con, doc_id: str) -> dict[str, Any] | None:
    """One stored article with every record extracted from it (offsets into `text`)."""
    docs = _dicts(con.execute(
        "SELECT doc_id, source, lang, script, title, outlet, published, url, text, body, ingested_at "
        "FROM documents WHERE doc_id = ?", [doc_id]))
    if not docs:
        return None
    doc = docs[0]
    doc["body"] = [{"start": b["start"], "end": b["end"]} for b in (doc["body"] or [])]
    doc["mentions"] = _dicts(con.execute(
        "SELECT m.start, m.\"end\", m.text, m.entity_id, en.name, en.type, en.country, en.sector "
        "FROM mentions m LEFT JOIN entities en ON en.id = m.entity_id WHERE m.doc_id = ? ORDER BY m.start, m.\"end\" DESC",
        [doc_id]))
    doc["entities"] = _dicts(con.execute(
        "SELECT en.id, en.name, en.type, en.country, en.sector, count(*) AS mentions FROM mentions m "
        "JOIN entities en ON en.id = m.entity_id WHERE m.doc_id = ? GROUP BY ALL ORDER BY mentions DESC, en.name",
        [doc_id]))
    doc["quotes"] = _dicts(con.execute(
        "SELECT q.idx, q.start, q.\"end\", q.text, q.speaker, en.name AS speaker_name, q.speaker_text, q.style "
        "FROM quotes q LEFT JOIN entities en ON en.id = q.speaker WHERE q.doc_id = ? ORDER BY q.start", [doc_id]))
    doc["events"] = events(con, EventFilter(doc_id=doc_id), limit=10_000)["events"]
    doc["events"].sort(key=lambda e: (e["sentence_start"] or 0, e["trigger_start"] or 0, e["id"]))
    doc["dates"] = _dicts(con.execute(
        "SELECT start, \"end\", text, value, precision, relative FROM dates WHERE doc_id = ? ORDER BY start", [doc_id]))
    for e in doc["entities"]:
        e["country_name"] = country_name(e["country"])
    return doc
