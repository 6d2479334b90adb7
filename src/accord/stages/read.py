"""Read inputs into Articles: .txt (any common encoding), .html/.htm (trafilatura), .jsonl, stdin.

Why: scraped files come in every legacy encoding (cp1251 Russian, cp1250 Serbian Latin,
UTF-16 from Windows tools), as HTML pages, or as JSON Lines dumps; some are empty, binary,
huge or hostile. Each input becomes an Article whose `text` is the decoded text, kept
unmodified (every later offset points into it), or an AccordError naming the file (and JSONL
line) and the reason. Errors are yielded, not raised, so one bad file never stops a batch;
what an input loses without losing its article (an invalid date, a name that is not UTF-8) is
an InputWarning in Article.meta["warnings"].

The jobs, one module each: read_files (what is opened: directories walked, regular files only,
reads capped), read_decode (bytes to text), read_html (pages, deep ones too), read_jsonl (one
record per line). The size limit is `max_bytes` (default MAX_BYTES, or the ACCORD_MAX_BYTES
environment variable).
"""
from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..doc import Article
from ..errors import AccordError, ReadError, TooLarge
from .read_decode import decode_bytes
from .read_format import FORMATS, SNIFF_BYTES, SUFFIX, sniff, suffix_for
from .read_files import display_name, open_regular, read_capped, walk
from .read_html import from_html
from .read_jsonl import binary_head, is_utf8_jsonl, jsonl_lines, jsonl_text, read_jsonl_file, warn

MAX_BYTES = int(os.environ.get("ACCORD_MAX_BYTES", 20_000_000))
TEXT_SUFFIXES = {".txt", ".text", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
DIRECTORY_SUFFIXES = (SUFFIXES - {""})  # files picked up when walking a directory

__all__ = ["FORMATS", "MAX_BYTES", "SUFFIXES", "decode_bytes", "from_html", "iter_files", "iter_inputs", "read_bytes", "read_paths"]


def iter_inputs(paths: Iterable[str | Path]) -> Iterator[Path | str | AccordError]:
    """What the given paths name: files (directories walked recursively, sorted, hidden ones
    skipped), '-' for stdin, and an error in place of a folder that cannot be listed or an
    entry that is not a regular file."""
    for p in paths:
        if str(p) == "-":
            yield "-"
            continue
        path = Path(p)
        if path.is_dir():
            yield from walk(path, DIRECTORY_SUFFIXES)
        else:
            yield path


def iter_files(paths: Iterable[str | Path]) -> Iterator[Path | str]:
    """The files of iter_inputs, without its errors (for listing a corpus)."""
    return (f for f in iter_inputs(paths) if not isinstance(f, AccordError))


def read_bytes(data: bytes, source: str, suffix: str = ".txt", max_bytes: int | None = None) -> Iterator[Article | AccordError]:
    """Articles (or errors) from one input's bytes; `suffix` picks text, HTML or JSON Lines."""
    limit = MAX_BYTES if max_bytes is None else max_bytes
    if suffix in JSONL_SUFFIXES and is_utf8_jsonl(data[:8192]):
        bad = binary_head(data[:8192], source)
        lines = ((i, raw if len(raw) <= limit else len(raw)) for i, raw in enumerate(data.split(b"\n"), 1))
        yield from ([bad] if bad is not None else jsonl_lines(lines, source, limit))
        return
    if len(data) > limit:
        yield TooLarge(source, f"{len(data)} bytes is over the limit of {limit} (raise it with --max-bytes or ACCORD_MAX_BYTES); skipped")
        return
    try:
        text = decode_bytes(data, source)
    except AccordError as err:
        yield err
        return
    if suffix in JSONL_SUFFIXES:
        yield from jsonl_text(text, source, limit)
        return
    try:
        if suffix in HTML_SUFFIXES:
            yield from_html(text, source)
        else:
            yield Article(text=text, source=source)
    except AccordError as err:
        yield err


def _read_file(path: Path, source: str, limit: int, fmt: str = "auto") -> Iterator[Article | AccordError]:
    """One regular file, never more than `limit` bytes in memory at once; its suffix picks the
    reader unless `fmt` names one, and a page under another suffix is read as HTML by its content."""
    f = open_regular(path, source)
    if isinstance(f, AccordError):
        yield f
        return
    suffix = path.suffix.lower() if fmt == "auto" else SUFFIX[fmt]
    with f:
        if suffix in JSONL_SUFFIXES:
            yield from read_jsonl_file(f, source, suffix, limit)
            return
        size = os.fstat(f.fileno()).st_size
        data = None if size > limit else read_capped(f, limit)
    if data is None:
        what = f"{size} bytes is" if size > limit else f"it holds more than {limit} bytes (more than its size of {size} said), so it is"
        yield TooLarge(source, f"{what} over the limit of {limit} (raise it with --max-bytes or ACCORD_MAX_BYTES); skipped")
        return
    if fmt == "auto" and suffix not in HTML_SUFFIXES and sniff(data[:SNIFF_BYTES]) == "html":
        suffix = ".html"  # a page saved under another name (.txt, .php, none): its content says HTML
    yield from read_bytes(data, source, suffix, limit)


def read_paths(paths: Iterable[str | Path], max_bytes: int | None = None, fmt: str = "auto",
               on_format=None) -> Iterator[Article | AccordError]:
    """Every article under the paths, in order; a file that fails is an error in the stream.

    `fmt` (accord.stages.read_format.FORMATS): 'auto' reads a file by its suffix and sniffs
    stdin; 'txt', 'html' or 'jsonl' reads every input so. `on_format(source, format, sniffed)`
    hears which format stdin was read as."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown input format {fmt!r} (valid: {', '.join(FORMATS)})")
    limit = MAX_BYTES if max_bytes is None else max_bytes
    for f in iter_inputs(paths):
        if isinstance(f, AccordError):
            yield f
            continue
        if f == "-":
            data = sys.stdin.buffer.read(limit + 1)
            suffix, used = suffix_for(fmt, data)
            if on_format is not None:
                on_format("<stdin>", used, fmt == "auto")
            yield from read_bytes(data, "<stdin>", suffix, limit)
            continue
        source = display_name(f)
        try:
            for item in _read_file(Path(f), source, limit, fmt):
                if source != str(f) and isinstance(item, Article):
                    warn(item, source, "the file name is not valid UTF-8; its odd bytes are shown as \\xNN in the source")
                yield item
        except Exception as exc:  # noqa: BLE001 - whatever a hostile file provokes costs that file only
            yield ReadError(source, f"could not be read: {type(exc).__name__}: {exc}")


def count_articles(paths: Iterable[str | Path], fmt: str = "auto") -> int | None:
    """About how many articles the paths hold, for a progress bar: a file each, a line each in
    JSON Lines files; None when stdin is among them (its size is unknown until it is read)."""
    total = 0
    for f in iter_files(paths):
        if f == "-":
            return None
        path = Path(f)
        if (path.suffix.lower() if fmt == "auto" else SUFFIX[fmt]) in JSONL_SUFFIXES:
            try:
                with open(path, "rb") as fh:
                    total += sum(chunk.count(b"\n") for chunk in iter(lambda: fh.read(1 << 20), b"")) or 1
            except OSError:
                total += 1
        else:
            total += 1
    return total
