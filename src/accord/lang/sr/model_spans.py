"""The shipped statistical model's proposals over an article: (start, end, label) spans.

Why a pass of its own: the model (ner_model/, read through ner_model_loader) finds the names the
rules cannot know (a foreign surname without a title, an organisation without a head noun), and
it reads the article once (nlp.pipe, batched), in the parse stage
(accord.lang.sr.analyser.article puts the spans on `analysis.extra["ner"]`), like natasha for
Russian and spaCy for English.

Why sentences, not lines: the model was trained on single UNER sentences, and on running text it
reads a capitalised sentence opener as a name ('Минску. Наша сарадња' as one PER, 'Krijumčari',
'Vulina' as LOC). Measured on UNER dev as running text (20 consecutive sentences of a document
joined by a space), model alone: the whole text sr 0.819 / hr 0.761 span F1, the same text cut
by accord's sentence splitter (accord.stages.sentences) sr 0.842 / hr 0.779, the gold sentences
sr 0.850 / hr 0.784. So each sentence of a body line is read on its own (a headline or a
results line stays one unit: sentences never cross a line). On the Serbian dev news the model's
spans change in 16 of ~750, nearly all dropped opener errors; the combination had already
repaired them (accord.lang.sr.combination), so the records did not change. Labels are PER, ORG,
LOC and OTH (UNER's other names: nationality nouns, events), which the combination reads as "a
name, but no actor" (accord.lang.sr.combination).
"""
from __future__ import annotations

from ...doc import Article
from ...ner.spans import body_lines

LABELS = ("PER", "ORG", "LOC", "OTH")

Spans = list[tuple[int, int, str]]


def units(doc: Article) -> list[tuple[int, int]]:
    """The pieces of text the model reads: the sentences that lie inside a body line, or the
    body lines themselves where the article has no sentences yet (a stage run on its own)."""
    lines = body_lines(doc)
    if not doc.sentences:
        return lines
    out, k = [], 0
    for s in sorted(doc.sentences, key=lambda x: x.start):
        while k < len(lines) and lines[k][1] <= s.start:
            k += 1
        if k < len(lines) and lines[k][0] <= s.start and s.end <= lines[k][1]:
            out.append((s.start, s.end))
    return out


def model_spans(doc: Article) -> Spans:
    """The model's spans over the body sentences of `doc`, in the article's offsets (the model
    is loaded on first use, once per process)."""
    from .ner_model_loader import recognise_many

    pieces = units(doc)
    if not pieces:
        return []
    out: Spans = []
    for (start, _), spans in zip(pieces, recognise_many([doc.text[s:e] for s, e in pieces], labels=LABELS)):
        out.extend((start + a, start + b, label) for a, b, label in spans)
    return out


def of(doc: Article) -> Spans:
    """The spans the parse stage left on the article, or computed now (a stage run on its own)."""
    from ...analysis import shared_extra

    shared = shared_extra(doc, "ner")
    return shared if shared is not None else model_spans(doc)
