"""Implicit subjects: the person a pronoun or a subjectless verb stands for, as an actor.

A personal pronoun ("He accused", "Он обвинил", "On je optužio") and, in a language whose past
verbs agree in gender (lang/<code>/verb_gender.tsv), a finite verb with no subject ("Optužio je
Vašington", "Обвинил Вашингтон") stand for the most recent person of that gender named before,
in the same paragraph or the previous one; an object pronoun ("accused him", "ga optužuje")
for the recipient. Which people the article names and whether a gender agrees is accord.coref's
(shared with the quotes stage); this module decides where an implicit subject stands and which
of the people it picks (centering: the latest sentence's subject).
"""
from __future__ import annotations

from functools import lru_cache

from ..coref import Coref, pronoun_genders, verb_genders
from ..doc import Actor, Article, Token
from ..lang import load_tsv
from ..translit import fold
from . import lexicon
from .actors import Candidate
from .parse_roles import PASSIVE_SUBJECT_DEPS, SUBJECT_DEPS
from ..analysis import sentence_tokens
from .countries import actor_country

ZERO_LEAD = 3  # words a subjectless verb may follow in its clause ("Juče je optužio")
CLAUSE_PUNCT = frozenset(",;:–—()\"«»„“”")


@lru_cache(maxsize=None)
def _object_pronouns(lang: str) -> dict[str, str]:
    """Object pronouns that name a person and nothing else (event_roles.tsv object-m, object-f): "him",
    "ga", "mu", "ему"; forms that are also possessives ("his", "его", "её") are left out."""
    out = {}
    for r in load_tsv(lang, "event_roles.tsv"):
        if len(r) > 1 and r[1] in ("object-m", "object-f"):
            out[fold(r[0])] = r[1][-1]
    return out


def _verb_gender(t: Token, lang: str) -> str | None:
    word = fold(t.low)
    for suffix, g in verb_genders(lang):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            return g
    return None


def resolve_person(doc: Article, coref: Coref, gender: str, anchor: int) -> Actor | None:
    """The person a pronoun or subjectless verb at `anchor` stands for: of a gender that agrees
    (accord.coref: `agrees`, its mention index and paragraphs), named outside quotes
    before `anchor` in the same paragraph or the previous one; from the latest sentence naming one,
    its subject where the parse tells (centering: "Lavrov met Vučić. He ..." is Lavrov), else the
    first person it names (the subject in the usual order), as an actor with a country."""
    if not doc.body:
        return None
    here = coref.para_of(anchor)
    if here < 0:
        return None
    people = [m for m in coref.mentions if m.end <= anchor and m.type == "PER" and m.entity
              and not _in_quote(doc, m.start) and 0 <= here - coref.para_of(m.start) <= 1 and coref.agrees(m.entity, gender)]
    if not people:
        return None
    sent = next((x for x in doc.sentences if x.start <= people[-1].start < x.end), None)
    if sent is not None:
        people = [m for m in people if sent.start <= m.start < sent.end]
    subjects = [m for m in people if _is_subject(doc, sent, m)] if sent is not None else []
    pick = subjects[-1] if subjects else people[0]
    ent = doc.entity(pick.entity)
    country = actor_country(ent)
    if ent is None or country is None:
        return None
    return Actor(entity=ent.id, country=country, sector=ent.sector)


def _is_subject(doc: Article, sent, m) -> bool:
    toks = sentence_tokens(doc, [sent])[0]
    return any(t.dep in SUBJECT_DEPS for t in toks if t.start < m.end and m.start < t.end)


def _in_quote(doc: Article, offset: int) -> bool:
    return any(q.start <= offset < q.end for q in doc.quotes)


def implicit_subjects(doc: Article, coref: Coref, toks: list[Token], lang: str, taken: set[int]) -> list[Candidate]:
    """Pronoun subjects and subjectless gendered verbs, each resolved to the person named before."""
    out: list[Candidate] = []
    # subject pronouns act; object pronouns ("Američka strana ga optužuje", "accused him") receive
    for table, hint in ((pronoun_genders(lang), None), (_object_pronouns(lang), "target")):
        for t in toks:
            g = table.get(fold(t.low))
            if g and t.i not in taken and not _in_quote(doc, t.start):
                actor = resolve_person(doc, coref, g, t.start)
                if actor is not None:
                    out.append(Candidate(t.i, t.i, Actor(entity=actor.entity, country=actor.country,
                                                         sector=actor.sector, text=t.text),
                                         implicit=True, role_hint=hint))
    if not verb_genders(lang):
        return out
    parsed = any(t.dep for t in toks)
    occupied = taken | {c.first for c in out}
    for t in toks:
        g = _verb_gender(t, lang)
        if g not in ("m", "f") or t.i in taken or _in_quote(doc, t.start):
            continue
        if not (_subjectless_parsed(toks, t) if parsed else _subjectless_plain(toks, t, lang, occupied)):
            continue
        actor = resolve_person(doc, coref, g, t.start)
        if actor is not None:
            out.append(Candidate(t.i, t.i, actor, implicit=True, zero=True))
    return out


def _subjectless_parsed(toks: list[Token], t: Token) -> bool:
    """A finite verb of its own clause whose parse (and that of the verb it is coordinated with) has no subject."""
    if t.pos not in ("VERB", "AUX") or t.dep in ("xcomp", "amod", "acl", "acl:relcl", "csubj", "nsubj"):
        return False
    k, steps = t.i, 0
    while k != -1 and steps < 4:
        if any(u.head == k and u.dep in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS | {"expl"} for u in toks):
            return False
        if toks[k].dep != "conj":
            return True
        k, steps = toks[k].head, steps + 1
    return True


def _subjectless_plain(toks: list[Token], t: Token, lang: str, occupied: set[int]) -> bool:
    """Without a parse: a participle beside its auxiliary ("Optužio je", "je optužio") that opens its
    clause, with no actor, trigger or other word but a few before it."""
    aux = _aux_words(lang)
    if not any(0 <= j < len(toks) and toks[j].low in aux for j in (t.i - 1, t.i + 1)):
        return False
    triggers = {j for m in lexicon.triggers(lang).find(toks) for j in m.tokens if j != t.i}
    lead = 0
    for j in range(t.i - 1, -1, -1):
        if toks[j].text in CLAUSE_PUNCT:
            break
        if j in occupied or j in triggers or toks[j].low in _relative_words(lang):
            return False
        if toks[j].low not in aux:
            lead += 1
    return lead <= ZERO_LEAD


def _aux_words(lang: str) -> frozenset[str]:
    return lexicon.role_words(lang, "aux")


def _relative_words(lang: str) -> frozenset[str]:
    return lexicon.role_words(lang, "relative")
