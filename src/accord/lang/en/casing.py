"""How the model reads an ALL-CAPS line: in the case the document writes each word in elsewhere
('SOCCER - LEBED MEETS ...' -> 'Soccer - Lebed meets ...'), as the model was trained on mixed
case; the copy has the line's length, so offsets stay the document's.
"""
from __future__ import annotations

import re

from ...doc import Article


_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def caps_to_title(chunk: str, casing: dict[str, str] | None = None) -> str:
    """A copy of an ALL-CAPS line ('JOHANNESBURG 1996-08-30', 'SOCCER - LEBED MEETS ...') in
    the case the document writes each word in elsewhere ('Lebed', 'meets'), title case for words
    it does not write elsewhere, of the same length, so the model (trained on mixed case) reads
    it as a sentence."""
    letters = list(filter(str.isalpha, chunk))
    if len(letters) < 4 or sum(map(str.isupper, letters)) < 0.8 * len(letters):
        return chunk
    out = []
    prev = " "
    for c in chunk:
        out.append(c.upper() if not prev.isalpha() and prev not in "'’" else c.lower())
        prev = c
    titled = "".join(out)
    if casing:
        parts = []
        pos = 0
        for mo in _WORD.finditer(titled):
            parts.append(titled[pos:mo.start()])
            word = mo.group()
            parts.append(casing.get(word.casefold(), word))
            pos = mo.end()
        parts.append(titled[pos:])
        cased = "".join(parts)
        titled = cased if len(cased) == len(titled) else titled
    return titled if len(titled) == len(chunk) else chunk


def document_casing(text: str, chunks: list[tuple[int, int]]) -> dict[str, str]:
    """word (case-folded) -> lower case where the document's mixed-case lines write it in lower
    case more often than capitalised (sentence starts not counted): the case to give it in an
    ALL-CAPS headline."""
    from collections import Counter

    lower, upper = Counter(), Counter()
    for start, end in chunks:
        line = text[start:end]
        letters = list(filter(str.isalpha, line))
        if not letters or sum(map(str.isupper, letters)) >= 0.8 * len(letters):
            continue
        for mo in _WORD.finditer(line):
            word = mo.group()
            before = line[:mo.start()].rstrip()
            if not before or before[-1] in ".!?:\"'“”‘’-(":
                continue
            if word.islower():
                lower[word] += 1
            elif word[:1].isupper() and not word.isupper():
                upper[word.casefold()] += 1
    return {w: w for w, n in lower.items() if n > upper[w]}


def model_texts(doc: Article, chunks: list[tuple[int, int]]) -> list[str]:
    """The body lines as the model reads them (ALL-CAPS lines in the document's case)."""
    casing = None
    texts = []
    for s, e in chunks:
        line = doc.text[s:e]
        if casing is None and caps_to_title(line) != line:
            casing = document_casing(doc.text, chunks)
        texts.append(caps_to_title(line, casing))
    return texts
