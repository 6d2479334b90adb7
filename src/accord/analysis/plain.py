"""A language without an analyser: lower-cased razdel words (no lemmas, no parse)."""
from __future__ import annotations

from razdel import tokenize

from ..doc import Sentence
from . import Tok


def tokens(sentences: list[Sentence]) -> list[list[Tok]]:
    return [[Tok(k, s.start + t.start, s.start + t.stop, t.text, t.text.lower(), t.text.lower())
             for k, t in enumerate(tokenize(s.text))] for s in sentences]
