"""English organisations: a legal form closing a name or an ampersand inside it makes a company
('Pirelli SpA', 'Standard & Poor'), and an abbreviation in brackets beside a name is the same body
('Central Narcotics Bureau ( CNB )'); a capitalised head noun closing a name makes a body of it
('EU Delegation', 'Bucharest Newsroom': org_heads.txt), where the model read a place or a person.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ...doc import Article, Mention
from ...ner import knowledge
from ...ner.spans import body_lines, make


@lru_cache(maxsize=1)
def company_words() -> frozenset[str]:
    return knowledge.words("en", "company_designators.txt")


def is_company(name: str) -> bool:
    """'Pirelli SpA', 'Apic Yamada Corp', 'Homegate Hospitality Inc': a legal-form word that
    closes a name makes it a company, whatever type the model gave it; so does an ampersand
    between capitalised words ('Douglas & Lomason', 'Standard & Poor')."""
    words = name.split()
    return len(words) >= 2 and (words[-1].rstrip(".").casefold() in company_words()
                                or "&" in words[1:-1] and words[-1][:1].isupper())


_ABBR = r"[A-Z][A-Z&.\-]{1,7}"


def abbreviations(doc: Article, mentions: list[Mention]) -> list[Mention]:
    """'Central Narcotics Bureau ( CNB )', 'FOMC ( Federal Open Market Committee )': an
    abbreviation in brackets beside a name is the same body; it takes the name's type."""
    text = doc.text
    taken = [(m.start, m.end) for m in mentions]
    added = []

    def free(s: int, e: int) -> bool:
        return not any(a < e and s < b for a, b in taken) and doc.in_body(s, e)

    for m in mentions:
        if m.type == "PER":
            continue
        after = re.compile(r"\s*\(\s*(" + _ABBR + r")\s*\)").match(text, m.end)
        if after and free(after.start(1), after.end(1)) and len(after.group(1).strip(".-")) >= 2:
            add = make(text, after.start(1), after.end(1), m.type, "spacy-abbr")
            if add is not None:
                added.append(add)
                taken.append((add.start, add.end))
        k = m.start - 1
        while k >= 0 and text[k] == " ":
            k -= 1
        if k >= 0 and text[k] == "(":
            before = re.compile(r"(?<![\w.&-])(" + _ABBR + r")\s*$").search(text, max(0, k - 12), k)
            if before and free(before.start(1), before.end(1)) and len(before.group(1).strip(".-")) >= 2:
                add = make(text, before.start(1), before.end(1), m.type, "spacy-abbr")
                if add is not None:
                    added.append(add)
                    taken.append((add.start, add.end))
    return sorted(mentions + added, key=lambda m: m.start)


def headed_bodies(doc: Article, mentions: list[Mention]) -> list[Mention]:
    """'EU Delegation' (model: a place), 'Dublin Newsroom' (model: a person), 'Bucharest
    Newsroom' (model: the place alone): a name closed by a capitalised head noun of a body
    (org_heads.txt) is that body. A place or person right before such a noun that no mention
    holds is taken into one organisation with it; a 'person' span opening with a person the
    document names elsewhere is that person and the body ('Clinton State Department')."""
    heads = knowledge.words("en", "org_heads.txt")
    text = doc.text
    out: list[Mention] = []
    skip: set[int] = set()
    starts = {m.start: m for m in mentions}
    persons = {w for m in mentions if m.type == "PER" for w in (m.text, m.text.split()[-1])}
    for i, m in enumerate(mentions):
        if i in skip:
            continue
        words = m.text.split()
        if m.type != "ORG" and len(words) >= 2 and words[-1][:1].isupper() and words[-1].casefold() in heads:
            lead = next((k for k in range(len(words) - 2, 0, -1) if " ".join(words[:k]) in persons), 0)
            if m.type == "PER" and lead:  # 'Clinton State Department': the person, then the body
                cut = m.start + len(" ".join(words[:lead]))
                person = make(text, m.start, cut, "PER", m.source)
                body = make(text, cut + 1, m.end, "ORG", m.source)
                out.extend(x for x in (person, body) if x is not None)
                continue
            m.type = "ORG"
        elif m.type in ("LOC", "PER"):
            after = re.compile(r" ([A-Z][a-z]+)(?![\w'’-])").match(text, m.end)
            if after and after.group(1).casefold() in heads and doc.in_body(m.start, after.end()):
                nxt = starts.get(after.start(1))
                if nxt is None or nxt.end == after.end():
                    body = make(text, m.start, after.end(), "ORG", m.source)
                    if body is not None:
                        if nxt is not None:
                            skip.add(mentions.index(nxt))
                        out.append(body)
                        continue
        out.append(m)
    return out + untagged_bodies(doc, out, heads)


_HEADED = re.compile(r"(?<![\w'’.&-])((?:[A-Z][a-z][\w'’-]* ){1,3})([A-Z][a-z]+)(?![\w'’-])")


def untagged_bodies(doc: Article, mentions: list[Mention], heads: frozenset[str]) -> list[Mention]:
    """'-- Bucharest Newsroom', 'the Belgrade Police': capitalised words closed by a body's head
    noun that no mention touches (the model left them untagged) name that body; words the
    language writes in lower case ('Monday', 'Local') do not open one."""
    from .boundaries import date_words

    text = doc.text
    common = knowledge.words("en", "common_words.txt")
    dates = {w.casefold() for w in date_words()}
    taken = [(m.start, m.end) for m in mentions]
    added = []
    for start, end in body_lines(doc):
        for mo in _HEADED.finditer(text, start, end):
            if mo.group(2).casefold() not in heads:
                continue
            words = mo.group(1).split()
            if any(w.casefold() in common or w.casefold() in dates or w.casefold() in heads for w in words):
                continue
            s, e = mo.start(), mo.end()
            if any(a < e and s < b for a, b in taken):
                continue
            m = make(text, s, e, "ORG", "spacy-heads")
            if m is not None:
                added.append(m)
                taken.append((s, e))
    return added


_OWNED = re.compile(r"(?<![\w'’.&-])((?:[A-Z][\w'’-]* ){0,3}[A-Z][a-z]+) (of|to) (?:the )?(?=[A-Z])")


def owned_bodies(doc: Article, mentions: list[Mention]) -> list[Mention]:
    """'the General Staff of Tajikistan', 'EU Delegation to Belarus', 'Security Council of Russia':
    a capitalised name closed by a body's head noun (org_heads.txt) and followed by 'of'/'to' and
    a place the recogniser found is one body whose name runs to the place's end (the model read
    the place alone, and 'General', a common word, opened no name); the place inside it is still
    a mention of it (linking.nested), and after 'of' its country is the body's. Names that hold a
    person, or that a mention crosses, are left as they are."""
    heads = knowledge.words("en", "org_heads.txt")
    text = doc.text
    starts = {m.start: m for m in mentions if m.type == "LOC"}
    out = list(mentions)
    for start, end in body_lines(doc):
        for mo in _OWNED.finditer(text, start, end):
            words = mo.group(1).split()
            while words and words[0].casefold() in ("the", "a", "an"):
                words = words[1:]
            place = starts.get(mo.end())
            if not words or words[-1].casefold() not in heads or place is None or place not in out:
                continue
            s, e = mo.end(1) - len(" ".join(words)), place.end
            inside = [m for m in out if m.start < e and s < m.end]
            if any(m.start < s or m.end > e or m.type == "PER" for m in inside):
                continue
            body = make(text, s, e, "ORG", "spacy-owned")
            if body is not None and body.start == s and body.end == e:
                out = [m for m in out if m not in inside] + [body]
    return sorted(out, key=lambda m: m.start)
