"""How many characters of each class (Cyrillic, Latin, letter, alphabetic, capital, digit,
alphanumeric, space) each line holds, for all lines of a page at once.

Why: the rules (`boilerplate._rule_noise`: a line in a foreign script) and the line model's
features (`features._own`: capitals, digits, punctuation) count character classes on every line,
and counting them a character at a time in Python was a third of the cleaning time. Here a
table maps each code point below U+3000 (Latin, Cyrillic, Greek, punctuation, symbols) to its
classes (built once, from the very predicates the rules and features use, so the counts are the
same), and a page's lines are looked up and summed with numpy in one pass. Other characters (CJK,
emoji) are classified once per distinct character with the same predicates.
"""
from __future__ import annotations

from functools import lru_cache

import numpy as np

from .lines import _CYR_RE, _LAT_RE, LETTER_RE, MAX_KEYED

CYR, LAT, LETTER, ALPHA, UPPER, DIGIT, ALNUM, SPACE = range(8)
_PATTERNS = (_CYR_RE, _LAT_RE, LETTER_RE)
_METHODS = (str.isalpha, str.isupper, str.isdigit, str.isalnum, str.isspace)
_TABLED = 0x3000  # Latin, Cyrillic, Greek, punctuation, symbols: one table entry each


@lru_cache(maxsize=65536)
def _classes(ch: str) -> int:
    tests = [p.match(ch) is not None for p in _PATTERNS] + [m(ch) for m in _METHODS]
    return sum(1 << k for k, hit in enumerate(tests) if hit)


@lru_cache(maxsize=1)
def _table() -> np.ndarray:
    """One byte of class bits per code point below `_TABLED` (built in a few ms)."""
    chars = "".join(map(chr, range(_TABLED)))
    out = np.zeros(_TABLED, dtype=np.uint8)
    for k, pattern in enumerate(_PATTERNS):
        out[[m.start() for m in pattern.finditer(chars)]] |= np.uint8(1 << k)
    for k, method in enumerate(_METHODS, start=len(_PATTERNS)):
        out |= np.fromiter(map(method, chars), dtype=bool, count=_TABLED).astype(np.uint8) << k
    return out


def class_counts(texts: list[str]) -> np.ndarray:
    """(len(texts), 8) counts of each class (columns CYR ... SPACE) in each text."""
    n = len(texts)
    if not n:
        return np.zeros((0, 8), dtype=np.int64)
    joined = "".join(texts)
    cp = np.frombuffer(joined.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    big = cp >= _TABLED
    bits = _table()[np.where(big, 0, cp)]
    if big.any():  # CJK, emoji, ...: each distinct character once
        distinct, where = np.unique(cp[big], return_inverse=True)
        bits[big] = np.asarray([_classes(chr(int(c))) for c in distinct], dtype=np.uint8)[where]
    lengths = np.fromiter(map(len, texts), dtype=np.int64, count=n)
    out = np.zeros((n, 8), dtype=np.int64)
    filled = lengths > 0
    if filled.any():
        starts = (np.cumsum(lengths) - lengths)[filled]
        out[filled] = np.add.reduceat(np.unpackbits(bits[:, None], axis=1, bitorder="little"), starts, axis=0, dtype=np.int64)
    return out


def line_counts(lines) -> np.ndarray:
    """`class_counts` of the lines' first `MAX_KEYED` characters (what the rules and features
    read), kept on the lines (`extra["chars"]`) once counted."""
    if lines and "chars" in lines[0].extra and "chars" in lines[-1].extra:
        return np.asarray([ln.extra["chars"] for ln in lines])
    counts = class_counts([ln.text[:MAX_KEYED] for ln in lines])
    for ln, row in zip(lines, counts):
        ln.extra["chars"] = row
    return counts


def script_counts(counts: np.ndarray) -> tuple[int, int, int]:
    """`lines.script_counts` from one row of `class_counts`: (Cyrillic, Latin, other letters)."""
    return int(counts[CYR]), int(counts[LAT]), int(counts[LETTER] - counts[CYR] - counts[LAT])


_FIELD = (1 << 16) - 1  # a field of a packed word shape: a line's first 400 characters hold fewer words


@lru_cache(maxsize=8)
def _word_shape(strip: str):
    """`word_shapes` of one word (`strip` dropped from its edges), its four counts packed 16
    bits apart so that a line's are summed in C; cached by the word alone."""
    @lru_cache(maxsize=65536)
    def shape(word: str) -> int:
        w = word.strip(strip)
        if not (w and w[0].isalpha()):
            return 0
        return 1 | w[0].isupper() << 16 | (len(w) <= 3 and w.islower()) << 32 | (len(w) >= 8) << 48
    return shape


def word_shapes(words: list[str], strip: str) -> tuple[int, int, int, int]:
    """Of the words, `strip` dropped from their edges: how many begin with a letter, and of
    those how many with a capital, how many are short (3 letters at most) and lower-case, how
    many long (8 at least). Why: `features._own` asks it of every line's words; each distinct
    word is looked at once (`_word_shape`, cached) instead of on every line it stands in."""
    total = sum(map(_word_shape(strip), words))
    return total & _FIELD, total >> 16 & _FIELD, total >> 32 & _FIELD, total >> 48
