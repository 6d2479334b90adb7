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
    parsed_subject = False  # the last subject_zone came from the parse

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

    def parsed_noun(self, offset: int) -> bool:
        """The parse reads the word at this offset as a noun in a noun phrase (a determiner or
        possessive of its own, or a subject or object role), so a speech verb's form it shares
        ('reports', 'calls', 'statements') is not a cue here. Without a parse: False."""
        toks = self._cue_sentence(offset)
        t = next((t for t in toks or () if t.start == offset), None)
        if t is not None and t.pos == "PROPN" and t.dep == "compound":
            return True  # a word of a name: 'The United States Banking System' in title-case prose
        if t is None or t.pos != "NOUN":
            return False
        k = toks.index(t)
        if any(o.head == k and o.dep in ("det", "poss", "nmod:poss") for o in toks):
            return True
        return t.dep in ("nsubj", "nsubjpass", "nsubj:pass", "dobj", "obj", "pobj")

    def frame_subject(self, att, lead: list[int]) -> list[int]:
        """The opening words of a colon frame, cut to the subject of the verb the colon closes when
        the parse gives one ('Trump swiped at Ryan in a series of tweets: “…”': Trump, not Ryan)."""
        verb = self.colon_verb(att.cue[0])
        spans = self.parse_subject(verb)[1] if verb else []
        if spans and lead and spans[0][0] <= self.toks[lead[0]].start:
            return [i for i in lead if self.toks[i].start < spans[0][1]] or lead
        return lead

    def names_agent(self, span: tuple[int, int]) -> bool:
        """A subject phrase that can be someone who speaks: a proper noun or personal pronoun in the
        parse, or a name, title, organisation noun or person mention by the word lists."""
        toks = self._cue_sentence(span[0]) or []
        if any(span[0] <= t.start < span[1] and (t.pos == "PROPN" or "PronType=Prs" in t.morph) for t in toks):
            return True
        if any(span[0] <= t.start < span[1] and t.pos == "NOUN" and "Animacy=Inan" not in t.morph
               and t.dep in SUBJECT for t in toks):
            return True  # 'a student group', 'супруга'; not 'Сомнения', 'будущие встречи' (inanimate where the parse says so)
        idx = [i for i in range(self.tok_at(span[0]), len(self.toks)) if self.toks[i].start < span[1]]
        return self._names_someone(idx)

    def nominal_span(self, span: tuple[int, int]) -> bool:
        """A speaker phrase holds a nominal word by the parse (a noun, name, pronoun or number) and is
        no letter cut from an abbreviation ('F' of 'F.B.I.'); True without a parse."""
        if span[1] - span[0] == 1 and self.text[span[1]:span[1] + 1] == "." and self.text[span[0]].isalpha():
            return False
        sent = self._cue_sentence(span[0]) or []
        toks = [t for t in sent if span[0] <= t.start < span[1]]
        if not toks or not any(t.pos for t in toks):
            return True
        first = next((t for t in sent if t.text[:1].isalnum()), None)
        return any(t.pos in ("NOUN", "PROPN", "PRON", "NUM", "X") or t.dep in SUBJECT  # 'тетка моя' (tagged ADJ DET, a subject)
                   or (t.text[:1].isupper() and t is not first) for t in toks)  # 'Trump' tagged VERB

    def object_of(self, offset: int) -> tuple[int, int] | None:
        """The verb whose direct object the word at this offset is in the parse ('issued a statement')."""
        toks = self._cue_sentence(offset) or []
        t = next((t for t in toks if t.start == offset), None)
        if t is None or t.dep not in ("dobj", "obj") or not 0 <= t.head < len(toks) or toks[t.head].pos != "VERB":
            return None
        return toks[t.head].start, toks[t.head].end

    def governs(self, verb: int, noun: int) -> bool:
        """The verb at offset `verb` heads the word at offset `noun` in the parse, through no other
        verb with a subject of its own ('calling the reports', 'said that reports of one were';
        not 'accused X …; he has denied the claim')."""
        toks = self._cue_sentence(noun) or []
        k = next((t.i if t.i >= 0 else toks.index(t) for t in toks if t.start == noun), None)
        for _ in range(7):
            if k is None or not 0 <= toks[k].head < len(toks):
                return False
            below, k = k, toks[k].head
            if toks[k].start == verb:
                return True
            if toks[k].pos in ("VERB", "AUX") and any(o.head == k and o.dep in SUBJECT for j, o in enumerate(toks) if j != below):
                return False
        return False

    def colon_verb(self, offset: int) -> tuple[int, int] | None:
        """The verb a colon at this offset closes the clause of, in the parse (None without one)."""
        toks = self._cue_sentence(offset)
        t = next((t for t in toks or () if t.start == offset), None)
        if t is None or not 0 <= t.head < len(toks) or toks[t.head].pos != "VERB" or toks[t.head].start > offset:
            return None
        return toks[t.head].start, toks[t.head].end

    def complement_verb(self, start: int, end: int) -> tuple[int, int] | None:
        """The verb whose complement a quote is, when no speech verb introduces it ('Clinton compared
        the president to a duck, “…”', 'Trump swiped at Ryan in a series of tweets: “…”'): the
        nearest verb above the quote's words in the parse, standing before the quote in its
        sentence. None without a parse, when the quote opens its sentence or hangs on no verb."""
        toks = self._cue_sentence(start)
        if toks is None:
            return None
        inside = [k for k, t in enumerate(toks) if start <= t.start < end]
        if not inside or not any(t.text[:1].isalnum() for t in toks[:inside[0]]):
            return None
        tops = [k for k in inside if not 0 <= toks[k].head < len(toks) or toks[k].head not in inside]
        node = next((toks[k].head for k in tops if 0 <= toks[k].head < len(toks)), None)
        for _ in range(4):
            if node is None or node >= inside[0]:
                return None
            if toks[node].pos == "VERB":
                return toks[node].start, toks[node].end
            node = toks[node].head if 0 <= toks[node].head < len(toks) else None
        return None

    def cue_outside_quote_clause(self, cue: tuple[int, int], start: int, end: int) -> tuple[int, int] | None:
        """The verb the quote completes, when the parse puts the cue verb in another branch of the
        sentence ('While Clinton has vowed to … make sure the United States continues to play …,
        Donald Trump has pledged to “cancel” the accord': not 'continues' but 'pledged'); None when
        the cue is above the quote, or without a parse."""
        verb = self.complement_verb(start, end)
        found = self.cue_parse(cue)
        if verb is None or found is None or verb[0] == cue[0]:
            return None
        toks, v = found
        if toks[v].dep == "parataxis":
            return None  # 'Nobody got kissed, Gilberthorpe said, but Leeds was “…”': a parenthetical cue covers its sentence
        target = next((k for k, t in enumerate(toks) if t.start == verb[0]), None)
        k = target
        for _ in range(12):  # the cue above the quote's verb: it introduces the quote
            if k is None or k == v:
                return None
            if not 0 <= toks[k].head < len(toks) or toks[k].head == k:
                break
            k = toks[k].head
        k, subordinate = v, False
        for _ in range(12):  # the cue below it: only from a subordinate clause ('While X vowed …, Y pledged to “…”'),
            if k == target:  # not from the reported clause ('Марк отметил, что рабочие рассказали, что захват «…»')
                break
            if not 0 <= toks[k].head < len(toks) or toks[k].head == k:
                break
            subordinate |= toks[k].dep in ("advcl", "acl", "relcl", "acl:relcl", "csubj", "advmod")
            k = toks[k].head
        if k == target and not subordinate:
            return None
        spans = self.parse_subject(verb)[1]
        if not spans or not self.names_agent(spans[0]):
            return None  # 'the stage … was seating “in the round”': no one speaks through that verb
        return verb

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
            quoted = node != v and any(s <= toks[node].start < e for s, e in self.quote_spans)
            # a verb inside a quotation is the quoted speaker's, not a predicate of the sentence: a cue
            # conjoined to it ('X criticized Y for “… the investigation is over” and suggested …') shares
            # the subject of the clause that quotes it, so climb past it to that clause's verb
            subj = None if quoted else next((k for k in kids[node] if toks[k].dep in SUBJECT), None)
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
            if (toks[node].dep not in CLIMB and not quoted) or toks[node].head < 0:  # the quote completes the verb above it
                break
            if "VerbForm=Fin" in toks[node].morph and toks[node].dep not in ("conj", "xcomp") and not quoted:
                break  # a finite clause of its own ('Как пояснили агентству, Украина будет …'): its subject is left unsaid
            node = toks[node].head
        return True, []

    def agrees_with_cue(self, att, i: int) -> bool:
        """A pronoun at token i can be the subject of the cue: its gender agrees with the gender the
        cue verb shows (ru/sr past tense: 'сказал' is no 'она''s, 'rekla' no 'on''s); True where
        either says nothing (English, a present tense, no pronoun)."""
        hit = self.lex.pronouns.match(self.toks, i)
        verb = self.verb_gender(att)
        return not hit or not verb or hit[1] not in ("m", "f", "pl") or verb not in ("m", "f", "pl") or hit[1] == verb

    def subject_zone(self, att, zone: list[int]) -> list[int]:
        """The speaker's words of a speech cue: its parsed subject where there is one; else the
        word-order zone without the cue's objects ('сказал Дзержинскому', 'пояснили агентству')."""
        self.parsed_subject = False
        if att.kind != "speech":
            return zone
        parsed, spans = self.parse_subject(att.cue)
        self.parsed_subject = bool(spans)
        if not parsed:
            return zone
        between = [e for s, e in self.quote_spans if spans and spans[0][1] <= s and e <= att.cue[0]]
        if between and self.words(max(between), att.cue[0]) and self.nominal_span((max(between), att.cue[0])):
            # '… “B,” the statement … added', 'Кан заявил, что «…», а глава МИДа Маэхара отметил': the words
            # after the quote name the cue's own subject; the parse's ('It', 'Кан') is another clause's
            return zone
        if spans:
            s, e = spans[0]
            # every word the span touches: the parser may split a word the document keeps whole
            # ('Al-Rahmoun' is 'Al', '-', 'Rahmoun' to the parser), so its span can start mid-word
            idx = [i for i in range(max(self.tok_at(s) - 1, 0), len(self.toks))
                   if s < self.toks[i].end and self.toks[i].start < e and self.toks[i].is_word]
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
