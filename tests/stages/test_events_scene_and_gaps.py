"""Events whose parties the words around the trigger give indirectly (issue 20, recall): an arrest
with no agent named is the act of the state whose ground it happens on; the names inside a gapped
trigger ("pozvao me Vučić da mi saopšti") are its parties; a session of an assembly and joint
activities are acts of their own. Text written for these tests, in the manner of agency copy."""
from __future__ import annotations

from accord.doc import Article
from accord.pipeline import STAGES, process


def run(text: str, lang: str = "en") -> Article:
    script = "Cyrl" if any("а" <= c <= "я" for c in text.lower()) else "Latn"
    doc = Article(text=text, source="t.txt", lang=lang, script=script)
    return process(doc, [s for s in STAGES if s != "language"])


def dyads(doc: Article) -> set[tuple[str, str, str]]:
    return {(e.type, ",".join(sorted(a.country or "-" for a in e.sources)), ",".join(sorted(a.country or "-" for a in e.targets)))
            for e in doc.events}


def test_an_arrest_with_no_agent_is_the_act_of_the_state_of_its_scene():
    doc = run("В Москве задержали эстонского разведчика.", "ru")
    assert ("COERCE", "RUS", "EST") in dyads(doc), dyads(doc)


def test_a_domestic_arrest_takes_no_second_party_from_its_scene():
    doc = run("В Москве задержали российского чиновника.", "ru")
    assert not any(e.type == "COERCE" and e.sources and e.targets for e in doc.events), dyads(doc)


def test_names_inside_a_gapped_trigger_are_its_parties():
    doc = run("- Upravo me pozvao predsednik Aleksandar Vučić da mi saopšti dobre vesti - rekao je Milorad Dodik, "
              "predsednik Republike Srpske.", "sr")
    found = {(t, s, g) for t, s, g in dyads(doc) if t == "CONSULT"}
    assert any("SRB" in s + g and "BIH" in s + g for _, s, g in found), dyads(doc)


def test_joint_activities_are_cooperation():
    doc = run("Generali su razgovarali o realizaciji zajedničkih aktivnosti Vojske Srbije i Oružanih snaga Mađarske.", "sr")
    assert any(t == "COOPERATE" and "SRB" in s + g and "HUN" in s + g for t, s, g in dyads(doc)), dyads(doc)


def test_espionage_named_as_the_reason_is_an_accusation():
    doc = run("Pripadnici BIA danas su u Nišu uhapsili više osoba zbog sumnje na špijunažu.", "sr")
    assert any(e.type == "ACCUSE" and "SRB" in {a.country for a in e.sources} for e in doc.events), dyads(doc)


def test_espionage_as_the_charge_of_an_accusation_is_no_act_of_its_own():
    doc = run("Belarus said it had detained a Polish diplomat, accusing him of espionage and trying to steal "
              "the ex-Soviet state's military secrets.", "en")
    accusations = [e for e in doc.events if e.type == "ACCUSE"]
    assert len(accusations) == 1 and {a.country for a in accusations[0].sources} == {"BLR"}, dyads(doc)


def test_a_joint_acts_genitive_pair_are_its_parties_not_a_place_named_before():
    doc = run("Generali su razgovarali o stanju bezbednosti u Kosovu, kao i o realizaciji zajedničkih aktivnosti "
              "Vojske Srbije i Oružanih snaga Mađarske.", "sr")
    joint = [e for e in doc.events if e.type == "COOPERATE"]
    assert joint and all({a.country for a in e.sources + e.targets} == {"SRB", "HUN"} for e in joint), dyads(doc)
