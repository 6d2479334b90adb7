"""Per-language knowledge: one folder a language, `lang/<code>/`, with a `Language` object.

A folder holds the language's data files (`<name>.txt|tsv`: one item a line, `#` starts a
comment, the first comment line says where the content came from) and its `__init__.py`
defines `LANGUAGE`, an instance of a `accord.lang.base.Language` subclass with the language's
hooks (analyser, recogniser, folding to Latin, title lemmas). Variants inherit from their
family (lang/hr, lang/bs, lang/cnr from lang/sr) and hold only what differs.
Serbian Cyrillic and Latin share the `sr` folder: Cyrillic text is transliterated to Latin
(accord.translit) before it meets a list, so every list is written once, in Latin.

`load_list`/`load_tsv` read a language's file with its family's lines included; a code with no
folder (a language accord does not support) reads nothing; a supported language whose folder
and family lack the file raises `MissingLanguageData`.
"""
from __future__ import annotations

from functools import lru_cache

from .base import Language, MissingLanguageData, get, roots, supported

# the family roots: every list generic code reads before the language is known (cleaning,
# sentence splitting of an undetermined text) is the union of these
LANGS: tuple[str, ...] = ("en", "ru", "sr")
# the language display names come in (country names in tables, reports)
DISPLAY = "en"


@lru_cache(maxsize=None)
def load_list(lang: str, name: str) -> tuple[str, ...]:
    """One item a line, comments stripped, the family's lines first."""
    language = get(lang)
    if language is None:
        return ()
    return tuple(line.strip() for line in language.lines(name))


@lru_cache(maxsize=None)
def load_tsv(lang: str, name: str) -> tuple[tuple[str, ...], ...]:
    """Tab-separated rows, comments stripped; the header row (if it starts with '@') is dropped."""
    language = get(lang)
    if language is None:
        return ()
    return tuple(tuple(c.strip() for c in line.split("\t")) for line in language.lines(name)
                 if not line.startswith("@"))


__all__ = ["DISPLAY", "LANGS", "Language", "MissingLanguageData", "get", "load_list", "load_tsv", "roots", "supported"]
