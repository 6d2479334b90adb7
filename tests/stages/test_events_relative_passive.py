"""A relative clause's pronoun stands for the noun it describes under the clause's verb: a passive
relative ("Vucic, who was praised by Putin", "Вучич, который был поддержан Путиным") makes that noun
the side acted upon and the agent the actor; an active one ("Putin, who praised Vucic") the actor."""
from __future__ import annotations

import pytest

from accord.doc import Article
from accord.pipeline import STAGES, process


def coded(text: str, lang: str, etype: str) -> set[tuple[tuple, tuple]]:
    script = "Cyrl" if any("а" <= c <= "я" for c in text.lower()) else "Latn"
    doc = process(Article(text=text, source="t.txt", lang=lang, script=script), [s for s in STAGES if s != "language"])
    return {(tuple(a.country for a in e.sources), tuple(a.country for a in e.targets)) for e in doc.events if e.type == etype}


@pytest.mark.parametrize("text,lang,etype,pair", [
    ("Vucic, who was praised by Putin for his stance on sanctions, met Chinese President Xi Jinping.", "en",
     "SUPPORT", (("RUS",), ("SRB",))),
    ("Serbia, which was criticized by the European Union for its stance on Russia, signed a deal with China.", "en",
     "ACCUSE", (("EU",), ("SRB",))),
    ("Вучич, который был поддержан Путиным в вопросе Косово, встретился с Си Цзиньпином.", "ru",
     "SUPPORT", (("RUS",), ("SRB",))),
    ("Putin, who praised Vucic for his stance on sanctions, met Chinese President Xi Jinping.", "en",
     "SUPPORT", (("RUS",), ("SRB",))),
])
def test_the_noun_a_relative_clause_describes_takes_its_pronouns_role(text, lang, etype, pair):
    assert pair in coded(text, lang, etype)


@pytest.mark.parametrize("text,lang,etype,pair", [
    ("Serbian President Aleksandar Vucic was praised by German Chancellor Olaf Scholz for his support.", "en",
     "SUPPORT", (("DEU",), ("SRB",))),
    ("Russia was accused by Ukraine of shelling civilians.", "en", "ACCUSE", (("UKR",), ("RUS",))),
    ("Сербия была раскритикована Европейским союзом за отказ ввести санкции.", "ru", "ACCUSE", (("EU",), ("SRB",))),
    ("Srbija je pohvaljena od strane Evropske unije zbog napretka u reformama.", "sr", "SUPPORT", (("EU",), ("SRB",))),
    ("Србија је похваљена од стране Европске уније због напретка у реформама.", "sr", "SUPPORT", (("EU",), ("SRB",))),
])
def test_a_passive_subject_is_acted_upon_by_its_agent(text, lang, etype, pair):
    assert pair in coded(text, lang, etype)
