"""Implied meetings: two people of different countries acting together met (CONSULT).

Why: "Lavrov and Dačić signed the plan", "the two ministers stated at the border crossing"
report no meeting word, but the two were together; PLOVER codes that as CONSULT between their
countries (with a lower confidence, IMPLIED_CONFIDENCE), unless the sentence already codes it.
"""
from __future__ import annotations

from ..doc import Article, Event, Span, TextSpan, Token
from . import lexicon
from .countries import country_keys
from .date import event_date

COPRESENT_REACH = 8  # a joint act or statement this close to two foreign people implies they met
IMPLIED_CONFIDENCE = 0.55


def copresent_cues(toks: list[Token], lang: str) -> list[lexicon.Match]:
    """Words that make two people of different countries acting together a meeting."""
    cues = [m for m in lexicon.roles(lang).find(toks) if m.pattern.label == "copresent"
            and toks[m.first].pos in ("", "VERB", "AUX")]  # "stated", not "state secretary"
    cues += [m for m in lexicon.select(lexicon.triggers(lang).find(toks)) if "copresent" in m.pattern.flags]
    return cues


def implied_meetings(doc: Article, s, toks: list[Token], lang: str, sides, coded: list[Event],
                     cues: list) -> list[Event]:
    """Two people of different countries acting together (signing, stating "at the border crossing") met:
    CONSULT between their countries, unless the sentence already codes that meeting."""
    out = []
    for side in sides:
        people = [c for c in side.members if c.actor.entity and _is_person(doc, c.actor.entity) and c.actor.country]
        if len({c.actor.country for c in people}) < 2:
            continue
        cue = next((m for m in cues if -COPRESENT_REACH <= m.first - side.last <= COPRESENT_REACH
                    or -COPRESENT_REACH <= side.first - m.last <= COPRESENT_REACH), None)
        if cue is None:
            continue
        first = people[0].actor.country
        sources = [c.actor for c in people if c.actor.country == first]
        targets = [c.actor for c in people if c.actor.country != first]
        pair = {first} | {a.country for a in targets}
        if any(e.type == "CONSULT" and pair <= country_keys(e.sources + e.targets) for e in coded):
            continue
        t0, t1 = toks[cue.first].start, toks[cue.last].end
        date, precision, _ = event_date(doc, s, toks, cue.first, False, lang)
        out.append(Event(type="CONSULT", source=sources[0], target=targets[0], sources=sources, targets=targets,
                         sentence=Span(start=s.start, end=s.end), sentences=[Span(start=s.start, end=s.end)],
                         date=date, date_precision=precision,
                         trigger=TextSpan(start=t0, end=t1, text=doc.text[t0:t1]), confidence=IMPLIED_CONFIDENCE))
    return out


def _is_person(doc: Article, entity_id: str) -> bool:
    ent = doc.entity(entity_id)
    return ent is not None and ent.type == "PER"
