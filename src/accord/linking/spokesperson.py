"""A body named by a common noun beside its spokesperson: 'a police spokesperson told',
'представитель полиции сообщил', 'portparol policije je rekao'.

Why: news quotes a body's spokesperson without naming the body ('the police' of the country the
passage is about); the recogniser finds no name, so the quote had no speaker at all. The body is
a concept of the language's org_concepts.tsv (the noun, lower case, right before the
spokesperson title or right after it, linking words such as 'for the' between), the title one
of the class 'spokesperson' in the language's speaker_titles.tsv. Its state is taken only where
the article makes it unambiguous, nearest evidence first:
- the one state whose body of that concept the article named before (tied_state.named_before);
- the spokesperson's own sentence, else the nearest sentence before it that names the same
  noun: where that sentence names exactly one state, as a place ('In the Netherlands, police
  focused on ...' … 'a police spokesperson told');
else no mention: the quote's speaker stays unset rather than guessed. Only beside a spokesperson
title, so the common noun does not become an entity wherever it stands (bench records stay
free of 'police' bodies that no one quotes). Its id is the KB's entry of that concept and state
where the KB has exactly one, else the concept id ('org:police-nld').
"""
from __future__ import annotations

from functools import lru_cache

from ..doc import Mention
from ..lang import load_tsv
from ..ner import knowledge
from . import sector, tied_state
from .document import Linking
from .offices import join_concept_body

CLASS = "spokesperson"
GAP = 2  # linking words between the title and the body after it ('spokesman for the police')


@lru_cache(maxsize=None)
def _titles(lang: str) -> tuple[tuple[str, ...], ...]:
    """The one-word spokesperson titles of the language (lower case; a '*' ends a stem)."""
    return tuple(r[0].lower() for r in load_tsv(lang, "speaker_titles.tsv")
                 if len(r) > 1 and r[1] == CLASS and " " not in r[0])


def _is_title(word: str, lang: str) -> bool:
    low = knowledge.latin(word, lang).lower()
    return any(low == t or (t.endswith("*") and low.startswith(t[:-1])) for t in _titles(lang))


def _noun(st: Linking, i: int) -> str | None:
    """The concept of the lower-case token i, not inside a mention."""
    t = st.ctx.tokens[i]
    if not t.text.isalpha() or not t.text[:1].islower() or st.in_mention(t.start) is not None:
        return None
    return (sector.concept(st, t.text) or (None,))[0]


def _sentence_state(st: Linking, s) -> tuple[bool, str | None]:
    """(whether the sentence names any state, the one it names as a place where it names one)."""
    places, every = tied_state.states(st, s.start, s.end, None)
    if not every:
        return False, None
    return True, (next(iter(every)) if len(every) == 1 and places == every else None)


def _state(st: Linking, i: int, key: str) -> str | None:
    """The state of the body noun at token i (see the module)."""
    toks = st.ctx.tokens
    m = Mention(start=toks[i].start, end=toks[i].end, text=toks[i].text, type="ORG")
    before = tied_state.named_before(st, m, key)
    if before:
        return before
    sents = st.doc.sentences
    k = next((n for n, s in enumerate(sents) if s.start <= toks[i].start < s.end), None)
    if k is None:
        return None
    named, iso = _sentence_state(st, sents[k])
    if named:
        return iso
    for s in reversed(sents[:k]):
        if not any(s.start <= t.start < s.end and _noun(st, n) == key for n, t in enumerate(toks)
                   if s.start <= t.start < s.end):
            continue
        return _sentence_state(st, s)[1]
    return None


def spokesperson_bodies(st: Linking) -> None:
    """The body beside a spokesperson title as an ORG mention of its state (see the module)."""
    if not _titles(st.lang):
        return
    toks = st.ctx.tokens
    links = st.language.name_links if st.language is not None else frozenset()
    added: list[Mention] = []
    for i, t in enumerate(toks):
        if not _is_title(t.text, st.lang):
            continue
        spots = [i - 1] if i > 0 else []
        j = i + 1
        while j < len(toks) and j - i - 1 <= GAP:
            spots.append(j)
            if toks[j].text.lower() not in links:
                break
            j += 1
        for n in spots:
            if n < 0 or n >= len(toks) or st.ctx.sent_of[n] != st.ctx.sent_of[i]:
                continue
            key = _noun(st, n)
            if key is None:
                continue
            iso = _state(st, n, key)
            if not iso:
                break
            body = Mention(start=toks[n].start, end=toks[n].end, text=toks[n].text, type="ORG",
                          normal=toks[n].text, source="concept", country=iso)
            found = sector.concept(st, toks[n].text)
            join_concept_body(st, body, key, iso, found[1] if found else None)
            added.append(body)
            break
    if added:
        st.mentions_added(added)
