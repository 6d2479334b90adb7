"""The shared linguistic analysis of an article: each language's backend runs once per article.

The parse stage (accord.stages.parse) fills `Article.analysis` with an `Analysis`: tokens with
lemmas (and, where a backend parses, part of speech and dependencies) for every sentence, plus
whatever else a backend computed that later stages read (`extra`). Events read the tokens
instead of running natasha or spaCy again, one sentence at a time.

Each language names its analyser module (`Language.analyser`, in its folder `lang/<code>/`)
with `tokens(sentences) -> list[list[Tok]]`; a language without one (or an unsupported
language) gets lower-cased razdel tokens (accord.analysis.plain).
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from typing import Any

from ..doc import Article, Sentence

from ..lang import get as language


@dataclass
class Tok:
    i: int
    start: int
    end: int
    text: str
    low: str  # lower case; Serbian in Latin script
    lemma: str
    pos: str = ""
    dep: str = ""
    head: int = -1  # index of the syntactic head in the same sentence, -1 for root / unknown


class LazyTok(Tok):
    """A Tok whose `dep` and `head` are parsed when first read: reading either of any token of a
    sentence makes its backend parse that sentence (`DeferredSyntax.fill`). Backends whose parse is
    only needed by some sentences (events read dependencies where a trigger stands) use it, so a
    sentence nobody asks about is never parsed. The values are the same as a parse made at once."""

    _syntax = None  # the DeferredSyntax that still owes this token's sentence its parse
    _sent = -1

    @property  # type: ignore[override]
    def dep(self) -> str:
        if self._syntax is not None:
            self._syntax.fill(self._sent)
        return self._dep

    @dep.setter
    def dep(self, value: str) -> None:
        self._dep = value

    @property  # type: ignore[override]
    def head(self) -> int:
        if self._syntax is not None:
            self._syntax.fill(self._sent)
        return self._head

    @head.setter
    def head(self, value: int) -> None:
        self._head = value


class DeferredSyntax:
    """The parse a backend owes an article's sentences, made on first use.

    `parse(indices) -> [[(dep, head), ...] per sentence]` parses the sentences at those indices
    (of `toks`) in one batch. The first sentence asked for is parsed together with every unparsed
    sentence that `accord.analysis.need.wants_syntax` expects to be asked for (it holds an event
    trigger), in one batch; any other sentence is parsed alone when asked, up to MISSES_ALONE of
    them, and then all the rest in one batch (a reader that asks every sentence, as the events
    stage does today while it computes actor candidates for every sentence, costs two or three
    batches rather than one parse per sentence). Backends whose parser
    gives a sentence the same parse whatever its batch (slovnet masks padding; spaCy parses each
    Doc on its own) give the same output as parsing everything at once.
    """

    MISSES_ALONE = 3

    def __init__(self, lang: str, toks: list[list[LazyTok]], parse) -> None:
        self.lang, self.toks, self.parse = lang, toks, parse
        self.pending = set(range(len(toks)))
        self.likely: set[int] | None = None
        self.parsed = 0  # sentences parsed so far (for the benchmark and tests)
        self.misses = 0  # sentences asked for that the hint left out
        for n, sent in enumerate(toks):
            for t in sent:
                t._syntax, t._sent = self, n

    def fill(self, n: int) -> None:
        if n not in self.pending:
            return
        if self.likely is None:
            from .need import wants_syntax

            self.likely = {j for j in self.pending if wants_syntax(self.lang, self.toks[j])}
        if n in self.likely or not self.parsed:
            batch = sorted(({n} | self.likely) & self.pending)
        else:  # a sentence the hint left out: alone, the first few times; then everything left at once
            self.misses += 1
            batch = [n] if self.misses <= self.MISSES_ALONE else sorted(self.pending)
        self.pending.difference_update(batch)
        for j, rels in zip(batch, self.parse(batch)):
            for t, (dep, head) in zip(self.toks[j], rels):
                t._dep, t._head, t._syntax = dep, head, None
        self.parsed += len(batch)

    def fill_all(self) -> None:
        while self.pending:
            self.fill(min(self.pending))


@dataclass
class Analysis:
    lang: str
    tokens: dict[tuple[int, int], list[Tok]]  # (sentence start, end) -> its tokens
    extra: dict[str, Any] = field(default_factory=dict)  # other backend results, by name

    def sentence(self, s: Sentence) -> list[Tok] | None:
        return self.tokens.get((s.start, s.end))


def backend(lang: str):
    """The analyser module of the language (its family's for a variant), or the plain one."""
    found = language(lang)
    module = found.analyser_module() if found is not None else None
    return module if module is not None else importlib.import_module(f"{__name__}.plain")


def analyse(lang: str, sentences: list[Sentence]) -> list[list[Tok]]:
    """Tokens of each sentence, in order."""
    if not sentences:
        return []
    return backend(lang).tokens(sentences)


def analyse_article(doc: Article) -> Analysis:
    """The sentences' tokens, and what else the language's backend makes once per article
    (module function `article(doc) -> (tokens, extra)`, e.g. the NER model pass)."""
    module = backend(doc.lang)
    if hasattr(module, "article"):
        toks, extra = module.article(doc)
    else:
        toks, extra = analyse(doc.lang, doc.sentences), {}
    return Analysis(doc.lang, {(s.start, s.end): t for s, t in zip(doc.sentences, toks)}, extra)


def shared_extra(doc: Article, name: str) -> Any:
    """A backend result the parse stage left on the article (None: compute it yourself)."""
    shared = doc.analysis
    if isinstance(shared, Analysis) and shared.lang == doc.lang:
        return shared.extra.get(name)
    return None


def of(doc: Article) -> Analysis:
    """The article's analysis; made now when no parse stage ran (a stage run on its own)."""
    if not isinstance(doc.analysis, Analysis) or doc.analysis.lang != doc.lang:
        doc.analysis = analyse_article(doc)
    return doc.analysis


def sentence_tokens(doc: Article, sentences: list[Sentence]) -> list[list[Tok]]:
    """Tokens of the given sentences of `doc`, analysing any the shared analysis lacks."""
    shared = of(doc)
    out: list[list[Tok] | None] = [shared.sentence(s) for s in sentences]
    missing = [s for s, t in zip(sentences, out) if t is None]
    if missing:
        extra = iter(analyse(doc.lang, missing))
        out = [t if t is not None else next(extra) for t in out]
    return out  # type: ignore[return-value]


def has_syntax(toks: list[Tok]) -> bool:
    return any(t.dep for t in toks)


__all__ = ["Analysis", "DeferredSyntax", "LazyTok", "Tok", "analyse", "analyse_article", "has_syntax", "of", "sentence_tokens", "shared_extra"]
