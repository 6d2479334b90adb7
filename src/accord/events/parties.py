"""The parties of a meeting or visit the sentence reports without naming both: the article's own dyad.

Why: news tells a meeting indirectly once its parties are known ("В ходе визита африканские коллеги
...", "Таков итог встречи глав ведомств в Ялте", "the talks of the two ministers", "sastao se sa
direktorom FBI" where the bureau's full name is not placed in a country). Such a mention names one
country or none, and a meeting with one side is counted by no user (merge drops it). When the article
reports one bilateral relation above all others (the country pair most of its cooperative events are
between, two at least and strictly more than any other pair), the mention names one of the pair's
countries and its sentence no other, and an event of the pair stands within two sentences, the
meeting is between that pair: the article's account of who met.
"""
from __future__ import annotations

from collections import Counter

from ..doc import Actor, Event

COOPERATIVE_PAIRS = ("AGREE", "CONSULT", "COOPERATE", "AID", "SUPPORT")  # events whose dyad tells who the article's partners are
MEETINGS = ("CONSULT",)  # mentions whose missing side the article's dyad supplies
MIN_EVENTS = 2  # cooperative events between the pair before it counts as the article's relation
NEAR = 2  # sentences between the mention and an event of the pair


def _pair(e: Event) -> frozenset[str] | None:
    src = {a.country for a in e.sources if a.country}
    tgt = {a.country for a in e.targets if a.country}
    if len(src) == 1 and len(tgt) == 1 and src != tgt:
        return frozenset(src | tgt)
    return None


def complete_meetings(events: list[Event], nominal: set[int], sentence_of: dict[int, int]) -> None:
    """Give each one-sided meeting the article's dominant country pair (in place); see the module docstring.
    `nominal`: start offsets of noun triggers. A noun names the happening ("the visit", "встреча"); a verb
    is completed only when its other side is a named body or person the knowledge base does not place
    ("sastao se sa direktorom Federalnog istražnog biroa"): "the policemen will visit places" met no one.
    `sentence_of`: sentence start offset -> index. The mention must name one of the pair's countries and
    stand near an event of the pair (NEAR sentences): a file of several stories has no one relation."""
    counts = Counter(p for e in events if e.type in COOPERATIVE_PAIRS and (p := _pair(e)))
    if not counts:
        return
    ranked = counts.most_common(2)
    if ranked[0][1] < MIN_EVENTS or len(ranked) > 1 and ranked[1][1] >= ranked[0][1]:
        return  # two relations as prominent: the text does not say which one met
    pair = ranked[0][0]
    holders = [e for e in events if _pair(e) == pair]
    near = {sentence_of.get(e.sentence.start, -99) for e in holders}
    named: dict[int, set[str]] = {}  # the countries each sentence's events name: a third one there says who met
    for e in events:
        named.setdefault(e.sentence.start, set()).update(a.country for a in e.sources + e.targets if a.country)
    for e in events:
        if e.type not in MEETINGS or _pair(e) is not None:
            continue
        own = {a.country for a in e.sources + e.targets if a.country}
        unplaced = any(a.entity and not a.country for a in e.sources + e.targets)
        if not own or not own <= pair or not (unplaced or e.trigger and e.trigger.start in nominal):
            continue
        here = sentence_of.get(e.sentence.start, -99)
        if not any(abs(here - n) <= NEAR for n in near) or not named.get(e.sentence.start, set()) <= pair:
            continue
        first = next((a.country for a in e.sources if a.country), None) or next(
            (a.country for a in e.targets if a.country), None) or next(iter(sorted(pair)))
        other = next(c for c in pair if c != first)
        e.sources = _actors(first, e, holders)
        e.targets = _actors(other, e, holders) + [a for a in e.sources + e.targets if not a.country and a.entity]
        e.source, e.target = e.sources[0], e.targets[0]


def _actors(country: str, e: Event, holders: list[Event]) -> list[Actor]:
    """The mention's own actors of `country`, else those the article's dyad events name for it."""
    mine = [a for a in e.sources + e.targets if a.country == country]
    if mine:
        return mine[:1]
    for h in holders:
        theirs = [a for a in h.sources + h.targets if a.country == country]
        if theirs:
            return theirs[:1]
    return [Actor(country=country)]
