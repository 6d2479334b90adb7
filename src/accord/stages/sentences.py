"""Sentences and tokens with offsets, razdel for every language (fast, good for ru and sr).

Two repairs around razdel, both general causes rather than one article's quirks:
- paragraphs first: a title or a dateline line has no final stop, so razdel would glue it to
  the next line. Each body span is cut at line breaks (a line that goes on in lower case is a
  hard-wrapped continuation and stays joined) and each paragraph is sentenized alone;
- razdel splits after abbreviations it does not know ("Sept. 28", "St. Petersburg",
  "ul. Kneza Miloša") and inside Serbian ordinal dates ("23. 08. 2022."). Splits after a word
  from the language's `abbreviations.txt` data file, or after a day number followed by a month
  number, a year, a month name or a lower-case word, are joined again;
- razdel reads a one-letter word before a stop as an initial ("Н. Вулин") and so keeps a
  sentence going after an acronym's hyphenated case ending ("у саопштењу МУП-а. Вулин је ..."):
  a stop after such an ending, followed by a capitalised word, ends the sentence.
"""
from __future__ import annotations

import re
from functools import lru_cache

from razdel import sentenize, tokenize

from ..doc import Article, Sentence, Token
from ..lang import LANGS, load_list
from ..translit import sr_to_latin
from . import dates

REQUIRES = ("body", "lang")
ASSIGNS = ("sentences",)

_LINE = re.compile(r"[^\n]*\S[^\n]*")
_LAST_WORD = re.compile(r"(\w+)\.$")
_ORDINAL_END = re.compile(r"(?<![\d.])\d{1,2}\.$")
# an acronym, a hyphen, a case ending, the stop, space and the next word's first letter
_ACRONYM_ENDING_STOP = re.compile(r"(?<![\w-])([^\W\d_]{2,})-([^\W\d_]{1,3})\.\s+([^\W\d_])")


@lru_cache(maxsize=None)
def _abbreviations(lang: str) -> frozenset[str]:
    """Words that are written with a stop and never end a sentence, case-folded, without the stop."""
    langs = (lang,) if lang in LANGS else LANGS
    return frozenset(a.rstrip(".").casefold() for code in langs for a in load_list(code, "abbreviations.txt"))


def paragraphs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Line blocks of one body span; a line starting in lower case continues the previous one."""
    blocks: list[list[int]] = []
    for m in _LINE.finditer(text, start, end):
        line = m.group().strip()
        s = m.start() + len(m.group()) - len(m.group().lstrip())
        e = m.end() - (len(m.group()) - len(m.group().rstrip()))
        joined = blocks and line[:1].islower() and text[blocks[-1][1]:s].count("\n") == 1
        if joined:
            blocks[-1][1] = e
        else:
            blocks.append([s, e])
    return [(s, e) for s, e in blocks]


def _glued(left: str, right: str, lang: str) -> bool:
    """Whether razdel's split between `left` and `right` is false (an abbreviation, a date)."""
    left, right = left.rstrip(), right.lstrip()
    if not right:
        return False
    m = _LAST_WORD.search(left)
    if m and {m.group(1).casefold(), sr_to_latin(m.group(1)).casefold()} & _abbreviations(lang):
        return True
    if _ORDINAL_END.search(left):
        if right[0].isdigit() or right[0].islower():
            return True
        first = re.match(r"\w+\.?", right)
        grammar = dates.grammar(lang)
        if first and grammar is not None:
            word = sr_to_latin(first.group()) if grammar.transliterate else first.group()
            return grammar.key(word) in grammar.months or grammar.key(word.rstrip(".")) in grammar.months
    return False


def split(text: str, start: int, end: int, lang: str) -> list[tuple[int, int]]:
    """Sentence spans of text[start:end] (one paragraph), razdel plus the repairs above."""
    spans: list[list[int]] = []
    chunk = text[start:end]
    for s in sentenize(chunk):
        if spans and _glued(chunk[spans[-1][0]:spans[-1][1]], s.text, lang):
            spans[-1][1] = s.stop
        else:
            spans.append([s.start, s.stop])
    return [(start + s, start + e) for s, e in _split_after_case_endings(chunk, spans)]


def _split_after_case_endings(chunk: str, spans: list[list[int]]) -> list[tuple[int, int]]:
    """razdel's spans cut again after a stop that ends an acronym's case ending (see above)."""
    out: list[tuple[int, int]] = []
    for s, e in spans:
        for m in _ACRONYM_ENDING_STOP.finditer(chunk, s, e):
            acronym, ending, next_letter = m.groups()
            if acronym.isupper() and ending.islower() and next_letter.isupper():
                out.append((s, m.end(2) + 1))
                s = m.start(3)
        out.append((s, e))
    return out


def run(doc: Article) -> None:
    doc.sentences = []
    para = 0
    for span in doc.body:
        for p_start, p_end in paragraphs(doc.text, span.start, span.end):
            for s, e in split(doc.text, p_start, p_end, doc.lang):
                sent = doc.text[s:e]
                tokens = [Token(start=s + t.start, end=s + t.stop, text=t.text) for t in tokenize(sent)]
                doc.sentences.append(Sentence(start=s, end=e, text=sent, tokens=tokens, paragraph=para))
            para += 1
