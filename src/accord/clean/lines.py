"""The line model of cleaning: a scraped text is judged line by line, by each line's features.

Why lines: scrapers hand us plain text in which every piece of page furniture (a share bar, a
photo credit, a teaser, a stamp) sits on a line of its own, and trafilatura does nothing on
plain text. A `Line` carries its offsets into `Article.text`, its lexicon keys and word count,
and what the rules decide of it (`noise`, `stamp`, `outlet`, `extra`).

Lexicon keys: every boilerplate list is matched against the casefolded line reduced to its
letter-words, and against the same line in the script each family root writes its lists in
(`latin_forms`: the Serbian lists are in Latin, so a Cyrillic line is also keyed in Serbian
Latin). The stage runs before language detection, so every family's form is tried.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from ..lang import LANGS, Language, get

LONG_PARAGRAPH = 150  # a line this long is article prose: the header zone ends before it
MAX_KEYED = 400  # longer lines are prose; only their first words are matched against lexicons
_LINE_RE = re.compile(r"[^\n\r\u2028\u2029\x0b\x0c\x85]+")
_STRIP = " \t\u00a0\u200b\u200c\u200d\u200e\u200f\u2060\ufeff\u3000"
WORD_RE = re.compile(r"[^\W\d_]+")
LETTER_RE = re.compile(r"[^\W\d_]")
_CYR_RE = re.compile(r"[\u0400-\u052f]")
_LAT_RE = re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")
UPPER = "A-ZА-ЯЁЂЈЉЊЋЏŠĐČĆŽ"  # a capital letter of the scripts accord reads (regex class body)


@dataclass
class Line:
    start: int  # offsets of the stripped line in Article.text
    end: int
    text: str
    keys: tuple[str, ...]
    noise: str | None = None  # why the line is not body
    stamp: tuple[int, int, str] | None = None  # (start, end, ISO date) of a stated publication date
    outlet: str | None = None  # outlet named by this line (credit or stamp)
    words: int = 0
    extra: dict = field(default_factory=dict)


@lru_cache(maxsize=1)
def _latin_writers() -> tuple[Language, ...]:
    """The family roots whose lists are written in another script than some of their texts
    (their `to_latin` hook is not the identity): Serbian."""
    langs = (get(code) for code in LANGS)
    return tuple(lang for lang in langs if lang is not None and type(lang).to_latin is not Language.to_latin)


@lru_cache(maxsize=4096)
def latin_forms(text: str) -> tuple[str, ...]:
    """The text as each family root's lists are written, where that differs from the text
    (cached: the rules ask it of the same line and its tail several times)."""
    out: list[str] = []
    for lang in _latin_writers():
        form = lang.to_latin(text)
        if form != text and form not in out:
            out.append(form)
    return tuple(out)


def key(text: str) -> str:
    """Casefolded letter-words joined by one space: what lexicon entries are compared with."""
    return " ".join(WORD_RE.findall(text.casefold()))


def keys(text: str) -> tuple[str, ...]:
    """The line's key, then its key in each family's list script (`latin_forms`)."""
    low = text.casefold()
    return (key(low), *(key(form) for form in latin_forms(low)))


def any_key(line: Line, test) -> bool:
    return any(test(k) for k in line.keys)


@lru_cache(maxsize=1)
def _refolded() -> re.Pattern:
    """The characters whose casefolded form is not all of their kind for `WORD_RE` (a letter
    or not: "İ" folds to "i" and a combining dot), and every one from U+3000 on (unchecked)."""
    def letter(c: str) -> bool:
        return WORD_RE.fullmatch(c) is not None
    odd = [c for c in map(chr, range(0x3000)) if any(letter(f) != letter(c) for f in c.casefold())]
    return re.compile("[" + "".join(map(re.escape, odd)) + "\u3000-\U0010ffff]")


def split_lines(text: str) -> list[Line]:
    """Every non-blank line of the text, stripped, with its keys and word count (the words of
    its key where casefolding kept every character's kind, as it does but for `_refolded`:
    counting them again was a third of the time here)."""
    out = []
    for m in _LINE_RE.finditer(text):
        raw = m.group()
        left = len(raw) - len(raw.lstrip(_STRIP))
        stripped = raw.strip(_STRIP)
        if not stripped or not stripped.strip():
            continue
        start = m.start() + left
        keyed = stripped if len(stripped) <= MAX_KEYED else stripped[:MAX_KEYED]
        line_keys = keys(keyed)
        if keyed.isascii() or _refolded().search(keyed) is None:
            words = line_keys[0].count(" ") + 1 if line_keys[0] else 0
        else:
            words = len(WORD_RE.findall(keyed))
        out.append(Line(start=start, end=start + len(stripped), text=stripped, keys=line_keys, words=words))
    return out


def script_counts(text: str) -> tuple[int, int, int]:
    """Letters in Cyrillic, in Latin, and in any other script.

    The characters are counted in C (Counter) and each distinct one is classed once, instead
    of three regex scans that build a list of every matching character."""
    cyr = lat = letters = 0
    for ch, n in Counter(text).items():
        is_cyr, is_lat, is_letter = _char_class(ch)
        if is_cyr:
            cyr += n
        if is_lat:
            lat += n
        if is_letter:
            letters += n
    return cyr, lat, letters - cyr - lat


@lru_cache(maxsize=65536)
def _char_class(ch: str) -> tuple[bool, bool, bool]:
    """Whether a character counts as Cyrillic, as Latin, as a letter (the three patterns)."""
    return _CYR_RE.match(ch) is not None, _LAT_RE.match(ch) is not None, LETTER_RE.match(ch) is not None


def dominant(counts: tuple[int, int, int]) -> int:
    """Index (into `script_counts`) of the script most letters are in."""
    return max(range(3), key=lambda i: counts[i])


def headline_like(line: Line) -> bool:
    """3 to 35 words, capitalised, no closing comma or colon: a title or a teaser's headline."""
    t = line.text
    first = next((c for c in t if c.isalnum()), "")
    return (3 <= line.words <= 35 and len(t) <= 300 and t[-1] not in ".,;:"
            and (first.isupper() or first.isdigit()))


_CODE_RE = re.compile(r"[{}=<>|]|[\w\]]\(|\)\s*[;.,]|;\s*\S")


def code_like(text: str) -> bool:
    """A script's statement or a style rule scraped as text ("window.googletag = ...",
    "(function(w,d,s,l,i){...", "jQuery.noConflict();"): braces, assignments, calls, statements
    ended by ";" mid-line. Web pages start and end in them; a headline or a sentence has none."""
    return _CODE_RE.search(text) is not None


def title_shaped(line: Line) -> bool:
    """`headline_like`, or a headline with a trailing ";" (scrapers and feeds join a headline to
    what follows with one: "Companies used Clinton fundraisers to lobby the State Department;"),
    not a script's statement.
    Kept apart from `headline_like`, which the line model reads as a feature."""
    if headline_like(line):
        return True
    t = line.text.rstrip()
    first = next((c for c in t if c.isalnum()), "")
    if not t.endswith(";") or code_like(t[:-1]) or t.endswith(");"):
        return False  # a script's statement ("HDN.spotim.commentCount(undefined,1);") is no headline
    return (3 <= line.words <= 35 and len(t) <= 300 and t[-2:-1] not in ".,;:"
            and (first.isupper() or first.isdigit()))
