"""The documents a bench run times: read once (reading is not timed), copied for each run
(stages fill an article in place), and cloned into distinct documents for the ingest-scale
timing of the store alone.
"""
from __future__ import annotations

import tempfile
import time
from collections.abc import Iterable
from pathlib import Path

import msgspec

from ...doc import Article


def load_corpus(paths: Iterable[str], docs: int | None = None) -> list[Article]:
    """Read the corpus (reading is not timed). With `docs`, that many files evenly spread over the
    sorted corpus (so every language of a corpus sorted by language is in), cycled if it is smaller."""
    from ...stages.read import iter_files, read_paths

    files = [str(f) for f in iter_files(paths)]
    if docs is not None and docs < len(files):
        files = [files[i * len(files) // docs] for i in range(docs)]
    read = [a for a in read_paths(files) if isinstance(a, Article)]
    if not read or docs is None:
        return read
    return [read[i % len(read)] for i in range(docs)]


_COPY = msgspec.msgpack.Encoder(), msgspec.msgpack.Decoder(Article)


def fresh(article: Article) -> Article:
    """A deep copy, so the same read article can be processed again (stages fill it in place)."""
    return _COPY[1].decode(_COPY[0].encode(article))


def _clones(articles: list[Article], n: int) -> Iterable[Article]:
    """n distinct documents made from processed articles: a marker line appended after the text
    (offsets stay valid), a new doc_id, events re-identified from it."""
    for i in range(n):
        a = fresh(articles[i % len(articles)])
        a.text = f"{a.text}\n[bench clone {i}]\n"
        a.doc_id = ""
        a.__post_init__()
        for ev in a.events:
            ev.id = ""
        yield a


def run_ingest(articles: list[Article], sizes: Iterable[int]) -> list[dict]:
    from ...store import ingest

    out = []
    for n in sizes:
        with tempfile.TemporaryDirectory(prefix="accord-bench-") as tmp:
            db = Path(tmp) / "bench.duckdb"
            t0 = time.perf_counter()  # clones are made as the store consumes them (~1 ms/doc, bounded memory)
            report = ingest(_clones(articles, n), db, process=lambda stream: stream)
            secs = time.perf_counter() - t0
            out.append({"docs": n, "stored": report.stored, "seconds": secs,
                        "ms_per_doc": 1000 * secs / max(n, 1), "db_mb": db.stat().st_size / 2**20})
    return out
