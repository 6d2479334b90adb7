"""Russian places named with their kind or their region: 'реки Славянки', 'города Феникс',
'тихоокеанский порт Козьмино' (a descriptor noun of `place_descriptors.txt` and its agreeing
adjectives join the name), 'южные Курильские острова' (a direction adjective), 'Восточного
побережья США' (a place and the region it belongs to in the genitive); the normal form stays the
name's, so linking reads the same place.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ...doc import Mention
from ...lang import load_list
from ...models import pymorphy
from ...ner import knowledge
from ...ner.spans import join_adjacent, joined

LANG = "ru"


def region_of(text: str, mentions: list[Mention]) -> list[Mention]:
    """A place named by a common noun and the place it belongs to in the genitive after it is one
    place: 'Восточного побережья США', 'Гагаузской автономии Молдавской республики' (not 'Крыма
    Россией', 'Невы реку Славянку': no genitive)."""
    def join(prev: Mention, m: Mention) -> Mention | None:
        if prev.type == "LOC" and m.type == "LOC" and " " in prev.text and prev.text.split()[-1].islower() \
                and not prev.candidates and "gent" in _cases(m.text.split()[0]) and m.text[:1].isupper():
            return joined(text, prev, m, "LOC", prev.source, f"{prev.normal} {m.text}")
        return None
    return join_adjacent(sorted(mentions, key=lambda m: m.start), text, join)


def directions(text: str, mentions: list[Mention]) -> list[Mention]:
    """A direction adjective before a place's name is part of it: 'южные Курильские острова'
    (the beginnings of `place_adjectives.txt`); the normal form stays the name's."""
    _, begins = _place_adjectives()
    taken = [(m.start, m.end) for m in mentions]
    for m in mentions:
        if m.type != "LOC" or not m.text[:1].isupper():
            continue
        y = WORD_BEFORE.search(text, max(0, m.start - 40), m.start)
        if y is None or not y.group(1).islower() or any(a < m.start and y.start() < b for a, b in taken):
            continue
        if _direction_adjective(y.group(1), _cases(m.text.split()[0], ("NOUN", "ADJF")), begins):
            m.start, m.text = y.start(1), text[y.start(1):m.end]
    return mentions


@lru_cache(maxsize=20000)
def _direction_adjective(word: str, head: frozenset[str], begins: tuple[str, ...]) -> bool:
    return any(p.tag.POS == "ADJF" and p.normal_form.startswith(begins) and (not head or p.tag.case in head)
               for p in pymorphy().parse(word))


@lru_cache(maxsize=1)
def _descriptors() -> dict[str, frozenset[str]]:
    """place descriptor lemma -> its flags (`place_descriptors.txt`)."""
    out = {}
    for line in load_list(LANG, "place_descriptors.txt"):
        parts = line.split()
        if parts:
            out[parts[0]] = frozenset(parts[1:])
    return out


@lru_cache(maxsize=20000)
def _cases(word: str, pos: tuple[str, ...] = ()) -> frozenset[str]:
    return frozenset(p.tag.case for p in pymorphy().parse(word) if p.tag.case and (not pos or p.tag.POS in pos))


@lru_cache(maxsize=20000)
def _known_cases(word: str) -> frozenset[str]:
    """Cases of the dictionary readings of a word; a word pymorphy only guesses ('Тоттенхэм')
    reads as indeclinable (no case)."""
    return frozenset(p.tag.case for p in pymorphy().parse(word) if p.tag.case and p.is_known)


@lru_cache(maxsize=20000)
def _descriptor(word: str) -> tuple[str, frozenset[str]] | None:
    """(lemma, cases of its singular readings) of a place descriptor noun ('реки', 'городе')."""
    if not word.isalpha() or not word.islower():
        return None
    table = _descriptors()
    hits = [p for p in pymorphy().parse(word) if p.tag.POS == "NOUN" and p.normal_form in table
            and p.tag.number == "sing"]
    # ('в аэропорту': the second locative agrees with the adjective's locative)
    cases = frozenset({"loc2": "loct", "gen2": "gent", "acc2": "accs"}.get(p.tag.case, p.tag.case) for p in hits)
    return (hits[0].normal_form, cases) if hits else None


@lru_cache(maxsize=1)
def _place_adjectives() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(endings, beginnings) of the adjectives that join a place descriptor (`place_adjectives.txt`)."""
    words = load_list(LANG, "place_adjectives.txt")
    return tuple(w[1:] for w in words if w.startswith("-")), tuple(w[:-1] for w in words if w.endswith("-"))


@lru_cache(maxsize=20000)
def _agreeing_adjective(word: str, cases: frozenset[str]) -> bool:
    """A place or direction adjective before a descriptor, in its case ('китайский город',
    'северовосточный'); 'маленьком городке', 'пограничную реку' describe the place."""
    ends, begins = _place_adjectives()
    for p in pymorphy().parse(word):
        if p.tag.POS == "ADJF" and "Apro" not in p.tag and "Anum" not in p.tag and p.tag.case in cases \
                and (p.normal_form.endswith(ends) or p.normal_form.startswith(begins)):
            return True
    return False


WORD_BEFORE = re.compile(r"([\w-]+) $")
QUOTED_WORD_BEFORE = re.compile(r"([\w-]+) [«„\"]$")


def place_descriptors(text: str, mentions: list[Mention]) -> list[Mention]:
    """A place named after the noun of its kind is mentioned with it: 'реки Славянки', 'города
    Феникс', 'тихоокеанский порт Козьмино' (`place_descriptors.txt`); the mention keeps the
    name's normal form, so linking reads the same place. A genitive place after the noun is
    its owner, not its name ('в городах России', 'района Дюссельдорфа'), unless the kind's own
    name agrees with it ('реки Славянки')."""
    taken = [(m.start, m.end) for m in mentions]
    glued: list[Mention] = []
    for m in mentions:
        # a «quoted» name after the noun of a place's kind names that place, whatever type the
        # model gave it ('промзоны «Рыбацкое»', 'порт «Восточный»')
        quoted = QUOTED_WORD_BEFORE.search(text, max(0, m.start - 40), m.start)
        if m.type != "LOC" and not (m.type == "ORG" and quoted and not m.candidates):
            continue
        if m.text.isupper() or not m.text[:1].isupper():
            continue
        x = WORD_BEFORE.search(text, max(0, m.start - 40), m.start) or quoted
        got = _descriptor(x.group(1)) if x is not None else None
        if got is None:
            continue
        lemma, cases = got
        over = [o for o in mentions if o is not m and o.start < m.start and x.start() < o.end]
        # 'Вашингтонском аэропорту Рейган': the model took the adjective and the noun for a body
        if len(over) == 1 and over[0].type != "PER" and over[0].end == x.end(1) and " " in over[0].text \
                and all(_agreeing_adjective(w, cases) or (w[:1].isupper() and _cases(w, ("ADJF",)) & cases)
                        for w in over[0].text.split()[:-1]):
            glued.append(over[0])
            m.start, m.text = over[0].start, text[over[0].start:m.end]
            continue
        if over:
            continue
        name = _known_cases(m.text.split()[0])
        if "gent" in name and "nomn" not in name and not ("own" in _descriptors()[lemma] and "gent" in cases):
            continue  # an owner: 'городах России'
        if knowledge.country_from_word(m.text, LANG):
            continue  # 'город Германии', 'штат Израиль'
        m.type = "LOC"
        start = x.start(1)
        for _ in range(2):  # 'северовосточный китайский город Дацин'
            y = WORD_BEFORE.search(text, max(0, start - 40), start)
            if y is None or not _agreeing_adjective(y.group(1), cases) or y.group(1).isupper() \
                    or any(a < start and y.start() < b for a, b in taken):
                break
            start = y.start(1)
        m.start, m.text = start, text[start:m.end]
    return [m for m in mentions if not any(m is g for g in glued)]
