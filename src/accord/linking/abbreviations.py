"""Abbreviations an article defines: 'Republic of Srpska (RS)', 'Федерального бюро расследований
(ФБР)', 'Uprave granične policije (UGP)'.

Why: an abbreviation is short and means different things in different places; the KB reads 'RS'
as Serbia (its ISO code), so 'The Republic of Srpska (RS) police' gave Bosnia's entity's police
to Serbia. An article that writes a name and then its initials in brackets has said what the
initials mean in it, and that outranks any reading from outside: every mention of those initials
in the article is the named entity. Only initials that spell the name (its capitalised words'
first letters, or every word's but short lower-case link words: 'of', 'и', 'za') count, so
'Uljana Lukić (SNS)' (a party after a person) and 'Beograd (RTS)' (a source) define nothing.
"""
from __future__ import annotations

import re

from ..doc import Mention

ABBR = re.compile(r"^[A-ZА-ЯЁЂЈЉЊЋЏČĆŠŽĐ]{2,6}$")
LINK_WORD = 3  # lower-case words this short are link words ('of', 'и', 'za', 'по'), not initials


def initials(name: str) -> set[str]:
    """The spellings of a name's initials: 'Republic of Srpska' -> {'RS', 'ROS'}."""
    words = [w for w in re.split(r"[\s-]+", name) if w[:1].isalpha()]
    capitals = "".join(w[0] for w in words if w[0].isupper())
    content = "".join(w[0] for w in words if not (w.islower() and len(w) <= LINK_WORD))
    every = "".join(w[0] for w in words)
    return {s.upper() for s in (capitals, content, every) if len(s) >= 2}


def defined(text: str, mentions: list[Mention]) -> dict[str, Mention]:
    """Abbreviation -> the mention whose name it abbreviates: a mention of 2-6 capitals in
    brackets right after a longer mention of the same sentence that it spells."""
    out: dict[str, Mention] = {}
    ordered = sorted(mentions, key=lambda x: x.start)
    for prev, m in zip(ordered, ordered[1:]):
        if not ABBR.match(m.text) or m.text in out or len(prev.text.split()) < 2 or prev.type == "PER":
            continue
        between = text[prev.end:m.start]
        after = text[m.end:m.end + 2].lstrip()
        if re.fullmatch(r"\s*\(\s*", between) and after.startswith(")") and m.text.upper() in initials(prev.text):
            out[m.text] = prev
    return out
