"""One act coded once: a mention that is part of another act between the same parties folds into it.

Why: news tells one act in several words, and a coder that codes each word codes the act twice
under two types. Two such parts are general, and PLOVER's own definitions decide which type
stands (the act that happened, and the more specific, material type):

- a meeting announced within the visit or meeting the same sentence reports: "went on an official
  visit to China, where he will meet the minister" is the visit (CONSULT; a visit's meetings are
  its programme), not an intent to meet (AGREE future) beside it. The meeting must be told before
  the intent: in "will visit Mauritania to mediate" the mediation is the visit's purpose, inside
  its future (an infinitive the future cue does not mark), so nothing happened yet and the intent
  stays. The intent keeps its own event when the sentence reports no meeting between the same
  countries before it, and an intent to cooperate
  or aid is never folded: "will extend joint patrols and step up cooperation" is one future
  statement whose nouns the future cue does not always reach, so a cooperation word beside it
  is no proof that the act happened (`announced_parts`).
- a deployment to a partner: forces or teams of one party sent to a state the article shows it
  aiding or cooperating with ("two Hungarian police units will be deployed in Serbia" beside
  Hungary's help to Serbia; "the deployment of Frontex teams in Serbia" under the Frontex
  agreement) are the means of that aid or joint operation, PLOVER's AID (police or military aid)
  or COOPERATE, not a MOBILIZE (a material-conflict show of force). `type.police_assistance`
  decides this within a sentence when the deployed are police; here the article's own aid or
  cooperation between the same countries decides it whoever was deployed (`deployments`). A
  deployment of one country alone (troops at home) is never folded.

- a one-sided statement within an act the same sentence reports: a promise or intent (AGREE) or
  thanks or praise (SUPPORT) that names one side only, told in a sentence that supports an act
  between that side's country and another ("At the end of the meeting, the Russian minister
  thanked ...", "Нургалиев поблагодарил за встречу", "At the talks, the Commission promised ...")
  is said at or about that act: the act between two parties is the event, the statement
  with no recipient is not a second one (`statements`). A statement that names its recipient
  ("praised the cooperation with the MUP", "thanked the Spanish police") stays its own act:
  annotators code it apart from the act it is about.

The folded mention gives its sentences, contexts and date to the act it is part of.
"""
from __future__ import annotations

from ..doc import Event
from .countries import country_keys

MATERIAL = {"AID", "COOPERATE"}  # acts a deployment to a partner serves
ANNOUNCED = {"CONSULT"}  # acts whose announced part ("will meet") the reported act itself holds


def _countries(e: Event) -> set[str]:
    return country_keys(e.sources + e.targets) - {None}


def _fold(host: Event, part: Event) -> None:
    for sp in part.sentences:
        if all(sp.start != x.start for x in host.sentences):
            host.sentences.append(sp)
    host.sentences.sort(key=lambda sp: sp.start)
    host.contexts = sorted(set(host.contexts) | set(part.contexts))
    if not host.date and part.date:
        host.date, host.date_precision = part.date, part.date_precision
    host.location = host.location or part.location


STATEMENTS = {"AGREE", "SUPPORT"}  # PLOVER's cooperative statements: said about an act, not acts themselves


def statements(raw: list[Event]) -> list[Event]:
    """A one-sided AGREE or SUPPORT (no source or no recipient) whose main sentence supports an act
    between two or more countries, its own among them, folds into that act."""
    out = []
    for e in raw:
        own = _countries(e) if e.type in STATEMENTS and not (e.sources and e.targets) else set()
        host = next((h for h in raw if h is not e and h.sources and h.targets and len(_countries(h)) >= 2
                     and own <= _countries(h) and any(sp.start == e.sentence.start for sp in h.sentences)),
                    None) if own else None
        if host is None:
            out.append(e)
            continue
        _fold(host, e)
    return out


def announced_parts(events: list[Event], intended: dict[int, str], back: set[int] | None = None) -> list[Event]:
    """A sentence's intent to meet (`intended`: id() of an AGREE-future event -> the type its trigger
    names) folds into the meeting or visit (not itself future) between the same countries that the
    sentence tells before it."""
    out = []
    for e in events:
        act = intended.get(id(e)) if intended.get(id(e)) in ANNOUNCED else None
        own = _countries(e)
        host = next((h for h in events if h is not e and h.type == act and not h.future and own <= _countries(h)
                     and h.trigger and e.trigger and h.trigger.start < e.trigger.start), None) if act and own else None
        if host is None:
            out.append(e)
            continue
        _fold(host, e)
        if back is not None:
            back.discard(id(e))
    return out


def deployments(raw: list[Event]) -> list[Event]:
    """A MOBILIZE between two or more countries (or organisations) that an aid or cooperation event of
    the article joins folds into that event."""
    out = []
    for e in raw:
        own = _countries(e) if e.type == "MOBILIZE" else set()
        host = next((h for h in raw if h.type in MATERIAL and len(own) >= 2 and own <= _countries(h)), None)
        if host is None:
            out.append(e)
            continue
        _fold(host, e)
    return out
