"""The DuckDB store: the only package of accord that speaks SQL.

    db      connections (one writer, short-lived, read-only readers) and the schema version
    schema  tables (DDL) and the Arrow schemas batches are written with
    write   rows from an Article; one transaction per batch
    ingest  read -> skip stored -> pipeline -> write, with a report of what happened
    query   events, entities, quotes, summary, and the rows export reads

What the web view shows, one module per question it answers (accord.web only renders them):
    event_filter  the filter shared by the network, events and timeline, as a WHERE clause
    overview      the overview's counts (cards, types, entities, speakers, dyads) under a filter
    network       filter choices, the event network (one node per country) and its dyads
    event_list    events matching a filter, and their count per month (timeline)
    article       one article with every span extracted from it
    entity        one entity with its aliases, articles, quotes and events
    search        entities, quotes and articles matching a query in any script
"""
from .db import DEFAULT_DB, reader, writer_connection
from .ingest import IngestReport, ingest

__all__ = ["DEFAULT_DB", "IngestReport", "ingest", "reader", "writer_connection"]
