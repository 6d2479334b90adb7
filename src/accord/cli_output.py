"""What the `accord` commands print: errors, JSON, tables and the ingest progress line.

Why apart from accord.cli: every command prints through these, and article text (and file
names) are data that must never act on the terminal (the escaping itself: accord.terminal).
Nothing heavy is imported here at module level: `accord --help` stays instant.
"""
from __future__ import annotations

import sys
from pathlib import Path

import typer

from .terminal import is_terminal, safe, safe_json


def echo_err(msg: str) -> None:
    """A message on stderr, with control characters shown, not sent (safe)."""
    typer.echo(safe(msg), err=True)


DB_OPTION = typer.Option("accord.duckdb", "--db", help="DuckDB store file")
JSON_OPTION = typer.Option(False, "--json", help="print JSON for machines instead of a table")


def fail(err: Exception) -> None:
    """Print a user error (AccordError or bad option) and exit 2, without a traceback."""
    echo_err(f"error: {err}")
    raise typer.Exit(2)


def print_json(data) -> None:
    """JSON on stdout; on a terminal, with what JSON leaves raw (C1 controls, bidi overrides) escaped."""
    import json

    text = json.dumps(data, ensure_ascii=False, indent=1, default=str)
    typer.echo(safe_json(text) if is_terminal(sys.stdout) else text)


def echo_text(text: str) -> None:
    """Plain text (a report) on stdout, control characters shown, not sent."""
    typer.echo(safe(text))


def query_store(db: Path, run, as_json: bool = False):
    """Run `run(con)` on a read-only connection to the store at `db`; a store error (missing,
    busy, foreign file, other schema) or a filter value the store cannot match (ValueError from
    accord.store.filter_values) ends the command with exit 2. With `as_json` the result
    is printed as JSON and None returned (the caller is done); otherwise the result is returned."""
    from .errors import AccordError
    from .store import reader

    try:
        with reader(db) as con:
            result = run(con)
    except (AccordError, ValueError) as err:
        fail(err)
    if as_json:
        print_json(result)
        return None
    return result


def table(title: str, rows: list[dict], columns: list[tuple[str, str]], empty: str = "nothing found") -> None:
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
        table.add_row(*["" if r.get(k) is None else cell(r.get(k)) for _, k in columns])
    console.print(table)


MIN_WIDTHS = {"source_show": 10, "target_show": 10, "contexts": 8, "sentence_show": 16, "quote_show": 16,
              "name": 10, "speaker_show": 10, "aliases_show": 10}
MAX_WIDTHS = {"doc_show": 22, "mode": 10}
NARROW = 110  # below this many columns, wide tables drop their longest free-text columns
HIDE_WHEN_NARROW = {"sentence_show", "doc_show"}
WIDE_COLUMNS = {"sentence_show", "quote_show", "source_show", "target_show", "contexts", "aliases_show", "name",
                "speaker_show"}


def cell(value) -> str:
    """A value as table text: lists joined, floats rounded, control characters shown, rich markup escaped."""
    from rich.markup import escape

    if isinstance(value, (list, tuple)):
        value = ", ".join(str(v) for v in value)
    elif isinstance(value, float):
        value = f"{value:.2f}"
    return escape(safe(str(value)))


def short(text: str | None, n: int = 90) -> str | None:
    if text is None:
        return None
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"
