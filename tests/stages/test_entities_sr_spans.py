"""Span boundaries and types the Serbian family shares with every language's span code, decided
by the language (accord.lang.get(code)), not by the shared code: an institution's name does not
end on a preposition (lang/sr/org_function_words.txt); an 's possessive is trimmed only where the
language has one (Language.possessive: English), so "Moody's" stays whole in Croatian; a
country's name in a case form is no person; a lower-case noun saying what a named body is stays
out of the name (Language.descriptor_outside_name), as in UNER's Serbian and Croatian gold."""
from __future__ import annotations

import pytest

from accord.lang import get as language
from accord.ner.spans import make
from accord.translit import has_cyrillic, sr_to_cyrillic
from test_entities_sr_model import mentions  # the same reading of a text (model + rules, as shipped)

CENTRE = "Incident se dogodio u prostorijama Centra za socijalni rad na Novom Beogradu, saopštila je policija."


@pytest.mark.parametrize("text", [CENTRE, sr_to_cyrillic(CENTRE)])
def test_an_institution_name_does_not_end_on_a_preposition(text):
    got = mentions(text)
    name = "Centra za socijalni rad"
    assert ((sr_to_cyrillic(name) if has_cyrillic(text) else name), "ORG") in got
    assert not any(t.endswith((" na", " на")) for t, _ in got)


def test_croatian_keeps_an_apostrophe_in_a_name_english_trims_its_possessive():
    got = mentions("Agencija Moody's snizila je rejting, a za razliku od Moody'sa, S&P ga je zadržao.", "hr")
    assert ("Moody's", "ORG") in got and ("Moody'sa", "ORG") in got
    assert ("Moody", "ORG") not in got
    text = "Moody's analysts said"
    assert make(text, 0, 7, "ORG", "t", lang="hr").text == "Moody's"
    assert make(text, 0, 7, "ORG", "t", lang="en").text == "Moody"
    assert language("en").possessive is not None and language("hr").possessive is None


def test_a_country_in_a_case_form_is_no_person_even_after_a_person_named_with_it():
    text = ("U Parku Matice Hrvatske održana je akcija. Narodne novine su jedina tvrtka u Hrvatskoj koja "
            "može zajamčiti dostavu udžbenika.")
    got = mentions(text, "hr")
    assert ("Hrvatskoj", "LOC") in got and ("Hrvatskoj", "PER") not in got


@pytest.mark.parametrize("text", ["Dardan Sejdiu, ekonomski stručnjak iz pokreta Vetvendosje, veliki je kritičar toga.",
                                  sr_to_cyrillic("Dardan Sejdiu, ekonomski stručnjak iz pokreta Vetvendosje, veliki je kritičar toga.")])
def test_a_lower_case_descriptor_stays_out_of_the_bodys_name(text):
    got = mentions(text)
    cyr = has_cyrillic(text)
    assert (sr_to_cyrillic("Vetvendosje") if cyr else "Vetvendosje", "ORG") in got
    assert not any(t.lower().startswith(("pokreta", "покрета")) for t, _ in got)


def test_a_country_still_makes_a_lower_case_body_its_own():
    got = mentions("Šef srbijanske policije Milorad Veljović izjavio je da će mjere biti strože.", "hr")
    assert ("srbijanske policije", "ORG") in got


@pytest.mark.parametrize("text", ["Hrvatski ministar odbrane Branko Vukelić i Turski pisac Orhan Pamuk. Hrvatska premijerka Jadranka Kosor stigla je.",
                                  sr_to_cyrillic("Hrvatski ministar odbrane Branko Vukelić i Turski pisac Orhan Pamuk. Hrvatska premijerka Jadranka Kosor stigla je.")])
def test_a_country_adjective_before_its_noun_is_no_place(text):
    got = mentions(text)
    assert not any(t == "LOC" for _, t in got)


def test_a_country_name_before_a_verb_or_participle_stays_the_place():
    got = mentions("Hrvatska ima problem, a perspektive Hrvatske vezane za EU su dobre.")
    assert ("Hrvatska", "LOC") in got and ("Hrvatske", "LOC") in got
