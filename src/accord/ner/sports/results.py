"""Results, standings and fixture lines: which names compete in them, and the venue before the
colon that opens them.

Why: 'Somerset 83 and 174 , Leicestershire 296', 'Pohang 3 Ulsan 2', 'Stoke 4 3 1 0 7 4 10' and
'Kent v Essex' name their competitors by position alone, where a model reading them without
context misses the names or glues them to the score; 'Hove : Sussex 363' opens with a place.
"""
from __future__ import annotations

import re

from ...doc import Article, Mention
from ..spans import make
from .names import as_team, club, is_nation, is_place, word_list


# a capitalised name of up to four words ('Kansas City', 'NEW YORK', 'St Mirren', 'Chester-le-Street')
NAME = r"[A-Z][\w'’&.-]*(?: (?:[A-Z][\w'’&.-]*|&|of|de|del|la))*?"
# a score or total: '3', '296', '108-3' (not bowling figures '7-0-29-0', times '3:45', decimals '13.52')
_SCORE = r"\d{1,3}(?:-\d{1,2})?(?![\d:\-]|[.,]\d)"
# a competitor and its score at the start of a segment or right after another score ('Pohang 3 Ulsan 2')
_PAIR = re.compile(r"(?:^|(?<=\d ))(?P<name>" + NAME + r") (?P<score>" + _SCORE + r")")
# a standings row: a name and three or more columns of numbers ('NEW YORK 74 59 .556 -')
_ROW = re.compile(r"^(?P<name>" + NAME + r")(?: (?:[-+]?\d*[.,]?\d+(?:/\d+)?|-)){3,}\s*\.?\s*$")
# a fixture alone on a line: 'Kent v Essex' names two teams; 'BOSTON AT OAKLAND' a team and the
# place it plays at (which stays a place, as after any venue preposition)
_FIXTURE = re.compile(r"^(?P<first>" + NAME + r") (?:(?P<at>at|AT)|v|V|vs\.?|VS\.?) (?P<second>" + NAME + r")\s*\.?\s*$")
# a venue before a colon that opens a results line ('Hove : Sussex 363', 'At Portsmouth : Middlesex beat')
_VENUE = re.compile(r"(?:(?:At|AT|at) )?(?P<name>" + NAME + r")(?: \((?P<ground>[^()]*)\))? ?: ")
# a score line: two competitors and their scores, a bracket at most after ('Pohang 3 Ulsan 2 ( halftime 1-0 )')
_SCORE_LINE = re.compile(r"^" + NAME + r" \d{1,3} " + NAME + r" \d{1,3}(?: \(.*\))?\s*\.?$")
_INITIAL = re.compile(r"^[A-Z]\.")
BRACKETS = re.compile(r"\([^()]*\)")
_SEGMENTS = re.compile(r"\s*[,;:]\s+")


def results_names(text: str, start: int, end: int) -> tuple[list[tuple[int, int]], bool]:
    """The competitors' names of a results or standings line (offsets), and whether the line is
    a standings row; brackets (scorers, a player's country) are read as blanks."""
    line = BRACKETS.sub(lambda mo: " " * len(mo.group()), text[start:end])
    row = _ROW.match(line.strip())
    fixture = _FIXTURE.match(line.strip())
    if fixture:
        off = start + len(line) - len(line.lstrip())
        groups = ("first",) if fixture.group("at") else ("first", "second")
        return [(off + fixture.start(g), off + fixture.end(g)) for g in groups], True
    if row:
        s = start + line.index(row.group("name"))
        return [(s, s + len(row.group("name")))], True
    names = []
    pos = 0
    for seg in _SEGMENTS.split(line):
        k = line.index(seg, pos) if seg else pos
        pos = k + len(seg)
        stripped = seg.strip()
        off = k + (len(seg) - len(seg.lstrip()))
        for mo in _PAIR.finditer(stripped):
            names.append((start + off + mo.start("name"), start + off + mo.end("name")))
    return names, False


def add_competitors(doc: Article, mentions: list[Mention], lines, lang: str, is_person) -> list[Mention]:
    """Competitors of results and standings lines as mentions (over the model's, which often
    miss them or run on into the score: 'Pohang 3 Ulsan'), typed by name."""
    text = doc.text
    added: list[Mention] = []
    drop: set[int] = set()
    rows = [results_names(text, s, e) for s, e in lines]
    for (s, e), (names, row) in zip(lines, rows):
        if len(names) < 2 and not row:
            continue
        found = []
        for a, b in names:
            name = text[a:b]
            if is_nation(name, lang):
                type_ = "LOC"
            elif is_person(name) and not is_place(name, lang) and not club(name, lang):
                type_ = "PER"
            else:
                type_ = "ORG"
            found.append((a, b, type_))
        if _SCORE_LINE.match(text[s:e].strip()) and any(t == "ORG" for _, _, t in found):
            # 'Huddersfield 1 Crystal Palace 1': one side a team, the other is a team too
            found = [(a, b, "ORG" if t == "PER" and not _INITIAL.match(text[a:b]) else t) for a, b, t in found]
        for a, b, type_ in found:
            over = [i for i, m in enumerate(mentions) if m.start < b and a < m.end]
            exact = [i for i in over if mentions[i].start == a and mentions[i].end == b]
            if exact:
                m = mentions[exact[0]]
                if type_ == "ORG" and m.type == "PER" and is_person(m.text) and not is_place(m.text, lang):
                    continue
                if m.type != type_:
                    if type_ == "ORG":
                        as_team(m, "sports-results")
                    else:
                        m.type = type_
                else:
                    m.source = f"{m.source}+sports-results"
                continue
            if any(mentions[i].type == "PER" and type_ == "ORG" and mentions[i].start >= a
                   and mentions[i].end <= b for i in over):
                continue  # a player's name the model found inside
            new = make(text, a, b, type_, "sports-results")
            if new is not None and doc.in_body(new.start, new.end):
                drop.update(over)
                added.append(new)
    kept = [m for i, m in enumerate(mentions) if i not in drop]
    return sorted(kept + added, key=lambda m: m.start)


def add_venues(doc: Article, mentions: list[Mention], lines, lang: str) -> list[Mention]:
    """'Hove : Sussex 363', 'At Portsmouth : Middlesex beat Hampshire', 'London ( The Oval ) :
    ...': the name before the colon that opens a results line is the venue, a place."""
    text = doc.text
    results = word_list(lang, "sports_results.txt")
    added = []
    for s, e in lines:
        mo = _VENUE.match(text, s, e)
        if not mo or mo.group("name").casefold() in word_list(lang, "sports_labels.txt"):
            continue
        rest = text[mo.end():e]
        pair = _PAIR.match(rest)
        head = re.match(NAME + r" (\w+)", rest)
        if not (pair or head and head.group(1).casefold() in results):
            continue
        for group in ("name", "ground"):
            if not mo.group(group):
                continue
            a, b = mo.start(group), mo.end(group)
            over = [m for m in mentions if m.start < b and a < m.end]
            if any(m.start == a and m.end == b for m in over):
                for m in over:
                    m.type = "LOC"
                    m.source = f"{m.source}+sports-venue"
                continue
            new = make(text, a, b, "LOC", "sports-venue")
            if new is not None and doc.in_body(new.start, new.end):
                mentions = [m for m in mentions if m not in over]
                added.append(new)
    return sorted(mentions + added, key=lambda m: m.start)
