"""The shipped statistical NER model for Serbian, Croatian, Bosnian and Montenegrin.

A spaCy 3.8 pipeline (hash-embedding CNN tok2vec + transition-based NER, like spaCy's `sm`
pipelines) trained on UNER Serbian-SET and Croatian-SET (SETimes news, CC BY-SA 4.0; see
ner_model/README.md), rebuilt by scripts/train_ner_sr.py. It was trained on Latin text:
Cyrillic goes through Serbian transliteration (accord.translit.sr_to_latin_aligned) and the
spans come back in the offsets of the original text.

    from accord.lang.sr.ner_model_loader import recognizer
    ner = recognizer()            # loads the model once per process
    ner("Ivica Dačić je doputovao u Beograd.")   # [(0, 11, 'PER'), (27, 34, 'LOC')]

Spans are (start, end, label) character offsets, end exclusive, label PER, ORG or LOC
(the model's OTH, UNER's other names such as nationality nouns, is left out unless asked for).

The pipeline's first component, `accord_sr_lemma` (registered here, before spacy.load), gives
each token its lower-case lemma from lemmagen3's Serbian model (an accord dependency), which
the NER's embeddings read beside the word form: 'Beogradu', 'Beogradom' and 'Beograd' share it.
"""
from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from pathlib import Path

from ...translit import has_cyrillic, sr_to_latin_aligned

MODEL_DIR = Path(__file__).resolve().with_name("ner_model")
LABELS = ("PER", "ORG", "LOC")

Spans = list[tuple[int, int, str]]

_LOCK = threading.Lock()
_MODELS: dict[Path, object] = {}

LEMMA_COMPONENT = "accord_sr_lemma"


# Serbian Latin diacritics as scraped text often drops them (ASCII 'dj' for đ).
_FOLD = str.maketrans({"č": "c", "ć": "c", "đ": "dj", "š": "s", "ž": "z"})


def fold_norm(word: str) -> str:
    """The lower-case form without Serbian diacritics: 'Đinđić' and 'Djindjic' share it."""
    return word.lower().translate(_FOLD)


class SerbianLemmas:
    """Sets token.lemma_ to the lower-case lemmagen3 'sr' lemma of the lower-cased word form
    (the lower-cased form itself for tokens without letters); memoised per word form. With
    fold_norm (a model trained so), token.norm_ becomes the diacritic-free lower-case form, so
    text scraped without diacritics meets the embeddings the trained words have."""

    def __init__(self, fold_norm: bool = False):
        import lemmagen3

        self._lemmatizer = lemmagen3.Lemmatizer("sr")
        self._cache: dict[str, str] = {}
        self.fold_norm = fold_norm

    def lemma(self, word: str) -> str:
        out = self._cache.get(word)
        if out is None:
            low = word.lower()
            out = self._lemmatizer.lemmatize(low).lower() if any(map(str.isalpha, low)) else low
            if len(self._cache) > 200_000:
                self._cache.clear()
            self._cache[word] = out
        return out

    def __call__(self, doc):
        lemma = self.lemma
        for token in doc:
            token.lemma_ = lemma(token.text)
        if self.fold_norm:
            for token in doc:
                token.norm_ = fold_norm(token.text)
        return doc


def register() -> None:
    """Make the lemma component known to spaCy (idempotent); load() calls it."""
    from spacy.language import Language

    if not Language.has_factory(LEMMA_COMPONENT):
        Language.factory(LEMMA_COMPONENT, default_config={"fold_norm": False}, func=_make_lemmas)


def _make_lemmas(nlp, name: str, fold_norm: bool):
    return SerbianLemmas(fold_norm)


def load(path: Path | str | None = None):
    """The spaCy Language of the model (the shipped one by default), loaded once per process."""
    key = Path(path).resolve() if path is not None else MODEL_DIR
    nlp = _MODELS.get(key)
    if nlp is None:
        with _LOCK:
            nlp = _MODELS.get(key)
            if nlp is None:
                import spacy

                register()
                nlp = spacy.load(key)
                _MODELS[key] = nlp
    return nlp


def _spans(doc, labels) -> Spans:
    return [(e.start_char, e.end_char, e.label_) for e in doc.ents if e.label_ in labels]


def _back(spans: Spans, index: list[int]) -> Spans:
    """Latin offsets to the original (Cyrillic) text's: index[i] is the source of Latin char i."""
    return [(index[s], index[e - 1] + 1, label) for s, e, label in spans]


def recognizer(path: Path | str | None = None, labels: Iterable[str] = LABELS) -> Callable[[str], Spans]:
    """A function text -> [(start, end, label)], for Latin or Serbian Cyrillic text."""
    return wrap(load(path), labels)


def wrap(nlp, labels: Iterable[str] = LABELS) -> Callable[[str], Spans]:
    """The same function around a loaded (or just trained) Language."""
    labels = frozenset(labels)

    def recognise(text: str) -> Spans:
        if has_cyrillic(text):
            latin, index = sr_to_latin_aligned(text)
            return _back(_spans(nlp(latin), labels), index)
        return _spans(nlp(text), labels)

    return recognise


def recognise_many(texts: Iterable[str], path: Path | str | None = None, labels: Iterable[str] = LABELS,
                   batch_size: int = 32) -> list[Spans]:
    """The same for many texts at once (nlp.pipe: batched, a little faster per text)."""
    nlp = load(path)
    labels = frozenset(labels)
    texts = list(texts)
    latin, indexes = [], []
    for text in texts:
        if has_cyrillic(text):
            lat, index = sr_to_latin_aligned(text)
            latin.append(lat)
            indexes.append(index)
        else:
            latin.append(text)
            indexes.append(None)
    out = []
    for doc, index in zip(nlp.pipe(latin, batch_size=batch_size), indexes):
        spans = _spans(doc, labels)
        out.append(_back(spans, index) if index is not None else spans)
    return out
