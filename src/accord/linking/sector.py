"""Sector: the PLOVER sector (GOV, COP, MIL, SPY, ...) of every entity is decided here.

Why: an actor's sector decides its event role ('the police' COP, 'the army' MIL), and it comes
from one of three places, in this order:
1. a KB entity's sector is the KB's (`of_entry`);
2. a body outside the KB whose head names a concept of lang/<code>/org_concepts.tsv ('Interior
   Ministry', 'Министерство внутренних дел', 'Ministarstvo unutrašnjih poslova' ->
   interior-ministry, COP) (`concept`; the concept is also the language-free part of its id);
3. a person outside the KB: the first title in the phrase before the name (titles.tsv:
   'ministar odbrane' MIL), the phrase of the first name for coordinated names
   (`person_sectors`);
else None.
"""
from __future__ import annotations

from ..doc import Token
from ..kb import concepts
from ..ner import knowledge
from .document import Group, Linking


def of_entry(entry) -> str | None:
    """A KB entity's sector: the KB's."""
    return entry.sector


def org_concepts(lang: str) -> dict[str, tuple[str, str | None]]:
    """lang/<code>/org_concepts.tsv: generic body name (case-folded) -> (concept key, sector)
    (read in accord.kb.concepts: the KB's bodies get their concepts from the same table)."""
    return concepts.org_concepts(lang)


def concept(st: Linking, head: str) -> tuple[str, str | None] | None:
    """Id part and sector of a generic body's head, the same in every language ('Embassy',
    'Ambasada', 'Посольство' -> 'embassy'; 'Interior Ministry', 'Министерство внутренних
    дел', 'Ministarstvo unutrašnjih poslova' -> 'interior-ministry', COP); None for a head
    that names no such concept."""
    table = org_concepts(st.lang)
    low = " ".join(knowledge.latin(head, st.lang).casefold().replace("’", "'").split())
    hit = table.get(low)
    if hit is None and " " not in low:
        hit = table.get(st.title_lemma(low))
    elif hit is None and st.language is not None:
        # a name's normal form inflects its words as the parser read them ('Офис генпрокурор' for
        # 'Офис генпрокурора'): compared word by word in dictionary form, as the table's rows are
        hit = _lemma_table(st, st.lang).get(_lemmas(st, low))
    return hit


_LEMMA_TABLES: dict[str, dict[str, tuple[str, str | None]]] = {}


def _lemmas(st: Linking, low: str) -> str:
    return " ".join(st.title_lemma(w) for w in low.split())


def _lemma_table(st: Linking, lang: str) -> dict[str, tuple[str, str | None]]:
    """The language's multi-word concept heads keyed by their words' dictionary forms (a key
    two rows share keeps the first row's concept)."""
    table = _LEMMA_TABLES.get(lang)
    if table is None:
        table = {}
        for row, hit in org_concepts(lang).items():
            if " " in row:
                table.setdefault(_lemmas(st, row), hit)
        _LEMMA_TABLES[lang] = table
    return table


def settle_body(g: Group, concept_sector: str | None) -> None:
    """A body outside the KB: its concept's sector, unless an earlier mention settled it."""
    if g.sector is None:
        g.sector = concept_sector


def of_title(st: Linking, phrase: list[Token]) -> str | None:
    """The sector of the first title word in a title phrase (as written, else its lemma)."""
    sector = None
    for t in phrase:
        low = knowledge.latin(t.text, st.lang).lower()
        if low in st.titles:
            sector = sector or st.titles[low]
        else:
            lem = st.title_lemma(low)
            if lem in st.titles:
                sector = sector or st.titles[lem]
    return sector


def person_sectors(st: Linking) -> None:
    """The sector of a person outside the KB: the title before its first mention that has one."""
    for chain in st.coordinated_persons():
        for m in chain:
            g = st.groups[m.entity]
            if g.kb or g.sector is not None:
                continue
            sector = of_title(st, st.title_phrase(chain[0] if len(chain) > 1 else m))
            if sector:
                g.sector = sector
