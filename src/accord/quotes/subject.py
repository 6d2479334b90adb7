"""The grammatical subject of a speech cue, read from the parse of its sentence.

Why: the words next to a cue are not always its speaker. "Trump aimed his criticism at Obama,
saying the president “…”" is Trump's (the subject of the verb that "saying" depends on), "с
поклоном сказал швейцар" is the doorman's, not the bow's, and in "Как пояснили агентству" or
"дед сказал Дзержинскому" the dative is the addressee. Where the language's analyser parses
(spaCy for English, natasha's syntax for Russian; accord.analysis), the cue verb's nominal
subject names the speaker; a participle or infinitive cue ("saying", "calling", "to tell")
takes the subject of the verb it hangs on, and a relative pronoun ("who said") the noun its
clause modifies. The objects of the cue verb are never its speaker. Without a parse (Serbian)
nothing here applies and the word-order rules of quotes/speaker.py decide alone.
"""
from __future__ import annotations

import bisect

from .. import analysis
from ..doc import Token

SUBJECT = ("nsubj", "csubj")  # the active subject (UD and spaCy's ClearNLP labels alike; a name the tagger took for a verb is csubj)
CLIMB = ("advcl", "xcomp", "conj", "acl", "parataxis")  # a cue hanging on another verb shares its subject
OBJECTS = ("obj", "dobj", "iobj", "dative", "obl", "pobj", "prep", "nmod", "ccomp")  # never the speaker
RELATIVE = ("relcl", "acl:relcl")
# the words of a subject phrase, its complements and appositions with it ('глава МВД России Владимир
# Колокольцев', 'NatWest's corporate parent, the Royal Bank of Scotland Group')
PHRASE = ("compound", "flat", "flat:name", "flat:foreign", "amod", "nmod", "nummod", "det", "poss",
          "nmod:poss", "case", "prep", "pobj", "appos", "name")
CLAUSE_PARTS = ("nsubj", "dobj", "obj", "aux", "mark", "ccomp", "xcomp", "advmod")  # a verb with these heads a clause
NOMINAL = ("NOUN", "PROPN", "PRON", "X", "NUM", "ADJ", "DET")  # not an adverb ('более 1000 человек')


class Subjects:
    """Mixed into the quotes reader: the cue's subject from the shared analysis."""

    _sent_starts: list[int] | None = None

    def _cue_sentence(self, offset: int) -> list[Token] | None:
        doc = self.doc
        if self._sent_starts is None:
            self._sent_starts = [s.start for s in doc.sentences]
        k = bisect.bisect_right(self._sent_starts, offset) - 1
        if k < 0 or offset >= doc.sentences[k].end:
            return None
        toks = analysis.sentence_tokens(doc, [doc.sentences[k]])[0]
        return toks if toks and analysis.has_syntax(toks) else None

    def cue_parse(self, cue: tuple[int, int]) -> tuple[list[Token], int] | None:
        """The parsed sentence of the cue and the index of the cue's verb in it (None without a parse)."""
        toks = self._cue_sentence(cue[0])
        if toks is None:
            return None
        inside = [t for t in toks if cue[0] <= t.start < cue[1]]
        if not inside:
            return None
        verb = next((t for t in inside if t.pos in ("VERB", "AUX")), None)
        if verb is None:  # a noun cue ('reports', 'слова'): its sentence's verb may be anyone's
            return None
        return toks, verb.i if verb.i >= 0 else toks.index(verb)

    def parse_subject(self, cue: tuple[int, int]) -> tuple[bool, list[tuple[int, int]]]:
        """(parsed, spans): whether the cue's sentence was parsed, and the character span of the cue
        verb's subject phrase ([] when the parse gives it none); the objects' spans are kept in
        `self.cue_objects` so the word-order rules can leave them out."""
        self.cue_objects: list[tuple[int, int]] = []
        found = self.cue_parse(cue)
        if found is None:
            return False, []
        toks, v = found
        kids = _children(toks)
        self.cue_objects = [_span(toks, kids, k, whole=True) for k in kids[v] if toks[k].dep in OBJECTS]
        node = v
        for _ in range(5):  # 'Duterte has expressed …, using … to describe Obama and telling the United States'
            subj = next((k for k in kids[node] if toks[k].dep in SUBJECT), None)
            if subj is not None:
                if toks[subj].pos == "PRON" and toks[node].dep in RELATIVE and toks[node].head >= 0 \
                        and "PronType=Prs" not in toks[subj].morph:
                    subj = toks[node].head  # 'Ana Cruz, who said': the noun the clause is about ('Republicans, who he said are': he)
                if any(s <= toks[subj].start < e for s, e in self.quote_spans) or not _nominal(toks, kids, subj):
                    return True, []
                if _dateline(toks, subj):  # 'WASHINGTON (AP) — President Barack Obama on Tuesday accused': its apposition after the dash
                    dash = next((k for k in range(subj, len(toks)) if toks[k].text in ("—", "–", "-")), len(toks))
                    after = [k for k in kids[subj] if toks[k].dep == "appos" and k > dash]
                    if not after:
                        return False, []
                    subj = after[-1]
                return True, [_span(toks, kids, subj)]
            if toks[node].dep not in CLIMB or toks[node].head < 0:
                break
            if "VerbForm=Fin" in toks[node].morph and toks[node].dep not in ("conj", "xcomp"):
                break  # a finite clause of its own ('Как пояснили агентству, Украина будет …'): its subject is left unsaid
            node = toks[node].head
        return True, []

    def subject_zone(self, att, zone: list[int]) -> list[int]:
        """The speaker's words of a speech cue: its parsed subject where there is one; else the
        word-order zone without the cue's objects ('сказал Дзержинскому', 'пояснили агентству')."""
        if att.kind != "speech":
            return zone
        parsed, spans = self.parse_subject(att.cue)
        if not parsed:
            return zone
        if spans:
            s, e = spans[0]
            idx = [i for i in range(self.tok_at(s), len(self.toks)) if self.toks[i].start < e and self.toks[i].is_word]
            return idx or zone
        return [i for i in zone if not any(s <= self.toks[i].start < e for s, e in self.cue_objects)]


def _nominal(toks: list[Token], kids: list[list[int]], k: int) -> bool:
    """A subject that names someone: a nominal word, or a capitalised word the tagger took for a
    verb with no clause of its own ('Trump/VERB in the past has called …')."""
    t = toks[k]
    if t.pos in NOMINAL:
        return True
    return t.pos == "VERB" and t.text[:1].isupper() and t.dep == "csubj" \
        and not any(toks[c].dep in CLAUSE_PARTS for c in kids[k])


def _dateline(toks: list[Token], k: int) -> bool:
    """A place in capitals opening the sentence before a dash or an agency in brackets is the
    story's dateline, never the subject the parser may take it for."""
    t = toks[k]
    return k == 0 and t.text.isupper() and len(t.text) > 1 and k + 1 < len(toks) and toks[k + 1].text in ("(", "—", "–", "-")


def _children(toks: list[Token]) -> list[list[int]]:
    kids: list[list[int]] = [[] for _ in toks]
    for k, t in enumerate(toks):
        if 0 <= t.head < len(toks) and t.head != k:
            kids[t.head].append(k)
    return kids


def _span(toks: list[Token], kids: list[list[int]], head: int, whole: bool = False) -> tuple[int, int]:
    """The phrase of a subject: its head with the contiguous words of its subtree around it, up to
    a comma or other mark ('Ana Cruz, former head of …' -> 'Ana Cruz'); the whole subtree for objects."""
    sub = {head}
    stack = [head]
    while stack:
        k = stack.pop()
        for c in kids[k]:
            if whole or toks[c].dep in PHRASE:
                sub.add(c)
                stack.append(c)
    lo = hi = head
    while lo - 1 in sub and (whole or toks[lo - 1].text[:1].isalnum()):
        lo -= 1
    while True:
        while hi + 1 in sub and (whole or toks[hi + 1].text[:1].isalnum() or toks[hi + 1].text == "."):
            hi += 1
        if hi + 2 in sub and toks[hi + 1].text == "," and toks[hi + 2].text[:1].isalnum():
            hi += 2  # an apposition after a comma: 'NatWest's corporate parent, the Royal Bank of Scotland Group'
            continue
        return toks[lo].start, toks[hi].end
