"""The `accord` command line (typer). Models load lazily: `accord --help` stays instant."""
from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Optional

import typer

app = typer.Typer(add_completion=False, no_args_is_help=True, help="accord: multilingual news to PLOVER event data.")


def _err(msg: str) -> None:
    typer.echo(_safe(msg), err=True)


_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _safe(text: str) -> str:
    """Article text (and file names) are data: control characters (terminal escape sequences,
    bells, carriage returns) and bidi overrides, which would act on the terminal or flip the rest
    of a table row, are shown as \\xNN / \\uNNNN instead of being sent raw."""
    return _UNSAFE.sub(lambda m: f"\\x{ord(m[0]):02x}" if ord(m[0]) < 0x100 else f"\\u{ord(m[0]):04x}", text)


MAX_BYTES_OPTION = typer.Option(None, "--max-bytes", min=1, help="skip an article (file or JSONL record) over this many bytes "
                                "(default: $ACCORD_MAX_BYTES or 20000000)")
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
    max_bytes: Optional[int] = MAX_BYTES_OPTION,
    time_budget: Optional[float] = TIME_BUDGET_OPTION,
    workers: int = typer.Option(0, "--workers", "-w", min=0, help="pipeline processes (0 = all cores)"),
    dask: Optional[str] = typer.Option(None, "--dask", help="run on a Dask cluster: scheduler address (tcp://host:8786) "
                                       "or local:N; writes Parquet parts into the -o folder"),
) -> None:
    """Extract one JSON record per article (the output contract) as JSON Lines."""
    from .doc import encode_record
    from .errors import AccordError
    from .pipeline import process_parallel
    from .stages.read import read_paths

    if dask:
        _extract_dask(paths, output, dask)
        return
    out = open(output, "wb") if output else sys.stdout.buffer
    failed = 0
    try:
        for item in process_parallel(read_paths(paths, max_bytes=max_bytes), workers=workers or None,
                                     time_budget=_budget(time_budget)):
            if isinstance(item, AccordError):
                failed += 1
                _err(f"skipped: {item}")
                continue
            out.write(encode_record(item.to_record()) + b"\n")
    finally:
        if output:
            out.close()
    if failed:
        _err(f"{failed} input(s) skipped")


def _extract_dask(paths: list[str], output: Optional[Path], scheduler: str) -> None:
    """`accord extract --dask`: the pipeline on a Dask cluster, Parquet parts in `output`."""
    if output is None:
        _fail(ValueError("--dask needs -o OUTPUT_FOLDER (shared by every worker) for the Parquet parts"))
    try:
        from .distributed import extract as dask_extract
    except ImportError:
        _fail(ValueError("--dask needs Dask: pip install 'accord[dask]'"))
    try:
        report = dask_extract(paths, output, scheduler=scheduler)
    except (OSError, ValueError) as err:
        _fail(err)
    for source, message in report.failed:
        _err(f"skipped: {message}")
    _err(f"{output}: {report.articles} articles in {report.parts} Parquet part(s), {len(report.failed)} skipped")


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
    from . import bench as run_bench

    paths = corpus or [str(Path(__file__).resolve().parents[2] / "samples")]
    sizes = [int(n) for n in ingest_scale.split(",") if n.strip()] if ingest_scale else []
    try:
        res = run_bench.run(paths, docs=docs, workers=workers or None, backends=backends, ingest_sizes=sizes,
                            progress=None if as_json else lambda msg: _err(f"... {msg}"))
    except ValueError as err:
        _fail(err)
    if as_json:
        _print_json(run_bench.to_json(res))
    else:
        typer.echo(run_bench.report(res))


@app.command()
def version() -> None:
    """Print accord's version."""
    from . import __version__

    typer.echo(__version__)


# --- store: ingest, query, export, evaluate ----------------------------------------------------

DB_OPTION = typer.Option("accord.duckdb", "--db", help="DuckDB store file")
JSON_OPTION = typer.Option(False, "--json", help="print JSON for machines instead of a table")


def _fail(err: Exception) -> None:
    """Print a user error (AccordError or bad option) and exit 2, without a traceback."""
    _err(f"error: {err}")
    raise typer.Exit(2)


def _print_json(data) -> None:
    import json

    typer.echo(json.dumps(data, ensure_ascii=False, indent=1, default=str))


def _query(db: Path, run, as_json: bool = False):
    """Run `run(con)` on a read-only connection to the store at `db`; a store error (missing,
    busy, foreign file, other schema) ends the command with exit 2. With `as_json` the result
    is printed as JSON and None returned (the caller is done); otherwise the result is returned."""
    from .errors import AccordError
    from .store import reader

    try:
        with reader(db) as con:
            result = run(con)
    except AccordError as err:
        _fail(err)
    if as_json:
        _print_json(result)
        return None
    return result


def _table(title: str, rows: list[dict], columns: list[tuple[str, str]], empty: str = "nothing found") -> None:
    """A rich table of `rows`; columns are (header, key)."""
    from rich.console import Console
    from rich.table import Table

    console = Console()
    if not console.is_terminal and console.width < 160:
        console = Console(width=160)  # piped into a file or a pager: room for every column
    if not rows:
        console.print(f"[dim]{title}: {empty}[/dim]")
        return
    if console.width < NARROW and len(columns) > 6:
        hidden = [h for h, k in columns if k in HIDE_WHEN_NARROW]
        columns = [(h, k) for h, k in columns if k not in HIDE_WHEN_NARROW]
        if hidden:
            title += f"  [dim](narrow terminal: {', '.join(hidden)} hidden; --json has everything)[/dim]"
    table = Table(title=title, title_justify="left", show_lines=False)
    for header, key in columns:
        wide = key in WIDE_COLUMNS  # free text takes the room left; codes and numbers never wrap
        table.add_column(header, overflow="fold" if wide else "ellipsis", no_wrap=not wide,
                         min_width=MIN_WIDTHS.get(key, 4 if wide else None), max_width=MAX_WIDTHS.get(key),
                         ratio=3 if key in ("sentence_show", "quote_show") else (1 if wide else None))
    for r in rows:
        table.add_row(*["" if r.get(k) is None else _cell(r.get(k)) for _, k in columns])
    console.print(table)


MIN_WIDTHS = {"source_show": 10, "target_show": 10, "contexts": 8, "sentence_show": 16, "quote_show": 16,
              "name": 10, "speaker_show": 10, "aliases_show": 10}
MAX_WIDTHS = {"doc_show": 22, "mode": 10}
NARROW = 110  # below this many columns, wide tables drop their longest free-text columns
HIDE_WHEN_NARROW = {"sentence_show", "doc_show"}
WIDE_COLUMNS = {"sentence_show", "quote_show", "source_show", "target_show", "contexts", "aliases_show", "name",
                "speaker_show"}


def _cell(value) -> str:
    from rich.markup import escape

    if isinstance(value, (list, tuple)):
        value = ", ".join(str(v) for v in value)
    elif isinstance(value, float):
        value = f"{value:.2f}"
    return escape(_safe(str(value)))


def _short(text: str | None, n: int = 90) -> str | None:
    if text is None:
        return None
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


@app.command()
def ingest(
    paths: list[str] = typer.Argument(..., help="files, directories (recursive) or - for stdin"),
    db: Path = DB_OPTION,
    force: bool = typer.Option(False, "--force", help="re-extract and replace articles already stored"),
    workers: int = typer.Option(0, "--workers", "-w", help="pipeline processes (0 = all cores)"),
    batch_size: int = typer.Option(50, "--batch-size", min=1, help="documents per transaction"),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="no progress, only errors and the final line"),
    max_bytes: Optional[int] = MAX_BYTES_OPTION,
    time_budget: Optional[float] = TIME_BUDGET_OPTION,
) -> None:
    """Extract articles and store them in DuckDB. Articles already stored are skipped (same text, same id)."""
    import time

    from .errors import AccordError
    from .stages.read import read_paths
    from .store import ingest as run_ingest

    from functools import partial

    from .pipeline import process_many, process_parallel

    process = partial(process_many, time_budget=_budget(time_budget))
    if workers != 1:
        process = partial(process_parallel, workers=workers or None, time_budget=_budget(time_budget))
    items = read_paths(paths, max_bytes=max_bytes)
    from .distributed import is_parquet_input, read_parquet

    if is_parquet_input(paths):  # Parquet parts written by `accord extract --dask`: already extracted
        items, process = read_parquet(paths), (lambda stream: stream)
    t0 = time.perf_counter()
    progress = None if quiet else _IngestProgress()
    try:
        with progress or _nullcontext():
            report = run_ingest(items, db, force=force, batch_size=batch_size, process=process,
                                on_error=lambda e: _err(f"skipped: {e}"),
                                on_progress=progress.update if progress else None)
    except AccordError as err:
        _fail(err)
    secs = time.perf_counter() - t0
    _err(f"{db}: {report.stored} stored, {report.unchanged} unchanged, {report.duplicates} duplicate(s), "
         f"{len(report.failed)} failed, in {secs:.1f} s")


class _nullcontext:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


class _IngestProgress:
    """A rich progress line on stderr when it is a terminal; otherwise a line every 1000 documents."""

    EVERY = 1000

    def __init__(self) -> None:
        self.tty = sys.stderr.isatty()
        self._progress = None
        self._task = None
        self._last = 0

    def __enter__(self):
        if self.tty:
            from rich.console import Console
            from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

            self._progress = Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
                                      console=Console(stderr=True), transient=True)
            self._progress.__enter__()
            self._task = self._progress.add_task("ingesting", total=None)
        return self

    def __exit__(self, *exc):
        if self._progress is not None:
            self._progress.__exit__(*exc)
        return False

    def update(self, report) -> None:
        line = (f"{report.seen} seen: {report.stored} stored, {report.unchanged} unchanged, "
                f"{len(report.failed)} failed")
        if self._progress is not None:
            self._progress.update(self._task, description=line)
        elif report.seen - self._last >= self.EVERY:
            self._last = report.seen
            _err(line)


@app.command()
def events(
    db: Path = DB_OPTION,
    dyad: Optional[str] = typer.Option(None, "--dyad", help="countries: SRB-RUS (either way), SRB>RUS (directed), SRB (either side)"),
    type: Optional[list[str]] = typer.Option(None, "--type", "-t", help="PLOVER type (repeatable), e.g. COOPERATE"),
    since: Optional[str] = typer.Option(None, "--since", help="YYYY, YYYY-MM or YYYY-MM-DD"),
    until: Optional[str] = typer.Option(None, "--until", help="YYYY, YYYY-MM or YYYY-MM-DD (inclusive)"),
    context: Optional[str] = typer.Option(None, "--context", help="PLOVER context, e.g. terrorism"),
    min_confidence: Optional[float] = typer.Option(None, "--min-confidence", min=0.0, max=1.0),
    limit: int = typer.Option(50, "--limit", "-n", min=0),
    as_json: bool = JSON_OPTION,
) -> None:
    """Stored events, newest first."""
    from .store import query

    for bound in (since, until):
        if bound and not _is_date(bound):
            _fail(ValueError(f"not a date: {bound!r} (use YYYY, YYYY-MM or YYYY-MM-DD)"))
    types = [t for group in (type or []) for t in group.split(",")]
    rows = _query(db, lambda con: query.events(con, dyad=dyad, types=types, since=since, until=until, context=context,
                                               min_confidence=min_confidence, limit=limit), as_json)
    if rows is None:
        return
    for r in rows:
        r["source_show"] = _actor_show(r, "source")
        r["target_show"] = _actor_show(r, "target")
        r["sentence_show"] = _short(r["sentence_text"])
        r["doc_show"] = Path(r["doc_source"]).name
    _table(f"events ({len(rows)})", rows, [("date", "event_date"), ("type", "type"), ("mode", "mode"),
                                            ("source", "source_show"), ("target", "target_show"),
                                            ("contexts", "contexts"), ("conf", "confidence"),
                                            ("sentence", "sentence_show"), ("article", "doc_show")])
    # (narrow terminals: free-text columns wrap, codes are cut with an ellipsis; --json has everything)


def _actor_show(row: dict, side: str) -> str | None:
    name = row.get(f"{side}_name") or row.get(f"{side}_text")
    country = row.get(f"{side}_country")
    if name and country:
        return f"{name} ({country})"
    return name or country


def _is_date(value: str) -> bool:
    import re

    return re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value) is not None


@app.command()
def entities(
    db: Path = DB_OPTION,
    top: int = typer.Option(20, "--top", "-n", min=0, help="how many, by number of documents"),
    country: Optional[str] = typer.Option(None, "--country", help="ISO alpha-3, e.g. RUS"),
    type: Optional[str] = typer.Option(None, "--type", help="PER, ORG or LOC"),
    as_json: bool = JSON_OPTION,
) -> None:
    """Entities (one identity across languages), most mentioned first, with their aliases."""
    from .store import query

    rows = _query(db, lambda con: query.entities(con, top=top, country=country, type=type), as_json)
    if rows is None:
        return
    for r in rows:
        r["aliases_show"] = _short(", ".join(a for a in (r["aliases"] or []) if a != r["name"]), 70)
    _table(f"entities ({len(rows)})", rows, [("name", "name"), ("type", "type"), ("country", "country"),
                                              ("docs", "docs"), ("mentions", "mentions"),
                                              ("aliases", "aliases_show"), ("id", "id")])


@app.command()
def quotes(
    db: Path = DB_OPTION,
    speaker: Optional[str] = typer.Option(None, "--speaker", help="name in any language or script (Vulin finds Вулин)"),
    limit: int = typer.Option(50, "--limit", "-n", min=0),
    as_json: bool = JSON_OPTION,
) -> None:
    """Direct quotes and their speakers."""
    from .store import query

    rows = _query(db, lambda con: query.quotes(con, speaker=speaker, limit=limit), as_json)
    if rows is None:
        return
    for r in rows:
        r["speaker_show"] = r["speaker_name"] or r["speaker_text"]
        r["quote_show"] = _short(r["text"], 120)
        r["doc_show"] = Path(r["source"]).name
    _table(f"quotes ({len(rows)})", rows, [("speaker", "speaker_show"), ("quote", "quote_show"),
                                            ("lang", "lang"), ("published", "published"), ("article", "doc_show")])


@app.command()
def summary(db: Path = DB_OPTION, top: int = typer.Option(10, "--top", min=1), as_json: bool = JSON_OPTION) -> None:
    """What the store holds: documents per language, top entities, quotes, events per type, top dyads."""
    from .store import query

    s = _query(db, lambda con: query.summary(con, top=top), as_json)
    if s is None:
        return
    from rich.console import Console

    Console().print(f"[bold]{db}[/bold]: {s['documents']} documents, {s['entities']} entities, "
                    f"{s['quotes']} quotes ({s['quotes_with_speaker']} with a speaker), {s['events']} events")
    _table("documents per language", s["languages"], [("lang", "lang"), ("script", "script"), ("documents", "documents")])
    _table("top entities", s["top_entities"], [("name", "name"), ("type", "type"), ("country", "country"),
                                               ("docs", "docs"), ("mentions", "mentions")])
    _table("top speakers", s["top_speakers"], [("speaker", "name"), ("quotes", "quotes")])
    _table("events per type", s["event_types"], [("type", "type"), ("events", "events")])
    _table("top country dyads", s["top_dyads"], [("country", "country_a"), ("country", "country_b"), ("events", "events")])


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
        _fail(err)
    if output is not None:
        _err(f"{output}: {n} {'records' if format in ('jsonl',) else 'rows'}")


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

    from . import evaluate as ev

    gold_data = json.loads(gold.read_text(encoding="utf-8"))
    if records is not None:
        out = ev.load_jsonl(records)
    else:
        gold_data, out = ev.gold_and_records(gold, paths or None, on_error=lambda e: _err(f"skipped: {e}"))
    if by_lang:
        res = ev.score_by_group(gold_data, out)
        typer.echo(ev.to_group_json(res) if as_json else ev.to_group_text(res))
        return
    res = ev.score(gold_data, out)
    typer.echo(ev.to_json(res) if as_json else ev.to_text(res))


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
            _fail(err)
    import uvicorn

    from .web import create_app

    hosts = None if host in ("0.0.0.0", "::") else ("127.0.0.1", "localhost", "::1", "[::1]", host)
    typer.echo(f"accord web view of {db} on http://{'127.0.0.1' if hosts is None else host}:{port}/ (Ctrl+C stops)", err=True)
    uvicorn.run(create_app(db, allowed_hosts=hosts), host=host, port=port, log_level="warning")


def main() -> None:
    app()


if __name__ == "__main__":
    main()
