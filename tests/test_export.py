"""Export formats read back with the tools users would use (pyarrow, csv, json)."""
from __future__ import annotations

import csv
import io
import json

import msgspec
import pyarrow.parquet as pq
import pytest

from accord.export import export
from accord.store import reader, writer_connection
from accord.store.write import write_batch


@pytest.fixture
def filled(db, annotated):
    with writer_connection(db) as con:
        write_batch(con, annotated)
    return db


def n_rows(db, table):
    with reader(db) as con:
        return con.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0]


def test_parquet_events_read_back(filled, tmp_path, annotated):
    out = tmp_path / "events.parquet"
    assert export(filled, "parquet", out) == n_rows(filled, "events") == 6
    t = pq.read_table(out)
    assert t.num_rows == 6
    rows = t.to_pylist()
    texts = {a.doc_id: a.text for a in annotated}
    for r in rows:
        assert texts[r["doc_id"]][r["trigger_start"]:r["trigger_end"]] == r["trigger_text"]
    assert {tuple(r["contexts"]) for r in rows} >= {("crime", "migration")}


@pytest.mark.parametrize("table", ["entities", "documents", "quotes"])
def test_parquet_other_tables(filled, tmp_path, table):
    out = tmp_path / f"{table}.parquet"
    export(filled, "parquet", out, table=table)
    assert pq.read_table(out).num_rows == n_rows(filled, table)


def test_csv_events_read_back(filled, tmp_path):
    out = tmp_path / "events.csv"
    export(filled, "csv", out)
    with open(out, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == 6
    assert {r["type"] for r in rows} == {"CONSULT", "AID", "AGREE", "COOPERATE"}
    assert any("Србија" in r["sentence_text"] or "Вулин" in r["sentence_text"] for r in rows)  # Cyrillic intact


def test_csv_to_stdout(filled):
    buf = io.BytesIO()
    export(filled, "csv", None, table="entities", stdout=buf)
    rows = list(csv.DictReader(io.StringIO(buf.getvalue().decode("utf-8"))))
    assert len(rows) == n_rows(filled, "entities")
    assert "Aleksandar Vulin" in {r["name"] for r in rows}


def test_jsonl_is_the_contract_record(filled, tmp_path, annotated):
    out = tmp_path / "docs.jsonl"
    assert export(filled, "jsonl", out) == len(annotated)
    got = {r["doc_id"]: r for r in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    for a in annotated:
        assert got[a.doc_id] == msgspec.json.decode(msgspec.json.encode(a.to_record()))
    lines = set(out.read_text(encoding="utf-8").splitlines())  # byte for byte what `accord extract` writes
    assert lines == {msgspec.json.encode(a.to_record()).decode() for a in annotated}


def test_polecat_field_names_and_values(filled, tmp_path):
    out = tmp_path / "polecat.jsonl"
    assert export(filled, "polecat", out) == 6
    recs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    required = {"id", "date", "actor", "recipient", "event", "mode", "context", "event_loc", "event_text",
                "quad_code", "text_info", "cite_info", "location", "size"}
    for r in recs:
        assert required <= set(r)
        assert set(r["cite_info"]) == {"url", "title", "language", "publication"}
        assert set(r["text_info"]) == {"start", "end", "text"} and r["text_info"]["text"] == r["event_text"]
    visit = next(r for r in recs if r["mode"] == ["visit"])
    assert visit["event"] == "CONSULT" and visit["quad_code"] == "verbal cooperation"
    assert visit["actor"][0]["actor_label"] == "Aleksandar Vulin" and visit["actor"][0]["country"] == "SRB"
    assert visit["recipient"][0]["country"] == "RUS" and visit["event_loc"] == "Moscow"
    assert visit["location"]["country"] == "RUS" and visit["cite_info"]["publication"] == "Tanjug"
    aid = next(r for r in recs if r["event"] == "AID")
    assert aid["date"] == "2021-03-12" and aid["quad_code"] == "material cooperation"  # dated by publication


def test_parquet_needs_an_output_file(filled):
    with pytest.raises(ValueError, match="-o"):
        export(filled, "parquet", None, stdout=io.BytesIO())


def test_unknown_format_and_table(filled, tmp_path):
    with pytest.raises(ValueError):
        export(filled, "xml", tmp_path / "x")
    with pytest.raises(ValueError):
        export(filled, "csv", tmp_path / "x.csv", table="users; DROP TABLE events")


def test_csv_lists_are_json(filled, tmp_path):
    """Issue 21: a list cell is JSON (["crime", "migration"]), not DuckDB's [crime, migration]."""
    out = tmp_path / "events.csv"
    export(filled, "csv", out)
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert rows and all(isinstance(json.loads(r["contexts"]), list) for r in rows)
    assert ["crime", "migration"] in [json.loads(r["contexts"]) for r in rows]


def test_polecat_every_field_as_docs_export_md_says(filled, tmp_path):
    """docs/export.md's table names every field; lists are lists; codes follow plover.md."""
    import re
    from pathlib import Path

    from accord.export import polecat_country, polecat_modes
    from accord.store.filter_values import PLOVER_CONTEXTS, PLOVER_TYPES

    doc = (Path(__file__).resolve().parent.parent / "docs" / "export.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| `(\w+)` \|", doc, re.M))
    out = tmp_path / "polecat.jsonl"
    export(filled, "polecat", out)
    recs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    for r in recs:
        actor_keys = {k for a in r["actor"] + r["recipient"] for k in a}
        assert set(r) | actor_keys <= documented | {"trigger", "confidence", "doc_id"}
        assert all(isinstance(r[k], list) for k in ("actor", "recipient", "mode", "context"))
        assert r["event"] in PLOVER_TYPES and set(r["context"]) <= set(PLOVER_CONTEXTS)
        assert r["quad_code"] in {"verbal cooperation", "material cooperation", "verbal conflict", "material conflict"}
        for a in r["actor"] + r["recipient"]:
            assert a["country"] is None or re.fullmatch(r"[A-Z]{3}", a["country"])
    assert {"id", "date", "actor", "recipient", "event", "mode", "context", "event_loc", "event_text", "quad_code",
            "text_info", "cite_info", "location", "size", "actor_id", "actor_label", "country", "sector",
            "text"} <= documented
    assert [polecat_country(c) for c in ("SRB", "XKX", "EU", "NATO", "UN", None)] == ["SRB", "XKX", "IGO", "IGO", "UNO", None]
    assert polecat_modes({"mode": "future", "future": True, "negated": True}) == ["future", "negation"]
    assert polecat_modes({"mode": None, "future": False, "negated": False}) == []
