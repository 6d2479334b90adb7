"""Nested mentions: a country or place named inside a body's name is a mention of it as well.

Why: 'Ministarstvo unutrašnjih poslova Republike Srbije', 'МУП-а Републике Србије', 'Yunnan
Provincial Public Security Department' name Serbia and Yunnan; with the body's mention alone the
article 'does not mention' the country, and a body outside the KB has no country. So after
identity, every multi-word body mention is read word window by word window (three words, then
two, then one): a window that names a country or a KB place (any case, any script:
`KB.country_name_iso`, a LOC entry of `KB.lookup`), or a body's capitalised first word that the
places gazetteer puts in one country under that very name (accord.kb.places), becomes a LOC mention of its own, with its offsets in the
text, linked to that country or place; and gives the body its country when nothing else did,
unless a destination preposition puts it there ('EU Delegation to Belarus': the EU's, not Belarus's).
Adjectives ('Russian Security Council', 'srbijanskog ministarstva') name no place and are left
alone, as is a window that is the whole mention.
"""
from __future__ import annotations

import re

from ..doc import Mention
from ..kb.places import place_country_exact as _exact, stem
from ..ner import knowledge
from .document import Linking

WORD = re.compile(r"\w+(?:[-‐‑–]\w+)*")
WINDOW = 3


def _place(st: Linking, text: str, first: bool):
    """(entity id, display name, ISO3, from the KB) of the place a window names, or None."""
    base = knowledge.kb()
    if base is None:
        return None
    iso = base.country_name_iso(text, st.lang)
    if iso:
        entry = base.get(f"country:{iso}")
        if entry is not None:
            return entry.id, entry.name, iso, True
    entries = [e for e in knowledge.lookup(text, st.lang) if e.type == "LOC"]
    if len(entries) == 1:
        return entries[0].id, entries[0].name, entries[0].country, True
    if first and " " not in text and text[:1].isupper() and not text.isupper():
        # the gazetteer only for the body's first word ('Yunnan Provincial Public Security
        # Department'): its inner capitalised words are name words ('European Union', not Union, NJ)
        iso = _exact(text, st.lang) if text[:1].isalpha() else None
        if iso:
            return f"loc:{stem(text)}", text, iso, False
    return None


def nested_mentions(st: Linking) -> None:
    """Countries and places inside body names, as mentions of their own (see the module)."""
    added: list[Mention] = []
    for m in list(st.doc.mentions):
        if m.type != "ORG" or not m.entity or m.source == "nested" or m.entity.startswith("country:"):
            continue  # a state's own name holds no other place ("Democratic People's Republic of Korea")
        words = list(WORD.finditer(m.text))
        if len(words) < 2:
            continue
        i = 0
        while i < len(words):
            found = None
            for n in range(min(WINDOW, len(words) - i), 0, -1):
                s, e = words[i].start(), words[i + n - 1].end()
                if s == 0 and e == len(m.text):
                    continue  # the whole mention: it is the body, not a place in it
                piece = m.text[s:e]
                if not piece[:1].isupper():
                    continue
                hit = _place(st, piece, s == 0)
                if hit:
                    found = (n, s, e, hit)
                    break
            if not found:
                i += 1
                continue
            n, s, e, (gid, name, iso, kb) = found
            nm = Mention(start=m.start + s, end=m.start + e, text=m.text[s:e], type="LOC",
                         normal=m.text[s:e], source="nested", country=iso)
            g = st.group(gid, "LOC", name, nm, country=iso, kb=kb)
            if g.country is None:
                g.country = iso
            body = st.groups.get(m.entity)
            before = m.text[:s].split()
            if body is not None and body.country is None and not body.kb \
                    and not (before and before[-1].lower() in knowledge.words(st.lang, "destination_prepositions.txt")):
                body.country = iso
            added.append(nm)
            i += n
    if added:
        st.mentions_added(added)
