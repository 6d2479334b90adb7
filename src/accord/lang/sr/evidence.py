"""What one Serbian word says of a name: a first name, a surname ending (-ić, -ović; weakly -in,
-ev, -ski), a verb form or past participle (no name), an adjective opening a place's name, a title,
a stopword, an institution's head noun; lemmas from lemmagen3, lists from lang/sr/.
"""
from __future__ import annotations

import re

from ...models import lemmatizer
from ...ner import institutions, knowledge

LANG = "sr"


# oblique case endings of adjectives ('Arapskih', 'Zapadnog', 'Istočnoj'); a name's first word has none
ADJECTIVE_FORM_ENDINGS = ("ih", "og", "oga", "oj", "ske", "čke", "ške", "skom", "skim", "ska", "sku")
ADJECTIVE_NE = re.compile(r"[^aeiou]n(e|a|u|om|im)$")  # Zapadne, Istočna, Severnu, Južnom
MODIFIER_ENDINGS = ("ih", "og", "oga", "ske", "ške", "čke", "ova", "eva", "sti", "ja", "je", "ije", "a", "e", "i")
L_PARTICIPLE_ENDINGS = ("o", "la", "lo", "li", "le")  # izjavio, rekla, rekli


def lemma(word: str) -> str:
    return lemmatizer("sr").lemmatize(word) or word


def lower_lemma(word: str) -> str:
    return lemmatizer("sr").lemmatize(word.lower()) or word.lower()


def is_verb_form(word: str) -> bool:
    """Past participles and infinitives ('Dobili', 'Razgovarali', 'Istakao') are not names."""
    low = word.lower()
    lem = lower_lemma(low)
    return lem.endswith(("ti", "ći")) and lem != low and not low.endswith(("ić", "ića"))


def has_surname_ending(word: str, weak: bool = False) -> bool:
    """-ić/-ović mark a surname alone; with weak=True also -in/-ev/-ski (Vulin, but Berlin)."""
    lem = lemma(word)
    if len(lem) <= 3:
        return False
    if any(lem.endswith(x) or word.endswith(x) for x in knowledge.words(LANG, "surname_suffixes.txt")):
        return True
    if not weak:
        return False
    # weak endings on the word as written, or on a masculine lemma (Vulinom -> Vulin; not Mađarske)
    masculine = word.lower().endswith(("om", "em", "im", "a", "u"))
    return any(word.endswith(x) or (masculine and lem.endswith(x) and x in ("ov", "ev", "in", "jev"))
               for x in knowledge.words(LANG, "surname_suffixes_weak.txt"))


def is_adjective_form(word: str) -> bool:
    """An adjective opening a name ('Ujedinjenih Arapskih Emirata', 'Istočne Slavonije',
    'Zapadnog Balkana'): persons' names do not open with these case endings."""
    low = word.lower()
    if is_first_name(word):
        return False
    return lower_lemma(low).endswith(("ski", "čki", "ški")) or (
        len(low) > 4 and (low.endswith(ADJECTIVE_FORM_ENDINGS) or bool(ADJECTIVE_NE.search(low))))


def is_first_name(word: str) -> bool:
    names = knowledge.words(LANG, "first_names.txt")
    return word.casefold() in names or lemma(word).casefold() in names


def title_sector(word: str) -> bool:
    t = knowledge.titles(LANG)
    low = word.lower()
    return low in t or lower_lemma(low) in t


def is_stopword(word: str) -> bool:
    stops = knowledge.words(LANG, "stopwords.txt")
    return word.lower() in stops


def is_org_head(word: str) -> bool:
    heads = institutions.heads(LANG)
    return lower_lemma(word) in heads or word.lower() in heads


def is_l_participle(word: str) -> bool:
    """A past participle ('izjavio', 'rekla', 'naveli'): what a subject in the nominative governs."""
    low = word.lower()
    return word[:1].islower() and low.endswith(L_PARTICIPLE_ENDINGS) and is_verb_form(low)
