"""The progress of `accord extract` and `accord ingest`: a bar with total, rate and time left.

Why: a run over thousands of articles takes minutes to hours, and before this `extract` showed
nothing and `ingest` only a count. On a terminal (stderr) a rich bar shows done/total, articles
per second and the time left; the total is counted before the run (files, and the lines of JSON
Lines files), or unknown for stdin. When stderr is not a terminal (a log, a pipe, CI) nothing is
drawn: a line every EVERY articles says how far the run is, and the command's final line says
the rest.
"""
from __future__ import annotations

import sys

from .cli_output import echo_err


class RunProgress:
    """Progress of one run over `total` articles (None: unknown); `advance(n, line)` after each."""

    EVERY = 1000

    def __init__(self, total: int | None, what: str = "articles", quiet: bool = False) -> None:
        self.total = total or None
        self.what = what
        self.tty = not quiet and sys.stderr.isatty()
        self.quiet = quiet
        self.done = 0
        self._progress = None
        self._task = None
        self._last = 0

    def __enter__(self) -> "RunProgress":
        if self.tty:
            from rich.console import Console
            from rich.progress import (BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TaskProgressColumn,
                                       TextColumn, TimeElapsedColumn, TimeRemainingColumn)

            rate = TextColumn("{task.fields[rate]}")
            columns = ([SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                        TaskProgressColumn(), rate, TimeElapsedColumn(), TextColumn("left"), TimeRemainingColumn()]
                       if self.total else
                       [SpinnerColumn(), TextColumn("{task.description}"), TextColumn("{task.completed} " + self.what),
                        rate, TimeElapsedColumn()])
            self._progress = Progress(*columns, console=Console(stderr=True), transient=True)
            self._progress.__enter__()
            self._task = self._progress.add_task(self.what, total=self.total, rate="")
        return self

    def __exit__(self, *exc) -> bool:
        if self._progress is not None:
            self._progress.__exit__(*exc)
        return False

    def advance(self, n: int = 1, line: str | None = None) -> None:
        """`n` more articles done; `line` says what the run has done so far (counts)."""
        self.done += n
        if self._progress is not None:
            task = self._progress.tasks[0]
            speed = task.speed
            self._progress.update(self._task, advance=n, description=line or self.what,
                                  rate=f"{speed:.1f} {self.what}/s" if speed else "")
        elif not self.quiet and self.done - self._last >= self.EVERY:
            self._last = self.done
            of = f" of {self.total}" if self.total else ""
            echo_err(f"{self.done}{of} {self.what}" + (f": {line}" if line else ""))

    def ingested(self, report) -> None:
        """The store's on_progress: the report after each article."""
        line = f"{report.stored} stored, {report.unchanged} unchanged, {len(report.failed)} failed"
        self.advance(report.seen - self.done, line)
