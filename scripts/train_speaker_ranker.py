"""Fit src/accord/quotes/speaker_ranker.json: which candidate phrase next to a cue names the speaker.

Data: the DEVELOPMENT halves (even articles / sentences) of PolNeAR (English) and ADAQ (Russian)
in ../shared/data, read with eval/quotes_public.py's gold; the held-out halves are never read
here, so `eval/quotes_public.py --half held` scores the shipped model on data it never saw.
Each found gold quote whose attribution has candidates gives one group; a candidate is positive
when its words overlap the gold source span. A logistic regression (scikit-learn, fitted here;
numpy-free dot product at run time) scores candidates; the best of a group is the choice.
Reported: grouped 5-fold cross-validation by document on the development halves (choice
accuracy, model against the rules' zone), never figures on the data fitted.

usage: PYTHONPATH=src .venv/bin/python scripts/train_speaker_ranker.py [--data ../shared/data] [--dry]
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "eval"))
import quotes_public  # noqa: E402

from accord.quotes import ranker  # noqa: E402


def collect(data: Path) -> list[dict]:
    """One group per found gold quote: candidate features, labels, the document it came from."""
    groups: list[dict] = []
    state = {"doc": 0}

    class Collecting(quotes_public.Score):
        def add(self, gold, system, offset=0, text=""):
            records, ranker.COLLECT[:] = list(ranker.COLLECT), []
            state["doc"] += 1
            by_cue = {}
            for r in records:  # the last ranking of each cue is the one the quote kept
                by_cue[tuple(r["cue"])] = r
            for g in gold:
                gs = g["span"]
                best = max(system, key=lambda q: quotes_public.overlap(gs, (q.start - offset, q.end - offset)), default=None)
                if best is None or not g.get("source") or best.cue is None:
                    continue
                if quotes_public.overlap(gs, (best.start - offset, best.end - offset)) * 2 < gs[1] - gs[0]:
                    continue
                r = by_cue.get((best.cue.start, best.cue.end))
                if r is None:
                    continue
                y = [int(any(quotes_public.overlap((a - offset, b - offset), s) for s in g["source"])) for a, b in r["spans"]]
                groups.append({"doc": state["doc"], "x": r["x"], "y": y, "rule": [int("src_rule" in f) for f in r["x"]]})
            return super().add(gold, system, offset, text)

    ranker.COLLECT = []
    quotes_public.Score = Collecting
    stages = ("clean", "language", "sentences", "entities", "linking", "quotes")
    quotes_public.polnear(data, stages, 0, "dev")
    quotes_public.adaq(data, tuple(s for s in stages if s not in ("clean", "language")), 0, "dev")
    ranker.COLLECT = None
    return groups


def matrix(groups: list[dict], names: list[str]) -> tuple[np.ndarray, np.ndarray]:
    rows = [[f.get(n, 0.0) for n in names] for g in groups for f in g["x"]]
    ys = [y for g in groups for y in g["y"]]
    return np.array(rows, dtype=float), np.array(ys)


def fit(groups: list[dict], names: list[str], c: float) -> LogisticRegression:
    X, y = matrix(groups, names)
    return LogisticRegression(C=c, max_iter=2000, class_weight="balanced").fit(X, y)


def choice_accuracy(model, groups: list[dict], names: list[str]) -> tuple[int, int, int]:
    """(groups, right by the model, right by the rule's zone) over groups with a positive candidate."""
    n = ok = rule_ok = 0
    for g in groups:
        if not any(g["y"]):
            continue
        n += 1
        X = np.array([[f.get(k, 0.0) for k in names] for f in g["x"]])
        ok += g["y"][int(np.argmax(model.decision_function(X)))]
        rule_ok += any(y and r for y, r in zip(g["y"], g["rule"]))
    return n, ok, rule_ok


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=str(ROOT / ".." / "shared" / "data"))
    ap.add_argument("--dry", action="store_true", help="cross-validate only, write nothing")
    ap.add_argument("--c", type=float, default=0.3)
    args = ap.parse_args(argv)
    saved = ranker.MODEL_PATH.read_text(encoding="utf-8") if ranker.MODEL_PATH.exists() else None
    ranker.MODEL_PATH.unlink(missing_ok=True)  # candidates are collected with the rules' choice
    ranker._MODEL = None
    try:
        groups = collect(Path(args.data))
    finally:
        if saved is not None and args.dry:
            ranker.MODEL_PATH.write_text(saved, encoding="utf-8")
    names = sorted({k for g in groups for f in g["x"] for k in f})
    docs = sorted({g["doc"] for g in groups})
    print(f"{len(groups)} groups from {len(docs)} documents, {sum(len(g['y']) for g in groups)} candidates")
    tot = [0, 0, 0]
    for fold in range(5):
        test_docs = set(docs[fold::5])
        train = [g for g in groups if g["doc"] not in test_docs]
        test = [g for g in groups if g["doc"] in test_docs]
        for i, v in enumerate(choice_accuracy(fit(train, names, args.c), test, names)):
            tot[i] += v
    print(f"5-fold CV by document: choice accuracy model {tot[1] / tot[0]:.3f}, rules {tot[2] / tot[0]:.3f} (n={tot[0]})")
    if args.dry:
        return 0
    model = fit(groups, names, args.c)
    out = {"source": "scripts/train_speaker_ranker.py on PolNeAR + ADAQ development halves",
           "features": names, "weights": [round(float(w), 5) for w in model.coef_[0]],
           "bias": round(float(model.intercept_[0]), 5), "cv_choice_accuracy": round(tot[1] / tot[0], 4),
           "cv_rules_accuracy": round(tot[2] / tot[0], 4)}
    ranker.MODEL_PATH.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    print("wrote", ranker.MODEL_PATH)
    return 0


if __name__ == "__main__":
    sys.exit(main())
