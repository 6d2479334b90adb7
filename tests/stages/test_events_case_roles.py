"""Source and target read from grammatical case rather than word order in Serbian (Latin and
Cyrillic; Croatian inherits): a bare dative receives whatever its place in the sentence, the nominative
subject acts ahead of a place named with "u", and "od" + genitive after a receiving verb names the giver."""
from __future__ import annotations

import pytest

from accord.doc import Article
from accord.pipeline import STAGES, process


def dyads(text: str, lang: str, etype: str) -> set[tuple[tuple, tuple]]:
    script = "Cyrl" if any("а" <= c <= "я" for c in text.lower()) else "Latn"
    doc = process(Article(text=text, source="t.txt", lang=lang, script=script), [s for s in STAGES if s != "language"])
    return {(tuple(a.country for a in e.sources), tuple(a.country for a in e.targets))
            for e in doc.events if e.type == etype}


@pytest.mark.parametrize("text,lang,etype,expect", [
    # a dative before the verb is the recipient, not the subject word order would make it
    ("Japan je Srbiji donirao opremu za kontrolu granice vrednu dva miliona evra.", "sr", "AID", (("JPN",), ("SRB",))),
    ("Јапан је Србији донирао опрему за контролу границе вредну два милиона евра.", "sr", "AID", (("JPN",), ("SRB",))),
    ("Srbiji je Japan donirao vozila hitne pomoći za bolnice na jugu zemlje.", "sr", "AID", (("JPN",), ("SRB",))),
    ("Japan je Hrvatskoj donirao opremu za nadzor granice.", "hr", "AID", (("JPN",), ("HRV",))),
    ("Ambasador SAD uručio je Srbiji donaciju američke vlade.", "sr", "AID", (("USA",), ("SRB",))),
    # the nominative subject acts, not the country a location word names inside its phrase
    ("Misija OEBS-a u Srbiji donirala je Ministarstvu unutrašnjih poslova Srbije opremu za forenziku.", "sr", "AID",
     (("OSCE",), ("SRB",))),
    # "od" + genitive after a receiving verb is the giver
    ("Srbija je od Evropske unije dobila 20 miliona evra pomoći za upravljanje migracijama.", "sr", "AID",
     (("EU",), ("SRB",))),
    ("Србија је од Европске уније добила 20 милиона евра помоћи за управљање миграцијама.", "sr", "AID",
     (("EU",), ("SRB",))),
    # ... and after a request the one asked
    ("Srbija je od Ujedinjenih Arapskih Emirata zatražila izručenje organizatora krijumčarenja.", "sr", "REQUEST",
     (("SRB",), ("ARE",))),
])
def test_case_says_who_gives_and_who_receives(text, lang, etype, expect):
    assert expect in dyads(text, lang, etype)


def test_a_dative_and_a_nominative_side_by_side_are_two_parties():
    found = dyads("Ruskoj Federaciji Srbija je izručila državljanina Ukrajine osumnjičenog za prevaru.", "sr", "COOPERATE")
    assert not any("RUS" in s for s, _ in found)  # the dative receives, it does not extradite


def test_coordinated_datives_are_one_recipient_side():
    found = dyads("Policija Mađarske je zato ponudila pomoć Srbiji i S. Makedoniji u zaštiti granice.", "sr", "AID")
    assert {c for s, t in found for c in t} >= {"SRB", "MKD"}
    assert all(s == ("HUN",) for s, _ in found)


def test_an_accusative_object_is_no_dative_but_still_the_target():
    assert (("HUN",), ("SRB",)) in dyads("Mađarska je poslala policajce u Srbiju da pomognu u čuvanju granice.", "sr", "AID")
