"""Stage 'entities': named-entity mentions (PER, ORG, LOC) with offsets and normal forms.

Why: every later step (identity, quotes' speakers, event actors) starts from names found in
the body. Each language has the best recogniser that ships its weights (natasha for Russian,
spaCy en_core_web_sm for English, accord's own UNER-trained spaCy model + rules for Serbian),
and every language's mentions are merged with knowledge-base gazetteer matches, which know the
long official names and abbreviations models cut or miss. Only text inside `body` is read,
but for the outlet the clean stage found in the credit line (accord.ner.outlet).
"""
from __future__ import annotations

from ..doc import Article
from ..lang import get as language
from ..ner import institutions, outlet, spans, sports
from ..pipeline.registry import Component

COMPONENT = Component("entities", requires=("text", "body", "lang", "sentences", "analysis.ner", "outlet"), assigns=("mentions",))


@COMPONENT.runs
def run(doc: Article) -> None:
    """The language's recogniser (`lang/<code>/recogniser.py`, a variant's family's) proposes,
    the KB gazetteer adds what it knows, and the generic passes build institution names around
    their head nouns, join a genitive country to its owner (inflected languages), harmonise
    persons and read sports copy; each optional pass runs where the recogniser module offers
    its hook (`features`/`nominative`, `after_institutions`, `sports_person`). A language with
    no folder gets no mentions (its record says it is unsupported)."""
    lang = language(doc.lang)
    rec = lang.recogniser_module() if lang is not None else None
    if rec is None:
        doc.mentions = []
        return
    gazetteer = getattr(rec, "gazetteer", None)
    gaz = gazetteer(doc) if gazetteer is not None else spans.gazetteer(doc, doc.lang)
    model = rec.recognise(doc, gaz)
    merged = spans.merge(spans.split_abbreviation(model, doc.text), gaz, doc.text, rec.retype)
    if hasattr(rec, "features"):
        merged = institutions.apply(doc, merged, lang.family, rec.features, rec.nominative)
    if hasattr(rec, "after_institutions"):
        merged = rec.after_institutions(doc, merged)
    if lang.inflected:
        merged = spans.join_country_genitive(merged, doc.text, lang.family)
    merged = spans.harmonise_persons(merged, doc.text, doc.lang)
    if hasattr(rec, "sports_person"):
        merged = sports.apply(doc, merged, lang.family, rec.sports_person)
    doc.mentions = [m for m in merged if doc.in_body(m.start, m.end) and doc.text[m.start:m.end] == m.text]
    doc.mentions = outlet.outlet_mention(doc, doc.mentions)  # the credited outlet, in or out of the body
