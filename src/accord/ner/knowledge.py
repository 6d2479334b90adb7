"""Bridge to the knowledge base (accord.kb) and to per-language word lists.

The KB is loaded once per process. Code here never guesses when the KB has no answer: it
returns None / empty, and callers fall back to text evidence.
"""
from __future__ import annotations

from functools import lru_cache

from ..lang import LANGS, get as language, load_list, load_tsv
from ..translit import skeleton


@lru_cache(maxsize=1)
def kb():
    """The knowledge base, or None where accord.kb is not available."""
    try:
        from ..kb import load_kb

        return load_kb()
    except Exception:  # no accord.kb module, or its data not built yet: names from text only
        return None


def _ask(question, default):
    """A KB answer, or `default` where there is no KB or it cannot answer: names from text only."""
    base = kb()
    if base is None:
        return default
    try:
        return question(base)
    except Exception:
        return default


def lookup(text: str, lang: str) -> list:
    return _ask(lambda base: list(base.lookup(text, lang)), []) if text.strip() else []


def get(entry_id: str):
    return _ask(lambda base: base.get(entry_id), None) if entry_id else None


def country_from_word(word: str, lang: str) -> str | None:
    """ISO3 of a country name or nationality adjective in any inflection ("srpskog" -> SRB)."""
    if not word or not word[:1].isalpha():
        return None
    return _ask(lambda base: base.country_from_word(word, lang), None)


def place_country(text: str, lang: str) -> str | None:
    """ISO3 of the country a place outside the KB lies in (accord.kb.places), else None."""
    if not text or not text[:1].isalpha():
        return None
    try:
        from ..kb.places import place_country as gazetteer
        return gazetteer(text, lang)
    except Exception:  # no gazetteer: no country rather than a guess
        return None


def match_spans(text: str, lang: str) -> list[tuple[int, int, object]]:
    return _ask(lambda base: list(base.match_spans(text, lang)), []) if text.strip() else []


def latin(text: str, lang: str) -> str:
    """The form the language's lists are written in (Serbian Cyrillic -> Latin)."""
    found = language(lang)
    return found.to_latin(text) if found is not None else text


@lru_cache(maxsize=None)
def words(lang: str, name: str) -> frozenset[str]:
    """A word list, case-folded (Serbian lists are in Latin)."""
    return frozenset(w.casefold() for w in load_list(lang, name))


@lru_cache(maxsize=None)
def titles(lang: str) -> dict[str, str | None]:
    """title word -> PLOVER sector it implies (None for 'Mr', 'gospodin')."""
    out = {}
    for row in load_tsv(lang, "titles.tsv"):
        out[row[0].casefold()] = (row[1] if len(row) > 1 and row[1] else None)
    return out


@lru_cache(maxsize=None)
def home_country(lang: str) -> str | None:
    """The country a bare generic name ('MUP', 'Vlada') means in this language's articles: the
    variant's own where it has one (lang/hr: HRV), listed after its family's (lang/sr: SRB)."""
    try:
        items = load_list(lang, "home_country.txt")
    except Exception:
        return None
    return items[-1] if items else None


@lru_cache(maxsize=1)
def first_name_keys() -> dict[str, str]:
    """Skeleton of a first-name spelling -> key shared by all its spellings, over every language."""
    out: dict[str, str] = {}
    for lang in LANGS:
        for row in load_tsv(lang, "first_name_variants.tsv"):
            if len(row) >= 2:
                out[skeleton(row[0])] = skeleton(row[1])
    return out


def first_name_key(name: str) -> str:
    sk = skeleton(name)
    return first_name_keys().get(sk, sk)
