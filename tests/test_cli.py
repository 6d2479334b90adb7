"""The command line: ingest, queries (tables and --json), export, evaluate, and its errors."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from accord.cli import app
from accord.store import writer_connection
from accord.store.db import WriterLock
from accord.store.write import write_batch

runner = CliRunner()


def run(*args):
    return runner.invoke(app, [str(a) for a in args], env={"COLUMNS": "250"})


@pytest.fixture
def filled(db, annotated):
    with writer_connection(db) as con:
        write_batch(con, annotated)
    return db


def test_help_imports_no_heavy_module():
    code = ("import sys, accord.cli; heavy = ('duckdb', 'pyarrow', 'natasha', 'spacy', 'trafilatura', "
            "'accord.pipeline', 'accord.store'); print([m for m in heavy if m in sys.modules])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
    assert run("--help").exit_code == 0


def test_ingest_reports_and_is_idempotent(db, case_files, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    first = run("ingest", *case_files, empty, "--db", db, "--quiet")
    assert first.exit_code == 1, first.output  # some inputs skipped (issue 21)
    assert "1 input(s) skipped" in first.stderr
    assert f"skipped: [E002] {empty}" in first.stderr
    assert "4 stored, 0 unchanged" in first.stderr and "1 failed" in first.stderr
    second = run("ingest", *case_files, "--db", db)
    assert second.exit_code == 0 and "0 stored, 4 unchanged" in second.stderr
    summary = run("summary", "--db", db, "--json")
    assert json.loads(summary.stdout)["documents"] == 4


def test_second_writer_exits_with_a_clear_message(db, case_files):
    with WriterLock(db):
        res = run("ingest", *case_files, "--db", db)
    assert res.exit_code == 2
    assert "[E020]" in res.stderr and "another accord ingest" in res.stderr


@pytest.mark.parametrize("command", ["events", "entities", "quotes", "summary"])
def test_missing_store(tmp_path, command):
    missing = tmp_path / "none.duckdb"
    for extra in ((), ("--json",)):
        res = run(command, "--db", missing, *extra)
        assert res.exit_code == 2 and "[E021]" in res.stderr and "accord ingest" in res.stderr
        assert res.stdout == "" and "Traceback" not in res.output
    assert not missing.exists()  # a reader never creates the store


@pytest.mark.parametrize("command", ["events", "entities", "quotes", "summary"])
def test_query_commands_refuse_a_foreign_file(tmp_path, command):
    import duckdb

    other = tmp_path / "other.duckdb"
    duckdb.connect(str(other)).close()
    res = run(command, "--db", other)
    assert res.exit_code == 2 and "not an accord store" in res.stderr


def test_query_commands_print_json_or_a_table(filled):
    for command, key in (("events", "type"), ("entities", "name"), ("quotes", "text")):
        rows = json.loads(run(command, "--db", filled, "--json").stdout)
        assert rows and all(key in r for r in rows)
        table = run(command, "--db", filled)
        assert table.exit_code == 0 and f"{command} ({len(rows) if len(rows) < 20 else ''}" in table.stdout
    assert json.loads(run("summary", "--db", filled, "--json").stdout)["documents"] == 4


def test_events_json_and_table(filled):
    res = run("events", "--db", filled, "--dyad", "SRB-RUS", "--type", "CONSULT", "--since", "2021-01", "--json")
    assert res.exit_code == 0, res.output
    rows = json.loads(res.stdout)
    assert [r["type"] for r in rows] == ["CONSULT", "CONSULT"]
    assert all({r["source_country"], r["target_country"]} == {"SRB", "RUS"} for r in rows)
    table = run("events", "--db", filled, "--context", "migration")
    assert table.exit_code == 0 and "COOPERATE" in table.stdout and "Nebojša Stefanović" in table.stdout
    assert "CONSULT" not in table.stdout


def test_events_rejects_a_bad_date(filled):
    res = run("events", "--db", filled, "--since", "March 2021")
    assert res.exit_code == 2 and "not a date" in res.stderr


def test_entities_by_country_and_type(filled):
    rows = json.loads(run("entities", "--db", filled, "--country", "rus", "--json").stdout)
    assert {r["name"] for r in rows} == {"Nikolai Patrushev", "Russia", "Moscow"}
    people = json.loads(run("entities", "--db", filled, "--type", "PER", "--top", "1", "--json").stdout)
    assert len(people) == 1 and people[0]["docs"] == 3
    assert "Вулин" in people[0]["aliases"] or "Патрушев" in people[0]["aliases"]


def test_quotes_by_speaker_in_another_script(filled):
    res = run("quotes", "--db", filled, "--speaker", "Вулин")
    assert res.exit_code == 0
    assert "Aleksandar Vulin" in res.stdout and "Serbia will never join" in res.stdout
    rows = json.loads(run("quotes", "--db", filled, "--speaker", "Vulin", "--json").stdout)
    assert {r["lang"] for r in rows} == {"en", "ru", "sr"}


def test_summary_table(filled):
    res = run("summary", "--db", filled)
    assert res.exit_code == 0
    for part in ("documents per language", "top entities", "events per type", "top country dyads", "Aleksandar Vulin"):
        assert part in res.stdout


def test_export_command(filled, tmp_path):
    out = tmp_path / "ev.parquet"
    res = run("export", "--format", "parquet", "--db", filled, "-o", out)
    assert res.exit_code == 0 and out.stat().st_size > 0
    res = run("export", "--format", "polecat", "--db", filled)
    assert len(res.stdout.splitlines()) == 6 and json.loads(res.stdout.splitlines()[0])["event"]
    assert run("export", "--format", "parquet", "--db", filled).exit_code == 2


def test_evaluate_command(tmp_path, case_files):
    gold = {"docs": {p.name: {"lang": p.name.split("_")[0][:2], "entities": []} for p in case_files}}
    gold_path = tmp_path / "gold.json"
    gold_path.write_text(json.dumps(gold), encoding="utf-8")
    res = run("evaluate", gold_path, *case_files, "--json")
    assert res.exit_code == 0, res.output
    scores = json.loads(res.stdout)
    assert scores["docs_present"] == {"score": 1.0, "num": 4, "den": 4}
    assert scores["lang"]["den"] == 4
    text = run("evaluate", gold_path, *case_files).stdout
    assert text.splitlines()[0].startswith("docs_present") and text.splitlines()[-1].startswith("SUMMARY mean_core=")
