"""International organisations as parties to an event, in every script and case: each body that
security-cooperation news name (Interpol, Europol, Frontex, CSTO/ОДКБ, SCO/ШОС, CIS/СНГ, EU, UN
agencies, IOM, OSCE/ОБСЕ/ОЕБС, SEECP, SELEC, SEPCA, PCC SEE, DCAF, NATO) is found in English,
Russian and Serbian (Latin and Cyrillic), nominative and inflected ("с Интерполом", "sa Europolom",
"Interpolu"), resolved to its KB entry and coded with its organisation code (an EU agency as EU, a
UN agency such as UNODC or IOM as UN) on the event it takes part in."""
from __future__ import annotations

import pytest

from accord.doc import Article
from accord.pipeline import STAGES, process


def run(text: str, lang: str) -> Article:
    script = "Cyrl" if any("а" <= c <= "я" for c in text.lower()) else "Latn"
    doc = Article(text=text, source="t.txt", lang=lang, script=script)
    return process(doc, [s for s in STAGES if s != "language"])


@pytest.mark.parametrize("code,lang,text", [
    ('INTERPOL', 'en', 'Serbia signed an agreement on police cooperation with Interpol.'),
    ('INTERPOL', 'ru', 'Сербия подписала соглашение о сотрудничестве с Интерполом.'),
    ('INTERPOL', 'ru', 'Министр внутренних дел России встретился с генеральным секретарём Интерпола.'),
    ('INTERPOL', 'sr', 'Srbija je potpisala sporazum o saradnji sa Interpolom.'),
    ('INTERPOL', 'sr', 'Србија је потписала споразум о сарадњи са Интерполом.'),
    ('EU', 'en', 'Serbia signed an agreement on police cooperation with Europol.'),
    ('EU', 'ru', 'Сербия подписала соглашение о сотрудничестве с Европолом.'),
    ('EU', 'sr', 'Srbija je potpisala sporazum o saradnji sa Evropolom.'),
    ('EU', 'sr', 'Srbija je potpisala sporazum o saradnji sa Europolom.'),
    ('EU', 'sr', 'Србија је потписала споразум о сарадњи са Европолом.'),
    ('EU', 'en', 'Serbia signed an agreement on border cooperation with Frontex.'),
    ('EU', 'ru', 'Сербия подписала соглашение о сотрудничестве с Фронтексом.'),
    ('EU', 'sr', 'Srbija je potpisala sporazum o saradnji sa Frontexom.'),
    ('EU', 'sr', 'Srbija je potpisala sporazum o saradnji sa Fronteksom.'),
    ('EU', 'sr', 'Србија је потписала споразум о сарадњи са Фронтексом.'),
    ('CSTO', 'en', 'Kazakhstan signed an agreement on cooperation with the CSTO.'),
    ('CSTO', 'ru', 'Казахстан подписал соглашение о сотрудничестве с ОДКБ.'),
    ('CSTO', 'sr', 'Kazahstan je potpisao sporazum o saradnji sa ODKB.'),
    ('CSTO', 'sr', 'Казахстан је потписао споразум о сарадњи са ОДКБ.'),
    ('SCO', 'en', 'Iran signed an agreement on cooperation with the SCO.'),
    ('SCO', 'ru', 'Иран подписал соглашение о сотрудничестве с ШОС.'),
    ('SCO', 'sr', 'Iran je potpisao sporazum o saradnji sa Šangajskom organizacijom za saradnju.'),
    ('SCO', 'sr', 'Иран је потписао споразум о сарадњи са ШОС.'),
    ('CIS', 'en', 'Georgia signed an agreement on cooperation with the CIS.'),
    ('CIS', 'ru', 'Грузия подписала соглашение о сотрудничестве с СНГ.'),
    ('CIS', 'sr', 'Gruzija je potpisala sporazum o saradnji sa ZND.'),
    ('CIS', 'sr', 'Грузија је потписала споразум о сарадњи са ЗНД.'),
    ('EU', 'en', 'Serbia signed an agreement on cooperation with the EU.'),
    ('EU', 'ru', 'Сербия подписала соглашение о сотрудничестве с Евросоюзом.'),
    ('EU', 'ru', 'Сербия подписала соглашение о сотрудничестве с ЕС.'),
    ('EU', 'sr', 'Srbija je potpisala sporazum o saradnji sa EU.'),
    ('EU', 'sr', 'Србија је потписала споразум о сарадњи са ЕУ.'),
    ('UN', 'en', 'Serbia signed an agreement on cooperation with UNODC.'),
    ('UN', 'ru', 'Сербия подписала соглашение о сотрудничестве с УНП ООН.'),
    ('UN', 'sr', 'Srbija je potpisala sporazum o saradnji sa UNODC.'),
    ('UN', 'sr', 'Србија је потписала споразум о сарадњи са UNODC.'),
    ('UN', 'en', 'Serbia signed an agreement on cooperation with the International Organization for Migration.'),
    ('UN', 'en', 'Serbia signed an agreement on cooperation with the IOM.'),
    ('UN', 'ru', 'Сербия подписала соглашение о сотрудничестве с Международной организацией по миграции.'),
    ('UN', 'sr', 'Srbija je potpisala sporazum o saradnji sa Međunarodnom organizacijom za migracije.'),
    ('UN', 'sr', 'Srbija je potpisala sporazum o saradnji sa IOM.'),
    ('UN', 'sr', 'Србија је потписала споразум о сарадњи са Међународном организацијом за миграције.'),
    ('OSCE', 'en', 'Serbia signed an agreement on cooperation with the OSCE.'),
    ('OSCE', 'ru', 'Сербия подписала соглашение о сотрудничестве с ОБСЕ.'),
    ('OSCE', 'sr', 'Srbija je potpisala sporazum o saradnji sa OEBS.'),
    ('OSCE', 'sr', 'Србија је потписала споразум о сарадњи са ОЕБС.'),
    ('SEECP', 'en', 'Serbia signed a declaration on cooperation with the SEECP.'),
    ('SEECP', 'sr', 'Srbija je potpisala sporazum o saradnji sa Procesom saradnje u Jugoistočnoj Evropi.'),
    ('SELEC', 'en', 'Serbia signed an agreement on cooperation with SELEC.'),
    ('SELEC', 'ru', 'Сербия подписала соглашение о сотрудничестве с СЕЛЕК.'),
    ('SELEC', 'sr', 'Srbija je potpisala sporazum o saradnji sa SELEC.'),
    ('SELEC', 'sr', 'Србија је потписала споразум о сарадњи са СЕЛЕК.'),
    ('SEPCA', 'en', 'Serbia signed an agreement on cooperation with SEPCA.'),
    ('SEPCA', 'sr', 'Srbija je potpisala sporazum o saradnji sa SEPCA.'),
    ('PCC-SEE', 'en', 'Serbia signed an agreement on cooperation with the PCC SEE Secretariat.'),
    ('PCC-SEE', 'sr', 'Srbija je potpisala sporazum o saradnji sa Sekretarijatom PCC SEE.'),
    ('DCAF', 'en', 'Serbia signed an agreement on cooperation with DCAF.'),
    ('DCAF', 'sr', 'Srbija je potpisala sporazum o saradnji sa DCAF.'),
    ('NATO', 'en', 'Serbia signed an agreement on cooperation with NATO.'),
    ('NATO', 'ru', 'Сербия подписала соглашение о сотрудничестве с НАТО.'),
    ('NATO', 'sr', 'Srbija je potpisala sporazum o saradnji sa NATO.'),
    ('NATO', 'sr', 'Србија је потписала споразум о сарадњи са НАТО.'),
    ('INTERPOL', 'sr', 'Srbija je dostavila podatke Interpolu.'),
    ('INTERPOL', 'ru', 'Сербия передала данные Интерполу.'),
    # the organisation as the subject or the owner of the acting people
    ('EU', 'sr', 'Službenici Frontexa patroliraće zajedno sa srpskom policijom na granici.'),
    ('INTERPOL', 'ru', 'Интерпол объявил в международный розыск гражданина Сербии по запросу России.'),
    ('INTERPOL', 'en', 'Interpol issued a red notice for the Serbian citizen at the request of Montenegro.'),
    ('CSTO', 'ru', 'Миротворцы ОДКБ прибыли в Казахстан.'),
    ('CSTO', 'sr', 'Mirovne snage ODKB-a stigle su u Kazahstan.'),
    ('EU', 'ru', 'Европол помог полиции Испании задержать членов сербского картеля.'),
    ('EU', 'sr', 'Evropol je pomogao španskoj policiji da uhapsi članove srpskog klana.'),
    ('OSCE', 'sr', 'Misija OEBS-a u Srbiji donirala je opremu Ministarstvu unutrašnjih poslova.'),
    ('OSCE', 'ru', 'Миссия ОБСЕ в Сербии передала оборудование МВД Сербии.'),
    ('UN', 'sr', 'Međunarodna organizacija za migracije donirala je Srbiji opremu za prihvatne centre.'),
    ('NATO', 'ru', 'Генсек НАТО Столтенберг встретился с президентом Сербии Вучичем.'),
    ('CIS', 'ru', 'Главы МВД стран СНГ подписали соглашение о сотрудничестве.'),
])
def test_an_organisation_in_any_script_and_case_is_a_coded_party(code, lang, text):
    doc = run(text, lang)
    sides = [(e.type, [a.country for a in e.sources], [a.country for a in e.targets]) for e in doc.events]
    assert any(code in s + t for _, s, t in sides), (sides, [(e.id, e.aliases) for e in doc.entities])
