"""Operations run or coordinated by an international organisation (Europol, Frontex, CSTO): the
states taking part cooperate (COOPERATE), told as a joint action or as taking part in an
operation or exercise, in English, Russian and Serbian (both scripts)."""
from __future__ import annotations

import pytest

from accord.doc import Article
from accord.pipeline import STAGES, process


def run(text: str, lang: str) -> Article:
    script = "Cyrl" if any("а" <= c <= "я" for c in text.lower()) else "Latn"
    doc = Article(text=text, source="t.txt", lang=lang, script=script)
    return process(doc, [s for s in STAGES if s != "language"])


@pytest.mark.parametrize("text,lang,country", [
    ("Zajedničkim delovanjem dvadeset zemalja, među kojima je i Srbija, u akciji koju je koordinirao "
     "Evropol uhapšeno je 90 osoba osumnjičenih za krijumčarenje droge.", "sr", "SRB"),
    ("Hrvatska policija sudjelovala je u međunarodnoj operaciji protiv krijumčara migranata koju je vodio Frontex.",
     "hr", "HRV"),
    ("Police officers from Poland took part in the joint operation against human smugglers led by Europol.",
     "en", "POL"),
    ("Подразделения Казахстана приняли участие в антитеррористических учениях ОДКБ.", "ru", "KAZ"),
])
def test_taking_part_in_an_organisations_operation_is_cooperation(text, lang, country):
    doc = run(text, lang)
    assert any(e.type == "COOPERATE" and country in {a.country for a in e.sources + e.targets} for e in doc.events), \
        [(e.type, e.source.country, e.target.country) for e in doc.events]
