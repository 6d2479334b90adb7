"""Opening the store: one writer at a time, short-lived connections, clear errors.

DuckDB lets one process hold a file read-write, and a read-write holder also blocks readers
in other processes. So accord keeps connections short: an ingest opens the database only to
look up or write one batch, and readers (query commands, the web view) open it read-only per
request. Both retry for a while when the file is busy, then say plainly why they cannot.
A second `accord ingest` on the same store is refused at once by an advisory lock file
(`<db>.ingest.lock`, next to the store's real path), so two writers never interleave.
"""
from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Iterator
from pathlib import Path

import duckdb

from ..errors import StoreError, StoreLocked
from .schema import DDL, READABLE_VERSIONS, SCHEMA_VERSION

DEFAULT_DB = "accord.duckdb"
READ_WAIT_S = 10.0  # a reader waits at most this long for a batch write to finish
WRITE_WAIT_S = 120.0  # a writer waits this long for readers to let go


def _is_lock_error(exc: Exception) -> bool:
    return isinstance(exc, duckdb.IOException) and "lock" in str(exc).lower()


def _open(path: str, read_only: bool, wait_s: float) -> duckdb.DuckDBPyConnection:
    delay, deadline = 0.02, time.monotonic() + wait_s
    while True:
        try:
            return duckdb.connect(path, read_only=read_only)
        except duckdb.Error as exc:
            if not _is_lock_error(exc):
                raise StoreError(path, f"cannot open the store: {exc}") from exc
            if time.monotonic() >= deadline:
                who = "an accord ingest (or another program) is writing it" if read_only else "another process holds it"
                raise StoreLocked(path, f"the store is busy: {who}; try again when it finishes, or use another --db") from exc
        time.sleep(delay)
        delay = min(delay * 2, 0.5)


@contextlib.contextmanager
def _connection(path: str, read_only: bool, wait_s: float, prepare) -> Iterator[duckdb.DuckDBPyConnection]:
    """Open the store, run `prepare(con, path)` (schema check or creation), yield, close on exit."""
    con = _open(path, read_only=read_only, wait_s=wait_s)
    try:
        prepare(con, path)
        yield con
    finally:
        con.close()


def reader(path: str | Path = DEFAULT_DB, wait_s: float = READ_WAIT_S) -> contextlib.AbstractContextManager[duckdb.DuckDBPyConnection]:
    """A read-only connection, closed on exit. A missing store is an error, not a new file."""
    path = str(path)
    if not Path(path).exists():
        raise StoreError(path, "no store here; create it with `accord ingest PATHS --db " + path + "`")
    return _connection(path, True, wait_s, check_version)


def writer_connection(path: str | Path, wait_s: float = WRITE_WAIT_S) -> contextlib.AbstractContextManager[duckdb.DuckDBPyConnection]:
    """A read-write connection with the schema in place, closed on exit (releasing the file)."""
    return _connection(str(path), False, wait_s, ensure_schema)


def _version(con: duckdb.DuckDBPyConnection) -> str | None:
    rows = con.execute("SELECT value FROM accord_meta WHERE key = 'schema_version'").fetchall()
    return rows[0][0] if rows else None


def _other_version(path: str, version: str | None) -> StoreError:
    if version is not None and version.isdigit() and int(version) > int(SCHEMA_VERSION):
        return StoreError(path, f"store schema version {version} was written by a newer accord (this one reads "
                                f"{', '.join(READABLE_VERSIONS)}); upgrade accord, or re-ingest into a new --db")
    return StoreError(path, f"store schema version {version} is not one this accord reads ({', '.join(READABLE_VERSIONS)}); "
                            "re-ingest into a new --db")


def ensure_schema(con: duckdb.DuckDBPyConnection, path: str) -> None:
    """Create the tables of a new store; bring a store of an older version up to this one."""
    con.execute(DDL)
    version = _version(con)
    if version is None:
        con.execute("INSERT INTO accord_meta VALUES ('schema_version', ?)", [SCHEMA_VERSION])
    elif version == "1":
        migrate_1_to_2(con)
    elif version != SCHEMA_VERSION:
        raise _other_version(path, version)


def migrate_1_to_2(con: duckdb.DuckDBPyConnection, batch: int = 1000) -> int:
    """Version 1 -> 2 in one transaction: the article text leaves documents.record (it stays in
    documents.text). Returns the number of records rewritten. Exports are the same before and after."""
    import msgspec
    import pyarrow as pa

    con.execute("BEGIN TRANSACTION")
    try:
        n = 0
        cur = con.execute("SELECT doc_id, record FROM documents WHERE json_exists(record, '$.text')").fetchall()
        for i in range(0, len(cur), batch):
            ids, recs = [], []
            for doc_id, rec in cur[i:i + batch]:
                data = msgspec.json.decode(rec)
                data.pop("text", None)
                ids.append(doc_id)
                recs.append(msgspec.json.encode(data).decode())
            con.register("_accord_migrated", pa.table({"doc_id": pa.array(ids, pa.string()),
                                                       "record": pa.array(recs, pa.string())}))
            try:
                con.execute("UPDATE documents SET record = m.record FROM _accord_migrated m "
                            "WHERE documents.doc_id = m.doc_id")
            finally:
                con.unregister("_accord_migrated")
            n += len(ids)
        con.execute("UPDATE accord_meta SET value = ? WHERE key = 'schema_version'", [SCHEMA_VERSION])
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    con.execute("CHECKPOINT")  # give the space of the old records back to the file
    return n


def check_version(con: duckdb.DuckDBPyConnection, path: str) -> None:
    """A reader's check: an accord store of a version whose tables this accord reads."""
    try:
        version = _version(con)
    except duckdb.CatalogException:
        raise StoreError(path, "this file is not an accord store (no accord_meta table)") from None
    if version not in READABLE_VERSIONS:
        raise _other_version(path, version)


class WriterLock:
    """Advisory lock held for a whole ingest: a second writer fails fast with StoreLocked.

    The lock file sits next to the store's real path (symbolic links resolved): the same store
    named through a link, or as ./x and x, is one store with one lock; keyed on the path as
    given, a second writer through a symlink got its own lock and wrote alongside the first."""

    def __init__(self, path: str | Path):
        self.db = str(path)
        self.path = f"{os.path.realpath(path)}.ingest.lock"
        self._fd: int | None = None

    def __enter__(self) -> "WriterLock":
        Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            import fcntl
        except ImportError:  # not POSIX: DuckDB's own file lock still prevents corruption
            self._fd = fd
            return self
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            holder = os.read(fd, 64).decode(errors="replace").strip() or "?"
            os.close(fd)
            raise StoreLocked(self.db, f"another accord ingest (PID {holder}) is writing this store; "
                                       "wait for it to finish or use another --db") from None
        os.ftruncate(fd, 0)
        os.write(fd, str(os.getpid()).encode())
        self._fd = fd
        return self

    def __exit__(self, *exc) -> None:
        if self._fd is not None:
            with contextlib.suppress(OSError):
                os.ftruncate(self._fd, 0)
            os.close(self._fd)  # closing releases the flock
            self._fd = None
