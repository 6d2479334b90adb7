"""PLOVER contexts implied by the organisations an article names: their mandate, or their sector.

Why: the cue lists (lang/<code>/contexts.tsv) were grown from the articles we read, and real
news names the agency instead of the topic: "Europol" means crime, "UNODC" drugs, an
intelligence service intelligence, an army military. A mention linked to a KB entity (or to a
recognised organisation with a sector) carries its mandate in every language and inflection the
linker already resolves, with no per-language list. Data: data/kb/mandates.tsv (an entity's
row first, else its sector's row); `weak` contexts hold for the naming sentence only, as weak
cue words do, and the context_choice model weighs them like any other cue.
"""
from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache
from importlib import resources

from ..doc import Article, Sentence

MANDATES_FILE = "mandates.tsv"


@lru_cache(maxsize=1)
def table() -> dict[str, tuple[frozenset[str], bool]]:
    """entity id or sector:<S> -> (contexts, weak)."""
    out = {}
    text = (resources.files("accord.data.kb") / MANDATES_FILE).read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith(("#", "@")):
            continue
        cells = line.split("\t") + [""]
        contexts = frozenset(c for c in cells[1].split() if c != "-")  # "-": no mandate, not even the sector's
        out[cells[0].strip()] = (contexts, "weak" in cells[2].split())
    return out


def of_entity(entity: str, sector: str | None) -> tuple[frozenset[str], bool] | None:
    t = table()
    if entity in t:
        return t[entity]
    return t.get(f"sector:{sector}") if sector else None


def of_sentences(doc: Article, sentences: list[Sentence]) -> list[tuple[set[str], set[str]]]:
    """(strong, weak) contexts implied by the organisations each sentence names."""
    sectors = {e.id: e.sector for e in doc.entities if e.type == "ORG"}
    out: list[tuple[set[str], set[str]]] = [(set(), set()) for _ in sentences]
    starts = [s.start for s in sentences]
    for m in doc.mentions:
        if m.entity is None or m.entity not in sectors:
            continue
        found = of_entity(m.entity, sectors[m.entity])
        if not found:
            continue
        k = bisect_right(starts, m.start) - 1
        if k < 0 or m.start >= sentences[k].end:
            continue
        contexts, weak = found
        out[k][1 if weak else 0].update(contexts)
    return out
