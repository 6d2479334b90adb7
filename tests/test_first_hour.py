"""A new user's first hour (issue 21): stdin formats, exit statuses, filter values checked,
the Dask extra missing, progress only on a terminal, no nanobind noise, search forms."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from accord.cli import app
from accord.stages.read_format import sniff
from accord.store import reader, writer_connection
from accord.store.write import write_batch

REPO = Path(__file__).resolve().parent.parent
runner = CliRunner()


def run(*args, input=None):
    return runner.invoke(app, [str(a) for a in args], input=input, env={"COLUMNS": "250"})


@pytest.fixture
def filled(db, annotated):
    with writer_connection(db) as con:
        write_batch(con, annotated)
    return db


@pytest.mark.parametrize("head,fmt", [
    (b'{"text": "Vulin met Patrushev."}\n{"text": "x"}\n', "jsonl"),
    (b'\xef\xbb\xbf  {"html": "<p>a</p>"}', "jsonl"),
    (b"<!DOCTYPE html><html><body><p>Vulin</p></body></html>", "html"),
    (b"<div><p>Vulin met Patrushev.</p><p>In Moscow.</p></div>", "html"),
    (b"Vulin met Patrushev in Moscow.\n", "txt"),
    (b"{not json at all} said the minister.\n", "txt"),
    (b"<3 the minister said.", "txt"),
    ("Vulin".encode("utf-16"), "txt"),
])
def test_stdin_format_is_sniffed(head, fmt):
    assert sniff(head) == fmt


def test_read_paths_reads_stdin_by_its_format(monkeypatch):
    """HTML piped in loses its markup; a JSON Lines dump piped in is one article a line."""
    import io

    from accord.stages.read import read_paths

    said = []
    dump = b'{"text": "First article about Serbia."}\n{"text": "Second article about Russia."}\n'
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(dump)))
    arts = list(read_paths(["-"], on_format=lambda *a: said.append(a)))
    assert [a.text for a in arts] == ["First article about Serbia.", "Second article about Russia."]
    assert said == [("<stdin>", "jsonl", True)]
    page = b"<html><body><article><p>Vulin met Patrushev in Moscow on Monday.</p></article></body></html>"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(page)))
    (art,) = read_paths(["-"])
    assert "<" not in art.text and "Vulin met Patrushev" in art.text
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(page)))
    (art,) = read_paths(["-"], fmt="txt")  # --format txt: the markup is the text
    assert art.text.startswith("<html>")


def test_exit_status_when_nothing_or_some_inputs_are_read(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "blob.txt"
    binary.write_bytes(bytes(range(256)) * 8)
    for paths in ([tmp_path / "missing"], [empty], [binary]):
        res = run("extract", *paths, "--workers", "1")
        assert res.exit_code == 1, res.output
        assert "1 input(s) skipped" in res.stderr
    res = run("extract", tmp_path / "no-articles-here", "--workers", "1")
    assert res.exit_code == 1
    assert run("extract", empty, "--format", "pdf").exit_code == 2
    assert "valid: auto, txt, html, jsonl" in run("extract", empty, "--format", "pdf").stderr


@pytest.mark.parametrize("args,message", [
    (["--since", "2021-13"], "not a date: '2021-13'"),
    (["--until", "2021-02-30"], "not a date"),
    (["--type", "FOO"], "valid: AGREE, CONSULT"),
    (["--type", "consult,BAR"], "unknown event type BAR"),
    (["--dyad", "SERBIA"], "this store holds"),
    (["--dyad", "SRB-SERBIA"], "unknown country code 'SERBIA'"),
    (["--context", "humanitarian"], "valid: military"),
])
def test_bad_filter_values_are_errors_that_list_valid_ones(filled, args, message):
    res = run("events", "--db", filled, *args)
    assert res.exit_code == 2 and message in res.stderr, res.output


def test_good_filter_values_still_answer(filled):
    res = run("events", "--db", filled, "--dyad", "srb-rus", "--type", "consult", "--since", "2021", "--json")
    assert res.exit_code == 0 and json.loads(res.stdout)
    assert run("events", "--db", filled, "-n", "0").exit_code == 2
    assert run("entities", "--db", filled, "--type", "PERSON").exit_code == 2
    assert "this store holds" in run("entities", "--db", filled, "--country", "Serbia").stderr
    assert run("entities", "--db", filled, "--country", "srb", "--json").exit_code == 0
    assert run("quotes", "--db", filled, "-n", "0").exit_code == 2


def test_dask_without_the_extra_says_how_to_install_it(monkeypatch, tmp_path):
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name in ("dask", "distributed") else real(name, *a))
    res = run("extract", REPO / "samples", "--dask", "local:1", "-o", tmp_path / "parts")
    assert res.exit_code == 2 and "pip install 'accord[dask]'" in res.stderr
    assert "Traceback" not in res.output


def test_progress_is_quiet_when_not_a_terminal(capsys):
    from accord.cli_progress import RunProgress

    with RunProgress(3000) as p:
        for _ in range(2500):
            p.advance(1, "x")
    err = capsys.readouterr().err
    assert err.strip() == "1000 of 3000 articles: x\n2000 of 3000 articles: x".strip()


def test_no_nanobind_noise_at_exit(tmp_path):
    """DuckDB's bindings print ~50 'nanobind: leaked' lines at interpreter teardown after a run
    with the pipeline's models; the `accord` script ends without that teardown."""
    env = dict(os.environ, PYTHONPATH=str(REPO / "src"))
    res = subprocess.run([sys.executable, "-m", "accord.cli", "ingest", REPO / "samples" / "en_01_reuters_russia_expels_german_diplomats.txt",
                          "--db", tmp_path / "t.duckdb", "--workers", "1"], capture_output=True, text=True, env=env, timeout=600)
    assert res.returncode == 0, res.stderr
    assert "nanobind:" not in res.stderr and "leaked" not in res.stderr and "1 stored" in res.stderr


def test_search_forms_and_literal_wildcards(filled):
    from accord.store.search import search

    with reader(filled) as con:
        assert not search(con, "%")["entities"] and not search(con, "_")["articles"]
        for q in ("Vulina", "vulin", "Вулином"):  # inflected, lower case, other script
            assert "per:vulin-aleksandar" in [e["id"] for e in search(con, q)["entities"]], q


def test_search_snippet_comes_from_the_body():
    from accord.store.search import snippet

    text = "Home | News | Login\nVulin met Patrushev in Moscow.\nCookie policy"
    body = [(20, 50)]
    assert snippet(text, ["nothing"], body=body)["before"] == "Vulin met Patrushev in Moscow."
    assert snippet(text, ["News"], body=body)["match"] == ""  # boilerplate is not searched for a snippet
    assert snippet(text, ["patrushev"], body=body)["match"] == "Patrushev"
