"""Matching keys: how a name as written becomes the script-free key the KB indexes it under.

Why one key for every script and case: 'Србије' == 'Srbije' == 'SRBIJE', 'Путин' == 'Putin'; a
case ending hyphenated to an abbreviation ('MUP-a', 'НАТО-у') is dropped, and so are what the
language's `Language` object says a name's key leaves out (an English possessive, a leading
article). Which per-language index a text is read against is the language's `kb_lang` (a variant
reads its family's: 'hr' -> 'sr'); the word-level answers are cached per process.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..lang import DISPLAY, get as language, roots
from ..translit import fold, ru_to_latin, strip_diacritics

WORD_CACHE = 100_000  # distinct words remembered by the word-level caches (per process)

_HYPHEN_CASE = re.compile(r"^(\w*[A-ZА-ЯЁЂЈЉЊЋЏ]{2,}\w*)[-‐‑–]([a-zа-яёђјљњћџčćšžđ]{1,4})$")
_NON_WORD = re.compile(r"[^\w]+")
TOKEN = re.compile(r"\w+(?:['’]\w+)?")


@lru_cache(maxsize=None)
def index_langs() -> tuple[str, ...]:
    """The KB's per-language alias indexes (its data columns), one per language family."""
    return tuple(dict.fromkeys(language(code).kb_lang for code in roots()))  # type: ignore[union-attr]


@lru_cache(maxsize=None)
def index_lang(lang: str) -> str:
    """Index language of a caller's language tag: 'sr-Cyrl', 'sr-Latn', 'sr', 'hr' -> 'sr'; a
    language accord has no folder for reads the index of the display language."""
    found = language(lang.split("-")[0].split("_")[0].lower())
    return (found or language(DISPLAY)).kb_lang  # type: ignore[union-attr]


@lru_cache(maxsize=None)
def _key_rules(lang: str | None) -> tuple[tuple[re.Pattern, ...], tuple[str, ...]]:
    """(possessive endings, leading articles) a key drops: the language's, or, with no language
    given, every family's."""
    found = [language(code) for code in roots()] if lang is None else [language(lang)]
    langs = [x for x in found if x is not None]
    return (tuple(x.possessive for x in langs if x.possessive is not None),
            tuple(a for x in langs for a in x.leading_articles))


@lru_cache(maxsize=1 << 16)
def alias_key(text: str, lang: str | None = None) -> str:
    """Script-free matching key: 'Србије' == 'Srbije' -> 'srbije'; 'МУП-а' -> 'mup'.

    Folds case and diacritics (ё = е, đ = dj), reads any Cyrillic as Latin, drops a case ending
    hyphenated to an abbreviation (MUP-a, НАТО-у), and the possessive and leading article of
    the language (English; with no language given, of any).
    """
    possessives, leading = _key_rules(lang)
    text = text.strip()
    m = _HYPHEN_CASE.match(text)
    if m:
        text = m.group(1)
    words = text.split()
    if words:
        for possessive in possessives:
            words[-1] = possessive.sub("", words[-1]) if len(words[-1]) > 2 else words[-1]
    s = fold(" ".join(words))
    for lead in leading:
        if s.startswith(lead) and len(s) > len(lead) + 2:
            s = s[len(lead):]
    s = strip_diacritics(ru_to_latin(s)).lower()
    return " ".join(_NON_WORD.sub(" ", s).replace("_", " ").split())


def memo(cache: dict, key: tuple, compute):
    """cache[key], computed as compute(*key) the first time; a full cache starts again empty."""
    if key not in cache:
        if len(cache) >= WORD_CACHE:
            cache.clear()
        cache[key] = compute(*key)
    return cache[key]


_TOKEN_KEYS: dict[str, dict[str, str]] = {}  # lang -> token text -> alias_key (bounded by WORD_CACHE)


def token_keys(text: str, lang: str) -> tuple[list[tuple[int, int]], list[str]]:
    """The gazetteer scan's tokens (offsets) and their alias keys, one dict look-up per token
    (the scan keys every token of the body; alias_key's own cache costs more per hit)."""
    cache = _TOKEN_KEYS.setdefault(lang, {})
    if len(cache) >= WORD_CACHE:
        cache.clear()
    tokens: list[tuple[int, int]] = []
    keys: list[str] = []
    for m in TOKEN.finditer(text):
        tokens.append(m.span())
        w = m.group()
        k = cache.get(w)
        if k is None:
            k = cache[w] = alias_key(w, lang)
        keys.append(k)
    return tokens, keys


def written_in_capitals(text: str) -> bool:
    m = _HYPHEN_CASE.match(text.strip())
    base = m.group(1) if m else text
    letters = list(filter(str.isalpha, base))
    return bool(letters) and all(map(str.isupper, letters))


@lru_cache(maxsize=WORD_CACHE)
def lemmatize_word(word: str, lang: str) -> str:
    """Lemma of one word as written, by the index language's lemmatiser (Serbian lemmagen3 on
    Latin, Russian pymorphy3); the word itself where the language has none."""
    return language(lang).name_lemma(word)  # type: ignore[union-attr]


def lemma_key(text: str, lang: str) -> str | None:
    """Key of the text lemmatised word by word; None for an uninflected language (no forms to
    undo)."""
    if not language(lang).inflected:  # type: ignore[union-attr]
        return None
    words = TOKEN.findall(text)
    if not words:
        return None
    return alias_key(" ".join(lemmatize_word(w, lang) for w in words), lang)
