#!/usr/bin/env python3
"""(type, dyad) precision and recall of accord's events against document gold, and the false positives.

usage: python eval/event_precision.py GOLD.json OUTPUT.jsonl [--fp] [--fn] [--docs] [--min-confidence X]

The rule is the reference scorer's (../shared/eval/score.py): a gold event is found when a
system event has one of its family types and its source and target countries include every
gold country. Here the same rule read the other way gives precision: a system event is right
when some gold event of its document accepts it. A system event that matches only a gold
`not_events` note (a negated act that must not be coded) is counted apart. A sweep over
confidence thresholds shows what `accord events --min-confidence` buys. Gold is not
exhaustive, so precision is a lower bound: read the listed false positives. `--docs` prints, per
document, every gold event (found or MISSED) and every system event (ok or FP) with its actors'
texts and all its supporting sentences: the view to classify errors by cause.
"""
from __future__ import annotations

import json
import os
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from accord.tools.evaluate import event_accepts  # noqa: E402

THRESHOLDS = (0.0, 0.3, 0.4, 0.5, 0.6, 0.7)


# one implementation of the reference's event rule, shared with `accord evaluate` (its event_recall
# and the --by-lang event_precision)
accepts = event_accepts


def score(gold: dict, out: dict, min_conf: float = 0.0) -> dict:
    n = Counter()
    fps, fns, negs = [], [], []
    for doc, g in gold["docs"].items():
        rec = out.get(doc, {"events": [], "text": ""})
        evs = [e for e in rec.get("events", []) if e.get("confidence", 1.0) >= min_conf]
        gold_evs = g.get("events", [])
        for ge in gold_evs:
            ok = any(accepts(ge, e) for e in evs)
            n["gold"] += 1
            n["found"] += ok
            if not ok:
                fns.append((doc, ge))
        for e in evs:
            n["system"] += 1
            if any(accepts(ge, e) for ge in gold_evs):
                n["correct"] += 1
            elif any(accepts(ne, e) for ne in g.get("not_events") or []):
                negs.append((doc, e, rec.get("text", "")))
            else:
                fps.append((doc, e, rec.get("text", "")))
    n["negated_coded"] = len(negs)
    return {"n": n, "fp": fps, "fn": fns, "neg": negs}


def describe(e: dict, text: str) -> str:
    side = lambda xs: ",".join(str(a.get("country")) for a in xs) or "-"  # noqa: E731
    s = e.get("sentence") or {}
    sent = " ".join(text[s.get("start", 0):s.get("end", 0)].split())
    return (f"{e.get('type')}/{e.get('mode') or '-'} {side(e.get('sources', []))}->{side(e.get('targets', []))} "
            f"conf={e.get('confidence')} date={e.get('date')} trig='{(e.get('trigger') or {}).get('text')}' | {sent[:150]}")


def per_doc(gold: dict, out: dict, min_conf: float = 0.0) -> list[str]:
    """Each document's gold events (found / MISSED) and system events (ok / FP) with sentences."""
    lines = []
    side = lambda xs: ",".join(f"{a.get('country')}[{a.get('text') or a.get('entity')}]" for a in xs) or "-"  # noqa: E731
    for doc, g in gold["docs"].items():
        rec = out.get(doc, {"events": [], "text": ""})
        text = rec.get("text", "")
        evs = [e for e in rec.get("events", []) if e.get("confidence", 1.0) >= min_conf]
        lines.append(f"===== {doc}")
        for ge in g.get("events", []):
            ok = any(accepts(ge, e) for e in evs)
            lines.append(f"  {'found ' if ok else 'MISSED'} {ge['family']} {ge['countries']} | {ge.get('note', '')[:110]}")
        for e in evs:
            ok = any(accepts(ge, e) for ge in g.get("events", []))
            lines.append(f"  {'ok' if ok else 'FP'}  {e.get('type')}/{e.get('mode') or '-'} {side(e.get('sources', []))} -> "
                         f"{side(e.get('targets', []))} conf={e.get('confidence')} trig='{(e.get('trigger') or {}).get('text')}'")
            for sp in e.get("sentences") or [e.get("sentence") or {}]:
                lines.append("        | " + " ".join(text[sp.get("start", 0):sp.get("end", 0)].split())[:200])
    return lines


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print(__doc__)
        return 2
    gold = json.load(open(argv[0], encoding="utf-8"))
    out = {}
    for line in open(argv[1], encoding="utf-8"):
        if line.strip():
            r = json.loads(line)
            out[os.path.basename(r.get("source", ""))] = r
    min_conf = float(argv[argv.index("--min-confidence") + 1]) if "--min-confidence" in argv else 0.0
    res = score(gold, out, min_conf)
    n = res["n"]
    prec = n["correct"] / n["system"] if n["system"] else 0.0
    rec = n["found"] / n["gold"] if n["gold"] else 0.0
    print(f"recall     {rec:.3f}  ({n['found']}/{n['gold']})")
    print(f"precision  {prec:.3f}  ({n['correct']}/{n['system']})   negated acts coded: {n['negated_coded']}")
    print("sweep: " + "  ".join(
        f"c>={t}: P={r['n']['correct'] / max(1, r['n']['system']):.2f} R={r['n']['found'] / max(1, r['n']['gold']):.2f} n={r['n']['system']}"
        for t in THRESHOLDS for r in [score(gold, out, t)]))
    if "--fp" in argv:
        for doc, e, text in res["neg"]:
            print(f"NEG  {doc[:28]:28s} {describe(e, text)}")
        for doc, e, text in res["fp"]:
            print(f"FP   {doc[:28]:28s} {describe(e, text)}")
    if "--docs" in argv:
        print("\n".join(per_doc(gold, out, min_conf)))
    if "--fn" in argv:
        for doc, ge in res["fn"]:
            print(f"FN   {doc[:28]:28s} {ge['family']} {ge['countries']} | {ge.get('note', '')}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
