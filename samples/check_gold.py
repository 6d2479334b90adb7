#!/usr/bin/env python3
"""Check samples/gold.json against the sample files it annotates.

Why: gold that names a form the text does not contain, or a key that no document defines, scores
a system wrong for nothing. This reads every sample the way accord does (encoding detection,
trafilatura for HTML, one record per JSON line) and checks that
- every entity form, quote start and boilerplate string occurs verbatim in its document's text,
- every entity form and quote start also occurs outside the boilerplate strings,
- speakers, xdoc and apart keys are entities of the documents they name,
- countries are ISO 3166-1 alpha-3 codes (or null), event types and contexts are PLOVER's,
- every event has one or two countries (the scorer compares a system event's source and target) and a note,
- every key annotated in two or more documents is linked across exactly those documents in xdoc,
- dates look like YYYY, YYYY-MM or YYYY-MM-DD.

usage: python samples/check_gold.py [samples/gold.json]   (exit status 1 on any problem)
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

PLOVER_TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                "REJECT", "THREATEN", "SANCTION", "PROTEST", "MOBILIZE", "COERCE", "ASSAULT"}
PLOVER_CONTEXTS = set("""military intelligence executive legislative election political_institutions pro_democracy
pro_autocracy economic legal reparations human_rights rights_freedoms repression human_security gender lgbt
religion_ethnicity inequality diplomatic territory peacekeeping health asylum migration disasters natural_resource
environment technology terrorism cbrn cyber misinformation crime corruption illegal_drugs trafficking""".split())
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def spans(text: str, needle: str) -> list[tuple[int, int]]:
    """Occurrences of needle, any run of whitespace matching any other (as the reference scorer does)."""
    pat = r"\s+".join(re.escape(w) for w in needle.split())
    return [(m.start(), m.end()) for m in re.finditer(pat, text)]


def load_texts(folder: Path) -> dict[str, str]:
    """Text of every sample as accord reads it, keyed like score.py keys records (basename of source)."""
    from accord.stages.read import read_paths

    texts = {}
    for item in read_paths([folder]):
        if isinstance(item, Exception):
            raise SystemExit(f"cannot read a sample: {item}")
        texts[Path(item.source).name] = item.text
    return texts


def valid_iso3(code: str) -> bool:
    try:
        import pycountry
    except ImportError:  # pragma: no cover - pycountry is an accord dependency
        return bool(re.fullmatch(r"[A-Z]{3}", code))
    return pycountry.countries.get(alpha_3=code) is not None


def check(gold: dict, texts: dict[str, str]) -> list[str]:
    problems = []
    keys_of = {}
    for name, g in gold["docs"].items():
        where = f"{name}:"
        text = texts.get(name)
        if text is None:
            problems.append(f"{where} no such sample (read: {sorted(texts)})")
            continue
        boiler = [s for b in g.get("boilerplate", []) for s in spans(text, b)]
        for b in g.get("boilerplate", []):
            if not spans(text, b):
                problems.append(f"{where} boilerplate not in text: {b!r}")

        def outside_boiler(needle: str) -> bool:
            return any(not any(bs <= s and e <= be for bs, be in boiler) for s, e in spans(needle=needle, text=text))

        keys = set()
        for e in g["entities"]:
            if e["key"] in keys:
                problems.append(f"{where} duplicate entity key {e['key']}")
            keys.add(e["key"])
            if e.get("type") not in ("PER", "ORG", "LOC"):
                problems.append(f"{where} {e['key']}: bad type {e.get('type')!r}")
            c = e.get("country", "absent")
            if c not in (None, "absent") and not valid_iso3(c):
                problems.append(f"{where} {e['key']}: bad country {c!r}")
            if not e["forms"]:
                problems.append(f"{where} {e['key']}: no forms")
            for f in e["forms"]:
                if f not in text:
                    problems.append(f"{where} {e['key']}: form not in text: {f!r}")
                elif not outside_boiler(f):
                    problems.append(f"{where} {e['key']}: form only inside boilerplate: {f!r}")
        keys_of[name] = keys
        for q in g.get("quotes", []):
            if q["speaker"] not in keys:
                problems.append(f"{where} quote speaker {q['speaker']!r} is not an entity of this doc")
            if q["starts"] not in text:
                problems.append(f"{where} quote start not in text: {q['starts']!r}")
            elif not outside_boiler(q["starts"]):
                problems.append(f"{where} quote start only inside boilerplate: {q['starts']!r}")
        for ev in g.get("events", []) + g.get("not_events", []):
            fams = ev["family"] if isinstance(ev["family"], list) else [ev["family"]]
            for f in fams:
                if f not in PLOVER_TYPES:
                    problems.append(f"{where} bad event type {f!r}")
            if not 1 <= len(ev["countries"]) <= 2:
                problems.append(f"{where} event needs one or two countries (a system event has one source and one "
                                f"target): {ev['countries']}")
            if not ev.get("note"):
                problems.append(f"{where} event without a note: {ev['family']} {ev['countries']}")
            for c in ev["countries"]:
                if not valid_iso3(c):
                    problems.append(f"{where} bad event country {c!r}")
            for c in ev.get("contexts", []):
                if c not in PLOVER_CONTEXTS:
                    problems.append(f"{where} bad context {c!r}")
        for d in g.get("dates", []) + g.get("must_not_date", []):
            if not DATE.match(d):
                problems.append(f"{where} bad date {d!r}")
        if g.get("title") and g["title"] not in text:
            problems.append(f"{where} title not in text")
    for key, docs in gold.get("xdoc", []):
        for d in docs:
            if key not in keys_of.get(d, ()):
                problems.append(f"xdoc: {key!r} is not an entity of {d}")
    linked = {key: set(docs) for key, docs in gold.get("xdoc", [])}
    for key in sorted({k for keys in keys_of.values() for k in keys}):
        docs = {d for d, keys in keys_of.items() if key in keys}
        if len(docs) >= 2 and linked.get(key) != docs:
            problems.append(f"xdoc: {key!r} is annotated in {sorted(docs)} but linked in {sorted(linked.get(key, ()))}")
    for pair in gold.get("apart", []):
        for key, d in pair:
            if key not in keys_of.get(d, ()):
                problems.append(f"apart: {key!r} is not an entity of {d}")
    return problems


def main() -> int:
    gold_path = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).with_name("gold.json"))
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    texts = load_texts(gold_path.parent)
    problems = check(gold, texts)
    for p in problems:
        print(p)
    n = gold["docs"]
    print(f"{len(n)} docs, {sum(len(g['entities']) for g in n.values())} entities, "
          f"{sum(len(g.get('quotes', [])) for g in n.values())} quotes, {sum(len(g.get('events', [])) for g in n.values())} events, "
          f"{len(gold.get('xdoc', []))} xdoc, {len(gold.get('apart', []))} apart: "
          f"{'OK' if not problems else f'{len(problems)} problem(s)'}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
