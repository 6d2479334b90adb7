"""Read inputs into Articles: .txt (any common encoding), .html/.htm (trafilatura), .jsonl, stdin.

Why: scraped files come in every legacy encoding (cp1251 Russian, cp1250 Serbian Latin,
UTF-16 from Windows tools), as HTML pages, or as JSON Lines dumps; some are empty, binary or
huge. Each input becomes an Article whose `text` is the decoded text, kept unmodified (every
later offset points into it), or an AccordError naming the file (and JSONL line) and the reason.
Errors are yielded, not raised, so one bad file never stops a batch.

The size limit is `max_bytes` (default MAX_BYTES, or the ACCORD_MAX_BYTES environment variable).
"""
from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

import msgspec

from ..doc import Article
from ..errors import AccordError, BadRecord, EmptyInput, ReadError, TooLarge

MAX_BYTES = int(os.environ.get("ACCORD_MAX_BYTES", 20_000_000))
TEXT_SUFFIXES = {".txt", ".text", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
DIRECTORY_SUFFIXES = (SUFFIXES - {""})  # files picked up when walking a directory

# legacy encodings scraped news comes in; charset-normalizer proposes, plausibility decides
CANDIDATE_ENCODINGS = ("cp1251", "cp1250", "cp1252", "latin_1", "koi8_r", "iso8859_2", "iso8859_5")
BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
MAGIC = (  # binary formats people feed by mistake
    (b"%PDF", "a PDF document"), (b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"), (b"PK\x03\x04", "a ZIP archive (docx/xlsx?)"), (b"\x1f\x8b", "a gzip archive"),
    (b"\xd0\xcf\x11\xe0", "an OLE document (doc/xls?)"), (b"\x7fELF", "an executable"), (b"BZh", "a bzip2 archive"),
)

# letters each of our alphabets expects beyond ASCII; a decoding that mixes alphabets is wrong
_ALPHABETS = (
    set("абвгдеёжзийклмнопрстуфхцчшщъыьэюяђјљњћџіїєґ" + "абвгдеёжзийклмнопрстуфхцчшщъыьэюяђјљњћџіїєґ".upper()),
    set("čćšžđČĆŠŽĐ"),
    set("àâçéèêëîïôûùüÿñäöüßáíóúãõåæøœÀÂÇÉÈÊËÎÏÔÛÙÜŸÑÄÖÜÁÍÓÚÃÕÅÆØŒ"),
)
_WORDS_RE = re.compile(r"[^\W\d_]+")
_ASCII_LETTER_RE = re.compile(r"[A-Za-z]")
_CYRILLIC_RE = re.compile(r"[\u0400-\u04ff]")
_TYPOGRAPHY = set("„“”‘’«»–—…•°€№§©®™\u00a0")


def iter_files(paths: Iterable[str | Path]) -> Iterator[Path | str]:
    """Files under the given paths (directories recursively, sorted, hidden ones skipped); '-' is stdin."""
    for p in paths:
        if str(p) == "-":
            yield "-"
            continue
        path = Path(p)
        if path.is_dir():
            for f in sorted(path.rglob("*")):
                rel = f.relative_to(path).parts
                if any(part.startswith(".") for part in rel):
                    continue
                if f.is_file() and f.suffix.lower() in DIRECTORY_SUFFIXES:
                    yield f
        else:
            yield path


def _plausibility(text: str) -> float:
    """How much a decoding looks like real text in one alphabet (higher is better)."""
    sample = text[:20_000]
    non_ascii = [c for c in sample if ord(c) > 127 and c not in _TYPOGRAPHY]
    controls = sum(1 for c in sample if (ord(c) < 32 and c not in "\t\n\r\f\v") or 0x80 <= ord(c) < 0xA0)
    best = -len(non_ascii) * 3.0
    for alphabet in _ALPHABETS:
        inside = sum(1 for c in non_ascii if c in alphabet)
        best = max(best, inside - 3.0 * (len(non_ascii) - inside))
    # Cyrillic letters inside Latin words: a Latin text decoded with a Cyrillic code page
    mixed = sum(1 for w in _WORDS_RE.findall(sample) if _ASCII_LETTER_RE.search(w) and _CYRILLIC_RE.search(w))
    return best - 10.0 * controls - 5.0 * mixed


def _top2_share(column: bytes) -> float:
    counts = sorted((column.count(b) for b in set(column)), reverse=True)
    return sum(counts[:2]) / len(column)


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 without a BOM: one byte of each pair is the high byte, nearly constant in a
    one-alphabet text (0x00 for ASCII, 0x04 for Cyrillic), and NUL shows up among them."""
    if len(data) % 2 or len(data) < 8:
        return None
    head = data[:8192]
    even, odd = head[0::2], head[1::2]
    for enc, high, low in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if high.count(0) >= 0.05 * len(high) and _top2_share(high) >= 0.9 and _top2_share(low) < 0.6 and low.count(0) < 0.02 * len(low):
            try:
                return data.decode(enc)
            except UnicodeDecodeError:
                return None
    return None


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    if not sample:
        return False
    bad = sum(1 for c in sample if (ord(c) < 32 and c not in "\t\n\r\f\v") or 0xFFF0 <= ord(c) <= 0xFFFF or 0x80 <= ord(c) < 0xA0)
    return bad / len(sample) > 0.02


def decode_bytes(data: bytes, source: str) -> str:
    """Decode text: BOM first, UTF-16 by its NUL pattern, strict UTF-8, then the most plausible
    of charset-normalizer's guess and the legacy candidates. The result is never altered."""
    if not data.strip(b" \t\r\n\x0b\x0c\x00"):
        raise EmptyInput(source, "file is empty or whitespace only")
    for magic, what in MAGIC:
        if data.startswith(magic):
            raise ReadError(source, f"content is binary ({what}), not text")
    text: str | None = None
    for bom, enc in BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError as exc:
                raise ReadError(source, f"invalid {enc} text after its byte-order mark at byte {exc.start}") from exc
            break
    if text is None:
        text = _utf16_without_bom(data)
    if text is None:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = _nearly_utf8(data) or _decode_legacy(data, source)
    if _looks_binary(text):
        raise ReadError(source, "content is binary, not text (control bytes in what should be text)")
    if not text.strip():
        raise EmptyInput(source, "file is empty or whitespace only")
    return text


def _nearly_utf8(data: bytes) -> str | None:
    """UTF-8 with a few broken bytes (a character cut where a scraper split its chunks, a stray
    byte): decoded as UTF-8 with U+FFFD for the broken bytes, not with a legacy code page that
    would turn every other letter of the article into mojibake."""
    text = data.decode("utf-8", errors="replace")
    broken = text.count("\ufffd") - data.count("\ufffd".encode())
    wide = sum(1 for c in text if ord(c) > 127) - broken
    return text if wide >= 20 and wide >= 10 * broken else None


def _decode_legacy(data: bytes, source: str) -> str:
    if data[:8192].count(0) > 0:
        raise ReadError(source, "content is binary, not text (NUL bytes)")
    from charset_normalizer import from_bytes

    candidates: dict[str, str] = {}
    guess = from_bytes(data[:200_000], cp_isolation=list(CANDIDATE_ENCODINGS)).best()
    if guess is not None:
        try:
            candidates[guess.encoding] = data.decode(guess.encoding)
        except (UnicodeDecodeError, LookupError):
            pass
    for enc in CANDIDATE_ENCODINGS:
        if enc not in candidates:
            try:
                candidates[enc] = data.decode(enc)
            except UnicodeDecodeError:
                continue
    if not candidates:
        raise ReadError(source, "cannot detect the text encoding (not UTF-8, UTF-16 or a known legacy encoding)")
    order = list(candidates)
    scores = {enc: _plausibility(t) + (0.5 if guess is not None and enc == guess.encoding else 0.0) for enc, t in candidates.items()}
    best = max(order, key=lambda enc: (scores[enc], -order.index(enc)))
    return candidates[best]


def from_html(html: str, source: str) -> Article:
    """Main text and metadata (title, date, site name) with trafilatura."""
    import trafilatura

    try:
        extracted = trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, output_format="python",
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as exc:  # lxml and trafilatura raise many kinds on hostile markup
        raise ReadError(source, f"HTML could not be parsed: {type(exc).__name__}: {exc}") from exc
    data = {}
    if extracted is not None:
        data = extracted if isinstance(extracted, dict) else extracted.as_dict()
    body = (data.get("text") or "").strip()
    if not body:
        try:
            body = (trafilatura.html2txt(html) or "").strip()
        except Exception:
            body = ""
    if not body:
        raise ReadError(source, "HTML holds no extractable article text")
    title = (data.get("title") or "").strip()
    text = f"{title}\n\n{body}" if title and not body.startswith(title) else body
    meta = {k: data.get(k) for k in ("title", "date", "sitename", "url", "author") if data.get(k)}
    return Article(text=text, source=source, meta=meta, url=data.get("url"))


def from_json_record(obj: object, source: str, line: int, max_bytes: int | None = None) -> Article:
    """One JSON Lines record: `text` or `html`, optional url, title, published, outlet."""
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
    if art.meta.get("url"):
        art.url = art.meta["url"]
    return art


def _jsonl(text: str, source: str, max_bytes: int) -> Iterator[Article | AccordError]:
    for i, line in enumerate(re.split(r"\r?\n", text), 1):
        if line.strip():
            yield _jsonl_record(line, source, i, max_bytes)


def _jsonl_record(line: str, source: str, i: int, max_bytes: int) -> Article | AccordError:
    try:
        return from_json_record(msgspec.json.decode(line), source, i, max_bytes)
    except msgspec.DecodeError as exc:
        return BadRecord(source, f"invalid JSON: {exc}", i)
    except AccordError as err:
        if err.line is None:  # an HTML error inside a record: say which line
            err = type(err)(source, err.reason, i)
        return err


def _jsonl_lines(lines: Iterable[tuple[int, bytes | int]], source: str, max_bytes: int) -> Iterator[Article | AccordError]:
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
        yield _jsonl_record(line, source, i, max_bytes)
    if blank:
        yield EmptyInput(source, "file is empty or whitespace only")


def _file_lines(f, limit: int) -> Iterator[tuple[int, bytes | int]]:
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


def _jsonl_is_utf8(head: bytes) -> bool:
    """UTF-16/32 JSON Lines (a BOM, or NUL-patterned bytes) are decoded as a whole instead."""
    return not (head.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")) or _utf16_without_bom(head[: len(head) // 2 * 2]))


def _binary_head(head: bytes, source: str) -> AccordError | None:
    for magic, what in MAGIC:
        if head.startswith(magic):
            return ReadError(source, f"content is binary ({what}), not text")
    if b"\x00" in head:
        return ReadError(source, "content is binary, not text (NUL bytes)")
    return None


def _read_jsonl_file(path: Path, source: str, limit: int) -> Iterator[Article | AccordError]:
    """A JSON Lines file of any size, read line by line: the size limit is per article (record)."""
    with open(path, "rb") as f:
        head = f.read(8192)
        f.seek(0)
        if not _jsonl_is_utf8(head):
            size = path.stat().st_size
            if size > limit:
                yield TooLarge(source, f"{size} bytes of UTF-16/32 JSON Lines is over the limit of {limit} (--max-bytes or ACCORD_MAX_BYTES); skipped")
            else:
                yield from read_bytes(f.read(), source, path.suffix.lower(), limit)
            return
        bad = _binary_head(head, source)
        if bad is not None:
            yield bad
            return
        yield from _jsonl_lines(_file_lines(f, limit), source, limit)


def read_bytes(data: bytes, source: str, suffix: str = ".txt", max_bytes: int | None = None) -> Iterator[Article | AccordError]:
    """Articles (or errors) from one input's bytes; `suffix` picks text, HTML or JSON Lines."""
    limit = MAX_BYTES if max_bytes is None else max_bytes
    if suffix in JSONL_SUFFIXES and _jsonl_is_utf8(data[:8192]):
        bad = _binary_head(data[:8192], source)
        lines = ((i, raw if len(raw) <= limit else len(raw)) for i, raw in enumerate(data.split(b"\n"), 1))
        yield from ([bad] if bad is not None else _jsonl_lines(lines, source, limit))
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
        yield from _jsonl(text, source, limit)
        return
    try:
        if suffix in HTML_SUFFIXES:
            yield from_html(text, source)
        else:
            yield Article(text=text, source=source)
    except AccordError as err:
        yield err


def read_paths(paths: Iterable[str | Path], max_bytes: int | None = None) -> Iterator[Article | AccordError]:
    """Every article under the paths, in order; a file that fails is an error in the stream."""
    limit = MAX_BYTES if max_bytes is None else max_bytes
    for f in iter_files(paths):
        if f == "-":
            data = sys.stdin.buffer.read(limit + 1)
            yield from read_bytes(data, "<stdin>", ".txt", limit)
            continue
        source = str(f)
        path = Path(f)
        try:
            if path.is_dir():
                continue
            if path.suffix.lower() in JSONL_SUFFIXES:
                yield from _read_jsonl_file(path, source, limit)
                continue
            size = path.stat().st_size
            if size > limit:
                yield TooLarge(source, f"{size} bytes is over the limit of {limit} (raise it with --max-bytes or ACCORD_MAX_BYTES); skipped")
                continue
            data = path.read_bytes()
        except FileNotFoundError:
            yield ReadError(source, "no such file or directory")
            continue
        except OSError as exc:
            yield ReadError(source, f"cannot read: {exc.strerror or exc}")
            continue
        yield from read_bytes(data, source, path.suffix.lower(), limit)
