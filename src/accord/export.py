"""`accord export`: the store out again, in the formats other tools read.

    jsonl    the output contract, one record per article (exactly what `accord extract` writes)
    csv      one table (default events) via DuckDB COPY
    parquet  one table (default events) via DuckDB COPY
    polecat  one JSON line per event with PLOVER/POLECAT field names (shared/reference/plover.md);
             every field, its source column and code system: docs/export.md (kept beside this)

To a terminal (no -o, stdout a tty) nothing from an article acts on the screen: CSV shows control
characters as \\xNN text, JSON lines escape what JSON leaves raw (accord.terminal). Files and
pipes get the data unchanged. A POLECAT date is a valid YYYY[-MM[-DD]] or null, whatever an
older store holds.
"""
from __future__ import annotations

import codecs
import datetime as dt
import json
import os
import re
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

FORMATS = ("jsonl", "csv", "parquet", "polecat")


def polecat_record(row: dict[str, Any]) -> dict[str, Any]:
    """One stored event as a POLECAT-style record; `doc_id` and `id` keep it traceable."""
    from .store.schema import QUAD_NAME

    def actor(side: str) -> list[dict[str, Any]]:
        if not any(row.get(f"{side}_{k}") for k in ("entity", "country", "text")):
            return []
        code = row.get(f"{side}_country")
        return [{"actor_id": row.get(f"{side}_entity"), "actor_label": row.get(f"{side}_name"),
                 "country": polecat_country(code), "accord_country": code, "sector": row.get(f"{side}_sector"),
                 "text": row.get(f"{side}_text")}]

    date = valid_date(row.get("date")) or valid_date(row.get("published"))
    quad = row.get("quad_class")
    return {
        "id": row["id"],
        "date": date,
        "actor": actor("source"),
        "recipient": actor("target"),
        "event": row["type"],
        "mode": polecat_modes(row),
        "context": list(row.get("contexts") or []),
        "event_loc": row.get("location_name"),
        "event_text": row.get("sentence_text"),
        "quad_code": QUAD_NAME.get(quad) if quad else None,
        "text_info": {"start": row.get("sentence_start"), "end": row.get("sentence_end"), "text": row.get("sentence_text")},
        "trigger": ({"start": row["trigger_start"], "end": row["trigger_end"], "text": row["trigger_text"]}
                    if row.get("trigger_text") is not None else None),
        "cite_info": {"url": row.get("url") or row.get("source"), "title": row.get("title"),
                      "language": row.get("lang"), "publication": row.get("outlet")},
        "location": ({"place": row.get("location_name"), "country": row.get("location_country"), "lat": None, "lon": None}
                     if row.get("location") else None),
        "size": {"dead": None, "injured": None, "arrested": None},
        "confidence": row.get("confidence"),
        "doc_id": row["doc_id"],
    }


def polecat_modes(row: dict[str, Any]) -> list[str]:
    """The event's mode and PLOVER's auxiliary modes (future, negation) from accord's flags."""
    modes = [row["mode"]] if row.get("mode") else []
    for flag, mode in (("future", "future"), ("negated", "negation")):
        if row.get(flag) and mode not in modes:
            modes.append(mode)
    return modes


# accord's codes for bodies that are not states -> POLECAT's non-state codes (plover.md, "Actors")
POLECAT_NON_STATE = {"UN": "UNO", "UNO": "UNO", "NGO": "NGO", "MNC": "MNC", "IMG": "IMG", "ISM": "ISM"}


def polecat_country(code: str | None) -> str | None:
    """An actor's country in POLECAT's code system: ISO 3166-1 alpha-3 as it is (XKX for Kosovo
    too), the UN as UNO, and every other international body accord codes by its own acronym
    (EU, NATO, CIS, CSTO, Interpol ...) as IGO; accord's own code stays in `accord_country`."""
    if not code:
        return None
    if code in POLECAT_NON_STATE:
        return POLECAT_NON_STATE[code]
    from .store.filter_values import is_iso_alpha3

    return code if is_iso_alpha3(code) else "IGO"


_DATE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")


def valid_date(value: str | None) -> str | None:
    """`value` when it is a real YYYY, YYYY-MM or YYYY-MM-DD date in ASCII digits, else None
    (a store written before published dates were checked may hold 0000-00-00)."""
    m = _DATE.fullmatch(value or "")
    if not m:
        return None
    y, mo, d = (int(g) if g else None for g in m.groups())
    try:
        dt.date(y, mo or 1, d or 1)
    except ValueError:
        return None
    return value


def polecat_lines(con) -> Iterator[str]:
    from .store.query import iter_event_rows

    for row in iter_event_rows(con):
        yield json.dumps(polecat_record(row), ensure_ascii=False)


def export(db: str | Path, fmt: str, output: str | Path | None = None, table: str = "events",
           stdout: BinaryIO | None = None, terminal: bool | None = None) -> int:
    """Write the store at `db` in `fmt` to `output` (stdout when None); returns the item count.
    `terminal` (default: whether stdout is a tty, when there is no output file) escapes what
    could act on a screen."""
    from .store import reader
    from .store.query import EXPORT_TABLES, copy_table, iter_records
    from .terminal import is_terminal, safe, safe_json

    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; one of {', '.join(FORMATS)}")
    if fmt in ("csv", "parquet") and table not in EXPORT_TABLES:
        raise ValueError(f"unknown table {table!r}; one of {', '.join(EXPORT_TABLES)}")
    stdout = stdout or sys.stdout.buffer
    if terminal is None:
        terminal = output is None and is_terminal(stdout)
    with reader(db) as con:
        if fmt in ("csv", "parquet"):
            if output is not None:
                return copy_table(con, table, str(output), fmt)
            if fmt == "parquet":
                raise ValueError("parquet is binary: give an output file with -o")
            with tempfile.TemporaryDirectory() as tmp:  # COPY writes files; stream the CSV back
                path = os.path.join(tmp, f"{table}.csv")
                n = copy_table(con, table, path, fmt)
                decoder = codecs.getincrementaldecoder("utf-8")("replace")
                with open(path, "rb") as f:
                    while chunk := f.read(1 << 20):
                        stdout.write(safe(decoder.decode(chunk)).encode("utf-8") if terminal else chunk)
                if terminal:
                    stdout.write(safe(decoder.decode(b"", final=True)).encode("utf-8"))
                return n
        lines = iter_records(con) if fmt == "jsonl" else polecat_lines(con)
        out = open(output, "wb") if output is not None else stdout
        n = 0
        try:
            for line in lines:
                out.write((safe_json(line) if terminal else line).encode("utf-8") + b"\n")
                n += 1
        finally:
            if output is not None:
                out.close()
        return n
