"""CAMEO acts the PLOVER GSR codes that accord used to miss or mistype (issue 20, GSR), in every
language alike: halting mediation and withdrawing inspectors or peacekeepers (SANCTION; announced,
THREATEN), ethnic cleansing (ASSAULT), banning a party and suspending a newspaper (COERCE), calling
off a strike (CONCEDE, not the strike), lifting a blockade (RETREAT), imposing or tightening one,
extending a curfew, demolishing homes (COERCE); and the subject of a verb that
performs a nominal attack is its source ("Israeli tanks fired shells"). Text written for these tests."""
from __future__ import annotations

import pytest

from accord.pipeline import extract_text


def coded(text: str, lang: str) -> set[tuple[str, tuple, tuple]]:
    doc = extract_text(text, source="t.txt", lang=lang)
    return {(e.type, tuple(sorted(a.country for a in e.sources if a.country)),
             tuple(sorted(a.country for a in e.targets if a.country))) for e in doc.events}


def types(text: str, lang: str) -> set[str]:
    return {t for t, _, _ in coded(text, lang)}


@pytest.mark.parametrize("lang, text, want", [
    ("en", "Syrian officers on Tuesday ended mediation efforts between Lebanon and Israel.", "SANCTION"),
    ("ru", "Евросоюз прекратил посредничество между Сербией и Хорватией.", "SANCTION"),
    ("sr", "Evropska unija je prekinula posredovanje između Srbije i Hrvatske.", "SANCTION"),
    ("en", "The Secretary-General said the United Nations will withdraw its weapons inspectors from Iraq.", "THREATEN"),
    ("sr", "Generalni sekretar UN je najavio da će povući inspektore iz Iraka.", "THREATEN"),
    ("ru", "Нигерия вывела своих миротворцев из Чада.", "SANCTION"),
    ("en", "Croatian forces carried out ethnic cleansing against Serbs in Krajina, the report said.", "ASSAULT"),
    ("ru", "Сербские силы проводили этническую чистку против албанцев в Косове.", "ASSAULT"),
    ("sr", "Srpske snage su sprovodile etničko čišćenje nad Albancima na Kosovu.", "ASSAULT"),
    ("en", "President Museveni has banned two opposition parties from the Ugandan elections.", "COERCE"),
    ("ru", "Власти Уганды запретили оппозиционную партию.", "COERCE"),
    ("sr", "Vlast u Ugandi je zabranila opozicionu stranku.", "COERCE"),
    ("en", "Kenyan authorities suspended publication of the opposition weekly on Monday.", "COERCE"),
    ("ru", "Профсоюз учителей Нигерии отменил забастовку.", "CONCEDE"),
    ("sr", "Sindikat prosvetnih radnika Srbije je otkazao štrajk.", "CONCEDE"),
    ("en", "The Israeli army lifted on Friday a two-day blockade of Palestinian trucks at the Gaza crossing.", "RETREAT"),
    ("ru", "Израильская армия сняла блокаду с сектора Газа.", "RETREAT"),
    ("en", "Israel reimposed a blockade on the West Bank on Friday.", "COERCE"),
    ("ru", "Израиль ввёл блокаду Западного берега.", "COERCE"),
    ("sr", "Izrael je uveo blokadu Gaze.", "COERCE"),
    ("en", "President Gbagbo said he will extend the night-time curfew in Abidjan.", "THREATEN"),
    ("en", "Israeli army bulldozers demolished Palestinian homes in Rafah on Sunday.", "COERCE"),
    ("ru", "Израильская армия снесла дома палестинцев в секторе Газа.", "COERCE"),
    ("sr", "Izraelska vojska je srušila kuće Palestinaca u Gazi.", "COERCE"),
])
def test_a_cameo_act_is_coded_with_its_plover_type(lang, text, want):
    assert want in types(text, lang), coded(text, lang)


def test_calling_off_a_strike_is_no_strike():
    got = types("The Nigerian teachers' union has called off a four-day strike after talks with the government.", "en")
    assert "CONCEDE" in got and "ASSAULT" not in got and "PROTEST" not in got, got


@pytest.mark.parametrize("lang, text, source, target", [
    ("en", "Israeli tanks fired four shells at targets in Jericho, witnesses said.", "ISR", "PSE"),
    ("en", "Israel today mounted its long-threatened invasion of south Lebanon.", "ISR", "LBN"),
    ("sr", "Izraelski tenkovi su izveli napad na ciljeve u Jerihonu.", "ISR", "PSE"),
])
def test_the_subject_of_a_performing_verb_is_the_attacker(lang, text, source, target):
    assert ("ASSAULT", (source,), (target,)) in coded(text, lang), coded(text, lang)


def test_a_nominal_attack_under_any_other_verb_keeps_its_own_phrase():
    got = coded("Serbia condemned the terrorist attacks in Brussels.", "en")
    assert not any(t == "ASSAULT" and "SRB" in s for t, s, _ in got), got
