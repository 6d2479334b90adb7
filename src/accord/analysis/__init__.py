"""The shared linguistic analysis of an article: each language's backend runs once per article.

The parse stage (accord.stages.parse) fills `Article.analysis` with an `Analysis`: tokens with
lemmas (and, where a backend parses, part of speech and dependencies) for every sentence, plus
whatever else a backend computed that later stages read (`extra`). Events read the tokens
instead of running natasha or spaCy again, one sentence at a time.

Each language names its analyser module (`Language.analyser`, in its folder `lang/<code>/`)
with `tokens(sentences) -> list[list[Token]]` (accord.doc.Token, or LazyToken where the parse
is deferred: accord.analysis.deferred); a language without one (or an unsupported language) gets
lower-cased razdel tokens (accord.analysis.plain).
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from typing import Any

from ..doc import Article, Sentence, Token

from ..lang import get as language


@dataclass
class Analysis:
    lang: str
    tokens: dict[tuple[int, int], list[Token]]  # (sentence start, end) -> its tokens
    extra: dict[str, Any] = field(default_factory=dict)  # other backend results, by name

    def sentence(self, s: Sentence) -> list[Token] | None:
        return self.tokens.get((s.start, s.end))


def backend(lang: str):
    """The analyser module of the language (its family's for a variant), or the plain one."""
    found = language(lang)
    module = found.analyser_module() if found is not None else None
    return module if module is not None else importlib.import_module(f"{__name__}.plain")


def analyse(lang: str, sentences: list[Sentence]) -> list[list[Token]]:
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


def sentence_tokens(doc: Article, sentences: list[Sentence]) -> list[list[Token]]:
    """Tokens of the given sentences of `doc`, analysing any the shared analysis lacks."""
    shared = of(doc)
    out: list[list[Token] | None] = [shared.sentence(s) for s in sentences]
    missing = [s for s, t in zip(sentences, out) if t is None]
    if missing:
        extra = iter(analyse(doc.lang, missing))
        out = [t if t is not None else next(extra) for t in out]
    return out  # type: ignore[return-value]


def has_syntax(toks: list[Token]) -> bool:
    return any(t.dep for t in toks)



__all__ = ["Analysis", "analyse", "analyse_article", "has_syntax", "of", "sentence_tokens", "shared_extra"]
