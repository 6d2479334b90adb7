"""Tokens, mentions, candidates and the shared reader over an article body.

Why: detection and speaker resolution walk the same tokens, paragraphs and entity mentions;
`Reader` holds them with the small helpers both need (clause and sentence bounds, cue lookup).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from ..coref import Coref, Ment
from ..doc import Article, Token
from ..translit import fold, sr_to_latin
from .lexicon import lexicon

TOKEN = re.compile(r"\w+(?:[-'’]\w+)*|[^\w\s]")
SENTENCE_END = re.compile(r"[.!?…]+(?=\s|$)|\n")
DASHES = "-–—"
RESUME = re.compile(r"[.,:]?\s*[-–—]+\s+(?=\S)")
CLAUSE_MAX = 220  # characters an attribution clause may run after or before its quote


_KEYS: dict[str, tuple[str, ...]] = {}  # token text -> its keys (words recur: computed once per process)


def _keys(raw: str) -> tuple[str, ...]:
    keys = _KEYS.get(raw)
    if keys is None:
        a = fold(raw)
        b = fold(sr_to_latin(raw))
        keys = (a,) if a == b else (a, b)
        if len(_KEYS) >= 200_000:
            _KEYS.clear()
        _KEYS[raw] = keys
    return keys


def tokenize(text: str, start: int, end: int) -> list[Token]:
    """The words and marks of text[start:end], each with its `keys` (the forms word lists match)."""
    return [Token(start=m.start(), end=m.end(), text=(w := m.group()), keys=_keys(w))
            for m in TOKEN.finditer(text, start, end)]


# ---------------------------------------------------------------- candidates

@dataclass
class Candidate:
    start: int  # content, marks excluded
    end: int
    style: str  # marks | dash
    open_at: int  # position of the opening mark or dash
    close_at: int | None  # position of the closing mark (None: unclosed or dash)
    paragraph: int
    attribution: Attribution | None = None
    speaker: str | None = None
    speaker_span: tuple[int, int] | None = None
    group: int = -1  # dash segments of one paragraph share the speaker
    follows_quote: bool = False  # opens the sentence right after another quote ("“A,” X said. “B.”")
    speakers: list[str] | None = None  # every party of a joint attribution ("X and Y said"), the first named first
    via: str | None = None  # who read or published the words for their author
    teller: tuple[str, tuple[int, int] | None] | None = None  # (entity, span) of who passes "the words of X" on (the speaker is X): the quote after may be the teller's


@dataclass
class Attribution:
    cue: tuple[int, int]
    clause: tuple[int, int]  # token index range of the clause in doc tokens
    cue_tok: tuple[int, int]  # token index range of the cue
    side: str  # after | before | inline | context | according
    kind: str  # speech | impersonal | relay | according | frame (a colon after a sentence naming someone, no cue)

QUOTE_CHARS = set("«»„“”‚‘’\"'")


class Reader:
    """Body tokens, paragraphs and mentions of one article, and the helpers over them."""

    def __init__(self, doc: Article):
        self.doc = doc
        self.text = doc.text
        self.lex = lexicon(doc.lang)
        self.coref = Coref(doc)
        self.paragraphs = self.coref.paragraphs
        self.toks: list[Token] = [t for lo, hi in self.paragraphs for t in tokenize(self.text, lo, hi)]
        self.tok_starts = [t.start for t in self.toks]
        self.mentions = self.coref.mentions
        self.quote_spans: list[tuple[int, int]] = []
        self._title_classes: dict[str, set[str]] | None = None
        self._cues: dict[int, tuple[int, str] | None] = {}  # token index -> cue_at (tokens never change)

    # -- token helpers
    def tok_at(self, offset: int) -> int:
        """Index of the first token starting at or after offset."""
        return bisect.bisect_left(self.tok_starts, offset)

    def para_of(self, offset: int) -> int:
        return self.coref.para_of(offset)

    def words(self, start: int, end: int) -> int:
        return len(re.findall(r"\w+", self.text[start:end]))

    def cue_at(self, i: int) -> tuple[int, str] | None:
        """A speech cue starting at token i: (length, kind); computed once per token."""
        if i in self._cues:
            return self._cues[i]
        self._cues[i] = self._cue_at(i)
        return self._cues[i]

    def _cue_at(self, i: int) -> tuple[int, str] | None:
        t = self.toks[i]
        if i > 0 and t.text.istitle() and self.toks[i - 1].is_word and self.toks[i - 1].text.istitle() \
                and self.sentence_start(t.start) != self.toks[i - 1].start \
                and i + 1 < len(self.toks) and self.toks[i + 1].is_word and self.toks[i + 1].text.islower():
            return None  # a word of a name, not a verb: 'the United States not to treat …' (title-case prose aside: 'Clinton Said “…”')
        if any(m.start < t.start < m.end and m.type in ("LOC", "ORG") for m in self.mentions_in(t.start, t.end)):
            return None  # inside a recognised place or organisation name
        for kind, phrases in (("according", self.lex.according), ("impersonal", self.lex.impersonal),
                              ("relay", self.lex.relay), ("speech", self.lex.speech)):
            hit = phrases.match(self.toks, i)
            if hit:
                return hit[0], kind
        return None

    def is_stop(self, i: int) -> bool:
        return self.lex.stop.match(self.toks, i) is not None

    def is_skip(self, i: int) -> bool:
        return any(k in self.lex.skip or k in self.lex.dates for k in self.toks[i].keys)

    # -- clause boundaries
    def clause_after(self, offset: int) -> int:
        """Token index where the clause starting at offset ends (sentence end or a resumed quote)."""
        i = self.tok_at(offset)
        limit = offset + CLAUSE_MAX
        para_end = self.paragraphs[self.para_of(offset)][1] if self.para_of(offset) >= 0 else len(self.text)
        while i < len(self.toks) and self.toks[i].start < min(limit, para_end):
            t = self.toks[i].text
            if (t in ".!?…;" and not self.abbrev_dot(i) and not self.dot_in_brackets(i)) or t in QUOTE_CHARS:
                return i
            if t in ",:" and i + 1 < len(self.toks) and self.toks[i + 1].text in DASHES:
                return i  # ', — продолжил он, — …', '… rekao je Dačić i dodao: - …': the quote resumes
            i += 1
        return i

    def lead_words(self, i0: int, i1: int) -> list[int]:
        """The opening words of a clause up to a stop word or punctuation (skip words left out)."""
        k, lead = i0, []
        while k < i1 and self.is_skip(k):
            k += 1
        while k < i1 and (self.toks[k].is_word or self.abbrev_dot(k)) and not self.is_stop(k) and len(lead) < 6:
            if self.toks[k].is_word:
                lead.append(k)
            k += 1
        return lead

    def abbrev_dot(self, i: int) -> bool:
        """A dot after an abbreviation or initial ('Mr.', 'Rep.', 'Lisa O. Monaco') ends no sentence."""
        if self.toks[i].text != "." or i == 0:
            return False
        prev = self.toks[i - 1]
        return prev.end == self.toks[i].start and prev.is_cap and prev.text.isalpha() and len(prev.text) <= 3

    def dot_in_brackets(self, i: int) -> bool:
        """'Rep. Emanuel Cleaver II (D-Mo.) said': an abbreviation's dot closing a bracketed aside."""
        return self.toks[i].text == "." and i + 1 < len(self.toks) and self.toks[i + 1].text == ")"

    def sentence_start(self, offset: int) -> int:
        """Offset where the sentence holding offset begins (paragraph start at the latest)."""
        p = self.para_of(offset)
        lo = self.paragraphs[p][0] if p >= 0 else 0
        best = lo
        for m in SENTENCE_END.finditer(self.text, lo, offset):
            if m.group() == "." and self._abbrev_before(m.start()):
                continue  # 'the F.B.I. review would', 'Mr. Schriefer': no sentence ends there
            best = m.end()
        return best

    def _abbrev_before(self, dot: int) -> bool:
        """A full stop after a dotted abbreviation with a lower-case word next ('the F.B.I. review
        would'), or after an initial or an abbreviation the language lists ('J. Smith', 'Mr.
        Schriefer', 'Gen. Ivanov')."""
        word = re.search(r"[\w.]+$", self.text[max(0, dot - 12):dot])
        nxt = self.text[dot + 1:dot + 3].lstrip()
        if not word or not nxt[:1].isalpha():
            return False
        w = word.group()
        if nxt[:1].islower():
            return bool(re.fullmatch(r"(?:\w\.)+\w", w))
        return (len(w) == 1 and w.isupper()) or fold(w) in self.lex.abbreviations


    def mentions_in(self, start: int, end: int) -> list[Ment]:
        return [m for m in self.mentions if m.start < end and start < m.end]

    def in_quote(self, offset: int) -> bool:
        return any(s <= offset < e for s, e in self.quote_spans)

    def entity_type(self, eid: str | None) -> str | None:
        e = self.doc.entity(eid)
        return e.type if e else None
