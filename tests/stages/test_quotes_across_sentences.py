"""A quote whose sentence the splitter separates from its cue or from the quote it continues
(issue 19): dash dialogue opened inside a paragraph after a sentence ('… iz Budimpešte. - Imamo …,
rekao je ministar.'), a quote that goes on after a fragment quoted inside its attribution sentence,
and a body named by its acronym in a press statement. Texts written for accord."""
from __future__ import annotations

import pytest

from tests.stages.test_quotes_subject import parsed, quote


def test_dash_dialogue_opened_inside_a_paragraph_has_its_speaker():
    text = ("Ministar unutrašnjih poslova Ivica Dačić sastao se u ponedeljak sa kolegom iz Budimpešte. "
            "- Imamo punu podršku partnera u borbi protiv krijumčara, rekao je Dačić.\n"
            "Sastanak je trajao dva sata.\n")
    doc = parsed(text, "sr", {"per:dacic": ("PER", ["Ivica Dačić", "Dačić"])})
    q = quote(doc, "Imamo punu")
    assert q.speaker == "per:dacic" and q.text.endswith("krijumčara")
    text = ("Министр иностранных дел Сергей Лавров встретился в понедельник с турецким коллегой. "
            "— Мы готовы к переговорам, — сказал Лавров журналистам.\n")
    doc = parsed(text, "ru", {"per:lavrov": ("PER", ["Сергей Лавров", "Лавров"])})
    assert quote(doc, "Мы готовы").speaker == "per:lavrov"


def test_a_dash_inside_a_paragraph_without_a_cue_or_in_english_is_no_quote():
    text = ("Ministar Ivica Dačić sastao se u ponedeljak sa kolegom iz Budimpešte. "
            "- Sastanak je trajao dva sata, a potpisan je i sporazum.\n")
    assert parsed(text, "sr", {"per:dacic": ("PER", ["Ivica Dačić"])}).quotes == []
    text = ("Senator John Miller met the mayor on Monday. - Both sides said little, reporters were told.\n")
    assert parsed(text, "en", {"per:miller": ("PER", ["John Miller"])}).quotes == []


def test_a_quote_goes_on_with_the_speaker_before_a_fragment_quoted_in_between():
    text = ("“There is new evidence, and it could be damaging,” Miller said, though Jones and other officials "
            "have not said the inquiry is actually “reopening” the case. “Remember, a warrant needs probable "
            "cause. And they had probable cause.”\n")
    doc = parsed(text, "en", {"per:miller": ("PER", ["Miller"]), "per:jones": ("PER", ["Jones"])})
    assert quote(doc, "There is new").speaker == "per:miller"
    assert quote(doc, "Remember, a warrant").speaker == "per:miller"


def test_a_body_named_by_its_acronym_is_itself_not_the_last_body_of_its_class():
    text = ("Федеральная антимонопольная служба оштрафовала компанию.\n"
            "«Задержанные дали признательные показания. Ведется следствие», — говорится в сообщении ФСБ.\n")
    doc = parsed(text, "ru", {"org:fas": ("ORG", ["Федеральная антимонопольная служба"]),
                              "org:fsb": ("ORG", ["ФСБ"])})
    assert quote(doc, "Задержанные").speaker == "org:fsb"


def test_a_press_office_hands_the_quote_to_the_body_it_speaks_for():
    text = ("US Secretary of State John Smith arrived in Moscow on Monday.\n"
            "\"Russia is ready for a constructive dialogue on all issues,\" the Russian Foreign Ministry's press "
            "service said.\n")
    doc = parsed(text, "en", {"per:smith": ("PER", ["John Smith"]), "org:mid": ("ORG", ["Russian Foreign Ministry"])})
    assert quote(doc, "Russia is ready").speaker == "org:mid"


def test_a_press_office_before_an_acronym_is_the_body_itself():
    from accord.ner import knowledge
    from accord.quotes import find_quotes
    from tests.stages.test_linking import link
    if knowledge.kb() is None:
        pytest.skip("knowledge base not built (scripts/build_kb.py)")
    text = ("Министр Владимир Колокольцев посетил Казань в понедельник утром.\n"
            "«Задержаны трое подозреваемых в краже», — сообщили в пресс-службе МВД.\n")
    doc = link(text, "ru")
    body = next(e for e in doc.entities if any(m.text == "МВД" for m in e.mentions))
    assert not body.name.lower().startswith("пресс") and doc.text.count("пресс-службе МВД") == 1
    doc.quotes = find_quotes(doc)
    assert doc.quotes[0].speaker == body.id


def test_dash_dialogue_resumes_after_a_cue_that_adds_with_a_colon():
    text = ("Ministar Ivica Dačić sastao se u ponedeljak u Ženevi sa izaslanikom Džonom Smitom.\n"
            "- Dogovorili smo se o mnogo čemu. Ali sankcije ostaju problem - rekao je Dačić i dodao: "
            "- Sledeći sastanak biće u maju.\n")
    doc = parsed(text, "sr", {"per:dacic": ("PER", ["Ivica Dačić", "Dačić"]), "per:smith": ("PER", ["Džonom Smitom"])})
    assert quote(doc, "Dogovorili").speaker == "per:dacic"
    assert quote(doc, "Sledeći sastanak").speaker == "per:dacic"
