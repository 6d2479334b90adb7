"""Read-only SQL behind the web view: the network, the events list, the timeline, an article
with every extracted span, an entity with its aliases, and search across scripts.

Every function takes an open read-only connection (accord.store.reader) and returns plain
dicts and lists, which the pages render and the /api routes return as JSON unchanged.

A network node is a country (ISO 3166 alpha-3) when the event actor has one, otherwise the
actor entity itself (`level="country"`); `level="actor"` prefers the entity. Node ids are
therefore either three capital letters or an entity id (which always contains a colon), and
the events list accepts either as `a`, `b` or `actor`.
"""
from __future__ import annotations

import dataclasses
import unicodedata
from functools import lru_cache
from typing import Any

from ..store.query import EVENT_DATE, Where
from ..store.query import dicts as _dicts
from ..store.query import summary as store_summary
from ..store.schema import QUAD_CLASS, QUAD_NAME
from ..translit import skeleton, sr_to_cyrillic, to_latin

# the node an actor side of an event belongs to, per network level
NODE_SQL = {
    "country": ("COALESCE(e.source_country, e.source_entity)", "COALESCE(e.target_country, e.target_entity)"),
    "actor": ("COALESCE(e.source_entity, e.source_country)", "COALESCE(e.target_entity, e.target_country)"),
}
PLOVER_TYPES = tuple(QUAD_CLASS)


def _one(con, sql: str, args: list | None = None):
    rows = con.execute(sql, args or []).fetchall()
    return rows[0][0] if rows else None


@lru_cache(maxsize=512)
def country_name(code: str | None) -> str | None:
    """'SRB' -> 'Serbia', 'RUS' -> 'Russia': CLDR's short English name (babel) of the ISO code;
    unknown codes are shown as they are."""
    if not code:
        return None
    try:
        import pycountry
        from babel import Locale

        alpha2 = {"XKX": "XK"}.get(code) or getattr(pycountry.countries.get(alpha_3=code), "alpha_2", None)
        name = Locale("en").territories.get(alpha2) if alpha2 else None
    except (ImportError, LookupError, KeyError):
        name = None
    return name or code


def is_country(node: str) -> bool:
    return len(node) == 3 and node.isalpha() and node.isupper()


@dataclasses.dataclass(frozen=True)
class EventFilter:
    """The filters shared by the network, the events list and the timeline."""

    a: str | None = None  # node on one side (source when directed)
    b: str | None = None  # node on the other side (target when directed)
    directed: bool = False
    actor: str | None = None  # node on either side
    types: tuple[str, ...] = ()
    quad: int | None = None
    context: str | None = None
    lang: str | None = None
    since: str | None = None
    until: str | None = None
    doc_id: str | None = None

    def params(self) -> dict[str, Any]:
        """The filter as URL query parameters (for links between pages)."""
        out: dict[str, Any] = {}
        for f in dataclasses.fields(self):
            v = getattr(self, f.name)
            if f.name == "types":
                if v:
                    out["type"] = ",".join(v)
            elif f.name == "directed":
                if v:
                    out["directed"] = "true"
            elif f.name == "doc_id":
                if v:
                    out["doc"] = v
            elif v not in (None, ""):
                out[f.name] = v
        return out


def _side(col_country: str, col_entity: str) -> str:
    return f"({col_country} = ? OR {col_entity} = ?)"


def where_events(f: EventFilter) -> tuple[str, list[Any]]:
    """SQL WHERE clause (over `events e JOIN documents d`) for a filter, with its arguments."""
    w = Where()
    src = _side("e.source_country", "e.source_entity")
    tgt = _side("e.target_country", "e.target_entity")
    if f.a and f.b:
        if f.directed:
            w.add(f"({src} AND {tgt})", f.a, f.a, f.b, f.b)
        else:
            w.add(f"(({src} AND {tgt}) OR ({src} AND {tgt}))", f.a, f.a, f.b, f.b, f.b, f.b, f.a, f.a)
    elif f.a or f.b:
        node = f.a or f.b
        w.add(f"({src} OR {tgt})", *[node] * 4)
    if f.actor:
        w.add(f"({src} OR {tgt})", *[f.actor] * 4)
    if f.types:
        w.add("e.type IN (SELECT UNNEST(?))", list(f.types))
    if f.quad:
        w.add("e.quad_class = ?", int(f.quad))
    if f.context:
        w.add("list_contains(e.contexts, ?)", f.context)
    if f.lang:
        w.add("d.lang = ?", f.lang)
    w.date_bounds(f.since, f.until)
    if f.doc_id:
        w.add("e.doc_id = ?", f.doc_id)
    return w.expr(), w.args


# --- overview ---------------------------------------------------------------------------------

def overview(con, top: int = 10) -> dict[str, Any]:
    """Counts for the overview page (the store's own summary plus what the filters offer)."""
    s = store_summary(con, top=top)
    s["mentions"] = _one(con, "SELECT count(*) FROM mentions")
    s["dates"] = _one(con, "SELECT count(*) FROM dates")
    s["events_by_quad"] = _dicts(con.execute(
        "SELECT quad_class, count(*) AS events FROM events WHERE quad_class IS NOT NULL GROUP BY ALL ORDER BY quad_class"))
    for row in s["events_by_quad"]:
        row["name"] = QUAD_NAME.get(row["quad_class"])
    for row in s["top_dyads"]:
        row["name_a"], row["name_b"] = country_name(row["country_a"]), country_name(row["country_b"])
    s["choices"] = choices(con)
    return s


def choices(con) -> dict[str, Any]:
    """Values the filter controls offer: event types, contexts, languages, the date range."""
    lo, hi = con.execute(
        f"SELECT min({EVENT_DATE}), max({EVENT_DATE}) FROM events e JOIN documents d USING (doc_id)").fetchall()[0]
    return {
        "types": list(PLOVER_TYPES),
        "contexts": [r[0] for r in con.execute(
            "SELECT c, count(*) n FROM (SELECT UNNEST(contexts) AS c FROM events) WHERE c IS NOT NULL "
            "GROUP BY c ORDER BY n DESC, c").fetchall()],
        "langs": [r[0] for r in con.execute(
            "SELECT lang FROM documents WHERE lang IS NOT NULL GROUP BY lang ORDER BY count(*) DESC, lang").fetchall()],
        "first_date": lo,
        "last_date": hi,
    }


def network(con, f: EventFilter, level: str = "country", max_nodes: int = 40) -> dict[str, Any]:
    """Nodes (countries, or actors without a country) and directed edges per quad class,
    weighted by the number of events; self-loops (an actor acting on its own country) are left out."""
    a_sql, b_sql = NODE_SQL[level]
    where, args = where_events(f)
    rows = con.execute(
        f"SELECT {a_sql} AS a, {b_sql} AS b, e.quad_class AS quad, e.type AS type, count(*) AS n "
        f"FROM events e JOIN documents d USING (doc_id) WHERE {where} "
        f"AND {a_sql} IS NOT NULL AND {b_sql} IS NOT NULL AND {a_sql} <> {b_sql} "
        "GROUP BY ALL", args).fetchall()
    weight: dict[str, int] = {}
    for a, b, _, _, n in rows:
        weight[a] = weight.get(a, 0) + n
        weight[b] = weight.get(b, 0) + n
    keep = set(sorted(weight, key=lambda k: (-weight[k], k))[:max_nodes])
    edges: dict[tuple[str, str, int], dict[str, Any]] = {}
    for a, b, quad, etype, n in rows:
        if a not in keep or b not in keep:
            continue
        edge = edges.setdefault((a, b, quad), {"source": a, "target": b, "quad": quad,
                                                "quad_name": QUAD_NAME.get(quad), "events": 0, "types": {}})
        edge["events"] += n
        edge["types"][etype] = edge["types"].get(etype, 0) + n
    info = _node_info(con, [k for k in keep if not is_country(k)])
    nodes = []
    for k in sorted(keep, key=lambda k: (-weight[k], k)):
        if is_country(k):
            nodes.append({"id": k, "name": country_name(k), "kind": "country", "country": k, "sector": None,
                          "events": weight[k]})
        else:
            e = info.get(k, {})
            nodes.append({"id": k, "name": e.get("name") or k, "kind": (e.get("type") or "actor").upper(),
                          "country": e.get("country"), "sector": e.get("sector"), "events": weight[k]})
    edge_list = sorted(edges.values(), key=lambda e: (-e["events"], e["source"], e["target"], e["quad"] or 0))
    return {"level": level, "nodes": nodes, "edges": edge_list, "dyads": _dyads(edge_list, nodes),
            "events": sum(e["events"] for e in edge_list), "quads": QUAD_NAME}


def _dyads(edges: list[dict[str, Any]], nodes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Directed pairs with their events per quad class, most events first."""
    names = {n["id"]: n["name"] for n in nodes}
    pairs: dict[tuple[str, str], dict[str, Any]] = {}
    for e in edges:
        d = pairs.setdefault((e["source"], e["target"]), {
            "source": e["source"], "target": e["target"], "source_name": names.get(e["source"]),
            "target_name": names.get(e["target"]), "events": 0, "quads": {}})
        d["events"] += e["events"]
        d["quads"][e["quad"] or 0] = d["quads"].get(e["quad"] or 0, 0) + e["events"]
    return sorted(pairs.values(), key=lambda d: (-d["events"], d["source"], d["target"]))


def _node_info(con, ids: list[str]) -> dict[str, dict[str, Any]]:
    if not ids:
        return {}
    return {r["id"]: r for r in _dicts(con.execute(
        "SELECT id, name, type, country, sector FROM entities WHERE id IN (SELECT UNNEST(?))", [ids]))}


def node_label(con, node: str | None) -> str | None:
    """How a node id is shown: a country name, or the entity's canonical name."""
    if not node:
        return None
    if is_country(node):
        return country_name(node)
    return _one(con, "SELECT name FROM entities WHERE id = ?", [node]) or node


# --- events -------------------------------------------------------------------------------------

def events(con, f: EventFilter, limit: int = 100, offset: int = 0) -> dict[str, Any]:
    """Events matching a filter, newest first, with the article and the actors' names."""
    where, args = where_events(f)
    total = _one(con, f"SELECT count(*) FROM events e JOIN documents d USING (doc_id) WHERE {where}", args)
    rows = _dicts(con.execute(
        f"SELECT e.id, e.doc_id, e.type, e.mode, e.quad_class, e.source_entity, e.source_country, e.source_sector, "
        "e.source_text, e.target_entity, e.target_country, e.target_sector, e.target_text, e.contexts, "
        f"e.date, e.date_precision, {EVENT_DATE} AS event_date, e.location, le.name AS location_name, "
        "e.sentence_start, e.sentence_end, e.sentence_text, e.trigger_start, e.trigger_end, e.trigger_text, "
        "e.confidence, e.negated, e.future, d.title AS doc_title, d.lang AS doc_lang, d.outlet AS doc_outlet, "
        "se.name AS source_name, te.name AS target_name "
        "FROM events e JOIN documents d USING (doc_id) "
        "LEFT JOIN entities se ON se.id = e.source_entity LEFT JOIN entities te ON te.id = e.target_entity "
        "LEFT JOIN entities le ON le.id = e.location "
        f"WHERE {where} ORDER BY event_date DESC NULLS LAST, e.doc_id, e.sentence_start, e.id "
        f"LIMIT {int(limit)} OFFSET {int(offset)}", args))
    for r in rows:
        r["quad_name"] = QUAD_NAME.get(r["quad_class"])
        r["source_country_name"] = country_name(r["source_country"])
        r["target_country_name"] = country_name(r["target_country"])
    return {"total": total, "limit": limit, "offset": offset, "events": rows}


# --- timeline -----------------------------------------------------------------------------------

def timeline(con, f: EventFilter) -> dict[str, Any]:
    """Events per month and type (an event without a date takes its article's date);
    events dated only to a year are counted apart."""
    where, args = where_events(f)
    rows = con.execute(
        f"SELECT left({EVENT_DATE}, 7) AS month, e.type, count(*) FROM events e JOIN documents d USING (doc_id) "
        f"WHERE {where} AND length({EVENT_DATE}) >= 7 GROUP BY ALL ORDER BY month", args).fetchall()
    undated = _one(con, f"SELECT count(*) FROM events e JOIN documents d USING (doc_id) WHERE {where} "
                        f"AND ({EVENT_DATE} IS NULL OR length({EVENT_DATE}) < 7)", args)
    months = _month_range([r[0] for r in rows])
    index = {m: i for i, m in enumerate(months)}
    types = [t for t in PLOVER_TYPES if any(r[1] == t for r in rows)]
    types += sorted({r[1] for r in rows if r[1] not in PLOVER_TYPES})
    series = {t: [0] * len(months) for t in types}
    for month, etype, n in rows:
        series[etype][index[month]] += n
    return {"months": months, "series": [{"type": t, "quad": QUAD_CLASS.get(t), "counts": series[t]} for t in types],
            "events": sum(r[2] for r in rows), "without_month": undated}


def _month_range(months: list[str]) -> list[str]:
    """Every month from the first to the last (a gap is a zero, not a missing bar)."""
    valid = sorted({m for m in months if len(m) == 7 and m[:4].isdigit() and m[5:].isdigit() and 1 <= int(m[5:]) <= 12})
    if not valid:
        return []
    y, m = int(valid[0][:4]), int(valid[0][5:])
    end = (int(valid[-1][:4]), int(valid[-1][5:]))
    out = []
    while (y, m) <= end and len(out) < 1200:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def top_actors(con, limit: int = 30) -> list[dict[str, Any]]:
    """The nodes with most events, for the timeline's chooser."""
    a_sql, b_sql = NODE_SQL["country"]
    rows = con.execute(
        f"SELECT node, count(*) n FROM (SELECT {a_sql} AS node FROM events e UNION ALL SELECT {b_sql} FROM events e) "
        f"WHERE node IS NOT NULL GROUP BY node ORDER BY n DESC, node LIMIT {int(limit)}").fetchall()
    return [{"id": k, "name": node_label(con, k), "events": n} for k, n in rows]


# --- article ------------------------------------------------------------------------------------

def article(con, doc_id: str) -> dict[str, Any] | None:
    """One stored article with every record extracted from it (offsets into `text`)."""
    docs = _dicts(con.execute(
        "SELECT doc_id, source, lang, script, title, outlet, published, url, text, body, ingested_at "
        "FROM documents WHERE doc_id = ?", [doc_id]))
    if not docs:
        return None
    doc = docs[0]
    doc["body"] = [{"start": b["start"], "end": b["end"]} for b in (doc["body"] or [])]
    doc["mentions"] = _dicts(con.execute(
        "SELECT m.start, m.\"end\", m.text, m.entity_id, en.name, en.type, en.country, en.sector "
        "FROM mentions m LEFT JOIN entities en ON en.id = m.entity_id WHERE m.doc_id = ? ORDER BY m.start, m.\"end\" DESC",
        [doc_id]))
    doc["entities"] = _dicts(con.execute(
        "SELECT en.id, en.name, en.type, en.country, en.sector, count(*) AS mentions FROM mentions m "
        "JOIN entities en ON en.id = m.entity_id WHERE m.doc_id = ? GROUP BY ALL ORDER BY mentions DESC, en.name",
        [doc_id]))
    doc["quotes"] = _dicts(con.execute(
        "SELECT q.idx, q.start, q.\"end\", q.text, q.speaker, en.name AS speaker_name, q.speaker_text, q.style "
        "FROM quotes q LEFT JOIN entities en ON en.id = q.speaker WHERE q.doc_id = ? ORDER BY q.start", [doc_id]))
    doc["events"] = events(con, EventFilter(doc_id=doc_id), limit=10_000)["events"]
    doc["events"].sort(key=lambda e: (e["sentence_start"] or 0, e["trigger_start"] or 0, e["id"]))
    doc["dates"] = _dicts(con.execute(
        "SELECT start, \"end\", text, value, precision, relative FROM dates WHERE doc_id = ? ORDER BY start", [doc_id]))
    for e in doc["entities"]:
        e["country_name"] = country_name(e["country"])
    return doc


# --- entity -------------------------------------------------------------------------------------

def entity(con, entity_id: str, limit: int = 200) -> dict[str, Any] | None:
    rows = _dicts(con.execute("SELECT id, name, type, country, sector, kb FROM entities WHERE id = ?", [entity_id]))
    if not rows:
        return None
    ent = rows[0]
    ent["country_name"] = country_name(ent["country"])
    ent["aliases"] = _dicts(con.execute(
        "SELECT alias, lang, script, key FROM aliases WHERE entity_id = ? ORDER BY lang NULLS LAST, script, alias",
        [entity_id]))
    ent["mentioned_as"] = _dicts(con.execute(
        "SELECT m.text, d.lang, d.script, count(*) AS mentions FROM mentions m JOIN documents d USING (doc_id) "
        "WHERE m.entity_id = ? GROUP BY ALL ORDER BY mentions DESC, m.text", [entity_id]))
    ent["articles"] = _dicts(con.execute(
        "SELECT d.doc_id, d.title, d.lang, d.script, d.outlet, d.published, count(*) AS mentions "
        "FROM mentions m JOIN documents d USING (doc_id) WHERE m.entity_id = ? "
        f"GROUP BY ALL ORDER BY d.published DESC NULLS LAST, d.doc_id LIMIT {int(limit)}", [entity_id]))
    ent["quotes"] = _dicts(con.execute(
        "SELECT q.doc_id, q.idx, q.start, q.\"end\", q.text, q.speaker_text, d.title, d.lang, d.published "
        "FROM quotes q JOIN documents d USING (doc_id) WHERE q.speaker = ? "
        f"ORDER BY d.published DESC NULLS LAST, q.doc_id, q.idx LIMIT {int(limit)}", [entity_id]))
    ent["events"] = events(con, EventFilter(actor=entity_id), limit=limit)
    return ent


# --- search -------------------------------------------------------------------------------------

def query_variants(q: str) -> list[str]:
    """The query as typed, in Latin and in (Serbian) Cyrillic: 'Vulin' also looks for 'Вулин'."""
    q = " ".join(q.split())
    latin = to_latin(q)
    out = []
    for v in (q, latin, sr_to_cyrillic(latin)):
        if v and v not in out:
            out.append(v)
    return out


def _fold_char(c: str) -> str:
    base = unicodedata.normalize("NFD", c)[:1] or c
    low = base.lower()
    return low if len(low) == 1 else base


def fold_keep_length(text: str) -> str:
    """Lower case without diacritics, one character per character (so offsets still match)."""
    return "".join(_fold_char(c) for c in text)


def find_any(text: str, variants: list[str]) -> tuple[int, int] | None:
    """The first place any variant occurs in `text`, ignoring case and diacritics."""
    folded = fold_keep_length(text)
    best = None
    for v in variants:
        fv = fold_keep_length(v)
        i = folded.find(fv) if fv else -1
        if i >= 0 and (best is None or i < best[0]):
            best = (i, i + len(fv))
    return best


def search(con, q: str, limit: int = 50) -> dict[str, Any]:
    """Entities (by any alias, in any script or spelling), quotes and articles matching `q`."""
    variants = query_variants(q)
    key = skeleton(q)
    if not variants:
        return {"q": q, "variants": [], "key": key, "entities": [], "quotes": [], "articles": []}
    like = [f"%{v}%" for v in variants]
    text_match = " OR ".join("strip_accents(lower({col})) LIKE strip_accents(lower(?))" for _ in like)
    ent_rows = _dicts(con.execute(
        "SELECT en.id, en.name, en.type, en.country, en.sector, "
        "(SELECT count(DISTINCT m.doc_id) FROM mentions m WHERE m.entity_id = en.id) AS docs, "
        "(SELECT list(DISTINCT a.alias ORDER BY a.alias) FROM aliases a WHERE a.entity_id = en.id) AS aliases "
        "FROM entities en WHERE en.id IN (SELECT entity_id FROM aliases WHERE ? <> '' AND key LIKE '%' || ? || '%') "
        f"OR {text_match.format(col='en.name')} "
        f"ORDER BY docs DESC, en.name LIMIT {int(limit)}", [key, key, *like]))
    ids = [e["id"] for e in ent_rows]
    for e in ent_rows:
        e["country_name"] = country_name(e["country"])
    quote_rows = _dicts(con.execute(
        "SELECT q.doc_id, q.idx, q.start, q.\"end\", q.text, q.speaker, en.name AS speaker_name, q.speaker_text, "
        "d.title, d.lang, d.published FROM quotes q JOIN documents d USING (doc_id) "
        "LEFT JOIN entities en ON en.id = q.speaker "
        f"WHERE ({text_match.format(col='q.text')}) OR q.speaker IN (SELECT UNNEST(?)) "
        f"ORDER BY d.published DESC NULLS LAST, q.doc_id, q.idx LIMIT {int(limit)}", [*like, ids]))
    doc_rows = _dicts(con.execute(
        "SELECT d.doc_id, d.title, d.lang, d.script, d.outlet, d.published, d.text FROM documents d "
        f"WHERE ({text_match.format(col='d.text')}) "
        "OR d.doc_id IN (SELECT doc_id FROM mentions WHERE entity_id IN (SELECT UNNEST(?))) "
        f"ORDER BY d.published DESC NULLS LAST, d.doc_id LIMIT {int(limit)}", [*like, ids]))
    for d in doc_rows:
        d["snippet"] = snippet(d.pop("text") or "", variants)
    for qrow in quote_rows:
        hit = find_any(qrow["text"] or "", variants)
        qrow["match"] = {"start": hit[0], "end": hit[1]} if hit else None
    return {"q": q, "variants": variants, "key": key, "entities": ent_rows, "quotes": quote_rows, "articles": doc_rows}


def snippet(text: str, variants: list[str], width: int = 90) -> dict[str, Any]:
    """Text around the first match: {before, match, after} (the page escapes each part)."""
    hit = find_any(text, variants)
    if hit is None:
        head = " ".join(text[: 2 * width].split())
        return {"before": head, "match": "", "after": "", "start": None}
    s, e = hit
    lo, hi = max(0, s - width), min(len(text), e + width)
    return {"before": ("…" if lo else "") + " ".join(text[lo:s].split()) + (" " if text[lo:s][-1:].isspace() else ""),
            "match": text[s:e],
            "after": (" " if text[e:hi][:1].isspace() else "") + " ".join(text[e:hi].split()) + ("…" if hi < len(text) else ""),
            "start": s}
