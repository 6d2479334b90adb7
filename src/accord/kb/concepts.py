"""Concepts of the KB's bodies: which generic kind of body (lang/<code>/org_concepts.tsv:
interior-ministry, police, border-police, customs, prosecution, ...) each country-owned KB entry
is, read from its own names.

Why: a body outside the KB gets a language-free concept id from its concept and country
('org:interior-ministry-fra'); the same body inside the KB has an id of its own ('org:mup-srb',
'org:treasury-usa'). So that one body never carries two ids, the linker asks which KB entry is
the one of a concept and country (accord.linking.known_body), and the build refuses a KB with two
entries of one concept and country (accord.kb.checks.concept_duplicates): then the question
would have no answer.

An entry's concepts come from its aliases, in every language column, read as the runtime reads a
body's name: a generic alias is a concept head itself ('MUP', 'Ministry of Internal Affairs',
'Treasury'); another alias is one once the entry's own country is taken off its end ('Police of
Serbia', 'Полиция Венгрии') or its start ('Hungarian Police'), with the language's linking words
(name_links.txt: 'of', 'the') between. A name with anything else left ('Prosecutor's Office for
Organised Crime', 'Federal Criminal Police Office') is no concept: it is a particular body.
"""
from __future__ import annotations

from functools import lru_cache

from ..lang import DISPLAY, get as language, load_tsv
from .keys import index_lang

COUNTRY_WORDS = 4  # the longest country name read off an alias's end ('Bosnia and Herzegovina')


@lru_cache(maxsize=None)
def org_concepts(lang: str) -> dict[str, tuple[str, str | None]]:
    """lang/<code>/org_concepts.tsv: generic body name (case-folded) -> (concept key, sector)."""
    return {" ".join(r[0].casefold().split()): (r[1], r[2] if len(r) > 2 and r[2] != "-" else None)
            for r in load_tsv(lang, "org_concepts.tsv") if len(r) > 1}


def head_concept(head: str, lang: str) -> str | None:
    """The concept a generic head names in the language's table, as written ('Interior
    Ministry', 'Министарство унутрашњих послова' -> interior-ministry), else None."""
    found = language(lang)
    text = found.to_latin(head) if found is not None else head
    hit = org_concepts(index_lang(lang)).get(" ".join(text.casefold().split()))
    return hit[0] if hit else None


def name_concept(kb, name: str, lang: str, iso: str | None, head=None) -> str | None:
    """The concept a body's name names, with the body's own country `iso` taken off its end or
    start ('Police of Serbia', 'Hungarian Police'); a generic name is a head itself. None when
    something else is left, or a country word names another country. `head` reads a head (the
    runtime's reading: it lemmatises); by default `head_concept`."""
    head = head or (lambda text: head_concept(text, lang))
    hit = head(name)
    if hit or iso is None:
        return hit
    words = name.split()
    found = language(lang)
    links = found.name_links if found is not None else frozenset()
    for k in range(1, min(COUNTRY_WORDS, len(words) - 1) + 1):
        if kb.country_from_word(" ".join(words[-k:]), lang) == iso:
            rest = words[:-k]
            while rest and rest[-1].lower() in links:
                rest = rest[:-1]
            if rest:
                hit = head(" ".join(rest))
                if hit:
                    return hit
    for k in range(1, min(2, len(words) - 1) + 1):
        lead = " ".join(words[:k])
        for tail in ("'s", "’s"):
            lead = lead[:-len(tail)] if lead.endswith(tail) else lead
        if kb.country_from_word(lead, lang) == iso:
            hit = head(" ".join(words[k:]))
            if hit:
                return hit
    return None


def entry_concepts(kb, entry) -> set[str]:
    """Every concept an ORG entry's names give it (see the module)."""
    if entry.type != "ORG" or not entry.country:
        return set()
    found: set[str] = set()
    for lang, names in entry.aliases.items():
        for alias in names:
            hit = name_concept(kb, alias, lang, entry.country)
            if hit:
                found.add(hit)
    hit = name_concept(kb, entry.name, DISPLAY, entry.country)
    if hit:
        found.add(hit)
    return found


def by_concept(kb, entries=None) -> dict[tuple[str, str], list[str]]:
    """(concept, ISO3) -> ids of the KB entries of that concept and country (`entries`: those to
    read instead of the KB's own, for the build's check; country words are still the KB's)."""
    cached = getattr(kb, "_by_concept", None) if entries is None else None
    if cached is not None:
        return cached
    out: dict[tuple[str, str], list[str]] = {}
    for entry in (kb if entries is None else entries):
        for concept in sorted(entry_concepts(kb, entry)):
            out.setdefault((concept, entry.country), []).append(entry.id)
    if entries is None:
        try:
            kb._by_concept = out
        except AttributeError:
            pass
    return out
