"""The anchor of relative dates ("on Sunday", "Sept. 28") when no publication date was decided.

Why: many scraped pages carry no publication stamp the cleaner can trust (30 of the 48 dev2
articles), yet the text states its own day in two forms an annotator reads it from, and without
an anchor "on Wednesday" stays unresolved and the event undated:

1. a wire dateline opening the story: "PARIS, Aug 17, 2006 (AFP) - The ministers on Wednesday
   ..." (place, comma, a full date, an optional agency, a dash): by convention the agency's
   day, so "on Wednesday" is the Wednesday before it;
2. a full date outside the body (a photo caption, a header line: "... in Baghdad on March 19,
   2023.") that the body corroborates: a weekday of the body ("on Sunday") names that date's
   own weekday. A caption alone is never trusted (a stock photo may be years old): the weekday
   agreement is the evidence that it shows the story's day; the latest such date wins.

The anchor only resolves the body's relative dates: `Article.published` stays what cleaning
decided (the stage never changes it), so an undated event still gets no date of its own.
"""
from __future__ import annotations

import datetime as dt
import re

from .. import translit
from ..doc import Article, DateMention
from .find import find_dates
from .grammar import grammar

# text before a dateline's date on its line: a place in capitals or title case, maybe ", Country"
_DATELINE_HEAD = re.compile(r"(?:^|\n)[ \t]*[^\W\d_][^\n,.!?;:]{1,40}(?:,[ \t]*[^\W\d_][^\n,.!?;:]{1,30})?,[ \t]*$")
# after it: an optional agency in parentheses and a dash
_DATELINE_TAIL = re.compile(r"[ \t]*(?:\([^()\n]{1,30}\))?[ \t]*(?:-{1,2}|–|—)")
DATELINE_WINDOW = 600  # characters into the body a dateline may stand (after title and lead)


def relative_anchor(doc: Article) -> str | None:
    """The publication date, else a stated anchor (dateline, corroborated caption), else None."""
    if doc.published:
        return doc.published
    if not doc.body or grammar(doc.lang) is None:
        return None
    full = [d for d in find_dates(doc.text, doc.lang) if d.precision == "day" and not d.relative]
    return _dateline(doc, full) or _corroborated(doc, full)


def _in_body(doc: Article, d: DateMention) -> bool:
    return any(s.start <= d.start and d.end <= s.end for s in doc.body)


def _dateline(doc: Article, full: list[DateMention]) -> str | None:
    first = doc.body[0].start
    for d in full:
        if not _in_body(doc, d) or d.start - first > DATELINE_WINDOW:
            continue
        if _DATELINE_HEAD.search(doc.text, max(0, d.start - 80), d.start) and _DATELINE_TAIL.match(doc.text, d.end):
            return d.value
    return None


def _corroborated(doc: Article, full: list[DateMention]) -> str | None:
    outside = sorted({d.value for d in full if not _in_body(doc, d)}, reverse=True)
    if not outside:
        return None
    named = _body_weekdays(doc)
    for value in outside:
        if dt.date.fromisoformat(value).isoweekday() in named:
            return value
    return None


def _body_weekdays(doc: Article) -> set[int]:
    """The weekdays (1-7) the body names as bare weekdays ("on Sunday", "в пятницу")."""
    g = grammar(doc.lang)
    probe = "2000-01-03"  # any Monday: a weekday mention resolves against it, its name is read back
    out = set()
    for span in doc.body:
        for d in find_dates(doc.text[span.start:span.end], doc.lang, probe):
            if not d.relative or d.precision != "day":
                continue
            text = g.transliterate(d.text)[0] if g.transliterate and translit.has_cyrillic(d.text) else d.text
            for word in re.findall(r"\w+", text):
                wd = g.weekdays.get(g.key(word))
                if wd is not None:
                    out.add(wd)
    return out
