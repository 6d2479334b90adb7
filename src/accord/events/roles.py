"""Who is source and target of one trigger, where the trigger's kind or the sentence overrides word order.

accord.events.actors.assign reads roles from the parse or word order; this module holds the
corrections a trigger's kind or context calls for: a nominal attack or protest takes its actors
from its own phrase; "at the request of X" makes X the requester; a first-person verb inside a
quote ("Zahvaljujem kolegama iz Španije") is the speaker's act; "the sides"/"стороны"/"strane"
refers back to the dyad just coded; with no actor named, the quote's speaker acts; what someone
is thanked for was done by the thanked; refusing sanctions rejects those who ask for them, not
the country they would hit.
"""
from __future__ import annotations

from functools import lru_cache

from ..doc import Actor, Article, Event, Token
from ..translit import fold
from . import lexicon
from .actors import Candidate, Side, assign
from .candidates import speaker_actor
from .clauses import complement_between
from .type import COOPERATIVE, SYMMETRIC_BY_DEFAULT

LOCAL_TYPES = {"ASSAULT", "PROTEST", "COERCE"}
LOCAL_BEFORE, LOCAL_AFTER = 3, 5
SIDES_REACH = 5  # "the two ministries would hold a joint exercise": a sides cue this close before the act is its dyad
OWNER_REACH = 4
PAIR_AFTER = 3  # "meeting was held between A and B": words from the trigger to its pair word
PAIR_FIRST, PAIR_GAP = 8, 6  # words from the pair word to its first party, and between the parties' names
PAIR_STOPS = {";", ":", "—", "–", "(", ")", "«", "»", '"'}
CHARGED_TYPES = {"ACCUSE"}
CHARGE_REACH = 6  # "accused the Polish diplomat of espionage": the charge word stands this close after the trigger  # "по запросу властей США": the asker stands this close after the trigger


def sides_for(doc: Article, s, m: lexicon.Match, toks: list[Token], lang: str, sides: list[Side],
              places: list[Candidate], sides_at: list[lexicon.Match], coded: list[Event]
              ) -> tuple[list[Actor], list[Actor], bool, bool] | None:
    """(sources, targets, from_syntax, fallback) of trigger `m`; None when no one can be named
    (then nothing is coded). `sides_at`: the sentence's "the sides" cues; `coded`: the events
    coded before this trigger; `fallback`: a side was taken from them or from the quote's speaker."""
    p = m.pattern
    symmetric = "symmetric" in p.flags or (p.label in SYMMETRIC_BY_DEFAULT and "reverse" not in p.flags)
    local_sides = sides
    if p.label in LOCAL_TYPES and toks[m.first].pos in ("NOUN", "") and not _untagged_verb(toks[m.first], lang):
        # "teroristički napadi u Briselu": a nominal attack, protest or arrest takes its actors from its own phrase
        local_sides = [x for x in sides if m.first - LOCAL_BEFORE <= x.first and x.last <= m.last + LOCAL_AFTER]
    charged = _before_charge(local_sides, m, toks, lang) if p.label in CHARGED_TYPES else local_sides
    sources, targets, from_syntax = assign(charged, places, toks, m.first, m.last, symmetric, "reverse" in p.flags)
    if charged is not local_sides and not sources:
        # "The agency accused the Kremlin of creating division in the U.S.": no accuser named, the party
        # the charged act hurt is the one that complains
        hurt = [x for x in local_sides if x not in charged]
        sources = hurt[0].actors() if hurt else []
    if local_sides is not sides and not sources and not targets:
        sources, targets, from_syntax = assign(sides, places, toks, m.first, m.last, symmetric, "reverse" in p.flags)
    if symmetric:
        paired = _pair_frame(sides, places, m, toks, lang)
        if paired is not None:
            sources, targets = paired
    if "owner" in p.flags:
        sources, targets = _owner_roles(sides, m, sources, targets)
    if _first_person(toks[m.first], lang) and not any(x.last < m.first for x in sides):
        # "Zahvaljujem kolegama iz Španije" inside a quote: the speaker thanks, the named side is thanked
        spk = speaker_actor(doc, toks[m.first].start)
        if spk is not None and not any(a.country == spk.country for a in sources):
            sources, targets = [spk], [a for a in sources + targets if a.country != spk.country]
    fallback = False
    if sides_at and not targets and p.label in COOPERATIVE and any(
            0 < m.first - c.last <= SIDES_REACH and not any(x.first > c.last and x.last < m.first for x in sides)
            for c in sides_at):
        # "Kolokoltsev said the two ministries would hold a joint exercise": the sides named right
        # before the act are the dyad just reported, not the speaker alone
        inherited = _inherit_dyad(coded)
        if inherited:
            sources, targets = inherited
    if sides_at and sources and not targets and p.label in COOPERATIVE and any(
            0 < c.first - m.last <= SIDES_REACH for c in sides_at):
        # "Пауел је похвалио сарадњу двеју земаља": one of "the two countries" acted, the other is the recipient
        targets = _other_side(sources, coded)
    if not sources and not targets:
        inherited = _inherit_dyad(coded) if sides_at else None
        if inherited:
            sources, targets = inherited
            fallback = True
        else:
            spk = speaker_actor(doc, toks[m.first].start)
            if spk is None:
                return None
            sources, fallback = [spk], True
    elif not sources:
        spk = speaker_actor(doc, toks[m.first].start)
        if spk is not None:
            sources, fallback = [spk], True
    own = {a.country for a in sources if a.country}
    targets = [a for a in targets if not a.country or a.country not in own]  # actor and recipient are two
    return sources, targets, from_syntax, fallback


def _pair_frame(sides: list[Side], places: list[Candidate], m: lexicon.Match, toks: list[Token], lang: str
                ) -> tuple[list[Actor], list[Actor]] | None:
    """"a meeting was held between the Russian minister Kolokoltsev and Interpol's Jürgen Stock",
    "exchange of information between the authorities of Kazakhstan and Russia", "Между МВД России и ОАЭ
    ... соглашение": a joint act names its two parties after a `pair` word (between, между, između);
    they are its dyad, whoever the clause's subject is (often the speaker who reports it). The first
    party named is the source, the others the targets; a party with no country (a person or body the
    knowledge base does not place) still counts as one, so the act keeps its partner; so does a city
    ("talks between Ottawa and Brussels": the governments seated there)."""
    if m.pattern.mode == "third-party":
        return None  # "mediate between Israelis and Palestinians": the mediator acts on the pair
    parsed = any(t.dep for t in toks)
    for r in lexicon.roles(lang).find(toks):
        if r.pattern.label != "pair":
            continue
        opening = r.first == 0 and m.first > r.last  # "Между МВД России и ОАЭ ... будет подписано соглашение"
        if not opening and not 0 < r.first - m.last <= PAIR_AFTER:
            continue
        if parsed and not opening and not _pair_of(toks, r.first, m):
            continue  # "shared evidence with the U.S. about contacts between al Qaeda and ...": another noun's pair
        members: list[Candidate] = []
        end, reach = r.last, PAIR_FIRST
        units = sorted([(x.first, x.last, x.members) for x in sides]
                       + [(c.first, c.last, [c]) for c in places if c.actor.country and not c.border])
        for first, last, unit in units:  # the parties: a chain of names after the pair word, none far from the one before
            if first <= end:
                continue
            if first - end > reach or any(toks[j].text in PAIR_STOPS or m.first <= j <= m.last for j in range(end + 1, first)):
                break
            members += unit
            end, reach = last, PAIR_GAP
        groups: dict[str, list[Actor]] = {}
        for c in members:
            if c.zero or c.implicit or c.we:
                continue
            key = c.actor.country or c.actor.entity
            if key and (key not in groups or c.actor.entity and not groups[key].entity):
                groups[key] = c.actor  # one actor per party, a named entity over a country word
        if len(groups) < 2:
            continue
        parts = list(groups.values())
        return parts[:1], parts[1:]
    return None


def _pair_of(toks: list[Token], j: int, m: lexicon.Match) -> bool:
    """The parse hangs pair word j on the trigger ("exchange of information between") or on the verb the
    trigger is the subject of ("a meeting was held between")."""
    h = toks[j].head
    if h == -1:
        return False
    return m.first <= h <= m.last or any(toks[k].head == h for k in range(m.first, m.last + 1))


def _inherit_dyad(previous: list[Event]) -> tuple[list[Actor], list[Actor]] | None:
    """"The sides discussed ..." refers to the last coded dyad in the document, a cooperative one first
    ("the two ministries" are the partners, not a country one of them accused)."""
    for e in reversed(previous):
        if e.sources and e.targets and e.type in COOPERATIVE:
            return list(e.sources), list(e.targets)
    for e in reversed(previous):
        if e.sources and e.targets:
            return list(e.sources), list(e.targets)
    return None


def _other_side(sources: list[Actor], previous: list[Event]) -> list[Actor]:
    """The other side of the last dyad coded with the actor's country on one side and a country on the other."""
    own = {a.country for a in sources if a.country}
    for e in reversed(previous):
        for mine, other in ((e.sources, e.targets), (e.targets, e.sources)):
            theirs = [a for a in other if a.country]
            if own and own <= {a.country for a in mine if a.country} and theirs and not own & {a.country for a in theirs}:
                return theirs
    return []


def _before_charge(sides: list[Side], m: lexicon.Match, toks: list[Token], lang: str) -> list[Side]:
    """"accusing him of espionage and trying to steal the ex-Soviet state's secrets", "обвинил его в
    шпионаже в пользу Польши", "optužio ga za špijunažu za Hrvatsku": what the accused is charged with
    follows a `charge` word (event_roles.tsv) and names no party to the accusation; sides after it leave.
    With a parse the word must hang on the trigger (or be the case of a noun that does), so "the head of
    the Polish mission" is no charge."""
    parsed = any(t.dep for t in toks)
    for r in lexicon.roles(lang).find(toks, m.last + 1, min(len(toks), m.last + 1 + CHARGE_REACH)):
        if r.pattern.label != "charge":
            continue
        j = r.first
        if parsed and not _on_trigger(toks, j, m):
            continue
        return [x for x in sides if x.first < j]
    return sides


def _on_trigger(toks: list[Token], j: int, m: lexicon.Match) -> bool:
    h = toks[j].head
    if m.first <= h <= m.last:
        return True
    return toks[j].dep == "case" and h != -1 and m.first <= toks[h].head <= m.last


def _owner_roles(sides, m, sources: list[Actor], targets: list[Actor]) -> tuple[list[Actor], list[Actor]]:
    """"at the request of X", "по запросу X", "na zahtev X": X (right after the trigger) asked; the clause's
    subject (before the trigger) is the one asked."""
    owner = next((x for x in sides if 0 < x.first - m.last <= OWNER_REACH), None)
    if owner is None:
        return sources, targets
    asked = [x for x in sides if x is not owner and x.last < m.first]
    own = owner.actors()
    rest = asked[0].actors() if asked else [a for a in sources + targets if a not in own]
    keys = {a.country or a.entity for a in own}
    return own, [a for a in rest if (a.country or a.entity) not in keys]


def _untagged_verb(t: Token, lang: str) -> bool:
    """No tagger (Serbian): a form whose lemma ends as an infinitive ("uhapsila" -> "uhapsiti") is a verb,
    whose subject may stand anywhere in its clause, not a nominal act confined to its own phrase."""
    inf = _endings(lang, "infinitive")
    return not t.pos and bool(inf) and fold(t.lemma).endswith(inf) and t.low != t.lemma


def _first_person(t: Token, lang: str) -> bool:
    """A verb whose ending says the speaker is its subject ("zahvaljujem", "očekujemo", "благодарю"):
    the form ends in one of the language's `first-person` endings (event_roles.tsv) and the lemma in
    one of its `infinitive` endings, so nouns sharing the ending ("sastanakom") do not count."""
    endings = _endings(lang, "first-person")
    inf = _endings(lang, "infinitive")
    return bool(endings and inf) and t.low.endswith(endings) and t.lemma.endswith(inf) and t.low != t.lemma


@lru_cache(maxsize=None)
def _endings(lang: str, label: str) -> tuple[str, ...]:
    return tuple(p.words[0][1:] for p in lexicon.roles(lang).patterns if p.label == label and p.words[0].startswith("-"))


def for_what(toks: list[Token], after: int, m: lexicon.Match, lang: str) -> bool:
    """The trigger stands in what someone is thanked for: a `cause` word ("for", "за", "na") after the thanks
    and before the trigger, no sentence-level break between."""
    if m.first <= after or m.first - after > 14 or any(toks[j].text in (";", "—", "–") for j in range(after + 1, m.first)):
        return False
    return any(r.pattern.label == "cause" for r in lexicon.roles(lang).find(toks, after + 1, m.first))


def not_sanctioned(targets: list[Actor], sides, places: list[Candidate], m: lexicon.Match, matches: list[lexicon.Match], joining: bool,
                   toks: list[Token], lang: str) -> list[Actor]:
    """Refusing sanctions rejects those who ask for them, not the country they would hit: "Србија неће
    учествовати у санкцијама против Минска", "odbio da Srbija uvede sankcije Ruskoj Federaciji" name no
    one rejected. Actors after the sanction word (the trigger itself when it joins sanctions) leave the targets."""
    cut = m.last if joining else next((x.first for x in matches if x.pattern.label == "SANCTION"
                                       and m.last < x.first <= m.last + 8), None)
    if cut is None:
        return targets
    if not joining and not complement_between(toks, m.last, cut, lang):
        return targets  # "neće podneti ostavku zbog sankcija koje su uvele SAD": the sanctions are the reason
    after = {id(c.actor) for c in [c for x in sides for c in x.members] + places if c.first > cut}
    return [a for a in targets if id(a) not in after]
