"""A nationality word names a people, not anyone: 'Tajik', 'Azeris', 'Briton' (the KB's English
adjectives and demonyms, data/kb/adjectives.tsv) are a country cue for linking, no mention.
"""
from __future__ import annotations

from functools import lru_cache

from ...ner import knowledge


def is_demonym(name: str) -> bool:
    """'Tajik', 'Azeris', 'Briton': an English nationality adjective or demonym of the KB (and
    no KB entry of its own) names a people, a country cue, not a name (spaCy's NORP, which the
    small model often types as a person or a place)."""
    return name in demonyms() and not knowledge.lookup(name, "en")


@lru_cache(maxsize=1)
def demonyms() -> frozenset[str]:
    """English forms of the KB's nationality adjectives and demonyms (data/kb/adjectives.tsv)."""
    from importlib import resources

    path = resources.files("accord.data") / "kb" / "adjectives.tsv"
    out = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if len(cols) >= 4 and cols[1] == "en" and not line.startswith(("#", "@")):
            out.update(f.strip() for f in cols[3].split("|") if f.strip())
    return frozenset(out)
