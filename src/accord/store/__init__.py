"""The DuckDB store: the only package of accord that speaks SQL.

    db      connections (one writer, short-lived, read-only readers) and the schema version
    schema  tables (DDL) and the Arrow schemas batches are written with
    write   rows from an Article; one transaction per batch
    ingest  read -> skip stored -> pipeline -> write, with a report of what happened
    query   events, entities, quotes, summary, and the rows export reads
"""
from .db import DEFAULT_DB, reader, writer_connection
from .ingest import IngestReport, ingest

__all__ = ["DEFAULT_DB", "IngestReport", "ingest", "reader", "writer_connection"]
