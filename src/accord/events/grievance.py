"""Whom a complaint or protest is about, not whom it is told to.

Why: "Lebanon complained to the United Nations over Israeli air raids", "Russia protested to the
OSCE about the Ukrainian shelling", "Srbija je protestovala kod EU zbog hrvatskih napada": the
one told (the addressee) stands where a recipient stands, yet CAMEO and PLOVER code the one
complained about as the target. When an ACCUSE or PROTEST trigger's target is an addressee (after
an addressee word, lang/<code>/event_grievance.tsv; an addressee marked by case alone, the Serbian
dative, is left as it is: no parse tells it from a direct object) and an actor follows an `about`
word after it, that actor is the target. With
no actor after the `about` word ("protested to Japan over the visit") the addressee stays.
"""
from __future__ import annotations

from ..doc import Actor, Token
from . import lexicon

GRIEVANCES = frozenset({"ACCUSE", "PROTEST"})
ADDRESSEE_GAP = 2  # words between an addressee word and its actor ("to the United Nations")
ABOUT_REACH = 8  # words from the addressee to the `about` word ("to the UN on Tuesday over")
ABOUT_GAP = 3  # words between the `about` word and the actor it names ("over two Israeli air raids")
STOP = frozenset(".;:!?")


def cues(lang: str) -> lexicon.Matcher:
    return lexicon.labelled(lang, "event_grievance.tsv")


def about_target(toks: list[Token], m: lexicon.Match, lang: str, cands, sources: list[Actor], targets: list[Actor]
                 ) -> list[Actor]:
    """The targets of trigger `m`, the addressee replaced by whom the grievance is about."""
    if m.pattern.label not in GRIEVANCES or not targets:
        return targets
    found = cues(lang).find(toks)
    addressee = {c.last for c in found if c.pattern.label == "addressee"}
    about = sorted(c.last for c in found if c.pattern.label == "about")
    where = {id(c.actor): c for c in cands}
    told = [where[id(a)] for a in targets if id(a) in where]
    told = [c for c in told if c.first > m.last and any(0 < c.first - j <= ADDRESSEE_GAP + 1 for j in addressee)]
    if not told or len(told) != len(targets):
        return targets
    end = max(c.last for c in told)
    mine = {a.country or a.entity for a in sources}
    for j in about:
        if not 0 < j - end <= ABOUT_REACH or any(toks[k].text in STOP for k in range(end + 1, j)):
            continue
        named = [c for c in cands if 0 < c.first - j <= ABOUT_GAP + 1 and not c.place
                 and (c.actor.country or c.actor.entity) not in mine]
        if named:
            return [named[0].actor]
    return targets
