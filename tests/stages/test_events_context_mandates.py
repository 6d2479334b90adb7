"""Contexts implied by the organisations an article names (events.mandates, data/kb/mandates.tsv)
and the session-10 cue coverage: inflected and synonymous forms of each context in en, ru, sr."""
from __future__ import annotations

import pytest

from accord.analysis import analyse
from accord.doc import Article, Entity, Mention, Sentence
from accord.events import mandates
from accord.events.contexts import sentence_contexts
from accord.kb import load_kb
from accord.pipeline import process
from accord.stages import events


def coded(text: str, lang: str, ents) -> list:
    doc = Article(text=text, source="t.txt", lang=lang)
    process(doc, ("clean", "sentences"))
    for form, eid, typ, country, sector in ents:
        i = text.find(form)
        doc.mentions.append(Mention(start=i, end=i + len(form), text=form, type=typ, entity=eid))
        doc.entities.append(Entity(id=eid, name=eid, type=typ, country=country, sector=sector))
    events.run(doc)
    return doc.events


@pytest.mark.parametrize("lang,text,form", [
    ("en", "Serbia signed a memorandum of cooperation with UNODC on Monday.", "UNODC"),
    ("ru", "Сербия подписала меморандум о сотрудничестве с УНП ООН в понедельник.", "УНП ООН"),
    ("sr", "Srbija je u ponedeljak potpisala memorandum o saradnji sa UNODC-om.", "UNODC-om"),
])
def test_a_named_agency_lends_its_mandate(lang, text, form):
    """The UN drugs and crime office names no drug, yet the cooperation is about drugs and crime."""
    evs = coded(text, lang, [(text.split()[0], "country:SRB", "LOC", "SRB", None),
                             (form, "igo:unodc", "ORG", None, None)])
    assert any("illegal_drugs" in e.contexts for e in evs), [(e.type, e.contexts) for e in evs]


def test_an_intelligence_service_implies_intelligence_by_its_sector():
    text = "The director of the Croatian security agency met his Serbian counterpart in Zagreb."
    evs = coded(text, "en", [("Croatian security agency", "org:soa-x", "ORG", "HRV", "SPY"),
                             ("Serbian", "country:SRB", "LOC", "SRB", None)])
    assert any("intelligence" in e.contexts for e in evs), [(e.type, e.contexts) for e in evs]


def test_every_mandate_row_names_a_kb_entity_and_a_plover_context():
    kb = load_kb()
    known = {"military", "intelligence", "crime", "illegal_drugs", "migration", "cbrn", "economic", "legal",
             "peacekeeping", "terrorism", "disasters", "corruption", "human_rights", "asylum", "trafficking", "cyber"}
    for key, (contexts, _) in mandates.table().items():
        assert key.startswith("sector:") or kb.get(key) is not None, key
        assert contexts <= known, key


@pytest.mark.parametrize("lang,text,context", [
    ("en", "They discussed corrupt officials and nepotism.", "corruption"),
    ("en", "The ministers discussed al-Qaeda and foreign fighters.", "terrorism"),
    ("en", "Immigrants were stopped at the crossing.", "migration"),
    ("ru", "Министры обсудили борьбу с коррумпированными чиновниками.", "corruption"),
    ("ru", "Он получил вид на жительство.", "migration"),
    ("ru", "Эксперты ОЗХО обнаружили следы зарина.", "cbrn"),
    ("sr", "Razgovarali su o stranim borcima u Siriji.", "terrorism"),
    ("sr", "Policija je raspisala poternicu za osumnjičenim.", "crime"),
    ("sr", "Ministri su razgovarali o korumpiranim službenicima.", "corruption"),
    ("sr", "Traže azil u Nemačkoj, a ostali imaju boravišne dozvole.", "migration"),
    ("sr", "Pripadnici BIA-e sarađuju sa FSB-om.", "intelligence"),  # acronyms in their case forms
    ("sr", "Uhapšen je pripadnik ISIS-a.", "terrorism"),
    ("hr", "Razgovarali su o suzbijanju trgovanja ljudima.", "trafficking"),  # Croatian forms (lang/hr)
    ("hr", "USKOK istražuje slučaj.", "corruption"),
    ("bs", "Direktor OSA-e razgovarao je sa kolegama.", "intelligence"),
    ("cnr", "Direktor ANB-a razgovarao je sa kolegama.", "intelligence"),
])
def test_context_cues_cover_inflected_and_synonymous_forms(lang, text, context):
    toks = analyse(lang, [Sentence(start=0, end=len(text), text=text)])[0]
    strong, weak = sentence_contexts(toks, lang)
    assert context in strong | weak, (strong, weak)
