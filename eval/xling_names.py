#!/usr/bin/env python3
"""Cross-language identity of person names: one id for one person in en, ru, sr-Latn and sr-Cyrl.

usage: python eval/xling_names.py [--show]

Each row of eval/xling_names.tsv is one office holder as English, Russian and Serbian (Latin)
news spell the name; the Serbian Cyrillic form is transliterated from the Latin one. Each
spelling is put into the same kind of sentence in its language (the name as the subject of a
statement), the sentence runs through the whole pipeline, and the person's entity id is read.
Reported: the share of persons found in all four forms, and the share with one id across all
four (the KB's own ids for KB persons; the transliteration-skeleton id otherwise), by whether
the KB knows the person. No text from any data set is used.
"""
from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
FRAMES = {
    "en": "On Monday, {} said the talks had been useful.",
    "ru": "В понедельник {} заявил, что переговоры были полезными.",
    "sr": "U ponedeljak je {} izjavio da su razgovori bili korisni.",
}


def rows() -> list[list[str]]:
    out = []
    for line in (HERE / "xling_names.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith(("#", "@")):
            out.append(line.split("\t"))
    return out


def main(argv: list[str]) -> int:
    from accord.pipeline import extract_text
    from accord.translit import sr_to_cyrillic

    show = "--show" in argv
    tally = {True: [0, 0, 0], False: [0, 0, 0]}  # kb -> [persons, found in all, one id]
    for en, ru, sr in rows():
        found = []
        for text in (FRAMES["en"].format(en), FRAMES["ru"].format(ru), FRAMES["sr"].format(sr),
                     sr_to_cyrillic(FRAMES["sr"].format(sr))):
            doc = extract_text(text)
            person = next((m for m in doc.mentions if m.type == "PER"), None)
            entity = doc.entity(person.entity) if person else None
            found.append((person.entity if person else None, bool(entity and entity.kb)))
        ids = {f[0] for f in found}
        kb = any(f[1] for f in found)
        t = tally[kb]
        t[0] += 1
        t[1] += None not in ids
        t[2] += len(ids) == 1 and None not in ids
        if show and (len(ids) != 1 or None in ids):
            print(f"  split: {en} / {ru} / {sr}: {[f[0] for f in found]}")
    total = [a + b for a, b in zip(tally[True], tally[False])]
    for label, (n, all_found, one) in (("in KB", tally[True]), ("outside KB", tally[False]), ("all", total)):
        if n:
            print(f"{label:11s} persons {n:3d}  found in all 4 forms {all_found / n:.3f} ({all_found}/{n})"
                  f"  one id {one / n:.3f} ({one}/{n})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
