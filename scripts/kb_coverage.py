#!/usr/bin/env python
"""How much of a gold file's entity forms the knowledge base resolves, and to the right country.

Why: the KB is only useful where news names things; this measures it on annotated articles
without running the pipeline. A form counts as resolved when KB.lookup gives one entry (or
only generic candidates, then 'ambiguous': right when the gold country is among them).

Run: .venv/bin/python scripts/kb_coverage.py ../shared/data/news/dev/gold.json samples/gold.json
     .venv/bin/python scripts/kb_coverage.py --people   (office holders per country: which states the
     KB knows >= 3 people of, and how many of them hold an office now, as far as terms.tsv knows)
"""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from accord.kb import load_kb  # noqa: E402


def coverage(gold_path: Path, verbose: bool = False) -> dict:
    kb = load_kb()
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    stats = dict(forms=0, resolved=0, unique=0, ambiguous=0, country_right=0, entities=0, entities_resolved=0)
    missed = []
    for doc_name, doc in gold["docs"].items():
        lang = doc["lang"]
        for ent in doc.get("entities", []):
            stats["entities"] += 1
            any_hit = False
            for form in ent["forms"]:
                stats["forms"] += 1
                found = kb.lookup(form, lang)
                if not found:
                    missed.append((doc_name, ent.get("type"), form))
                    continue
                any_hit = True
                stats["resolved"] += 1
                countries = {e.country for e in found}
                if len(found) == 1:
                    stats["unique"] += 1
                    stats["country_right"] += found[0].country == ent.get("country")
                else:
                    stats["ambiguous"] += 1
                    stats["country_right"] += ent.get("country") in countries
                    if verbose:
                        print("  ambiguous:", form, [e.id for e in found])
                if verbose and (len(found) == 1 and found[0].country != ent.get("country")):
                    print("  WRONG COUNTRY:", doc_name, form, found[0].id, found[0].country, "gold", ent.get("country"))
            stats["entities_resolved"] += any_hit
    if verbose:
        for m in missed:
            print("  unresolved:", *m)
    return stats


def people() -> None:
    """Office holders per country (the state of each person's latest office)."""
    from collections import Counter

    kb = load_kb()
    persons = [e for e in kb if e.type == "PER"]
    total = Counter(e.country or e.code for e in persons)
    current = Counter(e.country or e.code for e in persons if any(t.end is None for t in e.terms))
    for country, n in total.most_common():
        print(f"  {country:4s} {n:3d} people, {current[country]:3d} in office")
    three = sum(1 for c, n in total.items() if n >= 3 and len(c) == 3 and c not in ("IGO", "UNO", "EUR"))
    print(f"people {len(persons)}; states with >= 3 office holders {three}; "
          f"approximate terms {sum(t.approx for e in persons for t in e.terms)}/{sum(len(e.terms) for e in persons)}")


def main(paths: list[str]) -> None:
    if "--people" in paths:
        people()
        paths = [x for x in paths if x != "--people"]
    verbose = "-v" in paths
    for p in [x for x in paths if x != "-v"]:
        t = time.perf_counter()
        s = coverage(Path(p), verbose)
        dt = time.perf_counter() - t
        print(f"{p}: forms resolved {s['resolved']}/{s['forms']} ({s['resolved'] / max(1, s['forms']):.3f}), "
              f"unique {s['unique']}, generic-ambiguous {s['ambiguous']}, right country "
              f"{s['country_right']}/{s['resolved']} ({s['country_right'] / max(1, s['resolved']):.3f}); "
              f"entities with a resolved form {s['entities_resolved']}/{s['entities']}; {dt:.2f} s")


if __name__ == "__main__":
    main(sys.argv[1:])
