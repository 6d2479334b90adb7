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
- a 'person' of two words with no first name and a club word ('Manchester United', 'Deportivo
  Coruna') is a club;
- a place name standing as a competitor (around 'beat' or 'v', before 'captain', after 'joined')
  is a team, and so is the same name elsewhere in the document, unless a venue preposition stands
  before it ('at Chelmsford').
Language knowledge is in lang/<code>/sports_*.txt and places_subdivisions.txt; a language
without them is left alone. The caller says how a person's name looks in its language.

Modules: `genre` (is this sports copy? asked again by the events stage), `names` (a nation, a
place, a club), `labels` (what names nothing), `players`, `results` (results lines and venues),
`teams`.
"""
from __future__ import annotations

from collections.abc import Callable

from ...doc import Article, Mention
from ..spans import body_lines
from .genre import desk_tag, has_data, is_sports, is_sports_copy, reports_match
from .labels import without_labels
from .names import as_team, is_dateline, is_nation, line_of, named_as_club
from .players import add_missed_players, mark_players, mark_squads
from .results import add_competitors, add_venues
from .teams import at_venue, headline_teams, place_candidates, recurring_teams, teams_of

__all__ = ["apply", "is_sports_copy", "reports_match"]


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
    mentions = without_labels(text, mentions, lines, lang)
    mentions = mark_players(text, mentions, lines, lang, is_person)
    mentions = mark_squads(text, add_missed_players(doc, mentions, lines, lang), lines, lang)
    mentions = add_competitors(doc, mentions, lines, lang, is_person)
    mentions = add_venues(doc, mentions, lines, lang)
    mentions = mentions + place_candidates(doc, mentions, lang)
    teams = teams_of(text, mentions, lines, lang)
    for m in mentions:
        if m.type == "PER" and named_as_club(m.text, lang, is_person):
            as_team(m, "sports")
            continue
        if m.text.casefold() in teams and m.type != "ORG" and not is_nation(m.text, lang):
            line = line_of(m, lines)
            if not at_venue(text, m, line[0], lang) and not is_dateline(m):
                as_team(m, "sports")
    mentions = sorted((m for m in mentions if m.source != "sports-place"), key=lambda m: m.start)
    return recurring_teams(doc, headline_teams(text, mentions, lines, teams), teams, lines, lang)
