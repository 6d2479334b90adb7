"""The publication date (`Article.published`) and where the text states it (`published_span`).

This is the one place the field is decided. The reader (stages/read.py) only passes what an
input says: a JSON Lines record's `published`, or trafilatura's `date` read from HTML, both in
`Article.meta`. The dates stage reads the decided value as the anchor of relative dates
("yesterday") and never changes it.

The cascade, first that holds:

1. metadata: `meta["published"]`, else `meta["date"]`, when it starts with an ISO day
   (YYYY-MM-DD; the first ten characters are kept); no span;
2. the first stamp in the header (the lines up to the first prose paragraph): a short stamp line
   ("3 июня 2016, 08:37 Политика", "RTS 15.10.2021") or a stamp that opens a prose line
   ("date 2019-09-19 BELGRADE (Xinhua) — ...");
3. the first labelled stamp further down ("Objavljeno: 12.10.2022."), never one in comments;
4. none: a photo's copyright year or a year in the story never becomes the publication date.

A stamp's date is a day-precision, non-relative date of 1990-2100 found by any language's date
grammar (`accord.dates`): cleaning runs before the language is known.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..dates import find_dates
from ..doc import Article, Span
from ..lang import LANGS, Language, get, load_tsv
from .lexicon import Lexicon
from .lines import WORD_RE, Line, any_key, key, keys, latin_forms

TIME_RE = re.compile(r"(?<![\d:.])([01]?\d|2[0-3])[:.h]([0-5]\d)(?::[0-5]\d)?(?![\d:])")
_NAME_TOKEN_RE = re.compile(r"[^\W_][\w.-]*")
_SEPARATORS = r"[\s.,|/–—-]*"
# what may follow a stamp's date before the prose: a time word ("u", "в", "at"), a time, separators
_AFTER_DATE = re.compile(_SEPARATORS + r"(?:(?P<word>[^\W\d_]+)\s+)?(?:" + TIME_RE.pattern + r")?" + _SEPARATORS)
_AFTER_DATE_WITHOUT_WORD = re.compile(_SEPARATORS + r"(?:" + TIME_RE.pattern + r")?" + _SEPARATORS)


@lru_cache(maxsize=8192)
def day_dates(text: str) -> tuple[tuple[int, int, str], ...]:
    """Day-precision dates in a short string, by any language's grammar: (start, end, ISO)."""
    if not any(c.isdigit() for c in text):
        return ()
    found: dict[tuple[int, int], str] = {}
    for lang in LANGS:
        for d in find_dates(text, lang):
            if d.precision == "day" and not d.relative and 1990 <= int(d.value[:4]) <= 2100:
                found.setdefault((d.start, d.end), d.value)
    spans = sorted(found, key=lambda se: (se[0], -(se[1] - se[0])))
    out, last_end = [], -1
    for s, e in spans:
        if s >= last_end:
            out.append((s, e, found[(s, e)]))
            last_end = e
    return tuple(out)


def stamp_line(line: Line, lex: Lexicon) -> bool:
    """A short line made of a date and/or time plus at most three other words.

    Sets `line.stamp` (the stated date) and `line.outlet` (a short name before the date, as in
    "RTS 15.10.2021"); words after the date are a rubric ("3 июня 2016, 08:37 Политика").
    """
    t = line.text
    if len(t) > 90 or "©" in t or lex.photo_start_re.match(t) or any(lex.photo_start_re.match(f) for f in latin_forms(t)):
        return False  # a dated photo credit ("© Reuters 12.05.2020") states no publication date
    dates = day_dates(t)
    times = [m.span() for m in TIME_RE.finditer(t)]
    if not dates and not times:
        return False
    rest = list(t)
    for s, e, _ in dates:
        rest[s:e] = " " * (e - s)
    for s, e in times:
        rest[s:e] = " " * (e - s)
    rest_text = "".join(rest)
    stamp_words = lex.stamp_words | lex.weekdays
    leftover = [w for w in keys(rest_text)[-1].split() if w not in stamp_words and len(w) > 1]
    leftover0 = [w for w in key(rest_text).split() if w not in stamp_words and len(w) > 1]
    if min(len(leftover), len(leftover0)) > 3 or re.search(r"[^\W\d_]{2,}[.!?]\s+[^\W\d_]", rest_text):
        return False
    if not dates and len(leftover0) > 1:
        return False
    if dates:
        s, e, iso = dates[0]
        line.stamp = (line.start + s, line.start + e, iso)
        line.extra["labelled"] = any_key(line, lex.stamp_label_re.match)
        lead = t[: min([s] + [ts for ts, _ in times])]
        # name tokens keep their digits and dots ("N1 Info", "B92", "Telegraf.rs")
        lead_words = [w.strip(".-") for w in _NAME_TOKEN_RE.findall(lead) if key(w) not in stamp_words]
        lead_words = [w for w in lead_words if w and WORD_RE.search(w)]
        if 1 <= len(lead_words) <= 2 and not all(key(w) in lex.nav for w in lead_words) and lead_words[0][0].isupper():
            line.outlet = " ".join(lead_words)
    return True


@lru_cache(maxsize=1)
def _time_words() -> tuple[tuple[Language, frozenset[str]], ...]:
    """Each family root with its `time_prep` words of date_words.tsv ("at" in "2019-09-19 at 10:15")."""
    out = []
    for code in LANGS:
        language = get(code)
        if language is not None:
            out.append((language, frozenset(word for word, kind in load_tsv(code, "date_words.tsv") if kind == "time_prep")))
    return tuple(out)


def _time_word(word: str) -> bool:
    """A family's time word, as written or in the script the family writes its lists in."""
    return any(word in words or language.to_latin(word) in words for language, words in _time_words())


def stamp_prefix(line: Line, lex: Lexicon) -> int:
    """Length of a stamp that opens a prose line ("date 2019-09-19 BELGRADE (Xinhua) — ..."), or 0.

    Only a labelled stamp ("Published: ...") or an ISO date counts: prose may begin with a date.
    Sets `line.stamp`.
    """
    t = line.text[:120]
    if not any(c.isdigit() for c in t):
        return 0
    found = next((m for m in (lex.stamp_label_re.match(k) for k in line.keys) if m), None)
    labelled = found.group(1) if found else None
    dates = day_dates(t)
    if not dates:
        return 0
    s, e, iso = dates[0]
    head = t[:s]
    if labelled is None and not (s == 0 and re.fullmatch(r"\d{4}-\d{2}-\d{2}", t[s:e])):
        return 0
    if labelled is not None and len(WORD_RE.findall(head)) > len(labelled.split()):
        return 0
    end = e
    m = _AFTER_DATE.match(t, end)
    if m.group("word") is not None and not _time_word(m.group("word")):
        m = _AFTER_DATE_WITHOUT_WORD.match(t, end)
    end = m.end()
    if len(WORD_RE.findall(line.text[end:])) < 3:
        return 0
    line.stamp = (line.start + s, line.start + e, iso)
    return end


def decide(doc: Article, lines: list[Line], header: list[Line]) -> None:
    """Set `doc.published` (and `doc.published_span` for a stated stamp) by the cascade above."""
    published = doc.meta.get("published") or doc.meta.get("date")
    if isinstance(published, str) and re.match(r"\d{4}-\d{2}-\d{2}", published):
        doc.published = published[:10]
        return
    stamp = next((ln.stamp for ln in header if ln.stamp), None)
    if stamp is None:  # a labelled stamp further down ("Objavljeno: ..."), never in comments
        stamp = next((ln.stamp for ln in lines if ln.stamp and ln.extra.get("labelled") and ln.noise != "comments"), None)
    if stamp:
        s, e, iso = stamp
        doc.published = iso
        doc.published_span = Span(start=s, end=e)
