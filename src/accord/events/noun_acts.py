"""Whether a noun trigger reports an act, and who gave what a noun of receiving names.

Why: a trigger noun also names kinds of activity that nobody performs in the sentence. What
follows "the fight against" / "борьба с" / "borba protiv" is the thing fought, a phenomenon
("борби против трговине наркотицима" is no trade between Serbia and Russia); a danger noun
whose complement is an abstract force names a kind of threat ("the threat of terrorism is
heightened", "угроза терроризма", "pretnja od terorizma") and threatens no side; a trade noun
followed by what is traded is a crime ("trade in drugs", "торговля людьми", "trgovina
ljudima"). None of these is an act unless an actor of its own stands in its noun phrase
("Russian attacks" after "the fight against" are Russia's). The cues are data per language
(lang/<code>/event_generic.tsv; hr, bs, cnr inherit sr's), the decision is this one mechanism.

A noun given to someone turns its roles around: in "received an invitation from Clinton" /
"dobio poziv od Klintona" / "получил приглашение от" the subject of receiving is the one
invited, the one it came from invited: the sides swap when the subject stands before the verb
of receiving and the other side after the noun.
"""
from __future__ import annotations

from ..doc import Actor, Event, Span, Token
from . import lexicon

FOUGHT_REACH = 3  # words from the end of "the fight against" to the trigger it makes a phenomenon
RECEIVE_REACH = 3  # words from a verb of receiving to its object noun ("received a formal invitation")
DANGER = frozenset({"THREATEN", "ASSAULT"})  # nouns whose "of"-complement is their agent: a force makes them a kind
PUNCT = frozenset(",.;:!?()\"«»„“”")


def cues(lang: str) -> lexicon.Matcher:
    return lexicon.labelled(lang, "event_generic.tsv")


def _noun(tok: Token) -> bool:
    return tok.pos in ("NOUN", "PROPN", "")  # untagged text (no backend tags it) may be a noun


def generic(toks: list[Token], m: lexicon.Match, lang: str, actor_tokens: set[int]) -> bool:
    """The trigger `m` names a kind of activity, not an act (see the module docstring).
    `actor_tokens`: the token indices of the sentence's actor candidates."""
    if not _noun(toks[m.first]):
        return False
    found = cues(lang).find(toks)
    for c in found:
        if c.pattern.label == "fought" and 0 < m.first - c.last <= FOUGHT_REACH:
            between = range(c.last + 1, min(len(toks), m.last + 3))
            if not any(j in actor_tokens or toks[j].text in PUNCT for j in between if j < m.first or j > m.last):
                return True  # "борби против трговине наркотицима", "the fight against drug trafficking"
    nxt = m.last + 1
    links = {c.first for c in found if c.pattern.label == "link" and len(c.tokens) == 1}
    while nxt in links and nxt - m.last <= 2:
        nxt += 1
    for c in found:
        if c.pattern.label == "traded" and c.first == m.last + 1:
            return True  # "trade in drugs", "торговля людьми"
        if c.pattern.label == "phenomenon" and c.first == nxt and m.pattern.label in DANGER and m.first - 1 not in actor_tokens:
            return True  # "the threat of terrorism", "угроза терроризма"
    return False


def received(toks: list[Token], m: lexicon.Match, lang: str) -> int | None:
    """Index of the verb of receiving whose object the noun trigger `m` is, or None."""
    if not _noun(toks[m.first]):
        return None
    for c in cues(lang).find(toks):
        if c.pattern.label == "receive" and 0 < m.first - c.last <= RECEIVE_REACH \
                and not any(toks[j].text in PUNCT for j in range(c.last + 1, m.first)):
            return c.first
    return None


def given_by_other(sources: list[Actor], targets: list[Actor], at: dict[int, int], verb: int, m: lexicon.Match
                   ) -> tuple[list[Actor], list[Actor]]:
    """Sources and targets of a received noun, swapped when the sources stand before the verb of
    receiving and the targets after the noun (`at`: id() of an actor -> its first token)."""
    if not sources or not targets:
        return sources, targets
    if all(at.get(id(a), verb) < verb for a in sources) and all(at.get(id(a), -1) > m.last for a in targets):
        return list(targets), list(sources)
    return sources, targets


def activity_parties(doc, coref, toks: list[Token], lang: str) -> tuple[set[str], set]:
    """(the types of the generic noun triggers, the sides the sentence names) of a sentence that names
    an activity generically beside two sides ("Serbia and Russia remain committed to the joint fight
    against ... drug trafficking"), or empty sets: such a sentence codes no act of its own, yet it
    tells of the two sides' happening of that type, its field (contexts) included."""
    from .candidates import candidates  # the role lexicons: only needed for a sentence with a trigger
    from .triggers import find

    real = [m for m in find(toks, lang)[1] if generic(toks, m, lang, set())]  # no actor in the way: a superset
    if not real:
        return set(), set()
    cands = candidates(doc, coref, toks, lang)
    actor_tokens = {j for c in cands for j in range(c.first, c.last + 1)}
    types = {m.pattern.label for m in real if generic(toks, m, lang, actor_tokens)}
    if not types:
        return set(), set()
    return types, {c.actor.country or c.actor.entity for c in cands if not c.place and (c.actor.country or c.actor.entity)}


def lend_to_parties(events: list[Event], found: tuple[set[str], set], s, ctx: set[str]) -> None:
    """The generic sentence `s` supports the earlier events of its trigger's type between the sides it
    names, both of them (as merging an event of its own into them did): one more of their sentences,
    whose contexts they take."""
    types, parties = found
    if len(parties) < 2:
        return
    for e in events:
        keys = {a.country or a.entity for a in e.sources} | {a.country or a.entity for a in e.targets}
        if e.type in types and len(keys) >= 2 and keys <= parties:
            if not any(sp.start == s.start for sp in e.sentences):
                e.sentences.append(Span(start=s.start, end=s.end))
            e.contexts = sorted(set(e.contexts) | ctx)
