"""What the knowledge base holds: entries (countries, places, bodies, office holders) with their
aliases and terms of office, and the compiled form scripts/build_kb.py writes to kb.json.

Why a compiled form: the runtime must load in a fraction of a second and never run a morphology
model for the KB, so every alias arrives already inflected (ru, sr) and keyed (`alias_key`).
"""
from __future__ import annotations

import msgspec


class Term(msgspec.Struct, kw_only=True, omit_defaults=True):
    """One office held: role (free English words), the country (or IGO code) it serves, ISO dates."""

    role: str
    country: str | None = None
    start: str | None = None
    end: str | None = None  # None: still in office (as far as the data know)
    approx: bool = False  # dates from memory, not checked against a source


class KBEntry(msgspec.Struct, kw_only=True, omit_defaults=True):
    id: str
    name: str
    type: str  # PER | ORG | LOC
    country: str | None = None  # ISO 3166-1 alpha-3; None for international organisations
    code: str | None = None  # PLOVER actor code: ISO3 for states, IGO/UNO/EUR for IGOs
    sector: str | None = None  # PLOVER sector: GOV, COP, MIL, SPY, PRM, JUD, LEG, JRN, ...
    aliases: dict[str, list[str]] = {}  # lang (en, ru, sr, sr-Latn) -> names (base forms)
    terms: list[Term] = []
    parent: str | None = None
    kind: str | None = None  # country, city, ministry, agency, igo, ngo, ethnic-group, media, person, ...
    org_code: str | None = None  # short code of a non-state organisation (EU, UN, NATO, ICRC); None otherwise

    def term_at(self, date: str | None) -> Term | None:
        """The office held on an ISO date (the latest one when date is None)."""
        if not self.terms:
            return None
        if date is None:
            return max(self.terms, key=lambda t: t.start or "")
        held = [t for t in self.terms if (t.start or "") <= date and (t.end is None or date <= t.end)]
        return max(held, key=lambda t: t.start or "") if held else None


class Candidate(msgspec.Struct, kw_only=True, frozen=True):
    """One KB reading of a text: the entry, the alias form it matched, and that alias's flags."""

    entry: KBEntry
    form: str
    generic: bool = False  # the alias names such a body in any country: needs a country cue
    flags: tuple[str, ...] = ()


class SpanMatch(msgspec.Struct, kw_only=True):
    start: int
    end: int
    text: str
    candidates: list[Candidate]


class Compiled(msgspec.Struct):
    """kb.json: what scripts/build_kb.py writes and `load_kb` reads."""

    provenance: list[str]
    entries: list[KBEntry]
    # lang -> alias key -> [[entry index, flags ("generic,abbr,..."), surface form], ...]
    index: dict[str, dict[str, list[tuple[int, str, str]]]]
    # lang -> key of an adjective/demonym/country-name form -> ISO3
    countries: dict[str, dict[str, str]]

