"""Russian word features for the shared institution rule (accord.ner.institutions), from
pymorphy3: the `features` and `nominative` hooks of the Russian recogniser.
"""
from __future__ import annotations

from functools import lru_cache

from ...models import pymorphy
from ...ner import institutions, knowledge
from ...ner.institutions import Features

LANG = "ru"


NOUNISH = ("NOUN", "ADJF", "PRTF")
VERBISH = ("VERB", "INFN", "GRND", "PRTS", "ADJS", "PRED")


_TAG_INFO: dict = {}  # pymorphy3 tag -> what features() reads of it (see _tag_info)


def _tag_info(tag) -> tuple:
    """What features() asks of one pymorphy3 tag, computed once per tag (each attribute read
    builds a typed grammeme whose comparisons run in Python): (POS == NOUN, POS in ADJF/PRTF,
    POS in NOUNISH, a pronoun or numeral reading, POS in VERBISH, number == plur, ADJF or a
    non-active PRTF, the case grammeme)."""
    info = _TAG_INFO.get(tag)
    if info is None:
        pos = tag.POS
        info = (pos == "NOUN", pos in ("ADJF", "PRTF"), pos in NOUNISH,
                pos in ("NPRO", "NUMR") or "Apro" in tag or "Anum" in tag, pos in VERBISH,
                tag.number == "plur", pos == "ADJF" or (pos == "PRTF" and "actv" not in tag), tag.case)
        if len(_TAG_INFO) >= 20_000:
            _TAG_INFO.clear()
        _TAG_INFO[tag] = info
    return info


@lru_cache(maxsize=50000)
def features(word: str) -> Features:
    """pymorphy's readings of one word, as the institution rule needs them."""
    if not any(c.isalpha() for c in word):
        return Features()
    parses = pymorphy().parse(word)
    infos = [_tag_info(p.tag) for p in parses]
    heads = institutions.heads(LANG)
    head = next((p for p, i in zip(parses, infos) if i[0] and p.normal_form in heads), None)
    top, t = parses[0], infos[0]
    country = knowledge.country_from_word(word, LANG)
    # (an active participle is no part of a name: 'возглавлявший отдел России')
    # (a lower-case country word is an adjective unless it reads as a noun: 'итальянцы')
    adj = t[6] or (country is not None and word[:1].islower() and not t[0])
    if head is not None:
        same = [i for p, i in zip(parses, infos) if i[0] and p.normal_form == head.normal_form]
        cases = frozenset(i[7] for i in same)
    elif adj:
        cases = frozenset(i[7] for i in infos if i[1])
    else:
        cases = frozenset(i[7] for i in infos if i[2])
    pronoun = any(i[3] for i in infos[:2])
    plural = head is not None and all(i[5] for i in same)
    return Features(
        plural=plural, lemma=head.normal_form if head is not None else top.normal_form,
        head=head is not None, cap_only=head is not None and heads.get(head.normal_form, False),
        adj=adj and not pronoun, gen="gent" in cases and t[2] and not pronoun, cases=frozenset(c for c in cases if c),
        country=country, verb=t[4], key=word.lower())


def nominative(word: str, head: Features) -> str:
    """The word in the nominative, in the case its head is in ('Министерства' -> 'Министерство',
    'китайскому' -> 'китайское' beside 'правительству')."""
    for p in pymorphy().parse(word):
        if p.tag.POS in NOUNISH and (not head.cases or p.tag.case in head.cases):
            form = p.inflect({"nomn"})
            if form is not None:
                out = form.word
                if word[:1].isupper():
                    out = out[:1].upper() + out[1:]
                if word.isupper() and len(word) > 1:
                    out = out.upper()
                return out
    return word
