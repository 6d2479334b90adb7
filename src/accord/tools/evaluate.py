"""`accord evaluate`: score records against hand-made gold (format: shared/schema/gold.md).

A faithful reimplementation of the reference scorer (shared/eval/score.py): same metric names,
same matching rules, same numbers and the same printed lines, so users need no ../shared.
tests/test_evaluate.py checks the equality whenever the reference script is present.

Beyond the reference, `score_by_group` gives the same metrics per language/script group of the
gold documents (`accord evaluate --by-lang`), with two precision figures the reference lacks:
entity precision on gold forms (a lower bound, as gold is not exhaustive) and the (type, dyad)
event precision of eval/event_precision.py, both read with the reference's own matching rules,
and entity_f1_gold from entity recall and that precision: the Serbian NER figure issue 4 asks
for, as no public Serbian NER set can be had.
"""
from __future__ import annotations

import json
import os
import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path
from typing import Any

METRICS = (
    "docs_present", "lang", "script", "outlet", "title", "entity_recall", "entity_type",
    "entity_country", "xdoc_links", "apart_ok", "quote_recall", "quote_speaker",
    "event_recall", "event_contexts", "date_recall", "must_not_date", "boilerplate_out",
    "body_kept", "offsets_valid",
)
CORE = ("entity_recall", "entity_country", "xdoc_links", "apart_ok", "quote_speaker", "event_recall",
        "date_recall", "boilerplate_out", "body_kept")

Result = dict[str, tuple[float | None, int, int]]


def norm(s: str | None) -> str:
    s = unicodedata.normalize("NFKD", s or "")
    s = "".join(c for c in s if not unicodedata.combining(c))
    return " ".join(s.casefold().replace("ё", "е").split())


def in_body(rec: dict, start: int, end: int) -> bool:
    return any(b["start"] <= start and end <= b["end"] for b in rec.get("body", []))


def event_countries(e: dict) -> set[str]:
    """The countries of an event's source and target, the sides the reference scorer compares."""
    return {(e.get("source") or {}).get("country"), (e.get("target") or {}).get("country")} - {None}


def event_accepts(gold_event: dict, e: dict) -> bool:
    """The reference's event rule: a family type, and countries covering every gold country
    (one gold country leaves the other side open, but the system event needs some country)."""
    fams = gold_event["family"] if isinstance(gold_event["family"], list) else [gold_event["family"]]
    want, cs = set(gold_event["countries"]), event_countries(e)
    return e.get("type") in fams and want <= cs and (len(want) > 1 or len(cs) >= 1)


def find_spans(text: str, needle: str) -> list[tuple[int, int]]:
    """Occurrences of needle in text, any run of whitespace (NBSP too) matching any other."""
    pat = r"\s+".join(re.escape(w) for w in needle.split())
    return [(mo.start(), mo.end()) for mo in re.finditer(pat, text)]


def by_basename(records: Iterable[dict]) -> dict[str, dict]:
    """Records keyed by the file name of their source (a later record wins, as in the reference)."""
    return {os.path.basename(r.get("source", "")): r for r in records}


def load_jsonl(path: str | Path) -> dict[str, dict]:
    recs = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line:
                recs.append(json.loads(line))
    return by_basename(recs)


def score(gold: dict[str, Any], out: dict[str, dict], only: set[str] | None = None) -> Result:
    """Every metric as (score or None, hits, total), plus entity_precision_proxy and event_count.

    `only` (gold doc names) counts those documents alone, and the xdoc/apart items that name at
    least one of them; every document is still read, so cross-document ids resolve as in full.
    """
    m = {k: [0, 0] for k in METRICS}
    counting = [True]
    sys_entities = 0
    sys_events = 0
    matched_events = 0
    resolved: dict[tuple[str, str], str] = {}  # (key, doc) -> system entity id

    def hit(name: str, ok: bool) -> None:
        if counting[0]:
            m[name][0] += 1 if ok else 0
            m[name][1] += 1

    for doc, g in gold["docs"].items():
        counting[0] = only is None or doc in only
        rec = out.get(doc)
        hit("docs_present", rec is not None)
        if rec is None:
            rec = {"text": "", "entities": [], "quotes": [], "events": [], "dates": [], "body": []}
        text = rec.get("text", "")
        if "lang" in g:
            hit("lang", rec.get("lang") == g["lang"])
        if "script" in g:
            hit("script", rec.get("script") == g["script"])
        if g.get("outlet"):
            got = norm(rec.get("outlet") or "")  # an empty outlet credits nothing (the reference's rule)
            hit("outlet", bool(got) and (norm(g["outlet"]) in got or got in norm(g["outlet"])))
        if g.get("title"):
            hit("title", norm(rec.get("title") or "") == norm(g["title"]))
        for e in rec.get("entities", []):
            for mm in e.get("mentions", []):
                hit("offsets_valid", text[mm["start"]:mm["end"]] == mm["text"])
        sys_entities += len(rec.get("entities", [])) if counting[0] else 0
        by_key = {}
        for ge in g["entities"]:
            forms = {norm(f) for f in ge["forms"]}
            found = None
            for e in rec.get("entities", []):
                if any(norm(mm["text"]) in forms for mm in e.get("mentions", [])):
                    found = e
                    break
            hit("entity_recall", found is not None)
            if found is not None:
                by_key[ge["key"]] = found
                resolved[(ge["key"], doc)] = found["id"]
                if "type" in ge:
                    hit("entity_type", found.get("type") == ge["type"])
                if "country" in ge:
                    hit("entity_country", found.get("country") == ge["country"])
        for gq in g.get("quotes", []):
            q = next((q for q in rec.get("quotes", []) if norm(q.get("text", "")).startswith(norm(gq["starts"]))), None)
            hit("quote_recall", q is not None)
            spk = by_key.get(gq["speaker"])
            hit("quote_speaker", q is not None and spk is not None and q.get("speaker") == spk["id"])
        sys_events += len(rec.get("events", [])) if counting[0] else 0
        for ge in g.get("events", []):
            cands = [e for e in rec.get("events", []) if event_accepts(ge, e)]
            hit("event_recall", bool(cands))
            if cands and counting[0]:
                matched_events += 1
            for c in ge.get("contexts", []):
                hit("event_contexts", any(c in e.get("contexts", []) for e in cands))
        sys_dates = {rec.get("published")} | {d.get("value") for d in rec.get("dates", [])} | {e.get("date") for e in rec.get("events", [])}
        for d in g.get("dates", []):
            hit("date_recall", d in sys_dates)
        for bad in g.get("must_not_date", []):
            hit("must_not_date", not any((x or "").startswith(bad) for x in [rec.get("published")] + [e.get("date") for e in rec.get("events", [])]))
        for b in g.get("boilerplate", []):
            spans = find_spans(text, b)
            if spans:
                hit("boilerplate_out", all(not any(bs["start"] < e and s < bs["end"] for bs in rec.get("body", [])) for s, e in spans))
            else:
                hit("boilerplate_out", False)
        for gq in g.get("quotes", []):
            spans = find_spans(text, gq["starts"])
            hit("body_kept", bool(spans) and all(in_body(rec, s, e) for s, e in spans))
    for key, docs in gold.get("xdoc", []):
        counting[0] = only is None or bool(only.intersection(docs))
        ids = [resolved.get((key, d)) for d in docs]
        hit("xdoc_links", None not in ids and len(set(ids)) == 1)
    for (k1, d1), (k2, d2) in gold.get("apart", []):
        counting[0] = only is None or d1 in only or d2 in only
        a, b = resolved.get((k1, d1)), resolved.get((k2, d2))
        hit("apart_ok", a is not None and b is not None and a != b)

    res: Result = {k: (v[0] / v[1] if v[1] else None, v[0], v[1]) for k, v in m.items()}
    res["entity_precision_proxy"] = (None, sys_entities, sum(len(g["entities"]) for d, g in gold["docs"].items()
                                                             if only is None or d in only))
    res["event_count"] = (None, sys_events, matched_events)
    return res


def to_json(res: Result) -> str:
    """The reference's --json line."""
    return json.dumps({k: {"score": v[0], "num": v[1], "den": v[2]} for k, v in res.items()}, ensure_ascii=False)


def mean_core(res: Result) -> float:
    vals = [res[k][0] or 0.0 for k in CORE]
    return sum(vals) / len(vals)


def to_text(res: Result) -> str:
    """The reference's printed lines: one per metric, then the SUMMARY line."""
    lines = [f"{k:24s} {'-' if s is None else f'{s:.3f}':>6s}  ({a}/{b})" for k, (s, a, b) in res.items()]
    lines.append(f"SUMMARY mean_core={mean_core(res):.3f} "
                 + " ".join(f"{k}={res[k][0] if res[k][0] is None else round(res[k][0], 3)}" for k in CORE))
    return "\n".join(lines)


PRECISION = ("entity_precision_gold", "event_precision")
TOTAL = "all"


def precision(gold: dict[str, Any], out: dict[str, dict], only: set[str] | None = None) -> Result:
    """Two precision figures read with the reference's matching rules, both lower bounds.

    entity_precision_gold: of the system entities with a mention in the body, the share with a
    mention equal (normalised) to a form of some gold entity of the document. Gold lists the
    entities that matter, not every name, so an unlisted but real entity counts as wrong.
    event_precision: of the system events, the share that some gold event of the document
    accepts (event_accepts, the rule event_recall uses read the other way).
    """
    m = {k: [0, 0] for k in PRECISION}
    for doc, g in gold["docs"].items():
        if only is not None and doc not in only:
            continue
        rec = out.get(doc) or {}
        forms = {norm(f) for ge in g.get("entities", []) for f in ge["forms"]}
        for e in rec.get("entities", []):
            mentions = e.get("mentions", [])
            if any(in_body(rec, mm["start"], mm["end"]) for mm in mentions):
                m["entity_precision_gold"][0] += any(norm(mm["text"]) in forms for mm in mentions)
                m["entity_precision_gold"][1] += 1
        for e in rec.get("events", []):
            m["event_precision"][0] += any(event_accepts(ge, e) for ge in g.get("events", []))
            m["event_precision"][1] += 1
    return {k: (v[0] / v[1] if v[1] else None, v[0], v[1]) for k, v in m.items()}


def doc_groups(gold: dict[str, Any]) -> dict[str, set[str]]:
    """Gold documents by language, split by script where the gold has a language in several
    scripts ('en', 'ru', 'sr-Cyrl', 'sr-Latn'); sorted by name."""
    scripts: dict[str, set] = {}
    for g in gold["docs"].values():
        scripts.setdefault(g.get("lang") or "und", set()).add(g.get("script"))
    groups: dict[str, set[str]] = {}
    for doc, g in gold["docs"].items():
        lang = g.get("lang") or "und"
        name = f"{lang}-{g.get('script')}" if len(scripts[lang]) > 1 else lang
        groups.setdefault(name, set()).add(doc)
    return dict(sorted(groups.items()))


def score_by_group(gold: dict[str, Any], out: dict[str, dict]) -> dict[str, Result]:
    """The reference metrics and the two precisions per language/script group, then `all`.

    xdoc/apart items are counted in every group one of their documents belongs to (most links
    cross languages), so those two rows do not add up across groups; `all` counts each once.
    """
    groups: dict[str, set[str] | None] = {**doc_groups(gold), TOTAL: None}
    res = {name: {"docs": (None, len(docs if docs is not None else gold["docs"]), 0),
                  **score(gold, out, docs), **precision(gold, out, docs)}
           for name, docs in groups.items()}
    for r in res.values():
        r["entity_f1_gold"] = (f1(r["entity_recall"][0], r["entity_precision_gold"][0]), None, None)
    return res


def f1(recall: float | None, prec: float | None) -> float | None:
    """Harmonic mean; None when either side has nothing to measure."""
    if recall is None or prec is None:
        return None
    return 2 * recall * prec / (recall + prec) if recall + prec else 0.0


def _cell(v: tuple[float | None, int, int]) -> str:
    s, a, b = v
    return "-" if b == 0 else f"{s:.3f} ({a}/{b})"


def group_rows(res: dict[str, Result]) -> list[tuple[str, list[str]]]:
    """(metric, one cell per group): the table of `--by-lang`, shared by text and Markdown."""
    rows = [("docs", [str(r["docs"][1]) for r in res.values()])]
    rows += [(k, [_cell(r[k]) for r in res.values()]) for k in METRICS]
    rows += [(k, [_cell(r[k]) for r in res.values()]) for k in PRECISION]
    rows += [("entity_f1_gold", ["-" if r["entity_f1_gold"][0] is None else f"{r['entity_f1_gold'][0]:.3f}"
                                 for r in res.values()])]
    rows += [("system entities", [str(r["entity_precision_proxy"][1]) for r in res.values()]),
             ("system events", [str(r["event_count"][1]) for r in res.values()])]
    return rows


GROUP_NOTE = ("xdoc_links/apart_ok: items naming a document of the group (cross-language items count in each "
              "group they touch). entity_precision_gold, event_precision: lower bounds, gold is not exhaustive. "
              "entity_f1_gold: harmonic mean of entity_recall and entity_precision_gold (document-level entities, "
              "not mention spans).")


def to_group_text(res: dict[str, Result]) -> str:
    """Aligned plain-text table: one row per metric, one column per group, then `all`."""
    rows = [("metric", list(res))] + group_rows(res)
    widths = [max(len(r[0]) for r in rows)] + [max(len(r[1][i]) for r in rows) for i in range(len(res))]
    lines = ["  ".join([name.ljust(widths[0])] + [c.rjust(w) for c, w in zip(cells, widths[1:])]) for name, cells in rows]
    return "\n".join(lines + [GROUP_NOTE])


def to_group_markdown(res: dict[str, Result]) -> str:
    """The same table in Markdown (docs/quality.md)."""
    lines = ["| metric | " + " | ".join(res) + " |", "|---" * (len(res) + 1) + "|"]
    lines += [f"| {name} | " + " | ".join(cells) + " |" for name, cells in group_rows(res)]
    return "\n".join(lines)


def to_group_json(res: dict[str, Result]) -> str:
    return json.dumps({g: {k: {"score": v[0], "num": v[1], "den": v[2]} for k, v in r.items()} for g, r in res.items()},
                      ensure_ascii=False)


def gold_inputs(gold_path: str | Path, gold: dict[str, Any]) -> list[Path]:
    """The gold's documents: the files it names, looked up next to the gold file.

    A JSON Lines record is named like its source, `file.jsonl:LINE`; its file is read once.
    """
    here = Path(gold_path).parent
    files: dict[Path, None] = {}
    for name in gold["docs"]:
        path = here / re.sub(r":\d+$", "", name)
        if path.is_file():
            files[path] = None
    return list(files)


def extract_records(paths: Iterable[str | Path], on_error=None) -> dict[str, dict]:
    """Run the pipeline and key the JSON-round-tripped records like the reference does."""
    import msgspec

    from ..errors import AccordError
    from ..pipeline import process_many
    from ..stages.read import read_paths

    recs = []
    for item in process_many(read_paths(paths)):
        if isinstance(item, AccordError):
            if on_error:
                on_error(item)
            continue
        recs.append(msgspec.json.decode(msgspec.json.encode(item.to_record())))
    return by_basename(recs)


def gold_and_records(gold_path: str | Path, paths: Iterable[str | Path] | None = None,
                     on_error=None) -> tuple[dict[str, Any], dict[str, dict]]:
    """The gold, and the records of its documents (or of `paths`) extracted now."""
    gold = json.loads(Path(gold_path).read_text(encoding="utf-8"))
    inputs = list(paths) if paths else gold_inputs(gold_path, gold)
    return gold, extract_records(inputs, on_error) if inputs else {}


def evaluate(gold_path: str | Path, paths: Iterable[str | Path] | None = None, on_error=None) -> Result:
    """Extract the gold's documents (or `paths`) and score them."""
    return score(*gold_and_records(gold_path, paths, on_error))
