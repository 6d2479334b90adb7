"""Tokens with lemmas (and dependencies where a backend parses) for the sentences of an article.

Each language names its analyser in ANALYSERS: spaCy for English (lemma + parse), natasha for
Russian (contextual lemma + parse), lemmagen3 on transliterated Latin for Serbian (lemma only;
no offline Serbian parser exists, so Serbian roles come from word order and function words).
Tokens keep offsets into Article.text.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..doc import Sentence
from ..models import lemmatizer, natasha, spacy_en
from ..translit import sr_to_latin


@dataclass
class Tok:
    i: int
    start: int
    end: int
    text: str
    low: str  # lower case; Serbian in Latin script
    lemma: str
    pos: str = ""
    dep: str = ""
    head: int = -1  # index of the syntactic head in the same sentence, -1 for root / unknown


def _analyse_en(sentences: list[Sentence]) -> list[list[Tok]]:
    nlp = spacy_en()
    out = []
    for s, sdoc in zip(sentences, nlp.pipe([s.text for s in sentences], disable=["ner"])):
        toks = []
        for t in sdoc:
            if t.is_space:
                continue
            toks.append(Tok(len(toks), s.start + t.idx, s.start + t.idx + len(t.text), t.text, t.text.lower(),
                            t.lemma_.lower(), t.pos_, t.dep_.lower(), t.head.i))
        # spaCy indices -> our indices (spaces dropped)
        remap = {}
        k = 0
        for t in sdoc:
            if not t.is_space:
                remap[t.i] = k
                k += 1
        for tok in toks:
            tok.head = remap.get(tok.head, -1)
            if tok.head == tok.i:
                tok.head = -1
        out.append(toks)
    return out


def _analyse_ru(sentences: list[Sentence]) -> list[list[Tok]]:
    from natasha import Doc

    nat = natasha()
    out = []
    for s in sentences:
        d = Doc(s.text)
        d.segment(nat["segmenter"])
        d.tag_morph(nat["morph"])
        d.parse_syntax(nat["syntax"])
        ids = {t.id: k for k, t in enumerate(d.tokens)}
        toks = []
        for k, t in enumerate(d.tokens):
            t.lemmatize(nat["morph_vocab"])
            lemma = (t.lemma or t.text).lower().replace("ё", "е")
            toks.append(Tok(k, s.start + t.start, s.start + t.stop, t.text, t.text.lower().replace("ё", "е"), lemma,
                            t.pos or "", (t.rel or "").lower(), ids.get(t.head_id, -1)))
        out.append(toks)
    return out


def _analyse_sr(sentences: list[Sentence]) -> list[list[Tok]]:
    lem = lemmatizer("sr")
    out = []
    for s in sentences:
        toks = []
        tokens = s.tokens
        if not tokens:
            from razdel import tokenize

            from ..doc import Token

            tokens = [Token(start=s.start + t.start, end=s.start + t.stop, text=t.text) for t in tokenize(s.text)]
        for t in tokens:
            low = sr_to_latin(t.text).lower()
            lemma = lem.lemmatize(low).lower() if low.isalpha() else low
            toks.append(Tok(len(toks), t.start, t.end, t.text, low, lemma))
        out.append(toks)
    return out


def _analyse_plain(sentences: list[Sentence]) -> list[list[Tok]]:
    """A language without an analyser: lower-cased words (pymorphy-free, parser-free)."""
    from razdel import tokenize

    out = []
    for s in sentences:
        out.append([Tok(k, s.start + t.start, s.start + t.stop, t.text, t.text.lower(), t.text.lower())
                    for k, t in enumerate(tokenize(s.text))])
    return out


ANALYSERS = {"en": _analyse_en, "ru": _analyse_ru, "sr": _analyse_sr}


def analyse(lang: str, sentences: list[Sentence]) -> list[list[Tok]]:
    if not sentences:
        return []
    return ANALYSERS.get(lang, _analyse_plain)(sentences)


def has_syntax(toks: list[Tok]) -> bool:
    return any(t.dep for t in toks)


__all__ = ["Tok", "analyse", "has_syntax"]
