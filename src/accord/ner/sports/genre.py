"""Genre: is this article sports copy, and does a sentence of it report a match?

Why a module of its own: the entities stage reads sports copy differently (teams named after
places are organisations), and the events stage asks again so that 'Russia beat Serbia 3-1' codes
no conflict. A document is sports copy when a desk tag opens it ('CRICKET - ...'), or it has three
different sports words, or two results lines, or a sports word and a score beside a results word.
A language whose folder has no sports lists has no sports copy.
"""
from __future__ import annotations

import re

from ...doc import Article
from ..spans import body_lines
from .names import word_list
from .results import results_names

_WORDS = re.compile(r"[^\W\d_][\w'’.-]*")


def has_data(lang: str) -> bool:
    """Sports copy is read only in a language whose folder has the sports lists (English)."""
    from ...lang import get as language

    found = language(lang)
    return found is not None and found.has_data("sports_desks.txt") and bool(word_list(lang, "sports_desks.txt"))


def desk_tag(text: str, start: int, end: int, lang: str) -> tuple[int, int] | None:
    """(start, end) of a sports desk tag opening a line ('CRICKET - ...', 'Boxing-Bruno quits')."""
    line = text[start:end]
    mo = re.match(r"\s*([^\W\d_][^\W\d_ ]*(?: [^\W\d_]+){0,2}?)\s*(?:-|–|—|:)", line)
    if mo and mo.group(1).casefold() in word_list(lang, "sports_desks.txt"):
        return start + mo.start(1), start + mo.end(1)
    return None


def _phrases(text: str, words: frozenset[str]) -> set[str]:
    """The items of a word list (single words or phrases) that occur in text (case aside)."""
    tokens = [w.casefold().rstrip(".") for w in _WORDS.findall(text)]
    found = {t for t in tokens if t in words}
    joined = " " + " ".join(tokens) + " "
    found.update(p for p in words if " " in p and f" {p} " in joined)
    return found


MATCH_SCORE = re.compile(r"(?<![\d.,-])\d{1,3}-\d{1,3}(?![\d-])")


def is_sports(doc: Article, lines: list[tuple[int, int]], lang: str) -> bool:
    """Sports copy: a desk tag opens it, or it has three different sports words, or two lines of
    results (two competitors with scores each), or a sports word and a result with its score
    ('the Bulls beat the Pistons 101-95')."""
    if lines and desk_tag(doc.text, *lines[0], lang):
        return True
    body = " ".join(doc.text[s:e] for s, e in lines)
    vocabulary = _phrases(body, word_list(lang, "sports_words.txt"))
    if len(vocabulary) >= 3:
        return True
    if sum(len(results_names(doc.text, s, e)[0]) >= 2 for s, e in lines) >= 2:
        return True
    results = word_list(lang, "sports_results.txt")
    return bool(vocabulary) and any(MATCH_SCORE.search(doc.text, s, e) and _phrases(doc.text[s:e], results)
                                    for s, e in lines)


def is_sports_copy(doc: Article, lang: str) -> bool:
    """is_sports over the document's body lines, for later stages (a language without sports
    lists has none)."""
    if not has_data(lang):
        return False
    lines = body_lines(doc)
    return bool(lines) and is_sports(doc, lines, lang)


def reports_match(text: str, start: int, end: int, trigger: str, lang: str) -> bool:
    """In sports copy, 'Russia beat Serbia 3-1' reports a match: a sentence with a score or a
    results line, or an act whose trigger is a results word ('beat', 'defeated'), codes no
    conflict."""
    if trigger.casefold() in word_list(lang, "sports_results.txt") or MATCH_SCORE.search(text, start, end):
        return True
    return any(len(results_names(text, s, e)[0]) >= 2 for s, e in _split_lines(text, start, end))


def _split_lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out, pos = [], start
    for line in text[start:end].split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out
