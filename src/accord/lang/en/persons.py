"""English persons: how a person's name looks (a known first name, an initial, a surname ending),
what before it is no part of it (honorifics, ranks, offices), and the persons the model missed
or cut in lists and results read without context: 'P. Simmons', 'Lindsay Davenport', 'Roberto
" Hands of Stone " Duran', a given name left out before a one-word person ('off Chad Ogea').
"""
from __future__ import annotations

import re
from functools import lru_cache

from ...doc import Article, Mention
from ...ner import knowledge
from ...ner.spans import body_lines, make
from .boundaries import date_words
from .demonyms import demonyms
from .organisations import company_words


@lru_cache(maxsize=1)
def known_first_names() -> frozenset[str]:
    """accord's hand list of first names and the census list (casefolded)."""
    return knowledge.words("en", "first_names.txt") | knowledge.words("en", "first_names_census.txt")


def looks_like_person(name: str) -> bool:
    """'Iain Pyman', 'P. Simmons': a name of two or more words opening with a known first name
    or an initial (how a results line tells a player from a team)."""
    words = name.split()
    if len(words) < 2:
        return False
    return words[0].casefold() in known_first_names() or bool(_INITIAL_SURNAME.fullmatch(name))


def has_first_name(m: Mention) -> bool:
    names = known_first_names()
    return any(w.casefold() in names for w in m.text.split())


def has_surname_ending(m: Mention) -> bool:
    last = m.text.split()[-1].casefold()
    last = knowledge.latin(last, "en")
    from ...translit import strip_diacritics

    last = strip_diacritics(last)
    return any(last.endswith(s) for s in knowledge.words("en", "surname_suffixes.txt"))


@lru_cache(maxsize=1)
def prefixes() -> frozenset[str]:
    return knowledge.words("en", "name_prefixes.txt") | frozenset(knowledge.titles("en"))


def strip_prefixes(text: str, start: int, end: int) -> tuple[int, int]:
    """Honorifics, ranks and offices before a person's name are no part of it ('Prince Norodom
    Ranariddh', 'Belgian King Baudouin', 'Co-Premiers Prince ...')."""
    words = text[start:end].split(" ")
    k = 0
    while len(words) - k > 1:
        w = words[k].casefold()
        if w in prefixes() or w.rstrip(".") in prefixes():
            k += 1
        elif k + 1 < len(words) - 1 and words[k + 1].casefold() in prefixes() \
                and knowledge.country_from_word(words[k], "en"):
            k += 1  # 'Belgian King Baudouin'
        else:
            break
    if k == 0 or not words[k][:1].isupper():
        return start, end
    return start + sum(len(w) + 1 for w in words[:k]), end


# 'P. Simmons', 'J.Gillespie', "T.O'Gorman": one initial and a capitalised surname
_INITIAL_SURNAME = re.compile(r"(?<![\w.'’-])[A-Z]\. ?(?:[A-Z]['’])?[A-Z][a-z]{2,}(?:-[A-Z][a-z]+)?(?![\w'’-])")


def initial_surnames(doc: Article, mentions: list[Mention]) -> list[Mention]:
    """An initial and a capitalised surname ('P. Simmons') name a person, in scoreboards and
    lists the model reads without context; a model span there that holds one is cut to it."""
    text = doc.text
    added = []
    for start, end in body_lines(doc):
        for mo in _INITIAL_SURNAME.finditer(text, start, end):
            s, e = mo.start(), mo.end()
            over = [m for m in mentions if m.start < e and s < m.end]
            if any(m.type == "PER" and m.start <= s and e <= m.end and m.end - m.start <= e - s + 1 for m in over):
                continue
            if any(m.start < s and m.type != "PER" for m in over):
                continue
            surname = mo.group()[2:].strip()
            if re.search(r"[A-Z][\w'’-]* $", text[max(start, s - 30):s]) or \
                    knowledge.country_from_word(surname, "en") or knowledge.lookup(surname, "en"):
                continue  # a middle initial ('Edward D. Jones'), 'N. Korea', 'S. African'
            m = make(text, s, e, "PER", "spacy-initial")
            if m is not None:
                mentions = [x for x in mentions if x not in over]
                added.append(m)
    return sorted(mentions + added, key=lambda m: m.start)


# 'Lindsay Davenport', 'Cedric Pioline ( France )': a known first name and a capitalised word
# (letters with diacritics too: 'Zoran Jovanović', 'Miloš Šaranović' as English news about the Balkans writes them)
_UP, _LOW = "A-ZÀ-ÖØ-ÞČĆŠŽĐ", "a-zß-öø-ÿčćšžđ"
_FIRST_LAST = re.compile(rf"(?<![\w.'’-])([{_UP}][{_LOW}]+(?:-[{_UP}][{_LOW}]+)?) ((?:(?:van|von|de|der|da|di|du|del|la|le|bin|al|ter|ten)\s)?"
                         rf"[{_UP}][{_LOW}]+(?:['’-][{_UP}]?[{_LOW}]+)*)(?![\w'’-])")


def _pairs(text: str, start: int, end: int):
    """Every pair of capitalised words, overlapping ('Council Nikolay', then 'Nikolay Petrushev':
    a name right after a body's name is read too)."""
    pos = start
    while True:
        mo = _FIRST_LAST.search(text, pos, end)
        if mo is None:
            return
        yield mo
        pos = mo.start(2)


def first_and_last_names(doc: Article, mentions: list[Mention]) -> list[Mention]:
    """A known first name and a capitalised word after it, that the model left untagged (in a
    results line or a list, read without context), name a person."""
    text = doc.text
    taken = [(m.start, m.end) for m in mentions]
    added = []
    names = known_first_names()
    common = knowledge.words("en", "common_words.txt")
    for start, end in body_lines(doc):
        line = text[start:end]
        letters = list(filter(str.isalpha, line))
        if letters and sum(map(str.isupper, letters)) >= 0.8 * len(letters):
            continue
        for mo in _pairs(text, start, end):
            s, e = mo.start(), mo.end()
            first = mo.group(1).casefold()
            if any(a < e and s < b for a, b in taken) or first not in names or first in prefixes() \
                    or first in knowledge.titles("en") \
                    or first in common and first not in knowledge.words("en", "first_names.txt"):
                continue  # 'Crown Prince Salman', 'Clinton Aide To ...' (a title-case headline)
            last = mo.group(2).split()[-1]
            if last.casefold() in names and last.casefold() not in knowledge.words("en", "first_names.txt") \
                    or knowledge.lookup(last, "en") or knowledge.country_from_word(last, "en") \
                    or last.casefold() in company_words() or last.casefold() in prefixes():
                continue
            m = make(text, s, e, "PER", "spacy-names")
            if m is not None:
                added.append(m)
                taken.append((s, e))
    return sorted(mentions + added, key=lambda m: m.start)


# 'Roberto " Hands of Stone " Duran', 'Hector "Macho" Camacho': a nickname in quotes inside a name
_NICKNAME = re.compile(r"(?<![\w'’-])(?P<first>[A-Z][a-z]+) ?[\"“] ?[A-Z][\w'’.-]*(?: [A-Za-z][\w'’.-]*){0,3} ?[\"”] ?"
                       r"(?P<last>[A-Z][a-z][\w'’-]*)(?![\w'’-])")


def nicknames(doc: Article, mentions: list[Mention]) -> list[Mention]:
    """A first name, a nickname in quotes and a surname are one person (the model cuts at the
    quotes); the surname alone is that person elsewhere in the document."""
    text = doc.text
    added, surnames = [], set()
    for start, end in body_lines(doc):
        for mo in _NICKNAME.finditer(text, start, end):
            s, e = mo.start(), mo.end()
            over = [m for m in mentions if m.start < e and s < m.end]
            opens = any(m.type == "PER" and m.start == s for m in over)
            if not (opens or mo.group("first").casefold() in known_first_names()) or any(m.start < s or m.end > e for m in over):
                continue
            m = make(text, s, e, "PER", "spacy-nickname")
            if m is not None:
                mentions = [x for x in mentions if x not in over]
                added.append(m)
                surnames.add(mo.group("last"))
    for m in mentions:
        if m.text in surnames and m.type != "PER":
            m.type = "PER"
    return sorted(mentions + added, key=lambda m: m.start)


_GIVEN = re.compile(r"(?<![\w.'’-])([A-Z][a-z]+(?:-[A-Z][a-z]+)?) $")


def given_names(doc: Article, mentions: list[Mention]) -> list[Mention]:
    """'off Chad Ogea', ', Tino Martinez': a capitalised word inside a sentence right before a
    one-word person, that names no title, date, country or KB entry, is the person's given
    name the model left out ('Ogea' alone)."""
    text = doc.text
    starts = {m.end for m in mentions}
    out = []
    for m in mentions:
        if m.type == "PER" and " " not in m.text:
            mo = _GIVEN.search(text, max(0, m.start - 25), m.start)
            if mo and mo.start() not in starts and not any(x.start < m.start and x.end > mo.start() for x in mentions if x is not m):
                word = mo.group(1)
                before = text[max(0, mo.start() - 3):mo.start()].rstrip()
                inside = bool(before) and before[-1] not in ".!?:\"“”'‘’(" and text[mo.start() - 1] != "\n"
                if (inside or word.casefold() in known_first_names()) and word.casefold() not in prefixes() \
                        and word not in date_words() and word not in demonyms() and not knowledge.country_from_word(word, "en") \
                        and not knowledge.lookup(word, "en") and not word.casefold() in company_words():
                    grown = make(text, mo.start(), m.end, "PER", m.source + "+given")
                    if grown is not None:
                        m = grown
        out.append(m)
    return out


_ORDINAL_TAIL = re.compile(r" \d+(?:st|nd|rd|th)?$")
_REGNAL = re.compile(r" (?:(?:II|III|IV|VI|VII|VIII|IX|XI|XII|XIII|XIV|XV|XVI)(?![\w'’-])|I(?= *(?:[,.;:)]|'s|’s|of\b|$)))")


def numbers_at_names(doc: Article, mentions: list[Mention]) -> list[Mention]:
    """A person's name holds no minute or score ('Gordon Durie 75th' in a lineup: cut), and a
    regnal number after it is part of it ('Henry VIII', 'Elizabeth I ,')."""
    text = doc.text
    starts = {m.start for m in mentions}
    out = []
    for m in mentions:
        if m.type == "PER":
            tail = _ORDINAL_TAIL.search(m.text)
            regnal = _REGNAL.match(text, m.end)
            end = m.start + tail.start() if tail and tail.start() > 0 else \
                regnal.end() if regnal and m.text[-1:].isalpha() and regnal.start() + 1 not in starts else m.end
            if end != m.end:
                m = make(text, m.start, end, "PER", m.source) or m
        out.append(m)
    return out
