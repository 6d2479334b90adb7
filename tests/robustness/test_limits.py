"""Resource limits: a maximum article size and a per-article time budget, both configurable
(--max-bytes / ACCORD_MAX_BYTES, --time-budget / ACCORD_TIME_BUDGET). An article over either
is skipped with a message naming it and the limit; the batch goes on."""
from __future__ import annotations

import json
import time

import pytest

import accord.stages.dates
from accord.doc import Article
from accord.errors import StageTimeout
from accord.pipeline import process_many

from .support import assert_clear_error, run_accord, sample_texts, table_rows

SHORT = ["Serbia and Russia signed a police cooperation agreement in Belgrade on Monday.",
         "Министр Лавров встретился с сербским коллегой в Москве во вторник.",
         "Ministar Dačić se sastao sa kolegom iz Mađarske u Beogradu."]


@pytest.fixture
def stalling_dates(monkeypatch):
    """The dates stage stalls on any article containing STALL (a pathological input)."""
    original = accord.stages.dates.run

    def run(doc):
        if "STALL" in doc.text:
            time.sleep(60)
        original(doc)

    monkeypatch.setattr(accord.stages.dates.COMPONENT, "run", run)  # the pipeline calls the component


def test_an_article_over_the_time_budget_is_skipped_and_the_batch_goes_on(stalling_dates):
    items = [Article(text=SHORT[0], source="a.txt"), Article(text="STALL " + SHORT[1], source="stuck.txt"),
             Article(text=SHORT[2], source="c.txt")]
    out = list(process_many(items, time_budget=1.5))
    assert [type(o).__name__ for o in out] == ["Article", "StageTimeout", "Article"]
    assert_clear_error(out[1], "stuck.txt")
    assert "time budget of 1.5 s" in out[1].reason and "dates" in out[1].reason
    assert out[0].lang == "en" and out[2].sentences  # the others ran every stage


def test_a_stage_that_swallows_exceptions_cannot_swallow_the_budget(monkeypatch):
    def stubborn(doc):
        try:
            time.sleep(60)
        except Exception:  # noqa: BLE001 - what careless stage code does
            pass

    monkeypatch.setattr(accord.stages.dates.COMPONENT, "run", stubborn)
    (out,) = list(process_many([Article(text=SHORT[0], source="s.txt")], time_budget=1))
    assert isinstance(out, StageTimeout)


def test_the_first_articles_of_a_run_do_not_pay_for_loading_models():
    """A small budget skips only slow articles, not the first of each language while models load."""
    res = run_accord("extract", "-", "--workers", "1", "--time-budget", "5", stdin=SHORT[1].encode(), timeout=300)
    assert res.returncode == 0 and "E011" not in res.stderr.decode(), res.stderr.decode()
    assert json.loads(res.stdout)["lang"] == "ru"


def _big_single_line(path) -> None:
    text = " ".join(t for _, t in sample_texts()).replace("\n", " ")
    path.write_text((text * (10_000_000 // len(text) + 1))[:10_000_000], encoding="utf-8")


def test_cli_time_budget_skips_a_10_mb_single_line_article_and_stores_the_rest(tmp_path):
    corpus = tmp_path / "in"
    corpus.mkdir()
    for i, text in enumerate(SHORT):
        (corpus / f"short{i}.txt").write_text(text, encoding="utf-8")
    _big_single_line(corpus / "huge_line.txt")
    db = tmp_path / "s.duckdb"
    res = run_accord("ingest", corpus, "--db", db, "--workers", "2", "--time-budget", "3", "-q", timeout=600)
    err = res.stderr.decode()
    assert res.returncode == 1, err  # one input skipped (issue 21)
    assert "E011" in err and "huge_line.txt" in err and "time budget of 3 s" in err
    assert "3 stored" in err and "1 failed" in err
    assert table_rows(db, "SELECT count(*) FROM documents")[0][0] == 3


def test_cli_max_bytes_skips_big_files_and_records_with_a_clear_message(tmp_path):
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "small.txt").write_text(SHORT[0], encoding="utf-8")
    (corpus / "big.txt").write_text(SHORT[0] * 100, encoding="utf-8")
    (corpus / "dump.jsonl").write_text(json.dumps({"text": SHORT[1]}, ensure_ascii=False) + "\n"
                                       + json.dumps({"text": SHORT[2] * 100}, ensure_ascii=False) + "\n"
                                       + json.dumps({"text": SHORT[2]}, ensure_ascii=False) + "\n", encoding="utf-8")
    res = run_accord("extract", corpus, "--workers", "1", "--max-bytes", "2000", timeout=300)
    err = res.stderr.decode()
    assert res.returncode == 1, err  # inputs skipped (issue 21)
    assert f"big.txt: {len(SHORT[0].encode()) * 100} bytes is over the limit of 2000" in err and "--max-bytes" in err
    assert "dump.jsonl:2:" in err and "over the limit of 2000" in err
    records = [json.loads(line) for line in res.stdout.splitlines()]
    assert sorted(r["text"] for r in records) == sorted([SHORT[0], SHORT[1], SHORT[2]])
    env_res = run_accord("extract", corpus / "big.txt", "--workers", "1", env={"ACCORD_MAX_BYTES": "2000"}, timeout=120)
    assert "over the limit of 2000" in env_res.stderr.decode() and env_res.stdout == b""
