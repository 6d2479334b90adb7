"""Whom a denial answers: the side whose claim it rejects.

Why: a denial is often reported with only the one who denies named ("Božović odbacio je kao netačne
tvrdnje ...", "Moscow rejected the accusations", "МИД отверг обвинения") while the article names the
accuser in another sentence ("povodom tvrdnji ministra ... Ramića"). PLOVER codes REJECT between the
two; an event with one side is counted by no user. So a REJECT with no recipient country takes, as its
target, the source of the nearest accusation aimed at the rejecter's own country, within two
sentences, when there is one: the document's own account of what was rejected.
"""
from __future__ import annotations

from ..doc import Event

ANSWERED = ("ACCUSE",)  # what a denial answers (a refused demand names its asker in its own phrase: "odbio zahtev BiH")
REACH = 2  # sentences between the denial and the claim it answers (a file of several stories holds other claims further on)


def answer_rejections(events: list[Event], sentence_of: dict[int, int]) -> None:
    """Give each REJECT lacking a recipient country the accuser/requester found (in place).
    `sentence_of`: a sentence start offset -> its index in the article."""
    claims = [e for e in events if e.type in ANSWERED and any(a.country for a in e.sources)]
    if not claims:
        return
    for e in events:
        if e.type != "REJECT" or any(a.country for a in e.targets):
            continue
        own = _countries(e.sources)
        if not own:
            continue
        here = sentence_of.get(e.sentence.start, 0)
        fits = [c for c in claims if own & _countries(c.targets) and not own & _countries(c.sources)
                and abs(sentence_of.get(c.sentence.start, 0) - here) <= REACH]
        if not fits:
            continue
        c = min(fits, key=lambda c: abs(sentence_of.get(c.sentence.start, 0) - here))
        e.targets = [a for a in c.sources if a.country] + [a for a in e.targets if a.entity]
        e.target = e.targets[0]


def _countries(actors) -> set[str]:
    return {a.country for a in actors if a.country}
