#!/usr/bin/env python3
"""Fit which cued contexts an event keeps (src/accord/events/context_choice.json), cross-validated.

usage: python eval/context_calibration.py [--write] [--folds 5] [--floor X] [--cache FILE]

Data (read from ../shared/data and samples/, never copied): news/dev, news/dev2 and samples/ gold.
Every article runs through the whole pipeline with the context choice switched off; each
candidate context of a system event that a gold event with contexts accepts (the reference
scorer's rule) gives the features of accord.events.context_choice and its label (the context is
among the contexts of the gold events accepting the event). The PLOVER GSR sentences are not
used: single sentences give no paragraph or document evidence, and their contexts are PLOVER 0.5
names of another domain. An L2-regularised logistic regression (eval/event_calibration.fit).

Reported, documents split into FOLDS folds (a document's candidates always in one fold, each fold
scored by the model fitted on the others): per set and language group, the scorer's context
recall (a gold context on some accepted event) and context precision (kept contexts of accepted
events that a gold event accepting it lists), keeping everything vs the model at each floor.
"""
from __future__ import annotations

import json
import sys
import zlib
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "eval"))

from accord.tools.evaluate import doc_groups, event_accepts  # noqa: E402
from event_calibration import NEWS, fit  # noqa: E402

L2 = 1.0
FLOOR = 0.15
KEEP_BEST = 0.15
FLOORS = (0.0, 0.1, 0.15, 0.2, 0.25, 0.3)
MODEL = ROOT / "src" / "accord" / "events" / "context_choice.json"


def record(e) -> dict:
    return {"type": e.type, "source": {"country": e.source.country}, "target": {"country": e.target.country}}


def run_set(name: str, gold: dict) -> list[dict]:
    """The set's articles through the pipeline, contexts unchosen: one entry per document with its
    events (as records, with each candidate context's features)."""
    from accord.doc import Article
    from accord.events import context_choice
    from accord.pipeline import process
    from accord.stages.read import read_paths

    seen: dict[int, list] = {}

    def capture(events, cues):
        for e in events:
            seen[id(e)] = [(c, context_choice.features(e, c, cues)) for c in e.contexts]

    context_choice.choose = capture
    folder = NEWS[name].parent
    paths = sorted({folder / d.split(":")[0] for d in gold["docs"]})
    out = []
    for a in read_paths(paths):
        if not isinstance(a, Article):
            continue
        seen.clear()
        doc = process(a)
        out.append({"doc": Path(doc.source).name, "events": [(record(e), seen.get(id(e), [])) for e in doc.events]})
    return out


def rows_of(set_name: str, docs: list[dict], gold: dict) -> list[dict]:
    groups = {d: g for g, ds in doc_groups(gold).items() for d in ds}
    rows = []
    for d in docs:
        g = gold["docs"].get(d["doc"], {})
        for k, (rec, cands) in enumerate(d["events"]):
            want = set().union(*[set(ge.get("contexts", [])) for ge in g.get("events", [])
                                 if ge.get("contexts") and event_accepts(ge, rec)] or [set()])
            for c, f in cands:
                rows.append({"set": set_name, "doc": d["doc"], "group": groups.get(d["doc"], "und"), "ev": k,
                             "c": c, "f": f, "y": int(c in want), "scored": bool(want)})
    return rows


def fold_of(set_name: str, doc: str, folds: int) -> int:
    return zlib.crc32(f"{set_name}/{doc}".encode()) % folds


def kept_by(rows: list[dict], floor: float, keep_best: float) -> set[tuple]:
    """(set, doc, event, context) kept at this floor (p from cross-validation)."""
    by_ev: dict[tuple, list[dict]] = {}
    for r in rows:
        by_ev.setdefault((r["set"], r["doc"], r["ev"]), []).append(r)
    kept = set()
    for key, rs in by_ev.items():
        ks = [r for r in rs if r["p"] >= floor]
        if not ks:
            best = max(rs, key=lambda r: r["p"])
            ks = [best] if best["p"] >= keep_best else []
        kept |= {key + (r["c"],) for r in ks}
    return kept


def scores(rows, docs, golds, kept) -> dict[str, list[int]]:
    """Per group: [recall hits, gold contexts, kept right, kept] (precision over scored events)."""
    out: dict[str, list[int]] = {}
    for name, ds in docs.items():
        groups = {d: g for g, dd in doc_groups(golds[name]).items() for d in dd}
        for d in ds:
            g = golds[name]["docs"].get(d["doc"], {})
            cell = out.setdefault(groups.get(d["doc"], "und"), [0, 0, 0, 0])
            allc = out.setdefault("all", [0, 0, 0, 0])
            ctx = {k: {c for c, _ in cands if (name, d["doc"], k, c) in kept} for k, (_, cands) in enumerate(d["events"])}
            for ge in g.get("events", []):
                cands = [k for k, (rec, _) in enumerate(d["events"]) if event_accepts(ge, rec)]
                for c in ge.get("contexts", []):
                    hit = any(c in ctx[k] for k in cands)
                    for x in (cell, allc):
                        x[0] += hit
                        x[1] += 1
            for k, (rec, _) in enumerate(d["events"]):
                want = set().union(*[set(ge.get("contexts", [])) for ge in g.get("events", [])
                                     if ge.get("contexts") and event_accepts(ge, rec)] or [set()])
                if want:
                    for x in (cell, allc):
                        x[2] += len(ctx[k] & want)
                        x[3] += len(ctx[k])
    return out


def report(rows, docs, golds, floors=FLOORS, keep_best=KEEP_BEST) -> None:
    every = {(r["set"], r["doc"], r["ev"], r["c"]) for r in rows}
    variants = [("keep all", every)] + [(f"floor {f:.2f}", kept_by(rows, f, keep_best)) for f in floors]
    groups = sorted({g for name in docs for g in doc_groups(golds[name])} | {"all"})
    print("contexts recall / precision (cross-validated), per language group:")
    print("variant".ljust(12) + "".join(g.ljust(18) for g in groups))
    for label, kept in variants:
        s = scores(rows, docs, golds, kept)
        cells = [(f"{s[g][0] / s[g][1]:.3f}/{s[g][2] / max(1, s[g][3]):.3f}" if g in s and s[g][1] else "-") for g in groups]
        print(label.ljust(12) + "".join(c.ljust(18) for c in cells))


def main(argv: list[str]) -> int:
    import pickle

    from accord.events.context_choice import probability

    folds = int(argv[argv.index("--folds") + 1]) if "--folds" in argv else 5
    floor = float(argv[argv.index("--floor") + 1]) if "--floor" in argv else FLOOR
    cache = Path(argv[argv.index("--cache") + 1]) if "--cache" in argv else None
    if cache and cache.exists():
        golds, docs = pickle.loads(cache.read_bytes())
    else:
        golds = {n: json.loads(p.read_text(encoding="utf-8")) for n, p in NEWS.items() if p.exists()}
        docs = {n: run_set(n, golds[n]) for n in golds}
        if cache:
            cache.write_bytes(pickle.dumps((golds, docs)))
    rows = [r for n in golds for r in rows_of(n, docs[n], golds[n])]
    train_rows = [r for r in rows if r["scored"]]
    print(f"candidate contexts: {len(train_rows)} on scored events ({sum(r['y'] for r in train_rows)} gold), "
          + ", ".join(f"{k} {sum(1 for r in train_rows if r['set'] == k)}" for k in golds))
    for k in range(folds):
        w = fit([r for r in train_rows if fold_of(r["set"], r["doc"], folds) != k], L2)
        for r in rows:
            if fold_of(r["set"], r["doc"], folds) == k:
                r["p"] = probability(r["f"], w)
    report(rows, docs, golds)
    if "--write" in argv:
        weights = fit(train_rows, L2)
        MODEL.write_text(json.dumps({
            "about": "accord.events.context_choice: logistic weights over where a context is cued, fitted by "
                     "eval/context_calibration.py on news/dev, news/dev2 and samples/ gold; see CALIBRATION.md",
            "candidates": dict(Counter(r["set"] for r in train_rows)), "l2": L2, "floor": floor,
            "keep_best": KEEP_BEST, "weights": weights}, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {MODEL}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
