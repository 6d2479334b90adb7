"""The store's tables: one DDL and, for each table, the Arrow schema its batches are written with.

Rows go in as Arrow tables (one `INSERT ... SELECT` per table and batch), not row by row:
DuckDB's executemany is slow, a registered Arrow table is a bulk copy.
"""
from __future__ import annotations

from typing import Any

import msgspec
import pyarrow as pa

# 1: documents.record held the whole contract record, the article text included (stored twice).
# 2: the text is stored once, in documents.text; documents.record is the record without "text"
#    (record_json / full_record below). Stores of version 1 are read as they are and migrated
#    in place by the first writer (accord ingest): accord.store.db.ensure_schema.
SCHEMA_VERSION = "2"
READABLE_VERSIONS = ("1", "2")  # a reader gives the same answers on both

_SPAN = pa.struct([("start", pa.int32()), ("end", pa.int32())])

DDL = """
CREATE TABLE IF NOT EXISTS accord_meta (key VARCHAR PRIMARY KEY, value VARCHAR);
CREATE TABLE IF NOT EXISTS documents (
    doc_id VARCHAR PRIMARY KEY,
    source VARCHAR,
    lang VARCHAR,
    script VARCHAR,
    title VARCHAR,
    outlet VARCHAR,
    published VARCHAR,
    url VARCHAR,
    text VARCHAR,
    body STRUCT(start INTEGER, "end" INTEGER)[],
    ingested_at TIMESTAMP,
    record JSON
);
CREATE TABLE IF NOT EXISTS entities (
    id VARCHAR PRIMARY KEY,
    name VARCHAR,
    type VARCHAR,
    country VARCHAR,
    sector VARCHAR,
    kb BOOLEAN
);
CREATE TABLE IF NOT EXISTS mentions (
    doc_id VARCHAR,
    entity_id VARCHAR,
    start INTEGER,
    "end" INTEGER,
    text VARCHAR
);
CREATE TABLE IF NOT EXISTS aliases (
    entity_id VARCHAR,
    alias VARCHAR,
    lang VARCHAR,
    script VARCHAR,
    key VARCHAR,  -- accord.translit.skeleton(alias): script- and spelling-free match key
    PRIMARY KEY (entity_id, alias)
);
CREATE TABLE IF NOT EXISTS quotes (
    doc_id VARCHAR,
    idx INTEGER,
    start INTEGER,
    "end" INTEGER,
    text VARCHAR,
    speaker VARCHAR,
    speaker_text VARCHAR,
    style VARCHAR,
    speakers VARCHAR[]  -- every speaker's entity id (a joint attribution), speaker first
);
ALTER TABLE quotes ADD COLUMN IF NOT EXISTS speakers VARCHAR[];
CREATE TABLE IF NOT EXISTS events (
    id VARCHAR,
    doc_id VARCHAR,
    type VARCHAR,
    mode VARCHAR,
    quad_class INTEGER,
    source_entity VARCHAR,
    source_country VARCHAR,
    source_sector VARCHAR,
    source_text VARCHAR,
    target_entity VARCHAR,
    target_country VARCHAR,
    target_sector VARCHAR,
    target_text VARCHAR,
    contexts VARCHAR[],
    date VARCHAR,
    date_precision VARCHAR,
    location VARCHAR,
    sentence_start INTEGER,
    sentence_end INTEGER,
    sentence_text VARCHAR,
    trigger_start INTEGER,
    trigger_end INTEGER,
    trigger_text VARCHAR,
    confidence DOUBLE,
    negated BOOLEAN,
    future BOOLEAN
);
CREATE TABLE IF NOT EXISTS dates (
    doc_id VARCHAR,
    start INTEGER,
    "end" INTEGER,
    text VARCHAR,
    value VARCHAR,
    precision VARCHAR,
    relative BOOLEAN
);
"""

def record_json(record: dict[str, Any]) -> str:
    """documents.record: the contract record (Article.to_record()) without its text."""
    return msgspec.json.encode({k: v for k, v in record.items() if k != "text"}).decode()


def full_record(record: str | bytes, text: str | None) -> str:
    """The contract record again, from documents.record and documents.text: exactly what
    `accord extract` writes (the text back in its place, after "published"). A version 1 record
    still holding its text is returned as it is."""
    rec = msgspec.json.decode(record)
    if "text" in rec:
        return record if isinstance(record, str) else record.decode()
    out: dict[str, Any] = {}
    for k, v in rec.items():
        out[k] = v
        if k == "published":
            out["text"] = text
    if "text" not in out:
        out["text"] = text
    return msgspec.json.encode(out).decode()


# Tables holding rows of one document; --force deletes a document's rows from each of them.
DOC_TABLES = ("mentions", "quotes", "events", "dates", "documents")

ARROW = {
    "documents": pa.schema([
        ("doc_id", pa.string()), ("source", pa.string()), ("lang", pa.string()), ("script", pa.string()),
        ("title", pa.string()), ("outlet", pa.string()), ("published", pa.string()), ("url", pa.string()),
        ("text", pa.string()), ("body", pa.list_(_SPAN)), ("ingested_at", pa.timestamp("us")),
        ("record", pa.string()),
    ]),
    "entities": pa.schema([
        ("id", pa.string()), ("name", pa.string()), ("type", pa.string()), ("country", pa.string()),
        ("sector", pa.string()), ("kb", pa.bool_()),
    ]),
    "mentions": pa.schema([
        ("doc_id", pa.string()), ("entity_id", pa.string()), ("start", pa.int32()), ("end", pa.int32()),
        ("text", pa.string()),
    ]),
    "aliases": pa.schema([
        ("entity_id", pa.string()), ("alias", pa.string()), ("lang", pa.string()), ("script", pa.string()),
        ("key", pa.string()),
    ]),
    "quotes": pa.schema([
        ("doc_id", pa.string()), ("idx", pa.int32()), ("start", pa.int32()), ("end", pa.int32()),
        ("text", pa.string()), ("speaker", pa.string()), ("speaker_text", pa.string()), ("style", pa.string()),
        ("speakers", pa.list_(pa.string())),
    ]),
    "events": pa.schema([
        ("id", pa.string()), ("doc_id", pa.string()), ("type", pa.string()), ("mode", pa.string()),
        ("quad_class", pa.int32()),
        ("source_entity", pa.string()), ("source_country", pa.string()), ("source_sector", pa.string()),
        ("source_text", pa.string()),
        ("target_entity", pa.string()), ("target_country", pa.string()), ("target_sector", pa.string()),
        ("target_text", pa.string()),
        ("contexts", pa.list_(pa.string())), ("date", pa.string()), ("date_precision", pa.string()),
        ("location", pa.string()), ("sentence_start", pa.int32()), ("sentence_end", pa.int32()),
        ("sentence_text", pa.string()), ("trigger_start", pa.int32()), ("trigger_end", pa.int32()),
        ("trigger_text", pa.string()), ("confidence", pa.float64()), ("negated", pa.bool_()),
        ("future", pa.bool_()),
    ]),
    "dates": pa.schema([
        ("doc_id", pa.string()), ("start", pa.int32()), ("end", pa.int32()), ("text", pa.string()),
        ("value", pa.string()), ("precision", pa.string()), ("relative", pa.bool_()),
    ]),
}

# PLOVER quad classes (shared/reference/plover.md): 1 verbal cooperation, 2 material cooperation,
# 3 verbal conflict, 4 material conflict. SANCTION is coded material conflict, as POLECAT does
# for formal reductions of relations.
QUAD_CLASS = {
    "AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1,
    "COOPERATE": 2, "AID": 2, "RETREAT": 2,
    "REQUEST": 3, "ACCUSE": 3, "REJECT": 3, "THREATEN": 3,
    "SANCTION": 4, "PROTEST": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4,
}
QUAD_NAME = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}
