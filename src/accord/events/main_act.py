"""Which of a sentence's events is its main act: a background clause's act never ranks first.

Why: `Event.confidence` ranks a sentence's events (the most confident is what the sentence
reports), but the calibration model sees no clause structure, so an act named in passing, in a
temporal or causal clause or as the object of a preposition ("holed up since last month's U.S.
invasion", "imposed a curfew after a demonstration", "on treason charges"), could outrank the
act the sentence reports ("granted asylum", "imposed a curfew"). The PLOVER GSR sentences code
that reported act. Here, where a parse exists, an event whose trigger hangs off the main clause
through an adverbial clause, a prepositional object, a relative or noun-modifying clause, an
apposition or a bare noun adverbial (the relations below, UD and spaCy's English labels alike)
is ranked just under the sentence's best main-clause event. Which events are kept is not
touched: only the order (news gold scores no order). Without a parse (Serbian) nothing changes.
"""
from __future__ import annotations

from ..doc import Event, Token

# dependency relations through which a word hangs off the clause that reports the act
BACKGROUND = frozenset({"advcl", "pobj", "pcomp", "obl", "acl", "relcl", "acl:relcl", "appos", "npadvmod"})


def in_background(tok: Token, toks: list[Token]) -> bool | None:
    """Whether the token hangs off its sentence's main clause through a background relation
    (None: the sentence has no parse)."""
    if not tok.dep:
        return None
    cur, seen = tok, set()
    while cur.i not in seen:
        seen.add(cur.i)
        if cur.dep in BACKGROUND and not (cur.dep == "advcl" and "VerbForm=Inf" in cur.morph):
            return True  # an infinitive of purpose ("sent troops to investigate") is what the act is for
        if cur.dep == "root" or not 0 <= cur.head < len(toks):
            return False
        cur = toks[cur.head]
    return False


def rank(events: list[Event], analysed, floor: float = 0.0) -> None:
    """Lower each background event's confidence to just under its sentence's best main-clause event
    (never under `floor`, so what was kept stays kept)."""
    at = {t.start: (t, toks) for toks in analysed for t in toks}
    where: dict[int, bool | None] = {}
    for e in events:
        site = at.get(e.trigger.start) if e.trigger else None
        where[id(e)] = in_background(site[0], site[1]) if site else None
    best: dict[int, float] = {}
    for e in events:
        if where[id(e)] is False:
            best[e.sentence.start] = max(best.get(e.sentence.start, 0.0), e.confidence)
    for e in events:
        top = best.get(e.sentence.start)
        if where[id(e)] and top is not None and e.confidence >= top:
            e.confidence = round(max(floor, top - 0.001), 3)
