"""What the web view's search answers: entities (by any alias, in any script or spelling),
quotes and articles matching a query, with the matched place in each quote and a snippet of
each article.

Why a module of the store: the matching is SQL (LIKE over folded text, alias skeleton keys), and
the store is the only code that speaks SQL. 'Vulin' also looks for 'Вулин': the query is tried
as typed, in Latin and in Serbian Cyrillic. An inflected or undiacritised query finds its
entity by the alias keys (skeletons, so 'dacic' = 'Дачић'; an inflected ending is tried off, so
'Лаврова' finds Lavrov), and every alias of the entities found is then searched for in quotes
and articles too ('dacic' finds 'Дачићем'). `%` and `_` are characters, not wildcards. A
snippet comes from the article's body (the cleaned text), never from its boilerplate.
"""
from __future__ import annotations

import unicodedata
from typing import Any

from ..translit import skeleton, sr_to_cyrillic, to_latin
from .event_filter import country_name
from .query import dicts as _dicts


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


MIN_STEM = 4  # an inflected ending is tried off a query word only while this many letters remain
ENDING = 2  # letters an inflected ending may have (Лаврова, Вулином -> vulin + om)
ALIAS_VARIANTS = 40  # aliases of the entities found that are searched for in quotes and articles


def like_escape(value: str) -> str:
    """`value` for a LIKE pattern with ESCAPE '\\': its %, _ and \\ are plain characters."""
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _like_any(column: str, n: int) -> str:
    """SQL matching `column` against any of n LIKE patterns (parameters), case- and accent-blind."""
    return " OR ".join(f"strip_accents(lower({column})) LIKE strip_accents(lower(?)) ESCAPE '\\'" for _ in range(n)) or "FALSE"


def key_stems(key: str) -> list[str]:
    """The alias key and, for each ending of up to ENDING letters, the key without it."""
    stems = [key]
    for cut in range(1, ENDING + 1):
        if len(key) - cut >= MIN_STEM and " " not in key[-cut - 1:]:
            stems.append(key[:-cut])
    return stems


def search(con, q: str, limit: int = 50) -> dict[str, Any]:
    """Entities (by any alias, in any script or spelling), quotes and articles matching `q`."""
    variants = query_variants(q)
    key = skeleton(q)
    if not variants:
        return {"q": q, "variants": [], "key": key, "entities": [], "quotes": [], "articles": []}
    stems = key_stems(key) if key else []
    key_match = " OR ".join("key LIKE ? ESCAPE '\\'" for _ in stems) or "FALSE"
    name_like = [f"%{like_escape(v)}%" for v in variants]
    name_match = _like_any("en.name", len(name_like))
    ent_rows = _dicts(con.execute(
        "SELECT en.id, en.name, en.type, en.country, en.sector, "
        "(SELECT count(DISTINCT m.doc_id) FROM mentions m WHERE m.entity_id = en.id) AS docs, "
        "(SELECT list(DISTINCT a.alias ORDER BY a.alias) FROM aliases a WHERE a.entity_id = en.id) AS aliases "
        f"FROM entities en WHERE en.id IN (SELECT entity_id FROM aliases WHERE {key_match}) "
        f"OR {name_match} "
        f"ORDER BY docs DESC, en.name LIMIT {int(limit)}", [*(f"%{like_escape(s)}%" for s in stems), *name_like]))
    ids = [e["id"] for e in ent_rows]
    for e in ent_rows:
        e["country_name"] = country_name(e["country"])
    forms = {a for e in ent_rows[:5] for a in (e["aliases"] or []) if len(a) >= 3 and any(st in skeleton(a) for st in stems)}
    for alias in sorted(forms, key=lambda a: (-len(a), a)):  # only forms of the query's name, not titles
        if len(variants) >= ALIAS_VARIANTS:
            break
        for form in query_variants(alias):  # in each script: 'Dačić' is 'Дачић' in a Serbian Cyrillic article
            if form not in variants:
                variants.append(form)  # the entity's other forms: 'dacic' finds 'Дачићем' in an article
    like = [f"%{like_escape(v)}%" for v in variants]

    quote_rows = _dicts(con.execute(
        "SELECT q.doc_id, q.idx, q.start, q.\"end\", q.text, q.speaker, en.name AS speaker_name, q.speaker_text, "
        "d.title, d.lang, d.published FROM quotes q JOIN documents d USING (doc_id) "
        "LEFT JOIN entities en ON en.id = q.speaker "
        f"WHERE ({_like_any('q.text', len(like))}) OR q.speaker IN (SELECT UNNEST(?)) "
        f"ORDER BY d.published DESC NULLS LAST, q.doc_id, q.idx LIMIT {int(limit)}", [*like, ids]))
    doc_rows = _dicts(con.execute(
        "SELECT d.doc_id, d.title, d.lang, d.script, d.outlet, d.published, d.text, d.body FROM documents d "
        f"WHERE ({_like_any('d.text', len(like))}) "
        "OR d.doc_id IN (SELECT doc_id FROM mentions WHERE entity_id IN (SELECT UNNEST(?))) "
        f"ORDER BY d.published DESC NULLS LAST, d.doc_id LIMIT {int(limit)}", [*like, ids]))
    for d in doc_rows:
        d["snippet"] = snippet(d.pop("text") or "", variants, body=_spans(d.pop("body")))
    for qrow in quote_rows:
        hit = find_any(qrow["text"] or "", variants)
        qrow["match"] = {"start": hit[0], "end": hit[1]} if hit else None
    return {"q": q, "variants": variants, "key": key, "entities": ent_rows, "quotes": quote_rows, "articles": doc_rows}


def _spans(body) -> list[tuple[int, int]]:
    """The body's (start, end) spans, from the store's JSON or list of structs."""
    import json

    if isinstance(body, str):
        body = json.loads(body or "[]")
    return [(b["start"], b["end"]) for b in body or []]


def snippet(text: str, variants: list[str], width: int = 90, body: list[tuple[int, int]] | None = None) -> dict[str, Any]:
    """Text around the first match in the body: {before, match, after} (the page escapes each
    part); with no match, the body's start. Boilerplate (what lies outside `body`) is never shown."""
    spans = body or [(0, len(text))]
    for start, end in spans:
        hit = find_any(text[start:end], variants)
        if hit is not None:
            break
    else:
        start, end = spans[0]
        head = " ".join(text[start:min(end, start + 2 * width)].split())
        return {"before": head, "match": "", "after": "", "start": None}
    s, e = hit[0] + start, hit[1] + start
    lo, hi = max(start, s - width), min(end, e + width)
    return {"before": ("…" if lo else "") + " ".join(text[lo:s].split()) + (" " if text[lo:s][-1:].isspace() else ""),
            "match": text[s:e],
            "after": (" " if text[e:hi][:1].isspace() else "") + " ".join(text[e:hi].split()) + ("…" if hi < len(text) else ""),
            "start": s}
