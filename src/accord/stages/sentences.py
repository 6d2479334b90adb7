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

from razdel import sentenize
from razdel.segmenters.punct import DASHES, ENDINGS
from razdel.segmenters.tokenize import ATOM, SMILE

from ..clean.lines import latin_forms
from ..dates import grammar as date_grammar
from ..doc import Article, Sentence, Token
from ..lang import get as language, load_list
from ..pipeline.registry import Component

COMPONENT = Component("sentences", requires=("text", "body", "lang"), assigns=("sentences",))

_LINE = re.compile(r"[^\n]*\S[^\n]*")
_LAST_WORD = re.compile(r"(\w+)\.$")
_ORDINAL_END = re.compile(r"(?<![\d.])\d{1,2}\.$")
# an acronym, a hyphen, a case ending, the stop, space and the next word's first letter
_ACRONYM_ENDING_STOP = re.compile(r"(?<![\w-])([^\W\d_]{2,})-([^\W\d_]{1,3})\.\s+([^\W\d_])")


@lru_cache(maxsize=None)
def _abbreviations(lang: str) -> frozenset[str]:
    """Words that are written with a stop and never end a sentence, case-folded, without the stop."""
    langs = (lang,) if language(lang) is not None else ()  # an unsupported language: razdel alone
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
    if m and {form.casefold() for form in (m.group(1), *latin_forms(m.group(1)))} & _abbreviations(lang):
        return True
    if _ORDINAL_END.search(left):
        if right[0].isdigit() or right[0].islower():
            return True
        first = re.match(r"\w+\.?", right)
        grammar = date_grammar(lang)
        if first and grammar is not None:
            word = language(lang).to_latin(first.group())
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


# razdel's tokenize, re-implemented on (start, stop, type, text) tuples. razdel builds an Atom,
# a TokenSplit with cached properties and a Substring per atom and asks seven rule objects
# about every pair of atoms: that was four fifths of this stage. Its rules only ever say JOIN,
# and only for two atoms with nothing between them, so a pair is joined when any rule holds:
# dash, underscore, float, fraction (the "2112" rules: a delimiter atom glued to two neighbours
# of the right types), punct (a smiley, "?!", "--", "**"), other (a symbol next to a letter or
# symbol) and yahoo ("Yahoo!"). Same atoms (razdel's own ATOM pattern), same tokens: checked
# against razdel.tokenize on every sentence of the bench corpus and on random strings.
_DASH, _UNDERSCORE, _FLOAT, _FRACTION = frozenset(DASHES), frozenset("_"), frozenset(".,"), frozenset("/\\")
_ENDINGS = frozenset(ENDINGS)
_WORDISH = frozenset(("OTHER", "RU", "LAT"))


def _joined(atoms: list[tuple[int, int, str, str]], i: int, buffer: str) -> bool:
    """Whether razdel's tokenize joins atoms[i - 1] and atoms[i] (adjacent, no space between);
    `buffer` is the token built so far, ending with atoms[i - 1]."""
    _, _, ltype, left = atoms[i - 1]
    _, _, rtype, right = atoms[i]
    left_2 = atoms[i - 2] if i > 1 else None
    right_2 = atoms[i + 1] if i + 1 < len(atoms) else None
    for delimiters in (_DASH, _UNDERSCORE):  # cho-to, snake_case: neither neighbour punctuation
        if left in delimiters:
            if left_2 is not None and left_2[2] != "PUNCT" and rtype != "PUNCT":
                return True
        elif right in delimiters:
            if right_2 is not None and ltype != "PUNCT" and right_2[2] != "PUNCT":
                return True
    for delimiters in (_FLOAT, _FRACTION):  # 3.14, 1/2: digits on both sides
        if left in delimiters:
            if left_2 is not None and left_2[2] == "INT" and rtype == "INT":
                return True
        elif right in delimiters:
            if right_2 is not None and ltype == "INT" and right_2[2] == "INT":
                return True
    if ltype == "PUNCT" and rtype == "PUNCT":
        if SMILE.match(buffer + right) or (left in _ENDINGS and right in _ENDINGS) or left + right in ("--", "**"):
            return True
    if (ltype == "OTHER" and rtype in _WORDISH) or (ltype in _WORDISH and rtype == "OTHER"):
        return True
    return right == "!" and left.lower() == "yahoo"


def tokenize(text: str) -> list[tuple[int, int]]:
    """(start, stop) of razdel.tokenize(text)'s tokens (see above)."""
    atoms = [(m.start(), m.end(), m.lastgroup, m.group()) for m in ATOM.finditer(text)]
    if not atoms:
        return []
    out = []
    start, stop = atoms[0][0], atoms[0][1]
    for i in range(1, len(atoms)):
        s, e = atoms[i][0], atoms[i][1]
        if s == stop and _joined(atoms, i, text[start:stop]):
            stop = e
        else:
            out.append((start, stop))
            start, stop = s, e
    out.append((start, stop))
    return out


@COMPONENT.runs
def run(doc: Article) -> None:
    doc.sentences = []
    para = 0
    for span in doc.body:
        for p_start, p_end in paragraphs(doc.text, span.start, span.end):
            for s, e in split(doc.text, p_start, p_end, doc.lang):
                sent = doc.text[s:e]
                tokens = [Token(start=s + a, end=s + b, text=sent[a:b]) for a, b in tokenize(sent)]
                doc.sentences.append(Sentence(start=s, end=e, text=sent, tokens=tokens, paragraph=para))
            para += 1
