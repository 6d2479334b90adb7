"""Offices named by their holder: 'the office of Prime Minister Mohammed Shia al-Sudani',
'канцелярия премьер-министра Михаила Мишустина', 'kabinet premijera Ane Brnabić'.

Why: news quotes a head of state's or government's office as the speaker ("the statement from
the office of Prime Minister X added"); the recogniser finds the holder but not the office, so
the quote had no speaker, or the holder's. The office is a body of the holder's state: its
concept comes from the language's org_concepts.tsv (a row that ends in a title of titles.tsv:
'office of the prime minister' -> pm-office, 'офис президента' -> presidency), its country is
the holder's, settled by then (country.person_countries), else that of the one office of that
concept the article named before with its country ('the Ugandan prime minister's office' … 'the
office of Prime Minister X'). So this is no list of offices: a
concept row ending in a title, right before a person with a country, is an ORG mention spanning
both (the person stays a mention of their own, nested in it). Its id is the KB's entry of that
concept and country where the KB has exactly one (accord.kb.concepts.by_concept), else the
concept id ('org:pm-office-irq'), the same id 'the Iraqi prime minister's office' gets
(accord.linking.bodies). A holder with neither gives no office: never a guess.
"""
from __future__ import annotations

from ..doc import Mention
from ..kb import concepts
from ..ner import knowledge
from . import sector
from .document import Linking
from .tied_state import named_before

ENDING = 3  # the longest case ending read off a title ('премьер-министрами')
WORDS = 6  # the longest office phrase read before a holder ('office of the prime minister of')


def _phrase_before(st: Linking, end: int) -> list[tuple[int, str]]:
    """The words right before `end` in its sentence, with their offsets, nearest last."""
    text = st.doc.text
    lo = max(0, end - 80)
    out: list[tuple[int, str]] = []
    k = end
    while len(out) < WORDS:
        while k > lo and text[k - 1] == " ":
            k -= 1
        j = k
        while j > lo and not text[j - 1].isspace():
            j -= 1
        word = text[j:k]
        if not word or not all(c.isalpha() or c in "-'’" for c in word):
            break
        out.insert(0, (j, word))
        k = j
        if j <= lo:
            break
    return out


def _title_row(st: Linking, words: list[str]) -> tuple[str, str | None] | None:
    """The concept of an office phrase that ends in a title ('office of Prime Minister')."""
    last = knowledge.latin(words[-1], st.lang).casefold()
    if last not in st.titles and st.title_lemma(last) not in st.titles \
            and not any(last.startswith(t) and len(last) - len(t) <= ENDING for t in st.titles if " " not in t):
        return None  # a case form the lemmatiser does not know ('premijera') still ends in its title
    return sector.concept(st, " ".join(words))


def _bare(st: Linking, x: Mention, start: int, end: int) -> bool:
    """The recogniser's ORG inside the office phrase with no identity of its own: outside the KB,
    no country, all its mentions there."""
    g = st.groups.get(x.entity) if x.entity else None
    return (start <= x.start and x.end <= end and g is not None and not g.kb and not g.country
            and all(start <= y.start and y.end <= end for y in g.mentions))


def join_concept_body(st: Linking, m: Mention, key: str, iso: str, concept_sector: str | None) -> None:
    """Group a body mention of concept `key` in state `iso`: under the KB's entry when the KB has
    exactly one body of that concept and country, else under the concept's own id for that state
    (also used by linking/spokesperson.py)."""
    base = knowledge.kb()
    ids = concepts.by_concept(base).get((key, iso), []) if base is not None else []
    entry = base.get(ids[0]) if len(ids) == 1 else None
    if entry is not None:
        st.group(entry.id, entry.type, entry.name, m, country=entry.country, kb=True, sector=sector.of_entry(entry))
        return
    body = st.group(f"org:{key}-{iso.lower()}", "ORG", m.text, m, country=iso, sector=concept_sector)
    if body.country is None:
        body.country = iso


def holder_offices(st: Linking) -> None:
    """A concept phrase ending in a title right before a person with a country: that state's
    office as an ORG mention (see the module)."""
    added: list[Mention] = []
    for m in list(st.doc.mentions):
        g = st.groups.get(m.entity) if m.entity else None
        if m.type != "PER" or g is None:
            continue
        words = _phrase_before(st, m.start)
        for n in range(len(words), 1, -1):
            start = words[-n][0]
            found = _title_row(st, [w for _, w in words[-n:]])
            if found is None:
                continue
            inside = [x for x in st.doc.mentions if x.type == "ORG" and x.start < m.start and start < x.end]
            if any(not _bare(st, x, start, m.start) for x in inside):
                break  # a body the recogniser named is its own ('Office of the President of Ukraine')
            key, concept_sector = found
            text = st.doc.text[start:m.end]
            iso = g.country or named_before(st, m, key)
            if not iso:
                break
            office = Mention(start=start, end=m.end, text=text, type="ORG", normal=text, source="concept", country=iso)
            join_concept_body(st, office, key, iso, concept_sector)
            added.append(office)
            target = st.groups[office.entity]
            for eid in dict.fromkeys(x.entity for x in inside):  # the recogniser's bare 'Кабинет премијера' is this office too
                for y in st.groups.pop(eid).mentions:
                    st.group(target.id, target.type, target.name, y)
            break
    if added:
        st.mentions_added(added)
