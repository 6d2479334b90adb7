"""Which reader an input gets: plain text, an HTML page or JSON Lines.

Why: a file says what it is by its suffix, but stdin has none, and before this every piped
input was read as plain text: HTML piped in kept its markup as article text, and a JSON Lines
dump became one article. `--format auto` (the default) looks at the first bytes of stdin;
`--format txt|html|jsonl` names the format for every input, files included. The command says
which format it used for stdin, so a wrong guess is seen, not silently stored.
"""
from __future__ import annotations

import re

FORMATS = ("auto", "txt", "html", "jsonl")
SUFFIX = {"txt": ".txt", "html": ".html", "jsonl": ".jsonl"}  # the suffix whose reader a format picks
SNIFF_BYTES = 8192
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
# markup that only a page starts with: a doctype, <html>, <head>, <body>, a comment or an XML declaration
_HTML_START = re.compile(rb"<(!doctype\s+html|html[\s>]|head[\s>]|body[\s>]|!--|\?xml)", re.I)
# or tags of a fragment: a page cut from its head still has paragraphs, divs or articles
_HTML_TAGS = re.compile(rb"</?(p|div|article|span|section|h[1-6]|br|a\s)[^>]*>", re.I)


def sniff(head: bytes) -> str:
    """'jsonl', 'html' or 'txt' for the first bytes of an input."""
    for bom in _BOMS:
        if head.startswith(bom):
            if bom != _BOMS[0]:
                return "txt"  # UTF-16: the text reader decodes it; JSON Lines must be UTF-8
            head = head[len(bom):]
            break
    start = head.lstrip()
    if start.startswith(b"{") and _first_line_is_object(start):
        return "jsonl"
    if start.startswith(b"<") and (_HTML_START.match(start) or len(_HTML_TAGS.findall(head)) >= 2):
        return "html"
    return "txt"


def _first_line_is_object(data: bytes) -> bool:
    """The first line is a JSON object (a record of a JSON Lines dump), or is cut off by the head."""
    import msgspec

    line, newline, _ = data.partition(b"\n")
    try:
        return isinstance(msgspec.json.decode(line), dict)
    except msgspec.DecodeError:
        return not newline and len(data) >= SNIFF_BYTES - 4  # one long line cut by the sniff window


def suffix_for(fmt: str, data: bytes) -> tuple[str, str]:
    """(the reader's suffix, the format used) for an input of format `fmt` (auto: sniffed)."""
    used = sniff(data[:SNIFF_BYTES]) if fmt == "auto" else fmt
    return SUFFIX[used], used
