"""One act coded once (events.consolidate, actors.assign): an announced part of an act folds into the
act, a deployment to a state the article shows aided is that aid, and the city where an
organisation's own members met is no party; a statement with no recipient said at an act is that act, and
an intention is the mode of the act it names. Text written for these tests."""
from __future__ import annotations

import pytest

from accord.doc import Article
from accord.pipeline import STAGES, process


def run(text: str, lang: str) -> Article:
    script = "Cyrl" if any("а" <= c <= "я" for c in text.lower()) else "Latn"
    doc = Article(text=text, source="t.txt", lang=lang, script=script)
    return process(doc, [s for s in STAGES if s != "language"])


def types(doc: Article, pair: set[str]) -> list[str]:
    return [e.type for e in doc.events if pair <= {e.source.country, e.target.country}]


@pytest.mark.parametrize("text,lang,pair", [
    ("Министар унутрашњих послова Србије отпутовао је данас у званичну посету Мађарској, где ће се "
     "састати са мађарским министром унутрашњих послова.", "sr", {"SRB", "HUN"}),
    ("Ministar unutrašnjih poslova Srbije otputovao je danas u zvaničnu posetu Austriji, gde će se "
     "sastati sa austrijskim ministrom unutrašnjih poslova.", "sr", {"SRB", "AUT"}),
])
def test_a_meeting_announced_within_a_visit_is_the_visit(text, lang, pair):
    got = types(run(text, lang), pair)
    assert "CONSULT" in got and "AGREE" not in got


def test_a_visit_announced_for_a_purpose_is_still_an_intent():
    doc = run("The Gambian president will visit Senegal next week to mediate in the border dispute.", "en")
    assert "AGREE" in types(doc, {"GMB", "SEN"})


def test_an_intent_without_the_act_is_still_coded():
    doc = run("Ministar unutrašnjih poslova Srbije sastaće se sledeće nedelje sa austrijskim ministrom.", "sr")
    assert "AGREE" in types(doc, {"SRB", "AUT"}) or "CONSULT" in types(doc, {"SRB", "AUT"})


@pytest.mark.parametrize("text,lang,pair", [
    ("Austria sent aid to North Macedonia to protect its southern border. Fifty Austrian soldiers will be "
     "deployed in North Macedonia next week.", "en", {"AUT", "MKD"}),
    ("Словачка је понудила помоћ Србији у заштити границе. Јединица словачке војске биће распоређена у Србији.",
     "sr", {"SVK", "SRB"}),
])
def test_a_deployment_to_a_state_the_article_shows_aided_is_that_aid(text, lang, pair):
    got = types(run(text, lang), pair)
    assert "AID" in got and "MOBILIZE" not in got


def test_a_deployment_against_a_state_stays_a_mobilisation():
    doc = run("Russia deployed thousands of troops to the border with Ukraine.", "en")
    assert "MOBILIZE" in [e.type for e in doc.events]


def test_the_city_where_an_organisations_members_met_is_no_party():
    doc = run("Руководители спецслужб государств ОДКБ встретились в Ереване.", "ru")
    assert not any("ARM" in {e.source.country, e.target.country} for e in doc.events)


def test_a_visit_to_a_city_abroad_still_has_its_host():
    doc = run("Министр внутренних дел России Владимир Колокольцев прибыл с визитом в Белград.", "ru")
    assert "CONSULT" in types(doc, {"RUS", "SRB"})



def test_thanks_with_no_recipient_at_a_meeting_are_part_of_the_meeting():
    doc = run("Министр внутренних дел Казахстана встретился в Минске с министром внутренних дел Белоруссии. "
              "В конце встречи казахстанский министр поблагодарил за гостеприимство.", "ru")
    meeting = [e for e in doc.events if e.type == "CONSULT" and {e.source.country, e.target.country} == {"KAZ", "BLR"}]
    assert meeting and len(meeting[0].sentences) == 2
    assert not any(e.type == "SUPPORT" for e in doc.events)


def test_thanks_naming_the_thanked_stay_an_act_of_their_own():
    doc = run("Serbian Interior Minister Ivica Dacic met German Interior Minister Nancy Faeser in Berlin on Monday. "
              "Dacic thanked Germany for the donation of twenty police vehicles.", "en")
    assert "CONSULT" in types(doc, {"SRB", "DEU"}) and "SUPPORT" in types(doc, {"SRB", "DEU"})


@pytest.mark.parametrize("text,lang", [
    ("Генеральная прокуратура Молдавии выразила намерение требовать от Румынии выдачи задержанных граждан.", "ru"),
    ("Moldova's prosecutor general expressed intent to demand the extradition of the detainees from Romania.", "en"),
    ("Tužilaštvo Moldavije izrazilo je nameru da od Rumunije zatraži izručenje uhapšenih.", "sr"),
])
def test_an_intention_to_request_is_the_request(text, lang):
    assert types(run(text, lang), {"MDA", "ROU"}) == ["REQUEST"]


def test_an_intention_to_cooperate_is_still_an_agreement_of_intent():
    doc = run("Молдавия выразила намерение сотрудничать с Румынией в борьбе с контрабандой.", "ru")
    assert [(e.type, e.mode) for e in doc.events] == [("AGREE", "future")]
