"""The events one sentence reports: for each trigger, its type, sides, date, location and confidence.

Why one loop: the triggers of a sentence depend on each other. A negated trigger takes its
complement with it ("did not agree to cooperate"), what a request, refusal or threat asks for
is part of that act ("просили помощи"), a stated intent is the act it names, yet to come
("expressed intent to demand the extradition" is the demand), what someone is thanked for was done by the thanked,
and one type and dyad is coded once per sentence (the strongest trigger speaks for it). The
decisions themselves are in the modules this one calls (triggers, type, candidates, actors,
roles, date, meetings); this module orders them and scores each event.

Confidence: the trigger's weight, more with both sides named and a syntactic subject, less for
a side taken from context (the speaker, "the sides") or from a pronoun, more for a main-clause
trigger and an explicit date.
"""
from __future__ import annotations

from ..coref import Coref
from ..doc import Actor, Article, Event, Span, TextSpan, Token
from . import collective, grievance, noun_acts, roles, triggers
from .actors import group_sides, location
from .candidates import candidates
from .countries import country_keys
from .date import event_date
from .consolidate import announced_parts
from .meetings import copresent_cues, implied_meetings
from .triggers import ABSORBING, ALLEGING, in_complement, refers_back
from .type import (COOPERATIVE, NEGATION_REACH, described_intent, is_future, is_negated, police_assistance, recode,
                   warns_of_state)

COMPLEMENT_REACH = 3  # words after a REQUEST/REJECT/THREATEN trigger that name its object
INTENT_REACH = 5  # words after a stated intent within which the act intended begins ("nameru da od Rumunije zatraži")
IMPLICIT_PENALTY = 0.1  # an actor resolved from a pronoun or a subjectless verb ("He accused") is a guess


def sentence_events(doc: Article, coref: Coref, s, toks: list[Token], lang: str, previous: list[Event],
                    back: set[int] | None = None) -> list[Event]:
    """The events sentence `s` reports (`previous`: those of the sentences before it). `back`
    collects the id() of events that refer back to a happening reported elsewhere."""
    if not toks:
        return []
    matches, real, modal = triggers.find(toks, lang)
    real = [m for m in real if not triggers.inside_name(doc, toks, m)]
    copresent = copresent_cues(toks, lang)
    if not real and not copresent:
        return []
    cands = candidates(doc, coref, toks, lang)
    actor_tokens = {j for c in cands for j in range(c.first, c.last + 1)}
    real = [m for m in real if not noun_acts.generic(toks, m, lang, actor_tokens)]  # "the fight against drug trade"
    if not real and not copresent:
        return []
    at = {id(c.actor): c.first for c in cands}
    trigger_tokens = {j for m in real for j in range(m.first, m.last + 1)}
    sides = group_sides(cands, toks, lang, trigger_tokens)
    places = [c for c in cands if c.place]
    sides_at = collective.cues(toks, lang)  # "the two sides", "стороны", "obojica", "they"
    out: list[Event] = []
    by_key: dict[tuple, int] = {}
    negated_until = -1
    absorbed_until = -1
    thanks: tuple[int, list[Actor], list[Actor]] | None = None  # the last thanks coded in the sentence
    absorbing = {j for m in real if m.pattern.label in ABSORBING | ALLEGING for j in m.tokens}
    implicit = {id(c.actor) for x in sides for c in x.members if c.implicit}  # pronoun / subjectless-verb actors
    intended: dict[int, str] = {}  # id() of an intent (AGREE future) -> the act its trigger names
    intent_until = -1  # a stated intent's act ends here: the triggers up to it are intended, in the future
    ordered = sorted(real, key=lambda m: m.first)
    for n, m in enumerate(ordered):
        p = m.pattern
        if "intent" in p.flags and _intended_act(ordered[n + 1:], m):
            intent_until = m.last + INTENT_REACH  # "expressed intent to demand": the demand, yet to come
            continue
        if m.first <= negated_until:  # complement of a negated trigger: coded with it or not at all
            continue
        if m.first <= absorbed_until and p.label not in ABSORBING:
            continue  # what is requested, refused or threatened is part of that act ("просили помощи")
        if (p.label not in ABSORBING | ALLEGING or p.label == "ACCUSE" and toks[m.first].pos == "NOUN") and in_complement(toks, m, absorbing, lang):
            continue  # "asked Washington to support a joint investigation team", "accusing him of espionage": what is asked or charged
        if p.label in ABSORBING:
            absorbed_until = m.last + COMPLEMENT_REACH
        negated = is_negated(toks, m.first, lang)
        if negated:
            negated_until = m.last + NEGATION_REACH  # "did not agree to cooperate"
        found = roles.sides_for(doc, s, m, toks, lang, sides, places, sides_at, previous + out)
        if found is None:
            continue
        sources, targets, from_syntax, fallback = found
        verb = noun_acts.received(toks, m, lang)
        if verb is not None:  # "received an invitation from Clinton": the giver acts
            sources, targets = noun_acts.given_by_other(sources, targets, at, verb, m)
        targets = grievance.about_target(toks, m, lang, cands, sources, targets)  # "complained to the UN over Israeli raids"
        if "weak" in p.flags and not (sources and targets and country_keys(sources) != country_keys(targets)):
            continue
        future = is_future(m, modal) or m.first <= intent_until
        if "warning" in p.flags and warns_of_state(toks, m, lang):
            continue
        if thanks is not None and p.label in COOPERATIVE and "thanks" not in p.flags and roles.for_what(toks, thanks[0], m, lang):
            # "thanked the Chinese ministry for ... training Serbian officers": the thanked did it to the thanker
            sources, targets = list(thanks[2]) or sources, list(thanks[1]) or targets
        if negated and "hedge" in p.flags:
            continue  # "Hill did not commit to the proposal": withholding a promise refuses nothing
        coded = recode(p.label, p.mode, negated, future and "stative" not in p.flags, "join" in p.flags)
        if coded is None:
            continue
        if future and coded[0] == "THREATEN" and p.label != "THREATEN" and described_intent(toks, m, modal):
            continue  # "члены ячейки, планировавших взрывы": a plan that describes suspects threatens nobody
        etype, mode = coded
        if future and etype == "AGREE" and p.label != "AGREE" and triggers.ultimatum_after(toks, m.last, lang):
            etype, mode = "THREATEN", "relations"  # "will withdraw its force from Chad unless ...": an ultimatum
        if police_assistance(etype, sources, targets):
            etype, mode = "AID", None
        if etype == "REJECT":
            targets = roles.not_sanctioned(targets, sides, places, m, matches, "join" in p.flags, toks, lang)
        key = (etype, tuple(a.country or a.entity for a in sources), tuple(a.country or a.entity for a in targets))
        trig_start, trig_end = toks[m.first].start, toks[m.last].end
        date, precision, explicit = event_date(doc, s, toks, m.first, future, lang)
        conf = p.weight * (0.55 + 0.25 * bool(sources) + 0.2 * bool(targets))
        conf += 0.05 if from_syntax else 0.0
        conf -= 0.15 if fallback else 0.0
        conf -= IMPLICIT_PENALTY if any(id(a) in implicit for a in sources) else 0.0
        conf += _clause_weight(toks, m.first)
        ev = Event(
            type=etype, source=sources[0] if sources else Actor(), target=targets[0] if targets else Actor(),
            sources=sources, targets=targets, sentence=Span(start=s.start, end=s.end), sentences=[Span(start=s.start, end=s.end)],
            mode=mode, date=date, date_precision=precision, location=location(places, doc),
            trigger=TextSpan(start=trig_start, end=trig_end, text=doc.text[trig_start:trig_end]),
            confidence=round(max(0.05, min(1.0, conf)), 3), future=future,
        )
        if explicit:
            ev.confidence = round(min(1.0, ev.confidence + 0.02), 3)
        if key in by_key:  # one event per type and dyad in a sentence: the strongest trigger speaks for it
            if ev.confidence > out[by_key[key]].confidence:
                if back is not None:  # the replaced event is gone: its id() may be reused by a later event
                    back.discard(id(out[by_key[key]]))
                out[by_key[key]] = ev
            continue
        by_key[key] = len(out)
        out.append(ev)
        if etype == "AGREE" and mode == "future" and p.label != "AGREE":
            intended[id(ev)] = p.label
        if "thanks" in p.flags and sources and targets:
            thanks = (m.last, list(sources), list(targets))
        if back is not None and refers_back(toks, m, lang):
            back.add(id(ev))
    out = announced_parts(_partners_not_hit(out, cands, toks), intended, back)
    out.extend(implied_meetings(doc, s, toks, lang, sides, out, copresent))
    return out


def _intended_act(after: list, m) -> bool:
    """A trigger of another act begins within INTENT_REACH words after the stated intent `m`: what is
    intended ("выразила намерение требовать выдачи", "izrazila nameru da zatraži izručenje")."""
    return any(m.last < x.first <= m.last + INTENT_REACH and x.pattern.label not in ("NONE", "AGREE") for x in after)


HOSTILE = {"COERCE", "ASSAULT", "ACCUSE", "SANCTION"}
PARTNERS_ONLY = {"COOPERATE"}


def _partners_not_hit(events: list[Event], cands, toks: list[Token]) -> list[Event]:
    """"BIA je u saradnji s drugim organima uhapsila hrvatskog špijuna", "in cooperation with Europol, police
    arrested two Albanians": the one a hostile act hits, named after that act, which itself follows the
    cooperation word, is what the partners did it to, not a partner; it leaves the cooperation's targets
    (with no partner left, merge drops it). Only cooperation: an agreement or aid may well go to one a
    hostile act hits ("agreed to a ceasefire after fighting", "asylum to rebels wanted at home")."""
    at = {id(c.actor): toks[c.first].start for c in cands}
    hostile = [e for e in events if e.type in HOSTILE and e.trigger]
    for e in events:
        if e.type not in PARTNERS_ONLY or not e.trigger or not e.targets:
            continue
        hit = {id(a) for h in hostile if h.trigger.start >= e.trigger.end for a in h.targets
               if at.get(id(a), -1) > h.trigger.start}
        kept = [a for a in e.targets if id(a) not in hit]
        if len(kept) != len(e.targets):
            e.targets = kept
            e.target = kept[0] if kept else Actor()
    return events


def _clause_weight(toks: list[Token], i: int) -> float:
    """Main-clause triggers speak for the sentence; triggers in modifiers or relative clauses less."""
    dep = toks[i].dep
    if not dep:
        return 0.0
    if dep == "root":
        return 0.1
    head = toks[i].head
    if dep in ("ccomp", "xcomp", "conj", "parataxis") and head != -1 and toks[head].dep == "root":
        return 0.05
    if dep in ("relcl", "acl", "acl:relcl", "advcl", "amod", "compound", "nmod", "pobj", "obl", "appos"):
        return -0.1
    return 0.0
