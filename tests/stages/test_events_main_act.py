"""The act a sentence reports ranks before an act it names in a background clause (events.main_act)."""
from __future__ import annotations

import pytest

from accord.pipeline import extract_text


def top_type(text: str, lang: str = "en") -> str | None:
    evs = sorted(extract_text(text, source="t.txt", lang=lang).events, key=lambda e: -e.confidence)
    return evs[0].type if evs else None


@pytest.mark.parametrize("text, main", [
    ("Ecuador has granted political asylum to three Bolivian officers who fled after last year's invasion of "
     "their capital by Chilean forces, the foreign ministry said on Monday.", "AID"),
    ("Greek authorities imposed a curfew in the port of Patras after a demonstration against the new "
     "tax law, police sources said.", "COERCE"),
])
def test_the_reported_act_outranks_a_background_clause(text, main):
    assert top_type(text) == main


def test_an_infinitive_of_purpose_is_not_background():
    from accord.events.main_act import in_background
    from accord.analysis import sentence_tokens
    from accord.doc import Article
    from accord.pipeline import process

    doc = Article(text="Sweden sent twenty experts to Kosovo to investigate the killings.", source="t.txt", lang="en")
    process(doc, ("clean", "sentences", "parse"))
    toks = sentence_tokens(doc, doc.sentences)[0]
    word = {t.low: t for t in toks}
    if not word["investigate"].dep:
        pytest.skip("no English parser")
    assert in_background(word["investigate"], toks) is False
    assert in_background(word["killings"], toks) is False  # the object of the purpose, not a background clause
