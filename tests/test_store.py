"""The DuckDB store: round trip, idempotence, bad input, interruption, locking, queries."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import msgspec
import pytest

from accord.errors import StoreError, StoreLocked
from accord.stages.read import read_paths
from accord.store import ingest, query, reader, writer_connection
from accord.store.db import WriterLock
from accord.store.write import event_id, write_batch

from conftest import ANNOTATIONS, CASES, TESTS, annotate

TABLES = ("documents", "entities", "mentions", "aliases", "quotes", "events", "dates")


def counts(db) -> dict[str, int]:
    with reader(db) as con:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0] for t in TABLES}


def store_annotated(db, articles, force=False):
    with writer_connection(db) as con:
        return write_batch(con, articles, force=force)


def test_round_trip_keeps_text_record_and_offsets(db, annotated):
    stored, skipped = store_annotated(db, annotated)
    assert sorted(stored) == sorted(a.doc_id for a in annotated) and skipped == []
    with reader(db) as con:
        for a in annotated:
            text, record, lang, script, body = con.execute(
                "SELECT text, record, lang, script, body FROM documents WHERE doc_id = ?", [a.doc_id]).fetchall()[0]
            assert text == a.text  # byte for byte, Cyrillic and typographic quotes included
            assert "text" not in json.loads(record)  # the text is stored once, in documents.text
            assert query.record(con, a.doc_id) == msgspec.json.decode(msgspec.json.encode(a.to_record()))
            assert (lang, script) == (a.lang, a.script)
            assert body == [{"start": b.start, "end": b.end} for b in a.body]
            for table, cols in (("mentions", 'start, "end", text'), ("quotes", 'start, "end", text'),
                                ("events", "trigger_start, trigger_end, trigger_text")):
                rows = con.execute(f"SELECT {cols} FROM {table} WHERE doc_id = ?", [a.doc_id]).fetchall()
                assert rows, f"{table} of {a.source} empty"
                for s, e, t in rows:
                    assert text[s:e] == t
            for s, e, sent in con.execute("SELECT sentence_start, sentence_end, sentence_text FROM events WHERE doc_id = ?",
                                          [a.doc_id]).fetchall():
                assert text[s:e] == sent


def test_entities_are_global_with_aliases_in_every_script(db, annotated):
    store_annotated(db, annotated)
    with reader(db) as con:
        rows = con.execute("SELECT id, name, country FROM entities WHERE id = 'per:vulin-aleksandar'").fetchall()
        assert rows == [("per:vulin-aleksandar", "Aleksandar Vulin", "SRB")]  # one row for three documents
        docs = con.execute("SELECT count(DISTINCT doc_id) FROM mentions WHERE entity_id = 'per:vulin-aleksandar'").fetchall()[0][0]
        assert docs == 3
        aliases = {r[0]: (r[1], r[2]) for r in con.execute(
            "SELECT alias, lang, script FROM aliases WHERE entity_id = 'per:vulin-aleksandar'").fetchall()}
    assert aliases["Вулин"][1] == "Cyrl" and aliases["Vulin"] == ("en", "Latn")
    assert "Александром Вулином" in aliases and "Aleksandar Vulin" in aliases


def test_event_ids_are_stable_and_unique(db, annotated):
    store_annotated(db, annotated)
    with reader(db) as con:
        ids = con.execute("SELECT id, doc_id FROM events").fetchall()
    assert len({i for i, _ in ids}) == len(ids) == sum(len(a.events) for a in annotated)
    a = annotated[0]
    assert {e.id for e in a.events} == {event_id(a.doc_id, e) for e in a.events}


def test_quad_class_and_event_fields(db, annotated):
    store_annotated(db, annotated)
    with reader(db) as con:
        rows = query.events(con, types=["AID"])
    assert len(rows) == 1
    r = rows[0]
    assert (r["quad_class"], r["source_country"], r["target_country"]) == (2, "RUS", "SRB")
    assert r["source_name"] == "Nikolai Patrushev" and r["event_date"] == "2021-03-12"  # no date: publication date


def test_reingest_changes_nothing(db, case_files):
    first = ingest(read_paths(case_files), db)
    assert first.stored == len(case_files) and not first.failed
    before = counts(db)
    second = ingest(read_paths(case_files), db)
    assert (second.stored, second.unchanged) == (0, len(case_files))
    assert counts(db) == before


def test_force_reextracts_without_duplicating(db, annotated):
    store_annotated(db, annotated)
    before = counts(db)
    with reader(db) as con:
        t0 = con.execute("SELECT max(ingested_at) FROM documents").fetchall()[0][0]
    stored, skipped = store_annotated(db, annotated)
    assert stored == [] and len(skipped) == len(annotated)
    stored, skipped = store_annotated(db, annotated, force=True)
    assert len(stored) == len(annotated) and skipped == []
    assert counts(db) == before
    with reader(db) as con:
        assert con.execute("SELECT min(ingested_at) FROM documents").fetchall()[0][0] >= t0


def test_same_text_twice_in_one_run_is_stored_once(db, tmp_path, case_files):
    copy = tmp_path / "copy_of_article.txt"
    copy.write_bytes(case_files[0].read_bytes())
    report = ingest(read_paths([*case_files, copy]), db)
    assert report.stored == len(case_files) and report.duplicates == 1
    assert counts(db)["documents"] == len(case_files)


def test_bad_files_are_reported_and_the_batch_goes_on(db, tmp_path, case_files):
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "blank.txt").write_bytes(b" \n\t\n")
    (bad / "binary.txt").write_bytes(bytes(range(256)) * 40 + b"\x00\x01\x02" * 1000)
    (bad / "broken.jsonl").write_text('{"text": "Vučić met Putin in Moscow on Tuesday."}\nnot json at all\n{"title": "no text"}\n',
                                      encoding="utf-8")
    errors = []
    report = ingest(read_paths([bad, *case_files]), db, batch_size=2, on_error=errors.append)
    failed = {Path(src.split(":")[0]).name for src, _ in report.failed}
    assert {"empty.txt", "blank.txt", "binary.txt", "broken.jsonl"} <= failed
    assert all(str(e) for e in errors) and len(errors) == len(report.failed)
    assert report.stored == len(case_files) + 1  # the good JSONL line too
    assert counts(db)["documents"] == len(case_files) + 1
    # and a re-run stores nothing twice
    again = ingest(read_paths([bad, *case_files]), db, batch_size=2)
    assert again.stored == 0 and counts(db)["documents"] == len(case_files) + 1


CHILD = r"""
import os, signal, sys, time
sys.path.insert(0, {tests!r})
from conftest import ANNOTATIONS, annotate
from accord.stages.read import read_paths
from accord.store import ingest

kill_at, delay = int(sys.argv[3]), float(sys.argv[4])
texts = {{}}
for name in ANNOTATIONS:
    texts[open(os.path.join({cases!r}, name), encoding="utf-8").read()[:40]] = name

def process(items):  # hand annotation instead of the pipeline; die or dawdle where told
    for i, a in enumerate(items):
        if i == kill_at:
            os.kill(os.getpid(), signal.SIGKILL)
        time.sleep(delay)
        yield annotate(a, ANNOTATIONS[texts[a.text[:40]]])

ingest(read_paths([sys.argv[1]]), sys.argv[2], batch_size=10, process=process)
"""


def _many_articles(tmp_path, n: int) -> Path:
    """n distinct real articles: the case texts, each with its own dateline update appended."""
    names = sorted(ANNOTATIONS)
    path = tmp_path / "many.jsonl"
    with open(path, "w", encoding="utf-8") as f:
        for i in range(n):
            text = (CASES / names[i % len(names)]).read_text(encoding="utf-8") + f"\nUpdated {i + 1} times.\n"
            f.write(json.dumps({"text": text}, ensure_ascii=False) + "\n")
    return path


def _child(src, db, kill_at=-1, delay=0.0) -> subprocess.Popen:
    code = CHILD.format(tests=str(TESTS), cases=str(CASES))
    return subprocess.Popen([sys.executable, "-c", code, str(src), str(db), str(kill_at), str(delay)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _expected_rows(db) -> None:
    """Every document exactly once, each with all of its rows (never half a document)."""
    with reader(db) as con:
        assert con.execute("SELECT count(*) - count(DISTINCT doc_id) FROM documents").fetchall()[0][0] == 0
        per_doc = con.execute(
            "SELECT d.doc_id, d.text, (SELECT count(*) FROM quotes q WHERE q.doc_id = d.doc_id), "
            "(SELECT count(*) FROM events e WHERE e.doc_id = d.doc_id) FROM documents d").fetchall()
    by_prefix = {(CASES / n).read_text(encoding="utf-8")[:40]: n for n in ANNOTATIONS}
    for _, text, nq, ne in per_doc:
        spec = ANNOTATIONS[by_prefix[text[:40]]]
        assert (nq, ne) == (len(spec["quotes"]), len(spec["events"]))


def test_killed_ingest_then_rerun_leaves_every_document_once(db, tmp_path):
    src = _many_articles(tmp_path, 45)
    child = _child(src, db, kill_at=27)
    child.wait(timeout=120)
    assert child.returncode == -9
    partial = counts(db)["documents"]
    assert partial == 20  # two whole batches of 10 committed, the third lost with the process
    _expected_rows(db)
    rerun = _child(src, db)
    assert rerun.wait(timeout=120) == 0, rerun.stderr.read().decode()
    assert counts(db)["documents"] == 45
    _expected_rows(db)


def test_readers_work_while_an_ingest_runs(db, tmp_path):
    src = _many_articles(tmp_path, 40)
    child = _child(src, db, delay=0.05)
    try:
        seen = []
        deadline = time.monotonic() + 60
        while child.poll() is None and time.monotonic() < deadline:
            if Path(db).exists():
                try:
                    seen.append(counts(db)["documents"])
                except StoreError:  # the schema is not in place yet
                    pass
            time.sleep(0.2)
        assert child.wait(timeout=60) == 0, child.stderr.read().decode()
    finally:
        if child.poll() is None:
            child.kill()
    assert len(seen) >= 3 and seen == sorted(seen)  # readers got in between batches, never saw a count go back
    assert counts(db)["documents"] == 40


def test_second_writer_gets_a_clear_error(db, case_files):
    with WriterLock(db):
        with pytest.raises(StoreLocked) as exc:
            ingest(read_paths(case_files), db)
    assert "another accord ingest" in str(exc.value) and str(db) in str(exc.value)
    assert ingest(read_paths(case_files), db).stored == len(case_files)  # released: works again


def test_reader_is_told_when_another_program_holds_the_file(db, case_files):
    ingest(read_paths(case_files[:1]), db)
    holder = subprocess.Popen([sys.executable, "-c", "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); "
                               "print('ok', flush=True); time.sleep(30)", str(db)], stdout=subprocess.PIPE)
    try:
        assert holder.stdout.readline().strip() == b"ok"
        with pytest.raises(StoreLocked) as exc:
            with reader(db, wait_s=0.3):
                pass
        assert "busy" in str(exc.value)
    finally:
        holder.kill()
        holder.wait()


def test_missing_store_is_an_error_not_a_new_file(tmp_path):
    missing = tmp_path / "nothing.duckdb"
    with pytest.raises(StoreError, match="accord ingest"):
        with reader(missing):
            pass
    assert not missing.exists()


def test_speaker_matches_names_in_any_script(db, annotated):
    store_annotated(db, annotated)
    with reader(db) as con:
        by_latin = query.quotes(con, speaker="Vulin")
        by_cyrillic = query.quotes(con, speaker="Вулин")
        full = query.quotes(con, speaker="aleksandar vulin")
        other = query.quotes(con, speaker="Stefanovic")  # no diacritics typed
        nobody = query.quotes(con, speaker="Patrushev")
    assert {q["lang"] for q in by_latin} == {"en", "ru", "sr"} and len(by_latin) == 3
    assert {q["text"] for q in by_cyrillic} == {q["text"] for q in by_latin} == {q["text"] for q in full}
    assert [q["speaker_name"] for q in other] == ["Nebojša Stefanović"]
    assert nobody == []


def test_event_filters(db, annotated):
    store_annotated(db, annotated)
    with reader(db) as con:
        def types(**kw):
            return sorted(r["type"] for r in query.events(con, **kw))

        assert types(dyad="SRB-RUS") == ["AGREE", "AID", "CONSULT", "CONSULT", "CONSULT"]
        assert types(dyad="SRB>RUS") == ["CONSULT", "CONSULT"]
        assert types(dyad="DEU") == ["COOPERATE"]
        assert types(types=["consult"], context="terrorism") == ["CONSULT", "CONSULT", "CONSULT"]
        assert types(since="2021-03", until="2021-03") == ["AGREE", "AID", "CONSULT", "CONSULT"]
        assert types(since="2021") == types(since="2021-01-01")  # precision-aware comparison
        assert types(until="2019-07") == ["COOPERATE"]
        assert types(min_confidence=0.9) == []
        assert len(query.events(con, limit=2)) == 2


def make_version_1(db, articles):
    """A store as schema version 1 wrote it: the whole record (text included) in documents.record."""
    import duckdb

    store_annotated(db, articles)
    con = duckdb.connect(str(db))
    for a in articles:
        con.execute("UPDATE documents SET record = ? WHERE doc_id = ?",
                    [msgspec.json.encode(a.to_record()).decode(), a.doc_id])
    con.execute("UPDATE accord_meta SET value = '1' WHERE key = 'schema_version'")
    con.close()


def test_text_is_stored_once(db, annotated):
    store_annotated(db, annotated)
    with reader(db) as con:
        for text, record in con.execute("SELECT text, record FROM documents").fetchall():
            assert "text" not in json.loads(record)
            paragraph = max(text.splitlines(), key=len)
            assert json.dumps(paragraph, ensure_ascii=False)[1:-1] not in record  # the body text is not repeated
        assert con.execute("SELECT value FROM accord_meta WHERE key = 'schema_version'").fetchall() == [("2",)]


def test_a_version_1_store_is_read_then_migrated_by_the_first_writer(db, annotated, tmp_path):
    from accord.export import export

    make_version_1(db, annotated)
    want = {a.doc_id: msgspec.json.encode(a.to_record()).decode() for a in annotated}  # event ids given by the store
    before = counts(db)

    def exported() -> dict[str, str]:
        out = tmp_path / "out.jsonl"
        export(db, "jsonl", out)
        return {json.loads(line)["doc_id"]: line for line in out.read_text(encoding="utf-8").splitlines()}

    with reader(db) as con:  # a reader opens it as it is: every query answers
        assert con.execute("SELECT value FROM accord_meta").fetchall() == [("1",)]
        assert query.summary(con)["documents"] == len(annotated)
        assert query.record(con, annotated[0].doc_id)["text"] == annotated[0].text
    assert exported() == want  # byte for byte what `accord extract` writes
    with writer_connection(db) as con:  # the first writer migrates in place
        assert con.execute("SELECT value FROM accord_meta").fetchall() == [("2",)]
        assert not any("text" in json.loads(r) for (r,) in con.execute("SELECT record FROM documents").fetchall())
    assert exported() == want and counts(db) == before
    stored, skipped = store_annotated(db, annotated)  # the idempotent re-run still skips them
    assert stored == [] and len(skipped) == len(annotated) and counts(db) == before


def test_a_store_of_a_newer_version_names_the_fix(db, annotated):
    import duckdb

    store_annotated(db, annotated)
    con = duckdb.connect(str(db))
    con.execute("UPDATE accord_meta SET value = '99' WHERE key = 'schema_version'")
    con.close()
    for opener in (reader, writer_connection):
        with pytest.raises(StoreError, match="newer accord.*upgrade accord, or re-ingest into a new --db"):
            with opener(db):
                pass


def test_where_builds_one_clause_with_its_arguments():
    w = query.Where()
    assert (w.clause(), w.expr(), w.args) == ("", "TRUE", [])
    w.add("a = ?", 1).add("(b = ? OR c = ?)", 2, 3).date_bounds("2021", None, col="d")
    assert w.clause().startswith("WHERE a = ? AND (b = ? OR c = ?) AND d IS NOT NULL")
    assert w.args == [1, 2, 3, "2021", "2021", "2021"]
    assert w.expr().count("?") == len(w.args)


def test_summary_counts(db, annotated):
    store_annotated(db, annotated)
    with reader(db) as con:
        s = query.summary(con)
    assert s["documents"] == 4
    assert {(r["lang"], r["script"]) for r in s["languages"]} == {("en", "Latn"), ("ru", "Cyrl"), ("sr", "Cyrl"), ("sr", "Latn")}
    assert s["top_entities"][0]["docs"] == 3
    assert s["top_dyads"][0] == {"country_a": "RUS", "country_b": "SRB", "events": 5}
    assert {r["type"]: r["events"] for r in s["event_types"]}["CONSULT"] == 3
