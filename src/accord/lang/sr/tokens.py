"""The tokens the Serbian rules read: each sentence's tokens with their Serbian Latin form
(Cyrillic transliterated token by token, so offsets stay the original text's), whether a KB
gazetteer match covers them, and whether a sentence is written in capitals (a headline).
"""
from __future__ import annotations

from dataclasses import dataclass

from ...doc import Article, Mention
from ...ner.spans import furthest_end
from ...translit import has_cyrillic, sr_to_latin


@dataclass
class Tok:
    start: int
    end: int
    text: str  # original
    lat: str  # Serbian Latin
    kb: bool = False  # covered by a KB gazetteer match

    @property
    def cap(self) -> bool:
        return self.lat[:1].isupper()

    @property
    def allcaps(self) -> bool:
        letters = list(filter(str.isalpha, self.lat))
        return len(letters) >= 2 and all(map(str.isupper, letters))

    @property
    def title(self) -> str:
        """Title-cased form of an all-caps token ('VULIN' -> 'Vulin'), else the Latin text."""
        if self.allcaps:
            return "-".join(p[:1] + p[1:].lower() for p in self.lat.split("-"))
        return self.lat


def tokens_of(doc: Article, gaz: list[Mention]) -> list[list[Tok]]:
    # a token is covered when some gazetteer match starts at or before it and ends at or after it
    reach = furthest_end((g.start, g.end) for g in gaz)
    out = []
    for sent in doc.sentences:
        toks = []
        for t in sent.tokens:
            lat = sr_to_latin(t.text) if has_cyrillic(t.text) else t.text
            toks.append(Tok(t.start, t.end, t.text, lat, reach(t.start) >= t.end))
        out.append(toks)
    return out


def is_caps_sentence(toks: list[Tok]) -> bool:
    words = [t for t in toks if any(c.isalpha() for c in t.lat)]
    caps = [t for t in words if t.allcaps]
    return len(caps) >= 3 and len(caps) >= 0.6 * len(words)
