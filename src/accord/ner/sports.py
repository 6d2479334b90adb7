"""Sports copy: teams named after places are organisations, and results lines hold names.

Why: in sports copy 'Leicestershire beat Somerset', 'NEW YORK 74 59 .556' and 'Surrey captain'
name teams, which a model trained on general news types as places or persons; and 'Russia beat
Serbia' is a match, not a conflict. A team is an organisation; a national team named by its
country stays the country (a place), as players stay persons. So, in a document that is sports
copy (a sports desk tag opens it, or sports words or results lines fill it):
- the desk tag ('CRICKET - ...') is no name;
- results and standings lines ('Somerset 83 and 174 , Leicestershire 296', 'Pohang 3 Ulsan 2',
  'Stoke 4 3 1 0 7 4 10') give their competitors' names, found even where the model missed them
  or glued them to the score, and a venue before a colon ('Hove : Sussex 363') is a place;
- a place name standing as a competitor (around 'beat' or 'v', before 'captain', after 'joined')
  is a team, and so is the same name elsewhere in the document, unless a venue preposition stands
  before it ('at Chelmsford').
Language knowledge is in lang/<code>/sports_*.txt and places_subdivisions.txt; a language
without them is left alone. The caller says how a person's name looks in its language.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from ..doc import Article, Mention
from . import knowledge
from .spans import body_lines, make

# a capitalised name of up to four words ('Kansas City', 'NEW YORK', 'St Mirren', 'Chester-le-Street')
_NAME = r"[A-Z][\w'’&.-]*(?: (?:[A-Z][\w'’&.-]*|&|of|de|del|la))*?"
# a score or total: '3', '296', '108-3' (not bowling figures '7-0-29-0', times '3:45', decimals '13.52')
_SCORE = r"\d{1,3}(?:-\d{1,2})?(?![\d:\-]|[.,]\d)"
# a competitor and its score at the start of a segment or right after another score ('Pohang 3 Ulsan 2')
_PAIR = re.compile(r"(?:^|(?<=\d ))(?P<name>" + _NAME + r") (?P<score>" + _SCORE + r")")
# a standings row: a name and three or more columns of numbers ('NEW YORK 74 59 .556 -')
_ROW = re.compile(r"^(?P<name>" + _NAME + r")(?: (?:[-+]?\d*[.,]?\d+(?:/\d+)?|-)){3,}\s*\.?\s*$")
# a fixture alone on a line: 'Kent v Essex' names two teams; 'BOSTON AT OAKLAND' a team and the
# place it plays at (which stays a place, as after any venue preposition)
_FIXTURE = re.compile(r"^(?P<first>" + _NAME + r") (?:(?P<at>at|AT)|v|V|vs\.?|VS\.?) (?P<second>" + _NAME + r")\s*\.?\s*$")
# a venue before a colon that opens a results line ('Hove : Sussex 363', 'At Portsmouth : Middlesex beat')
_VENUE = re.compile(r"(?:(?:At|AT|at) )?(?P<name>" + _NAME + r")(?: \((?P<ground>[^()]*)\))? ?: ")
# a score line: two competitors and their scores, a bracket at most after ('Pohang 3 Ulsan 2 ( halftime 1-0 )')
_SCORE_LINE = re.compile(r"^" + _NAME + r" \d{1,3} " + _NAME + r" \d{1,3}(?: \(.*\))?\s*\.?$")
_INITIAL = re.compile(r"^[A-Z]\.")
_BRACKETS = re.compile(r"\([^()]*\)")
_SEGMENTS = re.compile(r"\s*[,;:]\s+")
_WORDS = re.compile(r"[^\W\d_][\w'’.-]*")


@lru_cache(maxsize=None)
def _words(lang: str, name: str) -> frozenset[str]:
    return knowledge.words(lang, name)


def has_data(lang: str) -> bool:
    """Sports copy is read only in a language whose folder has the sports lists (English)."""
    from ..lang import get as language

    found = language(lang)
    return found is not None and found.has_data("sports_desks.txt") and bool(_words(lang, "sports_desks.txt"))


def desk_tag(text: str, start: int, end: int, lang: str) -> tuple[int, int] | None:
    """(start, end) of a sports desk tag opening a line ('CRICKET - ...', 'Boxing-Bruno quits')."""
    line = text[start:end]
    mo = re.match(r"\s*([^\W\d_][^\W\d_ ]*(?: [^\W\d_]+){0,2}?)\s*(?:-|–|—|:)", line)
    if mo and mo.group(1).casefold() in _words(lang, "sports_desks.txt"):
        return start + mo.start(1), start + mo.end(1)
    return None


def _phrases(text: str, words: frozenset[str]) -> set[str]:
    """The items of a word list (single words or phrases) that occur in text (case aside)."""
    tokens = [w.casefold().rstrip(".") for w in _WORDS.findall(text)]
    found = {t for t in tokens if t in words}
    joined = " " + " ".join(tokens) + " "
    found.update(p for p in words if " " in p and f" {p} " in joined)
    return found


def results_names(text: str, start: int, end: int) -> tuple[list[tuple[int, int]], bool]:
    """The competitors' names of a results or standings line (offsets), and whether the line is
    a standings row; brackets (scorers, a player's country) are read as blanks."""
    line = _BRACKETS.sub(lambda mo: " " * len(mo.group()), text[start:end])
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


_MATCH_SCORE = re.compile(r"(?<![\d.,-])\d{1,3}-\d{1,3}(?![\d-])")


def is_sports(doc: Article, lines: list[tuple[int, int]], lang: str) -> bool:
    """Sports copy: a desk tag opens it, or it has three different sports words, or two lines of
    results (two competitors with scores each), or a sports word and a result with its score
    ('the Bulls beat the Pistons 101-95')."""
    if lines and desk_tag(doc.text, *lines[0], lang):
        return True
    body = " ".join(doc.text[s:e] for s, e in lines)
    vocabulary = _phrases(body, _words(lang, "sports_words.txt"))
    if len(vocabulary) >= 3:
        return True
    if sum(len(results_names(doc.text, s, e)[0]) >= 2 for s, e in lines) >= 2:
        return True
    results = _words(lang, "sports_results.txt")
    return bool(vocabulary) and any(_MATCH_SCORE.search(doc.text, s, e) and _phrases(doc.text[s:e], results)
                                    for s, e in lines)


def is_sports_copy(doc: Article, lang: str) -> bool:
    """is_sports over the document's body lines, for later stages (a language without sports
    lists has none)."""
    if not has_data(lang):
        return False
    lines = body_lines(doc)
    return bool(lines) and is_sports(doc, lines, lang)


def reports_match(text: str, start: int, end: int, trigger: str, lang: str) -> bool:
    """In sports copy, 'Russia beat Serbia 3-1' reports a match: a sentence with a score or a
    results line, or an act whose trigger is a results word ('beat', 'defeated'), codes no
    conflict."""
    if trigger.casefold() in _words(lang, "sports_results.txt") or _MATCH_SCORE.search(text, start, end):
        return True
    return any(len(results_names(text, s, e)[0]) >= 2 for s, e in _split_lines(text, start, end))


def _split_lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out, pos = [], start
    for line in text[start:end].split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _is_nation(name: str, lang: str) -> bool:
    if knowledge.country_from_word(name, lang) or name.casefold() in _words(lang, "sports_nations.txt"):
        return True
    return any(getattr(e, "kind", None) == "country" for e in knowledge.lookup(name, lang))


def _is_place(name: str, lang: str) -> bool:
    """A sub-national place the language's lists or the KB know ('Surrey', 'Chicago' as a KB city)."""
    folded = name.casefold()
    if folded in _words(lang, "places_subdivisions.txt"):
        return True
    return any(e.type == "LOC" for e in knowledge.lookup(name, lang))


def _before(text: str, m: Mention, line_start: int) -> str:
    words = text[line_start:m.start].split()
    return words[-1].casefold() if words else ""


def _at_venue(text: str, m: Mention, line_start: int, lang: str) -> bool:
    """'at Grace Road', 'at the Oval': a venue preposition (and article) before the name."""
    words = [w.casefold() for w in text[line_start:m.start].split()[-2:]]
    venue = _words(lang, "sports_venue_before.txt")
    return bool(words) and (words[-1] in venue or " ".join(words) in venue)


def _after(text: str, m: Mention, line_end: int, n: int = 1) -> str:
    words = text[m.end:line_end].split()
    return " ".join(words[:n]).casefold()


def _result_word_beside(text: str, m: Mention, line: tuple[int, int], lang: str) -> bool:
    """'Leicestershire beat Somerset', 'Red Star ( Yugoslavia ) beat Dinamo': a results word
    right before or after the name (a bracket after it skipped)."""
    words = _words(lang, "sports_results.txt")
    rest = _BRACKETS.sub(" ", text[m.end:line[1]], count=1) if text[m.end:line[1]].lstrip().startswith("(") \
        else text[m.end:line[1]]
    after = rest.split()
    if after and (after[0].casefold() in words or " ".join(after[:2]).casefold() in words):
        return True
    before = text[line[0]:m.start].split()
    return bool(before) and (before[-1].casefold() in words or " ".join(before[-2:]).casefold() in words)


def _line_of(m: Mention, lines: list[tuple[int, int]]) -> tuple[int, int]:
    return next(((s, e) for s, e in lines if s <= m.start and m.end <= e), (m.start, m.end))


def _team(m: Mention, source: str) -> None:
    m.type = "ORG"
    m.candidates = []  # a team is not the place it is named after
    m.source = f"{m.source}+{source}" if m.source else source


def _dateline(m: Mention) -> bool:
    """A dateline's or a venue's place, which stays a place."""
    return "dateline" in m.source or "sports-venue" in m.source


def apply(doc: Article, mentions: list[Mention], lang: str, is_person: Callable[[str], bool]) -> list[Mention]:
    """The document's mentions with sports copy read as above; other documents unchanged."""
    if not has_data(lang):
        return mentions
    lines = body_lines(doc)
    if not lines or not is_sports(doc, lines, lang):
        return mentions
    text = doc.text
    tag = desk_tag(text, *lines[0], lang)
    if tag:
        mentions = [m for m in mentions if not (tag[0] <= m.start and m.end <= tag[1])]
    mentions = _labels_and_events(text, mentions, lines, lang)
    mentions = _players(text, mentions, lines, lang, is_person)
    mentions = _squads(text, _missed_players(doc, mentions, lines, lang), lines, lang)
    mentions = _results(doc, mentions, lines, lang, is_person)
    mentions = _venues(doc, mentions, lines, lang)
    mentions = mentions + _place_candidates(doc, mentions, lang)
    teams = _teams(text, mentions, lines, lang)
    for m in mentions:
        if m.text.casefold() in teams and m.type != "ORG" and not _is_nation(m.text, lang):
            line = _line_of(m, lines)
            if not _at_venue(text, m, line[0], lang) and not _dateline(m):
                _team(m, "sports")
    mentions = sorted((m for m in mentions if m.source != "sports-place"), key=lambda m: m.start)
    return _recurring_teams(doc, _headline_teams(text, mentions, lines, teams), teams, lines, lang)


def _teams(text: str, mentions: list[Mention], lines, lang: str) -> set[str]:
    """Names (case-folded) that stand as a team somewhere in the document: a place or body named
    as a competitor (beside a results word, before 'captain', after 'joined', owning a player),
    in a results line, a county or state the model took for a person or found nowhere else, and
    the places listed with a team ('Essex , Derbyshire and Surrey')."""
    teams: set[str] = set()
    # 'Washington' after 'MaliVai Washington' (whatever the model made of the full name)
    surnames = {m.text.split()[-1] for m in mentions if " " in m.text and not _is_place(m.text, lang)
                and not _is_nation(m.text, lang) and not _club(m.text, lang)}
    candidates = []
    for m in mentions:
        if m.type == "PER" and not _is_place(m.text, lang) or _is_nation(m.text, lang) or m.text in surnames:
            continue
        line = _line_of(m, lines)
        before = _before(text, m, line[0])
        if _at_venue(text, m, line[0], lang) or _dateline(m):
            continue
        listed = m.text.casefold() in _words(lang, "places_subdivisions.txt")
        if not (m.type == "LOC" or listed or _is_place(m.text, lang)) and m.type != "ORG":
            continue
        candidates.append(m)
        # a county or state the model took for a person acts: it is the team
        cue = m.source.endswith("sports-results") or _club(m.text, lang) \
            or listed and m.type == "PER" and " " not in m.text and m.text[:1].isupper() \
            or _result_word_beside(text, m, line, lang) \
            or _after(text, m, line[1]) in _words(lang, "sports_team_after.txt") \
            or _after(text, m, line[1], 2) in _words(lang, "sports_team_after.txt") \
            or before in _words(lang, "sports_team_before.txt") \
            or _possessive_player(text, m, mentions)
        if cue:
            teams.add(m.text.casefold())
    for _ in range(2):  # 'Essex , Derbyshire and Surrey': a place listed with a team is one
        for a, b in zip(candidates, candidates[1:]):
            if re.fullmatch(r"\s*(?:,|and|, and|or|&)\s*", text[a.end:b.start]):
                if a.text.casefold() in teams or b.text.casefold() in teams:
                    teams.update((a.text.casefold(), b.text.casefold()))
    return teams


def _labels_and_events(text: str, mentions: list[Mention], lines, lang: str) -> list[Mention]:
    """No mention for a scoreboard or table label ('Extras', a heading line 'EASTERN DIVISION'),
    for the name of an event ('PGA Tour', 'Atlanta Games'), or for a place opening one ('U.S.'
    in 'U.S. Open', 'Berlin' in 'Berlin Grand Prix')."""
    labels = _words(lang, "sports_labels.txt")
    events = _words(lang, "sports_events.txt")
    out = []
    for m in mentions:
        words = m.text.casefold().split()
        line = _line_of(m, lines)
        whole_line = text[line[0]:line[1]].strip(" .") == m.text
        # 'EASTERN DIVISION' alone on a line, 'MAJOR LEAGUE STANDINGS' in a headline: a heading
        heading = whole_line or m.text.isupper() and len(words) > 1
        if " ".join(words) in labels or " ".join(words) in events or m.type != "PER" and heading and words[-1] in labels:
            continue
        if m.type != "PER" and len(words) > 1 and (words[-1] in events or " ".join(words[-2:]) in events):
            continue
        nxt = text[m.end:line[1]].split()
        if m.type != "PER" and nxt and nxt[0][:1].isupper() and (
                nxt[0].casefold() in events or " ".join(nxt[:2]).casefold() in events):
            continue
        out.append(m)
    return out


# a scorer's minute or a competitor's nation in brackets after a name ('( 31st )', '( 60th minute )')
_MINUTE = re.compile(r"\s?\(\s?\d{1,3}(?:st|nd|rd|th)\b")
_NATION_AFTER = re.compile(r"\s?\(\s?([^()]{2,30}?)\s?\)")
_MEASURE = re.compile(r"(?<![\d.])\d{1,2}:\d\d(?:\.\d+)?\b|(?<![\d.])\d{1,3}\.\d\d\b")
_RANK = re.compile(r"^\s*\d{1,3}(?:\.|=| -| )\s*")


def _players(text: str, mentions: list[Mention], lines, lang: str, is_person) -> list[Mention]:
    """'Cosmin Contra ( 31st )', '7. Claus Hirsbro ( Denmark ) 20.90', 'Anne Smith ( France )
    beat ...': a name of two or more words with a scorer's minute, or with a nation in brackets
    in a ranked list or beside a results word, is a player."""
    for m in mentions:
        if m.type == "PER" or len(m.text.split()) < 2 or _is_place(m.text, lang) or _is_nation(m.text, lang):
            continue
        line = _line_of(m, lines)
        if _MINUTE.match(text, m.end):
            m.type = "PER"
            continue
        nation = _NATION_AFTER.match(text, m.end)
        if not nation or not _is_nation(nation.group(1), lang):
            continue
        ranked = bool(_RANK.match(text[line[0]:m.start])) and not text[line[0]:m.start].strip(" .=-0123456789")
        # '6-0 6-3' (sets), '3:45.061', '20.90' (times, distances): an individual's result
        single = len(_MATCH_SCORE.findall(text, line[0], line[1])) >= 2 or _MEASURE.search(text, line[0], line[1])
        listed = text[line[0]:m.start].rstrip().endswith(",")
        if is_person(m.text) or ranked or single or listed or m.type == "LOC":
            m.type = "PER"
    return _scorecard(text, mentions, lines, lang)


def _scorecard(text: str, mentions: list[Mention], lines, lang: str) -> list[Mention]:
    """Cricket scorecards: 'Wasim Akram c Knight b Hollioake 21', 'Bowling : Vass 7-0-29-0 ,
    de Silva 4-0-25-0': names with dismissal words and a score, or with bowling figures, are
    players."""
    dismissals = sorted(_words(lang, "sports_dismissals.txt"), key=len, reverse=True)
    if not dismissals:
        return mentions
    how = "|".join(re.escape(d) for d in dismissals)
    batting = re.compile(r"^(?:" + _NAME + r"|[a-z]+ " + _NAME + r")(?: (?:" + how + r")(?: " + _NAME + r")?)+ \d{1,3}\s*$")
    figures = re.compile(r"\s\d{1,2}(?:\.\d)?-\d{1,2}-\d{1,3}-\d{1,2}\b")
    for s, e in lines:
        line = text[s:e].strip()
        card = bool(batting.match(line))
        for m in mentions:
            if not (s <= m.start and m.end <= e) or m.type == "PER" or _is_nation(m.text, lang):
                continue
            if card or figures.match(text, m.end):
                m.type = "PER"
    return mentions


# a player's name: two to four capitalised words, particles allowed ('Maarten den Bakker')
_PERSON = r"[A-Z][a-z'’]+(?:-[A-Z]?[a-z]+)*(?: (?:(?:de|den|van|von|der|da|di|du|le|la|bin|al) )?[A-Z][a-z'’]+(?:-[A-Z]?[a-z]+)*){1,3}"
# a player's name in a scorecard: a surname alone, with initials or a particle ('Vaas', 'A.de Silva', 'M. Bevan')
_CARD_NAME = r"(?:[A-Z]\. ?)*(?:(?:de|van|ul) )?[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?"
# where a listed competitor's name starts: line start, after a rank, a separator or a results word
_LIST_START = r"(?:^|(?<=^\d\. )|(?<=\d\. )|(?<=[,:;] )|(?<= - )|(?<=\d )|(?<=\d= ))"


def _missed_players(doc: Article, mentions: list[Mention], lines, lang: str) -> list[Mention]:
    """Players the model missed or cut ('Valle' of 'Emilio Valle ( Cuba )', 'Mikael' of 'Mikael
    Tillstrom ( Sweden )'): a name listed with a nation or a scorer's minute in brackets, a
    batsman's name in a scorecard line, a bowler's before his figures."""
    text = doc.text
    results = _words(lang, "sports_results.txt")
    found = []
    listed = re.compile(r"(?P<name>" + _PERSON + r") \( ?(?P<what>[^()]{2,30}?) ?\)")
    dismissals = sorted(_words(lang, "sports_dismissals.txt"), key=len, reverse=True)
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
            if not (_is_nation(what, lang) or _MINUTE.match(" (" + what)):
                continue
            name = mo.group("name")
            if _is_nation(name, lang) or _is_place(name, lang) or _club(name, lang):
                continue
            found.append((s + mo.start("name"), s + mo.end("name")))
        for mo in re.finditer(r"(?P<nation>" + _NAME + r") \( ?(?P<members>[^()]+?) ?\)", line):
            members = [x.strip() for x in mo.group("members").split(",")]
            if len(members) >= 2 and _is_nation(mo.group("nation"), lang) \
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
                if nm.group() in ("c", "b", "st", "lbw") or nm.group().casefold() in _words(lang, "sports_dismissals.txt"):
                    continue
                found.append((off + card.start(2) + nm.start(), off + card.start(2) + nm.end()))
        for mo in bowler.finditer(line):
            found.append((s + mo.start("name"), s + mo.end("name")))
    added = []
    for a, b in found:
        over = [m for m in mentions if m.start < b and a < m.end]
        exact = [m for m in over if m.start == a and m.end == b]
        if exact:
            for m in exact:  # an organisation is left to _players, which asks more of it
                if m.type == "LOC" and not _is_nation(m.text, lang):
                    m.type = "PER"
            continue
        if any((m.start < a or m.end > b) and m.type != "PER" for m in over):
            continue  # a longer name of another kind runs across it
        new = make(text, a, b, "PER", "sports-player")
        if new is not None and doc.in_body(new.start, new.end):
            mentions = [m for m in mentions if m not in over]
            added.append(new)
    return sorted(mentions + added, key=lambda m: m.start)


def _squads(text: str, mentions: list[Mention], lines, lang: str) -> list[Mention]:
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
            if m.type != "PER" and not _is_nation(m.text, lang) and not _club(m.text, lang):
                m.type = "PER"
    return mentions


def _venues(doc: Article, mentions: list[Mention], lines, lang: str) -> list[Mention]:
    """'Hove : Sussex 363', 'At Portsmouth : Middlesex beat Hampshire', 'London ( The Oval ) :
    ...': the name before the colon that opens a results line is the venue, a place."""
    text = doc.text
    results = _words(lang, "sports_results.txt")
    added = []
    for s, e in lines:
        mo = _VENUE.match(text, s, e)
        if not mo or mo.group("name").casefold() in _words(lang, "sports_labels.txt"):
            continue
        rest = text[mo.end():e]
        pair = _PAIR.match(rest)
        head = re.match(_NAME + r" (\w+)", rest)
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


def _place_candidates(doc: Article, mentions: list[Mention], lang: str) -> list[Mention]:
    """Untagged capitalised occurrences of listed places ('title rivals Essex'), offered to the
    team reading; those that do not come out teams are dropped again."""
    text = doc.text
    taken = [(m.start, m.end) for m in mentions]
    out = []
    for mo in re.finditer(r"(?<![\w.'’-])[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?(?![\w'’-])", text):
        for s, e in ((mo.start(), mo.end()), (mo.start(), mo.start() + len(mo.group().split(" ")[0]))):
            if text[s:e].casefold() not in _words(lang, "places_subdivisions.txt"):
                continue
            if any(a < e and s < b for a, b in taken) or not doc.in_body(s, e):
                break
            m = make(text, s, e, "LOC", "sports-place")
            if m is not None:
                out.append(m)
                taken.append((s, e))
            break
    return out


def _headline_teams(text: str, mentions: list[Mention], lines, teams: set[str]) -> list[Mention]:
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


def _results(doc: Article, mentions: list[Mention], lines, lang: str, is_person) -> list[Mention]:
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
            if _is_nation(name, lang):
                type_ = "LOC"
            elif is_person(name) and not _is_place(name, lang) and not _club(name, lang):
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
                if type_ == "ORG" and m.type == "PER" and is_person(m.text) and not _is_place(m.text, lang):
                    continue
                if m.type != type_:
                    if type_ == "ORG":
                        _team(m, "sports-results")
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


def _club(name: str, lang: str) -> bool:
    """'Norwich City', 'Dynamo Moscow', 'FC Porto': a club word opens or closes the name."""
    words = name.casefold().split()
    clubs = _words(lang, "sports_club_words.txt")
    return len(words) >= 2 and (words[0] in clubs or words[-1] in clubs) and name[:1].isupper()


def _recurring_teams(doc: Article, mentions: list[Mention], teams: set[str], lines, lang: str) -> list[Mention]:
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
            line = _line_of(m, lines)
            if _at_venue(text, m, line[0], lang):
                continue
            added.append(m)
            taken.append((s, e))
    return sorted(mentions + added, key=lambda m: m.start)
