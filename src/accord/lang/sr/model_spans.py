"""The shipped statistical model's proposals over an article: (start, end, label) spans.

Why a pass of its own: the model (ner_model/, read through ner_model_loader) finds the names the
rules cannot know (a foreign surname without a title, an organisation without a head noun), and
it reads a whole body line at once (nlp.pipe over the lines, batched), once per article, in the
parse stage (accord.lang.sr.analyser.article puts the spans on `analysis.extra["ner"]`), like
natasha for Russian and spaCy for English. Lines, not sentences, as the combination was chosen
on (a headline or a results line is read on its own). The shipped model was trained on single
UNER sentences, and on 20-sentence texts it scores lower (sr dev 0.850 -> 0.819: a capitalised
sentence opening read as a name), which accord.lang.sr.combination repairs for words the
article also writes in lower case; a model retrained on running text scored lower in the
combination (wt-nersrtrain6, issue 16) and was not shipped. Labels are PER, ORG, LOC and OTH (UNER's other names: nationality nouns, events),
which the combination reads as "a name, but no actor" (accord.lang.sr.combination).
"""
from __future__ import annotations

from ...doc import Article
from ...ner.spans import body_lines

LABELS = ("PER", "ORG", "LOC", "OTH")

Spans = list[tuple[int, int, str]]


def model_spans(doc: Article) -> Spans:
    """The model's spans over the body lines of `doc`, in the article's offsets (the model is
    loaded on first use, once per process)."""
    from .ner_model_loader import recognise_many

    lines = body_lines(doc)
    if not lines:
        return []
    out: Spans = []
    for (start, _), spans in zip(lines, recognise_many([doc.text[s:e] for s, e in lines], labels=LABELS)):
        out.extend((start + a, start + b, label) for a, b, label in spans)
    return out


def of(doc: Article) -> Spans:
    """The spans the parse stage left on the article, or computed now (a stage run on its own)."""
    from ...analysis import shared_extra

    shared = shared_extra(doc, "ner")
    return shared if shared is not None else model_spans(doc)
