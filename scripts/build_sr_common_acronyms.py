#!/usr/bin/env python3
"""Write src/accord/lang/sr/acronyms_common.txt: capitalised abbreviations that name no entity
(PDV, BDP, IT, TV, SMS), learned from the UNER Serbian-SET and Croatian-SET train splits.

    PYTHONPATH=src .venv/bin/python scripts/build_sr_common_acronyms.py [--data ../shared/data]

Why: the Serbian recogniser reads a lone word in capitals in running text as an organisation
('MUP', 'BIA', 'MUP-a'), which also makes 'BDP-a', 'IT usluge', 'TV' organisations. Which
abbreviations are common nouns is read off annotated news rather than from the articles we look
at: a word in capitals (2-6 letters, a case ending after a hyphen allowed) that the train
splits use at least twice on its own outside any entity span, in at least two documents (one
text's topic word, 'REM' sleep in one article, is no evidence), and that UNER tags as an entity
of its own in at most one use in five. Dev and test splits are not read (dev measures it:
eval/ner_sr.py). The list is a handful of abbreviations, no text of the data.
"""
from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "eval"))
import ner_sr  # noqa: E402

OUT = ROOT / "src" / "accord" / "lang" / "sr" / "acronyms_common.txt"
WORD = re.compile(r"^[A-ZČĆŠŽĐ]{2,6}(-[a-zčćšžđ]{1,4})?$")  # accord.lang.sr.recogniser.ACRONYM


def common(data: Path) -> list[tuple[str, int, int, int]]:
    plain, named, docs = Counter(), Counter(), defaultdict(set)
    for lang in ("sr", "hr"):
        for s in ner_sr.load(lang, "train", data):
            covered = {(x, y) for a, b, _ in s.spans for x, y in s.tokens if a <= x and y <= b}
            exact = {(a, b) for a, b, _ in s.spans}
            for x, y in s.tokens:
                word = s.text[x:y]
                if not WORD.match(word):
                    continue
                base = word.split("-")[0]
                if (x, y) in exact:
                    named[base] += 1
                elif (x, y) not in covered:
                    plain[base] += 1
                    docs[base].add((lang, s.doc_id))
    return [(w, n, named[w], len(docs[w])) for w, n in sorted(plain.items(), key=lambda x: (-x[1], x[0]))
            if n >= 2 and len(docs[w]) >= 2 and named[w] <= 0.2 * (n + named[w])]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=ner_sr.DATA)
    args = ap.parse_args()
    rows = common(args.data)
    lines = ["# source: UNER_Serbian-SET and UNER_Croatian-SET train splits (CC BY-SA 4.0), "
             "scripts/build_sr_common_acronyms.py: words in capitals used >= 2 times in >= 2 documents "
             "outside entity spans, tagged an entity alone in <= 1 use in 5 (uses outside, as entity, documents)"]
    lines += [f"{w} # {n} {e} {d}" for w, n, e, d in rows]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(rows)} abbreviations -> {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
