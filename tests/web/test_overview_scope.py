"""The overview under a filter: every block (cards, languages, event types, top entities,
speakers, dyads, network) answers for the same scope, checked against direct SQL over the
test store; one network node per country; the same network gives the same positions; actors
are named by entity, else country, else the sentence's words."""
from __future__ import annotations

import pytest


def _rows(con, sql, args=()):
    return con.execute(sql, list(args)).fetchall()


def _filters(con):
    """Filters the test store can answer: a type, a context, a language, a date range, an actor."""
    etype = _rows(con, "SELECT type FROM events GROUP BY type ORDER BY count(*) DESC, type LIMIT 1")[0][0]
    ctx = _rows(con, "SELECT c FROM (SELECT UNNEST(contexts) c FROM events) GROUP BY c ORDER BY count(*) DESC, c LIMIT 1")[0][0]
    lang = _rows(con, "SELECT lang FROM documents GROUP BY lang ORDER BY count(*) DESC, lang LIMIT 1")[0][0]
    return [
        ({"type": etype}, "e.type = ?", [etype]),
        ({"context": ctx}, "list_contains(e.contexts, ?)", [ctx]),
        ({"lang": lang}, "d.lang = ?", [lang]),
        ({"since": "2022", "until": "2022"}, "left(COALESCE(e.date, d.published), 4) = '2022'", []),
        ({"actor": "SRB", "quad": 1}, "(e.source_country = 'SRB' OR e.source_entity = 'SRB' OR e.target_country = 'SRB' "
                                      "OR e.target_entity = 'SRB') AND e.quad_class = 1", []),
    ]


def test_every_overview_block_follows_the_filter(client, con):
    whole = client.get("/api/overview").json()
    for params, cond, args in _filters(con):
        data = client.get("/api/overview", params=params).json()
        ev = f"FROM events e JOIN documents d USING (doc_id) WHERE {cond}"
        assert data["filtered"] and {k: str(v) for k, v in data["filter"].items()} == {k: str(v) for k, v in params.items()}
        # events, by quad class and by type
        assert data["events"] == _rows(con, f"SELECT count(*) {ev}", args)[0][0], params
        assert {q["quad_class"]: q["events"] for q in data["events_by_quad"]} == dict(_rows(
            con, f"SELECT e.quad_class, count(*) {ev} AND e.quad_class IS NOT NULL GROUP BY 1", args)), params
        assert {t["type"]: t["events"] for t in data["event_types"]} == dict(_rows(
            con, f"SELECT e.type, count(*) {ev} GROUP BY 1", args)), params
        # articles: of the language when only the language is filtered, else those holding a matching event
        if set(params) == {"lang"}:
            docs = {r[0] for r in _rows(con, "SELECT doc_id FROM documents WHERE lang = ?", [params["lang"]])}
        else:
            docs = {r[0] for r in _rows(con, f"SELECT DISTINCT e.doc_id {ev}", args)}
        assert data["documents"] == len(docs), params
        assert sum(lang["documents"] for lang in data["languages"]) == len(docs), params
        in_docs = "doc_id IN (SELECT UNNEST(?))"
        d = [sorted(docs)]
        assert data["mentions"] == _rows(con, f"SELECT count(*) FROM mentions WHERE {in_docs}", d)[0][0]
        assert data["entities"] == _rows(con, f"SELECT count(DISTINCT entity_id) FROM mentions WHERE {in_docs}", d)[0][0]
        assert data["quotes"] == _rows(con, f"SELECT count(*) FROM quotes WHERE {in_docs}", d)[0][0]
        top = _rows(con, "SELECT entity_id, count(DISTINCT doc_id) FROM mentions "
                         f"WHERE {in_docs} AND entity_id IS NOT NULL GROUP BY 1", d)
        docs_of = dict(top)
        assert data["top_entities"], params
        for e in data["top_entities"]:
            assert e["docs"] == docs_of[e["id"]], (params, e["id"])
        assert data["top_entities"][0]["docs"] == max(docs_of.values())
        speakers = dict(_rows(con, f"SELECT speaker, count(*) FROM quotes WHERE speaker IS NOT NULL AND {in_docs} "
                                   "GROUP BY 1", d))
        assert {s["speaker"]: s["quotes"] for s in data["top_speakers"]}.items() <= speakers.items()
        # network and dyads: the same events
        assert data["network"]["events"] <= data["events"]
        dyads = dict(((a, b), n) for a, b, n in _rows(
            con, f"SELECT least(e.source_country, e.target_country), greatest(e.source_country, e.target_country), "
                 f"count(*) {ev} AND e.source_country <> e.target_country GROUP BY ALL", args))
        for dy in data["top_dyads"]:
            assert dyads[(dy["country_a"], dy["country_b"])] == dy["events"], params
        net = client.get("/api/network", params=params).json()
        assert {n["id"] for n in net["nodes"]} == {n["id"] for n in data["network"]["nodes"]}
        # each filter narrows the events, the articles and what they mention (the store has them)
        assert 0 < data["events"] < whole["events"] and 0 < data["documents"] < whole["documents"], params
        assert 0 < data["entities"] < whole["entities"] and data["mentions"] < whole["mentions"], params


def test_the_page_shows_the_filtered_counts(client, con):
    etype = _rows(con, "SELECT type FROM events GROUP BY type ORDER BY count(*) ASC, type LIMIT 1")[0][0]
    data = client.get("/api/overview", params={"type": etype}).json()
    html = client.get("/", params={"type": etype}).text
    assert 'id="scope-note"' in html
    assert f"<b>{data['events']}</b><span>events</span>" in html
    assert f"<b>{data['documents']}</b><span>articles</span>" in html
    others = {t for (t,) in _rows(con, "SELECT DISTINCT type FROM events")} - {etype}
    types_card = html.split("<h2>Event types</h2>", 1)[1].split("</table>", 1)[0]
    assert etype in types_card and not any(f">{t}</a>" in types_card for t in others)


@pytest.mark.parametrize("level", ["country", "actor"])
def test_one_node_per_country(client, level):
    net = client.get("/api/network", params={"level": level, "nodes": 200}).json()
    ids = [n["id"] for n in net["nodes"]]
    assert not [i for i in ids if i.startswith("country:")], "a country's own entity is the country node"
    names = [n["name"] for n in net["nodes"] if n["kind"] in ("country", "LOC")]
    assert len(names) == len(set(names)), sorted(names)
    assert {"SRB", "RUS"} <= set(ids)


def test_the_same_network_gets_the_same_positions(client):
    for params in ({}, {"level": "actor", "nodes": 200}, {"type": "CONSULT"}):
        first = client.get("/api/network", params=params).json()["nodes"]
        again = client.get("/api/overview", params=params).json()["network"]["nodes"]
        assert first and [(n["id"], n["x"], n["y"]) for n in first] == [(n["id"], n["x"], n["y"]) for n in again]
        assert len({(n["x"], n["y"]) for n in first}) == len(first), "no two nodes on one spot"
    from accord.web.layout import _positions, lay_out  # computed afresh, not only cached

    net = client.get("/api/network").json()
    _positions.cache_clear()
    assert [(n["x"], n["y"]) for n in lay_out(net)["nodes"]] == [(n["x"], n["y"]) for n in net["nodes"]]


def test_actors_are_named_by_entity_then_country_then_words(client, con):
    events = client.get("/api/events", params={"limit": 1000}).json()["events"]
    seen = set()
    for e in events:
        for side in ("source", "target"):
            ent, cc, text, label = (e[f"{side}_entity"], e[f"{side}_country"], e[f"{side}_text"], e[f"{side}_label"])
            if ent:
                assert label == e[f"{side}_name"], e
                seen.add("entity")
            elif cc:
                assert label == (e[f"{side}_country_name"] or cc), e
                seen.add("country")
            else:
                assert label == text, e
    assert seen == {"entity", "country"}
    # a side named by a nationality word only (the Russian sample's 'российскую' or 'сербских':
    # no entity, country RUS or SRB) reads as its country's name
    names = {"RUS": "Russia", "SRB": "Serbia"}
    side, row = next((side, e) for e in events for side in ("source", "target")
                     if not e[f"{side}_entity"] and e[f"{side}_country"] in names and e[f"{side}_text"][:1].islower())
    label = names[row[f"{side}_country"]]
    assert row[f"{side}_label"] == label
    html = client.get("/events", params={"a": "RUS", "b": "SRB"}).text
    assert f">{label}</span>" in html
