"""Who did it to whom: actor candidates in a sentence and their PLOVER roles around a trigger.

Candidates are the sentence's entity mentions that carry a country or an entity (a city is a
place, used as recipient only when nothing else is), plus "we/our/мы/naši" inside a quote, which
stands for the quote's speaker. Coordinated candidates ("Chinese and Serbian policemen",
"Россия и Сербия") form one compound side. Roles come from the parse where one exists (the
trigger's subject is the actor, its object or oblique the recipient) and otherwise from word
order and the language's role words (on/against/with, против/с, protiv/sa).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from ..doc import Actor, Article, Entity
from ..lang import load_list
from . import lexicon
from .analysis import Tok

SUBJECT_DEPS = {"nsubj", "csubj", "nsubj:pass", "agent", "obl:agent"}
PASSIVE_SUBJECT_DEPS = {"nsubjpass", "nsubj:pass"}
PLACE_REACH = 4  # a place abroad right after the trigger is its host or scene ("visit to Moscow")
PLACE_BEFORE = 2
OBJECT_DEPS = {"dobj", "obj", "iobj", "dative", "pobj", "obl", "nmod", "prep", "pcomp"}


@dataclass
class Candidate:
    first: int  # token index range (inclusive)
    last: int
    actor: Actor
    place: bool = False  # a city or other place that is not a country
    we: bool = False
    role_hint: str | None = None  # target | agent | location, from the word before it

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


@lru_cache(maxsize=1)
def _country_names() -> frozenset[str]:
    """English names of countries (CLDR via babel): tells a country entity from a city."""
    try:
        from babel import Locale

        names = set(Locale("en").territories.values())
    except Exception:  # babel missing its data: treat every LOC as a possible country
        return frozenset()
    import pycountry

    for c in pycountry.countries:
        names |= {c.name, getattr(c, "common_name", c.name), getattr(c, "official_name", c.name), c.alpha_3, c.alpha_2}
    return frozenset(n.casefold() for n in names)


def is_place(entity: Entity | None, mention_type: str) -> bool:
    if mention_type != "LOC" and (entity is None or entity.type != "LOC"):
        return False
    names = _country_names()
    if not names or entity is None:
        return False
    return entity.name.casefold() not in names and not entity.id.lower().startswith(("kb:country", "country:"))


def _token_range(toks: list[Tok], start: int, end: int) -> tuple[int, int] | None:
    idx = [t.i for t in toks if t.start < end and start < t.end]
    return (idx[0], idx[-1]) if idx else None


def speaker_actor(doc: Article, offset: int) -> Actor | None:
    """The speaker's side when `offset` lies inside a quote with a known speaker."""
    for q in doc.quotes:
        if q.start <= offset < q.end and q.speaker:
            ent = doc.entity(q.speaker)
            if ent is not None and (ent.country or ent.id):
                return Actor(entity=ent.id, country=ent.country, sector=ent.sector, text=q.speaker_text or ent.name)
    return None


def candidates(doc: Article, toks: list[Tok], lang: str) -> list[Candidate]:
    if not toks:
        return []
    s_start, s_end = toks[0].start, toks[-1].end
    out: list[Candidate] = []
    taken: set[int] = set()
    for m in sorted(doc.mentions, key=lambda m: m.start):
        if m.end <= s_start or m.start >= s_end:
            continue
        ent = doc.entity(m.entity)
        country = (ent.country if ent else None) or m.country
        if country is None and ent is None:
            continue
        rng = _token_range(toks, m.start, m.end)
        if rng is None or set(range(rng[0], rng[1] + 1)) & taken:
            continue
        taken |= set(range(rng[0], rng[1] + 1))
        actor = Actor(entity=ent.id if ent else None, country=country, sector=ent.sector if ent else None, text=m.text)
        place = is_place(ent, m.type)
        if place and any(toks[j].dep in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS for j in range(rng[0], rng[1] + 1)):
            place = False  # "Belgrade has asked", "Москва ценит": a capital as subject speaks for its government
        out.append(Candidate(rng[0], rng[1], actor, place=place))
    # country names and nationality adjectives the entities stage left as plain words
    kb = _kb()
    if kb is not None:
        for t in toks:
            if t.i in taken or len(t.text) < 3 or not t.text.isalpha():
                continue
            if t.text[:1].islower() and not _lowercase_adjective(t, lang):
                continue  # "кроме того" is no Togo: lower case names a country only as an adjective
            iso = kb.country_from_word(t.text, lang)
            if iso:
                taken.add(t.i)
                out.append(Candidate(t.i, t.i, Actor(country=iso, text=t.text)))
    # first person plural inside a quote: the speaker's side
    for m in lexicon.select([mm for mm in lexicon.roles(lang).find(toks) if mm.pattern.label == "we"]):
        if m.first in taken:
            continue
        spk = speaker_actor(doc, toks[m.first].start)
        if spk is not None:
            out.append(Candidate(m.first, m.last, spk, we=True))
    out.sort(key=lambda c: c.first)
    _mark_role_words(out, toks, lang)
    return out


def _lowercase_adjective(t: Tok, lang: str) -> bool:
    """A lower-case word may be a nationality adjective ("российскую", "srpske"), never a short word that
    happens to spell a country ("того", "toga", "mali"): the tagger says ADJ, or, without one, it is no stopword."""
    if t.pos:
        return t.pos == "ADJ"
    return t.low not in _stopwords(lang)


@lru_cache(maxsize=None)
def _stopwords(lang: str) -> frozenset[str]:
    try:
        return frozenset(w.lower() for w in load_list(lang, "stopwords.txt"))
    except (FileNotFoundError, OSError):
        return frozenset()


@lru_cache(maxsize=1)
def _kb():
    """The knowledge base when it is built (country_from_word reads adjectives); None otherwise."""
    try:
        from ..kb import load_kb

        return load_kb()
    except Exception:  # not built yet, or unreadable: entities alone then
        return None


def _mark_role_words(cands: list[Candidate], toks: list[Tok], lang: str) -> None:
    """Note the role word (target/agent/location) right before each candidate (2 words at most)."""
    found = lexicon.select(lexicon.roles(lang).find(toks))
    by_last = {}
    for m in found:
        if m.pattern.label in ("target", "agent", "location"):
            by_last.setdefault(m.last, []).append(m.pattern.label)
    # role tables may list one word for two roles ("at"): keep every label, the caller decides
    for c in cands:
        for back in (1, 2, 3):
            j = c.first - back
            if j < 0:
                break
            if j in by_last:
                labels = by_last[j]
                c.role_hint = "agent" if "agent" in labels else ("target" if "target" in labels else labels[0])
                if "location" in labels and c.place:
                    c.role_hint = "location"
                break
            if toks[j].text in ",.;:!?\"«»()" or any(x.first <= j <= x.last for x in cands):
                break


def group_sides(cands: list[Candidate], toks: list[Tok], lang: str, triggers: set[int] = frozenset()) -> list[Side]:
    """Candidates joined by coordination (and, и, i, commas) or adjacent form one compound side;
    a country word next to a name of the same country is one actor ("Russian ambassador Chepurin")."""
    coord_tokens = set()
    for m in lexicon.roles(lang).find(toks):
        if m.pattern.label == "coord":
            coord_tokens |= set(m.tokens)
    sides: list[Side] = []
    for c in cands:
        if c.place:
            continue
        if sides:
            prev = sides[-1].members[-1]
            between = range(prev.last + 1, c.first)
            glue = all(j in coord_tokens or toks[j].text in {",", "-", "–"} or _is_descriptor(toks[j]) for j in between)
            # "policija Srbije i policija Mađarske": a coordinator right after the first, a head noun before the second
            glue = glue or (0 < len(between) <= 3 and between[0] in coord_tokens
                            and not any(j in triggers or not toks[j].text.isalpha() for j in between))
            same_actor = (prev.actor.country and prev.actor.country == c.actor.country and len(between) <= 3
                          and not any(j in triggers or toks[j].text in ",;:()\"«»" for j in between))
            if same_actor or glue and len(between) <= 4 and c.role_hint is None:
                sides[-1].members.append(c)
                continue
        sides.append(Side([c]))
    return sides


def _is_descriptor(tok: Tok) -> bool:
    """Words that may sit inside one actor phrase ("Russian ambassador Chepurin") without splitting it."""
    return tok.pos in ("NOUN", "PROPN", "ADJ") and not tok.dep.startswith(("nsubj", "obj", "dobj"))


def _syntax_role(toks: list[Tok], c: Candidate, verb: int) -> str | None:
    """'source' or 'target' when the candidate hangs below `verb` as subject / object."""
    for j in range(c.first, c.last + 1):
        k, below, steps = j, None, 0
        while k != -1 and steps < 12:
            if k == verb:
                if below is None:
                    return None
                dep = toks[below].dep
                if dep in PASSIVE_SUBJECT_DEPS:
                    return "target"
                if dep in SUBJECT_DEPS:
                    return "source"
                if dep in OBJECT_DEPS:
                    return "target"
                return None
            below, k, steps = k, toks[k].head, steps + 1
    return None


def _governing_verb(toks: list[Tok], trigger: int) -> int:
    t = toks[trigger]
    k, steps = trigger, 0
    while k != -1 and toks[k].pos not in ("VERB", "AUX") and steps < 4:
        k, steps = toks[k].head, steps + 1
    return k if k != -1 else t.i


def assign(sides: list[Side], places: list[Candidate], toks: list[Tok], trigger_first: int, trigger_last: int,
           symmetric: bool, reverse: bool) -> tuple[list[Actor], list[Actor], bool]:
    """(sources, targets, from_syntax) for one trigger."""
    if not sides and not places:
        return [], [], False
    source: Side | None = None
    target: Side | None = None
    from_syntax = False
    if any(t.dep for t in toks):
        verb = _governing_verb(toks, trigger_first)
        verbs = [verb]
        while toks[verbs[-1]].dep in ("xcomp", "conj") and toks[verbs[-1]].head != -1 and len(verbs) < 3:
            verbs.append(toks[verbs[-1]].head)  # "Россия продолжает сотрудничать", "запрашивали ... и просили"
        roles = {}
        for v in verbs:
            for s in sides:
                r = _syntax_role(toks, s.members[0], v) or _syntax_role(toks, s.members[-1], v)
                if r and r not in roles and (v == verb or r == "source"):
                    roles[r] = s
        source, target = roles.get("source"), roles.get("target")
        from_syntax = source is not None
    before = [s for s in sides if s.last < trigger_first]
    after = [s for s in sides if s.first > trigger_last]
    agent = next((s for s in sides if s.members[0].role_hint == "agent"), None)
    if agent is not None and agent is not target:
        source = agent
    if source is None:
        unmarked_before = [s for s in before if s.members[0].role_hint not in ("target",) and s is not target]
        if unmarked_before:
            source = unmarked_before[-1]
        else:
            unmarked_after = [s for s in after if s.members[0].role_hint is None and s is not target]
            if unmarked_after:
                source = unmarked_after[0]
    if target is None:
        rest = [s for s in sides if s is not source]
        marked = [s for s in rest if s.members[0].role_hint == "target"]
        after_rest = [s for s in rest if s.first > trigger_last]
        before_rest = [s for s in rest if s.last < trigger_first]
        if marked:
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
    if symmetric and not any(a.country for a in targets) and len({a.country for a in sources if a.country}) >= 2:
        # "Лавров и Дачич договорились встретиться на полях ОБСЕ": the joint act is between the named states
        sources, targets = sources, [a for a in sources if a.country != sources[0].country] + targets
        sources = [a for a in sources if a.country == sources[0].country]
    if symmetric and not targets and len({a.country for a in sources}) >= 2:
        first = sources[0].country
        sources, targets = [a for a in sources if a.country == first], [a for a in sources if a.country != first]
    if not targets and places:
        # a place abroad is the host side ("visit to Moscow", "u poseti Moskvi"); at home it is only a location
        home = {a.country for a in sources}
        abroad = [p for p in places if p.actor.country and p.actor.country not in home
                  and -PLACE_BEFORE <= p.first - trigger_last <= PLACE_REACH]
        abroad.sort(key=lambda p: (p.first < trigger_first, p.role_hint not in ("target", "location")))
        if abroad:
            targets = [abroad[0].actor]
    if reverse and targets:
        sources, targets = targets, sources
    keys = {(a.entity or a.country) for a in sources}
    targets = [a for a in targets if (a.entity or a.country) not in keys or a.entity is None and a.country is None]
    return sources, targets, from_syntax


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
