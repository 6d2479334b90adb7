"""Word senses and modifiers that make a trigger word report no act (issue 20, precision): an
invitation that is only a visit's circumstance, a summons, releasing a file, hosting camps, an act
in an exercise or an alleged, foiled or prevented one, a 'war on drugs'."""
from __future__ import annotations

import pytest

from accord.analysis import sentence_tokens
from accord.doc import Article
from accord.events import triggers
from accord.pipeline import process


def triggers_of(text: str, lang: str) -> list[tuple[str, str]]:
    doc = Article(text=text, source="t.txt", lang=lang)
    process(doc, ("clean", "sentences", "parse"))
    out = []
    for toks in sentence_tokens(doc, doc.sentences):
        _, real, _ = triggers.find(toks, lang)
        out += [(m.pattern.label, " ".join(toks[i].low for i in m.tokens)) for m in real]
    return out


@pytest.mark.parametrize("lang, text, word", [
    ("en", "The exercise includes defeating a simulated attack by militants near the border.", "attack"),
    ("en", "Police said they had foiled a bomb attack planned for the weekend.", "attack"),
    ("en", "The group allegedly released sophisticated malware onto computer networks in Ukraine.", "released"),
    ("en", "The region hosts camps and rear bases of several armed factions.", "hosts"),
    ("en", "It is the largest coordinated assault on organized crime ever seen in Europe.", "assault"),
    ("sr", "Oni se sumnjiče da su saučesnici osujećenog terorističkog napada u Crnoj Gori.", "napada"),
    ("sr", "Predstavnici ambasade posetili su Centar na poziv njegovog rukovodstva.", "poziv"),
    ("ru", "Министр прибыл в Минск по приглашению белорусской стороны.", "приглашению"),
    ("ru", "МИД Германии пригласил посла России и выразил протест.", "пригласил"),
])
def test_no_act_in_this_sense(lang, text, word):
    found = triggers_of(text, lang)
    assert not any(word in words.split() and label not in ("NONE",) for label, words in found), found


@pytest.mark.parametrize("lang, text, label, word", [
    ("en", "Russian troops launched an attack on the border post.", "ASSAULT", "attack"),
    ("en", "Belarus released two Polish citizens on Monday.", "RETREAT", "released"),
    ("sr", "Frontex će pružati tehničku i operativnu podršku srpskim graničarima.", "AID", "podršku"),
    ("en", "Tehran struck Kurdish groups in northern Iraq.", "ASSAULT", "struck"),
])
def test_the_act_itself_is_kept(lang, text, label, word):
    found = triggers_of(text, lang)
    assert any(lab == label and word in words.split() for lab, words in found), found


def test_police_deployed_on_another_states_border_assist_it():
    from accord.doc import Actor
    from accord.events.type import police_assistance

    hun = Actor(country="HUN", sector="COP", text="mađarske policije")
    army = Actor(country="RUS", sector="MIL", text="Russian troops")
    assert police_assistance("MOBILIZE", [hun], [Actor(country="SRB", text="Srbije")])
    assert not police_assistance("MOBILIZE", [army], [Actor(country="UKR", text="Ukraine")])
    assert not police_assistance("MOBILIZE", [hun], [Actor(country="HUN", text="Mađarske")])


@pytest.mark.parametrize("lang, text, word", [
    ("sr", "Svaka podrška i pomoć MUP-u Srbije jeste ulaganje u bezbednost Evrope.", "podrška"),
    ("sr", "Свака подршка и помоћ МУП-у Србије јесте и велико улагање у безбедност читаве Европе.", "подршка"),
    ("ru", "Любая поддержка Сербии важна для безопасности Европы.", "поддержка"),
    ("en", "Any support for Serbia is an investment in the security of Europe.", "support"),
])
def test_any_or_every_act_is_no_act(lang, text, word):
    assert not any(word in words.split() for _, words in triggers_of(text, lang))


def test_thanks_said_in_a_quote_come_from_its_speaker_and_what_they_are_for_from_the_thanked():
    from accord.doc import Quote
    from tests.stages.test_events import dyads, make

    text = "- Hvala predsedniku Srbije Aleksandru Vučiću na podršci - napisao je Dodik."
    quote = Quote(text=text[2:text.index(" - napisao")], start=2, end=text.index(" - napisao"),
                  speaker="per:dodik", speaker_text="Dodik")
    doc = make(text, "sr", [("Dodik", "per:dodik", "PER", "BIH"), ("Srbije", "country:srb", "LOC", "SRB")], quotes=[quote])
    assert ("SUPPORT", ("BIH",), ("SRB",)) in dyads(doc)  # Dodik thanks
    assert ("SUPPORT", ("SRB",), ("BIH",)) in dyads(doc)  # Vučić supported him
