"""Serbian word features for the shared institution rule (accord.ner.institutions): the
`features` and `nominative` hooks of the Serbian recogniser.
"""
from __future__ import annotations

from functools import lru_cache

from ...ner import institutions, knowledge
from ...ner.institutions import Features
from ...translit import has_cyrillic, sr_to_cyrillic, sr_to_latin
from .evidence import ADJECTIVE_FORM_ENDINGS, LANG, MODIFIER_ENDINGS, is_stopword, is_verb_form, lemma, lower_lemma


@lru_cache(maxsize=50000)
def features(word: str) -> Features:
    """Serbian (either script) word features from lemmagen3 and case endings, for the shared
    institution rule ('Аустријско министарство унутрашњих послова', 'Službe za borbu ...')."""
    if not any(c.isalpha() for c in word):
        return Features()
    lat = sr_to_latin(word) if has_cyrillic(word) else word
    low = lat.lower()
    heads = institutions.heads(LANG)
    head_lemma = lower_lemma(low)
    head = head_lemma in heads or low in heads
    country = knowledge.country_from_word(word, LANG)
    verb = is_verb_form(lat) or (low.endswith(("ti", "ći")) and head_lemma == low) \
        or low in knowledge.words(LANG, "auxiliaries.txt")  # infinitives: 'zatražiti'; 'Saveta biće'
    adj = not head and not verb and not is_stopword(lat) and (  # ('koje kosovska vlada': 'koji' is no adjective)
        head_lemma.endswith(("ski", "čki", "ški", "ni", "ji")) or (
        len(low) > 4 and low.endswith(ADJECTIVE_FORM_ENDINGS + ("no", "ko", "sko"))))
    gen = low.endswith(MODIFIER_ENDINGS) and not is_stopword(lat) and not verb and not low.endswith(("lo", "la", "li"))
    return Features(head=head, cap_only=heads.get(head_lemma, heads.get(low, False)) if head else False,
                    adj=adj, gen=gen, country=country, verb=verb, key=low, lemma=head_lemma,
                    plural=head and low.endswith(PLURAL_OBLIQUE))


PLURAL_OBLIQUE = ("ama", "ima", "ovima", "evima")  # 'službama', 'organima': several bodies


def nominative(word: str, head: Features) -> str:
    """The nominative lemma (lemmagen3), in the word's script and capitalisation; an adjective
    agrees with its head ('Evropske komisije' -> 'Evropska komisija', not 'Evropski')."""
    lat = sr_to_latin(word) if has_cyrillic(word) else word
    out = lemma(lat)
    if not features(word).head and out.lower().endswith("i") and head.lemma and not head.lemma.endswith(("i", "r", "n", "t", "d", "s", "k", "v", "l", "m", "j", "c")):
        out = out[:-1] + ("a" if head.lemma.endswith("a") else "o")
    if lat[:1].isupper():
        out = out[:1].upper() + out[1:]
    return sr_to_cyrillic(out) if has_cyrillic(word) else out
