"""How the model reads an ALL-CAPS line: in the case the document writes each word in elsewhere
('SOCCER - LEBED MEETS ...' -> 'Soccer - Lebed meets ...'), as the model was trained on mixed
case; the copy has the line's length, so offsets stay the document's. A word the document does
not write elsewhere takes the case the language writes it in (common_words.txt, counted over
public news text, with its inflections: 'DEFEATS', 'LOWERS'), unless it may be a name: a first
name, or a bare word after one ('KEVIN GREEN'). Without that, a title-cased headline reads as one
long name to the model ('Kevin Brown Lowers Era', 'Defeats Bailey').
"""
from __future__ import annotations

import re
from functools import lru_cache

from ...doc import Article


_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def _inflections(word: str) -> list[str]:
    """The word and the stems its English endings may hide ('defeats' -> 'defeat', 'lowered' ->
    'lower', 'carries' -> 'carry', 'taking' -> 'take')."""
    out = [word]
    for end, repl in (("ies", "y"), ("ied", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"),
                      ("ing", ""), ("ing", "e"), ("'s", ""), ("’s", "")):
        if word.endswith(end) and len(word) - len(end) >= 3:
            out.append(word[: len(word) - len(end)] + repl)
    return out


@lru_cache(maxsize=1)
def lower_case_words() -> frozenset[str]:
    """Words English writes in lower case: common_words.txt (counted over public news text) and
    the verbs, adjectives and adverbs of the packaged model's lemma index (WordNet's: 'defeat',
    'retain', 'international'; its nouns hold surnames, 'miller', 'jones', and are left out)."""
    from ...models import spacy_en
    from ...ner import knowledge

    words = set(knowledge.words("en", "common_words.txt"))
    try:
        index = spacy_en().get_pipe("lemmatizer").lookups.get_table("lemma_index")
        for pos in ("verb", "adj", "adv"):
            words.update(w for w in index.get(pos, []) if w.isalpha())
    except Exception:  # a model without the table: the list alone
        pass
    return frozenset(words)


def lexicon_case(word: str, prev: str) -> str:
    """The word in lower case where the language writes it so (common_words.txt or a stem of it)
    and it cannot be part of a person's name (a first name; right after one, only an inflected
    form)."""
    from ...ner import knowledge
    from .persons import known_first_names

    low = word.casefold()
    names = known_first_names()
    if low in names:
        return word
    common = lower_case_words()
    # after a first name only an inflected form ('MITCHELL DEFEATS'), not a bare word that may be
    # a surname ('KEVIN GREEN')
    forms = _inflections(low)[1:] if prev.casefold() in names else _inflections(low)
    return word.lower() if any(w in common for w in forms) else word


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
        prev = ""
        for i, mo in enumerate(_WORD.finditer(titled)):
            parts.append(titled[pos:mo.start()])
            word = mo.group()
            known = casing.get(word.casefold())
            if known is None and i > 0:
                known = lexicon_case(word, prev)
            parts.append(known or word)  # '' = the document writes it capitalised
            prev = word
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
    out = {w: w for w, n in lower.items() if n > upper[w]}
    out.update((w, "") for w in upper if w not in out)  # written capitalised: keep it so
    return out


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
