#!/usr/bin/env python3
"""Fit the events' calibration model (src/accord/events/calibration.json) and report it cross-validated.

usage: python eval/event_calibration.py [--write] [--folds 5] [--floor X] [--article-floor X] [--cache FILE]

Data (read from ../shared/data and samples/, never copied): the PLOVER GSR sentences (one gold
event per sentence: a system event is right when it has the gold type), news/dev and news/dev2
and samples/ (a system event is right when a gold event of its document accepts it, the
reference scorer's rule). Every article runs through the whole pipeline with the calibration
switched off; each coded event gives the language-free features of accord.events.calibration
and its label. An L2-regularised logistic regression is fitted by Newton's method.

Reported, with documents split into FOLDS folds (each set split on its own, a document's events
always in one fold; each fold's events scored by the model fitted on the others): per set and
language group, (type, dyad) recall and precision of the events kept at each floor, and GSR type
accuracy of the most confident event and dyad accuracy, against the same figures with the rule
scores (no model). `--write` fits on everything and writes the model with the chosen floors:
`--floor` for a lone sentence (chosen on the GSR rows), `--article-floor` for an article's events
(chosen on the news rows: the highest floor at which no language group loses cross-validated recall),
and an article's event of one country code alone LONE_COUNTRY_FLOOR (chosen the same way); "cv shipped"
scores the news sets with those floors.
`--cache FILE` keeps the processed articles in FILE (pickle, outside the repository) and reads them
from it when it exists: to try features or floors without rerunning the pipeline; delete it after
changing any stage.
"""
from __future__ import annotations

import json
import math
import sys
import zlib
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "eval"))

try:  # the scorer's home moved to accord.tools on main
    from accord.tools.evaluate import doc_groups, event_accepts  # noqa: E402
except ImportError:
    from accord.evaluate import doc_groups, event_accepts  # noqa: E402

DATA = ROOT.parent / "shared" / "data"
NEWS = {"samples": ROOT / "samples" / "gold.json", "dev": DATA / "news" / "dev" / "gold.json",
        "dev2": DATA / "news" / "dev2" / "gold.json"}
GSR = DATA / "en-plover-gsr" / "PLOVER_GSR_CAMEO.txt"
L2 = 1.0
FLOOR = 0.25
ARTICLE_FLOOR = 0.325
LONE_COUNTRY_FLOOR = 0.4  # an article's event whose sides carry one country code
FLOORS = (0.0, 0.1, 0.15, 0.2, 0.25, 0.3, 0.325, 0.35, 0.4)
MODEL = ROOT / "src" / "accord" / "events" / "calibration.json"


def as_record(e) -> dict:
    return {"type": e.type, "source": {"country": e.source.country}, "target": {"country": e.target.country}}


def rows_of(set_name: str, docs: list, gold: dict | list) -> list[dict]:
    """One row per coded event: set, document, group, features, label, and the raw event."""
    from accord.analysis import sentence_tokens
    from accord.events.calibration import country_salience, crowds, features, trigger_tokens
    from accord.events.main_act import in_background
    from plover_gsr import TYPE_MAP

    def background(doc, tok):  # the trigger in a background clause (events.main_act ranks it second)
        toks = next((ts for ts in sentence_tokens(doc, doc.sentences) if tok in ts), None) if tok is not None else None
        return in_background(tok, toks) if toks else None

    rows = []
    if set_name == "gsr":
        for doc, g in zip(docs, gold):
            want = TYPE_MAP.get(g["event"], g["event"])
            trig = trigger_tokens(doc.events, sentence_tokens(doc, doc.sentences))
            sal = country_salience(doc)
            for e, n, t in zip(doc.events, crowds(doc.events), trig):
                rows.append({"set": "gsr", "doc": doc.source, "group": "en", "f": features(e, doc, n, t, doc.events, sal),
                             "y": int(e.type == want), "ev": e, "rule": e.confidence, "bg": background(doc, t)})
        return rows
    groups = {d: g for g, ds in doc_groups(gold).items() for d in ds}
    for doc in docs:
        name = Path(doc.source).name
        g = gold["docs"].get(name, {})
        trig = trigger_tokens(doc.events, sentence_tokens(doc, doc.sentences))
        sal = country_salience(doc)
        for e, n, t in zip(doc.events, crowds(doc.events), trig):
            rec = as_record(e)
            rows.append({"set": set_name, "doc": name, "group": groups.get(name, "und"), "f": features(e, doc, n, t, doc.events, sal),
                         "y": int(any(event_accepts(ge, rec) for ge in g.get("events", []))), "ev": e, "rule": e.confidence})
    return rows


def fit(rows: list[dict], l2: float = L2) -> dict[str, float]:
    import numpy as np

    keys = sorted(rows[0]["f"])
    x = np.array([[r["f"][k] for k in keys] for r in rows])
    y = np.array([r["y"] for r in rows], dtype=float)
    w = np.zeros(len(keys))
    reg = l2 * np.eye(len(keys))
    reg[keys.index("bias"), keys.index("bias")] = 0.0
    for _ in range(50):
        p = 1 / (1 + np.exp(-np.clip(x @ w, -30, 30)))
        grad = x.T @ (p - y) + reg @ w
        hess = x.T @ (x * (p * (1 - p))[:, None]) + reg + 1e-9 * np.eye(len(keys))
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return {k: round(float(v), 4) for k, v in zip(keys, w)}


def fold_of(set_name: str, doc: str, folds: int) -> int:
    return zlib.crc32(f"{set_name}/{doc}".encode()) % folds


def cross_validate(rows: list[dict], folds: int) -> None:
    from accord.events.calibration import probability

    for k in range(folds):
        train = [r for r in rows if fold_of(r["set"], r["doc"], folds) != k]
        w = fit(train)
        for r in rows:
            if fold_of(r["set"], r["doc"], folds) == k:
                r["p"] = probability(r["f"], w)


def news_scores(rows: list[dict], gold: dict, set_name: str, floor: float, key: str) -> dict[str, tuple[int, int, int, int]]:
    """Per group and 'all': (found, gold events, right, kept events) with events kept at p >= floor."""
    groups = doc_groups(gold)
    out = {}
    for group, docs in list(groups.items()) + [("all", set(gold["docs"]))]:
        found = total = right = kept = 0
        for d in docs:
            evs = [r for r in rows if r["set"] == set_name and r["doc"] == d and (key == "rule" or r[key] >= floor)]
            for ge in gold["docs"][d].get("events", []):
                total += 1
                found += any(event_accepts(ge, as_record(r["ev"])) for r in evs)
            kept += len(evs)
            right += sum(r["y"] for r in evs)
        out[group] = (found, total, right, kept)
    return out


def ranked(r: dict, rows: list[dict], key: str, floor: float) -> float:
    """The row's score as events.main_act ranks it: a background event goes just under its
    sentence's best main-clause event."""
    if not r.get("bg") or key == "rule":
        return r[key]
    main = [o[key] for o in rows if o.get("bg") is False and o["ev"].sentence.start == r["ev"].sentence.start]
    return min(r[key], max(floor, max(main) - 0.001)) if main else r[key]


def gsr_scores(rows: list[dict], gold: list, docs: list, floor: float, key: str) -> tuple[float, float]:
    from plover_gsr import NON_STATE, TYPE_MAP, actors

    top = dyad = with_countries = 0
    by_doc: dict[str, list[dict]] = {}
    for r in rows:
        if r["set"] == "gsr" and (key == "rule" or r[key] >= floor):
            by_doc.setdefault(r["doc"], []).append(r)
    for doc, g in zip(docs, gold):
        want = TYPE_MAP.get(g["event"], g["event"])
        evs = sorted(by_doc.get(doc.source, []), key=lambda r: -ranked(r, by_doc.get(doc.source, []), key, floor))
        top += bool(evs) and evs[0]["ev"].type == want
        src, tgt = actors(g.get("source")), actors(g.get("target"))
        if any(c not in NON_STATE for c in src + tgt):
            with_countries += 1
            of_type = [r["ev"] for r in evs if r["ev"].type == want]
            s_states = [c for c in src if c not in NON_STATE] or [None]
            t_states = [c for c in tgt if c not in NON_STATE] or [None]
            dyad += all(any({a, b} - {None} <= {x.country for x in e.sources + e.targets} for e in of_type)
                        for a in s_states for b in t_states)
    return top / max(1, len(gold)), dyad / max(1, with_countries)


def report(rows: list[dict], golds: dict, docs: dict) -> None:
    def cell(t):
        f, n, r, k = t
        return f"R {f / max(1, n):.3f} P {r / max(1, k):.3f} ({f}/{n}, {r}/{k})"

    for set_name in NEWS:
        if set_name not in golds:
            continue
        print(f"== {set_name}")
        base = news_scores(rows, golds[set_name], set_name, 0.0, "rule")
        print("   rules        " + " | ".join(f"{g}: {cell(t)}" for g, t in base.items()))
        for floor in FLOORS:
            got = news_scores(rows, golds[set_name], set_name, floor, "p")
            print(f"   cv p>={floor:<5} " + " | ".join(f"{g}: {cell(t)}" for g, t in got.items()))
        got = news_scores(rows, golds[set_name], set_name, 0.0, "shipped")
        print("   cv shipped   " + " | ".join(f"{g}: {cell(t)}" for g, t in got.items()))
    if "gsr" in golds:
        print("== gsr (type accuracy of the most confident event, dyad accuracy)")
        print("   rules        type %.3f dyad %.3f" % gsr_scores(rows, golds["gsr"], docs["gsr"], 0.0, "rule"))
        for floor in FLOORS:
            print(f"   cv p>={floor:<5} type %.3f dyad %.3f" % gsr_scores(rows, golds["gsr"], docs["gsr"], floor, "p"))


def load_sets(run_docs) -> tuple[dict, dict]:
    """(golds, docs) per set; `run_docs(set_name, gold) -> [Article]` processes that set's articles."""
    golds, docs = {}, {}
    for name, path in NEWS.items():
        if path.exists():
            golds[name] = json.loads(path.read_text(encoding="utf-8"))
            docs[name] = run_docs(name, golds[name])
    if GSR.exists():
        golds["gsr"] = [r for r in json.loads(GSR.read_text(encoding="utf-8")) if r.get("text") and r.get("event") != "DOCUMENT"]
        docs["gsr"] = run_docs("gsr", golds["gsr"])
    return golds, docs


def load_cached(cache: Path, run_docs) -> tuple[dict, dict]:
    """load_sets, read from `cache` when it exists, else computed and written there."""
    import pickle

    if cache.exists():
        return pickle.loads(cache.read_bytes())
    got = load_sets(run_docs)
    cache.write_bytes(pickle.dumps(got))
    return got


def run_pipeline(name: str, gold) -> list:
    """The set's articles through the whole pipeline, calibration off."""
    from accord.doc import Article
    from accord.events import calibration
    from accord.pipeline import process
    from accord.stages.read import read_paths

    calibration.model = lambda: None  # the rule scores, every event kept
    if name == "gsr":
        return [process(Article(text=r["text"], source=r["id"], lang="en")) for r in gold]
    folder = NEWS[name].parent
    paths = sorted({folder / d.split(":")[0] for d in gold["docs"]})
    return [process(a) for a in read_paths(paths) if isinstance(a, Article)]


def main(argv: list[str], run_docs=run_pipeline) -> int:
    folds = int(argv[argv.index("--folds") + 1]) if "--folds" in argv else 5
    floor = float(argv[argv.index("--floor") + 1]) if "--floor" in argv else FLOOR
    article_floor = float(argv[argv.index("--article-floor") + 1]) if "--article-floor" in argv else ARTICLE_FLOOR
    cache = Path(argv[argv.index("--cache") + 1]) if "--cache" in argv else None
    golds, docs = load_cached(cache, run_docs) if cache else load_sets(run_docs)
    if "gsr" not in golds:
        print(f"PLOVER GSR not found at {GSR}; skipping")
        return 0
    rows = [r for name in golds for r in rows_of(name, docs[name], golds[name])]
    print(f"events: {len(rows)} ({sum(r['y'] for r in rows)} right) from " +
          ", ".join(f"{k} {sum(1 for r in rows if r['set'] == k)}" for k in golds))
    cross_validate(rows, folds)
    for r in rows:  # what accord.events.calibration keeps of an article (a news document has several sentences)
        placed = {a.country for a in r["ev"].sources + r["ev"].targets if a.country}
        need = LONE_COUNTRY_FLOOR if len(placed) == 1 else article_floor
        r["shipped"] = r["p"] if r["set"] != "gsr" and placed and r["p"] >= need else -1.0
    report(rows, golds, docs)
    if "--write" in argv:
        weights = fit(rows)
        counts = Counter(r["set"] for r in rows)
        MODEL.write_text(json.dumps({
            "about": "accord.events.calibration: logistic weights over the event features, fitted by "
                     "eval/event_calibration.py on the PLOVER GSR sentences (CC BY-SA 4.0), news/dev, news/dev2 "
                     "and samples/ gold; see CALIBRATION.md",
            "events": dict(counts), "l2": L2, "floor": floor, "article_floor": article_floor,
            "lone_country_floor": LONE_COUNTRY_FLOOR, "weights": weights}, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {MODEL}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
