"""Actors whose country the text leaves to the reader's knowledge (issue 20, dyads): heads of state
named by name alone, armed groups fighting in one state, territories named as news names them, a
state's official long name with a possessive inside it, and the ground an attack abroad strikes.
Text written for these tests, in the manner of agency copy."""
from __future__ import annotations

from accord.doc import Article
from tests.stages.test_events_scene_and_gaps import dyads, run  # the whole chain but language detection


def countries(doc: Article) -> dict[str, str | None]:
    return {e.name: e.country for e in doc.entities}


def test_a_former_head_of_state_named_alone_has_his_state():
    doc = run("President Mubarak on Monday warned Israel against new settlements near Jerusalem.")
    assert ("THREATEN", "EGY", "ISR") in dyads(doc), dyads(doc)
    assert run("Boris Yeltsin signed the decree in the Kremlin.").entities[0].country == "RUS"


def test_an_armed_group_is_of_the_state_it_fights_in():
    doc = run("The Tamil Tigers rejected the truce offered by the Sri Lankan government on Friday.")
    assert countries(doc).get("Liberation Tigers of Tamil Eelam") == "LKA", countries(doc)


def test_territories_have_their_state():
    doc = run("Israeli troops reimposed a closure on the West Bank after the attack.")
    assert countries(doc).get("West Bank") == "PSE", countries(doc)
    assert countries(run("Australian peacekeepers arrived in East Timor on Sunday.")).get("Timor-Leste") == "TLS"
    assert "USA" not in countries(run("The ministers discussed the recognition of Palestine.")).values()


def test_an_official_long_name_with_a_possessive_is_one_state():
    doc = run("Beijing urged the Democratic People's Republic of Korea to return to the talks.")
    found = countries(doc)
    assert "KOR" not in found.values(), found
    assert ("REQUEST", "CHN", "PRK") in dyads(doc), dyads(doc)


def test_an_attack_abroad_strikes_the_state_of_its_ground():
    doc = run("Ukrainian drones attacked an oil depot in Bryansk overnight.")
    assert ("ASSAULT", "UKR", "RUS") in dyads(doc), dyads(doc)


def test_an_attack_at_home_takes_no_second_party_from_its_ground():
    doc = run("Serbian police raided three houses in Novi Pazar on Monday.")
    assert not any(e.targets and e.targets[0].country == "SRB" for e in doc.events if e.type == "ASSAULT"), dyads(doc)


def test_who_says_another_must_act_demands_it_of_them():
    doc = run("A senior Hungarian minister said on Tuesday that Romania must reopen the border crossing.")
    assert ("REQUEST", "HUN", "ROU") in dyads(doc), dyads(doc)
