"""Russian case forms of KB aliases, generated at build time (scripts/build_kb.py via
`Russian.kb_forms`): pymorphy3 lexemes for names of places and bodies (leading adjectives agree
with the head noun), surname and first-name ending rules for people ('Вулин' -> 'Вулиным')."""
from __future__ import annotations

import re

from ...kb.forms import combine_cases

_MORPH = None


def morph():
    global _MORPH
    if _MORPH is None:
        import pymorphy3

        _MORPH = pymorphy3.MorphAnalyzer()
    return _MORPH


RU_CASES = ("gent", "datv", "accs", "ablt", "loct")


def _match_case(template: str, word: str) -> str:
    if template.isupper() and len(template) > 1:
        return word.upper()
    if template[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def _ru_nomn_parse(word: str):
    parses = [p for p in morph().parse(word) if "nomn" in p.tag]
    if not parses:
        return None
    # prefer geography/organisation readings for capitalised words
    if word[:1].isupper():
        parses.sort(key=lambda p: (("Geox" not in p.tag and "Orgn" not in p.tag), -p.score))
    return parses[0]


def ru_inflect_phrase(phrase: str, all_nouns: bool) -> set[str]:
    """Case forms of a Russian name: leading adjectives agree with the head noun.

    all_nouns=False stops after the head ('Министерства внутренних дел', 'Республики Сербия');
    True also inflects later nominative nouns (apposition: 'Республики Сербии').
    """
    words = phrase.split()
    parses = []
    head_idx = None
    for n, w in enumerate(words):
        last = w.split("-")[-1]
        if len(last) < 2 or (last.isupper() and len(last) > 1):
            parses.append(None)
            if head_idx is None:
                return set()
            continue
        p = _ru_nomn_parse(last)
        parses.append(p)
        if p is None:
            if head_idx is None:
                return set()
            continue
        if head_idx is None and p.tag.POS == "NOUN":
            head_idx = n
        if head_idx is None and p.tag.POS not in ("ADJF", "PRTF"):
            return set()
    if head_idx is None:
        # adjective-only names (Грозный) inflect as adjectives
        if not parses or parses[0] is None or parses[0].tag.POS not in ("ADJF", "PRTF"):
            return set()
        head_idx = len(words) - 1
    head = parses[head_idx]
    number = head.tag.number or "sing"
    gender = head.tag.gender
    out = set()
    for case in RU_CASES:
        new = list(words)
        ok = True
        for n, (w, p) in enumerate(zip(words, parses)):
            if p is None:
                continue
            if n > head_idx and not (all_nouns and p.tag.POS == "NOUN" and "nomn" in p.tag):
                break
            grams = {case, number}
            if p.tag.POS in ("ADJF", "PRTF") and number == "sing" and gender:
                grams.add(gender)
            if p.tag.POS in ("ADJF", "PRTF") and case == "accs" and head.tag.animacy:
                grams.add(head.tag.animacy)
            inf = p.inflect(grams) or p.inflect({case, number}) or p.inflect({case})
            if inf is None:
                ok = False
                break
            prefix = w[: len(w) - len(w.split("-")[-1])]
            new[n] = prefix + _match_case(w.split("-")[-1], inf.word)
        if ok:
            out.add(" ".join(new))
    return out


_RU_VOWEL_END = tuple("оеиуюэыё")


def _ru_endings(w: str, cut: int, gent, datv, accs, ablt, loct) -> dict[str, list[str]]:
    stem = w[: len(w) - cut] if cut else w
    return {c: [stem + e] for c, e in zip(RU_CASES, (gent, datv, accs, ablt, loct))}


def ru_person_word(word: str, gender: str, given: bool = False) -> dict[str, list[str]]:
    """Case forms of one Russian name word (first name, patronymic, surname), by gender.

    given: a word before the last one (a first name): -ин/-ын decline as nouns there
    (Константином, Мартином), as surnames only at the end (Путиным).
    """
    w = word
    low = w.lower()
    if "-" in w:  # Боцан-Харченко, Касым-Жомарт: each part declines on its own
        parts = w.split("-")
        per = [ru_person_word(p, gender, given) for p in parts]
        return {c: ["-".join((pp.get(c) or [p])[0] for p, pp in zip(parts, per))] for c in RU_CASES
                if any(pp.get(c) for pp in per)}
    if len(w) < 2 or low.endswith(_RU_VOWEL_END) or low in ("де", "фон", "дер", "ас", "аль", "ибн", "ди", "бин", "бен", "ван", "ле"):
        return {}
    soft = low[-2:-1] in "кгхжшчщц"
    if gender == "f":
        if re.search(r"(ова|ева|ёва|ина|ына)$", low):
            return _ru_endings(w, 1, "ой", "ой", "у", "ой", "ой")
        if low.endswith("ая"):
            return _ru_endings(w, 2, "ой", "ой", "ую", "ой", "ой")
        if low.endswith("ия"):
            return _ru_endings(w, 1, "и", "и", "ю", "ей", "и")
        if low.endswith("а"):
            return _ru_endings(w, 1, "и" if soft else "ы", "е", "у", "ой" if not low[-2:-1] in "жшчщц" else "ей", "е")
        if low.endswith("я"):
            return _ru_endings(w, 1, "и", "е", "ю", "ей", "е")
        return {}  # consonant-final women's names do not decline
    if re.search(r"(ский|цкий|ской|цкой|ый|ой)$", low):
        # adjectival surnames: -ским after к (Сырским, Навроцким), -ым otherwise (Горовым)
        return _ru_endings(w, 2, "ого", "ому", "ого", "им" if low[-3:-2] in "кгхжшщч" else "ым", "ом")
    if low.endswith("ий"):
        return _ru_endings(w, 1, "я", "ю", "я", "ем", "и")
    if low.endswith(("й", "ь")):
        return _ru_endings(w, 1, "я", "ю", "я", "ем", "е")
    if low.endswith("а"):
        return _ru_endings(w, 1, "и" if soft else "ы", "е", "у", "ой" if not low[-2:-1] in "жшчщц" else "ей", "е")
    if low.endswith("я"):
        return _ru_endings(w, 1, "и", "е", "ю", "ей", "е")
    surname_end = r"(ов|ев|ёв)$" if given else r"(ов|ев|ёв|ин|ын)$"
    instr = "ым" if re.search(surname_end, low) else ("ем" if low[-1] in "жшчщц" else "ом")
    return _ru_endings(w, 0, "а", "у", "а", instr, "е")



def ru_person_forms(name: str, gender: str) -> set[str]:
    words = name.split()
    return combine_cases(words, [ru_person_word(w, gender, given=n < len(words) - 1) for n, w in enumerate(words)], RU_CASES)

