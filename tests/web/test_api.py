"""The web view in process (FastAPI TestClient) over a store built from samples/ plus a hostile
article: every page and its JSON twin, offsets of highlights, search across scripts, escaping,
path traversal, parameter validation, a busy, missing or empty store."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
import warnings

import pytest

from accord.translit import has_cyrillic

from .conftest import HOSTILE_TEXT
from .test_highlight import parse

PAGES = ["/", "/events", "/timeline", "/search", "/search?q=Vulin"]


def test_every_page_renders_with_security_headers(client, hostile_doc_id, con):
    entity_id = con.execute("SELECT entity_id FROM mentions GROUP BY 1 ORDER BY count(*) DESC LIMIT 1").fetchall()[0][0]
    for url in PAGES + [f"/article/{hostile_doc_id}", f"/entity/{entity_id}"]:
        r = client.get(url)
        assert r.status_code == 200, url
        assert r.headers["content-type"].startswith("text/html")
        csp = r.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
        assert r.headers["x-content-type-options"] == "nosniff"
        # no inline script (only JSON data blocks) and no inline event handler in our markup
        for m in re.finditer(r"<script\b([^>]*)>", r.text):
            assert "src=" in m.group(1) or 'type="application/json"' in m.group(1), (url, m.group(0))
        assert not re.search(r"<[a-z][^>]*\son[a-z]+\s*=", r.text), url
        assert "//cdn" not in r.text and "https://" not in r.text.split("<main>")[0], url


def test_overview_counts_match_the_store(client, con):
    data = client.get("/api/overview").json()
    for table in ("documents", "entities", "quotes", "events", "mentions"):
        assert data[table] == con.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0], table
    langs = {(r["lang"], r["script"]): r["documents"] for r in data["languages"]}
    assert langs == dict(((lang, script), n) for lang, script, n in con.execute(
        "SELECT lang, script, count(*) FROM documents GROUP BY ALL").fetchall())
    assert sum(q["events"] for q in data["events_by_quad"]) == con.execute(
        "SELECT count(*) FROM events WHERE quad_class IS NOT NULL").fetchall()[0][0]


def test_network_edges_lead_to_exactly_their_events(client):
    net = client.get("/api/network?nodes=200").json()
    assert net["nodes"] and net["edges"], "the samples give a network"
    ids = {n["id"] for n in net["nodes"]}
    for e in net["edges"]:
        assert e["source"] in ids and e["target"] in ids and e["source"] != e["target"]
        assert e["quad"] in (1, 2, 3, 4) and e["events"] == sum(e["types"].values())
    for e in net["edges"][:5]:  # what an edge click opens
        r = client.get("/api/events", params={"a": e["source"], "b": e["target"], "directed": "true", "quad": e["quad"]})
        rows = r.json()["events"]
        assert r.json()["total"] == e["events"] == len(rows)
        for ev in rows:
            assert e["source"] in (ev["source_country"], ev["source_entity"])
            assert e["target"] in (ev["target_country"], ev["target_entity"])
            assert ev["quad_class"] == e["quad"]
    node = net["nodes"][0]  # what a node click opens
    total = client.get("/api/events", params={"actor": node["id"], "limit": 1000}).json()["total"]
    assert total >= node["events"]


def test_network_filters_by_type_language_and_date(client, con):
    etype = con.execute("SELECT type FROM events GROUP BY type ORDER BY count(*) DESC LIMIT 1").fetchall()[0][0]
    net = client.get("/api/network", params={"type": etype}).json()
    assert net["edges"] and all(set(e["types"]) == {etype} for e in net["edges"])
    none = client.get("/api/network", params={"lang": "zz"}).json()
    assert none["nodes"] == [] and none["edges"] == []
    late = client.get("/api/network", params={"since": "2100"}).json()
    assert late["edges"] == []


def test_events_list_filters(client, con):
    ctx = con.execute("SELECT c FROM (SELECT UNNEST(contexts) c FROM events) GROUP BY c ORDER BY count(*) DESC LIMIT 1").fetchall()
    if ctx:
        rows = client.get("/api/events", params={"context": ctx[0][0], "limit": 1000}).json()["events"]
        assert rows and all(ctx[0][0] in r["contexts"] for r in rows)
    rows = client.get("/api/events", params={"since": "2021-06", "until": "2021-12", "limit": 1000}).json()["events"]
    for r in rows:  # a date compares at the coarser precision: 2021 overlaps 2021-06
        d = r["event_date"][:7]
        assert "2021-06"[:len(d)] <= d <= "2021-12"[:len(d)], r["event_date"]
    assert rows
    page = client.get("/api/events", params={"limit": 5, "offset": 5}).json()
    assert len(page["events"]) == 5 and page["total"] == con.execute("SELECT count(*) FROM events").fetchall()[0][0]
    html = client.get("/events", params={"type": "AGREE,CONSULT"}).text
    assert "AGREE" in html and "ASSAULT</span>" not in html


def test_timeline_counts_every_event_once(client, con):
    top = client.get("/api/timeline").json()
    total = con.execute("SELECT count(*) FROM events").fetchall()[0][0]
    assert sum(sum(s["counts"]) for s in top["series"]) + top["without_month"] == total
    months = top["months"]
    assert months == sorted(months) and len(set(months)) == len(months)
    actor = top["actors"][0]["id"]
    one = client.get("/api/timeline", params={"actor": actor}).json()
    n = client.get("/api/events", params={"actor": actor}).json()["total"]
    assert sum(sum(s["counts"]) for s in one["series"]) + one["without_month"] == n
    assert all(len(s["counts"]) == len(one["months"]) for s in one["series"])


def _article_checks(client, doc_id):
    doc = client.get(f"/api/article/{doc_id}").json()
    text = doc["text"]
    for kind in ("mentions", "quotes", "dates"):
        for item in doc[kind]:
            assert text[item["start"]:item["end"]] == item["text"], (doc_id, kind, item)
    for ev in doc["events"]:
        assert text[ev["sentence_start"]:ev["sentence_end"]] == ev["sentence_text"]
        assert text[ev["trigger_start"]:ev["trigger_end"]] == ev["trigger_text"]
    html = client.get(f"/article/{doc_id}").text
    body = html.split('id="article-text"', 1)[1].split(">", 1)[1].rsplit("</div>\n  </section>", 1)[0]
    c = parse(body)
    assert c.text == text  # every character of the article, once, in order
    for m in doc["mentions"]:
        pieces = [v for (cls, s, e), v in c.spans.items() if "hl-mention" in cls and (s, e) == (str(m["start"]), str(m["end"]))]
        assert pieces and pieces[0] == m["text"], m
    for q in doc["quotes"]:
        assert c.spans[("hl hl-quote", str(q["start"]), str(q["end"]))] == q["text"]
    return doc, c


def test_article_highlights_sit_on_their_offsets(client, con):
    ids = [r[0] for r in con.execute("SELECT doc_id FROM documents ORDER BY doc_id").fetchall()]
    marked = {"mention": 0, "quote": 0, "trigger": 0, "date": 0, "boilerplate": 0}
    for doc_id in ids:
        doc, c = _article_checks(client, doc_id)
        for layer in marked:
            marked[layer] += sum(1 for (cls, _, _) in c.spans if f"hl-{layer}" in cls)
        covered = set()
        for b in doc["body"]:
            covered.update(range(b["start"], b["end"]))
        for (cls, s, e) in c.spans:
            if "hl-boilerplate" in cls:
                assert not covered & set(range(int(s), int(e))), "boilerplate overlaps the body"
    assert all(marked.values()), marked  # the samples have every kind of span


def test_entity_page_shows_aliases_in_both_scripts(client):
    hits = client.get("/api/search", params={"q": "Vulin"}).json()["entities"]
    assert hits, "Vulin is found"
    ent = client.get(f"/api/entity/{hits[0]['id']}").json()
    aliases = [a["alias"] for a in ent["aliases"]]
    assert any(has_cyrillic(a) for a in aliases) and any(not has_cyrillic(a) for a in aliases), aliases
    assert ent["articles"] and ent["events"]["total"] >= 0
    langs = {a["lang"] for a in ent["mentioned_as"]}
    assert len(langs) >= 2, ent["mentioned_as"]
    html = client.get(f"/entity/{hits[0]['id']}").text
    for a in aliases:
        assert f"<td>{a}</td>" in html


@pytest.mark.parametrize("query, script", [("Vulin", "Cyrl"), ("Вулин", "Latn")])
def test_search_crosses_scripts(client, query, script):
    data = client.get("/api/search", params={"q": query}).json()
    scripts = {a["script"] for a in data["articles"]}
    assert script in scripts, data["articles"]
    assert data["quotes"], "quotes by or about the person"
    for a in data["articles"]:
        if a["snippet"]["match"]:
            # the query or any form of the person's name (the full name is marked whole)
            assert any(k in a["snippet"]["match"].lower() for k in ("vulin", "вулин"))
    html = client.get("/search", params={"q": query}).text
    assert "<mark>" in html


def test_hostile_article_is_escaped_everywhere(client, hostile_doc_id):
    urls = [f"/article/{hostile_doc_id}", "/search?q=script", "/search?q=onerror", "/search?q=Vulin", "/events",
            f"/events?doc={hostile_doc_id}", "/"]
    doc = client.get(f"/api/article/{hostile_doc_id}").json()
    assert doc["text"].strip() == HOSTILE_TEXT.strip()  # stored as it came
    urls += [f"/entity/{m['entity_id']}" for m in doc["mentions"][:5] if m["entity_id"]]
    for url in urls:
        html = client.get(url).text
        assert "<script>window.__pwned" not in html, url
        assert not re.search(r"<img\b", html), url
        assert not re.search(r"<[^>]*\bonerror\s*=", html), url
    article = client.get(f"/article/{hostile_doc_id}").text
    assert "&lt;script&gt;window.__pwned" in article and "&lt;img src=x onerror=" in article


def test_json_embedded_in_pages_cannot_close_its_script_element():
    from accord.web.app import safe_json

    out = str(safe_json({"name": "</script><script>alert(1)</script>", "x": "a & b > c"}))
    assert "<" not in out and ">" not in out and "&" not in out
    import json

    assert json.loads(out) == {"name": "</script><script>alert(1)</script>", "x": "a & b > c"}


@pytest.mark.parametrize("url", [
    "/static/../app.py", "/static/..%2Fapp.py", "/static/%2e%2e/app.py", "/static/%2e%2e/%2e%2e/store/db.py",
    "/article/..%2F..%2F..%2Fetc%2Fpasswd", "/article/../../etc/passwd", "/article/%2e%2e", "/api/article/..%2Fx",
    "/entity/..%2F..%2Fetc%2Fpasswd", "/entity/a%2Fb", "/api/entity/%2e%2e%2fx", "/article/0123456789abcdef",
    "/entity/per:nobody-here", "/static/vendor/../../app.py", "/templates/base.html", "/article/ZZZ<script>",
])
def test_path_traversal_and_unknown_ids_are_404(client, url):
    r = client.get(url)
    assert r.status_code == 404, (url, r.status_code)
    assert "import" not in r.text and "root:" not in r.text


@pytest.mark.parametrize("url", [
    "/api/events?quad=5", "/api/events?limit=100000", "/api/events?limit=0", "/api/events?offset=-1",
    "/api/events?since=yesterday", "/api/events?until=2020-13-45x", "/api/events?type=DROP%20TABLE",
    "/api/events?a=" + "x" * 300, "/api/events?a=SRB%27%3B--", "/api/events?lang=english!",
    "/api/network?level=planet", "/api/network?nodes=100000", "/api/search?q=", "/api/search?q=" + "x" * 201,
    "/api/search", "/events?quad=abc", "/timeline?since=2020/01", "/?nodes=1",
])
def test_bad_parameters_are_422_naming_the_parameter(client, url):
    r = client.get(url)
    assert r.status_code == 422, (url, r.status_code)
    if url.startswith("/api/"):
        assert r.json()["problems"][0]["param"]
    else:
        assert "Bad query parameter" in r.text


def test_only_reading_methods_exist(client):
    for method in ("post", "put", "delete", "patch"):
        assert getattr(client, method)("/api/events").status_code == 405


def test_openapi_describes_the_json_api(client):
    spec = client.get("/openapi.json").json()
    paths = set(spec["paths"])
    assert {"/api/overview", "/api/network", "/api/events", "/api/timeline", "/api/article/{doc_id}",
            "/api/entity/{entity_id}", "/api/search"} <= paths
    assert not any(not p.startswith("/api/") for p in paths)  # pages are not in the API description
    params = {p["name"]: p for p in spec["paths"]["/api/events"]["get"]["parameters"]}
    assert params["limit"]["schema"]["maximum"] == 1000


def test_foreign_host_header_is_refused(client):
    assert client.get("/", headers={"host": "evil.example"}).status_code == 400


def _client(db, **kw):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient
    from accord.web import create_app

    return TestClient(create_app(db, **kw), base_url="http://127.0.0.1")


def test_a_store_held_by_a_writer_gives_a_clear_busy_page(web_db, tmp_path):
    db = tmp_path / "busy.duckdb"
    shutil.copy(web_db, db)
    holder = subprocess.Popen([sys.executable, "-c", "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); "
                               "print('holding', flush=True); time.sleep(60)", str(db)],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "holding"
        c = _client(db, read_wait_s=0.3)
        r = c.get("/")
        assert r.status_code == 503 and "busy" in r.text and r.headers["retry-after"]
        j = c.get("/api/events")
        assert j.status_code == 503 and "ingest" in j.json()["detail"]
    finally:
        holder.kill()
        holder.wait()
    assert _client(db).get("/").status_code == 200  # and it comes back once the writer is gone


def test_missing_store_says_how_to_make_one(tmp_path):
    r = _client(tmp_path / "none.duckdb").get("/")
    assert r.status_code == 500 and "accord ingest" in r.text
    assert not (tmp_path / "none.duckdb").exists()  # the view never creates a store


def test_an_empty_store_renders_every_page(tmp_path):
    from accord.store import writer_connection

    db = tmp_path / "empty.duckdb"
    with writer_connection(db):
        pass
    c = _client(db)
    for url in PAGES + ["/api/overview", "/api/events", "/api/timeline", "/api/network", "/api/search?q=x"]:
        assert c.get(url).status_code == 200, url
    assert c.get("/api/overview").json()["documents"] == 0
    assert "No events" in c.get("/events").text


def test_serve_refuses_a_missing_store(tmp_path):
    from typer.testing import CliRunner

    from accord.cli import app

    res = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "none.duckdb")])
    assert res.exit_code == 2 and "accord ingest" in res.output
