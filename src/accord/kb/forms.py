"""Build time (scripts/build_kb.py): what the languages' KB inflection rules share.

Each inflected language generates the case forms of its KB aliases at build time
(`Language.kb_forms`: lang/ru/kb_forms.py, lang/sr/kb_forms.py) so the runtime never runs a
morphology model for the KB; a multi-word name takes all its words in the same case.
"""
from __future__ import annotations


def combine_cases(words: list[str], per_word: list[dict[str, list[str]]], cases) -> set[str]:
    """Whole-name forms with every word in the same case ('Александром Вулиным')."""
    out = set()
    for case in cases:
        if not any(pw.get(case) for pw in per_word):
            continue
        results = [""]
        for w, pw in zip(words, per_word):
            results = [(r + " " + o).strip() for r in results for o in (pw.get(case) or [w])]
        out.update(results)
    out.discard(" ".join(words))
    return out

