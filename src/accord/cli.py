"""The `accord` command line (typer). Models load lazily: `accord --help` stays instant."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer

app = typer.Typer(add_completion=False, no_args_is_help=True, help="accord: multilingual news to PLOVER event data.")


def _err(msg: str) -> None:
    typer.echo(msg, err=True)


@app.command()
def extract(
    paths: list[str] = typer.Argument(..., help="files, directories (recursive) or - for stdin"),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="JSONL output file (default: stdout)"),
) -> None:
    """Extract one JSON record per article (the output contract) as JSON Lines."""
    from .doc import encode_record
    from .errors import AccordError
    from .pipeline import process_many
    from .stages.read import read_paths

    out = open(output, "wb") if output else sys.stdout.buffer
    failed = 0
    try:
        for item in process_many(read_paths(paths)):
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


@app.command()
def version() -> None:
    """Print accord's version."""
    from . import __version__

    typer.echo(__version__)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
