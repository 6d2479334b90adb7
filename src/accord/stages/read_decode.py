"""Bytes to text for the readers: byte-order marks, UTF-16 without a BOM, strict UTF-8, UTF-8
with a few broken bytes, and the legacy code pages scraped news comes in (cp1251 Russian,
cp1250 Serbian Latin, ...), chosen by plausibility. The decoded text is never altered: every
later offset points into it.

Why apart from accord.stages.read: decoding is one job with its own tables; the reader decides
what to open and how to split it into articles.
"""
from __future__ import annotations

import re

from ..errors import EmptyInput, ReadError

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
