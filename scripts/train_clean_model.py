#!/usr/bin/env python3
"""Train the cleaning line classifier (src/accord/clean/line_model.json) from ../shared/data.

Data (scripts/clean_training_data.py): the 181 pages of web-article-extraction (MIT) rendered
three ways to plain text, labelled by their gold article body and headline; the real articles
of news/dev and news/dev2, labelled by their gold (boilerplate strings, title, quote starts).

Model: multinomial logistic regression (body / boilerplate / title), L2, fitted by full-batch
Adam on standardised features (accord.clean.features). Why: see accord/clean/model.py.

`--cv K`: K-fold cross-validation grouped by site (a site's pages, all renderings of a page and
all articles of one outlet stay in one fold): every figure printed is of pages the fold's model
never saw, end to end through the cleaning stage: the web benchmark's own metric (4-gram
shingle F1, precision, recall) for each plain-text rendering and for the HTML path beside
trafilatura alone, and the news gold's cleaning metrics per language. Without --cv it fits
on everything and writes the model.

usage: PYTHONPATH=src python scripts/train_clean_model.py [--cv 5] [--no-write] [--limit N]
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
from accord.clean.features import FEATURES, line_features  # noqa: E402
from accord.doc import Article  # noqa: E402
from accord.stages import clean  # noqa: E402
from accord.stages.read import from_html, read_paths  # noqa: E402

CLASSES = ("body", "boilerplate", "title")
# chosen by cross-validation (--configs; see src/accord/clean/README.md)
THRESHOLDS = {"keep": 0.4, "overrule": 1.0, "keep_extracted": 0.05, "overrule_extracted": 0.5}
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


def fit_lr(x, y, w, l2: float = 1e-3, steps: int = 250, lr: float = 0.1):
    """Weighted multinomial logistic regression on standardised columns: (mean, scale, coef)."""
    keep = w > 0
    x, y, w = x[keep].astype(np.float32), y[keep], w[keep].astype(np.float32)
    mean, scale = x.mean(axis=0), x.std(axis=0)
    mean[0], scale[0] = 0.0, 1.0
    scale[scale < 1e-6] = 1.0
    xs = (x - mean) / scale
    k = len(CLASSES)
    # balance body and boilerplate; titles (one a page) count ten times a body line, not
    # hundreds: balanced fully, every headline-shaped line in a header became a title
    cw = np.asarray([w[y == c].sum() for c in range(k)])
    factor = w.sum() / (k * np.maximum(cw, 1e-9))
    factor[2] = min(factor[2], 10 * factor[0])
    w = w * factor[y]
    w = w / w.sum()
    onehot = np.eye(k)[y]
    coef = np.zeros((k, xs.shape[1]), dtype=np.float32)
    m1, m2 = np.zeros_like(coef), np.zeros_like(coef)
    for t in range(1, steps + 1):
        p = model.softmax(xs @ coef.T)
        grad = ((p - onehot) * w[:, None]).T @ xs + l2 * np.c_[np.zeros(k), coef[:, 1:]]
        m1 = 0.9 * m1 + 0.1 * grad
        m2 = 0.999 * m2 + 0.001 * grad * grad
        coef -= lr * (m1 / (1 - 0.9 ** t)) / (np.sqrt(m2 / (1 - 0.999 ** t)) + 1e-8)
    return mean, scale, coef


def _stack(examples):
    x = np.asarray([r for ex in examples for r in ex["rows"]], dtype=np.float64)
    y = np.asarray([lab for ex in examples for lab in ex["labels"]])
    w = np.asarray([wt for ex in examples for wt in ex["weights"]], dtype=np.float64)
    return x, y, w


def fit(examples, inner: int = 3) -> model.LineModel:
    """Stage 1 on the line features; stage 2 on them plus the context of stage-1 probabilities,
    those probabilities taken out of fold (inner folds by site) so stage 2 learns how far to
    trust stage 1 on pages it has not seen."""
    x, y, w = _stack(examples)
    mean, scale, coef = fit_lr(x, y, w)
    base = {"features": list(FEATURES), "classes": list(CLASSES), "mean": mean.tolist(),
            "scale": scale.tolist(), "coef": coef.tolist(), "thresholds": dict(THRESHOLDS)}
    groups = sorted({ex["group"] for ex in examples})
    random.Random(5).shuffle(groups)
    fold_of = {g: i % inner for i, g in enumerate(groups)}
    x2_parts = {}
    for f in range(inner):
        train = [ex for ex in examples if fold_of[ex["group"]] != f]
        m = model.LineModel(dict(base, **dict(zip(("mean", "scale", "coef"), (a.tolist() for a in fit_lr(*_stack(train)))))))
        for i, ex in enumerate(examples):
            if fold_of[ex["group"]] == f and ex["rows"]:
                xe = np.asarray(ex["rows"], dtype=np.float64)
                x2_parts[i] = np.hstack([xe, model.context(m.stage1(xe), xe)])
    x2 = np.vstack([x2_parts[i] for i, ex in enumerate(examples) if ex["rows"]])
    m2, s2, c2 = fit_lr(x2, y, w)
    base["stage2"] = {"mean": m2.tolist(), "scale": s2.tolist(), "coef": c2.tolist()}
    return model.LineModel(base)


def evaluate(examples, fold_model, html_cache, out) -> None:
    """End-to-end figures of held-out examples through the cleaning stage."""
    with model.use(fold_model):
        for ex in examples:
            if ex["kind"].startswith("web/"):
                art = Article(text=ex["text"], source="p.txt", meta={})
                clean.run(art)
                out["rows"][f"plain/{ex['kind'][4:]}: rendered text"].append(tp_fp_fn(ex["gold"], ex["text"]))
                out["rows"][f"plain/{ex['kind'][4:]}: accord clean"].append(tp_fp_fn(ex["gold"], body_text(art)))
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
    configs = [dict(zip(("keep", "overrule", "keep_extracted", "overrule_extracted"), map(float, c.split(":")))) for c in configs]
    outs = [{"rows": defaultdict(list), "news": defaultdict(lambda: defaultdict(lambda: [0, 0])), "lines": defaultdict(int)}
            for _ in configs]
    for f in range(k):
        train = [ex for ex in examples if fold_of[ex["group"]] != f]
        test = [ex for ex in examples if fold_of[ex["group"]] == f]
        m = fit(train)
        for config, out in zip(configs, outs):
            m.thresholds = dict(config)
            evaluate(test, m, html_cache, out)
    for config, out in zip(configs, outs):
        report(config, out, k, groups)


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
    ap.add_argument("--configs", default=":".join(str(v) for v in THRESHOLDS.values()), help="keep:overrule:keep_extracted thresholds to cross-validate")
    ap.add_argument("--cache", action="store_true", help="reuse the examples of the last run (/tmp)")
    args = ap.parse_args()
    t0 = time.time()
    cache = Path(f"/tmp/clean_examples_{args.limit}.pkl")
    if args.cache and cache.exists():
        examples = pickle.loads(cache.read_bytes())
    else:
        examples = build(args.limit)
        cache.write_bytes(pickle.dumps(examples))
    n_lines = sum(sum(1 for w in ex["weights"] if w > 0) for ex in examples)
    print(f"{len(examples)} examples, {n_lines} labelled lines, {time.time() - t0:.0f}s")
    if args.cv:
        cross_validate(examples, args.cv, args.limit, args.configs.split(","))
    if not args.no_write:
        m = fit(examples)
        m.data["trained_on"] = {"examples": len(examples), "labelled_lines": n_lines,
                                "data": "web-article-extraction (181 pages, 3 renderings), news/dev, news/dev2"}
        model.MODEL_PATH.write_text(json.dumps(m.data, indent=0) + "\n", encoding="utf-8")
        print("wrote", model.MODEL_PATH)


if __name__ == "__main__":
    main()
