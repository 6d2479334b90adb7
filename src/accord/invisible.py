"""Invisible format characters: what the analysis sees where the text holds them.

Scraped text carries characters a reader never sees: zero-width spaces (U+200B), soft hyphens
(U+00AD), word joiners (U+2060), byte-order marks inside the text (U+FEFF), zero-width
(non-)joiners and bidirectional marks. Every list, model and pattern of accord reads a word
next to one of them as another word: a Reuters article with U+200B before every space lost
all its events and was identified as Khmer.

The stored text must stay as read (every offset points into it), so the stages run on a
*view* of the same length: each invisible character replaced by a space, which every
tokeniser, model and pattern reads as the word boundary it stands for. Offsets in the view are
offsets in the text. When the stages are done, every item's `text` is sliced again from the
original, so a record's `text[start:end] == item.text` holds on what was read. An article with
none of these characters (nearly all) is untouched: the view is the text itself.

A soft hyphen or joiner inside a word ('Ser\\u00adbia') splits it in the view; such a word was
unreadable before too.
"""
from __future__ import annotations

import re

from .doc import Article

INVISIBLE = "\u00ad\u180e\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\u2061\u2062\u2063\u2064" \
            "\u2066\u2067\u2068\u2069\ufeff"
_INVISIBLE_RE = re.compile(f"[{INVISIBLE}]")
_TO_SPACE = str.maketrans({ch: " " for ch in INVISIBLE})


def view(text: str) -> str:
    """The text as the analysis reads it (the same object when it holds no invisible character)."""
    return text.translate(_TO_SPACE) if _INVISIBLE_RE.search(text) else text


def _spans(doc: Article):
    """Every item of the document that carries `start`, `end` and a copy of its `text`."""
    for s in doc.sentences:
        yield s
        yield from s.tokens
    yield from doc.dates
    yield from doc.mentions
    for e in doc.entities:
        yield from e.mentions
    for q in doc.quotes:
        yield q
        yield from (span for span in (q.cue, q.speaker_span) if span is not None)
    for ev in doc.events:
        if ev.trigger is not None:
            yield ev.trigger


def reslice(doc: Article, text: str) -> None:
    """Point the document at `text` (a view or the original, of the same length) and take every
    item's `text` from it. Quotes' text is the quoted words, which is what their span covers."""
    doc.text = text
    for item in _spans(doc):
        item.text = text[item.start:item.end]
    for q in doc.quotes:
        if q.speaker_span is not None:
            q.speaker_text = q.speaker_span.text
