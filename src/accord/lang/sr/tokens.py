"""The tokens the Serbian rules read: each sentence's tokens with their Serbian Latin form
(Cyrillic transliterated token by token, so offsets stay the original text's), whether a KB
gazetteer match covers them, and whether a sentence is written in capitals (a headline).
"""
from __future__ import annotations

from ...doc import Article, Mention, Token
from ...ner.spans import furthest_end
from ...translit import has_cyrillic, sr_to_latin


class Tok(Token, kw_only=True):
    """accord.doc.Token (text: original; lat: its Serbian Latin form) with the one thing only the
    Serbian rules ask of a token: whether a KB gazetteer match covers it."""

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
            toks.append(Tok(start=t.start, end=t.end, text=t.text, lat=lat, kb=reach(t.start) >= t.end))
        out.append(toks)
    return out


def is_caps_sentence(toks: list[Tok]) -> bool:
    words = [t for t in toks if any(c.isalpha() for c in t.lat)]
    caps = [t for t in words if t.allcaps]
    return len(caps) >= 3 and len(caps) >= 0.6 * len(words)
