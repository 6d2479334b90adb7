"""Russian NER with natasha (slovnet NER + morphology), normal forms by natasha's normaliser.

Why natasha: it ships its weights, is trained on Russian news, and its normaliser turns
"Иваном Кубраковым" into "Иван Кубраков", which identity needs.
"""
from __future__ import annotations

from functools import lru_cache

from ..doc import Article, Mention
from ..models import natasha, pymorphy
from . import institutions, knowledge
from .institutions import Features
from .spans import make

LANG = "ru"


def model_docs(doc: Article) -> list[tuple[int, object]]:
    """(body span start, natasha Doc with segmentation, morphology and NER) for each body span."""
    from ..analysis.russian import ner_docs

    return ner_docs(doc, {})


def recognise(doc: Article) -> list[Mention]:
    from ..analysis import shared_extra

    tools = natasha()
    out: list[Mention] = []
    docs = shared_extra(doc, "ner")
    for start, nd in (docs if docs is not None else model_docs(doc)):
        for s in nd.spans:
            try:
                s.normalize(tools["morph_vocab"])
                normal = s.normal or s.text
            except Exception:  # the normaliser fails on rare token shapes; keep the surface form
                normal = s.text
            m = make(doc.text, start + s.start, start + s.stop, s.type, "natasha")
            if m is None:
                continue
            if m.text != s.text:
                normal = m.text if len(normal) != len(s.text) else normal[m.start - start - s.start:][:len(m.text)]
            m.normal = normal
            out.append(m)
    return out


def retype(m: Mention) -> str:
    return m.type


# -- word features for institution names (accord.ner.institutions) ------------------------
NOUNISH = ("NOUN", "ADJF", "PRTF")
VERBISH = ("VERB", "INFN", "GRND", "PRTS", "ADJS", "PRED")


@lru_cache(maxsize=50000)
def features(word: str) -> Features:
    """pymorphy's readings of one word, as the institution rule needs them."""
    if not any(c.isalpha() for c in word):
        return Features()
    parses = pymorphy().parse(word)
    heads = institutions.heads(LANG)
    head = next((p for p in parses if p.tag.POS == "NOUN" and p.normal_form in heads), None)
    top = parses[0]
    country = knowledge.country_from_word(word, LANG)
    adj = top.tag.POS in ("ADJF", "PRTF") or (country is not None and word[:1].islower())
    if head is not None:
        cases = frozenset(p.tag.case for p in parses if p.tag.POS == "NOUN" and p.normal_form == head.normal_form)
    elif adj:
        cases = frozenset(p.tag.case for p in parses if p.tag.POS in ("ADJF", "PRTF"))
    else:
        cases = frozenset(p.tag.case for p in parses if p.tag.POS in NOUNISH)
    pronoun = any(p.tag.POS in ("NPRO", "NUMR") or "Apro" in p.tag or "Anum" in p.tag for p in parses[:2])
    plural = head is not None and all(p.tag.number == "plur" for p in parses if p.tag.POS == "NOUN"
                                      and p.normal_form == head.normal_form)
    return Features(
        plural=plural, lemma=head.normal_form if head is not None else top.normal_form,
        head=head is not None, cap_only=head is not None and heads.get(head.normal_form, False),
        adj=adj and not pronoun, gen="gent" in cases and top.tag.POS in NOUNISH and not pronoun, cases=frozenset(c for c in cases if c),
        country=country, verb=top.tag.POS in VERBISH, key=word.lower())


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
