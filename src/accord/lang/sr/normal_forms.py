"""The normal form (nominative) of a Serbian name: persons word by word (a woman's surname
declined as a feminine noun, a name in a nominative context as written), places with adjective
agreement, organisations with the head noun in the nominative and the genitive tail as written.
"""
from __future__ import annotations

from functools import lru_cache

from ...lang import load_tsv
from ...translit import fold
from .evidence import LANG, lemma, lower_lemma
from .tokens import Tok

CONNECTORS = {"de", "da", "di", "van", "von", "der", "la", "le", "al", "bin", "dos", "del"}
ADJ_ENDINGS = ("ima", "ih", "im", "oga", "og", "ome", "om", "oj", "e", "u", "a", "i", "o")
FEMININE_SURNAME_ENDINGS = ("om", "oj", "u", "e")  # case endings of a feminine noun in -a (not -i: "Meloni" does not decline)


@lru_cache(maxsize=1)
def _female_first_names() -> frozenset[str]:
    return frozenset(fold(r[0]) for r in load_tsv(LANG, "name_gender.tsv")
                     if len(r) > 1 and r[1] == "f" and not r[0].startswith("-"))


def is_female_first_name(word: str) -> bool:
    return fold(word) in _female_first_names()


def female_surname(word: str) -> str:
    """Nominative of a woman's surname: one ending in a consonant does not decline ('Ana
    Brnabić', 'sa Nensi Fezer'); one in -a declines as a feminine noun ('Zaharovom', 'Zaharovoj',
    'Zaharove' -> 'Zaharova'; 'Kamikavom' -> 'Kamikava'), where lemmagen3 reads a man's 'Zaharov'."""
    for ending in FEMININE_SURNAME_ENDINGS:
        stem = word[: -len(ending)]
        if word.endswith(ending) and len(stem) >= 3 and stem[-1].lower() not in "aeiou":
            return stem + "a"
    return word


def _agreeing(word: str, gender_end: str) -> str:
    """An adjective in the nominative agreeing with its head ('Nacionalnom' before 'agencija' ->
    'Nacionalna'): the case ending replaced by the head's gender ending."""
    for e in ADJ_ENDINGS:
        if word.lower().endswith(e) and len(word) - len(e) >= 3:
            return word[: -len(e)] + gender_end
    return word


def normal_form(toks: list[Tok], type_: str, head: int = 0, nominative: bool = False) -> str:
    """Nominative of a name: persons word by word, places with adjective agreement, organisations
    with the head noun in the nominative and the genitive tail as written. A person named in a
    nominative context is kept as written: lemmagen3 knows few foreign names and 'lemmatises'
    nominatives ('Edi Rama' -> 'Edi Ra', 'Fumio Kišida' -> 'Fumiti Kišid')."""
    words = [t.title for t in toks]
    if type_ == "PER" and nominative:
        return " ".join(words)
    if type_ == "PER":
        out = [lemma(w) if w not in CONNECTORS else w for w in words]
        # a man's surname in the instrumental ('Šandorom Pinterom'): lemmagen3 guesses 'Pintera'
        if len(out) > 1 and not out[0].endswith("a"):
            for k in range(1, len(out)):
                w = words[k]
                if w.endswith(("om", "em")) and out[k] == w[:-2] + "a":
                    out[k] = w[:-2]
        if len(out) > 1 and (is_female_first_name(out[0]) or is_female_first_name(words[0])):
            out[0] = words[0] if is_female_first_name(words[0]) else out[0]
            out[1:] = [female_surname(w) for w in words[1:]]
        return " ".join(out)
    if type_ == "ORG":
        if toks[head].allcaps:  # MUP-a -> MUP
            first = toks[head].lat.split("-")[0]
        else:
            first = lemma(words[head])
            if first[:3].lower() != words[head][:3].lower():  # lemmagen3 astray: 'Vijeće' -> 'Veti', 'Tima' -> 'T'
                first = words[head]
        if head:  # adjectives before the head agree with it ('Nacionalnom kriminalističkom agencijom')
            from .institution_words import features, nominative

            end = "a" if first.endswith("a") else ("o" if first.endswith(("o", "e")) else "i")
            first = " ".join([_agreeing(t.title, end) for t in toks[:head]] + [first])
        rest = ""
        for k in range(head + 1, len(toks)):
            rest += (" " if toks[k].start > toks[k - 1].end else "") + toks[k].lat
        return first + rest
    # LOC: head noun last; adjectives before it agree with it
    lemmas = [lemma(w) for w in words]
    if len(words) > 1:
        head_lemma = lemmas[-1]
        gender_end = "a" if head_lemma.endswith("a") else ("o" if head_lemma.endswith(("o", "e")) else "i")
        for i, w in enumerate(words[:-1]):
            if lower_lemma(w).endswith("i") or lemmas[i].endswith(("ski", "čki", "ški")):
                stem = w
                for e in ADJ_ENDINGS:
                    if stem.lower().endswith(e) and len(stem) - len(e) >= 3:
                        stem = stem[: -len(e)]
                        break
                lemmas[i] = stem + gender_end
    return " ".join(lemmas)
