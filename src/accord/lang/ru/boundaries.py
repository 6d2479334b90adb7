"""Where a Russian mention starts and ends: words that open it but name nothing are cut ('СМИ
Беларуси' -> 'Беларуси', 'Всё-таки Проди' -> 'Проди'), and a mention the model ran over a list
separator is one mention per item ('Палестина • Парагвай').
"""
from __future__ import annotations

import re
from functools import lru_cache

from ...doc import Mention
from ...lang import load_list
from ...models import pymorphy
from ...ner import knowledge
from ...ner.spans import make

LANG = "ru"


@lru_cache(maxsize=1)
def _not_names() -> frozenset[str]:
    return frozenset(w.casefold() for w in load_list(LANG, "ner_not_names.txt"))


# parts of speech that never open a name: 'Всё-таки Проди', 'Её «запустили»', 'Подана первая заявка'
NOT_NAME_POS = ("NPRO", "PRCL", "CONJ", "PREP", "INTJ", "ADVB", "VERB", "INFN", "PRTS", "GRND", "PRED")
NAME_TAGS = ("Name", "Surn", "Patr", "Geox", "Orgn", "Trad", "Abbr")


@lru_cache(maxsize=50000)
def _not_name_word(word: str) -> bool:
    if word.casefold() in _not_names():
        return True
    if not word[:1].isupper() or word.isupper():
        return False
    parses = pymorphy().parse(word)
    if not parses or not parses[0].is_known or any(t in p.tag for p in parses for t in NAME_TAGS):
        return False
    if all(p.tag.POS == "NPRO" or "Apro" in p.tag for p in parses):
        return True  # a pronoun whatever its reading ('Её «запустили»': 'её' possessive or personal)
    return parses[0].tag.POS in NOT_NAME_POS and parses[0].score >= 0.5


def trim_start(text: str, m: Mention) -> Mention | None:
    """A mention loses the words that open it but name nothing: a common noun the model takes
    for a name ('СМИ Беларуси' -> 'Беларуси'), a capitalised particle, pronoun or verb at the
    start of a sentence ('Всё-таки Проди' -> 'Проди'; 'Её' alone is no mention)."""
    at = m.start
    while at < m.end:
        w = re.match(r"[\w.-]+", text[at:m.end])
        if w is None or not _not_name_word(w.group().rstrip(".")):
            break
        at += w.end()
        while at < m.end and not text[at].isalnum():
            at += 1
    if at == m.start:
        return m
    if at >= m.end:
        return None
    if not text[at:at + 1].isupper():
        return m  # 'Ла стампа': what is left is no name
    out = make(text, at, m.end, m.type, m.source, candidates=m.candidates)
    if out is not None:
        if knowledge.country_from_word(out.text, LANG) and " " not in out.text:
            out.type = "LOC"
        out.normal = m.normal[len(m.normal) - len(out.text):] if m.normal.endswith(out.text) else out.text
    return out


# a list's separators the model reads through ('Палестина • Парагвай', 'Овечкин, Фёдоров')
LIST_SEPARATORS = re.compile(r"\s*[•·|;]\s*|\s+[—–]\s+")
PERSON_SEPARATORS = re.compile(r"\s*[•·|;,]\s*|\s+[—–]\s+")


def split_list(text: str, m: Mention) -> list[Mention]:
    """A mention running over a list separator is one mention per item (each retyped by the KB
    where it names a country: 'Эль Сальвадор • Эфиопия' came as one person); a bracket the
    mention opens and never closes starts another name ('Хитли (Гецлаф')."""
    sep = PERSON_SEPARATORS if m.type == "PER" else LIST_SEPARATORS
    cuts = [(x.start(), x.end()) for x in sep.finditer(m.text)]
    k = m.text.rfind(" (")
    if k > 0 and ")" not in m.text[k:]:
        cuts.append((k, k + 2))
    if not cuts:
        return [m]
    out, at = [], 0
    for a, b in sorted(cuts) + [(len(m.text), len(m.text))]:
        piece = make(text, m.start + at, m.start + a, m.type, m.source)
        at = b
        if piece is None:
            continue
        if knowledge.country_from_word(piece.text, LANG) and piece.text[:1].isupper():
            piece.type = "LOC"
        if piece.start == m.start and piece.end == m.end:
            return [m]
        out.append(piece)
    return out
