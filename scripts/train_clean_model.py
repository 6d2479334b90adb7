#!/usr/bin/env python3
"""Train the cleaning line classifier (src/accord/clean/line_model.json) from ../shared/data.

Data (scripts/clean_training_data.py): the 181 pages of web-article-extraction (MIT) rendered
three ways to plain text, labelled by their gold article body and headline; the real articles
of news/dev and news/dev2, labelled by their gold (boilerplate strings, title, quote starts).

Model: gradient-boosted trees (body / boilerplate / title; scikit-learn's
HistGradientBoostingClassifier, needed here only) on the line features (accord.clean.features),
exported as plain node arrays that accord.clean.model evaluates with numpy. Why: see
accord/clean/model.py.

`--cv K`: K-fold cross-validation grouped by site (a site's pages, all renderings of a page and
all articles of one outlet stay in one fold): every figure printed is of pages the fold's model
never saw, end to end through the cleaning stage: the web benchmark's own metric (4-gram
shingle F1, precision, recall) for each plain-text rendering and for the HTML path beside
trafilatura alone, and the news gold's cleaning metrics per language. Without --cv it fits
on everything and writes the model.

usage: PYTHONPATH=src python scripts/train_clean_model.py [--cv 5] [--no-write] [--limit N] [--rounds 50] [--bags 3]
"""
from __future__ import annotations

import argparse
import json
import os
import pickle
import random
import re
import sys
import time
import zlib
from collections import defaultdict
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # a small dense problem: threads only contend
os.environ.setdefault("OMP_NUM_THREADS", "1")
import numpy as np  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "eval"))

import clean_training_data as data  # noqa: E402
from clean_eval import benchmark_f1, body_text, norm, score_doc, tp_fp_fn  # noqa: E402

from accord.clean import boilerplate, model  # noqa: E402
from accord.clean.context import CONTEXT, context_features  # noqa: E402
from accord.clean.features import FEATURES, line_features  # noqa: E402
from accord.doc import Article  # noqa: E402
from accord.stages import clean  # noqa: E402
from accord.stages.read import from_html, read_paths  # noqa: E402

CLASSES = ("body", "boilerplate", "title")
# chosen by cross-validation (--configs; see src/accord/clean/README.md)
THRESHOLDS = {"keep": 0.6, "overrule": 1.0, "keep_extracted": 0.0, "drop_unconfirmed": 0.2, "overrule_extracted": 0.5,
              "reasons_extracted": ["teaser"], "rescue": 0.3, "lead": 1.0}
CONFIG_KEYS = ("keep", "overrule", "keep_extracted", "drop_unconfirmed", "overrule_extracted", "rescue", "lead")
# small and shallow: a few hundred trees of depth 6 keep scoring under a millisecond a page
GBT = {"max_iter": 100, "learning_rate": 0.15, "max_depth": 6, "max_leaf_nodes": None,
       "min_samples_leaf": 40, "l2_regularization": 1.0}
STACKED = True  # --single-stage: the first stage alone
STAGES = 2  # --stages 3: a third stage (cross-validated blocks 0.875 -> 0.880, news 0.933 -> 0.925: not shipped)
ROUNDS = 0  # --rounds N: exactly N rounds, no early stopping (a refit then reshuffles nothing: comparable runs)
SITE_STOP = False  # --site-stop: stop on held-out sites (cross-validated: blocks 0.875 -> 0.872, not the default)
INNER_FOLDS = 3  # sites split this many ways for the first stage's out-of-fold opinions
BAGS = 1  # --bags B: each stage the average of B ensembles, each fitted on a random share of the sites
BAG_SHARE = 0.8  # of the sites each bag is fitted on (without replacement: every bag near the full data)
DISTIL = False  # --distil: with --bags, one ensemble fitted on the bags' mean opinion (one ensemble's cost at run time)
DISTIL_FLOOR = 0.005  # a soft label below this share of a line is left out (fewer rows, nothing a tree would split on)
PAGES = None  # --pages FILE: per page figures and lines of the cross-validation (error analysis)
NEWS_WEIGHT = 3.0  # our languages and our kind of input: the news gold counts more per line


def _overlaps(spans, s, e):
    return any(a < e and s < b for a, b in spans)


def news_labels(art: Article, lines, g: dict) -> tuple[list[int], list[float]]:
    """Labels from the news gold; lines the gold says nothing about get weight 0."""
    bad = [sp for b in g.get("boilerplate", []) for sp in _find(art.text, b)]
    quotes = [sp for q in g.get("quotes", []) for sp in _find(art.text, q["starts"])]
    title = norm(g.get("title") or "")
    labels, weights = [], []
    seen_title = not title
    for ln in lines:
        if title and norm(ln.text) == title and not seen_title:
            labels.append(data.TITLE)
            weights.append(NEWS_WEIGHT * 2)
            seen_title = True
        elif _overlaps(bad, ln.start, ln.end):
            labels.append(data.BOILERPLATE)
            weights.append(NEWS_WEIGHT * 2)
        elif _overlaps(quotes, ln.start, ln.end) or (seen_title and ln.words >= 12 and ln.text[-1] in ".!?\"»”"):
            labels.append(data.BODY)
            weights.append(NEWS_WEIGHT)
        else:
            labels.append(data.BODY)
            weights.append(0.0)
    return labels, weights


def _find(text: str, needle: str):
    pat = r"\s+".join(re.escape(w) for w in needle.split())
    return [(m.start(), m.end()) for m in re.finditer(pat, text)]


def site_of_news(name: str) -> str:
    """news/dev2/en_01_chinaorgcn_mekong....txt -> chinaorgcn (the outlet token)."""
    return "news:" + name.split("/")[-1].split("_")[2]


def build(limit: int | None):
    """Examples: dicts with group, kind, rows, labels, weights and what the end-to-end scoring needs."""
    examples = []
    with model.use(None):
        for pid, site, rname, text, gold, heads in data.web_examples(limit):
            lines = boilerplate.classify(text)
            labels = data.label_web_lines([ln.text for ln in lines], gold, heads)
            # page furniture outnumbers the article ten to one and repeats across the three
            # renderings: a third of the boilerplate lines (by a fixed hash) at weight 3
            weights = [1.0 if lab != data.BOILERPLATE else (3.0 if zlib.crc32(f"{rname}{i}{ln.text}".encode()) % 3 == 0 else 0.0)
                       for i, (lab, ln) in enumerate(zip(labels, lines))]
            examples.append({"group": site, "id": pid, "kind": f"web/{rname}", "text": text, "gold": gold,
                             "rows": line_features(lines), "labels": labels, "weights": weights})
        for name, path, g in data.news_docs():
            art = next(iter(read_paths([path])))
            lines = boilerplate.classify(art.text)
            labels, weights = news_labels(art, lines, g)
            examples.append({"group": site_of_news(name), "kind": "news", "name": name, "path": path, "g": g,
                             "rows": line_features(lines), "labels": labels, "weights": weights})
    return examples


def token_weights(examples) -> None:
    """Weight each web page's lines as the benchmark's metric counts them: a page's F1 is
    averaged over pages and counts tokens, so every page gets the same total weight (the mean
    per page before) and, within it, a line weighs by its characters (up to 2,000). Without it a
    page of 700 menu lines outweighs a short article's page sevenfold and a one-word menu item
    weighs as much as a paragraph. The news gold keeps its weights (its metric counts strings)."""
    web = [ex for ex in examples if ex["kind"].startswith("web/")]
    mass = np.mean([sum(ex["weights"]) for ex in web])
    for ex in web:
        chars = [min(len(ln.text), 2000) for ln in boilerplate.classify(ex["text"])]
        raw = [w * c for w, c in zip(ex["weights"], chars)]
        # the headline is short and the metric leaves it out, but accord reports it: it keeps
        # the weight of a line of the page's mean length, not of its own few characters
        mean = sum(raw) / max(1, sum(1 for w in ex["weights"] if w > 0))
        raw = [w * mean if lab == data.TITLE and w > 0 else r for r, w, lab in zip(raw, ex["weights"], ex["labels"])]
        total = sum(raw) or 1.0
        ex["weights"] = [mass * r / total for r in raw]


def _stack(examples, rows=lambda ex: ex["rows"]):
    """Rows, labels, weights and the early-stopping mask of the examples; with --bags, a list of
    those, one a bag, each of a random BAG_SHARE of the sites (a fixed seed a bag)."""
    if BAGS > 1:
        if DISTIL:
            return _distilled_stack(examples, rows)
        return [_stack_one([ex for ex in examples if ex["group"] in chosen], rows) for chosen in _bag_sites(examples)]
    return _stack_one(examples, rows)


def _distilled_stack(examples, rows):
    """--distil: the bags' mean opinion of every line as its soft label. A line becomes one row a
    class its teacher gives at least DISTIL_FLOOR, weighted by its balanced weight times that
    share, so one ensemble learns the bags' smoother mean (a refit moves it less) at one
    ensemble's cost at run time; the rows come already balanced (`_fit_one` leaves them so)."""
    bags = [_stack_one([ex for ex in examples if ex["group"] in chosen], rows) for chosen in _bag_sites(examples)]
    x, y, w, val = _stack_one(examples, rows)
    return [_Distil(x, y, w, val, bags)]  # one stack (callers unpack the list), the teacher's bags on it


def soft_rows(p: np.ndarray, w: np.ndarray, floor: float = DISTIL_FLOOR):
    """Soft labels as weighted hard rows: line i becomes one row for each class c its teacher
    gives at least `floor` (p[i, c]), weighted w[i] * p[i, c] (a line keeps all but the shares
    left out of its weight). Returns (line index, class, weight) arrays, class-major."""
    c, i = np.nonzero((p >= floor).T)
    return i, c, w[i] * p[i, c]


class _Distil(tuple):
    """A stack whose labels are soft: `_fit_trees` fits the teacher bags, then the student."""

    def __new__(cls, x, y, w, val, bags):
        self = super().__new__(cls, (x, y, w, val))
        self.bags = bags
        return self


def _bag_sites(examples):
    groups = sorted({ex["group"] for ex in examples})
    return [set(random.Random(1000 + b).sample(groups, max(1, round(BAG_SHARE * len(groups))))) for b in range(BAGS)]


def _stack_one(examples, rows):
    x = np.vstack([rows(ex) for ex in examples if len(ex["labels"])])
    y = np.asarray([lab for ex in examples for lab in ex["labels"]])
    w = np.asarray([wt for ex in examples for wt in ex["weights"]], dtype=np.float64)
    val = np.asarray([_stops(ex) for ex in examples for _ in ex["labels"]], dtype=bool)
    return x, y, w, val


def _stops(ex) -> bool:
    """The sites (a tenth, by a fixed hash) whose lines decide when the trees stop growing:
    scikit-learn's default holds out a random tenth of the *lines*, the rest of their pages
    in training, so it stopped by lines of seen pages, and any change of the data reshuffled it."""
    return zlib.crc32(("stop:" + ex["group"]).encode()) % 10 == 0


def _balanced(y, w):
    """Body and boilerplate balanced; titles (one a page) count ten times a body line, not
    hundreds: balanced fully, every headline-shaped line in a header became a title."""
    k = len(CLASSES)
    cw = np.asarray([w[y == c].sum() for c in range(k)])
    factor = w.sum() / (k * np.maximum(cw, 1e-9))
    factor[2] = min(factor[2], 10 * factor[0])
    return w * factor[y]


def export(clf) -> dict:
    """The fitted trees as plain arrays (see accord.clean.model): a leaf points to itself."""
    trees, depth = [], 0
    for per_class in clf._predictors:
        for pred in per_class:
            nodes = pred.nodes
            leaf = nodes["is_leaf"].astype(bool)
            me = np.arange(len(nodes))
            trees.append({
                "feature": np.where(leaf, 0, nodes["feature_idx"]).astype(int).tolist(),
                "threshold": [None if lf else round(float(t), 6) for lf, t in zip(leaf, nodes["num_threshold"])],
                "left": np.where(leaf, me, nodes["left"]).astype(int).tolist(),
                "right": np.where(leaf, me, nodes["right"]).astype(int).tolist(),
                "value": [round(float(v), 5) if lf else 0.0 for lf, v in zip(leaf, nodes["value"])],
            })
            depth = max(depth, int(nodes["depth"].max()))
    return {"baseline": np.ravel(clf._baseline_prediction).tolist(), "trees": trees, "depth": depth}


def _fit_trees(*stacked) -> dict:
    """One stage's trees; given one stack a bag (--bags), the bags' trees side by side with their
    leaves divided by the number of bags: the runtime sums every tree, so that sum is the mean of
    the bags' raw scores (bagging: a refit on changed data moves the mean less than one ensemble)."""
    if isinstance(stacked[0], _Distil):
        full, features = stacked
        teacher = model.Trees(_fit_trees(*full.bags, features), tuple(features))
        x, y, w, val = full
        keep = w > 0
        x, y, w, val = x[keep], y[keep], _balanced(y[keep], w[keep]), val[keep]
        i, c, soft = soft_rows(model.softmax(teacher.raw(x.astype(np.float64), len(CLASSES))), w)
        return _fit_one(x[i], c, soft, val[i], features, balance=False)
    if not isinstance(stacked[0], tuple):
        return _fit_one(*stacked)
    *bags, features = stacked
    fitted = [_fit_one(*bag, features) for bag in bags]
    k = len(bags)
    out = {"features": list(features), "depth": max(f["depth"] for f in fitted),
           "baseline": np.mean([f["baseline"] for f in fitted], axis=0).tolist(), "trees": []}
    for f in fitted:
        for t in f["trees"]:
            out["trees"].append(t | {"value": [round(v / k, 6) for v in t["value"]]})
    return out


def _fit_one(x, y, w, val, features, balance: bool = True) -> dict:
    """Gradient-boosted trees (scikit-learn, build time only) on one stage's features, grown
    until the held-out sites' (`_stops`) loss stops falling."""
    from sklearn.ensemble import HistGradientBoostingClassifier
    keep = w > 0
    x, y, w, val = x[keep].astype(np.float32), y[keep], (_balanced(y[keep], w[keep]) if balance else w[keep]), val[keep]
    if ROUNDS:
        clf = HistGradientBoostingClassifier(**(GBT | {"max_iter": ROUNDS}), random_state=0, early_stopping=False)
        clf.fit(x, y, sample_weight=w)
    elif not SITE_STOP or val.all() or not val.any():
        clf = HistGradientBoostingClassifier(**GBT, random_state=0)
        clf.fit(x, y, sample_weight=w)
    else:
        clf = HistGradientBoostingClassifier(**GBT, random_state=0, early_stopping=True)
        clf.fit(x[~val], y[~val], sample_weight=w[~val], X_val=x[val], y_val=y[val], sample_weight_val=w[val])
    return {"features": list(features), **export(clf)}


def _model(first: dict, second: dict | None = None, third: dict | None = None) -> model.LineModel:
    return model.LineModel({**first, "classes": list(CLASSES), "second": second, "third": third,
                            "thresholds": dict(THRESHOLDS)})


def _inner_fold(ex) -> int:
    return zlib.crc32(ex["group"].encode()) % INNER_FOLDS


def fit(examples, stacked: bool | None = None) -> model.LineModel:
    """The first stage on the line features; the second on those and the first stage's
    out-of-fold opinion of each line's neighbourhood (accord.clean.context): inner folds by
    site, so the second stage learns from the errors the first makes on unseen sites."""
    first = _fit_trees(*_stack(examples), FEATURES)
    if not (STACKED if stacked is None else stacked):
        return _model(first)
    opinion = {}
    for f in range(INNER_FOLDS):
        # one ensemble (not bagged) per inner fold: the out-of-fold opinion the second stage reads
        m = _model(_fit_trees(*_stack_one([ex for ex in examples if _inner_fold(ex) != f], lambda ex: ex["rows"]), FEATURES))
        for ex in examples:
            if _inner_fold(ex) == f and len(ex["rows"]):
                opinion[id(ex)] = m.predict_first(ex["rows"])

    def rows2(ex):
        return np.hstack([ex["rows"], context_features(ex["rows"], opinion[id(ex)])])
    second = _fit_trees(*_stack(examples, rows2), FEATURES + CONTEXT)
    if STAGES < 3:
        return _model(first, second)
    # the third stage: the second's out-of-fold opinions (same inner folds), read the same way
    opinion2 = {}
    for f in range(INNER_FOLDS):
        s2 = model.Trees(_fit_trees(*_stack([ex for ex in examples if _inner_fold(ex) != f], rows2),
                                    FEATURES + CONTEXT), FEATURES + CONTEXT)
        for ex in examples:
            if _inner_fold(ex) == f and len(ex["rows"]):
                opinion2[id(ex)] = model.softmax(s2.raw(rows2(ex), len(CLASSES)))

    def rows3(ex):
        return np.hstack([ex["rows"], context_features(ex["rows"], opinion2[id(ex)])])
    third = _fit_trees(*_stack(examples, rows3), FEATURES + CONTEXT)
    return _model(first, second, third)


def evaluate(examples, fold_model, html_cache, out) -> None:
    """End-to-end figures of held-out examples through the cleaning stage."""
    with model.use(fold_model):
        for ex in examples:
            if ex["kind"].startswith("web/"):
                art = Article(text=ex["text"], source="p.txt", meta={})
                clean.run(art)
                out["rows"][f"plain/{ex['kind'][4:]}: rendered text"].append(tp_fp_fn(ex["gold"], ex["text"]))
                out["rows"][f"plain/{ex['kind'][4:]}: accord clean"].append(tp_fp_fn(ex["gold"], body_text(art)))
                if PAGES is not None:
                    kept = [(b.start, b.end) for b in art.body]
                    lines = boilerplate.classify(ex["text"])
                    PAGES.append({"kind": ex["kind"], "id": ex["id"], "group": ex["group"],
                                  "score": tp_fp_fn(ex["gold"], body_text(art)),
                                  "p": np.round(fold_model.predict(ex["rows"]), 3).tolist(),
                                  "lines": [(ln.text, lab, any(s <= ln.start < e for s, e in kept))
                                            for ln, lab in zip(lines, ex["labels"])]})
                if ex["kind"] == "web/blocks":
                    html, traf = html_cache[ex["id"]]
                    out["rows"]["html: trafilatura alone"].append(tp_fp_fn(ex["gold"], traf))
                    try:
                        art = from_html(html, "p.html")
                        clean.run(art)
                        body = body_text(art)
                    except Exception:
                        body = ""
                    out["rows"]["html: accord (trafilatura + clean)"].append(tp_fp_fn(ex["gold"], body))
            else:
                art = next(iter(read_paths([ex["path"]])))
                clean.run(art)
                g = ex["g"]
                lang = g.get("lang", "?") + "-" + g.get("script", "?")

                def hit(metric, ok, _lang=lang):
                    for key in ("ALL", _lang):
                        out["news"][key][metric][0] += int(ok)
                        out["news"][key][metric][1] += 1
                score_doc(art, g, hit)
            probs = fold_model.predict(ex["rows"])
            for lab, wt, p in zip(ex["labels"], ex["weights"], probs):
                if wt > 0:
                    pred_bp = p[model.BODY] + p[model.TITLE] < fold_model.thresholds.get("keep", 0.5)
                    out["lines"][(lab == data.BOILERPLATE, pred_bp)] += 1


def cross_validate(examples, k: int, limit: int | None, configs: list[str]) -> None:
    import trafilatura
    groups = sorted({ex["group"] for ex in examples})
    random.Random(17).shuffle(groups)
    fold_of = {g: i % k for i, g in enumerate(groups)}
    html_cache = {}
    for page in data.load_pages(limit):
        extracted = trafilatura.bare_extraction(page["html"], with_metadata=True, include_comments=False)
        traf = (extracted.get("text") if isinstance(extracted, dict) else getattr(extracted, "text", "")) or ""
        html_cache[page["id"]] = (page["html"], traf)
    out = {"rows": defaultdict(list), "news": defaultdict(lambda: defaultdict(lambda: [0, 0])), "lines": defaultdict(int)}
    configs = [THRESHOLDS | dict(zip(CONFIG_KEYS, map(float, c.split(":")))) for c in configs]
    outs = [{"rows": defaultdict(list), "news": defaultdict(lambda: defaultdict(lambda: [0, 0])), "lines": defaultdict(int)}
            for _ in configs]
    target = "plain/blocks: accord clean"
    fold_rows = [[[] for _ in range(k)] for _ in configs]  # config -> fold -> the target's rows
    for f in range(k):
        train = [ex for ex in examples if fold_of[ex["group"]] != f]
        test = [ex for ex in examples if fold_of[ex["group"]] == f]
        m = fit(train)
        for c, (config, out) in enumerate(zip(configs, outs)):
            m.thresholds = dict(config)
            before = len(out["rows"][target])
            evaluate(test, m, html_cache, out)
            fold_rows[c][f] = out["rows"][target][before:]
    for config, out in zip(configs, outs):
        report(config, out, k, groups)
    if len(configs) > 1:
        nested(configs, fold_rows, target)


def nested(configs, fold_rows, target) -> None:
    """Nested choice of the thresholds: for each fold, the config that scores best on the other
    folds (the target's F1), scored on that fold; the held-out folds' rows together."""
    held, chosen = [], []
    for f in range(len(fold_rows[0])):
        def other(c, _f=f):
            return benchmark_f1([r for g, rows in enumerate(fold_rows[c]) if g != _f for r in rows])["f1"]
        best = max(range(len(configs)), key=other)
        chosen.append(best)
        held += fold_rows[best][f]
    print(f"nested choice by {target} (config index per fold {chosen}): {benchmark_f1(held)}")


def report(config, out, k, groups) -> None:
    print(f"cross-validated, {k} folds by site ({len(groups)} sites), thresholds {config}")
    for name, rows in sorted(out["rows"].items()):
        print(f"  web {name:45s} {benchmark_f1(rows)}")
    for lang, figures in sorted(out["news"].items()):
        print(f"  news {lang:8s} " + "  ".join(f"{m}={a / b:.3f}({b})" for m, (a, b) in sorted(figures.items())))
    c = out["lines"]
    tp, fp, fn = c[(True, True)], c[(False, True)], c[(True, False)]
    print(f"  labelled lines: boilerplate precision {tp / max(1, tp + fp):.3f} recall {tp / max(1, tp + fn):.3f} "
          f"(body lines dropped {fp}, boilerplate lines kept {fn})")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cv", type=int, default=0)
    ap.add_argument("--limit", type=int)
    ap.add_argument("--no-write", action="store_true")
    ap.add_argument("--configs", default=":".join(str(THRESHOLDS[k]) for k in CONFIG_KEYS if k in THRESHOLDS),
                    help="keep:overrule:keep_extracted:drop_unconfirmed:overrule_extracted[:rescue] thresholds to "
                         "cross-validate, comma-separated (more than one: also the nested choice among them)")
    ap.add_argument("--cache", action="store_true", help="reuse the examples of the last run (/tmp)")
    ap.add_argument("--pages", help="write each held-out web page's score and lines (JSON lines) here")
    ap.add_argument("--site-stop", action="store_true", help="stop the trees on held-out sites (_stops), not on a random tenth of the lines")
    ap.add_argument("--rounds", type=int, default=0, help="exactly N rounds a stage, no early stopping (comparable refits)")
    ap.add_argument("--bags", type=int, default=1, help="each stage the mean of B ensembles on random shares of the sites")
    ap.add_argument("--gbt", default="", help="the trees' settings to change, e.g. min_samples_leaf=80,max_features=0.5")
    ap.add_argument("--distil", action="store_true", help="with --bags: one ensemble fitted on the bags' mean opinion")
    ap.add_argument("--news-weight", type=float, default=NEWS_WEIGHT, help="weight of a news gold line (3)")
    ap.add_argument("--token-weights", action="store_true", help="web lines weighted by characters, pages equally (token_weights)")
    ap.add_argument("--stages", type=int, default=2, help="3: a third stage on the second's opinion")
    ap.add_argument("--single-stage", action="store_true", help="without the second stage (context.py)")
    args = ap.parse_args()
    global STACKED, PAGES, STAGES, SITE_STOP, ROUNDS, BAGS, DISTIL
    BAGS = args.bags
    DISTIL = args.distil
    for setting in filter(None, args.gbt.split(",")):
        key, value = setting.split("=")
        GBT[key] = json.loads(value)  # 80 -> int, 0.5 -> float, null -> None
    SITE_STOP = args.site_stop
    ROUNDS = args.rounds
    STAGES = args.stages
    STACKED = not args.single_stage
    PAGES = [] if args.pages else None
    t0 = time.time()
    cache = Path(f"/tmp/clean_examples_{ROOT.name}_{args.limit}.pkl")  # one per worktree: features differ
    if args.cache and cache.exists():
        examples = pickle.loads(cache.read_bytes())
    else:
        examples = build(args.limit)
        cache.write_bytes(pickle.dumps(examples))
    for ex in examples:  # the examples (and the cache) hold NEWS_WEIGHT; --news-weight rescales
        if ex["kind"] == "news" and args.news_weight != NEWS_WEIGHT:
            ex["weights"] = [w * args.news_weight / NEWS_WEIGHT for w in ex["weights"]]
    if args.token_weights:
        with model.use(None):
            token_weights(examples)
    n_lines = sum(sum(1 for w in ex["weights"] if w > 0) for ex in examples)
    print(f"{len(examples)} examples, {n_lines} labelled lines, {time.time() - t0:.0f}s")
    if args.cv:
        cross_validate(examples, args.cv, args.limit, args.configs.split(","))
        if args.pages:
            Path(args.pages).write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in PAGES))
    if not args.no_write:
        m = fit(examples)
        m.data["trained_on"] = {"examples": len(examples), "labelled_lines": n_lines,
                                "data": "web-article-extraction (181 pages, 3 renderings), news/dev, news/dev2",
                                "options": " ".join(sys.argv[1:])}
        model.MODEL_PATH.write_text(json.dumps(m.data, separators=(",", ":")) + "\n", encoding="utf-8")
        print("wrote", model.MODEL_PATH)


if __name__ == "__main__":
    main()
