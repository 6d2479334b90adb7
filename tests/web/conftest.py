"""A store built from samples/ plus one hostile article, shared by the web tests (the real
pipeline runs once per session), and an in-process client over it.

With ACCORD_WEB_SCREENSHOTS set (refreshing docs/screenshots), the store holds samples/ only, so
the README's pictures show no test article; the hostile-article tests skip in that run."""
from __future__ import annotations

import os
import warnings
from pathlib import Path

import pytest

from accord.store import ingest
from accord.stages.read import read_paths

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO / "samples"

# Untrusted text: if any page inserted article text unescaped, these would run in the browser.
SCRIPT_PAYLOAD = "<script>window.__pwned = 'script'</script>"
ONERROR_PAYLOAD = "<img src=x onerror=\"window.__pwned = 'onerror'\">"
HOSTILE_TEXT = f"""Vulin warns about hackers {SCRIPT_PAYLOAD}

Belgrade, 3 March 2023 — Serbian minister Aleksandar Vulin said on Friday that Serbia will never accept
sanctions against Russia. "We will not impose sanctions {ONERROR_PAYLOAD} on our friends," Vulin told reporters.

Russian Foreign Minister Sergei Lavrov thanked Serbia and met Vulin in Moscow on 5 March 2023.
The two ministers agreed to expand police cooperation {SCRIPT_PAYLOAD} against drug trafficking.
"""


@pytest.fixture(scope="session")
def hostile_dir(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("hostile")
    (d / "en_hostile_payload.txt").write_text(HOSTILE_TEXT, encoding="utf-8")
    return d


def samples_only() -> bool:
    """True when this run refreshes the README's screenshots (ACCORD_WEB_SCREENSHOTS)."""
    return bool(os.environ.get("ACCORD_WEB_SCREENSHOTS"))


@pytest.fixture(scope="session")
def web_db(tmp_path_factory, hostile_dir) -> Path:
    if not SAMPLES.is_dir():
        pytest.skip("samples/ is missing")
    db = tmp_path_factory.mktemp("webstore") / "web.duckdb"
    inputs = [str(SAMPLES)] if samples_only() else [str(SAMPLES), str(hostile_dir)]
    report = ingest(read_paths(inputs), db)
    assert report.stored >= 2 and not report.failed, report
    if samples_only():  # pictures for the docs: every stored article is one of samples/
        from accord.store import reader

        with reader(db) as con:
            sources = [Path(r[0]) for r in con.execute("SELECT source FROM documents").fetchall()]
        assert sources and all(SAMPLES in p.parents for p in sources), sources
    return db


@pytest.fixture(scope="session")
def client(web_db):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # starlette's notice about httpx
        from fastapi.testclient import TestClient
    from accord.web import create_app

    with TestClient(create_app(web_db), base_url="http://127.0.0.1") as c:
        yield c


@pytest.fixture(scope="session")
def con(web_db):
    from accord.store import reader

    with reader(web_db) as c:
        yield c


@pytest.fixture(scope="session")
def hostile_doc_id(con) -> str:
    if samples_only():
        pytest.skip("ACCORD_WEB_SCREENSHOTS: the store is samples-only (no hostile article) for the docs' screenshots")
    rows = con.execute("SELECT doc_id FROM documents WHERE source LIKE '%en_hostile_payload.txt'").fetchall()
    assert rows, "the hostile article was not stored"
    return rows[0][0]
