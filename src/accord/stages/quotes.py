"""Stage 'quotes': every direct quote in the article body, with its speaker as an entity id.

Why: analysts read event data through what officials said, so a quote is only useful with the
right speaker and exact offsets. The stage works in three steps, all language knowledge in data
files under lang/<code>/ (speech_verbs, speech_impersonal, speech_relay, speech_according,
speech_words_of, document_nouns, speaker_titles, pronouns, clause_skip, clause_stop, verb_gender):

1. Candidates. Quotation marks of every convention (« », „ “, “ ”, " ", ‘ ’, nesting, a quote
   running over paragraphs that reopen with the same mark) and the dash dialogue of Serbian and
   Russian news (a paragraph opening with "- " or "— ", its attribution after a dash or comma).
   Only body spans are read, so boilerplate never yields quotes.
2. Attribution. A clause next to the quote that holds a speech cue: after it ("…,” he said",
   "», — говорится в документе", "- izjavio je Vulin"), before it ("Putin said: «…»",
   "По словам Путина, «…»"), in the same sentence ("в нем утверждается, что … «…»") or in the
   sentence just before. Quoted names («Россия 1», "Sputnik") fail the quote test: a quote needs
   an adjacent attribution or several words with sentence-like punctuation or a cue in its
   sentence.
3. Speaker. The words next to the cue name the speaker: a linked mention, a name matched to an
   entity by its surname, a pronoun (most recent person before the quote), a title (the person
   the article gave that title), a document ("говорится в документе": the author named with the
   document), "the words of X" (X, not the press service that passes them on). When nothing
   resolves the speaker stays None: no speaker is better than a wrong one.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from ..doc import Article, Quote, TextSpan
from ..lang import LANGS, load_list, load_tsv
from ..translit import fold, skeleton, sr_to_latin

REQUIRES = ("body", "lang", "entities")
ASSIGNS = ("quotes",)

TOKEN = re.compile(r"\w+(?:[-'’]\w+)*|[^\w\s]")
SENTENCE_END = re.compile(r"[.!?…]+(?=\s|$)|\n")
DASHES = "-–—"
DASH_PARAGRAPH = re.compile(r"[ \t]*[-–—](?![-–—])[ \t]*(?=\S)")
RESUME = re.compile(r"[.,:]?\s*[-–—]+\s+(?=\S)")
CLAUSE_MAX = 220  # characters an attribution clause may run after or before its quote
BEFORE_MAX = 320


# ---------------------------------------------------------------- language data

class Phrases:
    """Phrases of one or more words; a word ending in '*' matches any ending."""

    def __init__(self, rows: list[tuple[str, str]]):
        self.items: list[tuple[tuple[str, ...], str]] = []
        for phrase, label in rows:
            words = tuple(fold(w) for w in phrase.split())
            if words:
                self.items.append((words, label))
        self.items.sort(key=lambda it: -len(it[0]))

    @staticmethod
    def _word_ok(pattern: str, keys: tuple[str, ...]) -> bool:
        if pattern.endswith("*"):
            return any(k.startswith(pattern[:-1]) for k in keys)
        return pattern in keys

    def match(self, toks: list[Tok], i: int) -> tuple[int, str] | None:
        """Longest phrase starting at token i: (number of tokens, label)."""
        for words, label in self.items:
            if i + len(words) <= len(toks) and all(self._word_ok(w, toks[i + j].keys) for j, w in enumerate(words)):
                return len(words), label
        return None


@dataclass
class Lexicon:
    speech: Phrases
    impersonal: Phrases
    relay: Phrases
    according: Phrases
    words_of: Phrases
    documents: Phrases
    titles: Phrases
    pronouns: Phrases
    skip: frozenset[str]
    stop: Phrases
    verb_gender: tuple[tuple[str, str], ...]


def _rows(langs: tuple[str, ...], name: str, tsv: bool) -> list[tuple[str, str]]:
    out = []
    for lang in langs:
        if tsv:
            out += [(r[0], r[1] if len(r) > 1 else "") for r in load_tsv(lang, name)]
        else:
            out += [(x, "") for x in load_list(lang, name)]
    return out


@lru_cache(maxsize=None)
def lexicon(lang: str) -> Lexicon:
    """The quote lexicon of one language; an unknown language gets the union of all."""
    langs = (lang,) if lang in LANGS else LANGS
    gender = sorted({(fold(s), g) for s, g in _rows(langs, "verb_gender.tsv", True)}, key=lambda sg: -len(sg[0]))
    return Lexicon(
        speech=Phrases(_rows(langs, "speech_verbs.txt", False)),
        impersonal=Phrases(_rows(langs, "speech_impersonal.txt", False)),
        relay=Phrases(_rows(langs, "speech_relay.txt", False)),
        according=Phrases(_rows(langs, "speech_according.txt", False)),
        words_of=Phrases(_rows(langs, "speech_words_of.txt", False)),
        documents=Phrases(_rows(langs, "document_nouns.txt", False)),
        titles=Phrases(_rows(langs, "speaker_titles.tsv", True)),
        pronouns=Phrases(_rows(langs, "pronouns.tsv", True)),
        skip=frozenset(fold(w) for w, _ in _rows(langs, "clause_skip.txt", False)),
        stop=Phrases(_rows(langs, "clause_stop.txt", False)),
        verb_gender=tuple(gender),
    )


# ---------------------------------------------------------------- tokens and mentions

@dataclass
class Tok:
    start: int
    end: int
    text: str
    keys: tuple[str, ...]  # folded form, and its Latin form for Serbian Cyrillic

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum()

    @property
    def is_cap(self) -> bool:
        return self.text[0].isupper()


def tokenize(text: str, start: int, end: int) -> list[Tok]:
    toks = []
    for m in TOKEN.finditer(text, start, end):
        raw = m.group()
        a = fold(raw)
        b = fold(sr_to_latin(raw))
        toks.append(Tok(m.start(), m.end(), raw, (a,) if a == b else (a, b)))
    return toks


@dataclass
class Ment:
    start: int
    end: int
    text: str
    entity: str | None
    type: str


def mention_index(doc: Article) -> list[Ment]:
    seen: dict[tuple[int, int], Ment] = {}
    for e in doc.entities:
        for m in e.mentions:
            seen[(m.start, m.end)] = Ment(m.start, m.end, m.text, e.id, e.type)
    for m in doc.mentions:
        if (m.start, m.end) not in seen and not any(s <= m.start < e for s, e in seen):
            seen[(m.start, m.end)] = Ment(m.start, m.end, m.text, m.entity, m.type)
    return sorted(seen.values(), key=lambda m: m.start)


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


@dataclass
class Attribution:
    cue: tuple[int, int]
    clause: tuple[int, int]  # token index range of the clause in doc tokens
    cue_tok: tuple[int, int]  # token index range of the cue
    side: str  # after | before | inline | context | according
    kind: str  # speech | impersonal | relay | according


OPEN_CLOSE = {"«": "»", "„": "“”", "“": "”", "‚": "‘’", "‘": "’", '"': '"', "”": "”", "'": "'"}
QUOTE_CHARS = set("«»„“”‚‘’\"'")


def _opening_context(text: str, i: int, lo: int) -> bool:
    prev = text[i - 1] if i > lo else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    return (prev.isspace() or prev in "([{/" + DASHES + "«„“‘:" or i == lo) and not nxt.isspace()


def _closing_context(text: str, i: int, hi: int) -> bool:
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < hi else " "
    return not prev.isspace() and (nxt.isspace() or not nxt.isalnum())


def mark_spans(text: str, paragraphs: list[tuple[int, int]]) -> list[tuple[int, int | None, int, int]]:
    """Top-level quotations: (open mark index, close mark index or None, end of content, paragraph)."""
    out = []
    stack: list[tuple[str, int]] = []  # (closers, index)
    top_para = 0
    for p, (lo, hi) in enumerate(paragraphs):
        i = lo
        if stack:  # a quote running on: this paragraph must reopen with the same mark
            j = lo
            while j < hi and text[j].isspace():
                j += 1
            if j < hi and text[j] == text[stack[0][1]]:
                i = j + 1
            else:
                out.append((stack[0][1], None, paragraphs[p - 1][1], top_para))
                stack = []
        while i < hi:
            ch = text[i]
            if ch in QUOTE_CHARS:
                expecting = stack[-1][0] if stack else ""
                closes = ch in expecting and (ch not in "\"'’”" or _closing_context(text, i, hi))
                if ch in "’'" and closes and i + 1 < hi and text[i + 1].isalpha():
                    closes = False  # apostrophe
                if closes:
                    _, at = stack.pop()
                    if not stack:
                        out.append((at, i, i, top_para))
                elif ch in OPEN_CLOSE and ch not in "»" and (ch in "«„" or _opening_context(text, i, lo)):
                    if ch in "'’" and i > lo and text[i - 1].isalpha():
                        pass  # apostrophe
                    elif ch == "’":
                        pass
                    else:
                        if not stack:
                            top_para = p
                        stack.append((OPEN_CLOSE[ch], i))
                elif ch in "»”“" and stack:
                    # a closer of an outer quote while an inner one is open: the inner was never closed
                    for depth in range(len(stack) - 1, -1, -1):
                        if ch in stack[depth][0]:
                            at = stack[depth][1]
                            del stack[depth:]
                            if not stack:
                                out.append((at, i, i, top_para))
                            break
            i += 1
    if stack:
        out.append((stack[0][1], None, paragraphs[-1][1], top_para))
    return out


# ---------------------------------------------------------------- the stage

class QuoteFinder:
    def __init__(self, doc: Article):
        self.doc = doc
        self.text = doc.text
        self.lex = lexicon(doc.lang)
        self.paragraphs = [(b.start, b.end) for b in doc.body]
        self.toks: list[Tok] = []
        for lo, hi in self.paragraphs:
            self.toks += tokenize(self.text, lo, hi)
        self.tok_starts = [t.start for t in self.toks]
        self.mentions = mention_index(doc)
        self.quote_spans: list[tuple[int, int]] = []
        self._title_classes: dict[str, set[str]] | None = None

    # -- token helpers
    def tok_at(self, offset: int) -> int:
        """Index of the first token starting at or after offset."""
        return bisect.bisect_left(self.tok_starts, offset)

    def para_of(self, offset: int) -> int:
        for p, (lo, hi) in enumerate(self.paragraphs):
            if lo <= offset <= hi:
                return p
        return -1

    def words(self, start: int, end: int) -> int:
        return len(re.findall(r"\w+", self.text[start:end]))

    def cue_at(self, i: int) -> tuple[int, str] | None:
        """A speech cue starting at token i: (length, kind)."""
        for kind, phrases in (("according", self.lex.according), ("impersonal", self.lex.impersonal),
                              ("relay", self.lex.relay), ("speech", self.lex.speech)):
            hit = phrases.match(self.toks, i)
            if hit:
                return hit[0], kind
        return None

    def is_stop(self, i: int) -> bool:
        return self.lex.stop.match(self.toks, i) is not None

    def is_skip(self, i: int) -> bool:
        return any(k in self.lex.skip for k in self.toks[i].keys)

    # -- clause boundaries
    def clause_after(self, offset: int) -> int:
        """Token index where the clause starting at offset ends (sentence end or a resumed quote)."""
        i = self.tok_at(offset)
        limit = offset + CLAUSE_MAX
        para_end = self.paragraphs[self.para_of(offset)][1] if self.para_of(offset) >= 0 else len(self.text)
        while i < len(self.toks) and self.toks[i].start < min(limit, para_end):
            t = self.toks[i].text
            if (t in ".!?…;" and not self.abbrev_dot(i)) or t in QUOTE_CHARS:
                return i
            if t == "," and i + 1 < len(self.toks) and self.toks[i + 1].text in DASHES:
                return i
            i += 1
        return i

    def abbrev_dot(self, i: int) -> bool:
        """A dot after an abbreviation or initial ('Mr.', 'Rep.', 'Lisa O. Monaco') ends no sentence."""
        if self.toks[i].text != "." or i == 0:
            return False
        prev = self.toks[i - 1]
        return prev.end == self.toks[i].start and prev.is_cap and prev.text.isalpha() and len(prev.text) <= 3

    def sentence_start(self, offset: int) -> int:
        """Offset where the sentence holding offset begins (paragraph start at the latest)."""
        p = self.para_of(offset)
        lo = self.paragraphs[p][0] if p >= 0 else 0
        best = lo
        for m in SENTENCE_END.finditer(self.text, lo, offset):
            best = m.end()
        return best

    # -- finding the cue in a clause
    def find_cue(self, i0: int, i1: int, first_only: int | None = None, last: bool = False,
                 appositive: bool = False) -> Attribution | None:
        """A cue among tokens [i0, i1); first_only: it must come within that many words (skip words free)."""
        found = None
        words = 0
        for i in range(i0, i1):
            hit = self.cue_at(i)
            if hit:
                n, kind = hit
                found = Attribution(cue=(self.toks[i].start, self.toks[i + n - 1].end), clause=(i0, i1),
                                    cue_tok=(i, i + n), side="", kind=kind)
                if not last:
                    return found
            if first_only is not None and self.toks[i].is_word and not self.is_skip(i):
                words += 1
                if words > first_only:
                    return found
            if first_only is not None and not self.toks[i].is_word and self.toks[i].text not in DASHES + "'’":
                if not (appositive and (self.toks[i].text in ",()" or self.abbrev_dot(i))):
                    return found
                if self.toks[i].text == ",":
                    first_only = max(first_only, 12)
        return found

    # -- candidates from dash dialogue
    def dash_candidates(self) -> list[Candidate]:
        out = []
        sep = re.compile(r"[,!?…]?\s+[-–—]+\s+|,\s+|[!?…]\s+(?=\w)")
        for p, (lo, hi) in enumerate(self.paragraphs):
            m = DASH_PARAGRAPH.match(self.text, lo, hi)
            if not m or self.text[m.end()] in QUOTE_CHARS:
                continue
            pos = m.end()
            group = len(out)
            open_at = m.start() + len(m.group()) - len(m.group().lstrip(" \t"))
            while pos < hi:
                att = None
                for s in sep.finditer(self.text, pos, hi):
                    has_dash = any(c in DASHES for c in s.group())
                    i0 = self.tok_at(s.end())
                    i1 = self.clause_after(s.end())
                    att = self.find_cue(i0, i1, first_only=4 if has_dash else 0)
                    if att and att.kind == "according" and not has_dash:
                        att = None
                    if att:
                        att.side = "after"
                        end = s.start() + (1 if s.group()[0] in "!?…" else 0)
                        out.append(Candidate(start=pos, end=end, style="dash", open_at=open_at, close_at=None,
                                             paragraph=p, attribution=att, group=group))
                        # the quote may resume after the clause: ", — продолжил он, — ..." / ". - ..."
                        j = att.clause[1]
                        resume_at = self.toks[j].start if j < len(self.toks) and self.toks[j].start < hi else hi
                        r = RESUME.match(self.text, resume_at, hi)
                        pos = r.end() if r else hi
                        open_at = r.end() - 1 if r else open_at
                        break
                else:
                    out.append(Candidate(start=pos, end=hi, style="dash", open_at=open_at, close_at=None,
                                         paragraph=p, group=group))
                    pos = hi
        return [c for c in out if self._trim(c)]

    def _trim(self, c: Candidate) -> bool:
        while c.start < c.end and self.text[c.start].isspace():
            c.start += 1
        while c.end > c.start and (self.text[c.end - 1].isspace() or self.text[c.end - 1] in ",:;" + DASHES):
            c.end -= 1
        return c.end > c.start

    # -- candidates from quotation marks
    def mark_candidates(self) -> list[Candidate]:
        out = []
        for open_at, close_at, end, p in mark_spans(self.text, self.paragraphs):
            c = Candidate(start=open_at + 1, end=end, style="marks", open_at=open_at, close_at=close_at, paragraph=p)
            if self._trim(c):
                out.append(c)
        return out

    # -- attribution of a marks quote
    def attribute_marks(self, c: Candidate) -> None:
        after = (c.close_at + 1) if c.close_at is not None else None
        inner_end = self.text[c.end - 1] if c.end > c.start else ""
        raw_end = self.text[c.close_at - 1] if c.close_at else ""
        if after is not None:
            m = re.compile(r"[,!?…:]?[ \t]*(?:[-–—]+[ \t]*)?").match(self.text, after)
            sep = m.group()
            adjacent = bool(sep.strip()) or raw_end in ",!?…" or inner_end in ",!?…"
            if adjacent and m.end() < len(self.text) and self.text[m.end()] not in "\n":
                i0 = self.tok_at(m.end())
                i1 = self.clause_after(m.end())
                att = self.find_cue(i0, i1, first_only=6, appositive=True)
                if att and att.kind == "according" and att.cue_tok[0] != i0:
                    att = None
                if att:
                    att.side = "after"
                    c.attribution = att
                    return
        s0 = self.sentence_start(c.open_at)
        before = self.text[s0:c.open_at].rstrip()
        if before.endswith((":", ",")) or (before and before[-1] in DASHES):
            i0, i1 = self.tok_at(s0), self.tok_at(c.open_at)
            att = self.find_cue(i0, i1, last=True)
            if att and (before.endswith(":") or att.kind == "according" or i1 - att.cue_tok[1] <= 6):
                att.side = "before"
                c.attribution = att
                return
        if not before:  # a quote opening its sentence: "X je rekao:" may end the paragraph before
            p = self.para_of(c.open_at)
            prev_text = self.text[self.sentence_start(self.paragraphs[p - 1][1]) if p > 0 else 0:
                                  self.paragraphs[p - 1][1]] if p > 0 else ""
            if prev_text.rstrip().endswith(":"):
                hi = self.paragraphs[p - 1][1]
                att = self.find_cue(self.tok_at(self.sentence_start(hi)), self.tok_at(hi), last=True)
                if att:
                    att.side = "before"
                    c.attribution = att
                    return
        if before:  # a cue in the same sentence: "в нем утверждается, что … «…»"
            att = self.find_cue(self.tok_at(s0), self.tok_at(c.open_at), last=True)
            if att:
                att.side = "inline"
                c.attribution = att
                return
        else:  # the sentence just before names the speaker: "Stefanović je rekao da … . „…“"
            prev_end = s0
            while prev_end > 0 and self.text[prev_end - 1].isspace():
                prev_end -= 1
            if prev_end > 0 and self.para_of(prev_end - 1) in (c.paragraph, c.paragraph - 1):
                ps = self.sentence_start(prev_end - 1)
                att = self.find_cue(self.tok_at(ps), self.tok_at(prev_end), last=True)
                if att and not self._has_quote_between(ps, prev_end):
                    att.side = "context"
                    c.attribution = att
                elif self._has_quote_between(ps, prev_end):
                    c.follows_quote = True

    def _has_quote_between(self, a: int, b: int) -> bool:
        return any(ch in "«»„“”\"" for ch in self.text[a:b])

    # -- is a marks candidate a quote or a quoted name?
    def is_quote(self, c: Candidate) -> bool:
        content = self.text[c.start:c.end]
        n = self.words(c.start, c.end)
        if n == 0:
            return False
        first = next((ch for ch in content if ch.isalpha()), "")
        punct_end = content.rstrip()[-1:] in ".!?…"
        punct_in = bool(re.search(r"[,;:.!?…](?=\s)", content))
        att = c.attribution
        s0 = self.sentence_start(c.open_at)
        opens_sentence = not self.text[s0:c.open_at].strip(" \t" + DASHES)
        name_like = first.isupper() and not punct_in and not punct_end and n <= 4
        if att and att.side in ("after", "before"):
            return not (name_like and not opens_sentence and att.side == "after") and (n >= 2 or punct_end or not first.isupper() or opens_sentence)
        if att and att.side == "inline":
            return first.islower() or (n >= 4 and (punct_in or punct_end)) or n >= 6
        if att and att.side == "context":
            return opens_sentence and n >= 4 and (first.isupper() or not first)
        if c.follows_quote:
            return n >= 2 or punct_end
        # no cue nearby: only sentence-like speech
        return (n >= 4 and punct_end and opens_sentence) or (n >= 6 and (punct_in or punct_end) and (opens_sentence or first.islower()))

    # -- speaker resolution
    def zone(self, att: Attribution) -> list[int]:
        """Token indices of the words that name the speaker next to the cue."""
        c0, c1 = att.cue_tok
        lo, hi = att.clause
        pre: list[int] = []
        if att.kind != "according":
            i = c0 - 1
            while i >= lo and (self.is_skip(i) and not pre):
                i -= 1
            while i >= lo and self.toks[i].is_word and not self.is_stop(i) and len(pre) < 8:
                pre.insert(0, i)
                i -= 1
            while pre and self.is_skip(pre[0]):
                pre.pop(0)
        post: list[int] = []
        i = c1
        while i < hi and self.is_skip(i):
            i += 1
        while i < hi and (self.toks[i].is_word or self.toks[i].text in ".") and len(post) < 8:
            if self.is_stop(i):
                break
            if self.toks[i].text == ".":
                break
            post.append(i)
            i += 1
        if att.kind == "according":
            return post
        if att.side == "after" and c0 > lo:
            lead: list[int] = []
            i = lo
            while i < c0 and self.is_skip(i):
                i += 1
            while i < c0 and (self.toks[i].is_word or self.abbrev_dot(i)) and not self.is_stop(i):
                if self.toks[i].is_word:
                    lead.append(i)
                i += 1
            while lead and self.is_skip(lead[-1]):
                lead.pop()
            if lead:
                return lead
        if att.side == "before" and pre and post and any(self.toks[j].is_cap for j in post) and not any(self.toks[j].is_cap for j in pre[-1:]):
            return post
        if att.side in ("before", "inline", "context") and not self._names_someone(pre) and not self._names_someone(post):
            # "X, smiling, remarked:" / "X in this hall arrogantly declared:": the nearest name to the left
            run: list[int] = []
            for i in range(c0 - 1, lo - 1, -1):
                t = self.toks[i]
                named = self._names_someone([i])
                if named and (i == lo or not self.is_stop(i - 1) or run):
                    run.insert(0, i)
                elif run:
                    break
            if run:
                return run
        return pre or post

    def _names_someone(self, idx: list[int]) -> bool:
        """A name (not sentence-initial), a pronoun, a title or a person mention among these tokens."""
        for i in idx:
            t = self.toks[i]
            if self.lex.pronouns.match(self.toks, i) or self.lex.titles.match(self.toks, i):
                return True
            if t.is_cap and i > 0 and self.toks[i - 1].text not in ".!?" and self.toks[i - 1].end < t.start \
                    and self.sentence_start(t.start) != t.start:
                return True
            if any(m.type == "PER" for m in self.mentions_in(t.start, t.end)):
                return True
        return False

    def mentions_in(self, start: int, end: int) -> list[Ment]:
        return [m for m in self.mentions if m.start < end and start < m.end]

    def in_quote(self, offset: int) -> bool:
        return any(s <= offset < e for s, e in self.quote_spans)

    def entity_type(self, eid: str | None) -> str | None:
        e = self.doc.entity(eid)
        return e.type if e else None

    def resolve(self, c: Candidate) -> None:
        att = c.attribution
        if att is None:
            return
        anchor = min(c.open_at, att.cue[0])
        # "the words of X": X is the speaker, whoever passes the words on
        lo, hi = att.clause
        for i in range(lo, hi):
            hit = self.lex.words_of.match(self.toks, i)
            if hit:
                j = i + hit[0]
                span = self._name_run(j, hi)
                if span:
                    self._set_name(c, span)
                    if c.speaker or c.speaker_span:
                        return
        z = self.zone(att)
        if not z and att.kind in ("impersonal", "relay"):
            self._resolve_document(c, lo, hi, anchor)
            return
        if not z:
            gender = self.verb_gender(att)
            if gender and att.kind == "speech":
                c.speaker = self.resolve_pronoun(gender, anchor)
                c.speaker_span = None
            return
        zs, ze = self.toks[z[0]].start, self.toks[z[-1]].end
        ments = self.mentions_in(zs, ze)
        pers = [m for m in ments if m.type == "PER"]
        if pers:
            m = min(pers, key=lambda m: abs(m.start - att.cue[0]))
            c.speaker, c.speaker_span = m.entity, (m.start, m.end)
            return
        for j in z:
            hit = self.lex.pronouns.match(self.toks, j)
            if hit and self.toks[j].text.lower() == self.toks[j].text or (hit and j == z[0]):
                c.speaker_span = (self.toks[j].start, self.toks[j].end)
                if hit[1] in ("m", "f", "n", ""):
                    c.speaker = self.resolve_pronoun(hit[1], anchor)
                return
        name = self._name_run_in(z)
        if name and att.kind != "relay":
            self._set_name(c, name, types=("PER",))
            if c.speaker:
                return
        for j in z:
            hit = self.lex.titles.match(self.toks, j)
            if hit:
                speaker = self.resolve_title(hit[1], anchor)
                if speaker or not name:
                    c.speaker = speaker
                    c.speaker_span = (self.toks[j].start, self.toks[j + hit[0] - 1].end)
                return
        if att.kind == "impersonal":  # "в нем утверждается": the document named before
            self._resolve_document(c, lo, hi, anchor)
            if c.speaker:
                return
        others = [m for m in ments if m.type != "PER" and m.entity]
        if others and att.kind != "relay":
            m = min(others, key=lambda m: abs(m.start - att.cue[0]))
            c.speaker, c.speaker_span = m.entity, (m.start, m.end)
            return
        for j in z:
            if self.lex.documents.match(self.toks, j):
                self._resolve_document(c, lo, hi, anchor)
                return
        if name:
            self._set_name(c, name)
            return
        c.speaker_span = (zs, ze)

    def _name_run(self, j: int, hi: int) -> tuple[int, int] | None:
        """Capitalised words starting at token j (a title may precede: 'слова министра Кубракова')."""
        k = j
        while k < hi and self.toks[k].is_word and not self.toks[k].is_cap and k - j < 4:
            k += 1
        run = []
        while k < hi and self.toks[k].is_word and self.toks[k].is_cap:
            run.append(k)
            k += 1
        if not run:
            return None
        return self.toks[run[0]].start, self.toks[run[-1]].end

    def _name_run_in(self, z: list[int]) -> tuple[int, int] | None:
        caps = [j for j in z if self.toks[j].is_cap and not self.lex.pronouns.match(self.toks, j)
                and not self.lex.titles.match(self.toks, j) and not self.cue_at(j)]
        if not caps:
            return None
        return self.toks[caps[0]].start, self.toks[caps[-1]].end

    def _set_name(self, c: Candidate, span: tuple[int, int], types: tuple[str, ...] = ("PER", "ORG", "LOC")) -> None:
        ments = [m for m in self.mentions_in(*span) if m.type in types]
        if ments:
            m = ments[-1] if any(x.type == "PER" for x in ments) is False else [x for x in ments if x.type == "PER"][-1]
            c.speaker, c.speaker_span = m.entity, (m.start, m.end)
            return
        words = [t for t in tokenize(self.text, *span) if t.is_word]
        eid = self.match_name([t.text for t in words], types)
        c.speaker_span = span
        c.speaker = eid

    def match_name(self, words: list[str], types: tuple[str, ...]) -> str | None:
        """The one entity whose name contains these words (case endings tolerated), else None."""
        if not words:
            return None
        keys = [skeleton(w) for w in words if len(w) >= 3]
        if not keys:
            return None
        hits = set()
        for e in self.doc.entities:
            if e.type not in types:
                continue
            forms = {e.name, *e.aliases, *(m.text for m in e.mentions)}
            parts = {skeleton(w) for f in forms for w in f.split() if len(w) >= 3}
            if all(any(_same_word(k, p) for p in parts) for k in keys):
                hits.add(e.id)
        return hits.pop() if len(hits) == 1 else None

    def verb_gender(self, att: Attribution) -> str | None:
        word = self.toks[att.cue_tok[1] - 1].keys[-1]
        for suffix, g in self.lex.verb_gender:
            if word.endswith(suffix):
                return g
        return None

    def resolve_pronoun(self, gender: str, anchor: int) -> str | None:
        """The person most recently named before the quote (plural pronouns name nobody)."""
        if gender not in ("m", "f", ""):
            return None
        for m in reversed(self.mentions):
            if m.end > anchor or m.type != "PER" or not m.entity or self.in_quote(m.start):
                continue
            if anchor - m.end > 2500:
                return None
            return m.entity
        return None

    def title_classes(self) -> dict[str, set[str]]:
        """For each person entity, the title classes the article puts next to its mentions."""
        if self._title_classes is None:
            out: dict[str, set[str]] = {}
            for m in self.mentions:
                if m.type != "PER" or not m.entity:
                    continue
                i = self.tok_at(m.start)
                for j in range(max(0, i - 8), i):
                    if any(t.text in ".!?;" for t in self.toks[j:i]):
                        continue
                    hit = self.lex.titles.match(self.toks, j)
                    between = (self.toks[j].end, m.start)
                    if hit and not any(o.type == "PER" and between[0] <= o.start < between[1] for o in self.mentions):
                        out.setdefault(m.entity, set()).add(hit[1])
                k = self.tok_at(m.end)
                if k < len(self.toks) and self.toks[k].text == ",":
                    for j in range(k + 1, min(k + 4, len(self.toks))):
                        hit = self.lex.titles.match(self.toks, j)
                        if hit:
                            out.setdefault(m.entity, set()).add(hit[1])
            self._title_classes = out
        return self._title_classes

    def resolve_title(self, cls: str, anchor: int) -> str | None:
        """The person the article gave this title to, most recently named before the quote."""
        classes = self.title_classes()
        for m in reversed(self.mentions):
            if m.end > anchor or m.type != "PER" or not m.entity or self.in_quote(m.start):
                continue
            if cls in classes.get(m.entity, set()):
                return m.entity
        return None

    def document_author(self, j: int, n: int) -> Ment | None:
        """The author named with a document noun at token j: 'доклад Госдепартамента', 'MUP's statement'."""
        after = self.toks[j + n].start if j + n < len(self.toks) else None
        if after is not None:
            limit = self.toks[min(j + n + 4, len(self.toks) - 1)].end
            for m in self.mentions:
                if after <= m.start <= limit and m.type in ("ORG", "PER") and m.entity \
                        and not re.search(r"[.,;:!?]", self.text[after:m.start]):
                    return m
        start = self.toks[j].start
        for m in reversed(self.mentions):
            if m.end <= start and start - m.end <= 30 and m.type in ("ORG", "PER") and m.entity \
                    and not re.search(r"[.,;:!?]", self.text[m.end:start]):
                return m
        return None

    def _resolve_document(self, c: Candidate, lo: int, hi: int, anchor: int) -> None:
        for j in range(lo, hi):
            hit = self.lex.documents.match(self.toks, j)
            if hit:
                c.speaker_span = (self.toks[j].start, self.toks[j + hit[0] - 1].end)
                author = self.document_author(j, hit[0])
                if author:
                    c.speaker = author.entity
                    return
                break
        # the document was named earlier with its author
        j = self.tok_at(anchor) - 1
        while j >= 0 and anchor - self.toks[j].start < 3000:
            if not self.in_quote(self.toks[j].start):
                hit = self.lex.documents.match(self.toks, j)
                if hit:
                    author = self.document_author(j, hit[0])
                    if author:
                        c.speaker = author.entity
                        if c.speaker_span is None:
                            c.speaker_span = (author.start, author.end)
                        return
            j -= 1

    # -- putting it together
    def find(self) -> list[Quote]:
        dash = self.dash_candidates()
        marks = [c for c in self.mark_candidates()
                 if not any(d.start <= c.open_at < d.end for d in dash)]
        for c in marks:
            self.attribute_marks(c)
        marks = [c for c in marks if self.is_quote(c)]
        dash = self._keep_dash(dash)
        cands = sorted(dash + marks, key=lambda c: c.start)
        self.quote_spans = [(c.open_at, c.end + 1) for c in cands]
        for c in cands:
            self.resolve(c)
        self._inherit(cands)
        out = []
        for c in cands:
            att = c.attribution
            sp = c.speaker_span
            out.append(Quote(
                text=self.text[c.start:c.end], start=c.start, end=c.end, speaker=c.speaker,
                speaker_text=self.text[sp[0]:sp[1]] if sp else None,
                speaker_span=TextSpan(start=sp[0], end=sp[1], text=self.text[sp[0]:sp[1]]) if sp else None,
                cue=TextSpan(start=att.cue[0], end=att.cue[1], text=self.text[att.cue[0]:att.cue[1]]) if att else None,
                style=c.style,
            ))
        return out

    def _keep_dash(self, dash: list[Candidate]) -> list[Candidate]:
        """Dash paragraphs are quotes when attributed, or next to attributed ones, or after 'X said:'."""
        attributed_paras = {c.paragraph for c in dash if c.attribution}
        keep = []
        for c in dash:
            if self.words(c.start, c.end) < 3:
                continue
            if c.attribution or c.paragraph in attributed_paras or c.paragraph - 1 in attributed_paras or c.paragraph + 1 in attributed_paras:
                keep.append(c)
                continue
            p = c.paragraph
            if p > 0 and self.text[self.paragraphs[p - 1][0]:self.paragraphs[p - 1][1]].rstrip().endswith(":"):
                hi = self.paragraphs[p - 1][1]
                att = self.find_cue(self.tok_at(self.sentence_start(hi)), self.tok_at(hi), last=True)
                if att:
                    att.side = "before"
                    c.attribution = att
                    keep.append(c)
        # chains: a dash paragraph between kept ones
        kept_paras = {c.paragraph for c in keep}
        for c in dash:
            if c not in keep and self.words(c.start, c.end) >= 3 and (c.paragraph - 1 in kept_paras and c.paragraph + 1 in kept_paras):
                keep.append(c)
        return keep

    def _inherit(self, cands: list[Candidate]) -> None:
        """Unattributed pieces of one utterance take the speaker of the attributed piece next to them."""
        for k, c in enumerate(cands):
            if c.attribution is not None or c.speaker:
                continue
            for other in (cands[k + 1:k + 2] if c.style == "dash" else []) + cands[max(0, k - 1):k]:
                close = abs(other.paragraph - c.paragraph) <= 1
                if close and other.style == c.style and (other.speaker or other.speaker_span):
                    c.speaker, c.speaker_span = other.speaker, other.speaker_span
                    break
            # later pieces of a dash paragraph share the attribution
        groups: dict[int, Candidate] = {}
        for c in cands:
            if c.group >= 0 and c.attribution is not None:
                groups.setdefault(c.group, c)
        for c in cands:
            if c.group >= 0 and c.attribution is None and c.group in groups and not c.speaker:
                g = groups[c.group]
                c.speaker, c.speaker_span = g.speaker, g.speaker_span


def _same_word(a: str, b: str) -> bool:
    """Same name word up to a Slavic case ending: 'kubrakova' ~ 'kubrakov', 'stefanovica' ~ 'stefanovic'."""
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    return len(short) >= 4 and long_.startswith(short[:-1] if len(short) > 5 else short) and len(long_) - len(short) <= 3


def run(doc: Article) -> None:
    if not doc.body:
        doc.quotes = []
        return
    doc.quotes = QuoteFinder(doc).find()
