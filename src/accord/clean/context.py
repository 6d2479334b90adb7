"""What the line model's first opinion says about each line's neighbourhood: the features of
its second stage (`model.LineModel` with `second`).

Why a second look: the first stage judges a line by its own shape and its neighbours' shapes,
and the furniture that survives it is furniture shaped like prose: the related stories after the
article (a headline and its summary sentence, over and over), readers' comments, a comment
form's consent text, a "More from" list. What gives them away is where they stand relative to
what the first stage believes is the article: after a run of lines it is sure are furniture,
outside the longest run of lines it keeps, far (in characters) from the article's mass. The
same holds for the reverse error, an article paragraph the first stage doubted amid paragraphs
it keeps. These are learned, not rules: the second stage is trained on the first stage's
out-of-fold opinions (scripts/train_clean_model.py), so it sees the errors the first stage
makes on pages it never saw.

Everything here is language-independent: it reads only the first stage's probabilities and the
lines' lengths.
"""
from __future__ import annotations

import numpy as np

from .features import FEATURES, block_position

_P_WINDOWS = (1, 3, 8, 20)
CONTEXT: tuple[str, ...] = (
    ("p_keep", "p_title", "p_prev", "p_next")
    + tuple(f"p_win{w}" for w in _P_WINDOWS)
    + ("kept_mass_before", "kept_mass_after", "in_kept_run", "log_lines_before_run", "log_lines_after_run",
       "log_chars_before_run", "log_chars_after_run", "run_share", "sure_drops_between", "title_before",
       "log_from_title", "p_max_before", "p_max_after")
)
_LOG_CHARS = FEATURES.index("log_chars")


def context_features(rows: np.ndarray, probs: np.ndarray) -> np.ndarray:
    """One row of `CONTEXT` per line, from the first stage's class probabilities (body,
    boilerplate, title) and the lines' features (their lengths)."""
    n = len(rows)
    out = np.zeros((n, len(CONTEXT)))
    if not n:
        return out
    keep = probs[:, 0] + probs[:, 2]
    title = probs[:, 2]
    chars = np.expm1(rows[:, _LOG_CHARS] * 6)
    idx = np.arange(n)
    out[:, 0] = keep
    out[:, 1] = title
    out[1:, 2] = keep[:-1]
    out[:-1, 3] = keep[1:]
    cum = np.concatenate(([0.0], np.cumsum(keep)))
    for j, w in enumerate(_P_WINDOWS):
        lo, hi = np.maximum(0, idx - w), np.minimum(n, idx + w + 1)
        out[:, 4 + j] = (cum[hi] - cum[lo] - keep) / np.maximum(hi - lo - 1, 1)
    mass = keep * chars
    total = mass.sum() or 1.0
    cum_m = np.cumsum(mass)
    out[:, 8] = (cum_m - mass) / total
    out[:, 9] = (total - cum_m) / total
    # the longest run of what the first stage keeps, by characters (maximum-sum run)
    score = (keep - 0.5) * np.maximum(chars, 20.0)
    best, span, cur, start = 0.0, (0, -1), 0.0, 0
    for i in range(n):
        cur, start = (score[i], i) if cur <= 0 else (cur + score[i], start)
        if cur > best:
            best, span = cur, (start, i)
    lo, hi = span
    before = np.cumsum(chars) - chars
    if hi >= lo:
        run_start, run_end = before[lo], before[hi] + chars[hi]
        out[:, 10:15] = block_position(idx, lo, hi, before, chars)
        out[:, 15] = (run_end - run_start) / (chars.sum() or 1.0)
        sure = np.concatenate(([0], np.cumsum(keep < 0.2)))
        between = np.where(idx < lo, sure[lo] - sure[idx + 1], np.where(idx > hi, sure[idx] - sure[hi + 1], 0))
        out[:, 16] = np.log1p(between) / 4
    t = int(np.argmax(title))
    if title[t] >= 0.3:
        out[:, 17] = idx > t
        out[:, 18] = np.sign(idx - t) * np.log1p(np.abs(idx - t)) / 4
    out[:, 19] = np.maximum.accumulate(np.concatenate(([0.0], keep[:-1])))
    out[:, 20] = np.maximum.accumulate(np.concatenate((keep[1:], [0.0]))[::-1])[::-1]
    return out
