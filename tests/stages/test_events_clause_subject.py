"""A clause that names its own actor: a side outside it, or the subject of a clause below it, did not act.

"Tarabrin noted that Western countries are calling for Russia to limit ...": the countries are the
callers (no country named); Tarabrin only reports it and Russia is the one asked. A subject that a
possessive or demonstrative points back with ("его правительство") still stands for a side named before.
"""
from __future__ import annotations

from tests.stages.test_events import make

SERBIA, RUSSIA = ("Serbia", "country:srb", "LOC", "SRB"), ("Russia", "country:rus", "LOC", "RUS")
VULIN = ("Vulin", "per:vulin", "PER", "SRB")


def sources_of(doc) -> set:
    return {a.country for e in doc.events for a in e.sources}


def test_the_reporter_of_a_clause_with_its_own_subject_is_not_its_actor():
    doc = make("Vulin said that the opposition parties demanded sanctions against Russia.", "en", [VULIN, RUSSIA])
    assert doc.events and "SRB" not in sources_of(doc)
    doc = make("Vulin said that the European partners had praised Serbia's cooperation with Interpol.", "en",
               [VULIN, SERBIA, ("Interpol", "igo:interpol", "ORG", "INTERPOL")])
    assert "SRB" not in sources_of(doc)


def test_the_subject_of_a_clause_below_the_call_is_the_one_asked():
    doc = make("Tarabrin noted that Western countries are calling for Russia to limit its cooperation.", "en",
               [("Tarabrin", "per:tarabrin", "PER", "RUS"), RUSSIA])
    assert doc.events and "RUS" not in sources_of(doc)
    assert any(a.country == "RUS" for e in doc.events for a in e.targets)


def test_a_possessive_subject_points_back_to_the_side_named_before():
    text = ("Премьер-министр Японии Наото Кан пообещал, что его правительство будет упорно настаивать "
            "на возвращении Россией четырех спорных островов.")
    doc = make(text, "ru", [("Японии", "country:jpn", "LOC", "JPN"), ("Россией", "country:rus", "LOC", "RUS")])
    assert "JPN" in sources_of(doc)
