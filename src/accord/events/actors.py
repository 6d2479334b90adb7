"""Who did it to whom: candidate actors grouped into sides, and which side is source and which target.

Coordinated candidates ("Chinese and Serbian policemen", "Россия и Сербия") form one compound
side (`group_sides`). Around one trigger (`assign`), roles come from the parse where one exists
(the trigger's subject is the actor, its object or oblique the recipient) and otherwise from
word order and the language's role words (on/against/with, против/с, protiv/sa) that
accord.events.candidates noted before each candidate; the genitive after a `source-of` noun
("санкции США") imposes. In a passive clause word order names the side acted upon; a clause with
a subject of its own takes no actor from outside it. A place abroad right after the trigger is its host ("visit to
Moscow"). Which candidates a sentence has is accord.events.candidates'; the trigger-specific
corrections (a requester, the speaker, "the sides") are accord.events.roles'; what the parse says
of one candidate and verb is accord.events.parse_roles'.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from ..doc import Actor, Article, Token
from ..lang import load_tsv
from ..translit import fold
from . import lexicon
from .countries import is_state
from .parse_roles import (SUBJECT_DEPS, _agent_of_other_word, _core_object, _dominated, _impersonal_actor, _own_subject,
                          _relative_clause_sides, _relative_role, _reporter, _subject_below, _syntax_role)

PLACE_REACH = 4  # a place abroad right after the trigger is its host or scene ("visit to Moscow")
PLACE_BEFORE = 2


@dataclass
class Candidate:
    first: int  # token index range (inclusive)
    last: int
    actor: Actor
    place: bool = False  # a city or other place that is not a country
    we: bool = False
    role_hint: str | None = None  # target | agent | location, from the word before it
    implicit: bool = False  # a pronoun or a subjectless verb standing for a person named before
    zero: bool = False  # the subjectless verb itself (token range = the verb)
    owner_of: int | None = None  # token index of the `source-of` noun whose genitive this is
    border: bool = False  # names the far side of a border ("the border with North Macedonia"): a place

    @property
    def key(self) -> str:
        return self.actor.entity or self.actor.country or (self.actor.text or "")


@dataclass
class Side:
    members: list[Candidate] = field(default_factory=list)

    @property
    def first(self) -> int:
        return self.members[0].first

    @property
    def last(self) -> int:
        return self.members[-1].last

    def actors(self) -> list[Actor]:
        seen, out = set(), []
        for c in self.members:
            k = c.actor.country or c.actor.entity or c.actor.text
            if k in seen:
                # keep the more specific actor (a named entity over an adjective) for one country
                for n, a in enumerate(out):
                    if (a.country or a.entity or a.text) == k and a.entity is None and c.actor.entity:
                        out[n] = c.actor
                continue
            seen.add(k)
            out.append(c.actor)
        return out


def group_sides(cands: list[Candidate], toks: list[Token], lang: str, triggers: set[int] = frozenset()) -> list[Side]:
    """Candidates joined by coordination (and, и, i, commas) or adjacent form one compound side;
    a country word next to a name of the same country is one actor ("Russian ambassador Chepurin")."""
    coord_tokens = set()
    for m in lexicon.roles(lang).find(toks):
        if m.pattern.label == "coord":
            coord_tokens |= set(m.tokens)
    sides: list[Side] = []
    for c in cands:
        if c.place or c.role_hint == "channel":  # "through Interpol", "preko Interpola": a channel, no party
            continue
        if c.zero:  # a subjectless verb's person stands alone
            sides.append(Side([c]))
            continue
        if sides and not sides[-1].members[-1].zero:
            prev = sides[-1].members[-1]
            between = range(prev.last + 1, c.first)
            glue = all(j in coord_tokens or toks[j].text in {",", "-", "–"} or _is_descriptor(toks[j])
                       or _is_title(toks[j], lang) for j in between)
            # "policija Srbije i policija Mađarske": a coordinator right after the first, a head noun before the second
            glue = glue or (0 < len(between) <= 3 and between[0] in coord_tokens
                            and not any(j in triggers or not (toks[j].text.isalpha() or _initial_dot(toks, j))
                                        for j in between))
            same_actor = (prev.actor.country and prev.actor.country == c.actor.country and len(between) <= 3
                          and not any(j in triggers or toks[j].text in ",;:()\"«»" for j in between))
            # "Ruskoj Federaciji Srbija": two parties; "pomoć Srbiji i S. Makedoniji": one recipient side
            glue = glue and not (not between and prev.role_hint != c.role_hint and prev.actor.country != c.actor.country)
            joined = c.role_hint is None or c.role_hint == prev.role_hint == "target" and 0 < len(between) and between[0] in coord_tokens
            if same_actor or glue and len(between) <= 4 and joined:
                sides[-1].members.append(c)
                continue
        sides.append(Side([c]))
    return sides


@lru_cache(maxsize=None)
def _titles(lang: str) -> frozenset[str]:
    """Titles that stand before a person's name (lang/<code>/titles.tsv, shared with the entities stage)."""
    try:
        return frozenset(fold(r[0].lower()) for r in load_tsv(lang, "titles.tsv") if r and r[0])
    except (FileNotFoundError, OSError):
        return frozenset()


def _is_title(tok: Token, lang: str) -> bool:
    """Without a tagger (Serbian): a title word ("премијер", "kancelar") inside a list of office holders
    ("Vučić, premijer Mađarske Viktor Orban i kancelar Austrije") keeps the list one side."""
    return not tok.pos and (fold(tok.lemma) in _titles(lang) or fold(tok.low) in _titles(lang))


def _initial_dot(toks: list[Token], j: int) -> bool:
    """The dot of an abbreviated word inside a name ("Srbiji i S. Makedoniji"): no sentence boundary."""
    return toks[j].text == "." and j > 0 and len(toks[j - 1].text) == 1 and toks[j - 1].text.isupper()


def _is_descriptor(tok: Token) -> bool:
    """Words that may sit inside one actor phrase ("Russian ambassador Chepurin") without splitting it."""
    return tok.pos in ("NOUN", "PROPN", "ADJ") and not tok.dep.startswith(("nsubj", "obj", "dobj"))


def _controlled(toks: list[Token], v: int, own: bool) -> bool:
    """The clause's subject is the one of the verb above: an xcomp or conj ("продолжает сотрудничать"),
    a participial adjunct with no subject of its own ("detained a diplomat, accusing him"), and a
    reported clause whose subject is only a pronoun ("Belarus said it had detained"). The last two only
    where the trigger is that verb itself (`own`): "Summing up the meeting, N. stressed" keeps its dyad."""
    t = toks[v]
    if t.head == -1:
        return False
    if t.dep in ("xcomp", "conj"):
        return True
    if not own:
        return False
    subjects = [k for k in toks if k.head == v and k.dep in SUBJECT_DEPS]
    if t.dep == "advcl":
        return not subjects and ("VerbForm=Part" in t.morph or "VerbForm=Conv" in t.morph)
    if t.dep == "ccomp":
        return bool(subjects) and all(k.pos == "PRON" and k.dep == "nsubj" for k in subjects)
    return False


def _governing_verb(toks: list[Token], trigger: int) -> int:
    t = toks[trigger]
    k, steps = trigger, 0
    while k != -1 and toks[k].pos not in ("VERB", "AUX") and steps < 4:
        k, steps = toks[k].head, steps + 1
    return k if k != -1 else t.i


def assign(sides: list[Side], places: list[Candidate], toks: list[Token], trigger_first: int, trigger_last: int,
           symmetric: bool, reverse: bool, asked: bool = False, passive: bool = False, own_forces: bool = False
           ) -> tuple[list[Actor], list[Actor], bool]:
    """(sources, targets, from_syntax) for one trigger. `asked`: a REQUEST, whose content clause's subject
    is the one asked. `passive`: the trigger's clause is passive
    ("будут высланы", "were expelled by", "biće proterani"), so its grammatical subject is the side
    acted upon and only an agent ("by", a bare instrumental, "od strane") names the actor: a side
    found by word order alone is the recipient, never the actor. `own_forces`: the act moves the
    actor's own forces (deploy, mobilise), whose passive subject is the actor."""
    if not sides and not places:
        return [], [], False
    source: Side | None = None
    target: Side | None = None
    from_syntax = False
    verbs: list[int] = []
    not_actor: set[int] = set()
    if any(t.dep for t in toks):
        verb = _governing_verb(toks, trigger_first)
        sides = _relative_clause_sides(toks, sides, verb)
        verbs = [verb]
        while _controlled(toks, verbs[-1], verb == trigger_first) and len(verbs) < 3:
            verbs.append(toks[verbs[-1]].head)  # "Россия продолжает сотрудничать", "запрашивали ... и просили"
        roles = {}
        for v in verbs:
            for s in sides:
                if s.members[0].zero:
                    continue
                r = (_syntax_role(toks, s.members[0], v, asked, own_forces)
                     or _syntax_role(toks, s.members[-1], v, asked, own_forces)
                     or (_relative_role(toks, s, v, own_forces) if v == verb else None))
                if r and r not in roles and (v == verb or r == "source"):
                    roles[r] = s
                elif r == "target" and v == verb == trigger_first and _core_object(toks, s, v) and not _core_object(toks, roles[r], v):
                    roles[r] = s  # "выступая в эфире «Россия 1», поблагодарил Москву": the verb's direct object, not an oblique
        source, target = roles.get("source"), roles.get("target")
        if source is None:
            source = _impersonal_actor(toks, sides, verb)
            if source is not None and target is source:
                target = None
        from_syntax = source is not None
        if source is None and verb == trigger_first and _own_subject(toks, verb):
            # "Tarabrin noted that Western countries are calling for Russia to ...": the clause names its own
            # actor, one with no country; a side outside the clause (the speaker of "noted") did not act
            sides = [s for s in sides if s.members[0].zero or _dominated(toks, s.first, verb)]
            # nor does the subject of a clause below it ("calling for Russia to limit"): that one is asked
            not_actor = {id(s) for s in sides if _subject_below(toks, s, verb)}
    before = [s for s in sides if s.last < trigger_first]
    after = [s for s in sides if s.first > trigger_last and not s.members[0].zero]
    agent = next((s for s in sides if s.members[0].role_hint == "agent"
                  and not _agent_of_other_word(toks, s, verbs, trigger_first, trigger_last)), None)
    if agent is not None and agent is not target:
        source = agent
    owner = next((s for s in sides if s.members[0].owner_of is not None and trigger_first <= s.members[0].owner_of <= trigger_last), None)
    if owner is not None:  # "санкции США против России", "Vulin o sankcijama SAD": the genitive imposes them
        source, from_syntax = owner, False
        if target is owner:
            target = None
    if source is None:
        # "Обвинил Вашингтон", "Optužio je Vašington": the trigger's own subjectless verb names who acted
        own_verbs = set(range(trigger_first, trigger_last + 1)) | set(verbs)
        source = next((s for s in sides if s.members[0].zero and s.first in own_verbs), None)
    if source is None and passive and not symmetric and not own_forces:
        # the subject it would have been by word order is acted upon ("руководители дипмиссий которых будут
        # высланы, Франция"): the nearest unmarked side before the verb, else the first after it
        unmarked = [s for s in before[::-1] + after if s.members[0].role_hint is None and not s.members[0].zero]
        if target is None and unmarked:
            target = unmarked[0]
    elif source is None:
        unmarked_before = [s for s in before if s.members[0].role_hint not in ("target",) and s is not target
                           and id(s) not in not_actor]
        unmarked_before = [s for s in unmarked_before if s.members[0].role_hint is None] or unmarked_before  # "Misija OEBS-a u Srbiji"
        if unmarked_before:
            source = unmarked_before[-1]
        else:
            unmarked_after = [s for s in after if s.members[0].role_hint is None and s is not target
                              and id(s) not in not_actor]
            if unmarked_after:
                source = unmarked_after[0]
    if target is None:
        own = {a.country for a in source.actors() if a.country} if source else set()
        # a side of the actor's own country is no recipient ("коллегии МВД России ... с российскими коллегами")
        rest = [s for s in _without_reporters(sides, toks, verbs) if s is not source and not s.members[0].zero
                and not (own and {a.country for a in s.actors()} <= own)]
        marked = [s for s in rest if s.members[0].role_hint == "target"]
        after_rest = [s for s in rest if s.first > trigger_last]
        before_rest = [s for s in rest if s.last < trigger_first]
        # no parse: an unmarked name right after the verb is its object ("zahvalila je Srbiji na ... sa
        # Evropskom unijom"), nearer than a marked one further on
        adjacent = [s for s in after_rest if s.first - trigger_last <= 2 and s.members[0].role_hint is None
                    and not any(t.dep for t in toks)]
        if adjacent:
            target = adjacent[0]
        elif marked:
            target = min(marked, key=lambda s: abs(s.first - trigger_last))
        elif after_rest:
            target = after_rest[0]
        elif before_rest:
            target = before_rest[-1]
    sources = source.actors() if source else []
    targets = target.actors() if target else []
    sources, targets = _distinct_sides(sources, targets, symmetric)
    if symmetric and not sources and len({a.country for a in targets}) >= 2:
        sources, targets = targets, []  # "discussed cooperation between Russia and Serbia": both sides
    if symmetric and not any(is_state(a.country) for a in targets) and len({a.country for a in sources if is_state(a.country)}) >= 2:
        # "Лавров и Дачич договорились встретиться на полях ОБСЕ": the joint act is between the named states;
        # an organisation beside them is the venue, no party (its code would make a dyad of its own)
        states = [a for a in sources if is_state(a.country)]
        first = states[0].country
        sources = [a for a in states if a.country == first]
        targets = [a for a in states if a.country != first] + [a for a in targets if not a.country]
    if symmetric and not targets and len({a.country for a in sources}) >= 2:
        first = sources[0].country
        sources, targets = [a for a in sources if a.country == first], [a for a in sources if a.country != first]
    if not targets and places and not (symmetric and sources and all(a.country and not is_state(a.country) for a in sources)):
        # a place abroad is the host side ("visit to Moscow"); at home, or where an organisation's own members met, only where
        home = {a.country for a in sources}
        abroad = [p for p in places if p.actor.country and p.actor.country not in home and not p.border
                  and -PLACE_BEFORE <= p.first - trigger_last <= PLACE_REACH]
        abroad.sort(key=lambda p: (p.first < trigger_first, p.role_hint not in ("target", "location")))
        if abroad:
            targets = [abroad[0].actor]
    if reverse and targets:
        sources, targets = targets, sources
    keys = {(a.entity or a.country) for a in sources}
    targets = [a for a in targets if (a.entity or a.country) not in keys or a.entity is None and a.country is None]
    return sources, targets, from_syntax


def _without_reporters(sides: list[Side], toks: list[Token], verbs: list[int]) -> list[Side]:
    """The sides less their members that report the act from a clause above it (parse_roles._reporter)."""
    if not verbs:
        return sides
    out = []
    for s in sides:
        kept = [c for c in s.members if not _reporter(toks, c, verbs[0])]
        if kept:
            out.append(s if len(kept) == len(s.members) else Side(kept))
    return out


def _distinct_sides(sources: list[Actor], targets: list[Actor], symmetric: bool) -> tuple[list[Actor], list[Actor]]:
    """A country on both sides once: "Serbia and Hungary ... Serbia" is SRB-HUN, not SRB,HUN-SRB,HUN."""
    src = {a.country for a in sources if a.country}
    if targets and src:
        rest = [a for a in targets if a.country not in src]
        # a recipient that only repeats the actor's country ("MUP Srbije ... Srbije") is no recipient
        targets = rest
    if sources and targets and not symmetric:
        return sources, targets
    if symmetric and len(src) >= 2 and targets and {a.country for a in targets} <= src:
        targets = []
    return sources, targets


def location(places: list[Candidate], doc: Article) -> str | None:
    """`Event.location`: the place a location word marks ("in Brussels", "u Briselu"), else the sentence's only place."""
    located = [p for p in places if p.role_hint == "location" and p.actor.entity]
    if located:
        return located[0].actor.entity
    if len(places) == 1 and places[0].actor.entity:
        return places[0].actor.entity
    return None
