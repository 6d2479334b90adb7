"""Read queries over the store: events, entities, quotes, summary, and the rows export needs.

Every function takes an open (read-only) connection and returns plain dicts, so the CLI, the
web view and the exporters print or serialise them as they like.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import duckdb
import msgspec

from ..translit import skeleton
from .schema import full_record

MAX_LIMIT = 100_000


def dicts(cur: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    cols = [c[0] for c in cur.description]
    return [dict(zip(cols, r)) for r in cur.fetchall()]


def _limit(n: int | None) -> int:
    return max(0, min(int(n if n is not None else MAX_LIMIT), MAX_LIMIT))


def parse_dyad(dyad: str) -> tuple[str, str | None, bool]:
    """'SRB-RUS' (either direction), 'SRB>RUS' (source SRB, target RUS), 'SRB' (either side)."""
    d = dyad.strip().upper()
    if ">" in d:
        a, b = (x.strip() for x in d.split(">", 1))
        return a, b, True
    if "-" in d:
        a, b = (x.strip() for x in d.split("-", 1))
        return a, b, False
    return d, None, False


EVENT_DATE = "COALESCE(e.date, d.published)"  # over `events e JOIN documents d`: the article's date stands in


class Where:
    """A WHERE clause built condition by condition, each with its `?` arguments."""

    def __init__(self) -> None:
        self.conds: list[str] = []
        self.args: list[Any] = []

    def add(self, cond: str, *args: Any) -> "Where":
        self.conds.append(cond)
        self.args.extend(args)
        return self

    def date_bounds(self, since: str | None, until: str | None, col: str = EVENT_DATE) -> "Where":
        """`col` from `since` to `until` (inclusive), compared at the coarser of the two precisions
        (2019 overlaps 2019-01)."""
        for bound, op in ((since, ">="), (until, "<=")):
            if bound:
                self.add(f"{col} IS NOT NULL AND left({col}, least(length({col}), length(?))) "
                         f"{op} left(?, least(length({col}), length(?)))", bound, bound, bound)
        return self

    def expr(self) -> str:
        """The conditions joined with AND (TRUE when there are none)."""
        return " AND ".join(self.conds) or "TRUE"

    def clause(self) -> str:
        """'WHERE ... ' or nothing."""
        return f"WHERE {' AND '.join(self.conds)} " if self.conds else ""


def events(con, *, dyad: str | None = None, types: list[str] | None = None, since: str | None = None,
           until: str | None = None, context: str | None = None, min_confidence: float | None = None,
           entity: str | None = None, doc_id: str | None = None, limit: int | None = 50) -> list[dict[str, Any]]:
    """Events, newest first. Dates compare at the coarser of the two precisions (2019 overlaps 2019-01).

    An event with no date of its own takes its article's publication date. Each actor is named
    in `source_label`/`target_label` (accord.store.actor_name: entity, else country, else the words).
    """
    w = Where()
    if dyad:
        a, b, directed = parse_dyad(dyad)
        if b is None:
            w.add("(e.source_country = ? OR e.target_country = ?)", a, a)
        elif directed:
            w.add("(e.source_country = ? AND e.target_country = ?)", a, b)
        else:
            w.add("((e.source_country = ? AND e.target_country = ?) OR (e.source_country = ? AND e.target_country = ?))",
                  a, b, b, a)
    if types:
        w.add("e.type IN (SELECT UNNEST(?))", [t.strip().upper() for t in types if t.strip()])
    w.date_bounds(since, until)
    if context:
        w.add("list_contains(e.contexts, ?)", context.strip().lower())
    if min_confidence is not None:
        w.add("e.confidence >= ?", float(min_confidence))
    if entity:
        w.add("(e.source_entity = ? OR e.target_entity = ?)", entity, entity)
    if doc_id:
        w.add("e.doc_id = ?", doc_id)
    sql = (f"SELECT e.*, {EVENT_DATE} AS event_date, d.source AS doc_source, d.lang AS doc_lang, "
           "se.name AS source_name, te.name AS target_name "
           "FROM events e JOIN documents d USING (doc_id) "
           "LEFT JOIN entities se ON se.id = e.source_entity LEFT JOIN entities te ON te.id = e.target_entity "
           + w.clause()
           + f"ORDER BY event_date DESC NULLS LAST, e.confidence DESC, e.id LIMIT {_limit(limit)}")
    from .actor_name import name_actors  # (it imports event_filter, which imports this module)

    return name_actors(dicts(con.execute(sql, w.args)))


def entities(con, *, top: int | None = 20, country: str | None = None, type: str | None = None,
             ids: list[str] | None = None) -> list[dict[str, Any]]:
    """Entities ranked by the number of documents mentioning them."""
    w = Where()
    if country:
        w.add("en.country = ?", country.strip().upper())
    if type:
        w.add("en.type = ?", type.strip().upper())
    if ids is not None:
        w.add("en.id IN (SELECT UNNEST(?))", list(ids))
    sql = ("SELECT en.id, en.name, en.type, en.country, en.sector, en.kb, "
           "count(m.doc_id) AS mentions, count(DISTINCT m.doc_id) AS docs, "
           "(SELECT list(DISTINCT a.alias ORDER BY a.alias) FROM aliases a WHERE a.entity_id = en.id) AS aliases "
           "FROM entities en LEFT JOIN mentions m ON m.entity_id = en.id "
           + w.clause()
           + f"GROUP BY ALL ORDER BY docs DESC, mentions DESC, en.name LIMIT {_limit(top)}")
    return dicts(con.execute(sql, w.args))


def name_patterns(name: str) -> list[str]:
    """One regex per word of `name` over alias keys (accord.translit.skeleton): the word as a
    whole word, allowing a short inflected ending (Vulin -> Vulina, Вулином), in any script."""
    return [f"(^| ){re.escape(w)}[a-z]{{0,2}}( |$)" for w in skeleton(name).split()]


def speaker_ids(con, name: str) -> list[str]:
    """Entities whose canonical name or any alias (any language or script) matches `name`.

    The canonical name is stored as an alias too, so one table answers.
    """
    pats = name_patterns(name)
    if not pats:
        return []
    conds = " AND ".join("regexp_matches(key, ?)" for _ in pats)
    return sorted(r[0] for r in con.execute(f"SELECT DISTINCT entity_id FROM aliases WHERE {conds}", pats).fetchall())


def quotes(con, *, speaker: str | None = None, doc_id: str | None = None, limit: int | None = 50) -> list[dict[str, Any]]:
    w = Where()
    if speaker:
        ids = speaker_ids(con, speaker)
        if not ids:
            return []
        w.add("q.speaker IN (SELECT UNNEST(?))", ids)
    if doc_id:
        w.add("q.doc_id = ?", doc_id)
    sql = ("SELECT q.doc_id, q.idx, q.start, q.\"end\", q.text, q.speaker, en.name AS speaker_name, q.speaker_text, "
           "d.source, d.lang, d.published FROM quotes q JOIN documents d USING (doc_id) "
           "LEFT JOIN entities en ON en.id = q.speaker "
           + w.clause()
           + f"ORDER BY d.published DESC NULLS LAST, q.doc_id, q.idx LIMIT {_limit(limit)}")
    return dicts(con.execute(sql, w.args))


def summary(con, top: int = 10) -> dict[str, Any]:
    """What `make demo` prints: documents per language, top entities, quotes, events, dyads."""
    one = lambda sql: con.execute(sql).fetchall()[0][0]  # noqa: E731
    return {
        "documents": one("SELECT count(*) FROM documents"),
        "languages": dicts(con.execute(
            "SELECT lang, script, count(*) AS documents FROM documents GROUP BY ALL ORDER BY documents DESC, lang, script")),
        "entities": one("SELECT count(*) FROM entities"),
        "top_entities": entities(con, top=top),
        "quotes": one("SELECT count(*) FROM quotes"),
        "quotes_with_speaker": one("SELECT count(*) FROM quotes WHERE speaker IS NOT NULL"),
        "top_speakers": dicts(con.execute(
            "SELECT q.speaker, en.name, count(*) AS quotes FROM quotes q LEFT JOIN entities en ON en.id = q.speaker "
            f"WHERE q.speaker IS NOT NULL GROUP BY ALL ORDER BY quotes DESC, en.name LIMIT {int(top)}")),
        "events": one("SELECT count(*) FROM events"),
        "event_types": dicts(con.execute(
            "SELECT type, count(*) AS events FROM events GROUP BY type ORDER BY events DESC, type")),
        "top_dyads": dicts(con.execute(
            "SELECT least(source_country, target_country) AS country_a, greatest(source_country, target_country) AS country_b, "
            "count(*) AS events FROM events WHERE source_country IS NOT NULL AND target_country IS NOT NULL "
            "AND source_country <> target_country "
            f"GROUP BY ALL ORDER BY events DESC, country_a, country_b LIMIT {int(top)}")),
    }


# --- export --------------------------------------------------------------------------------

EXPORT_TABLES = {
    "events": "SELECT * FROM events ORDER BY doc_id, sentence_start, id",
    "entities": "SELECT * FROM entities ORDER BY id",
    "documents": "SELECT * EXCLUDE (record) FROM documents ORDER BY ingested_at, doc_id",
    "quotes": "SELECT * FROM quotes ORDER BY doc_id, idx",
    "mentions": "SELECT * FROM mentions ORDER BY doc_id, start",
    "aliases": "SELECT * FROM aliases ORDER BY entity_id, alias",
    "dates": "SELECT * FROM dates ORDER BY doc_id, start",
}


def copy_table(con, table: str, path: str, fmt: str) -> int:
    """DuckDB COPY of one table to parquet or csv; returns the row count. In CSV, list and
    struct columns are JSON text, which every CSV reader can parse back."""
    if table not in EXPORT_TABLES:
        raise ValueError(f"unknown table {table!r}; one of {', '.join(EXPORT_TABLES)}")
    options = "FORMAT parquet" if fmt == "parquet" else "FORMAT csv, HEADER true"
    quoted = path.replace("'", "''")
    select = EXPORT_TABLES[table]
    if fmt == "csv":  # a list or struct cell as JSON (["crime","cyber"]), not DuckDB's [crime, cyber]
        nested = [name for name, kind, *_ in con.execute(f"DESCRIBE ({select})").fetchall()
                  if kind.endswith("]") or kind.startswith(("STRUCT", "MAP"))]
        if nested:
            replace = ", ".join(f'CAST(to_json("{c}") AS VARCHAR) AS "{c}"' for c in nested)
            select = f"SELECT * REPLACE ({replace}) FROM ({select})"
    con.execute(f"COPY ({select}) TO '{quoted}' ({options})")
    return con.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0]


def iter_records(con, batch: int = 500) -> Iterator[str]:
    """The stored contract records (JSON text, as `accord extract` writes them), in ingest order."""
    cur = con.execute("SELECT record, text FROM documents ORDER BY ingested_at, doc_id")
    while rows := cur.fetchmany(batch):
        for rec, text in rows:
            yield full_record(rec, text)


def record(con, doc_id: str) -> dict[str, Any] | None:
    """One stored contract record (a dict), or None."""
    rows = con.execute("SELECT record, text FROM documents WHERE doc_id = ?", [doc_id]).fetchall()
    return msgspec.json.decode(full_record(*rows[0])) if rows else None


def iter_event_rows(con, batch: int = 1000) -> Iterator[dict[str, Any]]:
    """Events joined with what a POLECAT record cites: article metadata and actor/place names."""
    cur = con.execute(
        "SELECT e.*, d.url, d.title, d.lang, d.outlet, d.source, d.published, "
        "se.name AS source_name, te.name AS target_name, le.name AS location_name, le.country AS location_country "
        "FROM events e JOIN documents d USING (doc_id) LEFT JOIN entities se ON se.id = e.source_entity "
        "LEFT JOIN entities te ON te.id = e.target_entity LEFT JOIN entities le ON le.id = e.location "
        "ORDER BY d.ingested_at, e.doc_id, e.sentence_start, e.id")
    cols = [c[0] for c in cur.description]
    while rows := cur.fetchmany(batch):
        for r in rows:
            yield dict(zip(cols, r))
