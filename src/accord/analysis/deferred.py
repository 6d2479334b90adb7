"""When a backend's deferred parse runs: which sentences a LazyToken's first read parses together.

A backend that makes accord.doc.LazyToken tokens hands their sentences' parse to a
DeferredSyntax; reading `dep` or `head` of any of them calls `fill` for its sentence, which
parses a batch of sentences and makes their tokens ParsedTokens with the fields filled.
"""
from __future__ import annotations

from ..doc import LazyToken, ParsedToken


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

    def __init__(self, lang: str, toks: list[list[LazyToken]], parse) -> None:
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
                t.__class__ = ParsedToken  # first: a LazyToken's dep and head cannot be set
                t.dep, t.head, t._syntax = dep, head, None
        self.parsed += len(batch)

    def fill_all(self) -> None:
        while self.pending:
            self.fill(min(self.pending))
