"""Which files the readers open, and how: directories walked, only regular files read, every
read capped at the size limit.

Why: a path on the command line or inside a directory can be anything the filesystem holds.
A FIFO has size 0 and blocks its reader forever (an ingest then held the writer lock for good);
/dev/zero has size 0 and never ends (read until MemoryError); a folder that cannot be listed
was skipped without a word; a file name that is not UTF-8 (`caf\\xe9.txt`) made every record
of its batch unwritable. So: only regular files are opened (anything else is an E001 error
naming it and what it is), a read never takes more than the limit plus one byte whatever stat
said, an unlistable folder is an error naming it, and a name that is not UTF-8 is shown with
its odd bytes escaped (`caf\\xe9.txt`), the article kept with a warning.
"""
from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import AccordError, ReadError

KINDS = ((stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISCHR, "a character device"),
         (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"), (stat.S_ISDIR, "a directory"))


def display_name(path: str | Path) -> str:
    """The path as text that can be stored and printed: bytes that are not UTF-8 (kept by
    Python as lone surrogates) are written as \\xNN."""
    text = str(path)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(text).decode("utf-8", "backslashreplace")
    return text


def not_regular(mode: int) -> str | None:
    """What a file is when it is not a regular file ('a named pipe (FIFO)', ...), else None."""
    if stat.S_ISREG(mode):
        return None
    return next((what for test, what in KINDS if test(mode)), "not a regular file")


def _entry_problem(path: Path) -> str:
    """Why a directory entry with a readable suffix is not a regular file."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return "a broken symbolic link"
    except OSError as exc:
        return f"cannot be examined ({exc.strerror or exc})"
    return not_regular(mode) or "not a regular file"


def walk(root: Path, suffixes: Iterable[str]) -> Iterator[Path | AccordError]:
    """Files under `root` with one of `suffixes`, sorted as Path.rglob sorted them (hidden ones
    and symlinked folders skipped, as before); an unlistable folder, or an entry with a
    readable suffix that is not a regular file (FIFO, socket, device, broken link), is an
    error in its place."""
    wanted = set(suffixes)
    found: list[tuple[Path, Path | AccordError]] = []
    todo = [root]
    while todo:  # a loop, not recursion: a tree 10 000 folders deep must not stop the run
        folder = todo.pop()
        try:
            with os.scandir(folder) as it:
                entries = list(it)
        except OSError as exc:
            found.append((folder, ReadError(display_name(folder), f"cannot list this folder ({exc.strerror or exc}); "
                                                                  "the files in it are skipped")))
            continue
        for e in entries:
            if e.name.startswith("."):
                continue
            path = Path(e.path)
            try:
                is_dir = e.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                if not e.is_symlink():
                    todo.append(path)
                continue
            if path.suffix.lower() not in wanted:
                continue
            try:
                regular = e.is_file()
            except OSError:
                regular = False
            found.append((path, path if regular else ReadError(
                display_name(path), f"{_entry_problem(path)}, not a regular file; only regular files are read")))
    found.sort(key=lambda pair: pair[0])
    for _, item in found:
        yield item


def open_regular(path: Path, source: str):
    """An open binary file, or the ReadError saying why not (missing, unreadable, or not a
    regular file: opened without blocking, so a FIFO is refused instead of waited on)."""
    try:
        mode = os.stat(path).st_mode
        what = not_regular(mode)
        if what is None:
            fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
            what = not_regular(os.fstat(fd).st_mode)  # the same file as stat saw, not one swapped in since
            if what is None:
                return os.fdopen(fd, "rb")
            os.close(fd)
    except FileNotFoundError:
        return ReadError(source, "no such file or directory")
    except OSError as exc:
        return ReadError(source, f"cannot read: {exc.strerror or exc}")
    return ReadError(source, f"{what}, not a regular file; only regular files are read")


def read_capped(f, limit: int) -> bytes | None:
    """At most `limit` bytes of a file, or None when it holds more (whatever its size said)."""
    data = f.read(limit + 1)
    return None if len(data) > limit else data
