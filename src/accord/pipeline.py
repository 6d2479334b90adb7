"""The pipeline: ordered stages over one Article.

Stages (each a module in accord.stages with one job, spaCy-style `REQUIRES`/`ASSIGNS`):
    clean      body spans, title, outlet, publication date
    language   lang, script
    sentences  sentences and tokens with offsets
    dates      every date expression, normalised, with precision
    entities   NER mentions (natasha / spaCy / Serbian rules + gazetteer)
    linking    canonical identity and country for each mention -> entities
    quotes     direct quotes and their speakers
    events     PLOVER events between actors
Reading (files, HTML, JSONL) happens before, in accord.stages.read.
"""
from __future__ import annotations

import importlib
import time
from collections.abc import Iterable, Iterator

from .doc import Article
from .errors import AccordError, StageError

STAGES: tuple[str, ...] = ("clean", "language", "sentences", "dates", "entities", "linking", "quotes", "events")


def _stage(name: str):
    return importlib.import_module(f"accord.stages.{name}")


def process(article: Article, stages: Iterable[str] = STAGES) -> Article:
    """Run the stages in order; a failing stage raises StageError naming the source."""
    for name in stages:
        module = _stage(name)
        t0 = time.perf_counter()
        try:
            module.run(article)
        except AccordError:
            raise
        except Exception as exc:  # a bug or a pathological input: report it, keep the batch going
            raise StageError(article.source, f"stage {name} failed: {type(exc).__name__}: {exc}") from exc
        article.timings[name] = article.timings.get(name, 0.0) + time.perf_counter() - t0
    return article


def process_many(articles: Iterable[Article | AccordError], stages: Iterable[str] = STAGES) -> Iterator[Article | AccordError]:
    """Process a stream; errors (from reading or a stage) are yielded in place, never raised."""
    stages = tuple(stages)
    for item in articles:
        if isinstance(item, AccordError):
            yield item
            continue
        try:
            yield process(item, stages)
        except AccordError as err:
            yield err


def extract_text(text: str, source: str = "<text>", **fields) -> Article:
    """Convenience for tests and notebooks: run the whole pipeline on a string."""
    return process(Article(text=text, source=source, **fields))
