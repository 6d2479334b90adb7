"""Stage 'entities': named-entity mentions (PER, ORG, LOC) with offsets and normal forms.

Why: every later step (identity, quotes' speakers, event actors) starts from names found in
the body. Each language has the best recogniser that ships its weights (natasha for Russian,
spaCy en_core_web_sm for English, rules + lemmagen3 for Serbian, which has no offline model),
and every language's mentions are merged with knowledge-base gazetteer matches, which know the
long official names and abbreviations models cut or miss. Only text inside `body` is read.
"""
from __future__ import annotations

from ..doc import Article, Mention
from ..ner import english, institutions, russian, serbian, spans, sports

REQUIRES = ("body", "lang", "sentences")
ASSIGNS = ("mentions",)


def _gaz_default(doc: Article) -> list[Mention]:
    return spans.gazetteer(doc, doc.lang)


def _serbian(doc: Article, gaz: list[Mention]) -> list[Mention]:
    return serbian.recognise(doc, gaz)


def _russian(doc: Article, gaz: list[Mention]) -> list[Mention]:
    return russian.recognise(doc)


def _english(doc: Article, gaz: list[Mention]) -> list[Mention]:
    return english.recognise(doc)


# language -> (recogniser, gazetteer matcher, retype of a split remainder)
RECOGNISERS = {
    "ru": (_russian, _gaz_default, russian.retype),
    "en": (_english, _gaz_default, english.retype),
    "sr": (_serbian, serbian.gazetteer, serbian.retype),
}
# languages that name an institution's country by a genitive after it ("Конгресса США")
GENITIVE_COUNTRY = ("ru", "sr")
# language -> (word features, nominative) for institution names around a head noun
INSTITUTIONS = {
    "ru": (russian.features, russian.nominative),
    "sr": (serbian.features, serbian.nominative),
}
# languages with sports lists (lang/<code>/sports_*.txt) -> how a person's name looks there
SPORTS = {"en": english.looks_like_person}
# language -> a pass over the names once institution phrases are built (ru: their abbreviations)
AFTER_INSTITUTIONS = {"ru": russian.abbreviations}
# close relatives read with the same recogniser (a Serbian text mislabelled hr/bs keeps its names)
ALIASES = {"hr": "sr", "bs": "sr", "sh": "sr", "cnr": "sr", "uk": "ru", "be": "ru"}


def run(doc: Article) -> None:
    lang = ALIASES.get(doc.lang, doc.lang)
    recognise, gazetteer, retype = RECOGNISERS.get(lang, (None, _gaz_default, None))
    gaz = gazetteer(doc) if lang in RECOGNISERS else spans.gazetteer(doc, lang)
    model = recognise(doc, gaz) if recognise is not None else []
    merged = spans.merge(spans.split_abbreviation(model, doc.text), gaz, doc.text, retype)
    if lang in INSTITUTIONS:
        merged = institutions.apply(doc, merged, lang, *INSTITUTIONS[lang])
    if lang in AFTER_INSTITUTIONS:
        merged = AFTER_INSTITUTIONS[lang](doc, merged)
    if lang in GENITIVE_COUNTRY:
        merged = spans.join_country_genitive(merged, doc.text, lang)
    merged = spans.harmonise_persons(merged)
    if lang in SPORTS:
        merged = sports.apply(doc, merged, lang, SPORTS[lang])
    doc.mentions = [m for m in merged if doc.in_body(m.start, m.end) and doc.text[m.start:m.end] == m.text]
