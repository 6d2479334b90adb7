"""The body a spokesperson speaks for: 'a police spokesperson told', 'a spokesman for the
ministry said', 'портпарол полиције'.

Why: a spokesperson's words are the body's; a spokesperson the article names no one as (no
person carries the title: accord.coref.resolve_title finds none) left the quote with no
speaker, though the body stands next to the title. The body is the ORG mention right before or
after the title in the speaker's words (linking found it: a name, or the common noun of
accord.linking.spokesperson with the state the article makes unambiguous); a title of another
class ('the minister') gives nothing here: its holder is a person.
"""
from __future__ import annotations

from .text import Reader

CLASS = "spokesperson"  # the speaker_titles.tsv class of a title that speaks for a body
GAP = 3  # tokens between the title and the body ('spokesman for the Russian police')


class Spokespeople(Reader):

    def spoken_for(self, cls: str, ments, j: int) -> tuple[str, tuple[int, int]] | None:
        """(the body, its span) a spokesperson title at token j speaks for, else None."""
        if cls != CLASS:
            return None
        at = self.toks[j]
        best = None
        for m in ments:
            if m.type != "ORG" or not m.entity:
                continue
            gap = len([t for t in self.toks if m.end <= t.start < at.start or at.end <= t.start < m.start])
            if gap < GAP and (best is None or gap < best[0]):
                best = (gap, m)
        return (best[1].entity, (best[1].start, best[1].end)) if best else None
