"""Event actors read from the parse (accord.events.parse_roles): where two names hang below the
trigger's verb as recipients, the verb's direct object is the one acted on, not a name in an
oblique phrase beside it (the channel the speaker spoke on); a 'by' agent hanging on another word
(a visit by someone) does not act in the trigger; whoever reports the act from the clause above
it ('..., the agency reported') is not its recipient; an act in a relative clause takes no side of
the main clause around it. Whole pipeline, real-looking sentences."""
from __future__ import annotations

from test_events_actors import coded, run


def test_russian_thanks_go_to_the_object_not_the_channel_spoken_on():
    doc = run("Дачич, выступая позднее в эфире телеканала «Россия 1», поблагодарил Москву за поддержку.", "ru")
    assert coded(doc, "SUPPORT") >= {(("SRB",), ("RUS",))}
    thanks = [e for e in doc.events if e.type == "SUPPORT" and e.trigger and e.trigger.text == "поблагодарил"]
    assert thanks and all(a.text == "Москву" for e in thanks for a in e.targets)


def test_english_direct_object_is_still_the_recipient():
    doc = run("Serbian Interior Minister Bratislav Gasic thanked the Spanish police and said the results "
              "proved that Serbian officers could work with European services.", "en")
    assert (("SRB",), ("ESP",)) in coded(doc, "SUPPORT")


def test_agent_of_another_noun_does_not_take_the_act():
    doc = run("Pakistan today threatened to break off diplomatic relations with Congo and Costa Rica over "
              "their ties with Israel on the eve of a visit here by Palestine Liberation Organization "
              "Chairman Yasser Arafat.", "en")
    threats = coded(doc, "THREATEN")
    assert threats and all(src == ("PAK",) for src, _ in threats)


def test_passive_agent_of_the_trigger_still_acts():
    doc = run("A temporary camp for refugees was attacked by Burundian militiamen armed with machetes, "
              "killing at least 156 people.", "en")
    assert any(src == ("BDI",) for src, _ in coded(doc, "ASSAULT"))


def test_reporting_body_is_not_the_recipient():
    doc = run("A temporary camp for refugees was attacked by Burundian militiamen armed with machetes, "
              "killing at least 156 people, the UN refugee agency reported.", "en")
    attacks = coded(doc, "ASSAULT")
    assert attacks and all("UN" not in tgt for _, tgt in attacks)


def test_reporter_leaves_the_rest_of_its_side():
    doc = run("France is ready to contribute up to 4,000 troops to an international peace-keeping force "
              "in Liberia, Defence Minister Pierre Joxe said on Monday.", "en")
    assert any(src == ("FRA",) and "LBR" in tgt for src, tgt in coded(doc, "AGREE"))


def test_act_in_a_relative_clause_takes_no_side_of_the_main_clause():
    doc = run("Офис генпрокурора Украины обратился в Генеральную прокуратуру Республики Беларусь с запросами "
              "о временном аресте лиц, которые 29 июля были задержаны правоохранительными органами этого "
              "государства.", "ru")
    assert (("UKR",), ("BLR",)) in coded(doc, "REQUEST")
    assert (("BLR",), ("UKR",)) not in coded(doc, "COERCE")  # the Belarusian prosecutors arrested no Ukrainian office


def test_relative_clause_keeps_the_noun_it_describes():
    doc = run("The Polish Foreign Ministry summoned the ambassador of Russia, which had expelled two Polish "
              "diplomats a week earlier.", "en")
    assert (("RUS",), ("POL",)) in coded(doc, "SANCTION")
