"""Coreference: which person of the article a pronoun, a subjectless verb or a title stands for.

Why a module of its own: the quotes stage (who said it: "he said", "сказала она", "the
minister added") and the events stage (who acted: "He accused", "Optužio je Vašington",
"Обвинил Вашингтон") resolve the same words to the same people of the same article, with the
same agreement rules (the gender of a pronoun or a past verb must not contradict the person's
name: "she" is not Lavrov). Both import this module; neither reaches into the other.

State is explicit and per article: a stage makes one `Coref(doc)` and passes it to the code
that resolves; nothing is kept between articles or shared between stages. The tables (pronoun
and verb-ending genders of a language, first names and surname endings) are read once per
process from lang/<code>/ (pronouns.tsv, verb_gender.tsv, name_gender.tsv).
"""
from __future__ import annotations

import re

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property, lru_cache

from .doc import Article
from .lang import LANGS, load_tsv
from .translit import fold

PRONOUN_REACH = 2500  # characters back a pronoun or gendered verb of a quote's cue may reach for its person


@dataclass
class Ment:
    """An entity mention of the article: linked (entity id) or not, with its type."""

    start: int
    end: int
    text: str
    entity: str | None
    type: str


def mention_index(doc: Article) -> list[Ment]:
    """Every mention of the article once, in text order: the entities' mentions, then the
    mentions no entity took that overlap none of them."""
    seen: dict[tuple[int, int], Ment] = {}
    for e in doc.entities:
        for m in e.mentions:
            seen[(m.start, m.end)] = Ment(m.start, m.end, m.text, e.id, e.type)
    for m in doc.mentions:
        if (m.start, m.end) not in seen and not any(s <= m.start < e for s, e in seen):
            seen[(m.start, m.end)] = Ment(m.start, m.end, m.text, m.entity, m.type)
    return sorted(seen.values(), key=lambda m: m.start)


# ---------------------------------------------------------------- genders

@dataclass(frozen=True)
class NameGender:
    """Gender of a person's canonical name: a known first name, else a surname ending."""

    first: dict[str, str]
    endings: tuple[tuple[str, str], ...]  # longest first

    def of(self, name: str) -> str | None:
        words = [fold(w) for w in name.replace("-", " ").split() if w[:1].isalpha()]
        if not words:
            return None
        for w in words[:-1] or words:
            if w in self.first:
                return self.first[w]
        last = words[-1]
        if len(words) > 1 or last not in self.first:
            for ending, g in self.endings:
                if len(last) > len(ending) + 2 and last.endswith(ending):
                    return g
        return self.first.get(last)


def _pairs(lang: str, name: str) -> list[tuple[str, str]]:
    return [(r[0], r[1] if len(r) > 1 else "") for r in load_tsv(lang, name)]


@lru_cache(maxsize=None)
def name_gender() -> NameGender:
    """First names and surname endings of every language: canonical names are English, mentions any script."""
    first: dict[str, str] = {}
    endings = set()
    for form, g in (pair for lang in LANGS for pair in _pairs(lang, "name_gender.tsv")):
        if form.startswith("-"):
            endings.add((fold(form[1:]), g))
        else:
            first.setdefault(fold(form), g)
    return NameGender(first, tuple(sorted(endings, key=lambda e: -len(e[0]))))


HONORIFIC_BEFORE = re.compile(r"(\w[\w-]*)\.?\s+$")


@lru_cache(maxsize=None)
def honorifics() -> dict[str, str]:
    """Honorifics of every language (folded) -> m / f, from lang/<code>/honorifics.tsv."""
    return {fold(form): g for lang in LANGS for form, g in _pairs(lang, "honorifics.tsv") if g in ("m", "f")}


@lru_cache(maxsize=None)
def verb_genders(lang: str) -> tuple[tuple[str, str], ...]:
    """(folded ending, m/f) of past verb forms that agree in gender ('rekla', 'сказал'), longest
    first; empty for a language whose verbs do not (or one accord does not support)."""
    return tuple(sorted({(fold(s), g) for s, g in _pairs(lang, "verb_gender.tsv")}, key=lambda sg: -len(sg[0])))


@lru_cache(maxsize=None)
def pronoun_genders(lang: str) -> dict[str, str]:
    """Single-word personal pronouns of one gender (m, f) -> that gender, from pronouns.tsv."""
    out: dict[str, str] = {}
    for phrase, g in _pairs(lang, "pronouns.tsv"):
        words = tuple(fold(w) for w in phrase.split())
        if len(words) == 1 and g in ("m", "f"):
            out[words[0]] = g
    return out


# ---------------------------------------------------------------- the people of one article

class Coref:
    """The mentions and paragraphs of one article, and the people its pronouns and titles name.

    `in_quote` (an offset -> bool) is the caller's: a person named inside a quote is not who a
    pronoun outside it refers to, and the quotes stage knows its quotes before the events stage
    reads them from the article."""

    def __init__(self, doc: Article):
        self.doc = doc
        self.paragraphs = [(b.start, b.end) for b in doc.body]

    @cached_property
    def mentions(self) -> list[Ment]:
        return mention_index(self.doc)

    def para_of(self, offset: int) -> int:
        for p, (lo, hi) in enumerate(self.paragraphs):
            if lo <= offset <= hi:
                return p
        return -1

    def entity_country(self, eid: str | None) -> str | None:
        e = self.doc.entity(eid)
        return e.country if e else None

    def person_gender(self, eid: str) -> str | None:
        """m / f from the person's canonical name (first name, Russian-style surname ending), else
        from an honorific the article puts before the name ('Mrs. Clinton'), else None."""
        e = self.doc.entity(eid)
        if e is None:
            return None
        return name_gender().of(e.name) or self._honorific_gender(e)

    def _honorific_gender(self, e) -> str | None:
        table = honorifics()
        found = set()
        for m in e.mentions:
            before = HONORIFIC_BEFORE.search(self.doc.text, max(0, m.start - 14), m.start)
            words = ([before.group(1)] if before else []) + m.text.split()[:1]
            found |= {table[fold(w.rstrip("."))] for w in words if fold(w.rstrip(".")) in table}
        return found.pop() if len(found) == 1 else None

    def agrees(self, eid: str, gender: str | None) -> bool:
        """No known gender of the person contradicts the pronoun or verb ('she' is not Lavrov)."""
        if gender not in ("m", "f"):
            return True
        known = self.person_gender(eid)
        return known is None or known == gender

    def resolve_pronoun(self, gender: str, anchor: int, in_quote: Callable[[int], bool],
                        prefer: str | None = None) -> str | None:
        """The person most recently named before `anchor` (outside quotes) whose gender agrees;
        plural pronouns name nobody, nor does a person named too far back. When another agreeing
        person is named in the same sentence ('Davis praised Hillary Clinton in a video where she
        said'), the pronoun is ambiguous: nobody, unless one of them is `prefer` (the speaker of the
        quote before, whom the text goes on about)."""
        if gender not in ("m", "f", ""):
            return None
        for m in reversed(self.mentions):
            if m.end > anchor or m.type != "PER" or not m.entity or in_quote(m.start):
                continue
            if not self.agrees(m.entity, gender):
                continue
            if anchor - m.end > PRONOUN_REACH:
                return None
            rivals = self.rivals(m, gender, anchor, in_quote)
            if not rivals:
                return m.entity
            return prefer if prefer in rivals | {m.entity} else None
        return None

    def rivals(self, m: Ment, gender: str, anchor: int, in_quote: Callable[[int], bool]) -> set[str]:
        """Other people of the sentence of mention m, up to `anchor`, whose gender agrees too."""
        lo, hi = m.start, min(anchor, m.end)
        for s in self.doc.sentences:
            if s.start <= m.start < s.end:
                lo, hi = s.start, min(anchor, s.end)
                break
        return {x.entity for x in self.mentions if lo <= x.start < hi and x.type == "PER" and x.entity
                and x.entity != m.entity and not in_quote(x.start) and self.agrees(x.entity, gender)}

    def resolve_title(self, cls: str, anchor: int, classes: dict[str, set[str]], in_quote: Callable[[int], bool],
                      gender: str | None = None, country: str | None = None) -> str | None:
        """The person the article gave this title class to (`classes`: entity -> title classes put
        next to its mentions), most recently named before `anchor`.

        The gender of the verb and the country of the title's complement ('глава сербского МВД',
        'the Russian minister') must agree when known. When nobody carries the title, a title with a
        country names the one official of that country the article has named ('глава МВД' of the
        person introduced as 'министр внутренних дел').
        """
        before = [m for m in reversed(self.mentions) if m.end <= anchor and m.type == "PER" and m.entity
                  and not in_quote(m.start) and self.agrees(m.entity, gender)
                  and (country is None or self.entity_country(m.entity) in (None, country))]
        for m in before:
            if cls in classes.get(m.entity, set()):
                return m.entity
        if country:
            officials = {m.entity for m in before if classes.get(m.entity) and self.entity_country(m.entity) == country}
            if len(officials) == 1:
                return officials.pop()
        return None

