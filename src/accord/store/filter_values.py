"""Which filter values a query can answer: PLOVER types and contexts, country codes, dates.

Why: a filter the store cannot match (`--since 2021-13`, `--type FOO`, `--dyad SERBIA`) used to
return nothing, which reads as "no such events" when the question itself was wrong. Each value
is checked before the query runs; a bad one raises ValueError with the valid values listed, and
the CLI and the web view print that message. Valid country codes are ISO 3166-1 alpha-3 plus the
codes the store itself holds (non-state ones such as EU).
"""
from __future__ import annotations

import datetime as dt
import re

from .schema import QUAD_CLASS

PLOVER_TYPES = tuple(QUAD_CLASS)
# PLOVER contexts (../shared/reference/plover.md, "Contexts"): the values events.contexts holds
PLOVER_CONTEXTS = (
    "military", "intelligence", "executive", "legislative", "election", "political_institutions",
    "pro_democracy", "pro_autocracy", "economic", "legal", "reparations", "human_rights", "rights_freedoms",
    "repression", "human_security", "gender", "lgbt", "religion_ethnicity", "inequality", "diplomatic",
    "territory", "peacekeeping", "health", "asylum", "migration", "disasters", "natural_resource", "environment",
    "technology", "terrorism", "cbrn", "cyber", "misinformation", "crime", "corruption", "illegal_drugs",
    "trafficking",
)
ENTITY_TYPES = ("PER", "ORG", "LOC")
_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def check_date(value: str | None) -> str | None:
    """YYYY, YYYY-MM or YYYY-MM-DD naming a real month and day."""
    if not value:
        return None
    m = _DATE.fullmatch(value.strip())
    ok = m is not None
    if ok:
        year, month, day = int(m[1]), int(m[2] or 1), int(m[3] or 1)
        try:
            dt.date(year, month, day)
        except ValueError:
            ok = False
    if not ok:
        raise ValueError(f"not a date: {value!r} (use YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2021, 2021-12, 2021-12-10)")
    return value.strip()


def check_types(values: list[str] | tuple[str, ...] | None) -> list[str]:
    """PLOVER event types, upper-cased; comma-separated values are split."""
    types = [t.strip().upper() for v in (values or []) for t in v.split(",") if t.strip()]
    bad = [t for t in types if t not in PLOVER_TYPES]
    if bad:
        raise ValueError(f"unknown event type {', '.join(bad)} (valid: {', '.join(PLOVER_TYPES)})")
    return types


def check_context(value: str | None) -> str | None:
    if not value:
        return None
    ctx = value.strip().lower()
    if ctx not in PLOVER_CONTEXTS:
        raise ValueError(f"unknown context {value!r} (valid: {', '.join(PLOVER_CONTEXTS)})")
    return ctx


def check_entity_type(value: str | None) -> str | None:
    if not value:
        return None
    t = value.strip().upper()
    if t not in ENTITY_TYPES:
        raise ValueError(f"unknown entity type {value!r} (valid: {', '.join(ENTITY_TYPES)})")
    return t


def store_countries(con) -> list[str]:
    """Every country code the store's events and entities hold, sorted."""
    rows = con.execute("SELECT source_country FROM events UNION SELECT target_country FROM events "
                       "UNION SELECT country FROM entities").fetchall()
    return sorted(c for (c,) in rows if c)


def check_country(con, value: str | None) -> str | None:
    """An ISO 3166-1 alpha-3 code, or a code the store holds (EU, IGO ...)."""
    if not value:
        return None
    code = value.strip().upper()
    held = store_countries(con)
    if code in held or is_iso_alpha3(code):
        return code
    raise ValueError(f"unknown country code {value!r}: use ISO 3166-1 alpha-3 codes (SRB, RUS, DEU ...); "
                     f"this store holds {', '.join(held) or 'none'}")


def check_dyad(con, value: str | None) -> str | None:
    """'SRB-RUS', 'SRB>RUS' or 'SRB', each side a valid country code."""
    if not value:
        return None
    from .query import parse_dyad

    a, b, directed = parse_dyad(value)
    if not a or (b is not None and not b):
        raise ValueError(f"not a dyad: {value!r} (use SRB-RUS either way, SRB>RUS directed, SRB either side)")
    a = check_country(con, a)
    b = check_country(con, b) if b is not None else None
    return a if b is None else f"{a}{'>' if directed else '-'}{b}"


def is_iso_alpha3(code: str) -> bool:
    if len(code) != 3 or not code.isalpha():
        return False
    try:
        import pycountry

        return code == "XKX" or pycountry.countries.get(alpha_3=code) is not None
    except ImportError:
        return True
