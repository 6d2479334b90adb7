"""Quote candidates and their attributions: quotation marks, dash dialogue, quoted names left out.

Why: a quote needs an attribution clause next to it (after, before, in the same sentence or the
sentence before) or must read like speech on its own; quoted names («Россия 1», "Sputnik") fail.
"""
from __future__ import annotations

import re

from ..translit import fold, sr_to_latin
from .marks import mark_spans
from .text import DASHES, QUOTE_CHARS, RESUME, Attribution, Candidate, Reader

DASH_PARAGRAPH = re.compile(r"[ \t]*[-–—](?![-–—])[ \t]*(?=\S)")
# '«A, — сказал X. — B»', '„A – rekao je X – B“', '„A, rekao je X. B“': a cue set inside the quotation marks
INTERJECTION = re.compile(r"[,!?…]?\s+[-–—]+\s+|,\s+")
SENTENCE_RESUME = re.compile(r"[.!?…]\s+(?=\w)")


class Detection(Reader):
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
                if not (appositive and (self.toks[i].text in ",()" or self.abbrev_dot(i) or self.dot_in_brackets(i))):
                    return found
                if self.toks[i].text == ",":
                    first_only = max(first_only, 12)
        return found

    # -- candidates from dash dialogue
    def dash_candidates(self) -> list[Candidate]:
        out: list[Candidate] = []
        for p, (lo, hi) in enumerate(self.paragraphs):
            m = DASH_PARAGRAPH.match(self.text, lo, hi)
            if m and self.text[m.end()] not in QUOTE_CHARS:
                open_at = m.start() + len(m.group()) - len(m.group().lstrip(" \t"))
                out += self._dash_run(p, m.end(), hi, open_at, len(out))
            elif not m:
                out += self._dash_inline(p, lo, hi, len(out))
        return [c for c in out if self._trim(c)]

    def _dash_inline(self, p: int, lo: int, hi: int, group: int) -> list[Candidate]:
        """Dash dialogue opened inside a paragraph, after a sentence ('… sa kolegom iz Budimpešte. -
        Imamo punu podršku partnera, rekao je ministar.'): the dashes that do so are the language's
        (lang/<code>/speech_dash_inline.txt; none in English, where a dash is a parenthesis), and
        the piece counts only with its own cue after it, so a dashed aside is never taken for speech."""
        if not self.lex.dash_inline:
            return []
        d = re.escape(self.lex.dash_inline)
        opener = re.compile(rf"(?<=[.!?…])[ \t]+([{d}])(?![{d}])[ \t]+(?=[^\W\d_])")
        marks = [(a, b if b is not None else e) for a, b, e, _ in mark_spans(self.text, self.paragraphs[p:p + 1])]
        for m in opener.finditer(self.text, lo, hi):
            if not self.text[m.end()].isupper() or any(a < m.start(1) < b for a, b in marks):
                continue  # a dash inside quotation marks resumes the quote after an interjected cue
            run = self._dash_run(p, m.end(), hi, m.start(1), group)
            if run and run[0].attribution is not None:
                return [c for c in run if c.attribution is not None or c.start > run[0].start]
        return []

    def _dash_run(self, p: int, pos: int, hi: int, open_at: int, group: int) -> list[Candidate]:
        """The pieces of one dash utterance from pos: each ends where a cue clause follows it, and the
        quote resumes after that clause at the next dash ('…, — продолжил он, — …')."""
        out = []
        sep = re.compile(r"[,!?…]?\s+[-–—]+\s+|,\s+|[!?…]\s+(?=\w)")
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
        return out

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

    def split_interjected(self, cands: list[Candidate]) -> list[Candidate]:
        """A quote in marks that a dashed cue interrupts ('«Мы готовы, — сказал Шойгу. — Но …»',
        '„Spremni smo – rekao je ministar – da …“') is two pieces of one utterance: the piece before
        the cue is attributed to it, the frame words are no one's words, and the piece after it
        continues the same speaker (the frame's own punctuation ends it, the dash resumes the quote)."""
        out: list[Candidate] = []
        for c in cands:
            pos, open_at = c.start, c.open_at
            for s in INTERJECTION.finditer(self.text, c.start, c.end):
                if s.start() < pos:
                    continue
                dashed = any(ch in DASHES for ch in s.group())
                att = self.find_cue(self.tok_at(s.end()), self.clause_after(s.end()), first_only=4 if dashed else 0)
                j = att.clause[1] if att else len(self.toks)
                if att and dashed:  # '– rekao je Dačić – da …': the frame closes at its second dash
                    j = next((k for k in range(att.cue_tok[1], j) if self.toks[k].text in DASHES), j)
                if att is None or att.kind != "speech" or j >= len(self.toks) or self.toks[j].start >= c.end \
                        or not any(self.toks[k].is_word for k in range(att.cue_tok[1], j)):
                    continue  # no frame, or a parenthetical with no one named ('«Надо, говорят, терпеть»')
                r = RESUME.match(self.text, self.toks[j].start, c.end) or \
                    (None if dashed else SENTENCE_RESUME.match(self.text, self.toks[j].start, c.end))
                if not r:
                    continue
                att.side = "after"
                end = s.start() + (1 if s.group()[0] in "!?…" else 0)
                out.append(Candidate(start=pos, end=end, style=c.style, open_at=open_at, close_at=None,
                                     paragraph=c.paragraph, attribution=att))
                pos, open_at = r.end(), r.end() - 1
            if pos != c.start:
                c.start, c.open_at = pos, open_at
            out.append(c)
        return [c for c in out if self._trim(c)]

    # -- attribution of a marks quote
    def attribute_marks(self, c: Candidate) -> None:
        after = (c.close_at + 1) if c.close_at is not None else None
        inner_end = self.text[c.end - 1] if c.end > c.start else ""
        raw_end = self.text[c.close_at - 1] if c.close_at else ""
        if raw_end and raw_end in "'’" and c.close_at - 2 > c.start and self.text[c.close_at - 2] in ",.!?…":
            raw_end = self.text[c.close_at - 2]  # a quote inside the quote ends with it: '… ‘Enough is enough,'” Pence said'

        if after is not None:
            m = re.compile(r"[,!?…:]?[ \t]*(?:[-–—]+[ \t]*)?").match(self.text, after)
            sep = m.group()
            adjacent = bool(sep.strip()) or raw_end in ",!?…" or inner_end in ",!?…"
            if adjacent and m.end() < len(self.text) and self.text[m.end()] not in "\n":
                i0 = self.tok_at(m.end())
                i1 = self.clause_after(m.end())
                att = self.find_cue(i0, i1, first_only=6, appositive=True)
                if att is None:  # a long inverted subject: 'Trump running mate Gov. Mike Pence of Indiana told'
                    att = self.find_cue(i0, i1, first_only=12, appositive=True)
                    last = self.toks[att.cue_tok[0] - 1] if att else None
                    if att and not (last.is_cap or last.text == ")" or any(m.end == last.end for m in self.mentions_in(last.start, last.end))):
                        att = None  # the subject ends in a name ('… of Prime Minister Mohammed Shia al-Sudani added')
                if att and att.kind == "according" and att.cue_tok[0] != i0:
                    att = None
                if att and att.kind in ("speech", "relay") and self.parsed_noun(att.cue[0]):
                    att = None  # '“Oh, God,” at the mention of his name': a noun after the quote, no attribution
                k = att.cue_tok[1] if att else 0
                if att and k < i1 and self.lex.complement.match(self.toks, k + (self.toks[k].text == ",")):
                    att = None  # '«…», а глава МИДа отметил, что …': the cue reports a clause of its own
                if att:
                    att.side = "after"
                    c.attribution = att
                    return
            elif "." in (raw_end, inner_end) and m.end() < len(self.text) and self.text[m.end()] not in "\n" \
                    and not self.text[self.sentence_start(c.open_at):c.open_at].strip(" \t" + DASHES):
                att = self.bare_attribution(m.end())
                if att:
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
            if att is None and before.endswith(":"):
                att = self.frame(i0, i1)
                if att:
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
            verb = self.cue_outside_quote_clause(att.cue, c.open_at, c.end) if att and att.kind == "speech" else None
            if verb:  # the cue speaks in another clause; the quote completes this verb, whose subject speaks
                i = self.tok_at(verb[0])
                att = Attribution(cue=verb, clause=att.clause, cue_tok=(i, i + 1), side="inline", kind="speech")
            if att:
                att.side = "inline"
                c.attribution = att
                return
        if after is not None and self.text[c.start:c.start + 1].islower():
            # a fragment whose cue follows later in its sentence: "Об этом «…» сообщает пресс-центр МВД"
            att = self.find_cue(self.tok_at(after), self.clause_after(after), first_only=2)
            if att and att.kind == "speech":
                att.side = "after"
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

    def bare_attribution(self, at: int) -> Attribution | None:
        """'“… reporting it, Katy.” Trump said to cheers.': a quote closed with a full stop is
        attributed by the sentence after it only when that sentence is nothing but the attribution:
        a speech cue within its first words, then at most a short prepositional phrase ('to cheers',
        'in an interview') — never a reported clause of its own ('Trump said that …', 'He said the
        polls …'), nor a colon that introduces the next quote."""
        i0, i1 = self.tok_at(at), self.clause_after(at)
        att = self.find_cue(i0, i1, first_only=6, appositive=True)
        if att is None or att.kind != "speech":
            return None
        k = att.cue_tok[1]
        if att.cue_tok[0] == i0:  # '“….” said Mr. Kelly.': the inverted subject first
            while k < i1 and (self.toks[k].is_word and not self.is_stop(k) or self.abbrev_dot(k)):
                k += 1
            if k == att.cue_tok[1]:
                return None
            if k < i1 and self.toks[k].text == "," and not any(self.toks[j].text in QUOTE_CHARS or self.toks[j].text == ":"
                                                              for j in range(k, i1)):
                att.side = "after"  # '“….” said Jewell Young, a Decatur resident.': an apposition to the subject
                return att
        rest = [j for j in range(k, i1) if self.toks[j].is_word]
        if any(not self.toks[j].is_word and self.toks[j].text not in ",.()" for j in range(k, i1)):
            return None
        if k < len(self.toks) and self.toks[k].text == ":":
            return None
        if rest and (len(rest) > 4 or not self.is_stop(rest[0]) or any(self.lex.complement.match(self.toks, j) for j in rest)):
            return None
        att.side = "after"
        return att

    def frame(self, i0: int, i1: int) -> Attribution | None:
        """A sentence that introduces a quote with a colon and no speech verb ('Peggy Drexler, CNN: "…"',
        'The head of the Department drew attention to …: "…"'): its opening words name the speaker."""
        lead = self.lead_words(i0, i1)
        if not lead or not self._frame_names(lead):
            return None
        colon = i1 - 1
        return Attribution(cue=(self.toks[colon].start, self.toks[colon].end), clause=(i0, i1),
                           cue_tok=(colon, i1), side="before", kind="frame")

    def _frame_names(self, lead: list[int]) -> bool:
        """The opening words hold a person mention or a title, or are a name by themselves."""
        span = (self.toks[lead[0]].start, self.toks[lead[-1]].end)
        if any(m.type == "PER" for m in self.mentions_in(*span)) or any(self.lex.titles.match(self.toks, j) for j in lead):
            return True
        caps = [j for j in lead if self.toks[j].is_cap and not self.toks[j].text.isupper()]
        return len(lead) <= 3 and len(caps) == len(lead) >= 2  # a name alone: 'Peggy Drexler, CNN:'

    def _has_quote_between(self, a: int, b: int) -> bool:
        return any(ch in "«»„“”\"" for ch in self.text[a:b])

    # -- is a marks candidate a quote or a quoted name?
    def is_quote(self, c: Candidate) -> bool:
        content = self.text[c.start:c.end]
        n = self.words(c.start, c.end)
        if n == 0:
            return False
        bare = content.strip(" .,;:!?…")
        if fold(bare) in self.lex.terms or fold(sr_to_latin(bare)) in self.lex.terms:
            return False  # a stock term in quotation marks: 'declaring them "persona non grata"'
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

    def first_person_speech(self, c: Candidate) -> bool:
        """A dash paragraph with no cue near it is speech when it reads as someone's own words: a
        capitalised sentence of at least six words in the first person ('- Данас сам имао част …'),
        unlike a bulleted list of items."""
        if not self.text[c.start:c.start + 1].isupper() or self.words(c.start, c.end) < 6:
            return False
        i0, i1 = self.tok_at(c.start), self.tok_at(c.end)
        return any(self.lex.first_person.match(self.toks, j) for j in range(i0, min(i1, i0 + 40)))

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
            if c.group not in {k.group for k in keep} and self.first_person_speech(c):
                keep.append(c)  # '- Данас сам имао част да министру Шојгуу пренесем …': someone's own words
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
