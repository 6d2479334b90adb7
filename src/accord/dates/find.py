"""`find_dates`: every date mention of a string, by one language's grammar.

All patterns of the grammar are tried; when two readings cover the same characters, the more
explicit wins (`_RANK`); a weekday that only introduces an explicit date is dropped, and the
first day or year of a range ("с 3 по 17 апреля") is added. Serbian Cyrillic is transliterated
(offset-aligned) so one Latin grammar serves both scripts.
"""
from __future__ import annotations

import re

from .. import translit
from ..doc import DateMention
from .grammar import Grammar, grammar
from .resolve import Anchor, day_value, resolve

_SEPARATORS = r"[\s,(]{0,3}"  # between a weekday and the explicit date it introduces

# when two readings cover the same characters, the more explicit wins
_RANK = {"iso": 0, "numeric": 0, "dmy": 1, "mdy": 1, "my": 2, "y_marked": 3, "m": 4, "relative": 4, "y_context": 5, "weekday": 6}


# What every match of a pattern contains: a four-digit year (1000-2099, as `year_digits` and the
# numeric pattern's year) or a digit. A text without one cannot match, so its scan is skipped:
# most body lines hold no year, and each scan tries the pattern at every character.
_YEAR_DIGITS = re.compile(r"(?:1\d|20)\d\d")
_DIGIT = re.compile(r"\d")
_NEEDS_YEAR = frozenset(("iso", "numeric", "my", "y_marked", "y_context"))
_NEEDS_DIGIT = frozenset(("dmy", "mdy"))


def find_dates(text: str, lang: str, published: str | None = None, offset: int = 0) -> list[DateMention]:
    """Date mentions in `text` (offsets shifted by `offset`), non-overlapping, in text order."""
    g = grammar(lang)
    if g is None:  # an unsupported language: its record says so, nothing is read half-way
        return []
    if g.transliterate and translit.has_cyrillic(text):
        scan, index = g.transliterate(text)
    else:
        scan, index = text, None
    anchor = Anchor.parse(published)
    has_digit = _DIGIT.search(scan) is not None
    has_year = has_digit and _YEAR_DIGITS.search(scan) is not None
    candidates = []
    for kind, pattern in g.patterns:
        if (not has_year and kind in _NEEDS_YEAR) or (not has_digit and kind in _NEEDS_DIGIT):
            continue
        for m in pattern.finditer(scan):
            resolved = resolve(kind, m, g, anchor)
            if resolved is None:
                continue
            s, e = m.span()
            if index is not None:
                s, e = index[s], index[e - 1] + 1
            candidates.append((s, e, kind, resolved))
    candidates.sort(key=lambda c: (_RANK[c[2]], -(c[1] - c[0]), c[0]))
    chosen: list[tuple[int, int, str, tuple[str, str, bool]]] = []
    for c in candidates:
        if all(c[1] <= o[0] or o[1] <= c[0] for o in chosen):
            chosen.append(c)
    chosen = [c for c in chosen if not (c[2] == "weekday" and _next_to_explicit(c, chosen, text))]
    chosen += _range_starts(chosen, scan, index, g)
    chosen.sort()
    return [DateMention(start=s + offset, end=e + offset, text=text[s:e], value=v, precision=p, relative=r)
            for s, e, _, (v, p, r) in chosen]


def _range_starts(chosen, scan: str, index: list[int] | None, g: Grammar) -> list:
    """'с 3 по 17 апреля', '20-21. marta', 'в 1995 и 2002 году': the range's first day or year."""
    if g.range_start is None:
        return []
    where = {c[0]: c for c in chosen}
    starts = []
    back = None  # original offset -> its first scan offset, made when a range end needs it
    for s, e, kind, (value, precision, rel) in chosen:
        if kind not in ("dmy", "y_marked"):
            continue
        if index is not None and back is None:
            back = {orig: i for i, orig in reversed(list(enumerate(index)))}
        scan_s = back[s] if back is not None else s
        m = g.range_start.search(scan[max(0, scan_s - 20):scan_s])
        if not m:
            continue
        n = int(m.group("n"))
        if kind == "dmy" and precision == "day":
            first = day_value(int(value[:4]), int(value[5:7]), n)
            if first is None or first >= value:
                continue
            new = (first, "day", rel)
        elif kind == "y_marked" and 1000 <= n < int(value):
            new = (f"{n:04d}", "year", rel)
        else:
            continue
        ns, ne = max(0, scan_s - 20) + m.start("n"), max(0, scan_s - 20) + m.end("n")
        if index is not None:
            ns, ne = index[ns], index[ne - 1] + 1
        if not any(o[0] < ne and ns < o[1] for o in chosen) and ns not in where:
            starts.append((ns, ne, kind, new))
    return starts


def _next_to_explicit(weekday, chosen, text: str) -> bool:
    """'Thursday, June 2' / 'в четверг, 2 июня': the weekday only introduces the date."""
    for s, e, kind, _ in chosen:
        if kind in ("iso", "numeric", "dmy", "mdy"):
            gap = text[weekday[1]:s] if s >= weekday[1] else text[e:weekday[0]]
            if re.fullmatch(_SEPARATORS, gap):
                return True
    return False
