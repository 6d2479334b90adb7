"""A treaty's or agreement's name mentioned in passing is a name, not an act (issue 20: event
precision); the same document signed or ratified in the sentence is still an AGREE."""
from __future__ import annotations

import pytest

from test_events import dyads, make

SRB = ("Srbija", "Serbia", "LOC", "SRB")


@pytest.mark.parametrize("lang,text,ents", [
    ("sr", "Srbija i Kfor sastaju se redovno radi sprovođenja Vojnotehničkog sporazuma.",
     [SRB, ("Kfor", "igo:kfor", "ORG", None)]),
    ("sr", "Predsednik Srbije govorio je o Dejtonskom sporazumu i o Bosni i Hercegovini.",
     [("Srbije", "Serbia", "LOC", "SRB"), ("Bosni i Hercegovini", "Bosnia", "LOC", "BIH")]),
    ("en", "Russia and Ukraine have argued for years over the Minsk agreements.",
     [("Russia", "Russia", "LOC", "RUS"), ("Ukraine", "Ukraine", "LOC", "UKR")]),
    ("en", "Ireland and Poland discussed the reforms under the Treaty of Lisbon.",
     [("Ireland", "Ireland", "LOC", "IRL"), ("Poland", "Poland", "LOC", "POL")]),
    ("ru", "Сербия и Россия обсуждали работу Организации и Договор о коллективной безопасности.",
     [("Сербия", "Serbia", "LOC", "SRB"), ("Россия", "Russia", "LOC", "RUS")]),
])
def test_a_named_treaty_mentioned_in_passing_is_no_agreement(lang, text, ents):
    doc = make(text, lang, ents)
    assert not any(e.type in ("AGREE", "REJECT") for e in doc.events), dyads(doc)


@pytest.mark.parametrize("lang,text,ents", [
    ("sr", "Srbija i Nemačka su danas potpisale Sporazum o policijskoj saradnji.",
     [SRB, ("Nemačka", "Germany", "LOC", "DEU")]),
    ("en", "Russia and Ukraine signed the Minsk agreements in February.",
     [("Russia", "Russia", "LOC", "RUS"), ("Ukraine", "Ukraine", "LOC", "UKR")]),
    ("ru", "Россия и Сербия подписали Соглашение о сотрудничестве.",
     [("Россия", "Russia", "LOC", "RUS"), ("Сербия", "Serbia", "LOC", "SRB")]),
])
def test_a_named_treaty_signed_in_the_sentence_is_still_an_agreement(lang, text, ents):
    doc = make(text, lang, ents)
    assert any(e.type == "AGREE" for e in doc.events), dyads(doc)
