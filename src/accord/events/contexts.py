"""PLOVER contexts of an event: cued in its sentence, its paragraph, or across the document.

Context cues (contexts.tsv) matched on lemmas; a `weak` cue holds for its own sentence only, a
strong one for its paragraph; a theme cued in several paragraphs holds for the whole document
(PLOVER allows document-level contexts); an event whose sentence and paragraph cue nothing
inherits the article's topic, the strong contexts of its title and lead cued again in the body.
The three languages' lists are kept parallel (each cue has its counterparts in en, ru and sr;
Cyrillic Serbian is compared through its Latin form).
"""
from __future__ import annotations

from ..doc import Event, Sentence, Token
from . import lexicon
from .triggers import has_trigger

DOC_CONTEXT_PARAGRAPHS = 3  # a context cued in this many paragraphs holds for the whole document
LEAD_MIN_PARAGRAPHS = 2  # a lead context cued in this many paragraphs (title and lead included) is the article's topic
CONTINUATION = 2  # sentences after a coded happening that may elaborate it


def sentence_contexts(toks: list[Token], lang: str) -> tuple[set[str], set[str]]:
    """(strong, weak) contexts cued in one sentence."""
    strong, weak = set(), set()
    for m in lexicon.select(lexicon.contexts(lang).find(toks)):
        (weak if "weak" in m.pattern.flags else strong).update(m.pattern.label.split())
    return strong, weak


def of_article(sentences: list[Sentence], analysed: list[list[Token]], lang: str,
               cued: list[tuple[set[str], set[str]]] | None = None,
               implied: list[tuple[set[str], set[str]]] | None = None) -> tuple[list[set[str]], dict[int, set[str]]]:
    """(each sentence's contexts, each paragraph's strong contexts with the document's added);
    `cued`, when given, receives each sentence's (strong, weak) cues (context_choice weighs them);
    `implied` adds each sentence's (strong, weak) contexts from the organisations it names
    (mandates.of_sentences)."""
    para_contexts: dict[int, set[str]] = {}
    sent_contexts = []
    for n, (s, toks) in enumerate(zip(sentences, analysed)):
        strong, weak = sentence_contexts(toks, lang)
        if implied is not None:
            strong, weak = strong | implied[n][0], weak | implied[n][1]
        if cued is not None:
            cued.append((strong, weak))
        sent_contexts.append(strong | weak)
        para_contexts.setdefault(s.paragraph, set()).update(strong)
    # document-level contexts (PLOVER allows them): a theme present in several paragraphs
    spread: dict[str, int] = {}
    for found in para_contexts.values():
        for c in found:
            spread[c] = spread.get(c, 0) + 1
    doc_contexts = {c for c, n in spread.items() if n >= DOC_CONTEXT_PARAGRAPHS}
    for para in para_contexts:
        para_contexts[para] |= doc_contexts
    return sent_contexts, para_contexts


def lead(sentences: list[Sentence], cued: list[tuple[set[str], set[str]]], title) -> set[str]:
    """What the article is plainly about: the strong contexts of its title and lead paragraph that
    are cued again in the body (LEAD_MIN_PARAGRAPHS paragraphs in all). An event whose sentence and
    paragraph cue no context inherits these ("the two ministers met on Tuesday" in an article
    headed by a drug-smuggling ring): real news states the topic once, up front, and the
    context_choice model weighs the inherited candidates like any other."""
    top: set[str] = set()
    first = None
    paras: dict[str, set[int]] = {}
    for s, (strong, weak) in zip(sentences, cued):
        in_title = title is not None and title.start <= s.start and s.end <= title.end + 1
        if not in_title and first is None:
            first = s.paragraph
        if in_title or s.paragraph == first:
            top |= strong
        for c in strong | weak:
            paras.setdefault(c, set()).add(s.paragraph)
    return {c for c in top if len(paras.get(c, ())) >= LEAD_MIN_PARAGRAPHS}


def lend(last: list[Event], distance: int, ctx: set[str], toks: list[Token], lang: str) -> None:
    """"The plan foresees data exchange on drug smuggling": a sentence with an act but no event of
    its own, at most CONTINUATION sentences after a coded happening, elaborates that happening
    and lends it its contexts."""
    if ctx and 0 < distance <= CONTINUATION and has_trigger(toks, lang):
        for e in last:
            e.contexts = sorted(set(e.contexts) | ctx)
