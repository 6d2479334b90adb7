"""Linking: a lone surname of a person the article names in full is that person, never the KB
place or body that shares the word (the Ukrainian minister 'Могилев' is not the city of Mogilev,
Belarus; 'Jordan said' after 'Neil Jordan' is not the country)."""
from __future__ import annotations

import pytest

from accord.ner import knowledge

from test_linking import link

needs_kb = pytest.mark.skipif(knowledge.kb() is None, reason="knowledge base not built (scripts/build_kb.py)")


def entities_of(doc, surface: str) -> set[str]:
    return {m.entity for m in doc.mentions if m.text == surface}


@needs_kb
def test_russian_surname_that_is_a_city_joins_the_person():
    doc = link("Министр внутренних дел Украины Анатолий Могилев встретился в Ялте с российским коллегой.\n"
               "Как сообщили в пресс-службе МВД, Могилев отметил важность встречи.", "ru")
    full = entities_of(doc, "Анатолий Могилев")
    assert len(full) == 1 and entities_of(doc, "Могилев") == full
    assert doc.entity(full.pop()).type == "PER"


@needs_kb
def test_english_surname_that_is_a_country_joins_the_person():
    doc = link("Dublin-born director Neil Jordan says he never lost more sleep over a film.\n"
               "Jordan said in a statement that the film was true to history.", "en")
    full = entities_of(doc, "Neil Jordan")
    assert len(full) == 1 and entities_of(doc, "Jordan") == full


@needs_kb
def test_the_city_named_alone_stays_the_city():
    doc = link("Белорусские пограничники задержали в Могилеве двух граждан Литвы.", "ru")
    ent = {doc.entity(m.entity).type for m in doc.mentions if m.text.startswith("Могилев")}
    assert ent == {"LOC"}
