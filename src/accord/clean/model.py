"""The learned line classifier: body, boilerplate or title, from each line's features.

Why a model: rules written on the pages we looked at scored 1.0 there and 0.68-0.75 on pages
nobody tuned them to; page furniture has regular shapes, and public data with gold article
bodies exists (scripts/train_clean_model.py learns from it, cross-validated by site).

Why gradient-boosted trees: whether a line is furniture depends on combinations (a short line
is a subhead amid prose and a menu item amid menus; a rule's reason is right in a header and
wrong in a caption under the lead), which a linear model cannot express without hand-made
crosses. Cross-validated by site on the web benchmark's block-rendered plain text, end to end
through the cleaning stage, two-stage logistic regression reached a token F1 of 0.654 and
boosted trees 0.80 (README.md). The trees are trained with scikit-learn at build time only and ship as
plain arrays in `line_model.json` (no pickle, no runtime dependency beyond numpy); they are
evaluated all at once, level by level, so a page is scored in well under a millisecond.

The file holds `features` (must equal `features.FEATURES`), `classes`, `baseline` (the raw
score each class starts from), `trees` (node arrays: feature, threshold, left, right, value;
tree `t` adds to class `t % len(classes)`), `depth` and `thresholds` used by `boilerplate`;
`second`, where present, a second stage of the same form that reads `features` and the first
stage's opinion of each line's neighbourhood (`context.CONTEXT`); `third`, where present, a
third of the same form that reads the second stage's opinion so.
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import numpy as np

from .context import CONTEXT, context_features
from .features import FEATURES

MODEL_PATH = Path(__file__).with_name("line_model.json")
BODY, BOILERPLATE, TITLE = 0, 1, 2


def softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


class Trees:
    """One stage's boosted trees as flat node arrays."""

    def __init__(self, data: dict, features: tuple[str, ...]):
        if tuple(data["features"]) != features:
            raise ValueError("line_model.json was trained on other features: rerun scripts/train_clean_model.py")
        self.baseline = np.asarray(data["baseline"], dtype=np.float64)
        trees = data["trees"]
        width = max(len(t["feature"]) for t in trees)

        def padded(key, fill, dtype):
            out = np.full((len(trees), width), fill, dtype=dtype)
            for i, t in enumerate(trees):
                out[i, :len(t[key])] = [fill if v is None else v for v in t[key]]
            return out
        # a leaf points to itself, compares feature 0 with +inf (null in JSON): walking on stays there;
        # nodes are numbered across all trees (flat). The walk carries twice a node's number, so
        # that adding the comparison (0 left, 1 right) indexes its children, stored side by side:
        # `feature` and `threshold` hold each node's entry twice, `children` twice the child's number
        offset = (np.arange(len(trees)) * width)[:, None]
        self.feature = np.repeat(padded("feature", 0, np.int64).ravel(), 2)
        self.threshold = np.repeat(padded("threshold", np.inf, np.float64).ravel(), 2)
        self.children = 2 * np.stack([padded("left", 0, np.int64) + offset, padded("right", 0, np.int64) + offset],
                                     axis=-1).ravel()
        self.value = padded("value", 0.0, np.float64).ravel()
        self.roots = 2 * offset.ravel()
        self.depth = int(data["depth"])
        # for the walk: each value at twice its node's number too; the roots' own tests, which
        # every line makes first (a column of x per tree: no node to look up)
        self.value_twice = np.repeat(self.value, 2)
        self.root_feature = self.feature[self.roots]
        self.root_threshold = self.threshold[self.roots]

    def raw(self, x: np.ndarray, k: int) -> np.ndarray:
        """Summed tree outputs per class (before the softmax): every line walks every tree at
        once, one level a step. Why so written: it is most of the line model's time (three times
        the trees in a bagged model), so each step gathers into arrays made once per call
        (`np.take` with `mode="clip"` writes into `out` unbuffered; every index is in range)."""
        n, m = len(x), len(self.roots)
        flat_x = x.ravel()
        row_start = (np.arange(n) * x.shape[1])[:, None]
        twice = np.empty((n, m), dtype=np.intp)  # twice each line's node in each tree
        step = np.empty_like(twice)
        at = np.empty_like(twice)
        value, threshold = np.empty((n, m)), np.empty((n, m))
        right = np.empty((n, m), dtype=bool)
        if self.depth:
            np.greater(x[:, self.root_feature], self.root_threshold, out=right)
            np.add(self.roots, right, out=step)
            np.take(self.children, step, out=twice, mode="clip")
        else:
            twice[:] = self.roots
        for _ in range(self.depth - 1):
            np.take(self.feature, twice, out=at, mode="clip")
            at += row_start
            np.take(flat_x, at, out=value, mode="clip")
            np.take(self.threshold, twice, out=threshold, mode="clip")
            np.greater(value, threshold, out=right)
            np.add(twice, right, out=step)
            np.take(self.children, step, out=twice, mode="clip")
        return self.baseline[None, :] + self.value_twice[twice].reshape(n, -1, k).sum(axis=1)


class LineModel:
    def __init__(self, data: dict):
        self.classes = tuple(data["classes"])
        self.first = Trees(data, FEATURES)
        # the second stage reads the first stage's opinion of the neighbourhood (context.py)
        self.second = Trees(data["second"], FEATURES + CONTEXT) if data.get("second") else None
        # a third stage reads the second's opinion the same way (stacked once more)
        self.third = Trees(data["third"], FEATURES + CONTEXT) if data.get("third") and self.second else None
        self.thresholds = dict(data.get("thresholds", {}))
        self.data = data

    def predict_first(self, x: np.ndarray) -> np.ndarray:
        return softmax(self.first.raw(x, len(self.classes)))

    def predict(self, rows, first_only: bool = False) -> np.ndarray:
        """Class probabilities, one row per line (columns in `classes` order). `first_only`:
        the first stage's (an HTML extractor's article has no page around it for the second
        stage to read: on trafilatura's text it cost the HTML path 0.003 cross-validated)."""
        x = np.asarray(rows, dtype=np.float64)
        if not len(x):
            return np.zeros((0, len(self.classes)))
        p = self.predict_first(x)
        if self.second is None or first_only:
            return p
        for stage in (self.second, self.third):
            if stage is None:
                break
            p = softmax(stage.raw(np.hstack([x, context_features(x, p)]), len(self.classes)))
        return p


_override: list[LineModel | None] = []


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
