"""English places the model mistypes or misses: a name the document writes with a place noun
('the town of Tavildara'), a dateline's place and region ('KHASAVYURT, Russia 1996-08-31'),
capitalised words closed by a street noun ('Wall Street').
"""
from __future__ import annotations

import re

from ...doc import Article, Mention
from ...ner import knowledge
from ...ner.spans import body_lines, make
from .boundaries import ARTICLES, date_words
from .persons import has_first_name


_PLACE_BEFORE = re.compile(r"\b([a-z]+) of (?:the )?$")
_PLACE_AFTER = re.compile(r"^ ([a-z]+)\b")


def places_by_context(mentions: list[Mention], text: str) -> list[Mention]:
    """'the town of Tavildara', 'the Arctic island of Spitzbergen', 'the Nagorno-Karabakh
    region': a name the document writes with a place noun is a place in all its mentions
    (unless some mention is a person with a first name)."""
    nouns = knowledge.words("en", "place_nouns.txt")
    placed = set()
    for m in mentions:
        if " " in m.text and m.type == "ORG":
            continue
        before = _PLACE_BEFORE.search(text, max(0, m.start - 30), m.start)
        after = _PLACE_AFTER.match(text[m.end:m.end + 20])
        if before and before.group(1) in nouns or after and after.group(1) in nouns:
            placed.add(m.text.casefold())
    if placed:
        persons = {m.text.casefold() for m in mentions if m.type == "PER" and has_first_name(m)}
        for m in mentions:
            if m.text.casefold() in placed and m.text.casefold() not in persons:
                m.type = "LOC"
    return mentions


# 'LAGOS 1996-08-30', 'KHASAVYURT , Russia 1996-08-31', 'BELGRADE, Nov 20 (Reuters) -':
# a dateline opens a story with the place it was filed from, in capitals
_DATELINE = re.compile(
    r"(?P<place>[A-Z][A-Z'’.\-]+(?: [A-Z][A-Z'’.\-]+){0,3})"
    r"(?: ?, (?P<region>[A-Z][\w'’.\-]*(?: [A-Z][\w'’.\-]*){0,2}))?"
    r" ?(?:,|-|–|—)? ?(?=\d{4}-\d\d-\d\d|\d{1,2}[./]\d{1,2}[./]\d{2,4}|\((?:Reuters|AP|AFP|dpa|UPI|Xinhua|"
    r"Interfax|Tanjug|Beta|FoNet|TASS|ITAR-TASS|RIA Novosti|Anadolu)\)|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
    r"[a-z]*\.? \d{1,2}\b)")


def datelines(doc: Article, mentions: list[Mention]) -> list[Mention]:
    """The place (and region) of a dateline are places, over what the model made of them."""
    found = []
    for start, end in body_lines(doc):
        mo = _DATELINE.match(doc.text, start, end)
        if not mo or sum(c.isalpha() for c in mo.group("place")) < 3:
            continue
        for group in ("place", "region"):
            if mo.group(group):
                m = make(doc.text, mo.start(group), mo.end(group), "LOC", "spacy-dateline")
                if m is not None:
                    found.append(m)
    if not found:
        return mentions
    kept = [m for m in mentions if not any(m.start < f.end and f.start < m.end for f in found)]
    return sorted(kept + found, key=lambda m: m.start)


_STREET = re.compile(r"(?<![\w'’.-])(?:[A-Z][a-z][\w'’-]* )+(?P<noun>[A-Z][a-z]+)(?![\w'’-])")


def streets(doc: Article, mentions: list[Mention]) -> list[Mention]:
    """'Wall Street', 'Grace Road': capitalised words closed by a street noun, left untagged by
    the model, name a place."""
    text = doc.text
    nouns = knowledge.words("en", "street_nouns.txt")
    taken = [(m.start, m.end) for m in mentions]
    added = []
    for start, end in body_lines(doc):
        for mo in _STREET.finditer(text, start, end):
            if mo.group("noun").casefold() not in nouns:
                continue
            s, e = mo.start(), mo.end()
            first = text[s:e].split()[0]
            if first in date_words() or f"{first} " in ARTICLES or first.casefold() in knowledge.words("en", "clause_stop.txt"):
                s += len(first) + 1
            if e - s <= len(mo.group("noun")) or any(a < e and s < b for a, b in taken):
                continue
            m = make(text, s, e, "LOC", "spacy-street")
            if m is not None:
                added.append(m)
                taken.append((s, e))
    return sorted(mentions + added, key=lambda m: m.start)
