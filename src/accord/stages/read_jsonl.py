"""JSON Lines to Articles: one record per line, each judged alone.

Why line by line: a dump holds thousands of articles, and one bad line (invalid JSON, nested
thousands of levels deep, not UTF-8, a NUL byte, over the size limit, an invalid date) must cost
that line only, with its number in the error; the lines around it still come through. A
`published` value that is not a real YYYY-MM-DD date (2021-13-01, 0000-00-00, full-width digits)
is left out with a warning (InputWarning, in Article.meta["warnings"]) and the article is kept:
before, such a value failed the dates stage (E010) or was stored and broke the timeline.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator

import msgspec

from ..doc import Article
from ..errors import AccordError, BadRecord, EmptyInput, InputWarning, ReadError, TooLarge
from .read_decode import MAGIC, _looks_binary, _utf16_without_bom
from .read_html import from_html

# a publication date the pipeline can use: ASCII digits, a real day, optionally a time after T or a space
ISO_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})(?:[T ].*)?", re.S)
YEARS = range(1000, 2100)  # the years the dates stage reads in text
BINARY_SHARE = 0.1  # control bytes or broken UTF-8 in the head of a file beyond this: binary, not JSON Lines
_CONTROL = bytes(b for b in range(32) if b not in b"\t\n\r\x0b\x0c")


def valid_published(value: str) -> bool:
    """'2021-03-05' or '2021-03-05T10:00:00Z': a real date in ASCII digits, year 1000-2099."""
    m = ISO_DATE.fullmatch(value)
    if not m:
        return False
    y, mo, d = map(int, m.groups())
    if y not in YEARS:
        return False
    try:
        dt.date(y, mo, d)
    except ValueError:
        return False
    return True


def warn(article: Article, source: str, reason: str, line: int | None = None) -> None:
    """Note what was left out of an input whose article is kept."""
    article.meta.setdefault("warnings", []).append(str(InputWarning(source, reason, line)))


def from_json_record(obj: object, source: str, line: int, max_bytes: int | None = None) -> Article:
    """One JSON Lines record: `text` or `html`, optional url, title, published, outlet."""
    from .read import MAX_BYTES

    if not isinstance(obj, dict):
        raise BadRecord(source, "line is not a JSON object", line)
    text, html = obj.get("text"), obj.get("html")
    limit = MAX_BYTES if max_bytes is None else max_bytes
    for key, value in (("text", text), ("html", html)):
        if value is not None and not isinstance(value, str):
            raise BadRecord(source, f"field '{key}' must be a string, not {type(value).__name__}", line)
        if isinstance(value, str) and len(value.encode("utf-8", "surrogatepass")) > limit:
            raise TooLarge(source, f"field '{key}' is over the limit of {limit} bytes (--max-bytes or ACCORD_MAX_BYTES); skipped", line)
    if isinstance(text, str) and text.strip():
        art = Article(text=text, source=f"{source}:{line}")
    elif isinstance(html, str) and html.strip():
        art = from_html(html, f"{source}:{line}")
    else:
        raise BadRecord(source, "record has neither a non-empty 'text' nor 'html'", line)
    if "\x00" in art.text or _looks_binary(art.text):
        raise BadRecord(source, "record text holds control characters (binary data?)", line)
    for key in ("url", "title", "published", "outlet"):
        if isinstance(obj.get(key), str) and obj[key].strip():
            art.meta[key] = obj[key].strip()
    published = art.meta.get("published")
    if published is not None and not valid_published(published):
        del art.meta["published"]
        warn(art, source, f"'published' {published[:40]!r} is not a valid date (YYYY-MM-DD, year 1000-2099); "
                          "left out, the article is kept", line)
    if art.meta.get("url"):
        art.url = art.meta["url"]
    return art


def jsonl_text(text: str, source: str, max_bytes: int) -> Iterator[Article | AccordError]:
    """Records from already decoded JSON Lines (UTF-16/32 files, decoded whole)."""
    for i, line in enumerate(re.split(r"\r?\n", text), 1):
        if line.strip():
            yield jsonl_record(line, source, i, max_bytes)


def jsonl_record(line: str, source: str, i: int, max_bytes: int) -> Article | AccordError:
    """One line: an Article, or the error that names the line. Never raises."""
    try:
        return from_json_record(msgspec.json.decode(line), source, i, max_bytes)
    except msgspec.DecodeError as exc:
        return BadRecord(source, f"invalid JSON: {exc}", i)
    except RecursionError:  # '[[[[...' a thousand levels deep: msgspec recurses per level
        return BadRecord(source, "JSON nested too deeply to read (thousands of levels); skipped", i)
    except AccordError as err:
        if err.line is None:  # an HTML error inside a record: say which line
            err = type(err)(source, err.reason, i)
        return err
    except Exception as exc:  # noqa: BLE001 - whatever else a hostile line provokes costs that line only
        return BadRecord(source, f"record could not be read: {type(exc).__name__}: {exc}", i)


def jsonl_lines(lines: Iterable[tuple[int, bytes | int]], source: str, max_bytes: int) -> Iterator[Article | AccordError]:
    """JSON Lines from raw UTF-8 lines (the format's encoding), each judged alone: a bad, broken
    or oversized line is an error with its number; the lines around it still come through.
    A line given as an int is one too long to hold (its size in bytes)."""
    blank = True
    for i, raw in lines:
        if isinstance(raw, int):
            blank = False
            yield TooLarge(source, f"line of {raw} bytes is over the limit of {max_bytes} (--max-bytes or ACCORD_MAX_BYTES); skipped", i)
            continue
        if i == 1:
            raw = raw.removeprefix(b"\xef\xbb\xbf")
        if not raw.strip():
            continue
        blank = False
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            yield BadRecord(source, f"line is not UTF-8 (invalid byte at column {exc.start + 1}); JSON Lines are UTF-8", i)
            continue
        yield jsonl_record(line, source, i, max_bytes)
    if blank:
        yield EmptyInput(source, "file is empty or whitespace only")


def file_lines(f, limit: int) -> Iterator[tuple[int, bytes | int]]:
    """(number, bytes) for each line of a binary file, holding at most `limit` bytes at a time;
    a longer line is skipped to its end and given as its size."""
    i = 0
    while raw := f.readline(limit + 1):
        i += 1
        if len(raw) > limit and not raw.endswith(b"\n"):
            size = len(raw)
            while raw and not raw.endswith(b"\n"):
                raw = f.readline(1 << 20)
                size += len(raw)
            yield i, size
        else:
            yield i, raw


def is_utf8_jsonl(head: bytes) -> bool:
    """UTF-16/32 JSON Lines (a BOM, or NUL-patterned bytes) are decoded as a whole instead."""
    return not (head.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")) or _utf16_without_bom(head[: len(head) // 2 * 2]))


def binary_head(head: bytes, source: str) -> AccordError | None:
    """The whole file refused as binary: a known binary format, or a head that is mostly control
    bytes and broken UTF-8. One NUL byte in a line is that line's error, not the file's."""
    for magic, what in MAGIC:
        if head.startswith(magic):
            return ReadError(source, f"content is binary ({what}), not text")
    if not head:
        return None
    bad = sum(head.count(c) for c in _CONTROL) + head.decode("utf-8", "replace").count("\ufffd")
    if bad > BINARY_SHARE * len(head):
        return ReadError(source, "content is binary, not text (control bytes and invalid UTF-8)")
    return None


def read_jsonl_file(f, source: str, suffix: str, limit: int) -> Iterator[Article | AccordError]:
    """A JSON Lines file of any size from an open binary file, read line by line: the size limit
    is per article (record). A UTF-16/32 file is decoded whole, up to the limit."""
    from .read import read_bytes

    head = f.read(8192)
    f.seek(0)
    if not is_utf8_jsonl(head):
        data = f.read(limit + 1)
        if len(data) > limit:
            yield TooLarge(source, f"UTF-16/32 JSON Lines over the limit of {limit} bytes (--max-bytes or ACCORD_MAX_BYTES); skipped")
        else:
            yield from read_bytes(data, source, suffix, limit)
        return
    bad = binary_head(head, source)
    if bad is not None:
        yield bad
        return
    yield from jsonl_lines(file_lines(f, limit), source, limit)
