"""Writing processed Articles: one transaction per batch, rows built from the document model.

A document is stored completely or not at all: its rows in every table go in inside the batch's
transaction, so an interrupted ingest leaves only whole documents and the next run (which skips
what is present) ends with every document exactly once.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from datetime import datetime, timezone
from typing import Any

import duckdb
import pyarrow as pa

from ..doc import Actor, Article, Event
from ..translit import skeleton
from .schema import ARROW, DOC_TABLES, QUAD_CLASS, record_json


def event_id(doc_id: str, event: Event) -> str:
    """Stable id: same document, type, actors and sentence, same id on every run."""
    def side(a: Actor) -> str:
        return a.entity or a.country or a.text or ""

    key = "|".join((doc_id, event.type, side(event.source), side(event.target), str(event.sentence.start)))
    return hashlib.sha1(key.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def assign_event_ids(article: Article) -> None:
    """Give every event its stable id (the events stage may leave it empty)."""
    for ev in article.events:
        if not ev.id:
            ev.id = event_id(article.doc_id, ev)


def rows(article: Article, now: datetime | None = None) -> dict[str, list[dict[str, Any]]]:
    """Every table's rows for one article (entities and aliases are upserted, the rest inserted)."""
    assign_event_ids(article)
    now = now or datetime.now(timezone.utc).replace(tzinfo=None)
    d = article.doc_id
    text = article.text
    out: dict[str, list[dict[str, Any]]] = {t: [] for t in ARROW}
    record = article.to_record()
    out["documents"].append({
        "doc_id": d, "source": article.source, "lang": article.lang, "script": article.script,
        "title": article.title, "outlet": article.outlet, "published": article.published, "url": article.url,
        "text": text, "body": [{"start": b.start, "end": b.end} for b in article.body],
        "ingested_at": now, "record": record_json(record),  # the text is stored once, in "text"
    })
    normals: dict[str, set[str]] = {}
    for m in article.mentions:
        if m.entity and m.normal:
            normals.setdefault(m.entity, set()).add(m.normal)
    for e in article.entities:
        out["entities"].append({"id": e.id, "name": e.name, "type": e.type, "country": e.country,
                                "sector": e.sector, "kb": e.kb})
        for m in e.mentions:
            out["mentions"].append({"doc_id": d, "entity_id": e.id, "start": m.start, "end": m.end, "text": m.text})
        forms = {e.name, *e.aliases, *(m.text for m in e.mentions), *normals.get(e.id, ())}
        for form in sorted(f for f in forms if f and f.strip()):
            native = form != e.name or form in (m.text for m in e.mentions)
            out["aliases"].append({"entity_id": e.id, "alias": form, "lang": article.lang if native else None,
                                   "script": article.script if native else None, "key": skeleton(form)})
    for i, q in enumerate(article.quotes):
        out["quotes"].append({"doc_id": d, "idx": i, "start": q.start, "end": q.end, "text": q.text,
                              "speaker": q.speaker, "speaker_text": q.speaker_text, "style": q.style,
                              "speakers": list(q.speakers) or ([q.speaker] if q.speaker else [])})
    seen: set[str] = set()
    for ev in article.events:
        if ev.id in seen:  # two readings of one happening in one sentence: keep the first
            continue
        seen.add(ev.id)
        s, t = ev.source, ev.target
        out["events"].append({
            "id": ev.id, "doc_id": d, "type": ev.type, "mode": ev.mode, "quad_class": QUAD_CLASS.get(ev.type),
            "source_entity": s.entity, "source_country": s.country, "source_sector": s.sector, "source_text": s.text,
            "target_entity": t.entity, "target_country": t.country, "target_sector": t.sector, "target_text": t.text,
            "contexts": list(ev.contexts), "date": ev.date, "date_precision": ev.date_precision,
            "location": ev.location, "sentence_start": ev.sentence.start, "sentence_end": ev.sentence.end,
            "sentence_text": text[ev.sentence.start:ev.sentence.end],
            "trigger_start": ev.trigger.start if ev.trigger else None,
            "trigger_end": ev.trigger.end if ev.trigger else None,
            "trigger_text": ev.trigger.text if ev.trigger else None,
            "confidence": ev.confidence, "negated": ev.negated, "future": ev.future,
        })
    for dm in article.dates:
        out["dates"].append({"doc_id": d, "start": dm.start, "end": dm.end, "text": dm.text, "value": dm.value,
                             "precision": dm.precision, "relative": dm.relative})
    return out


def existing_ids(con: duckdb.DuckDBPyConnection, doc_ids: Sequence[str]) -> set[str]:
    if not doc_ids:
        return set()
    ids = pa.table({"doc_id": pa.array(list(doc_ids), pa.string())})
    con.register("_accord_ids", ids)
    try:
        return {r[0] for r in con.execute("SELECT d.doc_id FROM documents d JOIN _accord_ids USING (doc_id)").fetchall()}
    finally:
        con.unregister("_accord_ids")


def write_batch(con: duckdb.DuckDBPyConnection, articles: Iterable[Article], force: bool = False) -> tuple[list[str], list[str]]:
    """Store a batch in one transaction. Returns (stored doc ids, skipped doc ids).

    A document already present is skipped (same text, same doc_id: nothing changed), unless
    `force`, which replaces its rows (re-extraction with a newer accord).
    """
    batch: dict[str, Article] = {}
    for a in articles:
        batch.setdefault(a.doc_id, a)  # the same text twice in one batch is stored once
    con.execute("BEGIN TRANSACTION")
    try:
        present = existing_ids(con, list(batch))
        if force and present:
            ids = pa.table({"doc_id": pa.array(sorted(present), pa.string())})
            con.register("_accord_old", ids)
            for table in DOC_TABLES:
                con.execute(f"DELETE FROM {table} WHERE doc_id IN (SELECT doc_id FROM _accord_old)")
            con.unregister("_accord_old")
            present = set()
        todo = [a for d, a in batch.items() if d not in present]
        merged: dict[str, list[dict[str, Any]]] = {t: [] for t in ARROW}
        now = datetime.now(timezone.utc).replace(tzinfo=None)
        for a in todo:
            for table, rs in rows(a, now).items():
                merged[table].extend(rs)
        _insert(con, merged)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return [a.doc_id for a in todo], sorted(present)


def _insert(con: duckdb.DuckDBPyConnection, merged: dict[str, list[dict[str, Any]]]) -> None:
    # entities: one row per id (first non-null wins within the batch), then upsert keeping what is known
    ents: dict[str, dict[str, Any]] = {}
    for r in merged["entities"]:
        cur = ents.setdefault(r["id"], dict(r))
        for k, v in r.items():
            if cur.get(k) is None and v is not None:
                cur[k] = v
    merged["entities"] = list(ents.values())
    merged["aliases"] = list({(r["entity_id"], r["alias"]): r for r in reversed(merged["aliases"])}.values())
    for table, rs in merged.items():
        if not rs:
            continue
        tbl = pa.Table.from_pylist(rs, schema=ARROW[table])
        name = f"_accord_new_{table}"
        con.register(name, tbl)
        try:
            cols = ", ".join(f'"{c}"' for c in ARROW[table].names)
            if table == "entities":
                con.execute(f"INSERT INTO entities ({cols}) SELECT {cols} FROM {name} ON CONFLICT (id) DO UPDATE SET "
                            "name = COALESCE(entities.name, excluded.name), type = COALESCE(entities.type, excluded.type), "
                            "country = COALESCE(entities.country, excluded.country), "
                            "sector = COALESCE(entities.sector, excluded.sector), kb = entities.kb OR excluded.kb")
            elif table == "aliases":
                con.execute(f"INSERT INTO aliases ({cols}) SELECT {cols} FROM {name} ON CONFLICT DO NOTHING")
            else:
                con.execute(f"INSERT INTO {table} ({cols}) SELECT {cols} FROM {name}")
        finally:
            con.unregister(name)
