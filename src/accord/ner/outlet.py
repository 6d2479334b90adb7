"""The outlet that publishes an article, as a mention of its own: 'Xinhua, June 24, 2016',
'Source: B92', 'Источник: Интерфакс', 'ASTANA. KAZINFORM Security councils ...'.

Why: an agency or paper credited in the dateline or byline is an actor of the article (it
reports, it is quoted by others: "Interfax" in one article and "«Интерфакса»" in the next are
one body), but the credit line lies outside the body, where no recogniser reads, or is glued
to the first sentence, where the model runs it on into the next words ('KAZINFORM Security').
The clean stage already decided the outlet's name (accord.clean.outlet); here it becomes a
mention at its first occurrence in the text, but only when the KB knows that name as an
organisation: an outlet guess that is a weekday or a menu path ('Четвртак', 'Почетна > Србија')
adds nothing.
"""
from __future__ import annotations

from ..doc import Article, Mention
from . import spans


def outlet_mention(doc: Article, mentions: list[Mention]) -> list[Mention]:
    """`mentions` with the outlet's mention added (replacing a model span that opens with it
    and runs on: 'KAZINFORM Security'); unchanged where there is no outlet the KB knows or an
    existing mention already names it there."""
    name = (doc.outlet or "").strip()
    start = doc.text.find(name) if len(name) >= 2 else -1
    if start < 0:
        return mentions
    end = start + len(name)
    if (start > 0 and doc.text[start - 1].isalnum()) or (end < len(doc.text) and doc.text[end].isalnum()):
        return mentions  # inside a longer word
    known = [g for g in spans.gazetteer(doc, doc.lang, [(start, end)])
             if g.type == "ORG" and (g.start, g.end) == (start, end) and len(g.candidates) == 1]
    if not known:
        return mentions
    over = [m for m in mentions if m.start < end and start < m.end]
    if any((m.start, m.end) == (start, end) for m in over):
        return mentions
    if any(m.start != start or m.end < end for m in over):
        return mentions  # a mention that holds the name differently ('RIA Novosti' around 'Novosti'): keep it
    kept = [m for m in mentions if m not in over]
    return sorted(kept + known, key=lambda m: m.start)
