"""The pipeline an article goes through: each stage's component, imported by name, in order.

Why a module of its own: this is where a reader (or "go to definition") follows an article
from the runners into each stage: `clean.COMPONENT` leads to the top of accord/stages/clean.py,
where the stage declares what it requires and assigns, and `@COMPONENT.runs` marks its entry.

The chain is built (and checked, accord.pipeline.registry) on first use rather than on import:
each stage module imports the registry from this package, so a stage imported on its own first
(tests do) brings this module in while that stage is still half-imported.
"""
from __future__ import annotations

from functools import cache

from ..stages import clean, dates, entities, events, language, linking, parse, quotes, sentences
from .registry import ContractError, Pipeline

# The default stage names, in order: callers pass these (or a selection) as `stages=`.
STAGES: tuple[str, ...] = ("clean", "language", "sentences", "parse", "dates", "entities", "linking", "quotes", "events")


@cache
def default_pipeline() -> Pipeline:
    """The whole pipeline, checked: raises ContractError where a stage requires a field that
    neither the reader nor an earlier stage assigns."""
    pipe = Pipeline([
        clean.COMPONENT,      # body spans, title, outlet, publication date
        language.COMPONENT,   # lang, script
        sentences.COMPONENT,  # sentences and tokens with offsets
        parse.COMPONENT,      # the shared analysis: each language's backend once (tokens, NER model pass)
        dates.COMPONENT,      # date expressions, normalised
        entities.COMPONENT,   # NER mentions
        linking.COMPONENT,    # identity and country of each mention -> entities
        quotes.COMPONENT,     # direct quotes and their speakers
        events.COMPONENT,     # PLOVER events between actors
    ])
    if pipe.names != STAGES:
        raise ContractError(f"STAGES {STAGES} does not name the default pipeline {pipe.names}")
    return pipe


def field_map() -> str:
    """The default pipeline's field -> component -> module table (for docs and the command line)."""
    return default_pipeline().field_map()
