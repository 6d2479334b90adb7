"""Which parties a collective reference stands for: "the two sides", "both ministers", "стороны", "obojica".

Why: news names the parties of a meeting once (in the title, the lead, the sentence before) and then
refers to them together: "the two sides agreed", "both ministers signed", "the delegations discussed",
"обе стороны договорились", "министры обсудили", "dvije strane su potpisale", "obojica su razgovarala",
"they agreed", "the memorandum signed by the two countries". Such a sentence names no country, and an
event coded from it with no country on a side is at once a miss and a false event.

The procedure: a collective reference (lang/<code>/collective.tsv, with the `sides` rows of
event_roles.tsv; Croatian and Bosnian spellings through the family's variant files, Cyrillic through
transliteration) stands for the parties of the nearest preceding joint act in the same paragraph (a
meeting, visit, agreement or other cooperative event coded with a country on each side, the sentence's
own earlier triggers included), else for the pair of the article's lead (its title and first
paragraph), but only when that sentence, or the lead, holds exactly one such pair of countries and
no other pair was told since: otherwise the reference stays unresolved (no guess). A plural pronoun
("they", "они", "oni") is weaker evidence than a noun and resolves only for a cooperative act it
opens, between two countries. Idioms with the word ("с другой стороны", "od strane") are no reference.
"""
from __future__ import annotations

from functools import lru_cache

from ..doc import Actor, Article, Event, Token
from ..lang import get, load_tsv
from . import lexicon
from .type import COOPERATIVE

NOUN, PRONOUN, NOT = "sides", "sides-pronoun", "not"  # the labels a collective cue carries; NOT: an idiom ("с другой стороны")
PRONOUN_REACH = 3  # words from "they" to the cooperative act it opens ("they agreed", "oni su potpisali")
QUALIFIER_REACH = 2  # words between an actor and the plural noun it qualifies ("EU interior ministers")


@lru_cache(maxsize=None)
def _matcher(lang: str) -> lexicon.Matcher:
    """The collective words of the language: collective.tsv (phrase, noun|pronoun) and the `sides` rows
    of event_roles.tsv, each also as the family's other standards spell it ("dve strane" -> "dvije strane")."""
    rows = [(r[0], NOUN) for r in load_tsv(lang, "event_roles.tsv") if len(r) > 1 and r[1] == NOUN]
    try:
        rows += [(r[0], {"pronoun": PRONOUN, "not": NOT}.get(r[1], NOUN)) for r in load_tsv(lang, "collective.tsv") if len(r) > 1]
    except (FileNotFoundError, OSError, LookupError):
        pass
    language = get(lang)
    patterns, seen = [], set()
    for phrase, label in rows:
        forms = {phrase} | ({v.lower() for v in language.kb_variants(phrase)} if language is not None else set())
        for form in sorted(forms):
            words = lexicon._words(form)
            if words and (words, label) not in seen:
                seen.add((words, label))
                patterns.append(lexicon.Pattern(words, label))
    return lexicon.Matcher(patterns)


def cues(toks: list[Token], lang: str) -> list[lexicon.Match]:
    """The collective references of one sentence (longest first where two overlap)."""
    found = _matcher(lang).find(toks)
    idioms = {j for m in found if m.pattern.label == NOT for j in m.tokens}  # "с другой стороны", "od strane"
    found = [m for m in found if m.pattern.label != NOT and not idioms & set(m.tokens)]
    found.sort(key=lambda m: (m.first, -len(m.tokens)))
    out: list[lexicon.Match] = []
    for m in found:
        if not out or m.first > out[-1].last:
            out.append(m)
    return out


def opens(cue: lexicon.Match, trigger_first: int, label: str, pair: tuple[list[Actor], list[Actor]] | None) -> bool:
    """A pronoun cue counts only right before a cooperative act ("they agreed", "они договорились") and
    for a pair of two countries ("they" after a list of four is as likely the police of one of them)."""
    if cue.pattern.label != PRONOUN:
        return True
    two = pair is not None and len({a.country for a in pair[0] + pair[1] if a.country}) == 2
    return two and label in COOPERATIVE and 0 < trigger_first - cue.last <= PRONOUN_REACH


def _pair(e: Event) -> frozenset[str] | None:
    src = {a.country for a in e.sources if a.country}
    tgt = {a.country for a in e.targets if a.country}
    if src and tgt and not src & tgt and e.type in COOPERATIVE:
        return frozenset(src | tgt)
    return None


def _paragraphs(doc: Article) -> dict[int, int]:
    return {x.start: x.paragraph for x in doc.sentences}


def _lead(doc: Article, coded: list[Event], para: dict[int, int]) -> set[int]:
    """Paragraph indices of the article's lead: the title's and the first paragraph after it that
    names a pair (a dateline, byline or "Source:" line tells no story, and a meeting whose guest the
    knowledge base does not place is completed only once the article is read: accord.events.parties)."""
    title = doc.title_span
    in_title = {x.paragraph for x in doc.sentences if title is not None and title.start <= x.start < title.end}
    told = [para[e.sentence.start] for e in coded
            if para.get(e.sentence.start, -1) not in in_title | {-1} and _pair(e) is not None]
    return in_title | ({min(told)} if told else set())


def parties(doc: Article, s, coded: list[Event]) -> tuple[list[Actor], list[Actor]] | None:
    """(sources, targets) a collective reference in sentence `s` stands for, or None (see the module
    docstring). `coded`: the events coded before it, in text order."""
    para = _paragraphs(doc)
    here = s.paragraph
    nearest: int | None = None
    found: dict[frozenset[str], Event] = {}
    for e in reversed(coded):
        if e.sentence.start > s.start or para.get(e.sentence.start, -1) != here:
            continue
        pair = _pair(e)
        if pair is None:
            continue
        if nearest is None:
            nearest = e.sentence.start
        if e.sentence.start != nearest:
            break
        found.setdefault(pair, e)
    if not found:
        lead = _lead(doc, coded, para)
        found = {}
        for e in coded:
            if para.get(e.sentence.start, -1) in lead and (pair := _pair(e)) is not None:
                found.setdefault(pair, e)
        # a pair told since the lead, in another paragraph, is another story ("a file of several stories")
        last = next((p for e in reversed(coded) if e.sentence.start <= s.start and (p := _pair(e))), None)
        if len(found) == 1 and last is not None and last not in found:
            return None
    if len(found) != 1:
        return None
    e = next(iter(found.values()))
    return list(e.sources), list(e.targets)


def standalone(cue: lexicon.Match, sides: list, pair: tuple[list[Actor], list[Actor]] | None) -> bool:
    """The cue stands for the pair: no actor stands inside it, and an actor that qualifies it is one of
    the pair ("the Serbian side", "both Russian and Serbian ministers"); "EU interior ministers",
    "ministri EU" name a side of their own, not the pair."""
    countries = {a.country for a in (pair[0] + pair[1] if pair else []) if a.country}
    for x in sides:
        if cue.first - QUALIFIER_REACH <= x.last < cue.first or cue.first <= x.first <= cue.last + 1:
            if not {a.country for a in x.actors()} <= countries:
                return False
    return True
