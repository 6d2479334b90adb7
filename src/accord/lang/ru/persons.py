"""Russian persons: a particle opens a name ('фон Браун'), a one-word 'person' that reads only
as a place's or a company's name is none ('Команда Феррари'), and a person the model found is
that person where the article names them again and the model missed or mistyped them.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ...doc import Article, Mention
from ...lang import load_list
from ...models import pymorphy
from ...ner.spans import furthest_end, join_adjacent, joined, make

LANG = "ru"


@lru_cache(maxsize=1)
def _name_particles() -> frozenset[str]:
    return frozenset(load_list(LANG, "name_particles.txt"))


def particles(text: str, mentions: list[Mention]) -> list[Mention]:
    """A person's name begins at the lower-case particle before it ('ибн Эзра', 'фон Браун')."""
    for m in mentions:
        if m.type != "PER":
            continue
        before = text[max(0, m.start - 12):m.start]
        w = re.search(r"(?<![\w-])([\w]+)[ -]$", before)
        if w is not None and w.group(1) in _name_particles():
            m.start -= len(w.group(0))
            m.text = text[m.start:m.end]
            m.normal = w.group(0) + m.normal
    return mentions


@lru_cache(maxsize=20000)
def place_word(word: str) -> bool:
    """A word every reading of which is a place's name (pymorphy's Geox), with no person reading."""
    parses = pymorphy().parse(word)
    return bool(parses) and all("Geox" in p.tag for p in parses) and not any(
        t in p.tag for p in parses for t in PERSON_TAGS)


@lru_cache(maxsize=20000)
def organisation_word(word: str) -> bool:
    """A word every reading of which is an organisation's name (pymorphy's Orgn: 'Феррари',
    'Газпром'), with no person reading."""
    parses = pymorphy().parse(word)
    return bool(parses) and all("Orgn" in p.tag for p in parses) and not any(
        t in p.tag for p in parses for t in PERSON_TAGS)


PERSON_TAGS = ("Name", "Surn", "Patr")


@lru_cache(maxsize=50000)
def _person_keys(word: str) -> frozenset[str]:
    """The word as written (lower case) and the lemmas of its name readings ('Топаловым' ->
    'топалов'); empty for a word that reads only as a common word."""
    parses = pymorphy().parse(word)
    lemmas = {p.normal_form.replace("ё", "е") for p in parses if any(t in p.tag for t in PERSON_TAGS)}
    if not lemmas and parses and parses[0].is_known and parses[0].score > 0.5:
        return frozenset()
    return frozenset(lemmas | {word.lower().replace("ё", "е")})


def _first_name(word: str) -> bool:
    parses = pymorphy().parse(word)
    return bool(parses) and "Name" in parses[0].tag and parses[0].score >= 0.5


def _place_or_body(word: str) -> bool:
    return any("Geox" in p.tag or "Orgn" in p.tag for p in pymorphy().parse(word)[:2])


def _surname(word: str) -> bool:
    return any("Surn" in p.tag for p in pymorphy().parse(word))


def recurring_persons(doc: Article, mentions: list[Mention]) -> list[Mention]:
    """Names of the persons the model found, wherever it missed them in the same article: a first
    name before a person read as a place ('Лонгин' LOC + 'Клинский' PER), a lone place or body
    that is a person's surname in another inflection ('о Свиридове' after 'Егора Свиридова'), and
    a person's word the model left untagged ('Калоев' after 'Виталием Калоевым')."""
    text = doc.text

    def first_name(prev: Mention, m: Mention) -> Mention | None:
        if m.type == "PER" and prev.type != "PER" and " " not in prev.text \
                and any("Name" in p.tag and p.score >= 0.5 for p in pymorphy().parse(prev.text)[:1]):
            return joined(text, prev, m, "PER", m.source, f"{prev.text} {m.normal}")
        return None
    persons = join_adjacent(sorted(mentions, key=lambda m: m.start), text, first_name)
    known: set[str] = set()
    for m in persons:
        if m.type != "PER":
            continue
        words = [w for w in m.text.split() if w[:1].isupper() and len(w) > 2 and not w.isupper()]
        for w in words if len(m.text.split()) > 1 else words[:1]:
            known |= _person_keys(w)
    if not known:
        return persons
    for m in persons:
        if m.type != "PER" and not m.candidates and " " not in m.text and m.text[:1].isupper() \
                and not m.text.isupper() and _person_keys(m.text) & known and _person_keys(m.text) != {m.text.lower()}:
            m.type = "PER"
        elif m.type != "PER" and not m.candidates and 1 < len(m.text.split()) <= 3 \
                and all(w[:1].isupper() for w in m.text.split()) and _surname(m.text.split()[-1]) \
                and _person_keys(m.text.split()[-1]) & known:
            m.type = "PER"  # 'Ахмат-Хаджи Кадырова' read as a place, a Kadyrov named before
        elif m.type != "PER" and m.source == "natasha" and not m.candidates and 1 < len(m.text.split()) <= 3 \
                and all(w[:1].isupper() and not w.isupper() for w in m.text.split()) \
                and _first_name(m.text.split()[0]) and not any(_place_or_body(w) for w in m.text.split()[1:]):
            m.type = "PER"  # 'архиепископ Лонгин Клинский' read as a place: a first name opens it
    reach = furthest_end((m.start, m.end) for m in persons)  # reach(x) > x: x inside a person found so far
    added = []
    for s in doc.sentences:
        toks = s.tokens
        found = [len(t.text) > 2 and t.text[:1].isupper() and not t.text.isupper() and t.text.isalpha()
                 and reach(t.start) <= t.start and doc.in_body(t.start, t.end)
                 and bool(_person_keys(t.text) & known) for t in toks]
        k = 0
        while k < len(toks):
            if not found[k]:
                k += 1
                continue
            n = k + 1
            while n < len(toks) and found[n] and text[toks[n - 1].end:toks[n].start] == " ":
                n += 1
            # a run of capitalised words the person's words do not cover is some other name
            # ('Виктор Понедельник' is not the 'Виктор' named before)
            capital = lambda j: 0 <= j < len(toks) and toks[j].text[:1].isupper() and toks[j].text.isalpha()
            if not (capital(k - 1) and text[toks[k - 1].end:toks[k].start] == " ") \
                    and not (capital(n) and text[toks[n - 1].end:toks[n].start] == " "):
                m = make(text, toks[k].start, toks[n - 1].end, "PER", "natasha")
                if m is not None:
                    added.append(m)
            k = n
    return sorted(persons + added, key=lambda m: m.start)
