"""Which sentences will need a syntactic parse: the hint DeferredSyntax batches by.

Events read dependencies (subject, object, clause) around a trigger, so a sentence holding a
trigger of the events lexicon (accord.events.lexicon, read only) is parsed with the first
sentence asked for, in one batch. This is only a batching hint: a sentence it leaves out is still
parsed, alone, if anything reads its tokens' `dep` or `head`.
"""
from __future__ import annotations


def wants_syntax(lang: str, toks) -> bool:
    from ..events import lexicon

    try:
        return bool(lexicon.triggers(lang).find(toks)) or any(
            m.pattern.label == "copresent" for m in lexicon.roles(lang).find(toks))
    except Exception:  # a language without a lexicon: no hint, parse on demand
        return False
