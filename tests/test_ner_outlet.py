"""The outlet credited in the dateline or byline as a mention (accord/ner/outlet.py)."""
import re

from accord.doc import Article, Span
from accord.stages import entities, linking, sentences


def _doc(text: str, body_from: int, outlet: str, lang: str = "en") -> Article:
    doc = Article(text=text, source="t.txt", lang=lang, outlet=outlet)
    doc.body = [Span(start=m.start() + body_from, end=m.end() + body_from)
                for m in re.finditer(r"[^\n]*\S[^\n]*", text[body_from:])]
    sentences.run(doc)
    entities.run(doc)
    linking.run(doc)
    return doc


def test_an_outlet_credited_outside_the_body_is_a_mention_of_the_kb_body():
    head = "Mekong patrol ends\n\nPrint E-mail Xinhua, June 24, 2016\n\n"
    doc = _doc(head + "Patrol ships returned to port in southwest China on Friday afternoon.", len(head), "Xinhua")
    xinhua = [e for e in doc.entities if any(m.text == "Xinhua" for m in e.mentions)]
    assert xinhua and xinhua[0].kb and xinhua[0].country == "CHN"


def test_an_outlet_guess_the_kb_does_not_know_adds_nothing():
    head = "Четвртак\n\n"
    doc = _doc(head + "Министар је данас био у Москви.", len(head), "Четвртак", lang="sr")
    assert not any(m.text == "Четвртак" for e in doc.entities for m in e.mentions)
