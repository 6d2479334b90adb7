"""Voice: a passive clause's grammatical subject is the side acted upon; only an agent names the actor.

"будут высланы", "will be expelled", "biće proterane": the countries that word order would have made
the expellers are the expelled; "by Serbia", a bare instrumental ("пограничниками Белоруссии") or
"od strane" names who acts. Deploying moves the actor's own forces, so "police were deployed" names
the deployer. An indefinite-personal clause ("В российском МИД отвергли", a plural verb with no
subject) says what the body in its locative did.
"""
from __future__ import annotations

from tests.stages.test_events import dyads, make

FRANCE, GERMANY, UKRAINE = (("Франция", "country:fra", "LOC", "FRA"), ("Германия", "country:deu", "LOC", "DEU"),
                            ("Украина", "country:ukr", "LOC", "UKR"))


def sources_of(doc) -> set:
    return {a.country for e in doc.events for a in e.sources}


def test_ru_the_countries_whose_envoys_will_be_expelled_expel_no_one(monkeypatch):
    from accord.events import calibration

    monkeypatch.setattr(calibration, "model", lambda: None)  # the coded sides, before the model drops one-sided events
    doc = make("В числе стран, руководители дипмиссий которых будут высланы, Франция, Германия и Украина.", "ru",
               [FRANCE, GERMANY, UKRAINE])
    assert doc.events and not sources_of(doc) & {"FRA", "DEU", "UKR"}
    assert {a.country for e in doc.events for a in e.targets} >= {"FRA"}


def test_ru_a_bare_instrumental_names_who_detained():
    doc = make("Граждане Литвы были задержаны пограничниками Белоруссии.", "ru",
               [("Литвы", "country:ltu", "LOC", "LTU"), ("Белоруссии", "country:blr", "LOC", "BLR")])
    assert ("COERCE", ("BLR",), ("LTU",)) in dyads(doc)


def test_en_the_passive_subject_is_acted_upon_and_by_names_the_actor():
    hrv, srb = ("Croatian", "country:hrv", "LOC", "HRV"), ("Serbia", "country:srb", "LOC", "SRB")
    doc = make("Two Croatian diplomats will be expelled, the ministry said.", "en", [hrv])
    assert "HRV" not in sources_of(doc) and any(a.country == "HRV" for e in doc.events for a in e.targets)
    doc = make("Two Croatian diplomats were expelled by Serbia on Monday.", "en", [hrv, srb])
    assert ("SANCTION", ("SRB",), ("HRV",)) in dyads(doc)


def test_en_deployed_police_are_the_deploying_state():
    doc = make("Hungarian police officers were deployed to Serbia.", "en",
               [("Hungarian", "country:hun", "LOC", "HUN"), ("Serbia", "country:srb", "LOC", "SRB")])
    assert ("MOBILIZE", ("HUN",), ("SRB",)) in dyads(doc)


def test_sr_without_a_parse_a_participle_with_biti_is_passive():
    hrv = ("Hrvatske", "country:hrv", "LOC", "HRV")
    doc = make("Hrvatske diplomate biće proterane iz Srbije.", "sr", [hrv, ("Srbije", "country:srb", "LOC", "SRB")])
    assert doc.events and "HRV" not in sources_of(doc)
    doc = make("Dvojica državljana Hrvatske su uhapšena u Beogradu.", "sr", [hrv, ("Beogradu", "city:bg", "LOC", "SRB")])
    assert doc.events and "HRV" not in sources_of(doc)
    assert any(a.country == "HRV" for e in doc.events for a in e.targets)


def test_ru_the_ministry_in_an_impersonal_clause_is_the_one_who_rejects():
    doc = make("В российском МИД, в свою очередь, отвергли бездоказательные обвинения Берлина.", "ru",
               [("российском МИД", "org:mid-rus", "ORG", "RUS"), ("Берлина", "city:berlin", "LOC", "DEU")])
    assert ("REJECT", ("RUS",), ("DEU",)) in dyads(doc)
