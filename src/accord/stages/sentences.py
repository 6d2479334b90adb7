"""Sentences and tokens with offsets, razdel for every language (fast, good for ru and sr)."""
from __future__ import annotations

from razdel import sentenize, tokenize

from ..doc import Article, Sentence, Token

REQUIRES = ("body",)
ASSIGNS = ("sentences",)


def run(doc: Article) -> None:
    doc.sentences = []
    for para, span in enumerate(doc.body):
        chunk = doc.text[span.start:span.end]
        for s in sentenize(chunk):
            start = span.start + s.start
            tokens = [Token(start=start + t.start, end=start + t.stop, text=t.text) for t in tokenize(s.text)]
            doc.sentences.append(Sentence(start=start, end=span.start + s.stop, text=s.text, tokens=tokens, paragraph=para))
