"""A nationality word names a people, not anyone: 'Tajik', 'Azeris', 'Briton' (the KB's English
adjectives and demonyms, data/kb/adjectives.tsv) are a country cue for linking, no mention; so
are peoples that are no country's nationality ('Chechens', 'Hutu', 'Kurds': peoples.txt), and
runs of such words ('Rwandan Hutu', 'S. Korean').
"""
from __future__ import annotations

from functools import lru_cache

from ...ner import knowledge

# 'S. Korean', 'N. Korean': the compass word of a nationality written as an initial in headlines
_COMPASS = {"S.": "South", "N.": "North", "W.": "West", "E.": "East"}


def is_demonym(name: str) -> bool:
    """'Tajik', 'Azeris', 'Briton', 'Chechens', 'Rwandan Hutu', 'S. African': an English
    nationality adjective or demonym of the KB, a people of peoples.txt, or a run of them (and
    no KB entry of its own) names a people, a country cue, not a name (spaCy's NORP, which the
    small model often types as a person or a place)."""
    words = name.split()
    if words and words[0] in _COMPASS:
        words[0] = _COMPASS[words[0]]
    known = demonyms() | peoples()
    if " ".join(words) not in known and not all(w in known for w in words):
        return False
    return not knowledge.lookup(name, "en")


@lru_cache(maxsize=1)
def peoples() -> frozenset[str]:
    """Ethnic, regional and religious communities that are no country's nationality."""
    from ...lang import load_list

    return frozenset(load_list("en", "peoples.txt"))


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
