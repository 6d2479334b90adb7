#!/usr/bin/env python3
"""Cleaning figures on everything we have: samples, news/dev, news/dev2 (per language) and the
web-article-extraction benchmark (plain-text renderings and the HTML path, side by side with
trafilatura alone).

Why a script of its own: the cleaning stage runs in ~1 ms, the whole pipeline in seconds, so
the cleaning figures (the gold's `boilerplate`, quote starts kept in the body, `title`,
`outlet`, `must_not_date` on the published date) are measured here without the rest. The
metrics follow ../shared/eval/score.py; the web benchmark's is the benchmark's own (4-gram
shingle precision and recall averaged over pages, F1 of the two means).

The shipped model was fitted on the web pages and the news gold: figures here are the model
applied to its own training data. Cross-validated figures come from
`scripts/train_clean_model.py --cv`.

usage: PYTHONPATH=src python eval/clean_eval.py [--sets samples,dev,dev2,web] [--json OUT]
"""
from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
if not SHARED.exists():
    SHARED = Path("/work/shared/data")
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))

from accord.doc import Article  # noqa: E402
from accord.stages import clean  # noqa: E402


def norm(s: str) -> str:
    s = unicodedata.normalize("NFKD", s or "")
    s = "".join(c for c in s if not unicodedata.combining(c))
    return " ".join(s.casefold().replace("ё", "е").split())


def find_spans(text: str, needle: str) -> list[tuple[int, int]]:
    pat = r"\s+".join(re.escape(w) for w in needle.split())
    return [(m.start(), m.end()) for m in re.finditer(pat, text)]


def score_doc(art: Article, g: dict, hit) -> None:
    """The cleaning metrics of score.py for one article."""
    body = [(b.start, b.end) for b in art.body]
    if g.get("outlet"):
        got = norm(art.outlet or "")
        hit("outlet", bool(got) and (norm(g["outlet"]) in got or got in norm(g["outlet"])))
    if g.get("title"):
        hit("title", norm(art.title or "") == norm(g["title"]))
    for bad in g.get("must_not_date", []):
        hit("must_not_date", not (art.published or "").startswith(bad))
    for b in g.get("boilerplate", []):
        spans = find_spans(art.text, b)
        hit("boilerplate_out", bool(spans) and all(not any(s0 < e and s < e0 for s0, e0 in body) for s, e in spans))
    for q in g.get("quotes", []):
        spans = find_spans(art.text, q["starts"])
        hit("body_kept", bool(spans) and all(any(s0 <= s and e <= e0 for s0, e0 in body) for s, e in spans))


def read_article(path: Path) -> Article:
    from accord.stages.read import read_paths
    for art in read_paths([path]):
        return art
    raise RuntimeError(path)


def eval_gold(gold_path: Path, failures: bool = False) -> dict:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    counts: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    times = []
    for name, g in gold["docs"].items():
        path = gold_path.parent / name
        if not path.exists():
            continue
        art = read_article(path)
        t0 = time.perf_counter()
        clean.run(art)
        times.append(time.perf_counter() - t0)
        lang = g.get("lang", "?") + ("-" + g["script"] if g.get("script") else "")

        def hit(metric, ok, _lang=lang, _name=name, _art=art, _g=g):
            for key in ("ALL", _lang):
                counts[key][metric][0] += int(ok)
                counts[key][metric][1] += 1
            if failures and not ok:
                print(f"  FAIL {metric:15s} {_name}: title={_art.title!r} outlet={_art.outlet!r} "
                      f"published={_art.published!r} gold_title={_g.get('title')!r} gold_outlet={_g.get('outlet')!r}")
        score_doc(art, g, hit)
    out = {k: {m: round(a / b, 3) for m, (a, b) in sorted(v.items())} | {"n": {m: b for m, (a, b) in v.items()}}
           for k, v in counts.items()}
    times.sort()
    out["ms_per_article"] = {"median": round(1000 * times[len(times) // 2], 2), "max": round(1000 * times[-1], 2)}
    return out


# --- the web-article-extraction benchmark: its metric --------------------------------------
_TOKEN_RE = re.compile(r"\w+")


def shingles(text: str, n: int = 4) -> Counter:
    tokens = _TOKEN_RE.findall(text or "")
    return Counter(tuple(tokens[i:i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i:i + n])


def tp_fp_fn(true: str, pred: str) -> tuple[float, float, float]:
    t, p = shingles(true), shingles(pred)
    tp = sum((t & p).values())
    fp = sum((p - t).values())
    fn = sum((t - p).values())
    s = tp + fp + fn
    return (tp / s, fp / s, fn / s) if s else (0.0, 0.0, 0.0)


def benchmark_f1(rows: list[tuple[float, float, float]]) -> dict:
    def prec(tp, fp, fn):
        return 1.0 if fp == fn == 0 else (0.0 if tp == fp == 0 else tp / (tp + fp))

    def rec(tp, fp, fn):
        return 1.0 if fp == fn == 0 else (0.0 if tp == fn == 0 else tp / (tp + fn))
    ps = [prec(*r) for r in rows if r[0] + r[1] > 0]
    rs = [rec(*r) for r in rows if r[0] + r[2] > 0]
    p, r = sum(ps) / len(ps), sum(rs) / len(rs)
    return {"f1": round(2 * p * r / (p + r), 3), "precision": round(p, 3), "recall": round(r, 3), "pages": len(rows)}


def body_text(art: Article) -> str:
    """The article body as the benchmark's gold has it: without the headline (accord keeps the
    title line in `body` as article text and reports it as `title`, as trafilatura does)."""
    title = (art.title_span.start, art.title_span.end) if art.title_span else None
    return "\n".join(art.text[b.start:b.end] for b in art.body if (b.start, b.end) != title)


def eval_web(limit: int | None = None, plain: bool = True) -> dict:
    """The benchmark's figures: each plain-text rendering raw and cleaned (`plain`), and the HTML
    path beside trafilatura alone."""
    import trafilatura

    from clean_training_data import RENDERERS, load_pages
    from accord.stages.read import from_html
    rows: dict[str, list] = defaultdict(list)
    for page in load_pages(limit):
        gold = page["body"]
        for rname, render in (RENDERERS.items() if plain else ()):
            text = render(page["html"])
            art = Article(text=text or " ", source="p.txt", meta={})
            clean.run(art)
            rows[f"plain/{rname}: rendered text (no cleaning)"].append(tp_fp_fn(gold, text))
            rows[f"plain/{rname}: accord clean"].append(tp_fp_fn(gold, body_text(art)))
        data = trafilatura.bare_extraction(page["html"], with_metadata=True, include_comments=False)
        traf = (data.get("text") if isinstance(data, dict) else getattr(data, "text", "")) or ""
        rows["html: trafilatura alone"].append(tp_fp_fn(gold, traf))
        try:
            art = from_html(page["html"], "p.html")
            clean.run(art)
            rows["html: accord (trafilatura + clean)"].append(tp_fp_fn(gold, body_text(art)))
        except Exception:
            rows["html: accord (trafilatura + clean)"].append(tp_fp_fn(gold, ""))
    return {k: benchmark_f1(v) for k, v in rows.items()}


def print_set(name: str, res: dict) -> None:
    """One line per language (or per web variant): metric value (count)."""
    for key, figures in res.items():
        if key == "ms_per_article" or "f1" in figures:
            print(f"{name:8s} {key:45s} {figures}")
            continue
        n = figures.get("n", {})
        cells = "  ".join(f"{m}={v:.3f}({n.get(m)})" for m, v in figures.items() if m != "n")
        print(f"{name:8s} {key:8s} {cells}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sets", default="samples,dev,dev2,web")
    ap.add_argument("--failures", action="store_true")
    ap.add_argument("--limit", type=int)
    ap.add_argument("--json")
    ap.add_argument("--rules-only", action="store_true", help="without the learned model (the old decision)")
    args = ap.parse_args()
    result = {}
    if args.rules_only:
        from accord.clean import model
        model._override.append(None)
    for s in args.sets.split(","):
        if s == "samples":
            result[s] = eval_gold(ROOT / "samples" / "gold.json", args.failures)
        elif s in ("dev", "dev2"):
            gold = SHARED / "news" / s / "gold.json"
            if gold.exists():
                result[s] = eval_gold(gold, args.failures)
        elif s == "web" and (SHARED / "web-article-extraction").exists():
            result[s] = eval_web(args.limit)
        if s in result:
            print_set(s, result[s])
    if args.json:
        Path(args.json).write_text(json.dumps(result, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
