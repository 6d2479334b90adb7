"""Who is source and target of one trigger, where the trigger's kind or the sentence overrides word order.

accord.events.actors.assign reads roles from the parse or word order; this module holds the
corrections a trigger's kind or context calls for: a nominal attack or protest takes its actors
from its own phrase; "at the request of X" makes X the requester; a first-person verb inside a
quote ("Zahvaljujem kolegama iz Španije") is the speaker's act; "the sides"/"стороны"/"strane"
stands for the parties accord.events.collective resolves; with no actor named, the quote's speaker
acts; what someone is thanked for was done by the thanked; refusing sanctions rejects those who ask for them, not
the country they would hit.
"""
from __future__ import annotations

from functools import lru_cache

from ..doc import Actor, Article, Event, Token
from ..translit import fold
from . import collective, lexicon
from .actors import Candidate, Side, assign
from .candidates import speaker_actor
from .clauses import complement_between, conjoined_report
from .countries import is_state
from .obligation import reported_demand
from .triggers import passive_clause
from .type import COOPERATIVE, SYMMETRIC_BY_DEFAULT

LOCAL_TYPES = {"ASSAULT", "PROTEST", "COERCE"}
LOCAL_BEFORE, LOCAL_AFTER = 3, 5
SIDES_REACH = 5  # "the two ministries would hold a joint exercise": a sides cue this close before the act is its dyad
OWNER_REACH = 4
PERFORM_REACH = 4  # no parse: "sprovodile su etničko čišćenje", a performing verb this far before a nominal act
PERFORMED_DEPS = {"dobj", "obj", "pobj", "obl", "prep"}  # how a nominal act hangs under the verb that performs it
PAIR_AFTER = 3  # "meeting was held between A and B": words from the trigger to its pair word
PAIR_FIRST, PAIR_GAP = 8, 6  # words from the pair word to its first party, and between the parties' names
GENITIVE_GAP = 1  # words between a joint act's noun and the pair that is its genitive ("saradnja dve službe, MUP i FBI" is not)
PAIR_STOPS = {";", ":", "—", "–", "(", ")", "«", "»", '"'}
CHARGED_TYPES = {"ACCUSE"}
ASKING_TYPES = {"REQUEST"}  # "demanded that the US cancel": the content clause's subject is the one asked
TERRITORIAL, TERRITORIAL_MODES = {"COERCE"}, {"arrest", "deport", "seize"}  # acts only the state of the ground does
SCENE_TYPES = {"ASSAULT"}  # an attack with no recipient named hits the state whose ground it strikes, when that is abroad
# acts that move the actor's own forces: "police were deployed", "guerrillas have been demobilized" name the actor
OWN_FORCES, OWN_FORCES_MODES = {"MOBILIZE"}, {"withdraw", "disarm"}
CHARGE_REACH = 6  # "accused the Polish diplomat of espionage": the charge word stands this close after the trigger  # "по запросу властей США": the asker stands this close after the trigger


def sides_for(doc: Article, s, m: lexicon.Match, toks: list[Token], lang: str, sides: list[Side],
              places: list[Candidate], sides_at: list[lexicon.Match], coded: list[Event]
              ) -> tuple[list[Actor], list[Actor], bool, bool] | None:
    """(sources, targets, from_syntax, fallback) of trigger `m`; None when no one can be named
    (then nothing is coded). `sides_at`: the sentence's "the sides" cues; `coded`: the events
    coded before this trigger; `fallback`: a side was taken from them or from the quote's speaker."""
    p = m.pattern
    symmetric = "symmetric" in p.flags or (p.label in SYMMETRIC_BY_DEFAULT and "reverse" not in p.flags)
    cut = None if symmetric else conjoined_report(toks, m.last, lang)
    if cut is not None:  # "... i da istaknem da ... Nemačkoj": a name in a later report is no party here
        sides = [x for x in sides if x.first < cut]  # (a joint act's pair may be spelt out there: "dve zemlje ... i da ... između MUP-a i ...")
    local_sides = sides
    if p.label in LOCAL_TYPES and toks[m.first].pos in ("NOUN", "") and not _untagged_verb(toks[m.first], lang):
        # "teroristički napadi u Briselu": a nominal attack, protest or arrest takes its actors from its own phrase,
        # which a verb that performs it opens ("Israeli tanks fired shells", "Serb forces engaged in ethnic cleansing")
        lo = _performing_verb(toks, m, lang)
        lo = m.first if lo is None else lo
        local_sides = [x for x in sides if lo - LOCAL_BEFORE <= x.first and x.last <= m.last + LOCAL_AFTER]
    charged = _before_charge(local_sides, m, toks, lang) if p.label in CHARGED_TYPES else local_sides
    head = _head_last(m)
    passive, own_forces = passive_clause(toks, m, lang), p.label in OWN_FORCES or p.mode in OWN_FORCES_MODES
    sources, targets, from_syntax = assign(charged, places, toks, m.first, head, symmetric, "reverse" in p.flags,
                                           p.label in ASKING_TYPES, passive, own_forces)
    if charged is not local_sides and not sources:
        # "The agency accused the Kremlin of creating division in the U.S.": no accuser named, the party
        # the charged act hurt is the one that complains
        hurt = [x for x in local_sides if x not in charged]
        sources = hurt[0].actors() if hurt else []
    if local_sides is not sides and not sources and not targets:
        sources, targets, from_syntax = assign(sides, places, toks, m.first, head, symmetric, "reverse" in p.flags,
                                               p.label in ASKING_TYPES, passive, own_forces)
    if p.label == "REQUEST" and m.first == m.last:
        demand = reported_demand(toks, m.first, sides, sources)  # "X said that Y must ...": X demands of Y
        if demand is not None:
            sources, targets = demand
    if symmetric:
        paired = _pair_frame(sides, places, m, toks, lang) or _genitive_pair(sides, m, toks, lang)
        if paired is not None:
            sources, targets = paired
    if "owner" in p.flags:
        sources, targets = _owner_roles(sides, m, sources, targets)
    if ("speaker" in p.flags or _first_person(toks[m.first], lang)) and not any(x.last < m.first for x in sides):
        # "Zahvaljujem kolegama iz Španije" inside a quote: the speaker thanks, the named side is thanked
        spk = speaker_actor(doc, toks[m.first].start)
        if spk is not None and not any(a.country == spk.country for a in sources):
            sources, targets = [spk], [a for a in sources + targets if a.country != spk.country]
    fallback = False
    resolved = collective.parties(doc, s, coded) if sides_at else None  # the pair "the sides" stands for
    sides_at = [c for c in sides_at
                if collective.opens(c, m.first, p.label, resolved) and collective.standalone(c, sides, resolved)]
    if sides_at and not targets and p.label in COOPERATIVE and any(
            0 < m.first - c.last <= SIDES_REACH and not any(x.first > c.last and x.last < m.first for x in sides)
            for c in sides_at):
        # "Kolokoltsev said the two ministries would hold a joint exercise": the sides named right
        # before the act are the dyad just reported, not the speaker alone
        inherited = resolved
        if inherited:
            sources, targets = inherited
    if sides_at and sources and not targets and p.label in COOPERATIVE and any(
            0 < c.first - m.last <= SIDES_REACH for c in sides_at):
        # "Пауел је похвалио сарадњу двеју земаља": one of "the two countries" acted, the other is the recipient
        targets = _other_side(sources, coded)
    if sources and not targets and p.label in SCENE_TYPES and not symmetric:
        targets = _territory(sides, places, sources, m)  # "bombers ... blew themselves up in Tel Aviv": the ground's state is hit
    if not sources and targets and p.label in TERRITORIAL and p.mode in TERRITORIAL_MODES:
        sources = _territory(sides, places, targets, m)  # "В Москве задержали литовского разведчика": Russia arrested
    if not sources and not targets:
        inherited = resolved if sides_at else None
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


def _genitive_pair(sides: list[Side], m: lexicon.Match, toks: list[Token], lang: str
                   ) -> tuple[list[Actor], list[Actor]] | None:
    """A joint act named by a noun whose own genitive right after it names two parties ("o realizaciji
    zajedničkih aktivnosti Vojske Srbije i Kfora", "сотрудничество МВД и ФБР"): they are its parties,
    not a subject or a place named elsewhere in the sentence. With a parse the pair must hang on the
    noun; without one it stands at most GENITIVE_GAP words after it, with no punctuation between."""
    last = toks[m.last]
    if last.pos not in ("NOUN", "") or _untagged_verb(toks[m.first], lang):
        return None
    parsed = any(t.dep for t in toks)
    side = next((x for x in sides if x.first > m.last), None)
    if side is None or side.first - m.last - 1 > GENITIVE_GAP or side.members[0].role_hint or not all(
            toks[j].text.isalpha() and toks[j].pos != "ADP" for j in range(m.last + 1, side.first)):
        return None  # "во взаимодействии с ГКНБ Киргизии и СГБ Узбекистана": partners after a preposition, no genitive
    if parsed and not any(m.first <= toks[j].head <= m.last for j in range(side.first, side.last + 1)):
        return None
    groups: dict[str, Actor] = {}
    for c in side.members:
        key = c.actor.country
        if key and not (c.zero or c.implicit or c.we) and key not in groups:
            groups[key] = c.actor
    if len(groups) < 2:
        return None
    parts = list(groups.values())
    return parts[:1], parts[1:]


def _pair_of(toks: list[Token], j: int, m: lexicon.Match) -> bool:
    """The parse hangs pair word j on the trigger ("exchange of information between") or on the verb the
    trigger is the subject of ("a meeting was held between")."""
    h = toks[j].head
    if h == -1:
        return False
    return m.first <= h <= m.last or any(toks[k].head == h for k in range(m.first, m.last + 1))


def _head_last(m: lexicon.Match) -> int:
    """The last token of the trigger's first run of words: in a gapped pattern ("pozvao me Vučić da mi
    saopšti", "ordered 40 German diplomats to leave") the names inside the gap are the verb's
    parties, found after its head as any object is, not hidden inside the trigger."""
    last = m.first
    for j in m.tokens[1:]:
        if j != last + 1:
            break
        last = j
    return last


def _territory(sides: list[Side], places: list[Candidate], targets: list[Actor], m: lexicon.Match) -> list[Actor]:
    """An arrest, expulsion or seizure with no agent named ("В Москве задержали литовского
    разведчика", "u Beogradu je uhapšen hrvatski državljanin"): only the state whose ground it
    happens on can do it, so the place named as its scene ("in", "в", "u") is that state's act
    against a foreigner. None when the scene is the target's own country (a domestic arrest names no
    second party) or no scene is named."""
    own = {a.country for a in targets}
    scenes = [c for c in places if c.role_hint == "location"]
    scenes += [c for x in sides for c in x.members if c.role_hint == "location" and not c.implicit and not c.we]
    scenes = [c for c in scenes if is_state(c.actor.country) and c.actor.country not in own]
    if not scenes:
        return []
    near = min(scenes, key=lambda c: min(abs(c.first - m.first), abs(c.last - m.last)))
    return [Actor(country=near.actor.country, text=near.actor.text)]


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


def _performing_verb(toks: list[Token], m: lexicon.Match, lang: str) -> int | None:
    """The verb that performs a nominal act (event_roles.tsv `perform`: "mounted an invasion", "fired
    shells", "провели атаку", "izvršile napad"): with a parse, the trigger's governing verb through an
    object or a preposition; without one, such a verb up to PERFORM_REACH words before it."""
    def performs(j: int) -> bool:
        return any(r.first == j and r.pattern.label == "perform" for r in lexicon.roles(lang).find(toks, j, j + 1))
    if any(t.dep for t in toks):
        k, steps = m.first, 0
        while toks[k].dep in PERFORMED_DEPS and 0 <= toks[k].head < len(toks) and steps < 3:
            k, steps = toks[k].head, steps + 1
            if toks[k].pos in ("VERB", "AUX"):
                return k if performs(k) else None
        return None
    return next((j for j in range(m.first - 1, max(-1, m.first - 1 - PERFORM_REACH), -1) if performs(j)), None)


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
