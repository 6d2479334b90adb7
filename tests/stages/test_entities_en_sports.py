"""English entities in sports copy (accord.ner.sports): teams named after places are
organisations, national teams stay places, players stay persons, and news is left alone.
The texts are written for these tests."""
from __future__ import annotations

from accord.doc import Article, Span
from accord.ner.sports import genre

from test_entities_en import mentions_of, types

CRICKET = (
    "CRICKET - LANCASHIRE SEAL WIN OVER KENT\n"
    "MANCHESTER 2024-06-14\n"
    "Lancashire beat Kent by six wickets at Old Trafford on Friday to go second in the county championship.\n"
    "Kent captain Sam Billings made 83 before the Lancashire spinners took control.\n"
    "Scores: Kent 231 and 190, Lancashire 305 and 117-4.\n"
    "Lancashire 21 points, Kent 4.")


def test_county_teams_are_organisations_in_a_cricket_report():
    ts = types(CRICKET)
    assert ts["Lancashire"] == {"ORG"}
    assert ts["Kent"] == {"ORG"}
    assert ts["Sam Billings"] == {"PER"}
    assert ts["MANCHESTER"] == {"LOC"}  # the dateline stays the place it was filed from
    assert "CRICKET" not in ts  # the desk tag names nobody
    assert "Scores" not in ts


def test_national_teams_stay_places_and_players_persons():
    text = ("CRICKET - INDIA LEVEL SERIES\n"
            "India beat Australia by five wickets in Melbourne on Sunday to level the one-day series.\n"
            "Australia captain Pat Cummins said his bowlers had struggled with the dew after 50 overs.\n"
            "Scores: Australia 251-8, India 252-5.")
    ts = types(text)
    assert ts["India"] == {"LOC"}
    assert ts["Australia"] == {"LOC"}
    assert ts["Melbourne"] == {"LOC"}
    assert ts["Pat Cummins"] == {"PER"}


def test_results_and_standings_lines_give_team_names():
    text = ("SOCCER - LEAGUE ONE RESULTS\n"
            "Results of league matches on Saturday:\n"
            "Hull 2 Bristol 1\n"
            "Derby 0 Luton 3\n"
            "Millwall 1 Preston 1\n"
            "BASKETBALL - STANDINGS\n"
            "W L PCT GB\n"
            "BOSTON 40 12 .769 -\n"
            "NEW YORK 30 22 .577 10")
    ms = mentions_of(text)
    got = {m.text: m.type for m in ms}
    for team in ("Hull", "Bristol", "Derby", "Luton", "Millwall", "Preston", "BOSTON", "NEW YORK"):
        assert got.get(team) == "ORG", team
    assert not any(any(c.isdigit() for c in m.text) for m in ms)  # no name runs on into a score
    assert all(not m.candidates for m in ms if m.text == "NEW YORK")  # the team is not the city


def test_venue_before_a_colon_is_a_place_and_players_with_minutes_are_persons():
    text = ("SOCCER - FRIENDLY RESULT\n"
            "Cardiff : Swansea 2 Newport 1 ( halftime 1-0 )\n"
            "Scorers : Swansea - Owen Pritchard ( 12th ) , Rhys Morgan ( 77th )")
    ts = types(text)
    assert ts["Cardiff"] == {"LOC"}
    assert ts["Swansea"] == {"ORG"}
    assert ts["Newport"] == {"ORG"}
    assert ts["Owen Pritchard"] == {"PER"}
    assert ts["Rhys Morgan"] == {"PER"}


def test_places_stay_places_in_news():
    text = ("A man from Guildford was arrested in Surrey on Tuesday, police said.\n"
            "Officials in Chicago said Chicago would host the summit of mayors next year.")
    ts = types(text)
    assert ts["Surrey"] == {"LOC"}
    assert ts["Chicago"] == {"LOC"}


def test_sports_context_detection():
    def doc(text):
        d = Article(text=text, source="t.txt", lang="en")
        d.body = [Span(start=0, end=len(text))]
        return d

    def lines(d):
        return [(0, len(d.text))]

    news = doc("The Senate defeated the bill on Tuesday, and the vote was 51-49.")
    assert not genre.is_sports(news, lines(news), "en")
    game = doc("The Bulls beat the Pistons 101-95 on Tuesday to climb the standings.")
    assert genre.is_sports(game, lines(game), "en")
    tagged = doc("Rugby union - Leinster sign a new fly-half")
    assert genre.is_sports(tagged, lines(tagged), "en")
    assert genre.desk_tag(tagged.text, 0, len(tagged.text), "en") == (0, len("Rugby union"))


def test_players_in_ranked_results_and_scorecards_are_persons():
    text = ("ATHLETICS - ZURICH MEETING RESULTS\n"
            "Leading results in the women 's 100 metres at the Zurich meeting on Wednesday :\n"
            "1. Marta Kowalczyk ( Poland ) 11.02\n"
            "2. Jana Novakova ( Czech Republic ) 11.10\n"
            "3. Ines Ferreira ( Portugal ) 11.15\n"
            "CRICKET - SCOREBOARD\n"
            "Tom Hardwick c Patel b Okafor 45\n"
            "Simon Drury lbw b Okafor 12\n"
            "Bowling : Okafor 10-1-42-3 , Patel 8-0-39-1")
    ts = types(text)
    for player in ("Marta Kowalczyk", "Jana Novakova", "Ines Ferreira", "Tom Hardwick", "Simon Drury", "Okafor",
                   "Patel"):
        assert ts.get(player) == {"PER"}, player
    assert ts["Poland"] == {"LOC"}
    assert ts["Portugal"] == {"LOC"}


def test_a_club_the_model_took_for_a_person_is_a_club():
    text = ("SOCCER - SPANISH CHAMPIONSHIP PREVIEW\n"
            "MADRID 2024-09-06\n"
            "Spanish first division team Deportivo Coruna will be without key midfielder Mauro Silva for "
            "Saturday's game away to Real Sociedad, the club said.\n"
            "Silva scored twice in the 3-1 win over Valencia last week.")
    ts = types(text)
    assert ts.get("Deportivo Coruna") == {"ORG"}
    assert ts.get("Mauro Silva") == {"PER"}
