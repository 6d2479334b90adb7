"""Serbian names tied to another name of the same body in the article (lang/sr/apposition.py)."""
import re

import pytest

from accord.doc import Article, Span
from accord.stages import entities, parse, sentences


def _mentions(text: str):
    doc = Article(text=text, source="test", lang="sr", script="Latn")
    doc.body = [Span(start=m.start(), end=m.end()) for m in re.finditer(r"[^\n]*\S[^\n]*", text)]
    sentences.run(doc)
    parse.run(doc)
    entities.run(doc)
    return doc.mentions


@pytest.mark.parametrize("text,name", [
    ("Kamere nadziru granicu, javlja novinska agencija MTI, a prenosi Tanjug.", "MTI"),
    ("Akcija je nastavak suzbijanja delovanja hrvatske obaveštajno-bezbednosne službe SOA, piše list.", "SOA"),
])
def test_known_abbreviation_after_a_common_noun_is_the_body(text, name):
    found = [m for m in _mentions(text) if m.text == name]
    assert found and found[0].type == "ORG" and found[0].candidates
