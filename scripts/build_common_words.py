#!/usr/bin/env python
"""Write lang/<code>/common_words.txt: the words each language writes in lower case, from running
news text, so the KB build can refuse an alias that is a common word ('Vlada', 'Rama', 'Meta').

Why a list built from corpora: the KB's aliases are typed by hand, and a name that is also an
everyday word ('Politika' is a newspaper and 'politics') matches every sentence that uses the
word. A wordfreq-like list of the words a language writes in lower case, counted over public news
text, is what a reviewer would check against; scripts/build_kb.py reads it (`kb_checks`).

A word is listed when it occurs at least MIN_COUNT times and in lower case in at least
LOWER_SHARE of them (so 'Srbija', 'Putin', 'Interpol' are never listed: always capitalised).
Only the words, lower-cased and sorted, are written: no text of the corpora.

Corpora (../shared/data, read-only; the folder is never copied):
  en  PolNeAR test articles (text/*.txt), the web-article-extraction gold bodies
  ru  factRuEval-2016 devset texts, ADAQ tokens
  sr  UNER Serbian train, UNER Croatian train (Latin; test splits are never read)

Run: .venv/bin/python scripts/build_common_words.py [--data ../shared/data]
"""
from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LANG_DIR = ROOT / "src" / "accord" / "lang"
MIN_COUNT = 3
LOWER_SHARE = 0.6


def opens(text: str, start: int) -> bool:
    """True for the first word of a text, line, sentence or quote."""
    i = start - 1
    while i >= 0 and text[i] in " \t\"«»„“”'(":
        i -= 1
    return i < 0 or text[i] in ".!?:;\n—–-"


def headline(line: str) -> bool:
    """A title-cased line ('Police Arrest Two In Raid'): its capitals say nothing of the words."""
    words = [w for w in line.split() if w[:1].isalpha()]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) / len(words) >= 0.6


WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


def en_texts(data: Path):
    for p in sorted((data / "en-polnear" / "test" / "text").glob("*.txt")):
        yield p.read_text(encoding="utf-8", errors="replace")
    truth = data / "web-article-extraction" / "ground-truth.json"
    if truth.exists():
        for item in json.loads(truth.read_text(encoding="utf-8")).values():
            yield item.get("articleBody") or ""


def ru_texts(data: Path):
    for p in sorted((data / "ru-factrueval2016" / "devset").glob("book_*.txt")):
        yield p.read_text(encoding="utf-8", errors="replace")
    tokens = data / "ru-adaq-quotes" / "ru_tokens.tsv"
    if tokens.exists():
        yield " ".join(line.split("\t")[1] for line in tokens.read_text(encoding="utf-8").splitlines()[1:]
                       if line.count("\t") >= 1)


def sr_texts(data: Path):
    for name in ("sr-uner/sr_set-ud-train.iob2", "hr-uner/hr_set-ud-train.iob2"):
        p = data / name
        if p.exists():
            for line in p.read_text(encoding="utf-8").splitlines():
                if line.startswith("# text ="):
                    yield line.split("=", 1)[1]


SOURCES = {"en": en_texts, "ru": ru_texts, "sr": sr_texts}
# the script each list is written in: a word in another script (a Russian page among English
# ones) is no word of the language, and the KB's keys are script-free ('того' == 'Togo')
SCRIPT = {"en": re.compile(r"[a-z'’-]+"), "ru": re.compile(r"[а-яё'’-]+"), "sr": re.compile(r"[a-zčćšžđ'’-]+")}
STAMP = {
    "en": "PolNeAR test articles and web-article-extraction gold bodies",
    "ru": "factRuEval-2016 devset texts and ADAQ tokens",
    "sr": "UNER Serbian and Croatian train splits (SETimes)",
}


def common_words(texts, script: re.Pattern) -> list[str]:
    total: Counter[str] = Counter()
    lower: Counter[str] = Counter()
    for text in texts:
        text = "\n".join(line for line in text.splitlines() if not headline(line))
        for m in WORD.finditer(text):
            if opens(text, m.start()):
                continue  # a sentence's or line's first word: its capital says nothing
            w = m.group()
            low = w.lower()
            total[low] += 1
            if w == low:
                lower[low] += 1
    return sorted(w for w, n in total.items() if n >= MIN_COUNT and lower[w] / n >= LOWER_SHARE and len(w) > 1
                  and script.fullmatch(w))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "data"))
    args = ap.parse_args()
    data = Path(args.data)
    for code, source in SOURCES.items():
        words = common_words(source(data), SCRIPT[code])
        if not words:
            print(f"{code}: no corpus under {data}, list left as it is")
            continue
        out = LANG_DIR / code / "common_words.txt"
        out.write_text(f"# source: scripts/build_common_words.py: words written in lower case in at least "
                       f"{LOWER_SHARE:.0%} of {MIN_COUNT}+ occurrences in {STAMP[code]} (../shared/data); "
                       f"words only, no text\n" + "\n".join(words) + "\n", encoding="utf-8")
        print(f"{code}: {len(words)} words -> {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
