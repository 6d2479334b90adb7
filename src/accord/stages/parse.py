"""Stage 'parse': the shared linguistic analysis of the article (accord.analysis).

Why: several stages need the same analysis of the same sentences (tokens, lemmas, parts of
speech, dependencies). Running each language's backend (natasha, spaCy, lemmagen3) once per
article, over all its sentences in one batch, instead of once per sentence in every stage that
needs it, is most of the pipeline's speed. The result lives on `Article.analysis` only while
the pipeline runs (pipeline.process clears it).
"""
from __future__ import annotations

from .. import analysis
from ..doc import Article
from ..pipeline.registry import Component

COMPONENT = Component("parse", requires=("text", "body", "lang", "sentences"),
                      assigns=("analysis.tokens", "analysis.ner"))


@COMPONENT.runs
def run(doc: Article) -> None:
    doc.analysis = analysis.analyse_article(doc)
