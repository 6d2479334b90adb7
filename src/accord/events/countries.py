"""Which code stands in `Actor.country`: a state's ISO alpha-3, or an organisation's short code.

Convention for international actors (the output schema's "organisation code such as EU, UN,
NATO"): an actor with no state of its own whose KB entry carries one of PLOVER's non-state
codes (`KBEntry.code` IGO, UNO, EUR, ...) gets in `Actor.country` the short code of the
organisation at the top of its KB parent chain: that entry's reviewed `org_code` (EU, UN, NATO,
OSCE, CSTO, G7, COE, WB; INTERPOL; EUROPOL would be its own, but Europol's parent is the EU;
scripts/build_kb.py refuses a non-state organisation without one). So Europol, Frontex and the
European Commission act as EU, UNHCR and the IAEA as UN, KFOR and Stoltenberg as NATO;
`Actor.entity` keeps the body itself, and PLOVER's generic code stays in the KB for an export
that wants it (`organisation_code(...)` vs `KBEntry.code`). A state actor always keeps its ISO
alpha-3 code; `is_state` tells the two apart. A city is a place, not a country (`is_place`).
"""
from __future__ import annotations

from functools import lru_cache

from ..doc import Actor, Entity

NON_STATE_CODES = frozenset({"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC"})  # PLOVER's generic codes


@lru_cache(maxsize=1)
def _country_names() -> frozenset[str]:
    """English names of countries (CLDR via babel): tells a country entity from a city."""
    try:
        from babel import Locale

        from ..lang import DISPLAY

        names = set(Locale(DISPLAY).territories.values())
    except Exception:  # babel missing its data: treat every LOC as a possible country
        return frozenset()
    import pycountry

    for c in pycountry.countries:
        names |= {c.name, getattr(c, "common_name", c.name), getattr(c, "official_name", c.name), c.alpha_3, c.alpha_2}
    return frozenset(n.casefold() for n in names)


def is_place(entity: Entity | None, mention_type: str) -> bool:
    if mention_type != "LOC" and (entity is None or entity.type != "LOC"):
        return False
    names = _country_names()
    if not names or entity is None:
        return False
    return entity.name.casefold() not in names and not entity.id.lower().startswith(("kb:country", "country:"))


@lru_cache(maxsize=4096)
def organisation_code(entity_id: str | None) -> str | None:
    """The organisation code of a KB actor with no state (see the module docstring), else None."""
    kb = knowledge_base()
    entry = kb.get(entity_id) if kb is not None and entity_id else None
    if entry is None or entry.country or entry.code not in NON_STATE_CODES:
        return None
    seen = {entry.id}
    while entry.parent and entry.parent not in seen:
        parent = kb.get(entry.parent)
        if parent is None or parent.country or parent.code not in NON_STATE_CODES or parent.type != "ORG":
            break
        seen.add(parent.id)
        entry = parent
    if entry.type != "ORG":
        return None  # a person attached to no organisation in the KB
    return entry.org_code


@lru_cache(maxsize=1)
def _organisation_codes() -> frozenset[str]:
    kb = knowledge_base()
    if kb is None:
        return frozenset()
    return frozenset(c for c in (organisation_code(e.id) for e in kb if e.code in NON_STATE_CODES) if c)


def is_state(code: str | None) -> bool:
    """An ISO alpha-3 country code, not an organisation's code (EU, NATO) and not None."""
    return bool(code) and code not in _organisation_codes() and code not in NON_STATE_CODES


def actor_country(ent: Entity | None, mention_country: str | None = None) -> str | None:
    """The entity's country, else the mention's, else its organisation code."""
    if ent is not None and ent.country:
        return ent.country
    return mention_country or (organisation_code(ent.id) if ent is not None else None)


def country_keys(actors: list[Actor]) -> set:
    """What tells the sides of events apart: each actor's country, else its entity."""
    return {a.country or a.entity for a in actors}


@lru_cache(maxsize=1)
def knowledge_base():
    """The knowledge base when it is built (country_from_word reads adjectives); None otherwise."""
    try:
        from ..kb import load_kb

        return load_kb()
    except Exception:  # not built yet, or unreadable: entities alone then
        return None
