"""Interruptions and concurrency, with real `accord ingest` processes on ~120 real articles:

one ingest runs; meanwhile a second writer is refused plainly, query commands and the web view's
reader() get answers (or are told plainly that the store is busy); then the ingest is killed
with SIGKILL in the middle of its run. A re-run ends with every document exactly once, with all
of its rows and none twice, and the store stays readable.

The scenario runs once (module fixture: it costs one pipeline pass over the corpus); each test
checks one property of what happened.
"""
from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import time

import pytest

from accord.doc import make_doc_id
from accord.errors import StoreError, StoreLocked
from accord.store import reader

from .support import accord_cmd, run_accord, table_rows, variant_corpus

N_DOCS = 120  # enough that a fast machine is still ingesting when the test kills it (60 finished first once)
BATCH = 5


def _count(db) -> int | None:
    """Documents stored now, read the way the web view reads (None while the store is busy)."""
    try:
        with reader(db, wait_s=0.5) as con:
            return con.execute("SELECT count(*) FROM documents").fetchall()[0][0]
    except (StoreLocked, StoreError):  # busy, or the schema not yet in place
        return None


@pytest.fixture(scope="module")
def scenario(tmp_path_factory):
    root = tmp_path_factory.mktemp("interrupt")
    corpus = root / "corpus"
    variant_corpus(corpus, N_DOCS)
    db = root / "store.duckdb"
    seen: dict = {"counts": [], "busy": 0}
    first = subprocess.Popen(accord_cmd("ingest", corpus, "--db", db, "--batch-size", BATCH, "--workers", "1"),
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    try:
        def wait_for(n: int) -> None:
            deadline = time.monotonic() + 600
            while time.monotonic() < deadline:
                assert first.poll() is None, f"ingest ended early: {first.stderr.read().decode()}"
                c = _count(db)
                if c is None:
                    seen["busy"] += 1
                else:
                    seen["counts"].append(c)
                    if c >= n:
                        return
                time.sleep(0.2)
            raise AssertionError(f"no {n} documents stored in time")

        wait_for(BATCH)  # the first batch is committed, the ingest is running
        seen["second_writer"] = run_accord("ingest", corpus, "--db", db, "--workers", "1", timeout=120)
        seen["queries"] = {name: run_accord(*args, "--db", db, "--json", timeout=120)
                           for name, args in (("events", ["events", "-n", "5"]), ("entities", ["entities", "--top", "5"]),
                                              ("quotes", ["quotes", "-n", "5"]), ("summary", ["summary"]))}
        wait_for(3 * BATCH)
        time.sleep(0.5)  # well inside a later batch
        os.killpg(first.pid, signal.SIGKILL)  # kill -9 the ingest (and anything it started)
        first.wait(timeout=60)
        seen["killed_rc"] = first.returncode
        seen["after_kill"] = table_rows(db, "SELECT count(*) FROM documents")[0][0]
        seen["lock_left"] = (db.parent / f"{db.name}.ingest.lock").exists()
    finally:
        if first.poll() is None:
            os.killpg(first.pid, signal.SIGKILL)
            first.wait()
    seen["rerun"] = run_accord("ingest", corpus, "--db", db, "--batch-size", BATCH, "--workers", "1", timeout=900)
    seen["rerun_again"] = run_accord("ingest", corpus, "--db", db, "--workers", "1", timeout=300)
    seen["db"] = db
    seen["corpus"] = corpus
    return seen


def test_a_second_writer_is_refused_with_a_plain_reason(scenario):
    res = scenario["second_writer"]
    err = res.stderr.decode()
    assert res.returncode == 2, err
    assert re.search(r"another accord ingest \(PID \d+\) is writing this store", err), err
    assert str(scenario["db"]) in err and "Traceback" not in err


def test_queries_during_an_ingest_answer_or_say_plainly_that_the_store_is_busy(scenario):
    for name, res in scenario["queries"].items():
        err = res.stderr.decode()
        if res.returncode == 0:
            data = json.loads(res.stdout)
            assert data or name in ("events", "quotes"), name
        else:
            assert res.returncode == 2 and "busy" in err and "Traceback" not in err, (name, err)
    answered = [n for n, r in scenario["queries"].items() if r.returncode == 0]
    assert answered, "no query got an answer between batches"


def test_the_web_views_reader_saw_the_store_grow_between_batches(scenario):
    counts = scenario["counts"]
    assert len(counts) >= 3 and counts == sorted(counts)  # never a count going back
    assert all(c % BATCH == 0 for c in counts), counts  # whole batches only, never half of one


def test_a_killed_ingest_leaves_only_whole_batches(scenario):
    assert scenario["killed_rc"] == -signal.SIGKILL
    stored = scenario["after_kill"]
    assert 3 * BATCH <= stored < N_DOCS, stored
    assert stored % BATCH == 0, stored


def test_the_rerun_stores_the_rest_and_a_third_run_stores_nothing(scenario):
    rerun, again = scenario["rerun"], scenario["rerun_again"]
    assert rerun.returncode == 0, rerun.stderr.decode()
    left = N_DOCS - scenario["after_kill"]
    assert f"{left} stored, {scenario['after_kill']} unchanged" in rerun.stderr.decode()  # the stale lock file is no obstacle
    assert again.returncode == 0 and f"0 stored, {N_DOCS} unchanged" in again.stderr.decode()


def test_every_document_is_stored_exactly_once_with_all_its_rows(scenario):
    db = scenario["db"]
    docs = table_rows(db, "SELECT doc_id, text, record FROM documents")
    assert len(docs) == N_DOCS == len({d for d, _, _ in docs})
    corpus_texts = {p.read_text(encoding="utf-8") for p in scenario["corpus"].iterdir()}
    assert {t for _, t, _ in docs} == corpus_texts
    for doc_id, text, record in docs:
        assert doc_id == make_doc_id(text)
        rec = json.loads(record)
        want = {"mentions": sum(len(e["mentions"]) for e in rec["entities"]), "quotes": len(rec["quotes"]),
                "events": len({e["id"] for e in rec["events"]}), "dates": len(rec["dates"])}
        got = {t: table_rows(db, f"SELECT count(*) FROM {t} WHERE doc_id = ?", [doc_id])[0][0]
               for t in want}
        assert got == want, (doc_id, got, want)
    for table, key in (("mentions", "doc_id, entity_id, start, \"end\""), ("quotes", "doc_id, idx"), ("events", "id"),
                       ("dates", "doc_id, start, \"end\"")):
        dup = table_rows(db, f"SELECT {key}, count(*) FROM {table} GROUP BY ALL HAVING count(*) > 1")
        assert dup == [], (table, dup[:3])


def test_the_store_is_readable_by_every_command_afterwards(scenario):
    res = run_accord("summary", "--db", scenario["db"], "--json", timeout=120)
    assert res.returncode == 0, res.stderr.decode()
    assert json.loads(res.stdout)["documents"] == N_DOCS
    assert run_accord("export", "--format", "jsonl", "--db", scenario["db"], timeout=120).stdout.count(b"\n") == N_DOCS
