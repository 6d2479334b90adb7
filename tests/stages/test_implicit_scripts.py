"""Implicit subjects read Serbian in either script alike: tokens carry their Latin form (Token.low),
so the Latin lists (verb_gender.tsv endings, pronouns.tsv, event_roles.tsv object pronouns and
auxiliaries) match Cyrillic text too. Each sentence and its Cyrillic twin give the same events."""
from __future__ import annotations

import pytest

from accord.doc import Article
from accord.pipeline import STAGES, process
from accord.translit import sr_to_cyrillic

LATIN = [
    # a subjectless feminine participle ("Pohvalila je"): the woman named before
    "Predsednica Ana Brnabić sastala se sa Olafom Šolcom u Berlinu. Pohvalila je Nemačku zbog podrške.",
    # a subjectless masculine participle
    "Dačić se sastao sa Lavrovom u Moskvi. Optužio je Vašington za pritisak na male zemlje.",
    # an object pronoun ("ga"): the man named before receives
    "Vučić je razgovarao sa Makronom u Parizu. Američka strana ga optužuje za mešanje u izbore.",
    # a feminine subject pronoun skips the man
    "Ministarka Nensi Fezer razgovarala je sa Ivicom Dačićem u Beogradu. Ona je optužila Moskvu za sajber napade.",
]


def events(text: str, script: str):
    doc = process(Article(text=text, source="t.txt", lang="sr", script=script), [s for s in STAGES if s != "language"])
    return sorted((e.type, tuple((a.entity, a.country) for a in e.sources), tuple((a.entity, a.country) for a in e.targets))
                  for e in doc.events)


@pytest.mark.parametrize("latin", LATIN)
def test_an_implicit_subject_is_the_same_in_cyrillic_and_latin(latin):
    cyrillic = sr_to_cyrillic(latin)
    assert cyrillic != latin
    found = events(latin, "Latn")
    assert any(a for _, srcs, tgts in found for a in srcs + tgts)  # it codes something
    assert events(cyrillic, "Cyrl") == found
