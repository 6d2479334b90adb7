"""Tied state: the one state a generic national body ('the Interior Ministry', 'Uprava policije',
'Генпрокуратура', 'the Treasury') belongs to when nothing next to it names one.

Why: a national body is often named without its country; the reader takes it from the state
the passage is about. That is evidence only when it is unambiguous, and a country given wrongly
is worse than none, so:
- the states in play are read in the body's paragraph, else (a paragraph naming none) in the
  whole article: every country or place with a country named as a place (LOC mentions: the KB's
  countries, the places gazetteer), every nationality adjective ('Russian officers', 'srpski'),
  every KB actor's country;
- a state is given only when exactly one is in play AND it is named as a place there: 'arrested
  in Podgorica' ties 'Uprava policije' to Montenegro; 'the Treasury ... against two Russian
  officers' ties it to nothing (a nationality of another actor is in play, but no place is);
- the words of the body itself are not read (a country in them is `country.cue`'s);
- before all that, a body of the same concept named earlier in the article with its country is
  the one meant ('Офис генпрокурора Украины' … 'сообщили в Офисе генпрокурора'; 'the Croatian
  police' … 'police said'): the article has said whose it is, even where the passage goes on to
  name the other party's state ('Офис генпрокурора обратился в Генеральную прокуратуру Республики
  Беларусь'). Only where the bodies of that concept named before are of one state.
"""
from __future__ import annotations

from ..doc import Mention
from ..ner import knowledge
from .document import Linking


def _states(st: Linking, lo: int, hi: int, skip: Mention) -> tuple[set[str], set[str]]:
    """(states named as places, all states in play) in the text from lo to hi."""
    places: set[str] = set()
    every: set[str] = set()
    covered: list[tuple[int, int]] = []
    for x in st.doc.mentions:
        if x.end <= lo or x.start >= hi or x is skip:
            continue
        covered.append((x.start, x.end))
        iso = None
        if x.type == "LOC":
            form = x.normal or x.text
            iso = (knowledge.country_from_word(form, st.lang) or knowledge.country_from_word(x.text, st.lang)
                   or knowledge.place_country(form, st.lang) or knowledge.place_country(x.text, st.lang))
            if iso:
                places.add(iso)
        elif x.entity and x.entity in st.groups:
            g = st.groups[x.entity]
            iso = g.country if g.kb else None
        if iso:
            every.add(iso)
    for t in st.ctx.tokens:
        if t.start < lo or t.start >= hi or (skip.start <= t.start < skip.end):
            continue
        if any(a <= t.start < b for a, b in covered):
            continue
        if not st.inflected and not t.text[:1].isupper():
            continue  # an uninflected language capitalises its nationality adjectives
        iso = knowledge.country_from_word(t.text, st.lang)
        if iso:
            every.add(iso)
    return places, every


def states(st: Linking, lo: int, hi: int, skip: Mention | None) -> tuple[set[str], set[str]]:
    """(states named as places, all states in play) in the text from lo to hi, `skip`'s words not read."""
    return _states(st, lo, hi, skip if skip is not None else Mention(start=-1, end=-1, text="", type="ORG"))


def _span_of_paragraph(st: Linking, m: Mention) -> tuple[int, int] | None:
    sents = st.doc.sentences
    i = next((k for k, s in enumerate(sents) if s.start <= m.start < s.end), None)
    if i is None:
        return None
    par = sents[i].paragraph
    inside = [s for s in sents if s.paragraph == par]
    return min(s.start for s in inside), max(s.end for s in inside)


def named_before(st: Linking, m: Mention, key: str) -> str | None:
    """The one state whose body of concept `key` the article named before `m` (see the module)."""
    states = {g.country for g in st.groups.values()
              if g.type == "ORG" and g.country and g.id == f"org:{key}-{g.country.lower()}"
              and any(x.start < m.start for x in g.mentions)}
    return states.pop() if len(states) == 1 else None


def tied_state(st: Linking, m: Mention, key: str | None = None) -> str | None:
    """The one state the body mention `m` (of concept `key`, where it names one) is tied to by
    a body of its concept named before, else its paragraph (else its article), or None."""
    if key is not None:
        before = named_before(st, m, key)
        if before:
            return before
    span = _span_of_paragraph(st, m)
    if span is not None:
        places, every = _states(st, span[0], span[1], m)
        if every:
            return next(iter(every)) if len(every) == 1 and places == every else None
    if not st.doc.sentences:
        return None
    places, every = _states(st, st.doc.sentences[0].start, st.doc.sentences[-1].end, m)
    return next(iter(every)) if len(every) == 1 and places == every else None
