"""Where an English name starts and ends: a leading article and a possessive are no part of it
('the Russian MIA' -> 'Russian MIA', "Serbia's" -> 'Serbia'), nor are lower-case descriptors
after it or a date before it ('Interfax news agency', 'August Chicago NAPM'); a model span is cut
at headline and table separators, brackets and an owner's possessive ('GERMANY - Bunds',
"Interior Ministry's Service"); the stop closing a legal form or a state abbreviation is part
of it ('NationsBank Corp.').
"""
from __future__ import annotations

import re
from functools import lru_cache

from ...doc import Mention
from ...lang import load_list, load_tsv
from ...ner import knowledge
from .organisations import company_words

ARTICLES = ("the ", "The ", "THE ")
POSSESSIVES = ("'s", "’s", "'", "’")


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    for a in ARTICLES:
        if text.startswith(a, start) and end - start > len(a):
            start += len(a)
    for p in POSSESSIVES:
        if text.endswith(p, start, end) and end - start > len(p) + 1:
            end -= len(p)
            break
    return start, end


@lru_cache(maxsize=1)
def date_words() -> frozenset[str]:
    return frozenset(r[0] for name in ("months.tsv", "weekdays.tsv") for r in load_tsv("en", name) if r)


@lru_cache(maxsize=1)
def title_abbreviations() -> frozenset[str]:
    """'Col.', 'Gen.', 'Lt.': the abbreviations of abbreviations.txt that are no month ('Jan.')
    nor part of a place's name ('St.', 'Mt.', 'Ft.')."""
    return frozenset(w for w in load_list("en", "abbreviations.txt")
                     if w[:1].isupper() and w not in ("St.", "Mt.", "Ft.")
                     and not any(d.casefold().startswith(w.rstrip(".").casefold()) for d in date_words()))


def trim_descriptors(text: str, start: int, end: int) -> tuple[int, int]:
    """An English name is capitalised: lower-case words after it describe it ('Interfax news
    agency', 'Jiangsu province', 'Stansted airport'), and a month or weekday before it dates it
    ('August Chicago NAPM'); neither is part of the name, nor a title abbreviation after it that
    opens a person's name ('Russian Col. Gen. ...')."""
    words = text[start:end].split(" ")
    tail = len(words)
    while tail > 1 and words[tail - 1].isalpha() and words[tail - 1].islower():
        tail -= 1
    # a title abbreviation opens the next person's name ('Russian Col. Gen. Anatoly Sidorov')
    while tail > 1 and tail == len(words) and text[end:end + 1] == "." and words[-1][:1].isupper() \
            and words[-1] + "." in title_abbreviations():
        words, tail, end = words[:-1], tail - 1, end - len(words[-1]) - 1
    if tail < len(words) and words[tail - 1][:1].isupper():
        words = words[:tail]
    lead = 0
    while len(words) - lead > 1 and words[lead] in date_words() and words[lead + 1][:1].isupper():
        lead += 1
    cut = sum(len(w) + 1 for w in words[:lead])
    return start + cut, start + len(" ".join(words))


# a name does not run across these: headline and table separators ('GERMANY - Bunds',
# 'Romania - Cosmin Contra', 'Leicester : Leicestershire'), brackets ('Scott Draper ( Australia')
_SEPARATORS = re.compile(r"\s+(?:-{1,2}|–|—|:|;|=|\|)\s+|\s*[()\[\]]\s*")
# a place or a person does not run across a comma ('Oval , London', 'Grace Road, Leicestershire')
_COMMA = re.compile(r"\s*,\s+")
# list numbers and seeds before a name ('2 - Rodney Eyles', '1= Igor Trandenkov', '17 Felix Mantilla')
_LEADING_NUMBER = re.compile(r"^(?:[\d][\d.,=/-]*\.?\s+)+(?=\D)")


def pieces(text: str, start: int, end: int, label: str) -> list[tuple[int, int]]:
    """The parts of a model span that can each be a name: cut at separators and brackets (and at
    commas for places and persons), with a leading list number dropped."""
    bounds = [(start, end)]
    for pattern in (_SEPARATORS,) + ((_COMMA,) if label in ("LOC", "PER") else ()):
        cut = []
        for s, e in bounds:
            pos = s
            for mo in pattern.finditer(text, s, e):
                cut.append((pos, mo.start()))
                pos = mo.end()
            cut.append((pos, e))
        bounds = cut
    out = []
    for s, e in bounds:
        lead = _LEADING_NUMBER.match(text[s:e])
        if lead:
            s += lead.end()
        if e > s and any(c.isalpha() for c in text[s:e]):
            out.append((s, e))
    return out


def with_final_stop(text: str, m: Mention) -> Mention:
    """'NationsBank Corp.', 'St. Petersburg , Fla.': the stop after a legal form or a state
    abbreviation that closes a name belongs to it."""
    last = m.text.split()[-1].casefold() if m.text.split() else ""
    if text[m.end:m.end + 1] == "." and (last in company_words() and len(m.text.split()) >= 2
                                        or last in knowledge.words("en", "state_abbreviations.txt")):
        m.end += 1
        m.text = text[m.start:m.end]
        m.normal = m.text
    return m


def split_possessive(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """"Serbian Interior Ministry's Service for Combating Organised Crime" names two bodies, the
    owner and the owned; the small model often returns them as one span. A name the knowledge base
    knows whole is one name ("Democratic People's Republic of Korea", "People's Republic of China":
    split, its tail would read as another state, "Republic of Korea")."""
    if knowledge.lookup(text[start:end], "en") or knowledge.country_from_word(text[start:end], "en"):
        return [(start, end)]
    for p in ("'s ", "’s "):
        k = text.find(p, start, end)
        if k > start and text[k + len(p):k + len(p) + 1].isupper():
            return [(start, k), (k + len(p), end)]
    return [(start, end)]
