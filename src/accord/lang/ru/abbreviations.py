"""A second name in brackets after a name names the same thing: an abbreviation after an
organisation ('Хмельницкой атомной электростанции (ХАЭС)') and its later uses, the original Latin
spelling after a Cyrillic name ('«Ла стампа» (La Stampa)').
"""
from __future__ import annotations

import re

from ...doc import Article, Mention
from ...ner import knowledge
from ...ner.spans import make
from ...translit import has_cyrillic

LANG = "ru"


ORIGINAL = re.compile(r"[»”\"]?\s*\(\s*([A-Z][A-Za-z0-9&'’.-]*(?: [A-Za-z0-9&'’.-]+){0,6})\s*\)")


def original_spelling(text: str, mentions: list[Mention]) -> list[Mention]:
    """A Cyrillic name with its original Latin spelling in brackets names the same thing twice:
    'газета «Ла стампа» (La Stampa)' gives 'La Stampa' the type of 'Ла стампа' where the model
    missed it."""
    out = list(mentions)
    for m in mentions:
        if not has_cyrillic(m.text):
            continue
        x = ORIGINAL.match(text, m.end)
        if x is None or not all(w[:1].isupper() or w.islower() and len(w) <= 4 for w in x.group(1).split()):
            continue
        s, e = x.start(1), x.end(1)
        if any(o.start < e and s < o.end for o in out):
            continue
        new = make(text, s, e, m.type, m.source)
        if new is not None:
            out.append(new)
    return sorted(out, key=lambda m: m.start)


BRACKETED = re.compile(r"\s*\(\s*([A-ZА-ЯЁ][A-ZА-ЯЁ&-]{1,7})\s*\)")


def abbreviations(doc: Article, mentions: list[Mention]) -> list[Mention]:
    """'Хмельницкой атомной электростанции (ХАЭС)', 'Бюро США по патентам и товарным знакам
    (USPTO)': an abbreviation in brackets right after an organisation's name is that
    organisation, where the model missed it or took it for a place; so are its other uses in
    the article the model left untagged. (Run after the institution phrases, which build most
    such names.)"""
    text = doc.text
    taken = [(m.start, m.end) for m in mentions]
    defined: dict[str, Mention] = {}
    added: list[Mention] = []
    for m in mentions:
        x = BRACKETED.match(text, m.end) if m.type == "ORG" and " " in m.text else None
        if x is None or knowledge.country_from_word(x.group(1), LANG):
            continue
        s, e = x.start(1), x.end(1)
        same = next((o for o in mentions if (o.start, o.end) == (s, e)), None)
        if same is not None:
            if same.type == "LOC" and not same.candidates:
                same.type = "ORG"
            defined.setdefault(x.group(1), same)
        elif not any(a < e and s < b for a, b in taken) and doc.in_body(s, e):
            new = make(text, s, e, "ORG", "rules")
            if new is not None:
                added.append(new)
                taken.append((s, e))
                defined.setdefault(x.group(1), new)
    for abbr in defined:
        for y in re.finditer(r"(?<![\w-])" + re.escape(abbr) + r"(?![\w-])", text):
            s, e = y.start(), y.end()
            if not any(a < e and s < b for a, b in taken) and doc.in_body(s, e):
                new = make(text, s, e, "ORG", "rules")
                if new is not None:
                    added.append(new)
                    taken.append((s, e))
    return sorted(mentions + added, key=lambda m: (m.start, -(m.end - m.start)))
