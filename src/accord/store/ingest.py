"""`accord ingest`: read -> skip what is stored -> pipeline -> write in batches, one writer.

Unchanged articles (same text, same doc_id) are skipped before the pipeline runs, so a re-run
costs only reading. Failures (unreadable file, failing stage) are reported with file and
reason and the run goes on; so are warnings (what a reader left out of an article it kept, in
Article.meta["warnings"]: an invalid published date, a file name that is not UTF-8).
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..doc import Article
from ..errors import AccordError
from .db import DEFAULT_DB, WriterLock, writer_connection
from .write import existing_ids, write_batch

BATCH_SIZE = 50
LOOKUP_CHUNK = 200


@dataclass
class IngestReport:
    stored: int = 0
    unchanged: int = 0  # already in the store (skipped without re-extraction)
    duplicates: int = 0  # the same text met twice in this run
    failed: list[tuple[str, str]] = field(default_factory=list)  # (source, message)
    warnings: list[str] = field(default_factory=list)  # what readers left out of articles they kept

    @property
    def seen(self) -> int:
        return self.stored + self.unchanged + self.duplicates + len(self.failed)


Processor = Callable[[Iterable[Article | AccordError]], Iterator[Article | AccordError]]


def ingest(items: Iterable[Article | AccordError], db: str | Path = DEFAULT_DB, *, force: bool = False,
           batch_size: int = BATCH_SIZE, process: Processor | None = None,
           on_error: Callable[[AccordError], None] | None = None,
           on_progress: Callable[[IngestReport], None] | None = None,
           on_warning: Callable[[str], None] | None = None) -> IngestReport:
    """Ingest read items (Articles or read errors) into the store at `db`.

    `process` runs the pipeline over a stream (default accord.pipeline.process_many; pass
    process_parallel for workers). Raises StoreLocked when another ingest holds the store.
    `on_warning(message)` hears each reader warning as its article comes in.
    """
    if process is None:
        from ..pipeline import process_many as process
    report = IngestReport()
    with WriterLock(db):
        with writer_connection(db):
            pass  # create the file and schema before any work, so errors show up at once
        todo = _new_only(_noting_warnings(items, report, on_warning), db, force, report, on_error, on_progress)
        batch: list[Article] = []
        for item in process(todo):
            if isinstance(item, AccordError):
                report.failed.append((item.source, str(item)))
                if on_error:
                    on_error(item)
            else:
                batch.append(item)
            if len(batch) >= batch_size:
                _flush(db, batch, force, report)
                batch = []
            if on_progress:
                on_progress(report)
        if batch:
            _flush(db, batch, force, report)
        if on_progress:
            on_progress(report)
    return report


def _flush(db: str | Path, batch: list[Article], force: bool, report: IngestReport) -> None:
    with writer_connection(db) as con:
        stored, skipped = write_batch(con, batch, force=force)
    report.stored += len(stored)
    report.unchanged += len(skipped)  # present at write time (re-checked inside the transaction)


def _noting_warnings(items: Iterable[Article | AccordError], report: IngestReport,
                     on_warning: Callable[[str], None] | None) -> Iterator[Article | AccordError]:
    for item in items:
        if isinstance(item, Article) and item.meta.get("warnings"):
            for message in item.meta["warnings"]:
                report.warnings.append(message)
                if on_warning:
                    on_warning(message)
        yield item


def _new_only(items: Iterable[Article | AccordError], db: str | Path, force: bool, report: IngestReport,
              on_error, on_progress) -> Iterator[Article | AccordError]:
    """Pass through errors and articles not yet stored; count the rest as unchanged/duplicates."""
    seen: set[str] = set()
    chunk: list[Article | AccordError] = []

    def drain() -> Iterator[Article | AccordError]:
        ids = [a.doc_id for a in chunk if isinstance(a, Article)]
        present: set[str] = set()
        if ids and not force:
            with writer_connection(db) as con:
                present = existing_ids(con, ids)
        for a in chunk:
            if isinstance(a, Article):
                if a.doc_id in seen:
                    report.duplicates += 1
                    continue
                seen.add(a.doc_id)
                if a.doc_id in present:
                    report.unchanged += 1
                    if on_progress:
                        on_progress(report)
                    continue
            yield a
        chunk.clear()

    for item in items:
        chunk.append(item)
        if len(chunk) >= LOOKUP_CHUNK:
            yield from drain()
    yield from drain()
