"""Run the pipeline on a Dask cluster: file batches in, partitioned Parquet out.

Why Dask: it is an existing distributed engine with a plain Python API, a scheduler/worker
pair that runs on a laptop (LocalCluster), on a few servers (`dask scheduler` / `dask worker`)
or on Kubernetes, SLURM and the clouds, and the same futures API everywhere.

How: the client lists the input files and splits them into batches (`files_per_task`); each
task reads its files on the worker (the inputs must be on a filesystem every worker sees, by
the same absolute path), runs accord.pipeline.process_many, and writes one Parquet file
`part-NNNNN.parquet` into the output folder (also shared). Models load once per worker
process: a worker plugin warms them at start, and accord.models caches them per process.
Task results are small (counts and errors), so the client's memory does not grow with the
corpus.

The Parquet files hold one row per article: doc_id, source, lang, script, title, published,
outlet, url, part, row, text (the article text, once), record (the output contract as JSON text
without its "text", as the store's documents.record) and article (the processed Article as
msgpack, without the text and the sentence/token layer, which nothing after extraction reads,
so `accord ingest OUT/` stores them without extracting again). DuckDB, pyarrow or pandas read
them directly (OUT/*.parquet); `read_records` gives the full contract records back, byte for
byte what `accord extract` writes.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

PART_GLOB = "part-*.parquet"
FILES_PER_TASK = 16


@dataclass
class DaskReport:
    articles: int = 0
    parts: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)  # (source, message)


def _schema():
    import pyarrow as pa

    return pa.schema([
        ("doc_id", pa.string()), ("source", pa.string()), ("lang", pa.string()), ("script", pa.string()),
        ("title", pa.string()), ("published", pa.string()), ("outlet", pa.string()), ("url", pa.string()),
        ("part", pa.int32()), ("row", pa.int32()), ("text", pa.string()), ("record", pa.string()),
        ("article", pa.binary()),
    ])


def extract_part(part: int, files: list[str], output: str, stages: tuple[str, ...] | None = None) -> tuple[int, int, list]:
    """One task: read `files`, run the pipeline, write output/part-NNNNN.parquet.

    Returns (part, articles written, [(source, error message)]). The file is written under a
    temporary name and renamed, so a retried or killed task never leaves half a file.
    """
    import msgspec
    import pyarrow as pa
    import pyarrow.parquet as pq

    from ..errors import AccordError
    from ..pipeline import STAGES, process_many
    from ..stages.read import read_paths
    from ..store.schema import record_json

    rows: dict[str, list] = {name: [] for name in _schema().names}
    errors: list[tuple[str, str]] = []
    encoder = msgspec.msgpack.Encoder()
    for item in process_many(read_paths(files), stages or STAGES, time_budget=None):
        if isinstance(item, AccordError):
            errors.append((item.source, str(item)))
            continue
        for name in ("doc_id", "source", "lang", "script", "title", "published", "outlet", "url"):
            rows[name].append(getattr(item, name))
        rows["part"].append(part)
        rows["row"].append(len(rows["row"]))
        rows["text"].append(item.text)
        rows["record"].append(record_json(item.to_record()))
        rows["article"].append(encoder.encode(msgspec.structs.replace(item, text="", sentences=[])))
    table = pa.table(rows, schema=_schema())
    final = Path(output) / f"part-{part:05d}.parquet"
    tmp = final.with_name(f".{final.name}.tmp")
    pq.write_table(table, tmp)
    tmp.replace(final)
    return part, table.num_rows, errors


def batches(paths: Iterable[str], files_per_task: int = FILES_PER_TASK,
            problems: list[tuple[str, str]] | None = None) -> list[list[str]]:
    """Input files (directories walked, sorted) as absolute paths, in batches; what the walk
    could not read (an unlistable folder, a FIFO) goes to `problems` as (source, message)."""
    from ..errors import AccordError
    from ..stages.read import iter_inputs

    files = []
    for f in iter_inputs(paths):
        if isinstance(f, AccordError):
            if problems is not None:
                problems.append((f.source, str(f)))
            continue
        if f == "-":
            raise ValueError("stdin cannot be distributed: give files or directories")
        files.append(str(Path(f).resolve()))
    return [files[i:i + files_per_task] for i in range(0, len(files), files_per_task)]


def client_for(scheduler: str):
    """A dask.distributed Client: 'local:N' starts a LocalCluster of N one-thread processes,
    anything else is a scheduler address (tcp://host:8786)."""
    from distributed import Client, LocalCluster

    if scheduler.startswith("local"):
        n = int(scheduler.partition(":")[2] or 0) or None
        cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True, dashboard_address=None)
        return Client(cluster)
    return Client(scheduler)


def extract(paths: Iterable[str], output: str | Path, scheduler: str | None = None, client=None,
            files_per_task: int = FILES_PER_TASK, stages: tuple[str, ...] | None = None,
            on_part: Callable[[int, int, list], None] | None = None) -> DaskReport:
    """Extract `paths` on a Dask cluster into Parquet parts under `output`.

    Give a running `client`, or a `scheduler` ('local:N' or an address). Earlier part files
    in `output` are removed first, so a re-run never leaves duplicate rows.
    """
    from distributed import as_completed

    out = Path(output).resolve()
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob(PART_GLOB):
        old.unlink()
    report = DaskReport()
    work = batches(paths, files_per_task, report.failed)
    own = client is None
    if own:
        client = client_for(scheduler or "local")
    try:
        from .dask_plugin import WarmModels

        client.register_plugin(WarmModels(stages))
        futures = [client.submit(extract_part, i, files, str(out), stages, pure=False, key=f"accord-part-{i}")
                   for i, files in enumerate(work)]
        for future in as_completed(futures):
            part, n, errors = future.result()
            report.parts += 1
            report.articles += n
            report.failed += [tuple(e) for e in errors]
            if on_part:
                on_part(part, n, errors)
            future.release()
    finally:
        if own:
            cluster = client.cluster
            client.close()
            if cluster is not None:
                cluster.close()
    return report


def is_parquet_input(paths: Iterable[str]) -> bool:
    """True when the paths are Parquet output of `extract` (a folder of parts or .parquet files)."""
    paths = list(paths)
    return bool(paths) and all(
        (Path(p).is_dir() and any(Path(p).glob(PART_GLOB))) or str(p).endswith(".parquet") for p in paths)


def _columns(paths: Iterable[str], columns: list[str]) -> Iterator[tuple]:
    """Rows of the named columns of the Parquet parts, in part and row order. One folder or
    file may be given alone (`read_records(OUT)`), not only a list of them."""
    import pyarrow.parquet as pq

    if isinstance(paths, (str, Path)):
        paths = [paths]
    files: list[Path] = []
    for p in paths:
        path = Path(p)
        files += sorted(path.glob(PART_GLOB)) if path.is_dir() else [path]
    for f in files:
        for batch in pq.ParquetFile(f).iter_batches(batch_size=256, columns=columns):
            yield from zip(*(batch.column(i).to_pylist() for i in range(len(columns))))


def read_parquet(paths: Iterable[str]) -> Iterator:
    """Processed Articles back from Parquet parts, in part and row order (for `accord ingest`);
    their text is put back, their sentences stay empty (the store does not keep them)."""
    import msgspec

    from ..doc import Article

    decoder = msgspec.msgpack.Decoder(Article)
    for text, blob in _columns(paths, ["text", "article"]):
        article = decoder.decode(blob)
        article.text = text
        yield article


def read_records(paths: Iterable[str]) -> Iterator[str]:
    """The contract records (JSON text, as `accord extract` writes them) of Parquet parts."""
    from ..store.schema import full_record

    for text, record in _columns(paths, ["text", "record"]):
        yield full_record(record, text)
