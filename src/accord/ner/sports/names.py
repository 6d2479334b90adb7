"""What a name in sports copy is: a nation (its national team stays the country, a place), a
sub-national place (which can be a team), a club; and how a place becomes a team.

Why apart: every sports rule (results lines, players, teams) asks these same questions of a
name, from the language's lists (lang/<code>/sports_*.txt, places_subdivisions.txt) and the KB.
"""
from __future__ import annotations

from functools import lru_cache

from ...doc import Mention
from .. import knowledge


@lru_cache(maxsize=None)
def word_list(lang: str, name: str) -> frozenset[str]:
    return knowledge.words(lang, name)


def is_nation(name: str, lang: str) -> bool:
    if knowledge.country_from_word(name, lang) or name.casefold() in word_list(lang, "sports_nations.txt"):
        return True
    return any(getattr(e, "kind", None) == "country" for e in knowledge.lookup(name, lang))


def is_place(name: str, lang: str) -> bool:
    """A sub-national place the language's lists or the KB know ('Surrey', 'Chicago' as a KB city)."""
    folded = name.casefold()
    if folded in word_list(lang, "places_subdivisions.txt"):
        return True
    return any(e.type == "LOC" for e in knowledge.lookup(name, lang))


def club(name: str, lang: str) -> bool:
    """'Norwich City', 'Dynamo Moscow', 'FC Porto': a club word opens or closes the name."""
    words = name.casefold().split()
    clubs = word_list(lang, "sports_club_words.txt")
    return len(words) >= 2 and (words[0] in clubs or words[-1] in clubs) and name[:1].isupper()


def named_as_club(name: str, lang: str, is_person) -> bool:
    """'Manchester United', 'Deportivo Coruna': in sports copy a two-word name that is no
    person's (no first name) and opens or closes with a club word is a club; a place itself is
    not. The caller asks it of names the model took for persons. (A town closing the name says
    nothing: surnames are towns too, 'Jones', 'Kennedy', 'Khan' in the gazetteer.)"""
    words = name.split()
    if len(words) != 2 or not all(w[:1].isupper() for w in words) or is_person(name):
        return False
    if is_place(name, lang) or is_nation(name, lang):
        return False
    return club(name, lang)


def line_of(m: Mention, lines: list[tuple[int, int]]) -> tuple[int, int]:
    return next(((s, e) for s, e in lines if s <= m.start and m.end <= e), (m.start, m.end))


def as_team(m: Mention, source: str) -> None:
    m.type = "ORG"
    m.candidates = []  # a team is not the place it is named after
    m.source = f"{m.source}+{source}" if m.source else source


def is_dateline(m: Mention) -> bool:
    """A dateline's or a venue's place, which stays a place."""
    return "dateline" in m.source or "sports-venue" in m.source
