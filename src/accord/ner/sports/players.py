"""Players in sports copy: names with a scorer's minute or a nation in brackets, in ranked lists,
scorecards and squad lists are persons, found even where the model missed or cut them.

Why: a results page lists players without the context a model reads persons by ('7. Claus
Hirsbro ( Denmark ) 20.90', 'Wasim Akram c Knight b Hollioake 21', 'Given , Breen , Staunton').
"""
from __future__ import annotations

import re

from ...doc import Article, Mention
from ..spans import make
from .genre import MATCH_SCORE
from .names import club, is_nation, is_place, line_of, word_list
from .results import NAME


# a scorer's minute or a competitor's nation in brackets after a name ('( 31st )', '( 60th minute )')
_MINUTE = re.compile(r"\s?\(\s?\d{1,3}(?:st|nd|rd|th)\b")
_NATION_AFTER = re.compile(r"\s?\(\s?([^()]{2,30}?)\s?\)")
_MEASURE = re.compile(r"(?<![\d.])\d{1,2}:\d\d(?:\.\d+)?\b|(?<![\d.])\d{1,3}\.\d\d\b")
_RANK = re.compile(r"^\s*\d{1,3}(?:\.|=| -| )\s*")


def mark_players(text: str, mentions: list[Mention], lines, lang: str, is_person) -> list[Mention]:
    """'Cosmin Contra ( 31st )', '7. Claus Hirsbro ( Denmark ) 20.90', 'Anne Smith ( France )
    beat ...': a name of two or more words with a scorer's minute, or with a nation in brackets
    in a ranked list or beside a results word, is a player."""
    for m in mentions:
        if m.type == "PER" or len(m.text.split()) < 2 or is_place(m.text, lang) or is_nation(m.text, lang):
            continue
        line = line_of(m, lines)
        if _MINUTE.match(text, m.end):
            m.type = "PER"
            continue
        nation = _NATION_AFTER.match(text, m.end)
        if not nation or not is_nation(nation.group(1), lang):
            continue
        ranked = bool(_RANK.match(text[line[0]:m.start])) and not text[line[0]:m.start].strip(" .=-0123456789")
        # '6-0 6-3' (sets), '3:45.061', '20.90' (times, distances): an individual's result
        single = len(MATCH_SCORE.findall(text, line[0], line[1])) >= 2 or _MEASURE.search(text, line[0], line[1])
        listed = text[line[0]:m.start].rstrip().endswith(",")
        if is_person(m.text) or ranked or single or listed or m.type == "LOC":
            m.type = "PER"
    return _scorecard(text, mentions, lines, lang)


def _scorecard(text: str, mentions: list[Mention], lines, lang: str) -> list[Mention]:
    """Cricket scorecards: 'Wasim Akram c Knight b Hollioake 21', 'Bowling : Vass 7-0-29-0 ,
    de Silva 4-0-25-0': names with dismissal words and a score, or with bowling figures, are
    players."""
    dismissals = sorted(word_list(lang, "sports_dismissals.txt"), key=len, reverse=True)
    if not dismissals:
        return mentions
    how = "|".join(re.escape(d) for d in dismissals)
    batting = re.compile(r"^(?:" + NAME + r"|[a-z]+ " + NAME + r")(?: (?:" + how + r")(?: " + NAME + r")?)+ \d{1,3}\s*$")
    figures = re.compile(r"\s\d{1,2}(?:\.\d)?-\d{1,2}-\d{1,3}-\d{1,2}\b")
    for s, e in lines:
        line = text[s:e].strip()
        card = bool(batting.match(line))
        for m in mentions:
            if not (s <= m.start and m.end <= e) or m.type == "PER" or is_nation(m.text, lang):
                continue
            if card or figures.match(text, m.end):
                m.type = "PER"
    return mentions


# a player's name: two to four capitalised words, particles allowed ('Maarten den Bakker')
_PERSON = r"[A-Z][a-z'’]+(?:-[A-Z]?[a-z]+)*(?: (?:(?:de|den|van|von|der|da|di|du|le|la|bin|al) )?[A-Z][a-z'’]+(?:-[A-Z]?[a-z]+)*){1,3}"
# a player's name in a scorecard: a surname alone, with initials or a particle ('Vaas', 'A.de Silva', 'M. Bevan')
_CARD_NAME = r"(?:[A-Z]\. ?)*(?:(?:de|van|ul) )?[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?"


def add_missed_players(doc: Article, mentions: list[Mention], lines, lang: str) -> list[Mention]:
    """Players the model missed or cut ('Valle' of 'Emilio Valle ( Cuba )', 'Mikael' of 'Mikael
    Tillstrom ( Sweden )'): a name listed with a nation or a scorer's minute in brackets, a
    batsman's name in a scorecard line, a bowler's before his figures."""
    text = doc.text
    results = word_list(lang, "sports_results.txt")
    found = []
    listed = re.compile(r"(?P<name>" + _PERSON + r") \( ?(?P<what>[^()]{2,30}?) ?\)")
    dismissals = sorted(word_list(lang, "sports_dismissals.txt"), key=len, reverse=True)
    how = "|".join(re.escape(d) for d in dismissals) if dismissals else "(?!)"
    batting = re.compile(r"^(?P<bat>" + _CARD_NAME + r")((?: (?:" + how + r")(?: " + _CARD_NAME + r")?)+) \d{1,3}\s*$")
    bowler = re.compile(r"(?:^|(?<=: )|(?<=, ))(?P<name>" + _CARD_NAME + r") \d{1,2}(?:\.\d)?-\d{1,2}-\d{1,3}-\d{1,2}\b")
    for s, e in lines:
        line = text[s:e]
        for mo in listed.finditer(line):
            before = line[:mo.start()].rstrip()
            if before and not (before[-1] in ",:;-" or before[-1].isdigit() or before.split()[-1].casefold() in results
                               or before.endswith(".") and before[:-1].strip().isdigit()):
                continue
            what = mo.group("what")
            if not (is_nation(what, lang) or _MINUTE.match(" (" + what)):
                continue
            name = mo.group("name")
            if is_nation(name, lang) or is_place(name, lang) or club(name, lang):
                continue
            found.append((s + mo.start("name"), s + mo.end("name")))
        for mo in re.finditer(r"(?P<nation>" + NAME + r") \( ?(?P<members>[^()]+?) ?\)", line):
            members = [x.strip() for x in mo.group("members").split(",")]
            if len(members) >= 2 and is_nation(mo.group("nation"), lang) \
                    and all(re.fullmatch(_PERSON, x) for x in members):  # 'Italy ( Adler Capelli , Cristiano Citto )'
                pos = s + mo.start("members")
                for x in members:
                    k = text.index(x, pos)
                    found.append((k, k + len(x)))
                    pos = k + len(x)
        card = batting.match(line.strip())
        if card:
            off = s + len(line) - len(line.lstrip())
            found.append((off + card.start("bat"), off + card.end("bat")))
            tail = card.group(2)
            for nm in re.finditer(_CARD_NAME, tail):
                if nm.group() in ("c", "b", "st", "lbw") or nm.group().casefold() in word_list(lang, "sports_dismissals.txt"):
                    continue
                found.append((off + card.start(2) + nm.start(), off + card.start(2) + nm.end()))
        for mo in bowler.finditer(line):
            found.append((s + mo.start("name"), s + mo.end("name")))
    added = []
    for a, b in found:
        over = [m for m in mentions if m.start < b and a < m.end]
        exact = [m for m in over if m.start == a and m.end == b]
        if exact:
            for m in exact:  # an organisation is left to mark_players, which asks more of it
                if m.type == "LOC" and not is_nation(m.text, lang):
                    m.type = "PER"
            continue
        if any((m.start < a or m.end > b) and m.type != "PER" for m in over):
            continue  # a longer name of another kind runs across it
        new = make(text, a, b, "PER", "sports-player")
        if new is not None and doc.in_body(new.start, new.end):
            mentions = [m for m in mentions if m not in over]
            added.append(new)
    return sorted(mentions + added, key=lambda m: m.start)


def mark_squads(text: str, mentions: list[Mention], lines, lang: str) -> list[Mention]:
    """'Given , Breen , Staunton , Irwin , McAteer': a line listing four or more names, most of
    them persons, lists players; its other names are players too (nations aside)."""
    for s, e in lines:
        items = [x.strip(" .") for x in re.split(r"\s*[,;]\s*", text[s:e])]
        if len(items) < 4 or not all(re.fullmatch(r"(?:[A-Z]\.\s?)*[A-Z][\w'’-]*(?: [\w'’-]+){0,2}", x) for x in items if x):
            continue
        inside = [m for m in mentions if s <= m.start and m.end <= e]
        if sum(m.type == "PER" for m in inside) * 2 < len(items):
            continue
        for m in inside:
            if m.type != "PER" and not is_nation(m.text, lang) and not club(m.text, lang):
                m.type = "PER"
    return mentions
