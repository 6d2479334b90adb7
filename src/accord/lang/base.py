"""Language: what accord knows of one language, read from its folder `lang/<code>/`.

Why a class per folder (spaCy's `Language` subclasses in `spacy/lang/<code>/`): generic code
asks the article's language for what differs between languages (its word lists, how a word is
folded to Latin, how a title is lemmatised, which analyser and recogniser read it) and never
compares a language code. A new language is a new folder with a subclass; a variant is a
subclass of its family's class whose folder holds only what differs:

    class Croatian(Serbian):    # lang/hr/: Croatian months, ijekavian forms, own scripts.txt
        code = "hr"

A variant's lists extend its parent's (the parent's lines first, its own after, so a table read
into a dict lets the variant's rows win); the files in `OWN_ONLY` (scripts.txt) are never
inherited. A file that neither the folder nor an ancestor's holds is an error
(`MissingLanguageData`): a folder is complete or it does not load.
"""
from __future__ import annotations

import re
from functools import cached_property
from importlib import import_module, resources
from pathlib import Path


class MissingLanguageData(LookupError):
    """A data file a component asks for is in neither the language's folder nor its family's."""


def _lines(path: Path) -> list[str]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split(" #", 1)[0] if not line.startswith("#") else ""
        line = line.rstrip()
        if line.strip():
            out.append(line)
    return out


class Language:
    """One supported language. Subclasses set `code` (ISO 639), `name`, and override the
    behaviour hooks below where the language differs from the default."""

    code: str = ""
    name: str = ""
    OWN_ONLY: frozenset[str] = frozenset({"scripts.txt"})
    # data of optional capabilities (file names or name prefixes): a language without these
    # files has not got the capability. Sports copy is read where sports lists exist (English);
    # institution names are built around head nouns where a language lists them (ru, sr);
    # stopwords.txt and auxiliaries.txt are read only where the analyser gives no part of speech (Serbian).
    OPTIONAL_DATA: tuple[str, ...] = ("sports_", "places_subdivisions.txt", "org_heads.txt", "org_links.txt",
                                      "org_and.txt", "org_function_words.txt", "stopwords.txt", "auxiliaries.txt")
    # modules (dotted paths) of the language's analyser backend and recogniser; None: none
    analyser: str | None = None
    recogniser: str | None = None
    # the packaged models run alone, for `accord bench` (lang/<code>/backends.py); None: none
    backends: str | None = None
    # a case-inflected language: a genitive country name follows its owner ('МУП Србије'), and
    # a capitalised word before a name is no owner adjective
    inflected: bool = True
    # a body's name opens with its head noun ('Centar u Nišu', 'Центр по …'), so the head alone,
    # capitalised, is the body's short name (linking.identity.short_names); English puts the head
    # last and its first word is a modifier ('Senate Judiciary Committee'): off
    head_first_names: bool = False
    # KB alias language this language's names are indexed under (a variant reads its family's)
    kb_lang: str = ""
    # the language column of the KB's own tables where it differs from kb_lang (adjectives.tsv:
    # 'sr-Latn' for Serbian)
    kb_table_lang: str = ""
    # longest case ending a '*' title of titles.tsv may take ('министрами': 3)
    title_max_ending: int = 3
    # --- how names are written (the KB's alias keys and its gazetteer scan) ---
    # a possessive ending the key of a name drops from its last word ("Russia's"); None: none
    possessive: re.Pattern | None = None
    # leading articles the key of a name drops ('the Kremlin' == 'Kremlin')
    leading_articles: tuple[str, ...] = ()
    # an institution's name may go on in lower case after its first word ('Savet bezbednosti')
    lower_case_org_words: bool = False
    # a case ending hyphenated to an abbreviation belongs to it ('MUP-a', 'НАТО-у')
    hyphenated_case_endings: bool = False
    # a lower-case noun saying what a named body is stays out of its name ('iz pokreta
    # Vetvendosje' names Vetvendosje, as UNER's Serbian and Croatian gold does); off: the
    # institution phrase takes it in ('партии «Яблоко»')
    descriptor_outside_name: bool = False

    # --- identity ---------------------------------------------------------------------------
    @property
    def parent(self) -> Language | None:
        for base in type(self).__mro__[1:]:
            if issubclass(base, Language) and base.code and base.code != self.code:
                return get(base.code)
        return None

    @property
    def family(self) -> str:
        """Code of the root of this language's family ('sr' for hr, bs, cnr; itself otherwise)."""
        parent = self.parent
        return parent.family if parent is not None else self.code

    def lineage(self) -> list[Language]:
        """This language, then its parent, up to the family root."""
        out: list[Language] = [self]
        while out[-1].parent is not None:
            out.append(out[-1].parent)  # type: ignore[arg-type]
        return out

    def __repr__(self) -> str:
        return f"<Language {self.code}>"

    # --- data files ------------------------------------------------------------------------
    def folder(self) -> Path:
        return Path(str(resources.files("accord.lang") / self.code))

    def has_data(self, name: str) -> bool:
        return any((lang.folder() / name).exists() for lang in self._readers(name))

    def optional(self, name: str) -> bool:
        """Whether `name` belongs to an optional capability (OPTIONAL_DATA prefixes)."""
        return name.startswith(self.OPTIONAL_DATA)

    def _readers(self, name: str) -> list[Language]:
        return [self] if name in self.OWN_ONLY else list(reversed(self.lineage()))

    def lines(self, name: str) -> list[str]:
        """Comment-stripped lines of `name`: the family root's first, this language's last."""
        found = False
        out: list[str] = []
        for lang in self._readers(name):
            path = lang.folder() / name
            if path.exists():
                found = True
                out.extend(_lines(path))
        if not found:
            raise MissingLanguageData(f"lang/{self.code}/{name}: no such data file in the folder"
                                      f"{' or its family' if self.parent else ''}")
        return out

    @cached_property
    def lemmatiser(self):
        """A callable lower-cased word -> lemma for this language, or None."""
        return None

    @cached_property
    def name_links(self) -> frozenset[str]:
        """Words that link a name to its qualifier and are no part of either ('Ministry of the
        Interior of Serbia'): name_links.txt where the language has one, none otherwise."""
        return frozenset(self.lines("name_links.txt")) if self.has_data("name_links.txt") else frozenset()

    # --- behaviour hooks (defaults: a language written in Latin, uninflected) ---------------
    def name_lemma(self, word: str) -> str:
        """The dictionary form of one word of a name as written (the KB's lemma key: forms the
        KB build did not generate); the word itself where the language has no lemmatiser."""
        return word

    def kb_cyrillic(self, form: str) -> str | None:
        """The Cyrillic spelling of a KB form the index keeps in Latin (Serbian); None where the
        index keeps the language's own script."""
        return None

    def to_latin(self, text: str) -> str:
        """The text in the script the language's lists are written in (identity by default)."""
        return text

    def title_lemma(self, low: str, titles) -> str:
        """The dictionary form of a lower-cased title word, as the language's titles list has it."""
        return low

    def singular_form(self, word: str) -> bool:
        """A singular form that ends like a plural ending ('министра' is singular)."""
        return False

    # --- the KB build (scripts/build_kb.py): forms the runtime finds already generated ---------
    def kb_forms(self, alias: str, etype: str, gender: str | None) -> set[str]:
        """Case forms of a KB alias of this language (none for an uninflected language)."""
        return set()

    def kb_adjective_forms(self, word: str, kind: str) -> set[str]:
        """Other forms of a nationality adjective (kind 'adj') or demonym of adjectives.tsv."""
        return set()

    def kb_variants(self, alias: str) -> set[str]:
        """The alias as the family's other standards spell it (Serbian 'Evropska unija' ->
        Croatian 'Europska unija'); none where the family has one standard."""
        return set()

    def analyser_module(self):
        return import_module(self.analyser) if self.analyser else None

    def backends_module(self):
        return import_module(self.backends) if self.backends else None

    def recogniser_module(self):
        return import_module(self.recogniser) if self.recogniser else None


_REGISTRY: dict[str, Language] = {}


def _folders() -> list[str]:
    root = Path(str(resources.files("accord.lang")))
    return sorted(p.name for p in root.iterdir() if p.is_dir() and (p / "__init__.py").exists()
                  and not p.name.startswith("_"))


def get(code: str | None) -> Language | None:
    """The Language of a code ('sr', 'hr', 'sr-Latn' -> sr), or None where accord has no folder."""
    if not code:
        return None
    code = code.split("-", 1)[0].lower()
    lang = _REGISTRY.get(code)
    if lang is None and code in _folders():
        module = import_module(f"accord.lang.{code}")
        lang = _REGISTRY[code] = module.LANGUAGE
    return lang


def supported() -> tuple[str, ...]:
    """Every language with a folder, variants included."""
    return tuple(_folders())


def roots() -> tuple[str, ...]:
    """The family roots (languages that inherit from none): en, ru, sr."""
    return tuple(code for code in _folders() if get(code).parent is None)  # type: ignore[union-attr]
