"""`Event.date`: the date the sentence gives for the trigger, else the publication date.

Why: a news sentence dates its act in words the dates stage resolved ("on Tuesday", "прошлой
неделей", "13. maja"); a sentence with a date that belongs to something else (a relative
clause, a later championship) must not lend it to the act, and an undated act happened by the
publication date (`explicit` False: merge lets an explicit date win over it).
"""
from __future__ import annotations

from ..doc import Article, DateMention, Token
from .clauses import CLAUSE_MARKS, relative_clause, relative_opener


def event_date(doc: Article, s, toks: list[Token], trigger: int, future: bool, lang: str) -> tuple[str | None, str | None, bool]:
    """(value, precision, explicit): the date the sentence gives for this trigger, else the publication date.

    A date inside a relative clause that does not hold the trigger ("на чемпионате, который
    пройдет в 2018 году", "that will be held in 2018", "koje će se održati") dates something
    else; a date after publication cannot date an act that is not marked future. Of the rest,
    the date in the trigger's own clause (no comma or relative word between) and then the
    nearest wins.
    """
    found = [d for d in _dates_in(doc, s.start, s.end) if _date_usable(d, doc, toks, trigger, future, lang)]
    if found:
        d = min(found, key=lambda d: (_clause_gap(toks, trigger, d, lang), abs(d.start - toks[trigger].start)))
        return d.value, d.precision, True
    if doc.published:
        value = doc.published[:10]
        precision = {4: "year", 7: "month"}.get(len(value), "day")
        return value, precision, False
    return None, None, False


def not_after_publication(e, doc: Article) -> None:
    """A happening the text does not announce as future cannot postdate its article: merging may
    have lent it the date of an announced act ("agreed ... will extend the patrols next year"),
    or a mention may carry a misread date; it then keeps the publication date (not explicit)."""
    if e.date and not e.future and _after_publication(e.date, _reference(doc)):
        value = (doc.published or "")[:10]
        e.date, e.date_precision = value or None, {4: "year", 7: "month"}.get(len(value), "day") if value else None


def _dates_in(doc: Article, start: int, end: int) -> list[DateMention]:
    """The date mentions (the dates stage's) that lie within [start, end)."""
    return [d for d in doc.dates if start <= d.start and d.end <= end]


def _date_tokens(toks: list[Token], d: DateMention) -> tuple[int, int] | None:
    idx = [t.i for t in toks if t.start < d.end and d.start < t.end]
    return (idx[0], idx[-1]) if idx else None


def _reference(doc: Article) -> str | None:
    """The article's day: its publication date, else the day its text states (a wire dateline, a
    corroborated caption: `accord.dates.anchor`, kept by the dates stage in `meta`)."""
    return doc.published or doc.meta.get("date_anchor")


def _after_publication(value: str, published: str | None) -> bool:
    if not published:
        return False
    n = min(len(value), len(published[:10]))
    return value[:n] > published[:n]


def _date_usable(d: DateMention, doc: Article, toks: list[Token], trigger: int, future: bool, lang: str) -> bool:
    if not future and _after_publication(d.value, _reference(doc)):
        return False
    rng = _date_tokens(toks, d)
    if rng is None:
        return True
    clause = relative_clause(toks, rng[0], lang)
    return clause is None or clause[0] <= trigger <= clause[1]


def _clause_gap(toks: list[Token], trigger: int, d: DateMention, lang: str) -> int:
    """1 when a comma, semicolon or relative word stands between the trigger and the date, else 0."""
    rng = _date_tokens(toks, d)
    if rng is None:
        return 1
    lo, hi = (trigger + 1, rng[0]) if rng[0] > trigger else (rng[1] + 1, trigger)
    return int(any(toks[j].text in CLAUSE_MARKS or relative_opener(toks, j, lang) for j in range(lo, hi)))
