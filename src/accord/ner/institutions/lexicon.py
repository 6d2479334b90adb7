"""What the institution rule knows of words: the language's head nouns with their flags, link
words, joining conjunctions and function words (`lang/<code>/org_heads.txt`, `org_links.txt`, `org_and.txt`,
`org_function_words.txt`),
and the `Features` the language's morphology gives of one word (its recogniser's `features`
hook), with whether two words agree in case.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ...lang import get as language, load_list
from .. import knowledge


@dataclass
class Features:
    """What the rule needs to know of one word; given by the language's morphology."""
    head: bool = False        # an institution head noun (lemma in org_heads.txt)
    cap_only: bool = False    # a head that names an institution only when capitalised
    adj: bool = False         # an adjective/participle that can stand before a head
    gen: bool = False         # can be a genitive (continues a chain, or an owner's first word)
    cases: frozenset = frozenset()  # grammatical cases the word can be in (empty: unknown)
    country: str | None = None  # the country this word names (adjective or name)
    verb: bool = False
    key: str = ""  # the word as the language's lists write it (lower case; Serbian in Latin)
    plural: bool = False  # a plural-only reading ('фирм США' are firms, not one institution)
    lemma: str = ""  # lower-case lemma (Serbian in Latin)


@lru_cache(maxsize=None)
def head_flags(lang: str) -> dict[str, frozenset[str]]:
    """head lemma -> its flags: `cap` (an institution only when capitalised), `bare` (a «quoted»
    name after it is the mention alone: 'агентству «Sputnik»' names Sputnik; a name in
    apposition gives the phrase its normal form and KB ids: 'агентству France-Presse'), `place` (a body
    only of a country or place: 'руководство Грузии'; 'руководства HP' is HP), `named` (a
    body only with its own name, «quoted» or in apposition, which it is known by: 'сайте
    Roem.ru', 'порталу SeeSaw'; 'сайт Кремля' is no body), `unit` (a subdivision: in lower case a
    body only with the organisation it belongs to after it), `plural` (a body in the plural too,
    with a country adjective: 'американскими властями')."""
    out = {}
    for line in load_list(lang, "org_heads.txt"):
        parts = line.split()
        if parts:
            out[parts[0].casefold()] = frozenset(parts[1:])
    return out


@lru_cache(maxsize=None)
def heads(lang: str) -> dict[str, bool]:
    """head lemma -> True when the head names an institution only when capitalised."""
    return {k: "cap" in v for k, v in head_flags(lang).items()}


@lru_cache(maxsize=None)
def links(lang: str) -> frozenset[str]:
    return frozenset(w.casefold() for w in load_list(lang, "org_links.txt"))


@lru_cache(maxsize=None)
def conjunctions(lang: str) -> frozenset[str]:
    """Words that join two genitives or two places inside one name (`org_and.txt`: 'Институт
    этнологии и антропологии', 'по Санкт-Петербургу и Ленинградской области')."""
    return frozenset(w.casefold() for w in load_list(lang, "org_and.txt"))


@lru_cache(maxsize=None)
def function_words(lang: str) -> frozenset[str]:
    """Prepositions and conjunctions a name does not end on (`org_function_words.txt`, where the
    language's morphology gives no cases to tell them: Serbian); none elsewhere."""
    found = language(lang)
    if found is None or not found.has_data("org_function_words.txt"):
        return frozenset()
    return frozenset(w.casefold() for w in found.lines("org_function_words.txt"))


def key(word: str, lang: str) -> str:
    return knowledge.latin(word, lang).casefold()


def agrees(a: Features, b: Features) -> bool:
    return not a.cases or not b.cases or bool(a.cases & b.cases)
