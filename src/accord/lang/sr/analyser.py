"""Serbian: lemmagen3 lemmas of the transliterated (Latin) lower-cased words of each sentence,
and, once per article, the shipped NER model's spans (`article`: what the recogniser reads).

No offline Serbian parser exists, so Serbian roles come from word order and function words.
A word's lemma depends on the word alone, so it is cached per process.
"""
from __future__ import annotations

from functools import lru_cache

from ...doc import Sentence, Token
from ...models import lemmatizer
from ...translit import sr_to_latin


@lru_cache(maxsize=100_000)
def lemma(low: str) -> str:
    return lemmatizer("sr").lemmatize(low).lower() if low.isalpha() else low


def tokens(sentences: list[Sentence]) -> list[list[Token]]:
    out = []
    for s in sentences:
        words = s.tokens
        if not words:
            from razdel import tokenize

            words = [Token(start=s.start + t.start, end=s.start + t.stop, text=t.text) for t in tokenize(s.text)]
        toks = []
        for t in words:
            lat = sr_to_latin(t.text)
            low = lat.lower()
            toks.append(Token(start=t.start, end=t.end, text=t.text, i=len(toks), low=low, lemma=lemma(low), lat=lat))
        out.append(toks)
    return out


def article(doc) -> tuple[list[list[Token]], dict]:
    """The sentences' tokens and the NER model's spans over the body (accord.lang.sr.model_spans)."""
    from .model_spans import model_spans

    return tokens(doc.sentences), {"ner": model_spans(doc)}
