"""Build the benchmark corpus: a few thousand ~500-word news articles in en, ru and sr.

What it is: paragraphs of real news text, recombined. Sources (read with accord's own reader,
so legacy encodings decode the same way the pipeline reads them):

    samples/*.txt                                   accord's bundled samples (en, ru, sr Latin + Cyrillic)
    ../shared/data/ru-factrueval2016/devset/*.txt   factRuEval-2016 Russian news (122 texts)
    ../shared/data/en-polnear/test/text/*.txt       PolNeAR English political news (84 texts)
    ../shared/data/news/dev/*.txt                   the annotated dev news (en, ru, sr)

Paragraphs are grouped by language; each article takes a short paragraph as its title and
then random body paragraphs of the same language until it reaches --words words. With a fixed
--seed the corpus is the same on every machine. Paragraphs repeat across articles (the sources
hold ~95k words), but every article's text, and so its doc_id, is distinct. The shared data is
research-use only: the corpus goes to a git-ignored folder and is never committed.

    .venv/bin/python scripts/make_bench_corpus.py -o bench-corpus --docs 3000
"""
from __future__ import annotations

import argparse
import random
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data"
SOURCES = (
    ROOT / "samples",
    SHARED / "ru-factrueval2016" / "devset",
    SHARED / "en-polnear" / "test" / "text",
    SHARED / "news" / "dev",
)
# share of articles per language: mostly en and ru (the large public sets), Serbian from fewer sources
LANG_SHARE = {"en": 0.4, "ru": 0.4, "sr-latn": 0.1, "sr-cyrl": 0.1}
_LANG_FROM_NAME = re.compile(r"^(en|ru|sr)")


def source_files() -> list[Path]:
    files: list[Path] = []
    for folder in SOURCES:
        if folder.is_dir():
            files += sorted(p for p in folder.glob("*.txt") if p.is_file())
    return files


def language_of(path: Path, text: str) -> str | None:
    """Language by file name where the source names it, else by script (factRuEval is ru, PolNeAR en)."""
    m = _LANG_FROM_NAME.match(path.name)
    if m:
        return m.group(1)
    if "factrueval" in str(path):
        return "ru"
    if "polnear" in str(path):
        return "en"
    return None


def _cyrillic_share(text: str) -> float:
    letters = [c for c in text if c.isalpha()]
    return sum(1 for c in letters if "\u0400" <= c <= "\u04ff") / max(len(letters), 1)


def paragraphs_by_language(files: list[Path]) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """(body paragraphs, title-like short lines) per language (Serbian per script: one script an article)."""
    sys.path.insert(0, str(ROOT / "src"))
    from accord.doc import Article
    from accord.stages.read import read_paths

    body: dict[str, list[str]] = defaultdict(list)
    titles: dict[str, list[str]] = defaultdict(list)
    for path, item in zip(files, read_paths([str(f) for f in files])):
        if not isinstance(item, Article):
            print(f"skipped {path}: {item}", file=sys.stderr)
            continue
        lang = language_of(path, item.text)
        if lang is None:
            continue
        for para in re.split(r"\n\s*\n|\n", item.text):
            para = " ".join(para.split())
            key = lang if lang != "sr" else ("sr-cyrl" if _cyrillic_share(para) > 0.5 else "sr-latn")
            words = len(para.split())
            if 3 <= words <= 16 and not para.endswith((".", ":", ",")):
                titles[key].append(para)
            elif words >= 12:
                body[key].append(para)
    return body, titles


def make_article(rng: random.Random, body: list[str], titles: list[str], words: int) -> str:
    parts = [rng.choice(titles)] if titles else []
    count = 0
    while count < words:
        para = rng.choice(body)
        parts.append(para)
        count += len(para.split())
    return "\n\n".join(parts) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-o", "--output", type=Path, default=ROOT / "bench-corpus", help="output folder (git-ignored)")
    ap.add_argument("--docs", type=int, default=3000, help="number of articles")
    ap.add_argument("--words", type=int, default=500, help="words per article (at least)")
    ap.add_argument("--seed", type=int, default=8)
    args = ap.parse_args(argv)

    body, titles = paragraphs_by_language(source_files())
    langs = [lang for lang in LANG_SHARE if body.get(lang)]
    if not langs:
        print("no source text found (samples/ and ../shared/data)", file=sys.stderr)
        return 1
    rng = random.Random(args.seed)
    args.output.mkdir(parents=True, exist_ok=True)
    for old in args.output.glob("*.txt"):
        old.unlink()
    weights = [LANG_SHARE[lang] for lang in langs]
    seen: set[str] = set()
    n = total_words = 0
    while n < args.docs:
        lang = rng.choices(langs, weights)[0]
        text = make_article(rng, body[lang], titles.get(lang, []), args.words)
        if text in seen:
            continue
        seen.add(text)
        (args.output / f"{lang}_{n:05d}.txt").write_text(text, encoding="utf-8")
        total_words += len(text.split())
        n += 1
    sizes = {lang: len(body[lang]) for lang in langs}
    print(f"{args.output}: {n} articles, {total_words} words ({total_words / max(n, 1):.0f} per article); "
          f"body paragraphs per language: {sizes}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
