"""Serbian names that the article ties to another name of the same body: the `after_institutions`
hook of the Serbian recogniser (accord.stages.entities runs it after the institution phrases).

Why: the institution rule reads a common noun and the name in apposition after it as one body
('novinska agencija MTI', 'hrvatske obaveštajno-bezbednosne službe SOA'); when that name is an
abbreviation the KB knows, the abbreviation is the name, with the KB's identity and country,
and the common noun only describes it. And an article that names an outlet or body in full
('Večernje novosti') goes on with its last word alone ('prenele su Novosti'): the model reads
the short name sentence by sentence and types it as anything ('Novosti' LOC); within the
document it is the same body.
"""
from __future__ import annotations

import re

from ...doc import Article, Mention
from ...ner.spans import gazetteer
from ...translit import sr_to_latin
from .evidence import LANG

ABBREVIATION = re.compile(r"^[A-ZČĆŠŽĐА-ЯЂЈЉЊЋЏ]{2,6}$")


def after_institutions(doc: Article, mentions: list[Mention]) -> list[Mention]:
    return short_names(acronyms(doc, mentions))


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


def short_names(mentions: list[Mention]) -> list[Mention]:
    """A capitalised one-word mention that is the lower-case last word of an organisation named
    in full in the document ('Novosti' after 'Večernje novosti') takes that organisation's type,
    normal form and KB ids. A word the KB knows on its own keeps its own identity ('Srbije' in
    'Vojska Srbije' is capitalised there: no short name)."""
    full: dict[str, Mention] = {}
    for m in mentions:
        words = m.text.split()
        if m.type == "ORG" and len(words) > 1 and words[-1][:1].islower() and words[-1].isalpha():
            k = _key(words[-1])
            if k not in full or (m.candidates and not full[k].candidates):
                full[k] = m  # the full name the KB knows, if any
    if not full:
        return mentions
    for m in mentions:
        if " " in m.text or m.type == "PER" or m.candidates or not m.text[:1].isupper() or m.text.isupper():
            continue
        owner = full.get(_key(m.text))
        if owner is not None:
            m.type, m.normal, m.candidates = "ORG", owner.normal, list(owner.candidates)
    return mentions


def _key(word: str) -> str:
    return sr_to_latin(word).lower()
