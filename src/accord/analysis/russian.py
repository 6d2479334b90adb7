"""Russian: natasha segmentation, morphology, syntax and contextual lemmas for each sentence.

Each sentence is segmented on its own (natasha may cut it further), then the morphology tagger
and the syntax parser each run ONCE over all the article's sentences, so slovnet gets full
batches instead of one tiny batch per sentence. slovnet masks padding, so a sentence's tags do
not depend on its batch. Lemmas depend only on (word, pos, feats) and are cached per process.
"""
from __future__ import annotations

from functools import lru_cache

from ..doc import Sentence
from ..models import natasha
from . import Tok


@lru_cache(maxsize=100_000)
def _lemma(text: str, pos: str | None, feats: tuple) -> str | None:
    return natasha()["morph_vocab"].lemmatize(text, pos, dict(feats))


def lemma(text: str, pos: str | None, feats: dict | None) -> str | None:
    return _lemma(text, pos, tuple(sorted((feats or {}).items())))


def segmented(texts: list[str]):
    """natasha Docs of the texts, segmented, with morphology and syntax (one batch for all)."""
    from natasha import Doc
    from natasha.doc import inject_morph, inject_syntax, offset_syntax

    nat = natasha()
    docs = []
    for text in texts:
        d = Doc(text)
        d.segment(nat["segmenter"])
        docs.append(d)
    sents = [sent for d in docs for sent in d.sents]
    words = [[t.text for t in sent.tokens] for sent in sents]
    for sent, markup in zip(sents, nat["morph"].map(words)):
        inject_morph(sent.tokens, markup.tokens)
    syntax = iter(nat["syntax"].map(words))
    for d in docs:
        for sent_id, sent in enumerate(d.sents, 1):
            inject_syntax(sent.tokens, next(syntax).tokens)
            offset_syntax(sent_id, sent.tokens)
    return docs


def tokens(sentences: list[Sentence]) -> list[list[Tok]]:
    out = []
    for s, d in zip(sentences, segmented([s.text for s in sentences])):
        ids = {t.id: k for k, t in enumerate(d.tokens)}
        toks = []
        for k, t in enumerate(d.tokens):
            t.lemma = lemma(t.text, t.pos, t.feats)
            lem = (t.lemma or t.text).lower().replace("ё", "е")
            toks.append(Tok(k, s.start + t.start, s.start + t.stop, t.text, t.text.lower().replace("ё", "е"), lem,
                            t.pos or "", (t.rel or "").lower(), ids.get(t.head_id, -1)))
        out.append(toks)
    return out
