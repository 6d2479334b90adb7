"""The features of each line that the learned line classifier (`accord.clean.model`) reads.

Why these: page furniture recurs on every news site in the same shapes (menus of short
capitalised words, teaser headlines without a full stop, counters full of digits, captions
beside the prose), and the article is the densest run of long, punctuated, function-word-rich
lines. So each line is described by

* its own shape (length, words, punctuation, capitals, digits, short function-like words, long
  words, quote marks, a truncated "..." end, a clock time or a year, how often the same line
  recurs in the page: a site's furniture repeats, the article does not);
* today's rules (`boilerplate.classify`'s noise reasons, the lexicons) as indicators, not as
  the decision;
* where it sits: position by lines and by characters, inside or how far (lines, characters)
  before or after the densest run of prose, how far to the nearest prose line;
* its neighbourhood: the shape of the two lines before and after, and the mean shape of
  windows of 2, 5, 12 and 30 lines around (a teaser among teasers, a menu amid menus, a short
  line amid prose, a caption between paragraphs);
* the page's sections (`_section_features`): a page's furniture after and before the article
  is shaped like prose (related headlines with their summary sentences, comment threads,
  consent text) and is told apart by where it stands: behind a section heading ("Related",
  "Comments", "Похожие", "Komentari": the teaser and comment-heading lexicons) that stands
  between it and the densest prose block, in a run of headline + summary pairs, with mostly
  headline-shaped lines on one side of it.

Plain text carries no links, so link density is read from its traces (short capitalised
runs, separators, menus of short lines); a site's repetition across pages is not seen by one
article, its repetition within the page is. Everything is language-independent except the
lexicon hits, which cover every language at once (the stage runs before language detection).

`FEATURES` names the columns; the model file stores the same list and is refused if it differs.
"""
from __future__ import annotations

import math
import re
from functools import lru_cache

import numpy as np

from .chars import ALNUM, ALPHA, DIGIT, SPACE, UPPER, line_counts, word_shapes
from .lexicon import lexicon
from .lines import LONG_PARAGRAPH, Line, headline_like

# rule reasons grouped into one indicator each (see boilerplate.classify)
REASON_GROUPS = {
    "breadcrumb": "nav", "menu": "nav", "short_label": "nav", "link": "nav", "masthead": "nav",
    "lexicon_line": "lexicon", "lexicon_prefix": "lexicon", "lexicon_phrase": "lexicon",
    "teaser": "teaser", "comments": "comments", "stamp": "stamp", "credit": "credit",
    "byline": "byline", "photo_credit": "photo", "counter": "counter",
    "no_letters": "other", "hashtags": "other", "captcha": "other", "author_initials": "other",
    "foreign_script": "other", "icons": "other",
}
GROUPS = ("nav", "lexicon", "teaser", "comments", "stamp", "credit", "byline", "photo", "counter", "other")
_OWN = ("log_chars", "log_words", "end_stop", "end_colon", "end_open", "upper_share", "first_upper",
        "all_caps", "titlecase_share", "digit_share", "punct_share", "comma_rate", "short_word_share",
        "long_word_share", "quote_mark", "headline", "prose", "pipe_or_bullet", "log_repeats",
        "ellipsis", "clock", "year", "sentences", "paren", "starts_digit", "short")
_POS = ("rel_pos", "char_pos", "log_index", "log_from_end", "in_block", "lines_before_block",
        "lines_after_block", "chars_before_block", "chars_after_block", "block_share", "log_block_chars",
        "prev_prose_dist", "next_prose_dist")
# the columns of a line that its neighbours and windows are described by
_CHANNELS = ("log_chars", "prose", "end_stop", "rule_any", "headline", "short", "digit_share", "titlecase_share")
OFFSETS = (-2, -1, 1, 2)
WINDOWS = (2, 5, 12, 30)
_SECTION = ("section_heading", "headings_to_block", "in_section_block", "lines_before_section_block",
            "lines_after_section_block", "chars_before_section_block", "chars_after_section_block",
            "log_chars_from_heading", "page_heading_after_block", "pair_run", "next8_headline", "prev8_headline", "next8_prose", "prev8_prose", "next8_rule", "prev8_rule")
_STRUCTURE = ("stamp_line", "stamps_to_block", "next12_stamp", "prev12_stamp", "camel_joins", "glued_stops",
              "repeat_prev_dist", "repeat_next_dist", "label_then_headline", "code_line", "code_around")
FEATURES: tuple[str, ...] = (
    _OWN + tuple(f"rule_{g}" for g in GROUPS) + ("rule_any",) + _POS
    + tuple(f"at{o:+d}_{c}" for o in OFFSETS for c in _CHANNELS)
    + tuple(f"win{w}_{c}" for w in WINDOWS for c in _CHANNELS)
    + tuple(f"win{w}_prose_chars" for w in WINDOWS)
    + _SECTION
    + _STRUCTURE
)
_QUOTES = set("\"«»“”„'‘’")
_TERMINAL = ".!?…\"»”"
_CLOCK_RE = re.compile(r"\b[012]?\d[:.][0-5]\d\b")
_YEAR_RE = re.compile(r"\b(?:19|20)\d\d\b")
_SENTENCE_RE = re.compile(r"[.!?…][\"»”']?\s+\S")
# a word going on in a capital ("... Won't StandWarren Mayor Jim Fouts says": a headline glued to its summary; "iPhone")
_CAMEL_RE = re.compile(r"[a-zа-яёćčđšžјљњћђџ][A-ZА-ЯЁĆČĐŠŽЈЉЊЋЂЏ][a-zа-яёćčđšžјљњћђџ]")
# a sentence glued to the next without a space ("...the tape.Denny Hamlin's")
_GLUED_RE = re.compile(r"[a-zа-яё][.!?…][A-ZА-ЯЁ]")
# where each can match, found from its rarer middle character (the look-behind asks for the one
# before): every place the pattern matches is found so, and a line without one is not asked again
_CAMEL_AT_RE = re.compile(r"[A-ZА-ЯЁĆČĐŠŽЈЉЊЋЂЏ](?<=[a-zа-яёćčđšžјљњћђџ][A-ZА-ЯЁĆČĐŠŽЈЉЊЋЂЏ])[a-zа-яёćčđšžјљњћђџ]")
_GLUED_AT_RE = re.compile(r"[.!?…](?<=[a-zа-яё][.!?…])[A-ZА-ЯЁ]")
# a line of a page's script that the rendering kept ("document.addEventListener(...", "var x = true;")
# (a list item of prose may close with ";": only a call or an assignment counts there)
# (no part of a match crosses a newline: the same on a line and on lines joined)
_CODE_RE = re.compile(r"(?:\w\([^)\n]*\)|=[^=\n]*);[^\S\n]*$|\{[^\S\n]*$|^[}\])]|=>|\bfunction[^\S\n]*\("
                      r"|\b(?:document|window)\.\w|^(?:var|let|const)[^\S\n]+\w+[^\S\n]*=", re.M)
_CODE_HINT_RE = re.compile(r"[;{]|=>|function|document\.|window\.")  # where a branch of _CODE_RE can match
_CHANNEL_INDEX = [(_OWN + tuple(f"rule_{g}" for g in GROUPS) + ("rule_any",)).index(c) for c in _CHANNELS]


def is_prose(line: Line) -> bool:
    """Prose: 10 words or more, closing a sentence or a long paragraph (`LONG_PARAGRAPH`)."""
    return line.words >= 10 and (line.text[-1] in _TERMINAL or len(line.text) >= LONG_PARAGRAPH)


def densest_block(lines: list[Line], prose: list[bool], walls=None) -> tuple[int, int]:
    """The run of lines with the most prose (maximum-sum run: prose lines count their length,
    other lines a penalty), as (first, last) indices; (0, -1) when there is none. A line of
    `walls` (section headings) is never inside it."""
    best, best_span, cur, start = 0.0, (0, -1), 0.0, 0
    for i, line in enumerate(lines):
        n = line.end - line.start
        score = -1e9 if walls is not None and walls[i] else n if prose[i] else -max(40.0, 0.5 * n)
        if cur <= 0:
            cur, start = score, i
        else:
            cur += score
        if cur > best:
            best, best_span = cur, (start, i)
    return best_span


_STRIP_WORD = ".,;:!?()\"«»“”„'"


def _own(ln: Line, prose: bool, repeats: int, counts: np.ndarray) -> list[float]:
    """The line's own shape; `counts` its row of `chars.class_counts` (over its first 400
    characters, the part read here)."""
    t = ln.text[:400]
    n_alpha_chars = int(counts[ALPHA])
    n_letters = n_alpha_chars or 1
    upper = int(counts[UPPER])
    words = t.split()
    n_words = len(words) or 1
    n_alpha, capitalised, short_lower, long_words = word_shapes(words, _STRIP_WORD)
    n_alpha = n_alpha or 1
    digits = int(counts[DIGIT])
    punct = len(t) - int(counts[ALNUM]) - int(counts[SPACE])
    last = ln.text[-1]
    first = next((c for c in t if c.isalnum()), "")
    return [
        math.log1p(len(ln.text)) / 6, math.log1p(ln.words) / 4,
        float(last in _TERMINAL), float(last == ":"), float(last not in _TERMINAL and last not in ":;,"),
        upper / n_letters, float(first.isupper()), float(n_alpha_chars > 3 and upper / n_letters > 0.8),
        capitalised / n_alpha, digits / max(1, len(t)),
        punct / max(1, len(t)), t.count(",") / n_words,
        short_lower / n_alpha, long_words / n_alpha,
        float(any(map(t.__contains__, _QUOTES))), float(headline_like(ln)), float(prose),
        float("|" in t or "•" in t or "·" in t), math.log1p(repeats - 1),
        # a clock time or a year needs a digit (`counts`: of the same 400 characters) and a year "19" or "20"
        float(t.endswith(("...", "…"))), float(digits > 0 and _CLOCK_RE.search(t) is not None),
        float(("19" in t or "20" in t) and _YEAR_RE.search(t) is not None), math.log1p(len(_SENTENCE_RE.findall(t))),
        float("(" in t or "[" in t), float(first.isdigit()), float(ln.words <= 3),
    ]


def block_position(idx: np.ndarray, lo: int, hi: int, before: np.ndarray, chars: np.ndarray) -> np.ndarray:
    """Five columns saying where each line stands against the block of lines lo..hi: inside it, lines
    before and after it, characters before and after it (log-scaled). Both stages use it: the first
    against the densest prose block, the second (context.py) against the longest run it keeps."""
    start, end = before[lo], before[hi] + chars[hi]
    out = np.empty((len(idx), 5))
    out[:, 0] = (idx >= lo) & (idx <= hi)
    out[:, 1] = np.log1p(np.maximum(0, lo - idx)) / 4
    out[:, 2] = np.log1p(np.maximum(0, idx - hi)) / 4
    out[:, 3] = np.log1p(np.maximum(0.0, start - before - chars)) / 8
    out[:, 4] = np.log1p(np.maximum(0.0, before - end)) / 8
    return out


@lru_cache(maxsize=1)
def _headings() -> frozenset[str]:
    """Keys of the lines that open a page section of furniture: teaser-block labels and
    comment-section headings, every language's lists at once."""
    lex = lexicon()
    return frozenset(lex.teasers) | lex.tail


def _runs(flag: np.ndarray, step: int) -> np.ndarray:
    """For each i where `flag[i]`, how many flagged positions i, i±step, i±2·step... in a row."""
    out = np.zeros(len(flag))
    for r in range(step):
        sub = flag[r::step]
        if not sub.any():
            continue
        edges = np.diff(np.concatenate(([0], sub.astype(np.int8), [0])))
        starts, ends = np.flatnonzero(edges == 1), np.flatnonzero(edges == -1)
        length = np.zeros(len(sub))
        run_id = np.cumsum(edges[:-1] == 1) - 1
        length[sub] = (ends - starts)[run_id[sub]]
        out[r::step] = length
    return out


def _section_features(lines: list[Line], ch: np.ndarray, prose: list[bool], before: np.ndarray,
                      chars: np.ndarray, block: tuple[int, int]) -> np.ndarray:
    """`_SECTION` columns: section headings and where the line stands against them and the
    densest block that crosses none (`densest_block` with the headings as walls); runs of
    headline + summary pairs; the shape of the next and of the previous 8 lines apart (the
    windows around a line are symmetric: they cannot tell the article's last paragraph, prose
    before and headlines after, from the first related summary, headlines before and after)."""
    n = len(lines)
    heads = _headings()
    out = np.zeros((n, len(_SECTION)))
    is_head = np.asarray([ln.words <= 6 and any(k in heads for k in ln.keys) for ln in lines], dtype=np.float64)
    out[:, 0] = is_head
    cum = np.concatenate(([0.0], np.cumsum(is_head)))
    idx = np.arange(n)
    lo, hi = densest_block(lines, prose, is_head) if cum[n] else block  # `block`: the same without walls
    if hi >= lo:
        # headings strictly between the line and the block (none for lines inside it)
        between = np.where(idx > hi, cum[idx] - cum[hi + 1], np.where(idx < lo, cum[lo] - cum[idx + 1], 0.0))
        out[:, 1] = np.log1p(between) / 2
        out[:, 2:7] = block_position(idx, lo, hi, before, chars)
        out[:, 8] = float(cum[n] - cum[hi + 1] > 0)
    if cum[n]:
        last = np.maximum.accumulate(np.where(is_head > 0, idx, -1))
        out[:, 7] = np.where(last >= 0, np.log1p(before - before[np.maximum(last, 0)]) / 8, 0.0)
    headline = ch[:, _CHANNELS.index("headline")] > 0
    stop = ch[:, _CHANNELS.index("end_stop")] > 0
    long_line = ch[:, _CHANNELS.index("log_chars")] * 6 > math.log1p(60)
    summary = stop & long_line & ~headline
    runs = np.zeros(n)
    for gap in (1, 2):  # headline, summary; headline, date or source, summary
        pair = np.zeros(n, dtype=bool)
        pair[:n - gap] = headline[:n - gap] & summary[gap:]
        r = _runs(pair, gap + 1)
        cover = r.copy()
        for j in range(1, gap + 1):
            cover[j:] = np.maximum(cover[j:], r[:-j])
        runs = np.maximum(runs, cover)
    out[:, 9] = np.log1p(runs) / 2
    cols = [_CHANNELS.index(c) for c in ("headline", "prose", "rule_any")]
    cum_c = np.zeros((n + 1, len(cols)))
    np.cumsum(ch[:, cols], axis=0, out=cum_c[1:])
    a, b = np.minimum(n, idx + 1), np.minimum(n, idx + 9)  # the next 8
    nxt = (cum_c[b] - cum_c[a]) / np.maximum(b - a, 1)[:, None]
    a, b = np.maximum(0, idx - 8), idx  # the previous 8
    prv = (cum_c[b] - cum_c[a]) / np.maximum(b - a, 1)[:, None]
    out[:, 10], out[:, 11], out[:, 12], out[:, 13], out[:, 14], out[:, 15] = (
        nxt[:, 0], prv[:, 0], nxt[:, 1], prv[:, 1], nxt[:, 2], prv[:, 2])
    return out


def _nearest(flag: np.ndarray, idx: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Lines from each line back to the previous flagged line and on to the next (99 if none)."""
    at = np.flatnonzero(flag)
    if not len(at):
        return np.full(len(idx), 99.0), np.full(len(idx), 99.0)
    k = np.searchsorted(at, idx)  # first flagged at or after
    prev = np.where(k > 0, idx - at[np.maximum(k - 1, 0)], 99)
    k2 = np.searchsorted(at, idx, side="right")  # first flagged after
    nxt = np.where(k2 < len(at), at[np.minimum(k2, len(at) - 1)] - idx, 99)
    return np.minimum(prev, 99).astype(float), np.minimum(nxt, 99).astype(float)


def _code_shaped(text: str) -> bool:
    """`_CODE_RE` on a line, asked only where one of its branches can begin (`_CODE_HINT_RE`, the
    first character, a keyword opening the line): the full pattern, tried at every position of
    every line, cost a quarter of a millisecond an article."""
    hinted = text[:1] in "}])" or text.startswith(("var", "let", "const")) or _CODE_HINT_RE.search(text)
    return bool(hinted) and _CODE_RE.search(text) is not None


def _matches_by_line(pattern: re.Pattern, where: re.Pattern, joined: str, starts: np.ndarray,
                     texts: list[str]) -> np.ndarray:
    """How many matches of `pattern` each line (`texts`, joined as `joined`, starting at `starts`)
    holds, counted on the lines where `where` finds a place it can match (no match crosses a
    newline: the same count as over the lines joined). Why: a pattern opening with a lower-case
    letter is tried at nearly every character; `where` opens with a rare one."""
    out = np.zeros(len(texts))
    for i in set((np.searchsorted(starts, [m.start() for m in where.finditer(joined)], side="right") - 1).tolist()):
        out[i] = len(pattern.findall(texts[i]))
    return out


def _structure_features(lines: list[Line], base: np.ndarray, seen: dict[str, int], prose: list[bool],
                        block: tuple[int, int]) -> np.ndarray:
    """`_STRUCTURE` columns, the page's repeated furniture told by its structure, in any language:
    comment threads after an article are prose as well, but every comment opens with a short
    stamp (a date, a clock time: "Gary M on September 17, 2018 at 8:50 pm said:"), so stamps
    between a line and the article, and stamps around it, mark a thread; teaser lists rendered
    without their links glue a headline to its summary ("... Won't StandWarren Mayor Jim
    Fouts says ..."); a list of items each followed by the same share buttons or "Read more" puts a
    repeated short line before and after each item; a related headline inserted in the article
    follows its section label ("Хроника", a rule-marked short line); a page's scripts, where a
    rendering kept them, come in runs of code-shaped lines."""
    n = len(lines)
    out = np.zeros((n, len(_STRUCTURE)))
    idx = np.arange(n)
    own = {c: base[:, _OWN.index(c)] for c in ("clock", "year", "headline")}
    words = np.asarray([ln.words for ln in lines])
    stamp = ((own["clock"] > 0) | (own["year"] > 0)) & (words <= 14) & ~np.asarray(prose)
    out[:, 0] = stamp
    cum = np.concatenate(([0.0], np.cumsum(stamp)))
    lo, hi = block
    if hi >= lo:
        between = np.where(idx > hi, cum[idx] - cum[hi + 1], np.where(idx < lo, cum[lo] - cum[idx + 1], 0.0))
        out[:, 1] = np.log1p(between) / 3
    a, b = np.minimum(n, idx + 1), np.minimum(n, idx + 13)
    out[:, 2] = (cum[b] - cum[a]) / np.maximum(b - a, 1)
    a, b = np.maximum(0, idx - 12), idx
    out[:, 3] = (cum[b] - cum[a]) / np.maximum(b - a, 1)
    # the patterns run once over the lines' first 400 characters joined (a call per line costs more)
    texts = [ln.text[:400] for ln in lines]
    joined = "\n".join(texts)
    starts = np.cumsum([0] + [len(t) + 1 for t in texts[:-1]])
    out[:, 4] = [math.log1p(c) / 2 for c in _matches_by_line(_CAMEL_RE, _CAMEL_AT_RE, joined, starts, texts).tolist()]
    out[:, 5] = [math.log1p(c) / 2 for c in _matches_by_line(_GLUED_RE, _GLUED_AT_RE, joined, starts, texts).tolist()]
    repeated = np.asarray([seen[ln.keys[0]] >= 3 and ln.words <= 6 for ln in lines])
    prev, nxt = _nearest(repeated, idx)
    out[:, 6], out[:, 7] = np.log1p(prev) / 4, np.log1p(nxt) / 4
    label = (base[:, -1] > 0) & (words <= 3)
    out[1:, 8] = (own["headline"][1:] > 0) & label[:-1]
    code = np.asarray([_code_shaped(t) for t in texts], dtype=np.float64)
    out[:, 9] = code
    cum = np.concatenate(([0.0], np.cumsum(code)))
    a, b = np.maximum(0, idx - 5), np.minimum(n, idx + 6)
    out[:, 10] = (cum[b] - cum[a] - code) / np.maximum(b - a - 1, 1)
    return out


def line_features(lines: list[Line]) -> np.ndarray:
    """One feature row (in `FEATURES` order) per line; `line.noise` holds the rules' reason."""
    n = len(lines)
    if not n:
        return np.zeros((0, len(FEATURES)))
    prose = [is_prose(ln) for ln in lines]
    seen: dict[str, int] = {}
    for ln in lines:
        seen[ln.keys[0]] = seen.get(ln.keys[0], 0) + 1
    base = np.zeros((n, len(_OWN) + len(GROUPS) + 1))
    counts = line_counts(lines).tolist()
    # the rows of own shapes set at once (a row at a time cost a conversion each)
    base[:, :len(_OWN)] = [_own(ln, prose[i], seen[ln.keys[0]], counts[i]) for i, ln in enumerate(lines)]
    for i, ln in enumerate(lines):
        if ln.noise is not None:
            group = REASON_GROUPS.get(ln.noise)
            if group is not None:
                base[i, len(_OWN) + GROUPS.index(group)] = 1.0
            base[i, -1] = 1.0
    # where the line sits
    chars = np.asarray([ln.end - ln.start for ln in lines], dtype=np.float64)
    before = np.cumsum(chars) - chars
    total = chars.sum() or 1.0
    lo, hi = densest_block(lines, prose)
    idx = np.arange(n)
    pos = np.zeros((n, len(_POS)))
    pos[:, 0] = idx / max(1, n - 1)
    pos[:, 1] = before / total
    pos[:, 2] = np.log1p(idx) / 5
    pos[:, 3] = np.log1p(n - 1 - idx) / 5
    if hi >= lo:
        block_start, block_end = before[lo], before[hi] + chars[hi]
        pos[:, 4:9] = block_position(idx, lo, hi, before, chars)
        pos[:, 9] = (block_end - block_start) / total
        pos[:, 10] = math.log1p(block_end - block_start) / 8
    prose_idx = np.flatnonzero(prose)
    if len(prose_idx):
        k = np.searchsorted(prose_idx, idx)  # first prose line at or after each line
        prev = np.where(k > 0, idx - prose_idx[np.maximum(k - 1, 0)], 99)
        at_or_after = prose_idx[np.minimum(k, len(prose_idx) - 1)]
        nxt = np.where(k < len(prose_idx), at_or_after - idx, 99)
        pos[:, 11] = np.log1p(np.where(np.asarray(prose), 0, prev)) / 4
        pos[:, 12] = np.log1p(nxt) / 4
    else:
        pos[:, 11:13] = math.log1p(99) / 4
    # its neighbourhood
    ch = base[:, _CHANNEL_INDEX]
    pad = np.zeros((2, ch.shape[1]))
    padded = np.vstack([pad, ch, pad])
    at = [padded[2 + o: 2 + o + n] for o in OFFSETS]
    cum = np.zeros((n + 1, ch.shape[1]))
    np.cumsum(ch, axis=0, out=cum[1:])
    win = []
    for w in WINDOWS:  # the mean of each channel over the lines within w (itself included)
        a, b = np.maximum(0, idx - w), np.minimum(n, idx + w + 1)
        win.append((cum[b] - cum[a]) / (b - a)[:, None])
    prose_chars = chars * np.asarray(prose)
    pc = []
    cum_p = np.concatenate(([0.0], np.cumsum(prose_chars)))
    cum_c = np.concatenate(([0.0], np.cumsum(chars)))
    for w in WINDOWS:
        a, b = np.maximum(0, idx - w), np.minimum(n, idx + w + 1)
        pc.append((cum_p[b] - cum_p[a]) / np.maximum(cum_c[b] - cum_c[a], 1.0))
    section = _section_features(lines, ch, prose, before, chars, (lo, hi))
    structure = _structure_features(lines, base, seen, prose, (lo, hi))
    return np.hstack([base, pos] + at + win + [np.column_stack(pc), section, structure])
