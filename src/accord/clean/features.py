"""The features of each line that the learned line classifier (`accord.clean.model`) reads.

Why these: page furniture recurs on every news site in the same shapes (menus of short
capitalised words, teaser headlines without a full stop, counters full of digits, captions
beside the prose), and the article is the densest run of long, punctuated, function-word-rich
lines. So each line is described by its own shape (length, words, punctuation, capitals,
digits, short function-like words, link and menu words), by where it sits (position in the
page, distance to the densest text block) and by its neighbours' shape; today's rules
(`boilerplate.classify`'s noise reasons, the lexicons) come in as features, not as the
decision. Everything is language-independent except the lexicon hits, which cover every
language at once (the stage runs before language detection).

`FEATURES` names the columns; the model file stores the same list and is refused if it differs.
"""
from __future__ import annotations

import math

from .lines import Line, headline_like

# rule reasons grouped into one indicator each (see boilerplate.classify)
REASON_GROUPS = {
    "breadcrumb": "nav", "menu": "nav", "short_label": "nav", "link": "nav", "masthead": "nav",
    "lexicon_line": "lexicon", "lexicon_prefix": "lexicon", "lexicon_phrase": "lexicon",
    "teaser": "teaser", "comments": "comments", "stamp": "stamp", "credit": "credit",
    "byline": "byline", "photo_credit": "photo", "counter": "counter",
    "no_letters": "other", "hashtags": "other", "captcha": "other", "author_initials": "other",
    "foreign_script": "other",
}
GROUPS = ("nav", "lexicon", "teaser", "comments", "stamp", "credit", "byline", "photo", "counter", "other")
_OWN = ("log_chars", "log_words", "end_stop", "end_colon", "end_open", "upper_share", "first_upper",
        "all_caps", "titlecase_share", "digit_share", "punct_share", "comma_rate", "short_word_share",
        "long_word_share", "quote_mark", "headline", "prose", "pipe_or_bullet", "repeated")
_POS = ("rel_pos", "log_index", "log_from_end", "in_block", "before_block", "after_block", "block_share")
_NEIGHBOUR = ("log_chars", "end_stop", "prose", "rule_noise")
FEATURES: tuple[str, ...] = (
    ("bias",) + _OWN + tuple(f"rule_{g}" for g in GROUPS) + ("rule_any",) + _POS
    + tuple(f"prev_{n}" for n in _NEIGHBOUR) + tuple(f"next_{n}" for n in _NEIGHBOUR)
    + ("window_log_chars", "window_prose", "window_rule_noise")
)
_QUOTES = set("\"«»“”„'‘’")
_TERMINAL = ".!?…\"»”"


def _is_prose(line: Line) -> bool:
    return line.words >= 10 and (line.text[-1] in _TERMINAL or len(line.text) >= 150)


def densest_block(lines: list[Line], prose: list[bool]) -> tuple[int, int]:
    """The run of lines with the most prose (maximum-sum run: prose lines count their length,
    other lines a penalty), as (first, last) indices; (0, -1) when there is none."""
    best, best_span, cur, start = 0.0, (0, -1), 0.0, 0
    for i, line in enumerate(lines):
        n = line.end - line.start
        score = n if prose[i] else -max(40.0, 0.5 * n)
        if cur <= 0:
            cur, start = score, i
        else:
            cur += score
        if cur > best:
            best, best_span = cur, (start, i)
    return best_span


def line_features(lines: list[Line]) -> list[list[float]]:
    """One feature row (in `FEATURES` order) per line; `line.noise` holds the rules' reason."""
    n = len(lines)
    prose = [_is_prose(ln) for ln in lines]
    lo, hi = densest_block(lines, prose)
    block_chars = sum(ln.end - ln.start for ln in lines[lo:hi + 1]) if hi >= lo else 0
    total_chars = sum(ln.end - ln.start for ln in lines) or 1
    seen: dict[str, int] = {}
    for ln in lines:
        seen[ln.keys[0]] = seen.get(ln.keys[0], 0) + 1
    own = []
    for i, ln in enumerate(lines):
        t = ln.text[:400]
        chars = len(ln.text)
        n_alpha_chars = sum(map(str.isalpha, t))
        n_letters = n_alpha_chars or 1
        upper = sum(map(str.isupper, t))
        words = t.split()
        n_words = len(words) or 1
        alpha_words = [w.strip(".,;:!?()\"«»“”„'") for w in words]
        alpha_words = [w for w in alpha_words if w and w[0].isalpha()]
        n_alpha = len(alpha_words) or 1
        digits = sum(map(str.isdigit, t))
        punct = len(t) - sum(map(str.isalnum, t)) - sum(map(str.isspace, t))
        last = ln.text[-1]
        first = next((c for c in t if c.isalnum()), "")
        own.append([
            math.log1p(chars) / 6, math.log1p(ln.words) / 4,
            float(last in _TERMINAL), float(last == ":"), float(last not in _TERMINAL and last not in ":;,"),
            upper / n_letters, float(first.isupper()), float(n_alpha_chars > 3 and upper / n_letters > 0.8),
            sum(w[0].isupper() for w in alpha_words) / n_alpha, digits / max(1, len(t)),
            punct / max(1, len(t)), t.count(",") / n_words,
            sum(len(w) <= 3 and w.islower() for w in alpha_words) / n_alpha,
            sum(len(w) >= 8 for w in alpha_words) / n_alpha,
            float(not _QUOTES.isdisjoint(t)), float(headline_like(ln)), float(prose[i]),
            float("|" in t or "•" in t or "·" in t), float(seen[ln.keys[0]] > 1),
        ])
    rows = []
    for i, ln in enumerate(lines):
        group = REASON_GROUPS.get(ln.noise or "", None)
        rule = [float(group == g) for g in GROUPS] + [float(ln.noise is not None)]
        pos = [i / max(1, n - 1), math.log1p(i) / 5, math.log1p(n - 1 - i) / 5,
               float(lo <= i <= hi), math.log1p(max(0, lo - i)) / 4, math.log1p(max(0, i - hi)) / 4 if hi >= lo else 0.0,
               block_chars / total_chars]

        def neighbour(j: int) -> list[float]:
            if 0 <= j < n:
                return [own[j][0], own[j][2], own[j][16], float(lines[j].noise is not None)]
            return [0.0, 0.0, 0.0, 1.0]
        window = range(max(0, i - 2), min(n, i + 3))
        k = len(window)
        rows.append([1.0] + own[i] + rule + pos + neighbour(i - 1) + neighbour(i + 1) + [
            sum(own[j][0] for j in window) / k, sum(own[j][16] for j in window) / k,
            sum(lines[j].noise is not None for j in window) / k])
    return rows
