"""Trigger concepts carried over between the en, ru and sr lexicons (scripts/event_concepts.tsv):
each language codes the act told with its own words - intelligence exchange, extradition, joint
forces, joint investigation and training, a grant, vehicles received, talks by video link,
readiness to cooperate, expelling a diplomat, sanctions imposed, relations severed, a hack,
an arrest told as deprivation of liberty, joint raids - between the states the sentence names."""
from __future__ import annotations

import pytest

from accord.doc import Article
from accord.pipeline import STAGES, process


def run(text: str, lang: str) -> Article:
    script = "Cyrl" if any("а" <= c <= "я" for c in text.lower()) else "Latn"
    doc = Article(text=text, source="t.txt", lang=lang, script=script)
    return process(doc, [s for s in STAGES if s != "language"])


@pytest.mark.parametrize("etype,lang,text,pair", [
    ('COOPERATE', 'ru', 'Россия и Казахстан договорились обмениваться разведданными о террористах.', ('RUS', 'KAZ')),
    ('COOPERATE', 'ru', 'Белоруссия экстрадировала в Россию гражданина, подозреваемого в убийстве.', ('BLR', 'RUS')),
    ('COOPERATE', 'ru', 'Россия и Китай объединили усилия в борьбе с наркотрафиком.', ('RUS', 'CHN')),
    ('COOPERATE', 'ru', 'Полицейские Сербии и Венгрии провели совместную тренировку на границе.', ('SRB', 'HUN')),
    ('AID', 'ru', 'Япония безвозмездно передала Сербии медицинское оборудование.', ('JPN', 'SRB')),
    ('CONSULT', 'ru', 'Министры иностранных дел России и Сербии провели переговоры по видеосвязи.', ('RUS', 'SRB')),
    ('AGREE', 'ru', 'Сербия выразила готовность к сотрудничеству с Россией в сфере безопасности.', ('SRB', 'RUS')),
    ('COOPERATE', 'sr', 'Srbija i Mađarska pokrenule su zajedničku istragu o krijumčarenju migranata.', ('SRB', 'HUN')),
    ('COOPERATE', 'sr', 'Policije Srbije i Hrvatske udružile su snage u borbi protiv krijumčara.', ('SRB', 'HRV')),
    ('AID', 'sr', 'Policija Srbije dobila je od Nemačke dvadeset novih vozila.', ('DEU', 'SRB')),
    ('CONSULT', 'sr', 'Ministri spoljnih poslova Srbije i Rusije razgovarali su putem video veze.', ('SRB', 'RUS')),
    ('AGREE', 'sr', 'Srbija je izrazila spremnost za saradnju sa Rusijom u oblasti bezbednosti.', ('SRB', 'RUS')),
    ('COOPERATE', 'en', 'Serbia and Hungary agreed to exchange intelligence on migrant smugglers.', ('SRB', 'HUN')),
    ('CONSULT', 'en', 'The foreign ministers of Russia and Serbia spoke by video link.', ('RUS', 'SRB')),
    ('AGREE', 'en', 'Serbia expressed readiness to cooperate with Russia on security.', ('SRB', 'RUS')),
    ('SANCTION', 'ru', 'Латвия выдворила российского дипломата.', ('LVA', 'RUS')),
    ('SANCTION', 'ru', 'Евросоюз наложил санкции на Белоруссию.', ('EU', 'BLR')),
    ('SANCTION', 'ru', 'Грузия разорвала дипломатические отношения с Россией.', ('GEO', 'RUS')),
    ('COERCE', 'ru', 'Российские хакеры взломали серверы министерства обороны Украины.', ('RUS', 'UKR')),
    ('SANCTION', 'sr', 'Evropska unija nametnula je sankcije Belorusiji.', ('EU', 'BLR')),
    ('SANCTION', 'sr', 'Kosovo je prekinulo diplomatske odnose sa Srbijom.', ('XKX', 'SRB')),
    ('COERCE', 'sr', 'Srpska policija lišila je slobode hrvatskog državljanina.', ('SRB', 'HRV')),
    ('SANCTION', 'en', 'Georgia severed diplomatic relations with Russia.', ('GEO', 'RUS')),
    ('COOPERATE', 'ru', 'Белорусская делегация договорилась с российскими коллегами о совместных рейдах против нарколабораторий.', ('BLR', 'RUS')),
])
def test_a_carried_over_trigger_codes_the_act_between_the_named_states(etype, lang, text, pair):
    doc = run(text, lang)
    found = {(a.country, b.country) for e in doc.events if e.type == etype for a in e.sources for b in e.targets}
    assert pair in found or pair[::-1] in found, [(e.type, e.source.country, e.target.country) for e in doc.events]
