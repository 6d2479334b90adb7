"""Serbian (Latin) case forms of KB aliases, generated at build time (scripts/build_kb.py via
`Serbian.kb_forms`): case-ending rules for nouns and agreeing adjectives, of names, nationality
adjectives and demonyms (Cyrillic is the Latin transliterated, so one list serves both)."""
from __future__ import annotations

import re

from ...kb.forms import combine_cases

SR_CASES = ("gen", "dat", "acc", "ins")
_SR_PALATAL = ("c", "č", "ć", "š", "ž", "đ", "j", "lj", "nj", "dž")
_SR_ADJ_LIST = {"veliki", "velika", "veliko", "velike", "novi", "nova", "novo", "nove", "stari", "stara",
                "staro", "crna", "crni", "crno", "bela", "beli", "belo", "mali", "mala", "malo", "sveti",
                "sveta", "zapadni", "istočni", "južni", "severni", "bliski", "srednja", "prva", "drugi",
                "ujedinjeno", "ujedinjene", "ujedinjeni", "sjedinjene", "državni", "državna", "savezna",
                "savezno", "savezni", "generalno", "međunarodna", "međunarodni", "oružane"}
_SR_ADJ_SUFFIX = re.compile(r"(sk|šk|čk|ck|n|ov|ev|ij|ičk|alj|ašnj|ušnj|nj|šnj)(i|a|o|e)$")
_SR_ADJ_SURNAME = re.compile(r"(ski|čki|cki|ški|ska|čka|cka|ška)$")  # Slavic -ski/-ska surnames
_SR_PARTICLES = {"i", "de", "fon", "der", "van", "al", "el", "za", "u", "na", "od", "iz", "protiv", "o"}


def sr_is_adjective(word: str) -> bool:
    low = word.lower().split("-")[-1]
    return low in _SR_ADJ_LIST or bool(_SR_ADJ_SUFFIX.search(low)) and len(low) > 4


def sr_adj_forms(word: str, gender: str) -> dict[str, list[str]]:
    """Case forms of an adjective agreeing with a head of `gender` (m, f, n, pl_f, pl_m)."""
    stem = word[:-1]
    table = {
        "m": {"gen": ["og", "oga"], "dat": ["om", "ome"], "acc": ["i", "og"], "ins": ["im"]},
        "f": {"gen": ["e"], "dat": ["oj"], "acc": ["u"], "ins": ["om"]},
        "n": {"gen": ["og", "oga"], "dat": ["om", "ome"], "acc": ["o"], "ins": ["im"]},
        "pl_f": {"gen": ["ih"], "dat": ["im", "ima"], "acc": ["e"], "ins": ["im", "ima"]},
        "pl_m": {"gen": ["ih"], "dat": ["im", "ima"], "acc": ["e"], "ins": ["im", "ima"]},
    }[gender]
    return {c: [stem + e for e in ends] for c, ends in table.items()}


_SIBILAR = {"k": "c", "g": "z", "h": "s"}
_FLEETING = re.compile(r"([bdgkptv]ar|[^aeiou]ac|[^aeiou]at|[^aeiou]am)$")


def sr_noun_gender(word: str, person_gender: str | None = None, plural: bool = False) -> str:
    low = word.lower()
    if plural:
        return "pl_f" if low.endswith("e") else "pl_m"
    if person_gender == "m":
        return "m"
    if person_gender == "f":
        return "f" if low.endswith("a") else "f0"
    if low.endswith("a"):
        return "f"
    if low.endswith(("o", "e")):
        return "n"
    if low.endswith(("i", "u")):
        return "indecl"
    return "m"


def sr_noun_forms(word: str, gender: str, animate: bool = False) -> dict[str, list[str]]:
    """Singular (or plural with pl_*) case forms of a Serbian noun or name (Latin)."""
    if "-" in word and gender != "indecl":
        head, _, last = word.rpartition("-")
        return {c: [head + "-" + f for f in fs] for c, fs in sr_noun_forms(last, gender, animate).items()}
    low = word.lower()
    out: dict[str, list[str]] = {}
    if gender in ("indecl", "f0") or len(word) < 3:
        return {}
    if gender == "pl_f":
        stem = word[:-1]
        return {"gen": [stem + "a"], "dat": [stem + "ama"], "acc": [word], "ins": [stem + "ama"]}
    if gender == "pl_m":
        stem = word[:-1]
        return {"gen": [stem + "a"], "dat": [stem + "ima"], "acc": [stem + "e"], "ins": [stem + "ima"]}
    if low.endswith("a"):  # Srbija, Moskva, Budimpešta, Nikola
        stem = word[:-1]
        dat = [stem + "i"]
        if stem[-1:].lower() in _SIBILAR and not low.endswith("ija"):
            dat.append(stem[:-1] + _SIBILAR[stem[-1].lower()] + "i")
        return {"gen": [stem + "e"], "dat": dat, "acc": [stem + "u"], "ins": [stem + "om"]}
    if gender == "n":  # Kosovo, Sarajevo, Ministarstvo
        stem = word[:-1]
        ins = stem + ("em" if low.endswith("e") else "om")
        return {"gen": [stem + "a"], "dat": [stem + "u"], "acc": [word], "ins": [ins]}
    if low.endswith("o"):  # masculine -o names (Milo, Đuro): Mila, Milu, Milom
        stem = word[:-1]
        return {"gen": [stem + "a"], "dat": [stem + "u"], "acc": [stem + "a"], "ins": [stem + "om"]}
    if low.endswith("i") and animate:  # foreign names: Modi -> Modija
        return {"gen": [word + "ja"], "dat": [word + "ju"], "acc": [word + "ja"], "ins": [word + "jem"]}
    if low[-1:] in "aeiou":
        return {}
    stem = word
    if _FLEETING.search(low) and len(low) > 4:
        stem = word[:-2] + word[-1]  # Aleksandar -> Aleksandr-, Kragujevac -> Kragujevc-
    palatal = stem.lower().endswith(_SR_PALATAL)
    ins = [stem + ("em" if palatal else "om")]
    if animate and re.search(r"(ov|ev|in)$", low):
        ins.append(stem + "im")  # Russian surnames: Patruševim, Putinim
    out = {"gen": [stem + "a"], "dat": [stem + "u"], "acc": [stem + "a"] if animate else [word], "ins": ins}
    return out


def sr_inflect_phrase(phrase: str, etype: str, gender: str | None = None) -> set[str]:
    """Case forms of a Serbian (Latin) name.

    LOC: every word of the name agrees ('Republika Srbija' -> 'Republike Srbije'), and each
    member of a coordinated name declines on its own, the conjunction kept ('Bosna i
    Hercegovina' -> 'Bosni i Hercegovini', 'Autonomna Pokrajina Kosovo i Metohija' ->
    'Autonomnoj Pokrajini Kosovu i Metohiji').
    ORG: leading adjectives and the head noun, the rest stays ('Ministarstvo unutrašnjih
    poslova' -> 'Ministarstva unutrašnjih poslova'). PER: every word, by the person's gender.
    """
    words = phrase.split()
    if not words or any(w.isupper() and len(w) > 1 for w in words[:1]):
        return set()
    per_word: list[dict[str, list[str]]] = []
    if etype == "PER":
        for w in words:
            if w.lower() in _SR_PARTICLES or w.isupper():
                per_word.append({})
            elif _SR_ADJ_SURNAME.search(w.lower()) and len(w) > 4 and gender in ("m", "f"):
                # adjectival surnames decline as adjectives: Pendarovski -> Pendarovskog, Pendarovskom,
                # Pendarovskim; Siljanovska -> Siljanovske, Siljanovskoj, Siljanovsku, Siljanovskom
                per_word.append(sr_adj_forms(w, gender) if w.lower().endswith("a") == (gender == "f") else
                                sr_noun_forms(w, sr_noun_gender(w, gender), animate=True))
            else:
                per_word.append(sr_noun_forms(w, sr_noun_gender(w, gender), animate=True))
        return combine_cases(words, per_word, SR_CASES)
    if etype == "LOC" and _CONJ in words[1:-1]:
        # a coordinated place name: each member is a name of its own, in the same case
        members: list[list[str]] = [[]]
        for w in words:
            if w == _CONJ:
                members.append([])
            else:
                members[-1].append(w)
        if any(not m for m in members):
            return set()
        for k, m in enumerate(members):
            if k:
                per_word.append({})  # the conjunction
            forms = _name_cases(m, etype)
            if forms is None:
                return set()
            per_word.extend(forms)
        return combine_cases(words, per_word, SR_CASES)
    if len(words) == 1 and etype == "LOC" and words[0].lower().endswith("i") \
            and sr_noun_gender(words[0]) == "indecl":
        # foreign places in -i decline with -j-: Dubai -> Dubaija, Dubaiju, Dubaijem
        w = words[0]
        return {w + "ja", w + "ju", w + "jem"}
    forms = _name_cases(words, etype)
    return combine_cases(words, forms, SR_CASES) if forms is not None else set()


_CONJ = "i"
# feminine nouns that end in a consonant (i-declension): 'Moskovska oblast' -> 'Moskovske oblasti'
_SR_FEM_I = {"oblast", "vlast", "ravan"}
# the ending an agreeing adjective shows before a noun of each ending (nominative)
_AGREES = {"a": ("a",), "i": ("", "i", "o"), "o": ("o", "e"), "e": ("e",)}


def _agrees(adj: str, noun: str) -> bool:
    """Whether a word in an adjective's form can agree with the noun after it: 'Srpska
    napredna stranka', 'Novi Sad', 'Bijelo Polje'; not 'Vojska Srbije' (a noun and its
    genitive) nor 'Bosna i' (a noun before a conjunction)."""
    if noun.lower() in _SR_PARTICLES or not noun[:1].isalpha():
        return False
    a, n = adj[-1:].lower(), noun[-1:].lower()
    if noun.lower() in _SR_FEM_I:
        return a == "a"
    ends = _AGREES.get(a, ())
    return n in ends or ("" in ends and n not in "aeiou")


def _name_cases(words: list[str], etype: str) -> list[dict[str, list[str]]] | None:
    """Per-word case forms of one (uncoordinated) place or organisation name; None when its
    head does not decline."""
    # the head: the first word that is not an adjective agreeing with the word after it
    head = len(words) - 1
    for n, w in enumerate(words[:-1]):
        if not (sr_is_adjective(w) and _agrees(w, words[n + 1])):
            head = n
            break
    # plural names: 'Sjedinjene Američke Države' (f), 'Ujedinjeni Arapski Emirati' (m)
    plural = head > 0 and len(words[head]) > 4 and (
        (words[head].lower().endswith("e") and words[head - 1].lower().endswith("e"))
        or (words[head].lower().endswith("i") and words[head - 1].lower().endswith("i")))
    head_gender = sr_noun_gender(words[head], plural=plural)
    if head_gender == "indecl" or words[head].lower() in _SR_PARTICLES:
        return None
    fem_i = words[head].lower() in _SR_FEM_I
    if fem_i:
        head_gender = "f"
    per_word: list[dict[str, list[str]]] = []
    stop = False
    for n, w in enumerate(words):
        if stop or w.lower() in _SR_PARTICLES or w.isupper():
            per_word.append({})
            if w.lower() in _SR_PARTICLES and etype != "LOC":
                stop = True
            continue
        if n < head:
            per_word.append(sr_adj_forms(w, head_gender) if head_gender in ("m", "f", "n", "pl_f", "pl_m") else {})
        elif n == head:
            per_word.append({"gen": [w + "i"], "dat": [w + "i"], "acc": [w], "ins": [w + "i"]} if fem_i
                            else sr_noun_forms(w, head_gender))
            if etype != "LOC":
                stop = True
        else:  # LOC apposition: each later word declines on its own
            if sr_is_adjective(w) and n < len(words) - 1 and _agrees(w, words[n + 1]):
                g = {"a": "f", "i": "m", "o": "n", "e": "pl_f"}.get(w[-1:].lower())
                forms = sr_adj_forms(w, g) if g else {}
            else:
                forms = sr_noun_forms(w, sr_noun_gender(w))
            if w[:1].islower() and etype == "LOC" and not sr_is_adjective(w):
                forms = {}
            per_word.append(forms)
    return per_word


def sr_adjective_all(word: str) -> set[str]:
    """Every case/gender/number form of a Serbian adjective given in masculine nominative."""
    stem = word[:-1] if word.endswith("i") else word
    ends = ("i", "og", "oga", "om", "ome", "im", "a", "e", "oj", "u", "o", "ih", "ima")
    return {stem + e for e in ends}


def sr_demonym_all(word: str) -> set[str]:
    """Serbian demonym forms: 'Srbin' -> Srbina, Srbinu, Srbinom; 'Srbi' -> Srba, Srbima, Srbe."""
    low = word.lower()
    if low.endswith("i") and len(low) > 3:  # plural
        stem = word[:-1]
        return {word, stem + "a", stem + "ima", stem + "e"}
    forms = {word}
    for fs in sr_noun_forms(word, "m", animate=True).values():
        forms.update(fs)
    if low.endswith("in"):
        forms.add(word[:-2] + "a")  # gen. plural Srba
    elif low.endswith("ac"):
        forms.add(word + "a")  # Amerikanaca
    else:
        forms.add(word + "a")
    return forms


# --- the Croatian and Bosnian standards' spellings of a Serbian alias --------------------------
def _variant_rows() -> list[tuple[str, list[str]]]:
    """(Serbian word or prefix*, [its forms in the other standards]) from variants_yat.tsv
    (ekavian -> ijekavian) and variants_lexical.tsv (Evropa -> Europa, savet -> vijeće)."""
    from pathlib import Path

    rows = []
    for name in ("variants_yat.tsv", "variants_lexical.tsv"):
        for line in (Path(__file__).parent / name).read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith(("#", "@")):
                continue
            cols = [c.strip() for c in line.split("\t")]
            if cols[0] != "-" and len(cols) > 1:
                rows.append((cols[0], [c for c in cols[1:] if c != "-" and c != cols[0]]))
    return rows


_VARIANTS: list | None = None


def _word_variants(word: str) -> set[str]:
    global _VARIANTS
    if _VARIANTS is None:
        _VARIANTS = _variant_rows()
    low = word.lower()
    out = set()
    for sr, others in _VARIANTS:
        prefix = sr.endswith("*")
        stem = sr.rstrip("*")
        if (prefix and low.startswith(stem)) or (not prefix and low == stem):
            for o in others:
                ostem = o.rstrip("*")
                new = ostem + low[len(stem):] if prefix and o.endswith("*") else (o if not o.endswith("*") else None)
                if new and new != low:
                    out.add(new[:1].upper() + new[1:] if word[:1].isupper() else new)
            break
    return out


def sr_standard_variants(alias: str) -> set[str]:
    """An alias as Croatian and Bosnian spell it, word by word ('Savet bezbednosti' -> 'Savjet
    bezbjednosti', 'Evropska unija' -> 'Europska unija', 'Severna Makedonija' -> 'Sjeverna
    Makedonija'): every word takes its first variant, the others stay."""
    words = alias.split()
    options = [sorted(_word_variants(w)) for w in words]
    if not any(options):
        return set()
    out = set()
    for k in range(max(len(o) for o in options)):
        out.add(" ".join(o[min(k, len(o) - 1)] if o else w for w, o in zip(words, options)))
    out.discard(alias)
    return out
