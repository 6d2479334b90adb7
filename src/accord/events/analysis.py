"""Tokens with lemmas (and dependencies where a backend parses) for the sentences of an article.

The analysis itself is shared (accord.analysis, run once per article by the parse stage):
spaCy for English (lemma + parse), natasha for Russian (contextual lemma + parse), lemmagen3 on
transliterated Latin for Serbian (lemma only; no offline Serbian parser exists, so Serbian roles
come from word order and function words). Tokens keep offsets into Article.text.
"""
from __future__ import annotations

from ..analysis import Tok, analyse, has_syntax, sentence_tokens

__all__ = ["Tok", "analyse", "has_syntax", "sentence_tokens"]
