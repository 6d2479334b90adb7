"""Known body: whether a body outside the KB by name is a KB entry by its concept and country.

Why: one body got several ids. Named as the KB names it ('MUP Srbije') it has the KB's id
('org:mup-srb'); named any other way ('the Serbian Interior Ministry', 'Министарство
унутрашњих послова Републике Србије', 'the Treasury' placed in the US by its paragraph) it got a
language-free concept id ('org:interior-ministry-srb', 'org:finance-ministry-usa') or a slug of
its words, so the same actor split across documents and scripts. So, once every step has
settled a body's country (identity, nested, bodies, place_phrases, tied_state), a body outside
the KB with a country is read for its concept (lang/<code>/org_concepts.tsv, with its country
taken off the name: accord.kb.concepts.name_concept) and looked up among the KB's entries of
that concept and country (accord.kb.concepts.by_concept):
- exactly one entry: the body is that entry (its id, name, sector; kb), with the reason kept on
  the group ('concept interior-ministry of SRB');
- none or several: the body keeps its concept id: never a guess.
The country and type are never changed (the entry is of that country and an ORG), so two actors
whose countries or types differ are never joined here. The build refuses a KB with two entries
of one concept and country (accord.kb.checks), so 'several' is a KB error, not a choice.
"""
from __future__ import annotations

from ..kb import concepts
from ..ner import knowledge
from . import sector
from .document import Linking


def concept_of(st: Linking, names: list[str], iso: str) -> str | None:
    """The one concept the body's names give it with its country taken off, else None."""
    base = knowledge.kb()
    read = lambda head: (sector.concept(st, head) or (None,))[0]  # noqa: E731
    found = {c for c in (concepts.name_concept(base, n, st.lang, iso, read) for n in names) if c}
    return found.pop() if len(found) == 1 else None


def known_bodies(st: Linking) -> None:
    """Every body outside the KB with a country and a concept the KB has exactly one entry of
    becomes that entry (see the module)."""
    base = knowledge.kb()
    if base is None:
        return
    index = concepts.by_concept(base)
    for g in list(st.groups.values()):
        if g.kb or g.type != "ORG" or not g.country or g.id not in st.groups:
            continue
        names = list(dict.fromkeys(n for m in g.mentions for n in (m.normal or m.text, m.text)))
        concept = concept_of(st, names, g.country)
        ids = index.get((concept, g.country), []) if concept else []
        if len(ids) != 1:
            continue
        entry = base.get(ids[0])
        if entry is None or entry.type != g.type or entry.country != g.country:
            continue
        del st.groups[g.id]
        target = st.groups.get(entry.id)
        if target is None:  # the first of its mentions opens the entry's group
            target = st.group(entry.id, entry.type, entry.name, g.mentions[0], country=entry.country, kb=True,
                              sector=sector.of_entry(entry))
            rest = g.mentions[1:]
        else:
            rest = g.mentions
        for m in rest:
            st.group(target.id, target.type, target.name, m)
        target.reason = target.reason or f"concept {concept} of {entry.country}"
