#!/usr/bin/env python
"""List, per PLOVER type, trigger concepts that one language's lexicon has and another lacks.

Why: the trigger lexicons (lang/<code>/events.tsv) were written separately per language, so a
concept present in one (a joint investigation, a video link, a grant) could be missing in
another and its events lost there on news nobody tuned to. scripts/event_concepts.tsv names each
concept with the patterns that express it in en, ru and sr; this script reports

  MISSING  a pattern the table lists that the language's lexicon lacks (or lists under another type);
  ABSENT   a concept a language has no pattern for (the table's "-", with the note saying why);
  UNLISTED (with --unlisted) lexicon patterns of a type no concept row names yet, to grow the table.

Run: PYTHONPATH=src .venv/bin/python scripts/event_lexicon_parity.py [--unlisted]
Exit status 1 when something is MISSING.
"""
from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LANGS = ("en", "ru", "sr")


def lexicon(lang: str) -> dict[str, set[str]]:
    """pattern -> the PLOVER types it is listed under in lang/<lang>/events.tsv."""
    found: dict[str, set[str]] = defaultdict(set)
    for line in (ROOT / "src/accord/lang" / lang / "events.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith(("#", "@")):
            continue
        cols = line.split("\t")
        if len(cols) > 1:
            found[cols[0].strip()].add(cols[1].strip())
    return found


def concepts() -> list[dict[str, str]]:
    rows, header = [], None
    for line in (ROOT / "scripts/event_concepts.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if line.startswith("@"):
            header = [c.lstrip("@") for c in cols]
            continue
        rows.append(dict(zip(header, cols + [""] * (len(header) - len(cols)))))
    return rows


def main(argv: list[str]) -> int:
    lex = {lang: lexicon(lang) for lang in LANGS}
    rows = concepts()
    missing = 0
    listed: dict[str, set[tuple[str, str]]] = {lang: set() for lang in LANGS}
    for row in rows:
        for lang in LANGS:
            cell = row.get(lang, "").strip()
            if cell in ("", "-"):
                print(f"ABSENT   {row['type']:<10} {row['concept']:<28} {lang}: {row.get('note', '')}")
                continue
            for pat in (p.strip() for p in cell.split("|")):
                listed[lang].add((row["type"], pat))
                if row["type"] not in lex[lang].get(pat, set()):
                    missing += 1
                    print(f"MISSING  {row['type']:<10} {row['concept']:<28} {lang}: {pat}")
    if "--unlisted" in argv:
        types = {row["type"] for row in rows}
        for lang in LANGS:
            for pat, ts in sorted(lex[lang].items()):
                for t in sorted(ts & types):
                    if (t, pat) not in listed[lang]:
                        print(f"UNLISTED {t:<10} {lang}: {pat}")
    print(f"{len(rows)} concepts, {missing} pattern(s) missing", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
