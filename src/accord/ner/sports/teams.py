"""Teams in sports copy: a place or body standing as a competitor is a team (an organisation),
and so is the same name elsewhere in the document, unless a venue preposition stands before it.

Why: 'Leicestershire beat Somerset', 'Surrey captain', 'joined Essex' name teams, which a model
trained on general news types as places or persons; 'at Chelmsford' is still the place.
"""
from __future__ import annotations

import re

from ...doc import Article, Mention
from ..spans import make
from .names import club, is_dateline, is_nation, is_place, line_of, word_list
from .results import BRACKETS


def _before(text: str, m: Mention, line_start: int) -> str:
    words = text[line_start:m.start].split()
    return words[-1].casefold() if words else ""


def at_venue(text: str, m: Mention, line_start: int, lang: str) -> bool:
    """'at Grace Road', 'at the Oval': a venue preposition (and article) before the name."""
    words = [w.casefold() for w in text[line_start:m.start].split()[-2:]]
    venue = word_list(lang, "sports_venue_before.txt")
    return bool(words) and (words[-1] in venue or " ".join(words) in venue)


def _after(text: str, m: Mention, line_end: int, n: int = 1) -> str:
    words = text[m.end:line_end].split()
    return " ".join(words[:n]).casefold()


def _result_word_beside(text: str, m: Mention, line: tuple[int, int], lang: str) -> bool:
    """'Leicestershire beat Somerset', 'Red Star ( Yugoslavia ) beat Dinamo': a results word
    right before or after the name (a bracket after it skipped)."""
    words = word_list(lang, "sports_results.txt")
    rest = BRACKETS.sub(" ", text[m.end:line[1]], count=1) if text[m.end:line[1]].lstrip().startswith("(") \
        else text[m.end:line[1]]
    after = rest.split()
    if after and (after[0].casefold() in words or " ".join(after[:2]).casefold() in words):
        return True
    before = text[line[0]:m.start].split()
    return bool(before) and (before[-1].casefold() in words or " ".join(before[-2:]).casefold() in words)


def teams_of(text: str, mentions: list[Mention], lines, lang: str) -> set[str]:
    """Names (case-folded) that stand as a team somewhere in the document: a place or body named
    as a competitor (beside a results word, before 'captain', after 'joined', owning a player),
    in a results line, a county or state the model took for a person or found nowhere else, and
    the places listed with a team ('Essex , Derbyshire and Surrey')."""
    teams: set[str] = set()
    # 'Washington' after 'MaliVai Washington' (whatever the model made of the full name)
    surnames = {m.text.split()[-1] for m in mentions if " " in m.text and not is_place(m.text, lang)
                and not is_nation(m.text, lang) and not club(m.text, lang)}
    candidates = []
    for m in mentions:
        if m.type == "PER" and not is_place(m.text, lang) or is_nation(m.text, lang) or m.text in surnames:
            continue
        line = line_of(m, lines)
        before = _before(text, m, line[0])
        if at_venue(text, m, line[0], lang) or is_dateline(m):
            continue
        listed = m.text.casefold() in word_list(lang, "places_subdivisions.txt")
        if not (m.type == "LOC" or listed or is_place(m.text, lang)) and m.type != "ORG":
            continue
        candidates.append(m)
        # a county or state the model took for a person acts: it is the team
        cue = m.source.endswith("sports-results") or club(m.text, lang) \
            or listed and m.type == "PER" and " " not in m.text and m.text[:1].isupper() \
            or _result_word_beside(text, m, line, lang) \
            or _after(text, m, line[1]) in word_list(lang, "sports_team_after.txt") \
            or _after(text, m, line[1], 2) in word_list(lang, "sports_team_after.txt") \
            or before in word_list(lang, "sports_team_before.txt") \
            or _possessive_player(text, m, mentions)
        if cue:
            teams.add(m.text.casefold())
    for _ in range(2):  # 'Essex , Derbyshire and Surrey': a place listed with a team is one
        for a, b in zip(candidates, candidates[1:]):
            if re.fullmatch(r"\s*(?:,|and|, and|or|&)\s*", text[a.end:b.start]):
                if a.text.casefold() in teams or b.text.casefold() in teams:
                    teams.update((a.text.casefold(), b.text.casefold()))
    return teams


def place_candidates(doc: Article, mentions: list[Mention], lang: str) -> list[Mention]:
    """Untagged capitalised occurrences of listed places ('title rivals Essex'), offered to the
    team reading; those that do not come out teams are dropped again."""
    text = doc.text
    taken = [(m.start, m.end) for m in mentions]
    out = []
    for mo in re.finditer(r"(?<![\w.'’-])[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?(?![\w'’-])", text):
        for s, e in ((mo.start(), mo.end()), (mo.start(), mo.start() + len(mo.group().split(" ")[0]))):
            if text[s:e].casefold() not in word_list(lang, "places_subdivisions.txt"):
                continue
            if any(a < e and s < b for a, b in taken) or not doc.in_body(s, e):
                break
            m = make(text, s, e, "LOC", "sports-place")
            if m is not None:
                out.append(m)
                taken.append((s, e))
            break
    return out


def headline_teams(text: str, mentions: list[Mention], lines, teams: set[str]) -> list[Mention]:
    """'LANCASHIRE SEAL WIN' in an ALL-CAPS headline: a span the model ran on past a team's
    name is cut to it."""
    out = []
    for m in mentions:
        words = m.text.split()
        if m.text.isupper() and len(words) > 1 and m.text.casefold() not in teams:
            for k in range(len(words) - 1, 0, -1):
                head = " ".join(words[:k])
                if head.casefold() in teams:
                    cut = make(text, m.start, m.start + len(head), "ORG", m.source + "+sports")
                    if cut is not None:
                        m = cut
                    break
        out.append(m)
    return out


def _possessive_player(text: str, m: Mention, mentions: list[Mention]) -> bool:
    """"Birmingham 's Gary Breen": a place owning a player is the player's team."""
    mo = re.match(r"\s?['’]s? ", text[m.end:m.end + 4])
    if not mo:
        return False
    k = m.end + len(mo.group())
    return any(p.start == k and p.type == "PER" and " " in p.text for p in mentions)


def recurring_teams(doc: Article, mentions: list[Mention], teams: set[str], lines, lang: str) -> list[Mention]:
    """A team's name where it recurs untagged ('title rivals Essex , Derbyshire'), as the
    model missed it; not after a venue preposition."""
    if not teams:
        return mentions
    text = doc.text
    names = {m.text for m in mentions if m.type == "ORG" and m.text.casefold() in teams}
    taken = [(m.start, m.end) for m in mentions]
    added = []
    for name in names:
        for mo in re.finditer(r"(?<![\w.'’-])" + re.escape(name) + r"(?![\w'’-])", text, re.IGNORECASE):
            s, e = mo.start(), mo.end()
            if not text[s].isupper() or any(a < e and s < b for a, b in taken) or not doc.in_body(s, e):
                continue
            m = make(text, s, e, "ORG", "sports-doc")
            if m is None:
                continue
            line = line_of(m, lines)
            if at_venue(text, m, line[0], lang):
                continue
            added.append(m)
            taken.append((s, e))
    return sorted(mentions + added, key=lambda m: m.start)
