"""The role a dependency parse gives a candidate actor around a verb: subject (source), object or
oblique (target), a passive subject acted upon, a bare instrumental agent, the direct object before
an oblique; and the clause tests accord.events.actors.assign reads with it (does the verb have a
subject of its own, is a side inside its clause). UD relations and features only, no word lists:
every language with a parser gets the same reading; Serbian (no parser) goes by word order.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..doc import Token

if TYPE_CHECKING:
    from .actors import Candidate, Side

SUBJECT_DEPS = {"nsubj", "csubj", "nsubj:pass", "agent", "obl:agent"}
PASSIVE_SUBJECT_DEPS = {"nsubjpass", "nsubj:pass"}
PASSIVE_DEPS = PASSIVE_SUBJECT_DEPS | {"aux:pass", "auxpass"}
OBJECT_DEPS = {"dobj", "obj", "iobj", "dative", "pobj", "obl", "nmod", "prep", "pcomp"}
CORE_OBJECT_DEPS = {"dobj", "obj", "iobj", "dative"}
RELATIVE_DEPS = {"acl:relcl", "relcl"}
NAME_PHRASE_DEPS = {"compound", "amod", "flat", "flat:name", "poss", "nmod:poss", "appos", "det"}


def _syntax_role(toks: list[Token], c: Candidate, verb: int, asked: bool = False,
                 own_forces: bool = False) -> str | None:
    """'source' or 'target' when the candidate hangs below `verb` as subject / object; `asked`: the verb
    asks or demands, so the subject of its content clause is the one asked ("demanded that the US cancel").
    A passive subject is acted upon, except where the act moves the actor's own forces (`own_forces`:
    "Hungarian police were deployed to Serbia": Hungary deploys)."""
    for j in range(c.first, c.last + 1):
        k, below, under, steps = j, None, None, 0
        while k != -1 and steps < 12:
            if k == verb:
                if below is None:
                    return None
                dep = toks[below].dep
                if dep in PASSIVE_SUBJECT_DEPS:
                    return "source" if own_forces else "target"
                if _instrumental_agent(toks, below, verb):
                    return "source"
                if dep in SUBJECT_DEPS:
                    return "source"
                if dep in OBJECT_DEPS:
                    return "target"
                if asked and dep == "ccomp" and under is not None and toks[under].dep in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS:
                    return "target"  # "demanded that the US cancel plans": the content clause's subject is asked
                return None
            under, below, k, steps = below, k, toks[k].head, steps + 1
    return None


def _core_object(toks: list[Token], side: Side, verb: int) -> bool:
    """The side's name, or the noun it modifies ('the Chinese ministry'), is the direct object of
    `verb` (obj, iobj), not an oblique or a clause below it: a verb's own object is its recipient
    before any name in a phrase beside it."""
    for j in range(side.members[0].first, side.members[-1].last + 1):
        k, steps = j, 0
        while 0 <= k and steps < 4 and toks[k].head != verb and toks[k].dep in NAME_PHRASE_DEPS:
            k, steps = toks[k].head, steps + 1
        if 0 <= k and toks[k].head == verb and toks[k].dep in CORE_OBJECT_DEPS:
            return True
    return False


def passive_verb(toks: list[Token], v: int) -> bool:
    """The parse says verb v is passive (UD: Voice=Pass, or a passive auxiliary or subject below it)."""
    return "Voice=Pass" in toks[v].morph or any(t.head == v and t.dep in PASSIVE_DEPS for t in toks)


def _instrumental_agent(toks: list[Token], k: int, verb: int) -> bool:
    """A bare instrumental under a passive verb names who acted ("были задержаны правоохранительными
    органами"): UD features only, no word list; a preposition before it ("с запросами") makes it another oblique."""
    return (toks[k].dep == "obl" and "Case=Ins" in toks[k].morph and passive_verb(toks, verb)
            and not any(t.head == k and t.dep == "case" for t in toks))


def _own_subject(toks: list[Token], verb: int) -> bool:
    """The verb has an active subject noun of its own (not a pronoun or a noun a possessive pronoun points
    back with, which may stand for a side named before; a passive subject is acted upon)."""
    return any(k.head == verb and k.dep in ("nsubj", "csubj") and k.pos in ("NOUN", "PROPN")
               and not _possessed(toks, k.i) for k in toks)


def _possessed(toks: list[Token], k: int) -> bool:
    """A possessive or demonstrative on the noun ("his government", "его правительство", "these countries")
    points back to a side named before; an article ("the", "a") does not."""
    return any(t.head == k and t.pos in ("DET", "PRON") and t.dep in ("det", "poss", "nmod:poss")
               and "PronType=Art" not in t.morph for t in toks)


def _dominated(toks: list[Token], j: int, verb: int) -> bool:
    """Token j lies in the clause of `verb` (the parse hangs it below the verb)."""
    k, steps = j, 0
    while k != -1 and steps < 12:
        if k == verb:
            return True
        k, steps = toks[k].head, steps + 1
    return False


def _subject_below(toks: list[Token], side, verb: int) -> bool:
    """The side is the subject of a clause below `verb` ("calling for Russia to limit"): the one asked."""
    for j in range(side.first, side.last + 1):
        h = toks[j].head
        if toks[j].dep in ("nsubj", "nsubj:pass", "nsubjpass") and h != verb and h != -1 and toks[h].pos in ("VERB", "AUX"):
            return True
    return False


def _impersonal_actor(toks: list[Token], sides: list, verb: int):
    """A finite plural verb with no subject (the indefinite-personal clause: "В российском МИД отвергли
    обвинения", "в Минобороны заявили") says what the body named in its locative oblique did: that body
    is the actor, not a recipient. UD features and the parse only; a place or city there is a scene."""
    t = toks[verb]
    if "VerbForm=Fin" not in t.morph or "Number=Plur" not in t.morph or "Person=1" in t.morph or "Person=2" in t.morph:
        return None
    if any(k.head == verb and k.dep in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS | {"expl"} for k in toks):
        return None
    for s in sides:
        c = s.members[0]
        if c.role_hint != "location" or c.place or c.zero:
            continue
        if any(toks[j].head == verb and toks[j].dep == "obl" for j in range(c.first, c.last + 1)):
            return s
    return None


def _agent_of_other_word(toks: list[Token], side: Side, verbs: list[int], lo: int, hi: int) -> bool:
    """The side's agent preposition ('by') hangs on a word other than the trigger (tokens lo..hi) or
    its verbs: "threatened ... on the eve of a visit here by PLO Chairman Arafat" names who visits,
    not who threatens. Only where the parse puts the preposition on the path up (English); False
    without a parse or where the path holds none (a case-marked agent, a `case` child in UD)."""
    if not any(t.dep for t in toks):
        return False
    k, steps = side.first, 0
    while k != -1 and steps < 6:
        if toks[k].pos == "ADP" and not side.first <= k <= side.last:
            gov = toks[k].head
            return gov != -1 and not lo <= gov <= hi and gov not in verbs
        k, steps = toks[k].head, steps + 1
    return False


def _reporter(toks: list[Token], c: Candidate, verb: int) -> bool:
    """The candidate is the subject of a verb above the trigger's clause ("a camp was attacked by
    militiamen, the UN refugee agency reported"): it tells of the act and is not its recipient."""
    for j in range(c.first, c.last + 1):
        k, steps = j, 0
        while k != -1 and steps < 4 and toks[k].dep in NAME_PHRASE_DEPS:  # up to the head noun of its phrase
            k, steps = toks[k].head, steps + 1
        if k == -1 or toks[k].dep not in SUBJECT_DEPS:
            continue
        h = toks[k].head
        if h != -1 and h != verb and _dominated(toks, verb, h):
            return True
    return False


def _relative_clause_sides(toks: list[Token], sides: list, verb: int) -> list:
    """A trigger in a relative clause ("лиц, которые были задержаны правоохранительными органами
    этой страны", "a copy, which was published by WikiLeaks") takes its sides from that clause and
    the noun it describes (and, where that noun is a predicate, "Trump is a birther who pledged",
    the subject it is said of), not from the main clause around them ("Офис генпрокурора обратился
    в Генеральную прокуратуру ... о ... аресте лиц, которые были задержаны"). A relative clause is
    one a relative pronoun opens as its subject or object ("which", "who", "которые"), found as the
    parse's relative clause or as ", PRON" right after a noun (the parser may hang "которые ...
    задержаны" as a clause of its own); an infinitive ("a prosecutor to investigate") is none."""
    noun = _described_noun(toks, verb)
    if noun is None:
        return sides
    keep = [noun, verb] + _said_of(toks, noun)
    return [s for s in sides if s.members[0].zero or any(_dominated(toks, s.first, k) for k in keep)]


def _relative_role(toks: list[Token], side, verb: int, own_forces: bool = False) -> str | None:
    """The role of the noun a relative clause describes, which its relative pronoun stands in for
    under the clause's verb: "Vucic, who was praised by Putin" (a passive subject: acted upon),
    "Putin, who praised Vucic" (a subject: the actor), "лицо, которое задержали" (an object). Only
    where the parse says the clause is relative: ", some are demanding" after a noun is no relative."""
    noun = _described_noun(toks, verb) if 0 <= verb and toks[verb].dep in RELATIVE_DEPS else None
    if noun is None or not any(m.first <= noun <= m.last for m in side.members):
        return None
    pron = _relative_pronoun(toks, verb)
    dep = toks[pron].dep
    if dep in PASSIVE_SUBJECT_DEPS:
        return "source" if own_forces else "target"
    if dep in SUBJECT_DEPS:
        return "source"
    return "target" if dep in CORE_OBJECT_DEPS else None


def _relative_pronoun(toks: list[Token], verb: int) -> int | None:
    return next((k for k, t in enumerate(toks) if t.head == verb and k < verb and t.pos in ("PRON", "DET")
                 and t.dep in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS | CORE_OBJECT_DEPS), None)


def _described_noun(toks: list[Token], verb: int) -> int | None:
    if verb < 0:
        return None
    pron = _relative_pronoun(toks, verb)
    if pron is None:
        return None
    if toks[verb].dep in RELATIVE_DEPS and toks[verb].head >= 0:
        return toks[verb].head
    if pron >= 2 and toks[pron - 1].text == "," and toks[pron - 2].pos in ("NOUN", "PROPN"):
        return pron - 2
    return None


def _said_of(toks: list[Token], noun: int) -> list[int]:
    """The subjects a predicate noun is said of ("Trump is a liar, racist and birther who ...")."""
    k, steps = noun, 0
    while toks[k].dep in ("conj", "appos") and toks[k].head >= 0 and steps < 8:
        k, steps = toks[k].head, steps + 1
    head = k if toks[k].head < 0 or toks[k].dep in ("root", "ROOT") else toks[k].head if toks[k].dep in ("attr", "xcomp") else None
    if head is None:
        return []
    subjects = [j for j, t in enumerate(toks) if t.head == head and t.dep in SUBJECT_DEPS]
    if not subjects and toks[head].dep == "conj" and toks[head].head >= 0:  # "Trump incites ... and is a birther who"
        subjects = [j for j, t in enumerate(toks) if t.head == toks[head].head and t.dep in SUBJECT_DEPS]
    return subjects
