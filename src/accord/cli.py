"""The `accord` command line (typer). Models load lazily: `accord --help` stays instant.

The commands that run the pipeline, the store's ingest and export, evaluate and serve are here;
the query commands (events, entities, quotes, summary) are in accord.cli_query, and what every
command prints (escaped errors, JSON, tables, progress) in accord.cli_output.
"""
from __future__ import annotations

import contextlib
import sys
from pathlib import Path
from typing import Optional

import typer

from .cli_output import DB_OPTION, JSON_OPTION, echo_err, echo_text, fail, print_json
from .cli_progress import RunProgress
from .cli_query import register as register_queries
from .terminal import is_terminal, safe_json

app = typer.Typer(add_completion=False, no_args_is_help=True, help="accord: multilingual news to PLOVER event data.")


MAX_BYTES_OPTION = typer.Option(None, "--max-bytes", min=1, help="skip an article (file or JSONL record) over this many bytes "
                                "(default: $ACCORD_MAX_BYTES or 20000000)")
FORMAT_OPTION = typer.Option("auto", "--format", help="input format: auto (files by their suffix, "
                             "stdin sniffed and reported), txt, html or jsonl (every input read so)")
TIME_BUDGET_OPTION = typer.Option(None, "--time-budget", min=0.0, help="seconds one article may take before it is skipped "
                                  "(default: $ACCORD_TIME_BUDGET or 60; 0 = no limit)")


def _budget(seconds: float | None) -> float | None:
    """The per-article time budget: the option, else the default; 0 means none."""
    from .pipeline import DEFAULT_TIME_BUDGET

    return DEFAULT_TIME_BUDGET if seconds is None else (seconds or None)


@app.command()
def extract(
    paths: list[str] = typer.Argument(..., help="files, directories (recursive) or - for stdin"),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="JSONL output file (default: stdout)"),
    fmt: str = FORMAT_OPTION,
    max_bytes: Optional[int] = MAX_BYTES_OPTION,
    time_budget: Optional[float] = TIME_BUDGET_OPTION,
    workers: int = typer.Option(0, "--workers", "-w", min=0, help="pipeline processes (0 = all cores)"),
    dask: Optional[str] = typer.Option(None, "--dask", help="run on a Dask cluster (needs accord[dask]): scheduler "
                                       "address (tcp://host:8786) or local:N; writes Parquet parts into the -o folder"),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="no progress, only errors and the final line"),
) -> None:
    """Extract one JSON record per article (the output contract) as JSON Lines.

    Exit status: 0 every input done, 1 some skipped (or nothing to read), 2 usage error."""
    from .doc import encode_record
    from .errors import AccordError
    from .pipeline import process_parallel
    from .stages.read import count_articles, read_paths

    _check_format(fmt)
    if dask:
        _extract_dask(paths, output, dask, quiet)
        return
    out = open(output, "wb") if output else sys.stdout.buffer
    terminal = output is None and is_terminal(sys.stdout)
    done = failed = 0
    progress = RunProgress(None if quiet else count_articles(paths, fmt), quiet=quiet or terminal)
    try:
        with progress:
            items = read_paths(paths, max_bytes=max_bytes, fmt=fmt, on_format=_say_format)
            for item in process_parallel(_with_warnings(items), workers=workers or None, time_budget=_budget(time_budget)):
                progress.advance(1, f"{done} extracted, {failed} skipped")
                if isinstance(item, AccordError):
                    failed += 1
                    echo_err(f"skipped: {item}")
                    continue
                done += 1
                line = encode_record(item.to_record())
                if terminal:  # JSON escapes C0 controls; C1 controls and bidi overrides too on a screen
                    line = safe_json(line.decode("utf-8")).encode("utf-8")
                out.write(line + b"\n")
    finally:
        if output:
            out.close()
    _finish(done, failed, f"{output}: {done} record(s)" if output else None)


def _check_format(fmt: str) -> None:
    from .stages.read import FORMATS

    if fmt not in FORMATS:
        fail(ValueError(f"unknown --format {fmt!r} (valid: {', '.join(FORMATS)})"))


def _say_format(source: str, used: str, sniffed: bool) -> None:
    """Which format stdin was read as: a wrong guess is seen, and --format corrects it."""
    echo_err(f"{source}: read as {used}" + (" (detected; --format txt|html|jsonl to choose)" if sniffed else ""))


def _finish(done: int, failed: int, line: str | None = None) -> None:
    """The command's last line and exit status: 0 all done, 1 some inputs skipped or none found."""
    if line:
        echo_err(line)
    if failed:
        echo_err(f"{failed} input(s) skipped")
        raise typer.Exit(1)
    if not done:
        echo_err("nothing to read: no article in the given paths")
        raise typer.Exit(1)


def _with_warnings(items):
    """The read stream unchanged, each reader warning (what an input lost, its article kept)
    printed on stderr as its article goes by."""
    for item in items:
        for message in getattr(item, "meta", {}).get("warnings", ()):
            echo_err(f"warning: {message}")
        yield item


def _extract_dask(paths: list[str], output: Optional[Path], scheduler: str, quiet: bool = False) -> None:
    """`accord extract --dask`: the pipeline on a Dask cluster, Parquet parts in `output`."""
    import importlib.util

    if output is None:
        fail(ValueError("--dask needs -o OUTPUT_FOLDER (shared by every worker) for the Parquet parts"))
    if importlib.util.find_spec("dask") is None or importlib.util.find_spec("distributed") is None:
        fail(ValueError("--dask needs Dask, an optional extra: pip install 'accord[dask]' (or run without --dask)"))
    from .stages.read import count_articles
    from .tools.distributed import extract as dask_extract

    progress = RunProgress(None if quiet else count_articles(paths), quiet=quiet)
    try:
        with progress:
            report = dask_extract(paths, output, scheduler=scheduler,
                                  on_part=lambda part, n, errors: progress.advance(n + len(errors)))
    except (OSError, ValueError) as err:
        fail(err)
    for source, message in report.failed:
        echo_err(f"skipped: {message}")
    _finish(report.articles, len(report.failed),
            f"{output}: {report.articles} articles in {report.parts} Parquet part(s), {len(report.failed)} skipped")


@app.command()
def bench(
    corpus: Optional[list[str]] = typer.Argument(None, help="files or directories (default: samples/)"),
    docs: Optional[int] = typer.Option(None, "--docs", "-n", min=1, help="documents to process (the corpus is cycled if smaller)"),
    workers: int = typer.Option(0, "--workers", "-w", min=0, help="pipeline processes (0 = all cores)"),
    backends: bool = typer.Option(True, "--backends/--no-backends", help="also time the NER backends alone on the same documents"),
    ingest_scale: Optional[str] = typer.Option(None, "--ingest-scale", help="also time ingest of N,M,... extracted documents into a temporary store, e.g. 1000,10000"),
    as_json: bool = typer.Option(False, "--json", help="print JSON for machines instead of text"),
) -> None:
    """Measure throughput, time per stage, peak memory, NER backends alone and ingest scaling."""
    from .tools import bench as run_bench

    paths = corpus or [str(Path(__file__).resolve().parents[2] / "samples")]
    sizes = [int(n) for n in ingest_scale.split(",") if n.strip()] if ingest_scale else []
    try:
        res = run_bench.run(paths, docs=docs, workers=workers or None, backends=backends, ingest_sizes=sizes,
                            progress=None if as_json else lambda msg: echo_err(f"... {msg}"))
    except ValueError as err:
        fail(err)
    if as_json:
        print_json(run_bench.to_json(res))
    else:
        echo_text(run_bench.report(res))


@app.command()
def version() -> None:
    """Print accord's version."""
    from . import __version__

    typer.echo(__version__)


# --- store: ingest, query, export, evaluate ----------------------------------------------------

@app.command()
def ingest(
    paths: list[str] = typer.Argument(..., help="files, directories (recursive) or - for stdin"),
    db: Path = DB_OPTION,
    force: bool = typer.Option(False, "--force", help="re-extract and replace articles already stored"),
    fmt: str = FORMAT_OPTION,
    workers: int = typer.Option(0, "--workers", "-w", help="pipeline processes (0 = all cores)"),
    batch_size: int = typer.Option(50, "--batch-size", min=1, help="documents per transaction"),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="no progress, only errors and the final line"),
    max_bytes: Optional[int] = MAX_BYTES_OPTION,
    time_budget: Optional[float] = TIME_BUDGET_OPTION,
) -> None:
    """Extract articles and store them in DuckDB. Articles already stored are skipped (same text, same id).

    Exit status: 0 every input stored or unchanged, 1 some skipped (or nothing to read), 2 usage or store error."""
    import time
    from functools import partial

    from .errors import AccordError
    from .pipeline import process_many, process_parallel
    from .stages.read import count_articles, read_paths
    from .store import ingest as run_ingest
    from .tools.distributed import is_parquet_input, read_parquet

    _check_format(fmt)
    process = partial(process_many, time_budget=_budget(time_budget))
    if workers != 1:
        process = partial(process_parallel, workers=workers or None, time_budget=_budget(time_budget))
    items = read_paths(paths, max_bytes=max_bytes, fmt=fmt, on_format=_say_format)
    total = None if quiet else count_articles(paths, fmt)
    if is_parquet_input(paths):  # Parquet parts written by `accord extract --dask`: already extracted
        items, process, total = read_parquet(paths), (lambda stream: stream), None
    t0 = time.perf_counter()
    progress = RunProgress(total, quiet=quiet)
    try:
        with progress:
            report = run_ingest(items, db, force=force, batch_size=batch_size, process=process,
                                on_error=lambda e: echo_err(f"skipped: {e}"),
                                on_progress=progress.ingested, on_warning=lambda w: echo_err(f"warning: {w}"))
    except AccordError as err:
        fail(err)
    secs = time.perf_counter() - t0
    warned = f"{len(report.warnings)} warning(s), " if report.warnings else ""
    _finish(report.stored + report.unchanged + report.duplicates, len(report.failed),
            f"{db}: {report.stored} stored, {report.unchanged} unchanged, {report.duplicates} duplicate(s), "
            f"{len(report.failed)} failed, {warned}in {secs:.1f} s")


register_queries(app)  # events, entities, quotes, summary (accord.cli_query), listed here in --help


@app.command()
def export(
    format: str = typer.Option(..., "--format", "-f", help="jsonl | csv | parquet | polecat"),
    db: Path = DB_OPTION,
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="output file (default: stdout; parquet needs one)"),
    table: str = typer.Option("events", "--table", help="for csv/parquet: events, entities, documents, quotes, mentions, aliases, dates"),
) -> None:
    """Export the store: contract records (jsonl), a table (csv, parquet) or POLECAT-style events."""
    from .errors import AccordError
    from .export import export as run_export

    try:
        n = run_export(db, format.lower(), output, table=table)
    except (AccordError, ValueError) as err:
        fail(err)
    if output is not None:
        echo_err(f"{output}: {n} {'records' if format in ('jsonl',) else 'rows'}")


@app.command()
def evaluate(
    gold: Path = typer.Argument(..., exists=True, dir_okay=False, help="gold file (shared/schema/gold.md format)"),
    paths: Optional[list[str]] = typer.Argument(None, help="articles to extract (default: the files the gold names, next to it)"),
    records: Optional[Path] = typer.Option(None, "--records", help="score this JSONL of records instead of extracting"),
    as_json: bool = JSON_OPTION,
    by_lang: bool = typer.Option(False, "--by-lang", help="a table per language/script group (en, ru, sr-Latn, sr-Cyrl) and in all, with entity and event precision"),
) -> None:
    """Extract the gold's articles and print the reference metrics (same as shared/eval/score.py)."""
    import json

    from .tools import evaluate as ev

    gold_data = json.loads(gold.read_text(encoding="utf-8"))
    if records is not None:
        out = ev.load_jsonl(records)
    else:
        gold_data, out = ev.gold_and_records(gold, paths or None, on_error=lambda e: echo_err(f"skipped: {e}"))
    if by_lang:
        res = ev.score_by_group(gold_data, out)
        if as_json:
            typer.echo(ev.to_group_json(res))
        else:
            echo_text(ev.to_group_text(res))
        return
    res = ev.score(gold_data, out)
    if as_json:
        typer.echo(ev.to_json(res))
    else:
        echo_text(ev.to_text(res))


@app.command()
def serve(
    db: Path = DB_OPTION,
    port: int = typer.Option(8001, "--port", min=1, max=65535, help="TCP port"),
    host: str = typer.Option("127.0.0.1", "--host", help="address to bind (loopback by default; 0.0.0.0 exposes the store to the network)"),
) -> None:
    """Browse the store in a web view (network, timeline, articles, entities, search) with a JSON API."""
    from .errors import AccordError
    from .store import reader

    try:
        with reader(db, wait_s=2.0):  # fail now on a missing or foreign file; a busy store is fine
            pass
    except AccordError as err:
        if err.code != "E020":
            fail(err)
    import uvicorn

    from .web import create_app

    hosts = None if host in ("0.0.0.0", "::") else ("127.0.0.1", "localhost", "::1", "[::1]", host)
    echo_err(f"accord web view of {db} on http://{'127.0.0.1' if hosts is None else host}:{port}/ (Ctrl+C stops)")
    uvicorn.run(create_app(db, allowed_hosts=hosts), host=host, port=port, log_level="warning")


def main() -> None:
    """The `accord` script. After the command, the exit handlers run and the process ends
    without the interpreter's final teardown: DuckDB's bindings (nanobind) otherwise print ~50
    lines of "nanobind: leaked ... instances" at exit after a run that loaded the pipeline's
    models, which is noise (the process is ending; nothing leaks for the user)."""
    import atexit
    import os

    try:
        app()
        code = 0
    except SystemExit as done:
        code = done.code if isinstance(done.code, int) else (0 if done.code is None else 1)
        if done.code is not None and not isinstance(done.code, int):
            echo_err(str(done.code))
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()
    os._exit(code)


if __name__ == "__main__":
    main()
