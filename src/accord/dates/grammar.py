"""The date grammar of one language, compiled from its folder's data files.

Why our own grammar: dateparser's search is slow, finds dates in numbers ("20 Serbian
officers") and misses Serbian genitive months ("31. jula 2016."). A small regex grammar per
language is built from data files in accord/lang/<code>/: months.tsv, weekdays.tsv,
date_words.tsv (prepositions, period parts, year markers, range words, month directions),
date_relative.tsv ("вчера" -> day -1), date_weekday_prefixes.tsv ("прошлый" -> prev) and the
settings in dates.tsv (case sensitivity, day/month orders, slash order, whether a weekday needs
a prefix, whether a bare year may precede a lower-case word, a transliterator). A variant's
months and words are added to its family's.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from .. import translit
from ..lang import get as language, load_tsv

_TRANSLITERATORS: dict[str, Callable[[str], tuple[str, list[int]]]] = {"sr_to_latin": translit.sr_to_latin_aligned}
_LOWER = "a-zа-яёčćšžđ"  # a lower-case letter in any script we transliterate into or match
_DAY_SUFFIX = r"(?:st|nd|rd|th|\.|-?го|-?е)?"  # 28th, 31., 2-го


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
