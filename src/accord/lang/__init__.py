"""Per-language knowledge as data files: `lang/<code>/<name>.txt|tsv`.

A new language is a new folder. Lists are one item a line; `#` starts a comment; the first
comment line of each file says where its content came from (provenance).
Serbian Cyrillic and Latin share the `sr` folder: Cyrillic text is transliterated to Latin
(accord.translit) before it meets a list, so every list is written once, in Latin.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

LANGS = ("en", "ru", "sr")


def data_path(lang: str, name: str) -> Path:
    return Path(str(resources.files("accord.lang") / lang / name))


def _lines(path: Path) -> list[str]:
    if not path.exists():
        return []
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split(" #", 1)[0] if not line.startswith("#") else ""
        line = line.rstrip()
        if line.strip():
            out.append(line)
    return out


@lru_cache(maxsize=None)
def load_list(lang: str, name: str) -> tuple[str, ...]:
    """One item a line, comments stripped; missing file gives an empty list."""
    return tuple(line.strip() for line in _lines(data_path(lang, name)))


@lru_cache(maxsize=None)
def load_tsv(lang: str, name: str) -> tuple[tuple[str, ...], ...]:
    """Tab-separated rows, comments stripped; the header row (if it starts with '@') is dropped."""
    rows = []
    for line in _lines(data_path(lang, name)):
        if line.startswith("@"):
            continue
        rows.append(tuple(c.strip() for c in line.split("\t")))
    return tuple(rows)
