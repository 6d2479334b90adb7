"""Who said a quote whose own clause names nobody: the cue's other verbs in the sentence, the
sentence or paragraph before, the quote before.

Why: news attributes across sentences. A quote paragraph with no cue continues what the
paragraph before reported ("…, сообщает пресс-служба МИД РФ. | В числе стран … «…»"); a title
that the article never gave anyone ("The head of the Department drew attention …: “…”") is the
official quoted just before; a quote after "On je to izjavio povodom tvrdnji ministra X da „…“"
is the teller's reply, not X's; a fragment opens a sentence whose cue comes after the next
fragment ("It comprises “A,” and will also see the “B,” the statement … added"); and of two
cues in one sentence the one that names a speaker may be the earlier ("ему, как заявляли в
Берлине, выразили осуждение из-за «…»"). Each step takes a speaker only when exactly one
candidate stands there: when another person or organisation is named in between, the speaker
stays unset (a wrong speaker is worse than none).
"""
from __future__ import annotations

import re

from .text import Attribution, Candidate, Reader

MISPAIRED = re.compile(r"[,.!?][\"”»]\s")  # a closing mark inside a quote's text
CARRY_REACH = 1500  # characters back a cue-less quote may look for the cue or quote it continues


class Context(Reader):

    # -- one sentence, several quotes or cues
    def share_sentence_cue(self, cands: list[Candidate]) -> None:
        """A fragment with no cue of its own takes the attribution of the next quote of its sentence
        when that one's cue follows it ('will also see the “B,” the statement … added')."""
        for k in range(len(cands) - 2, -1, -1):
            c, nxt = cands[k], cands[k + 1]
            if c.attribution is not None or c.close_at is None or nxt.attribution is None or nxt.attribution.side != "after":
                continue
            if nxt.paragraph != c.paragraph or self.sentence_start(nxt.open_at) > c.open_at:
                continue
            if not self.text[c.start:c.start + 1].islower():
                continue  # a sentence-like quote of its own is not a fragment of the next one's utterance
            c.attribution = nxt.attribution

    def earlier_cue(self, c: Candidate, resolve) -> None:
        """The last cue before the quote named nobody: an earlier cue of the same sentence may."""
        att = c.attribution
        if att is None or att.side not in ("inline", "before"):
            return
        parsed, subject = self.parse_subject(att.cue)
        # 'calling the reports “…”', 'said that reports of one were “…”': a noun, no verb (it still marks speech)
        noun_cue = not parsed and self._cue_sentence(att.cue[0]) is not None
        noun = noun_cue and self.parsed_noun(att.cue[0])  # a noun phrase's head, surely no verb
        if c.speaker:
            return
        if subject or (not parsed and c.speaker_span and not noun_cue):
            return  # 'he said, strangers told him that “…”': the last cue has a subject of its own, unresolved or not
        lo = att.clause[0]
        for i in range(att.cue_tok[0] - 1, lo - 1, -1):
            hit = self.cue_at(i)
            if not hit or hit[1] != "speech" or self.in_quote(self.toks[i].start):
                continue
            n, kind = hit
            alt = Attribution(cue=(self.toks[i].start, self.toks[i + n - 1].end), clause=(lo, att.clause[1]),
                              cue_tok=(i, i + n), side=att.side, kind=kind)
            trial = Candidate(start=c.start, end=c.end, style=c.style, open_at=c.open_at, close_at=c.close_at,
                              paragraph=c.paragraph, attribution=alt)
            resolve(trial)
            if trial.speaker or (noun and trial.speaker_span and self.governs(alt.cue[0], att.cue[0])):
                c.attribution, c.speaker, c.speaker_span, c.speakers = alt, trial.speaker, trial.speaker_span, trial.speakers
            return

    def complement_subject(self, c: Candidate, resolve) -> None:
        """A quote that no speech cue introduces but that completes a verb of its sentence ('Clinton
        compared the president to a duck, “…”', 'Mr. Durham has denied wrongdoing, calling …') is
        said by that verb's subject, when the parse gives it one; else nothing changes."""
        if c.attribution is not None or c.speaker or c.speaker_span:
            return
        if self.name_like(c):
            return
        verb = self.complement_verb(c.open_at, c.end)
        spans = self.parse_subject(verb)[1] if verb else []
        if not spans or not self.names_agent(spans[0]):
            return  # 'Сомнения … возникли после спуска корабля «…»': a thing, not a speaker
        i = self.tok_at(verb[0])
        att = Attribution(cue=verb, clause=(self.tok_at(self.sentence_start(c.open_at)), self.tok_at(c.open_at)),
                          cue_tok=(i, i + 1), side="inline", kind="speech")
        trial = Candidate(start=c.start, end=c.end, style=c.style, open_at=c.open_at, close_at=c.close_at,
                          paragraph=c.paragraph, attribution=att)
        resolve(trial)
        if trial.speaker or trial.speaker_span:
            c.attribution, c.speaker, c.speaker_span, c.speakers = att, trial.speaker, trial.speaker_span, trial.speakers

    def name_like(self, c: Candidate) -> bool:
        """A name in quotation marks ('между станциями «Сенная площадь»'): no one's words, so no
        speaker is carried to it from the text around."""
        content = self.text[c.start:c.end]
        return content[:1].isupper() and not re.search(r"[,;:.!?…]", content) and self.words(c.start, c.end) <= 4

    # -- across sentences
    def carry(self, cands: list[Candidate], resolve) -> None:
        """Quotes still without a speaker take the one the text before makes unambiguous."""
        for k, c in enumerate(cands):
            if c.speaker or self.name_like(c):
                continue
            prev = next((p for p in reversed(cands[:k]) if p.speaker), None)
            if c.attribution is None and not c.speaker_span:
                self._from_cue_before(c, cands[:k], resolve)
                if not c.speaker and not c.speaker_span:
                    self._from_person_before(c, cands[:k])
            elif c.attribution is not None and c.speaker_span and self._head_title(c.speaker_span):
                self._from_quote_before(c, prev)  # 'The head of the Department drew attention …:'
            elif c.attribution is not None and not c.speaker_span and c.attribution.kind == "speech":
                # 'Как пояснили агентству, …' then the quote: a cue with no subject at all continues the
                # body quoted before ('«…», - сообщили в Офисе генпрокурора.'), person or organisation
                # (a plural verb with no subject is a body's, never one person's: 'объявили' after 'добавила она')
                types = ("PER", "ORG") if self.verb_gender(c.attribution) in ("m", "f") else ("ORG",)
                if prev is not None and not self._others_between(prev.end, c.open_at, {prev.speaker}, ("PER", "ORG")):
                    self._from_quote_before(c, prev, types)

    def _head_title(self, span: tuple[int, int]) -> bool:
        """The speaker's words are a title of the generic class 'chief' ('the head of the Department',
        'глава ведомства', 'šef'): any official may be meant, so the one quoted before is; a specific
        title nobody carries ('премијер', 'the ambassador') may be someone the article never named."""
        i0, i1 = self.tok_at(span[0]), self.tok_at(span[1])
        return any((h := self.lex.titles.match(self.toks, j)) and h[1] == "chief" for j in range(i0, i1)) and \
            not any(m.type == "PER" for m in self.mentions_in(*span))

    def _from_quote_before(self, c: Candidate, prev: Candidate | None, types: tuple[str, ...] = ("PER",)) -> None:
        if prev is None or self.entity_type(prev.speaker) not in types or c.open_at - prev.end > CARRY_REACH:
            return
        if self.para_of(c.open_at) - self.para_of(prev.end) > 3:
            return
        if self._others_between(prev.end, min(c.open_at, c.attribution.cue[0]), {prev.speaker}, types):
            return
        c.speaker, c.speakers = prev.speaker, prev.speakers

    def _from_cue_before(self, c: Candidate, before: list[Candidate], resolve) -> None:
        """The nearest speech cue outside quotes in this paragraph or the one before names the speaker
        ('…, сообщает пресс-служба МИД РФ.' then a quote paragraph with no cue)."""
        p = self.para_of(c.open_at)
        if p < 0 or MISPAIRED.search(self.text, c.start, c.end) or self.words(c.start, c.end) < 4:
            return  # '“A," a police spokesperson told B."': marks paired wrongly, the cue inside
        floor = self.paragraphs[max(0, p - 1)][0]
        if before:
            floor = max(floor, before[-1].end)  # a quote between: _inherit's business
        floor = max(floor, c.open_at - CARRY_REACH)
        i = self.tok_at(c.open_at) - 1
        while i >= 0 and self.toks[i].start >= floor:
            hit = self.cue_at(i)
            if hit and hit[1] in ("speech", "impersonal", "relay") and not self.in_quote(self.toks[i].start):
                n, kind = hit
                s0 = self.tok_at(self.sentence_start(self.toks[i].start))
                att = Attribution(cue=(self.toks[i].start, self.toks[i + n - 1].end), clause=(s0, self._sentence_end(i)),
                                  cue_tok=(i, i + n), side="context", kind=kind)
                trial = Candidate(start=c.start, end=c.end, style=c.style, open_at=c.open_at, close_at=c.close_at,
                                  paragraph=c.paragraph, attribution=att)
                resolve(trial)
                end = self.toks[min(att.clause[1], len(self.toks) - 1)].start  # after the cue's sentence
                if trial.speaker and not self._others_between(end, c.open_at, {trial.speaker}, ("PER", "ORG")) \
                        and not self._pronoun_between(end, c.open_at):
                    c.speaker, c.speaker_span, c.speakers = trial.speaker, trial.speaker_span, trial.speakers
                return
            i -= 1

    def _from_person_before(self, c: Candidate, before: list[Candidate]) -> None:
        """A cue-less quote in the first person ('- Данас сам имао част да министру Шојгуу пренесем …')
        after a sentence that names people ('Министри Вулин и Шојгу сагласили су се …') is the one of
        them it does not name in the third person: exactly one must remain, else nobody."""
        i0, i1 = self.tok_at(c.start), self.tok_at(c.end)
        if not any(self.lex.first_person.match(self.toks, j) for j in range(i0, min(i1, i0 + 40))):
            return
        if any(self.cue_at(j) for j in range(i0, i1)):
            return  # '«Это не значит, что он …, — пояснила Алла»': an attribution inside wrongly paired marks
        p = self.para_of(c.open_at)
        prev_end = self.sentence_start(c.open_at)
        while prev_end > 0 and self.text[prev_end - 1].isspace():
            prev_end -= 1
        allowed = (p, p - 1) if c.style == "dash" else (p,)  # a quote paragraph of its own only in dash dialogue
        if prev_end <= 0 or self.para_of(prev_end - 1) not in allowed or (before and before[-1].end >= prev_end - 1):
            return
        s0 = self.sentence_start(prev_end - 1)
        named = {m.entity for m in self.mentions_in(s0, prev_end) if m.type == "PER" and m.entity and not self.in_quote(m.start)}
        inside = {m.entity for m in self.mentions_in(c.start, c.end) if m.entity}
        left = named - inside
        if len(left) == 1 and not any(m.type == "ORG" and m.entity for m in self.mentions_in(s0, prev_end) if not self.in_quote(m.start)):
            c.speaker = left.pop()
            c.speakers = [c.speaker]
            m = [m for m in self.mentions_in(s0, prev_end) if m.entity == c.speaker][-1]
            c.speaker_span = (m.start, m.end)

    def _sentence_end(self, i: int) -> int:
        while i < len(self.toks) and not (self.toks[i].text in ".!?…" and not self.abbrev_dot(i)):
            i += 1
        return i

    def _pronoun_between(self, a: int, b: int) -> bool:
        """A pronoun between ('She tried to rally her supporters by wondering aloud “…”') is a subject
        of its own: the cue before is not the quote's."""
        return any(self.lex.pronouns.match(self.toks, j) and not self.in_quote(self.toks[j].start)
                   for j in range(self.tok_at(a), self.tok_at(b)))

    def _others_between(self, a: int, b: int, allowed: set[str], types: tuple[str, ...]) -> bool:
        """Another person or organisation named (outside quotes) between two offsets competes."""
        return any(m.type in types and m.entity and m.entity not in allowed and not self.in_quote(m.start)
                   for m in self.mentions_in(a, b) if a <= m.start)
