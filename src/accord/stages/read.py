"""Read inputs into Articles: .txt (any common encoding), .html/.htm (trafilatura), .jsonl, stdin.

Errors are yielded (not raised) so one bad file never stops a batch; each names file and reason.
"""
from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

import msgspec

from ..doc import Article
from ..errors import AccordError, BadRecord, EmptyInput, ReadError, TooLarge

MAX_BYTES = 20_000_000
TEXT_SUFFIXES = {".txt", ".text", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES


def iter_files(paths: Iterable[str | Path]) -> Iterator[Path | str]:
    """Files under the given paths (directories recursively, sorted); '-' means stdin."""
    for p in paths:
        if str(p) == "-":
            yield "-"
            continue
        path = Path(p)
        if path.is_dir():
            for f in sorted(path.rglob("*")):
                if f.is_file() and f.suffix.lower() in (HTML_SUFFIXES | JSONL_SUFFIXES | {".txt"}):
                    yield f
        else:
            yield path


def decode_bytes(data: bytes, source: str) -> str:
    """Decode with BOM sniffing first, then UTF-8, then charset-normalizer's best guess."""
    if not data.strip():
        raise EmptyInput(source, "file is empty or whitespace only")
    for bom, enc in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            return data.decode(enc)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=["cp1251", "cp1250", "latin_1", "utf_16", "koi8_r", "iso8859_5", "iso8859_2"]).best()
    if best is None:
        raise ReadError(source, "cannot detect the text encoding (binary file?)")
    text = str(best)
    if _looks_binary(text):
        raise ReadError(source, "content is binary, not text")
    return text


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    if not sample:
        return False
    bad = sum(1 for c in sample if (ord(c) < 32 and c not in "\t\n\r\f\v") or 0xFFF0 <= ord(c) <= 0xFFFF)
    return bad / len(sample) > 0.05


def from_html(html: str, source: str) -> Article:
    import trafilatura

    extracted = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, output_format="python")
    if extracted is None:
        raise ReadError(source, "HTML holds no extractable article text")
    data = extracted if isinstance(extracted, dict) else extracted.as_dict()
    body = data.get("text") or ""
    if not body.strip():
        raise ReadError(source, "HTML holds no extractable article text")
    title = data.get("title")
    text = f"{title}\n\n{body}" if title and not body.startswith(title) else body
    meta = {k: data.get(k) for k in ("title", "date", "sitename", "url", "author") if data.get(k)}
    return Article(text=text, source=source, meta=meta, url=data.get("url"))


def from_json_record(obj: dict, source: str, line: int) -> Article:
    if not isinstance(obj, dict):
        raise BadRecord(source, "line is not a JSON object", line)
    if isinstance(obj.get("html"), str) and obj["html"].strip() and not obj.get("text"):
        art = from_html(obj["html"], f"{source}:{line}")
    elif isinstance(obj.get("text"), str) and obj["text"].strip():
        art = Article(text=obj["text"], source=f"{source}:{line}")
    else:
        raise BadRecord(source, "record has neither a non-empty 'text' nor 'html'", line)
    for key in ("url", "title", "published", "outlet"):
        if isinstance(obj.get(key), str) and obj[key].strip():
            art.meta[key] = obj[key].strip()
    if art.meta.get("url"):
        art.url = art.meta["url"]
    return art


def read_bytes(data: bytes, source: str, suffix: str = ".txt") -> Iterator[Article | AccordError]:
    if len(data) > MAX_BYTES:
        yield TooLarge(source, f"{len(data)} bytes is over the limit of {MAX_BYTES}")
        return
    try:
        text = decode_bytes(data, source)
    except AccordError as err:
        yield err
        return
    if suffix in JSONL_SUFFIXES:
        for i, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                yield from_json_record(msgspec.json.decode(line), source, i)
            except msgspec.DecodeError as exc:
                yield BadRecord(source, f"invalid JSON: {exc}", i)
            except AccordError as err:
                yield err
        return
    try:
        if suffix in HTML_SUFFIXES:
            yield from_html(text, source)
        else:
            if not text.strip():
                raise EmptyInput(source, "file is empty or whitespace only")
            yield Article(text=text, source=source)
    except AccordError as err:
        yield err


def read_paths(paths: Iterable[str | Path]) -> Iterator[Article | AccordError]:
    for f in iter_files(paths):
        if f == "-":
            yield from read_bytes(sys.stdin.buffer.read(), "<stdin>", ".txt")
            continue
        source = str(f)
        try:
            data = Path(f).read_bytes()
        except FileNotFoundError:
            yield ReadError(source, "no such file or directory")
            continue
        except OSError as exc:
            yield ReadError(source, f"cannot read: {exc.strerror or exc}")
            continue
        yield from read_bytes(data, source, Path(f).suffix.lower())
