"""Linking: an office as a body (issue 19): 'the Iraqi prime minister's office', 'the office of
Prime Minister X', and the office of the prosecutor general as the prosecution by its other name."""
from __future__ import annotations

import pytest

from accord.doc import Article
from accord.ner import knowledge
from tests.stages.test_linking import link  # the stage chain up to linking, with offset checks

needs_kb = pytest.mark.skipif(knowledge.kb() is None, reason="knowledge base not built (scripts/build_kb.py)")


def ids_of(doc: Article, surface: str) -> set[str]:
    return {e.id for e in doc.entities if any(m.text == surface for m in e.mentions)}


@needs_kb
def test_office_by_nationality_and_by_holder_is_one_body_of_the_holders_state():
    doc = link("Kenya signed a border deal with Uganda on Sunday, the Ugandan prime minister’s office said.\n\n"
               "The pact covers patrols, the statement from the office of Prime Minister Robinah Nabbanja added.", "en")
    a = ids_of(doc, "Ugandan prime minister’s office")
    b = ids_of(doc, "office of Prime Minister Robinah Nabbanja")
    assert a and a == b
    body = doc.entity(a.pop())
    assert body.type == "ORG" and body.country == "UGA"
    assert ids_of(doc, "Robinah Nabbanja")  # the holder stays a person of their own


@needs_kb
def test_holder_without_country_gives_no_office():
    doc = link("The deal was signed, the office of Prime Minister Zorblat Quenth said.", "en")
    assert not any(e.type == "ORG" and "office" in e.name.lower() and e.country for e in doc.entities)


@needs_kb
def test_office_of_the_prosecutor_general_is_the_prosecution_of_its_state():
    doc = link("Генпрокуратура Молдавии готовит запрос.\n\n"
               "Офис генерального прокурора Молдавии проинформировал коллег, сообщили в Офисе генпрокурора.\n\n"
               "Там проинформировали, что Офис генпрокурора обратился в Генеральную прокуратуру Республики Беларусь.", "ru")
    ids = set().union(*(ids_of(doc, s) for s in ("Генпрокуратура Молдавии", "Офис генпрокурора", "Офисе генпрокурора")))
    assert len(ids) == 1, ids
    assert doc.entity(ids.pop()).country == "MDA"


@needs_kb
@pytest.mark.parametrize("text, lang, want", [
    ("In the Netherlands, police arrested ten people. Most were from abroad.\n\n"
     "“The probe goes on,” a police spokesperson said.", "en", "org:police-nld"),
    ("U Crnoj Gori policija je uhapsila deset osoba.\n\n„Istraga je u toku“, rekao je portparol policije.", "sr", "org:police-mne"),
])
def test_body_beside_its_spokesperson_takes_the_state_the_article_makes_unambiguous(text, lang, want):
    doc = link(text, lang)
    assert want in {e.id for e in doc.entities}


@needs_kb
def test_body_beside_its_spokesperson_stays_unset_when_two_states_are_in_play():
    doc = link("Police in Germany and France arrested ten people.\n\n“The probe goes on,” a police spokesman said.", "en")
    assert not any(e.id.startswith("org:police-") for e in doc.entities)


def test_common_noun_body_is_no_entity_without_a_spokesperson():
    doc = link("In the Netherlands, police arrested ten people on Monday.", "en")
    assert not any(e.type == "ORG" for e in doc.entities)
