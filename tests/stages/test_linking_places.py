"""Issue 18: a name the NER model typed ORG that is, whole, a place's name and stands after a
locative preposition lies in that place's country (the places gazetteer); without the
preposition a company or person named like a small place keeps no country."""
from __future__ import annotations

import pytest

from accord.doc import Article
from accord.ner import knowledge
from tests.stages.test_linking import link  # the stage chain up to linking, with offset checks


def entity_with(doc: Article, surface: str):
    return next(e for e in doc.entities if any(m.text == surface for m in e.mentions))

needs_places = pytest.mark.skipif(knowledge.place_country("Harbin", "en") is None, reason="places gazetteer not built")


@needs_places
@pytest.mark.parametrize("text,lang,name,iso", [
    ("Дачић је присуствовао отварању Центра за сарадњу у области јавне безбедности у Лиањунгангу, саопштило је министарство.",
     "sr", "Лиањунгангу", "CHN"),
    ("Kerry lost by 31,444 votes in Hillsborough, the county's election office said.", "en", "Hillsborough", "USA"),
])
def test_a_place_typed_as_a_body_after_a_locative_preposition_has_the_places_country(text, lang, name, iso):
    doc = link(text, lang)
    assert entity_with(doc, name).country == iso


@needs_places
def test_a_company_named_like_a_small_place_keeps_no_country():
    doc = link("Акции Zynga и Google выросли после отчета компаний, сообщили аналитики в Нью-Йорке.", "ru")
    for name in ("Zynga",):
        e = next((e for e in doc.entities if any(m.text == name for m in e.mentions)), None)
        assert e is None or e.country in (None, "USA")


# --- a body's country from what owns it, an outlet's from the reviewed outlets list ------------

@pytest.mark.parametrize("text,lang,name,iso", [
    ("Ministar je zahvalio na donaciji Biroa za međunarodnu borbu protiv narkotika i sprovođenje zakona Stejt departmenta.",
     "sr", "Biroa za međunarodnu borbu protiv narkotika i sprovođenje zakona", "USA"),
    ("Санкции введены против «85-го Главного центра специальных служб ГРУ» и двух граждан.",
     "ru", "Главного центра специальных служб", "RUS"),
])
def test_a_body_named_right_before_the_kb_body_that_owns_it_has_its_country(text, lang, name, iso):
    doc = link(text, lang)
    e = next((e for e in doc.entities if any(name in m.text for m in e.mentions)), None)
    assert e is not None and e.country == iso


@pytest.mark.parametrize("text,name,iso", [
    ("Об этом сообщила «КП» со ссылкой на источник в правительстве.", "КП", "RUS"),
    ("Об этом сообщило агентство Kazinform в понедельник.", "Kazinform", "KAZ"),
])
def test_a_listed_outlet_has_its_country(text, name, iso):
    doc = link(text, "ru")
    e = next(e for e in doc.entities if any(name in m.text for m in e.mentions))
    assert e.country == iso


def test_kommersant_writing_itself_as_its_hard_sign_is_the_russian_paper():
    doc = link("Источник в силовых структурах рассказал «Ъ», что выдавать задержанных никто не собирается.", "ru")
    e = next(e for e in doc.entities if any(m.text == "Ъ" for m in e.mentions))
    assert e.country == "RUS"
