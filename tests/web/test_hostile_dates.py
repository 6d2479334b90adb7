"""Issue 22: the web view over a store that holds dates no reader would accept today (written
by an older accord, or from Parquet parts): 0000-00-00, full-width digits, month 13, year 0001.
Every page answers 200 and every event is counted once, on the timeline or apart from it;
before, /timeline and /api/timeline failed with HTTP 500 for the whole store (KeyError)."""
from __future__ import annotations

import shutil
import warnings

import duckdb
import pytest

BAD = ["0000-00-00", "２０２１-０３-０５", "2021-13-01", "0001-01-01", "9999-99-99"]


@pytest.fixture(scope="module")
def bad_client(web_db, tmp_path_factory):
    db = tmp_path_factory.mktemp("baddates") / "bad.duckdb"
    shutil.copy(web_db, db)
    con = duckdb.connect(str(db))
    try:
        docs = [r[0] for r in con.execute("SELECT doc_id FROM documents ORDER BY doc_id").fetchall()]
        assert len(docs) > len(BAD)
        for doc_id, value in zip(docs, BAD):
            con.execute("UPDATE documents SET published = ? WHERE doc_id = ?", [value, doc_id])
            con.execute("UPDATE events SET date = NULL WHERE doc_id = ?", [doc_id])  # they take the article's date
        con.execute("UPDATE events SET date = '2021-00' WHERE id IN (SELECT id FROM events WHERE date IS NOT NULL LIMIT 1)")
        total = con.execute("SELECT count(*) FROM events").fetchall()[0][0]
    finally:
        con.close()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient
    from accord.web import create_app

    with TestClient(create_app(db), base_url="http://127.0.0.1") as c:
        yield c, total


@pytest.mark.parametrize("url", ["/", "/api/overview", "/events", "/api/events", "/timeline", "/api/timeline",
                                 "/api/timeline?since=2020", "/api/network", "/search?q=Vulin"])
def test_every_page_answers_over_a_store_with_impossible_dates(bad_client, url):
    client, _ = bad_client
    assert client.get(url).status_code == 200, url


def test_the_timeline_counts_every_event_once_impossible_dates_apart(bad_client):
    client, total = bad_client
    data = client.get("/api/timeline").json()
    assert data["events"] + data["without_month"] == total
    assert data["months"] and all(m[:4].isascii() and "2021-13" != m and m >= "1000" for m in data["months"])
    assert sum(sum(s["counts"]) for s in data["series"]) == data["events"]
