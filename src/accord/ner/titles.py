"""Title-only references to persons: "the Russian president", "Глава государства", "Ministar".

Why: news names a person once and then calls them by office. Such a reference joins the
person's entity only when the document makes it unambiguous: exactly one person named earlier
in the document was given that office (and that country, when the reference names one), or,
when the document names nobody with it, exactly one person in the knowledge base held that
office for that country on the publication date (KBEntry.term_at). Otherwise it stays unlinked.

Title phrases and their office classes come from each language's speaker_titles.tsv (shared
with the quotes stage; '*' = any ending).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..doc import Token
from ..lang import get as language, load_list, load_tsv, roots
from ..translit import strip_diacritics
from . import knowledge

# lang/<code>/indefinite_articles.txt of every family: 'a minister' refers to no one named before
ARTICLES_INDEFINITE = frozenset(w for code in roots() for w in load_list(code, "indefinite_articles.txt"))
# KB term roles (English) to office classes, longest first
ROLE_WORDS = (("prime minister", "prime_minister"), ("premier", "prime_minister"), ("chancellor", "chancellor"),
              ("president", "president"), ("minister", "minister"))


@lru_cache(maxsize=100_000)
def fold(word: str, lang: str) -> str:
    found = language(lang)
    w = found.to_latin(word) if found is not None else word
    return strip_diacritics(w).lower().replace("ё", "е")


@lru_cache(maxsize=None)
def phrases(lang: str) -> tuple[tuple[tuple[str, ...], str], ...]:
    rows = []
    for r in load_tsv(lang, "speaker_titles.tsv"):
        if len(r) >= 2 and r[0].strip():
            rows.append((tuple(fold(w, lang) for w in r[0].split()), r[1]))
    rows.sort(key=lambda x: -len(x[0]))
    return tuple(rows)


@lru_cache(maxsize=None)
def _index(lang: str) -> tuple[dict[str, list[int]], dict[str, list[int]], tuple[int, ...]]:
    """phrases(lang) indexed by first word: exact word -> positions, stem of a '*' word -> positions."""
    exact: dict[str, list[int]] = {}
    stems: dict[str, list[int]] = {}
    for k, (words, _cls) in enumerate(phrases(lang)):
        if words[0].endswith("*"):
            stems.setdefault(words[0][:-1], []).append(k)
        else:
            exact.setdefault(words[0], []).append(k)
    return exact, stems, tuple(sorted({len(stem) for stem in stems}))


@lru_cache(maxsize=100_000)
def _starting(first: str, lang: str) -> tuple[int, ...]:
    """Positions in phrases(lang) of the phrases whose first word matches the folded word."""
    exact, stems, lengths = _index(lang)
    hits = set(exact.get(first, ()))
    for n in lengths:
        if n > len(first):
            break
        hits.update(stems.get(first[:n], ()))
    return tuple(sorted(hits))


@lru_cache(maxsize=100_000)
def can_start(word: str, lang: str) -> bool:
    """Whether some title phrase may begin at a token of this text: `match` finds nothing elsewhere,
    so a scan of every token of an article asks it only at these."""
    return bool(_starting(fold(word, lang), lang))


def _word_ok(pattern: str, word: str) -> bool:
    return word.startswith(pattern[:-1]) if pattern.endswith("*") else word == pattern


def match(tokens: list[Token], i: int, lang: str) -> tuple[int, str, bool] | None:
    """(tokens matched, class, singular) of the longest title phrase at tokens[i]."""
    if not -len(tokens) <= i < len(tokens):
        return None
    table = phrases(lang)
    for pos in _starting(fold(tokens[i].text, lang), lang):
        words, cls = table[pos]
        if i + len(words) > len(tokens):
            continue
        toks = [fold(tokens[i + k].text, lang) for k in range(len(words))]
        if all(_word_ok(w, t) for w, t in zip(words, toks)):
            head, pattern = toks[0], words[0]
            singular = True
            if pattern.endswith("*"):
                ending = head[len(pattern) - 1:]
                if len(ending) > _max_ending(lang) or not ending.isalpha() and ending:
                    continue  # 'ministry', 'predsedništvo', 'министерство': another word
                singular = not (ending and ending.endswith(_plural_endings(lang)) and
                                not _singular_form(head, lang))
            return len(words), cls, singular
    return None


def _singular_form(word: str, lang: str) -> bool:
    """Singular case forms that end like plurals ('министра'... are fine; 'ministre' is not)."""
    found = language(lang)
    return found.singular_form(word) if found is not None else False


@lru_cache(maxsize=None)
def _plural_endings(lang: str) -> tuple[str, ...]:
    """Endings of plural (and other-number) forms of masculine title nouns: 'ministri', 'министры'
    (lang/<code>/title_plural_endings.txt)."""
    return tuple(load_list(lang, "title_plural_endings.txt")) if language(lang) is not None else ()


def _max_ending(lang: str) -> int:
    """Longest case ending a '*' title may take ('министрами' 3; English takes none but a plural 's')."""
    found = language(lang)
    return found.title_max_ending if found is not None else 3


def role_class(role: str) -> str | None:
    low = role.lower()
    if any(x in low for x in ("deputy", "first deputy", "vice")):
        return None
    for words, cls in ROLE_WORDS:
        if low.startswith(words) or low == words:
            return cls
    return None


@dataclass
class Reference:
    start: int
    end: int
    cls: str
    country: str | None


def kb_holder(cls: str, country: str, date: str | None) -> object | None:
    """The one KB person holding an office of this class for this country on the date."""
    base = knowledge.kb()
    if base is None or not date:
        return None
    found = []
    try:
        entries = list(base)
    except Exception:
        return None
    for e in entries:
        if e.type != "PER" or not e.terms:
            continue
        t = e.term_at(date)
        if t is not None and t.country == country and role_class(t.role) == cls:
            found.append(e)
    return found[0] if len(found) == 1 else None
