#!/usr/bin/env python3
"""Accuracy of accord's event coding on the public PLOVER GSR English sentences.

usage: python eval/plover_gsr.py [PATH_TO_PLOVER_GSR_CAMEO.txt] [--limit N] [--errors] [--half even|odd]

--half keeps the sentences whose id number is even (the half whose misses may be read when
growing the trigger lexicons) or odd (the held half, read only for figures), so a lexicon grown
from GSR misses is judged on sentences nobody read.

Each GSR record is one sentence with one gold event (PLOVER 0.5 names, mapped to 2.0 as
../shared/data/README.md says: DEMAND->REQUEST, DISAPPROVE->ACCUSE, FIGHT->ASSAULT,
INVESTIGATE->ACCUSE). The sentence runs through the whole accord pipeline (English), so the
figures measure entities, countries and events together. Reported:
  type_top     the most confident system event has the gold type
  type_any     some system event has the gold type
  dyad         every gold (source country, target country) pair is in some event of the gold type
               (order free; accord splits compound acts into one event per country pair)
  dyad_ordered ... with the source country among the event's sources and the target among its targets
  no_event     sentences with no event at all
Country scores count only sentences whose gold actors carry ISO country codes.
Skips cleanly (exit 0) when the data is absent.
"""
from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "en-plover-gsr" / "PLOVER_GSR_CAMEO.txt"
TYPE_MAP = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "FIGHT": "ASSAULT", "INVESTIGATE": "ACCUSE"}
CODE_MAP = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}  # CAMEO spellings in the GSR -> ISO alpha-3
NON_STATE = {"IGO", "NGO", "IMG", "ISM", "MNC", "UNO", "EUR"}


def actors(field) -> list[str]:
    if not isinstance(field, list):
        return []
    return [CODE_MAP.get(a.get("code", ""), a.get("code", "")) for a in field if a.get("code")]


def main(argv: list[str]) -> int:
    values = {argv[i + 1] for i, a in enumerate(argv[:-1]) if a in ("--limit", "--half")}
    path = Path(next((a for a in argv if not a.startswith("--") and a not in values), DEFAULT))
    if not path.exists():
        print(f"PLOVER GSR not found at {path}; skipping")
        return 0
    limit = int(argv[argv.index("--limit") + 1]) if "--limit" in argv else None
    show = "--errors" in argv
    from accord.pipeline import extract_text

    records = [r for r in json.loads(path.read_text(encoding="utf-8")) if r.get("text") and r.get("event") != "DOCUMENT"]
    records = records[:limit] if limit else records
    if "--half" in argv:
        parity = 0 if argv[argv.index("--half") + 1] == "even" else 1
        records = [r for r in records if int(r["id"].rsplit("-", 1)[1]) % 2 == parity]
    n = Counter()
    confusion = Counter()
    for r in records:
        gold = TYPE_MAP.get(r["event"], r["event"])
        src, tgt = actors(r.get("source")), actors(r.get("target"))
        doc = extract_text(r["text"], source=r["id"], lang="en")
        evs = sorted(doc.events, key=lambda e: -e.confidence)
        n["sentences"] += 1
        n["no_event"] += not evs
        top = evs[0].type if evs else "-"
        confusion[(gold, top)] += 1
        n["type_top"] += top == gold
        of_type = [e for e in evs if e.type == gold]
        n["type_any"] += bool(of_type)
        states = [c for c in src + tgt if c not in NON_STATE]
        if states:
            n["with_countries"] += 1
            # accord splits a compound act into one event per country pair: the gold event is found when
            # each of its (source, target) country pairs is found in some event of its type
            s_states = [c for c in src if c not in NON_STATE] or [None]
            t_states = [c for c in tgt if c not in NON_STATE] or [None]
            gold_pairs = [(a, b) for a in s_states for b in t_states]
            ok = all(any({a, b} - {None} <= {x.country for x in e.sources + e.targets} for e in of_type)
                     for a, b in gold_pairs)
            n["dyad"] += ok
            joint = t_states == [None] and len(s_states) > 1  # "X and Y agreed": a joint act has no order
            ordered = ok if joint else all(any((a is None or a in {x.country for x in e.sources})
                                               and (b is None or b in {x.country for x in e.targets}) for e in of_type)
                                           for a, b in gold_pairs)
            n["dyad_ordered"] += ordered
            if show and ok and not ordered:
                got = [(e.type, [a.country for a in e.sources], [a.country for a in e.targets]) for e in evs]
                print(f"ORDER {r['id'][-4:]} {gold} {src}->{tgt} got {got} | {r['text']}")
            if show and not ok:
                got = [(e.type, [a.country for a in e.sources], [a.country for a in e.targets]) for e in evs]
                print(f"DYAD {r['id'][-4:]} {gold} {src}->{tgt} got {got} | {r['text']}")
        if show and not of_type:
            print(f"MISS {r['id'][-4:]} gold={gold} all={[e.type for e in evs]} | {r['text']}")
        if show and top != gold:
            print(f"TYPE {r['id'][-4:]} gold={gold} top={top} all={[e.type for e in evs]} | {r['text']}")
    s = n["sentences"]
    w = n["with_countries"] or 1
    print(f"sentences     {s}")
    for k in ("type_top", "type_any", "no_event"):
        print(f"{k:13s} {n[k] / s:.3f}  ({n[k]}/{s})")
    for k in ("dyad", "dyad_ordered"):
        print(f"{k:13s} {n[k] / w:.3f}  ({n[k]}/{n['with_countries']})")
    per_type = Counter()
    totals = Counter()
    for (g, t), c in confusion.items():
        totals[g] += c
        per_type[g] += c if g == t else 0
    print("per type (top):", " ".join(f"{g}={per_type[g]}/{totals[g]}" for g in sorted(totals)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
