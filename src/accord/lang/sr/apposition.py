"""Serbian abbreviations in apposition to a body's common noun: the `after_institutions` hook of
the Serbian recogniser (accord.stages.entities runs it after the institution phrases).

Why: the institution rule reads a common noun and the name in apposition after it as one body
('novinska agencija MTI', 'hrvatske obaveštajno-bezbednosne službe SOA'); when that name is an
abbreviation the KB knows, the abbreviation is the name, with the KB's identity and country,
and the common noun only describes it. (A body's short name later in the article, 'Novosti'
after 'Večernje novosti', is one linking step for every language: linking.identity.short_names.)
"""
from __future__ import annotations

import re

from ...doc import Article, Mention
from ...ner.spans import gazetteer
from .evidence import LANG

ABBREVIATION = re.compile(r"^[A-ZČĆŠŽĐА-ЯЂЈЉЊЋЏ]{2,6}$")


def after_institutions(doc: Article, mentions: list[Mention]) -> list[Mention]:
    return acronyms(doc, mentions)


def acronyms(doc: Article, mentions: list[Mention]) -> list[Mention]:
    """An institution phrase that opens in lower case and ends with an abbreviation the KB knows
    as an organisation is that organisation, named by the abbreviation."""
    out = []
    for m in mentions:
        words = m.text.split()
        if m.type == "ORG" and not m.candidates and len(words) > 1 and m.text[:1].islower() \
                and ABBREVIATION.match(words[-1]):
            start = m.end - len(words[-1])
            known = [g for g in gazetteer(doc, LANG, [(start, m.end)]) if g.type == "ORG"
                     and (g.start, g.end) == (start, m.end)]
            if known:
                out.append(known[0])
                continue
        out.append(m)
    return out

