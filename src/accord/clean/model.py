"""The learned line classifier: body, boilerplate or title, from each line's features.

Why a model: rules written on the pages we looked at scored 1.0 there and 0.68-0.75 on pages
nobody tuned them to; page furniture has regular shapes, and public data with gold article
bodies exists (scripts/train_clean_model.py learns from it, cross-validated by site).

Why multinomial logistic regression: ~60 dense features, ~80,000 labelled lines; a linear model
fits that without overfitting 130 sites, its weights ship as a small JSON file (no runtime
dependency beyond numpy, no pickle), it scores a page in well under a millisecond, its
probabilities are calibrated enough to threshold, and every weight can be read (which rule,
which shape pushes a line out). Gradient-boosted trees gained little in cross-validation for a
heavy dependency (see src/accord/clean/README.md).

The file `line_model.json` holds `features` (must equal `features.FEATURES`), `classes`,
`mean`, `scale` and `coef` (classes x features), and `thresholds` used by `boilerplate`.
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import numpy as np

from .features import FEATURES

MODEL_PATH = Path(__file__).with_name("line_model.json")
BODY, BOILERPLATE, TITLE = 0, 1, 2


WINDOWS = (1, 3, 8, 20)  # neighbourhoods (lines each side) whose stage-1 body share stage 2 reads


def softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def context(p1: np.ndarray, x: np.ndarray) -> np.ndarray:
    """Stage-2 columns: the stage-1 probabilities of the line, of its neighbours and the
    length-weighted body share of windows around it (a teaser amid teasers, a short line
    amid prose), so that the decision of a line leans on the decisions around it."""
    n = len(p1)
    body = p1[:, BODY] + p1[:, TITLE]
    weight = np.exp(x[:, 1] * 6)  # x[:, 1] is log1p(chars) / 6
    zero = np.zeros(1)
    prev = np.concatenate((zero, body[:-1]))
    nxt = np.concatenate((body[1:], zero))
    cols = [p1[:, BOILERPLATE], p1[:, TITLE], prev, nxt]
    cb = np.concatenate((zero, np.cumsum(body * weight)))
    cw = np.concatenate((zero, np.cumsum(weight)))
    idx = np.arange(n)
    for w in WINDOWS:
        lo, hi = np.maximum(0, idx - w), np.minimum(n, idx + w + 1)
        cols.append((cb[hi] - cb[lo]) / np.maximum(cw[hi] - cw[lo], 1e-9))
    cum = np.cumsum(body)
    cols.append((cum - body) / np.maximum(idx, 1))
    cols.append((cum[-1] - cum) / np.maximum(n - 1 - idx, 1))
    return np.column_stack(cols)


class LineModel:
    def __init__(self, data: dict):
        if tuple(data["features"]) != FEATURES:
            raise ValueError("line_model.json was trained on other features: rerun scripts/train_clean_model.py")
        self.classes = tuple(data["classes"])
        self.mean = np.asarray(data["mean"], dtype=np.float64)
        self.scale = np.asarray(data["scale"], dtype=np.float64)
        self.coef = np.asarray(data["coef"], dtype=np.float64)
        self.stage2 = None
        if data.get("stage2"):
            s2 = data["stage2"]
            self.stage2 = tuple(np.asarray(s2[k], dtype=np.float64) for k in ("mean", "scale", "coef"))
        self.thresholds = dict(data.get("thresholds", {}))
        self.data = data

    def stage1(self, x: np.ndarray) -> np.ndarray:
        return softmax(((x - self.mean) / self.scale) @ self.coef.T)

    def predict(self, rows: list[list[float]]) -> np.ndarray:
        """Class probabilities, one row per line (columns in `classes` order)."""
        if not rows:
            return np.zeros((0, len(self.classes)))
        x = np.asarray(rows, dtype=np.float64)
        p1 = self.stage1(x)
        if self.stage2 is None:
            return p1
        mean, scale, coef = self.stage2
        x2 = np.hstack([x, context(p1, x)])
        return softmax(((x2 - mean) / scale) @ coef.T)


_override: list[LineModel] = []


@lru_cache(maxsize=1)
def _shipped() -> LineModel | None:
    if not MODEL_PATH.exists():
        return None
    return LineModel(json.loads(MODEL_PATH.read_text(encoding="utf-8")))


def current() -> LineModel | None:
    """The model in use: one set by `use` (training, cross-validation), else the shipped one."""
    return _override[-1] if _override else _shipped()


class use:
    """`with model.use(m): ...` runs cleaning with another model (None: the rules alone)."""

    def __init__(self, m: LineModel | None):
        self.m = m

    def __enter__(self):
        _override.append(self.m)
        return self.m

    def __exit__(self, *exc):
        _override.pop()
