"""What may reach a terminal: article text, file names and store content are data, and a
control character in them (an escape sequence, a bell, a carriage return) or a bidi override
would act on the terminal or flip the rest of a line if sent raw.

Why one module: the CLI's messages and tables, `accord extract` and `accord export` to a
terminal, and `--json` on a terminal all escape the same characters the same way.
`safe` shows them as \\xNN / \\uNNNN text; `safe_json` escapes, inside JSON text, what JSON
leaves raw (DEL, the C1 controls, bidi overrides) as \\uNNNN: the same JSON value, harmless
on a screen. Files and pipes get the data unchanged.
"""
from __future__ import annotations

import re

_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_JSON_RAW = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069]")  # JSON itself escapes C0 controls


def safe(text: str) -> str:
    """Control characters (but tab and newline) and bidi overrides as \\xNN / \\uNNNN text."""
    return _UNSAFE.sub(lambda m: f"\\x{ord(m[0]):02x}" if ord(m[0]) < 0x100 else f"\\u{ord(m[0]):04x}", text)


def safe_json(text: str) -> str:
    """JSON text with DEL, C1 controls and bidi overrides written as \\uNNNN escapes (JSON
    already escapes C0 controls): it decodes to the same value."""
    return _JSON_RAW.sub(lambda m: f"\\u{ord(m[0]):04x}", text)


def is_terminal(stream) -> bool:
    """Whether `stream` is a terminal (False for files, pipes and streams that cannot tell)."""
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError, OSError):
        return False
