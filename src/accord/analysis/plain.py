"""A language without an analyser: lower-cased razdel words (no lemmas, no parse)."""
from __future__ import annotations

from razdel import tokenize

from ..doc import Sentence, Token


def tokens(sentences: list[Sentence]) -> list[list[Token]]:
    return [[Token(start=s.start + t.start, end=s.start + t.stop, text=t.text, i=k, low=t.text.lower(),
                   lemma=t.text.lower(), lat=t.text)
             for k, t in enumerate(tokenize(s.text))] for s in sentences]
