"""One sense per document: the same name keeps one type in a document (the type the model gave
most of its mentions), is a name where it recurs untagged, a surname alone is the person named in
full before, and a one-word 'person' opening a company's name is the company.
"""
from __future__ import annotations

import re

from ...doc import Article, Mention
from ...ner.spans import make
from .persons import known_first_names


def vote(mentions: list[Mention]) -> list[Mention]:
    """One sense per document: the same name (case aside: 'TAVILDARA', 'Tavildara') keeps the
    type the model gave most of its mentions; a tie leaves each mention as it is."""
    from collections import Counter

    groups: dict[str, list[Mention]] = {}
    for m in mentions:
        groups.setdefault(m.text.casefold(), []).append(m)
    # 'Wang' after 'Wang Donghai', 'Lebed' after 'Alexander Lebed': a word alone that opens or
    # closes a person's full name in the document is that person
    parts = {w for m in mentions if m.type == "PER" and 2 <= len(m.text.split()) <= 3
             for w in (m.text.split()[0], m.text.split()[-1]) if len(w) >= 3 and w[:1].isupper()}
    folded = {w.casefold() for w in parts}  # 'WOODS' in a headline, 'Tiger Woods' in the story
    for m in mentions:
        if m.type != "PER" and (m.text in parts or m.text.isupper() and m.text.casefold() in folded):
            m.type = "PER"
    for group in groups.values():
        counts = Counter(m.type for m in group).most_common()
        if len(counts) > 1 and counts[0][1] > counts[1][1]:
            for m in group:
                m.type = counts[0][0]
    return mentions


_BEFORE_NAME = re.compile(r"[\w.-]")  # a character that may not stand right before a recurring name
_AFTER_NAME = re.compile(r"[\w-]")  # ... nor right after it


def _occurrences(text: str, name: str) -> list[tuple[int, int]]:
    r"""(start, end) of each whole-word occurrence of `name`, as
    `re.finditer(r"(?<![\w.-])" + re.escape(name) + r"(?![\w-])", text)` gives them (left to
    right, no overlaps), found with str.find: no pattern compiled for every name of every article."""
    out: list[tuple[int, int]] = []
    n = len(name)
    s = text.find(name) if n else -1
    while s >= 0:
        e = s + n
        if (s == 0 or not _BEFORE_NAME.match(text, s - 1)) and not _AFTER_NAME.match(text, e):
            out.append((s, e))
            s = text.find(name, e)
        else:
            s = text.find(name, s + 1)
    return out


def propagate(mentions: list[Mention], doc: Article) -> list[Mention]:
    """One sense per document: a name the model found once ('Alexander Lebed') is a name where
    it recurs untagged ('Lebed said'), in a headline in capitals too ('LEBED MEETS ...'); a
    person's surname alone is that person. Words the document also writes in lower case are left
    alone."""
    import re

    text = doc.text
    lower = {w for w in re.findall(r"\b[a-z][\w'-]*", text)}
    names: dict[str, str] = {}
    for m in mentions:
        if m.text[:1].isupper() and m.text.casefold() not in lower and len(m.text) >= 3:
            names.setdefault(m.text, m.type)
        words = m.text.split()
        if m.type == "PER" and len(words) > 1 and len(words[-1]) >= 3 and words[-1][:1].isupper():
            names.setdefault(words[-1], "PER")
    taken = sorted((m.start, m.end) for m in mentions)
    added = []
    for name, type_ in names.items():
        if name.casefold() in lower:
            continue
        found = _occurrences(text, name)
        if not name.isupper():  # 'SHEARER NAMED AS ENGLAND CAPTAIN' above a story of Alan Shearer
            found += [(s, e) for s, e in _occurrences(text, name.upper()) if _caps_line(text, s)]
        for s, e in found:
            if any(a < e and s < b for a, b in taken) or not doc.in_body(s, e):
                continue
            m = make(text, s, e, type_, "spacy-doc")
            if m is not None:
                added.append(m)
                taken.append((s, e))
    return company_short_forms(sorted(mentions + added, key=lambda m: m.start))


def _caps_line(text: str, pos: int) -> bool:
    """The line holding `pos` is written in capitals (a wire headline)."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    letters = [c for c in text[start:end if end >= 0 else len(text)] if c.isalpha()]
    return len(letters) >= 4 and sum(map(str.isupper, letters)) >= 0.8 * len(letters)


def company_short_forms(mentions: list[Mention]) -> list[Mention]:
    """'Magna' after 'Magna International Inc' is the company, not a person the small model
    took it for: a one-word 'person' that opens an organisation's name in the same document
    and is no first name is that organisation."""
    first_names = known_first_names()
    openers = {m.text.split()[0] for m in mentions if m.type == "ORG" and len(m.text.split()) >= 2}
    for m in mentions:
        if m.type == "PER" and " " not in m.text and m.text in openers and m.text.casefold() not in first_names \
                and len(m.text) >= 3:
            m.type = "ORG"
    return mentions
