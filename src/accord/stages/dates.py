"""Stage 'dates': every date expression in the body, normalised, keeping its precision.

Why our own grammar: dateparser's search is slow, finds dates in numbers ("20 Serbian
officers") and misses Serbian genitive months ("31. jula 2016."). A small regex grammar per
language, built from data files in accord/lang/<code>/ (months.tsv, weekdays.tsv,
date_words.tsv, date_relative.tsv, date_weekday_prefixes.tsv, dates.tsv settings), covers the
forms news uses:

    27 декабря 2019 года / 31. jula 2016. / Sept. 28, 2023      -> day
    в конце февраля 2020 года / децембра 2019. / early March     -> month
    в 2018 году / 2016. godine / in 2019                         -> year (only in a date context)
    08.09.2021 / 23. 08. 2022. / 2019-09-18                      -> day
    2 июня / on Wednesday / вчера / u utorak / прошлой неделе    -> resolved against
                                                                    Article.published, else skipped

Serbian Cyrillic is transliterated (offset-aligned) so one Latin list serves both scripts.
Other stages read the result with `dates_in(doc, start, end)`; `find_dates(text, lang,
published)` runs the grammar on any string (for example a dateline).
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from .. import translit
from ..doc import Article, DateMention
from ..lang import get as language, load_tsv
from ..pipeline.registry import Component

COMPONENT = Component("dates", requires=("text", "body", "lang", "published"), assigns=("dates",))

_TRANSLITERATORS: dict[str, Callable[[str], tuple[str, list[int]]]] = {"sr_to_latin": translit.sr_to_latin_aligned}
_LOWER = "a-zа-яёčćšžđ"  # a lower-case letter in any script we transliterate into or match
_DAY_SUFFIX = r"(?:st|nd|rd|th|\.|-?го|-?е)?"  # 28th, 31., 2-го
_SEPARATORS = r"[\s,(]{0,3}"  # between a weekday and the explicit date it introduces


@dataclass(frozen=True)
class Grammar:
    """Compiled patterns and lookup tables of one language."""

    patterns: tuple[tuple[str, re.Pattern[str]], ...]
    months: dict[str, int]
    weekdays: dict[str, int]
    weekday_prefixes: dict[str, str]
    relative: dict[str, tuple[str, int]]
    month_dirs: dict[str, str]  # "last" -> prev_month, "next" -> next_month
    range_start: re.Pattern[str] | None  # "3 по " / "20-" before a full date: a range's first day
    case_sensitive: bool
    slash_order: str
    transliterate: Callable[[str], tuple[str, list[int]]] | None

    def key(self, form: str) -> str:
        form = " ".join(form.split())
        return form if self.case_sensitive else form.casefold()


def _alt(forms) -> str:
    """Regex alternation, longest first, each form escaped; spaces match any whitespace."""
    uniq = sorted(set(forms), key=lambda f: (-len(f), f))
    return "|".join(r"\s+".join(re.escape(part) for part in f.split()) for f in uniq)


@lru_cache(maxsize=None)
def grammar(lang: str) -> Grammar | None:
    """The date grammar of a language folder (a variant's months and words added to its
    family's), or None for a language accord has no folder for."""
    if language(lang) is None:
        return None
    months_rows = load_tsv(lang, "months.tsv")
    if not months_rows:
        return None
    settings = {row[0]: row[1] if len(row) > 1 else "" for row in load_tsv(lang, "dates.tsv")}
    case_sensitive = settings.get("case_sensitive", "no") == "yes"
    fold = (lambda s: s) if case_sensitive else str.casefold
    months = {fold(f): int(m) for f, m in months_rows}
    weekdays = {fold(f): int(d) for f, d in load_tsv(lang, "weekdays.tsv")}
    words = load_tsv(lang, "date_words.tsv")
    preps = [w for w, kind in words if kind == "prep"]
    month_preps = preps + [w for w, kind in words if kind == "month_prep"]
    parts = [w for w, kind in words if kind == "part"]
    markers = [w for w, kind in words if kind == "year_marker"]
    month_dirs = {w.casefold(): kind for w, kind in words if kind in ("prev_month", "next_month")}
    range_words = [w for w, kind in words if kind == "range"]
    wprefixes = {w.casefold(): d for w, d in load_tsv(lang, "date_weekday_prefixes.tsv")}
    relative = {p.casefold(): (u, int(o)) for p, u, o in load_tsv(lang, "date_relative.tsv")}
    orders = settings.get("orders", "dmy").split()

    cs = "(?i)"  # date words match in any case; months and weekdays may opt out (English "may")
    M = rf"(?P<m>(?-i:{_alt(months)}))" if case_sensitive else rf"(?P<m>{_alt(months)})"
    W = rf"(?P<w>(?-i:{_alt(weekdays)}))" if case_sensitive else rf"(?P<w>{_alt(weekdays)})"
    year_digits = r"(?P<y>(?:1\d|20)\d\d)"
    year = year_digits + r"(?!\d)"
    marker = rf"(?:\.?\s*(?:{_alt(markers)})(?!\w))" if markers else "(?!)"
    prep = rf"(?:{_alt(preps)})" if preps else "(?!)"
    part = rf"(?P<part>{_alt(parts)})" if parts else "(?P<part>(?!))"
    day = rf"(?P<d>[0-3]?\d){_DAY_SUFFIX}"
    b, e = r"(?<![\w.])", r"(?!\w)"
    year_opt = rf"(?:,?\s+{year}{marker}?)?"
    # a bare year followed by a lower-case word is a count ("до 2000 человек"), unless the
    # word is itself a date word ("с 2014 по 2016 год"); English allows it ("in 2019 the ...")
    lower_next = "" if settings.get("bare_year_lowercase_next", "reject") == "allow" else \
        rf"(?!\s+(?!(?:{_alt(preps + parts)})(?!\w))[{_LOWER}])"

    specs: list[tuple[str, str]] = [
        ("iso", rf"(?<![\d.-]){year_digits}-(?P<mo>[01]\d)-(?P<d>[0-3]\d)(?![\d-])"),
        ("numeric", r"(?<![\d.,:/-])(?P<a>[0-3]?\d)(?P<sep>[./-])\s?(?P<bb>[0-3]?\d)(?P=sep)\s?"
                    r"(?P<y>(?:19|20)\d\d)(?!\d|\.\d|-\d|/\d)"),
    ]
    if "dmy" in orders:
        specs.append(("dmy", rf"{b}{day}(?:\s+of)?\s+{M}{year_opt}{e}"))
    if "mdy" in orders:
        specs.append(("mdy", rf"{b}{M}\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?(?![\d:])(?:,?\s+{year}{marker}?)?{e}"))
    specs += [
        ("my", rf"{b}(?:{part}[\s-]+)?{M}\.?,?\s+{year}{marker}?{e}"),
        ("m", rf"{b}(?:(?P<dir>{_alt(month_dirs) or '(?!)'})\s+|(?:{_alt(month_preps)})\s+|{part}[\s-]+){M}{e}(?!\.?\s*\d)"),
        ("y_marked", rf"{b}(?:(?:{part}|{prep})[\s-]+)?{year}{marker}{e}"),
        ("y_context", rf"{b}(?:{part}[\s-]+|{prep}\s+){year}(?!\.\d|[-–]\d\d(?!\d)){lower_next}{e}"),
        ("weekday", rf"{b}(?:(?P<wp>{_alt(wprefixes)})\s+)" + ("" if settings.get("weekday_prefix_required") == "yes" else "?") + rf"{W}{e}"),
    ]
    if relative:
        specs.append(("relative", rf"{b}(?P<r>{_alt(relative)}){e}"))
    patterns = tuple((name, re.compile(cs + rx)) for name, rx in specs)
    joins = "|".join(rf"\s+{re.escape(w)}\s+" if w.isalpha() else rf"\s*{re.escape(w)}\s*" for w in range_words)
    range_start = re.compile(rf"(?i)(?<![\d.:,/])(?P<n>\d{{1,4}})\.?(?:{joins})$") if joins else None
    translit_name = settings.get("transliterate")
    return Grammar(patterns, months, weekdays, wprefixes, relative, month_dirs, range_start, case_sensitive,
                   settings.get("slash_order", "dmy"), _TRANSLITERATORS.get(translit_name) if translit_name else None)


@dataclass(frozen=True)
class Anchor:
    """What is known of the publication date: a year, maybe a month, maybe a day."""

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, published: str | None) -> Anchor | None:
        m = re.match(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", published or "")
        if not m:
            return None
        y, mo, d = (int(g) if g else None for g in m.groups())
        return cls(y, mo, d)

    @property
    def date(self) -> dt.date | None:
        return dt.date(self.year, self.month, self.day) if self.month and self.day else None


def _day_value(y: int, m: int, d: int) -> str | None:
    try:
        return dt.date(y, m, d).isoformat()
    except ValueError:
        return None


def _resolve(kind: str, m: re.Match[str], g: Grammar, anchor: Anchor | None) -> tuple[str, str, bool] | None:
    """(value, precision, relative) of one match, or None when it is no date or unresolvable."""
    gd = m.groupdict()
    y = int(gd["y"]) if gd.get("y") else None
    if kind == "iso":
        v = _day_value(y, int(gd["mo"]), int(gd["d"]))
        return (v, "day", False) if v else None
    if kind == "numeric":
        a, bb = int(gd["a"]), int(gd["bb"])
        day, month = (bb, a) if gd["sep"] == "/" and g.slash_order == "mdy" and a <= 12 else (a, bb)
        v = _day_value(y, month, day)
        return (v, "day", False) if v else None
    if kind in ("dmy", "mdy", "my", "m"):
        month = g.months.get(g.key(gd["m"]))
        if month is None:
            return None
        if kind in ("dmy", "mdy"):
            if y is None:
                if anchor is None:
                    return None
                v = _day_value(anchor.year, month, int(gd["d"]))
                return (v, "day", True) if v else None
            v = _day_value(y, month, int(gd["d"]))
            return (v, "day", False) if v else None
        if y is None:
            if anchor is None:
                return None
            y = anchor.year
            direction = g.month_dirs.get(" ".join((gd.get("dir") or "").casefold().split()))
            if direction == "prev_month" and month >= (anchor.month or 13):
                y -= 1
            elif direction == "next_month" and month <= (anchor.month or 0):
                y += 1
            elif direction == "prev_month" and anchor.month is None:
                y -= 1
            return f"{y:04d}-{month:02d}", "month", True
        return f"{y:04d}-{month:02d}", "month", False
    if kind in ("y_marked", "y_context"):
        return f"{y:04d}", "year", False
    if anchor is None:
        return None
    if kind == "weekday":
        base = anchor.date
        if base is None:
            return None
        wd = g.weekdays.get(g.key(gd["w"]))
        if wd is None:
            return None
        direction = g.weekday_prefixes.get(" ".join((gd.get("wp") or "").casefold().split()), "past")
        if direction == "next":
            delta = (wd - base.isoweekday()) % 7 or 7
        else:
            delta = -((base.isoweekday() - wd) % 7)
            if direction == "prev" and delta == 0:
                delta = -7
        return (base + dt.timedelta(days=delta)).isoformat(), "day", True
    if kind == "relative":
        unit, offset = g.relative[" ".join(gd["r"].casefold().split())]
        return _relative(unit, offset, anchor)
    return None


def _relative(unit: str, offset: int, anchor: Anchor) -> tuple[str, str, bool] | None:
    if unit == "year":
        return f"{anchor.year + offset:04d}", "year", True
    if unit == "month":
        if anchor.month is None:
            return None
        index = anchor.year * 12 + anchor.month - 1 + offset
        return f"{index // 12:04d}-{index % 12 + 1:02d}", "month", True
    base = anchor.date
    if base is None:
        return None
    if unit == "week":  # the Monday of that week, with precision "week"
        monday = base - dt.timedelta(days=base.isoweekday() - 1) + dt.timedelta(weeks=offset)
        return monday.isoformat(), "week", True
    return (base + dt.timedelta(days=offset)).isoformat(), "day", True


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
            resolved = _resolve(kind, m, g, anchor)
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
            first = _day_value(int(value[:4]), int(value[5:7]), n)
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


@COMPONENT.runs
def run(doc: Article) -> None:
    doc.dates = []
    for span in doc.body:
        doc.dates.extend(find_dates(doc.text[span.start:span.end], doc.lang, doc.published, offset=span.start))


def dates_in(doc: Article, start: int, end: int) -> list[DateMention]:
    """The document's date mentions lying inside [start, end) (a sentence, a paragraph)."""
    return [d for d in doc.dates if start <= d.start and d.end <= end]
