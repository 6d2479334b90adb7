"""QuoteFinder: candidates, attribution, speakers, then inheritance between pieces of one utterance."""
from __future__ import annotations

from ..doc import Article, Quote, TextSpan
from .context import Context
from .detection import Detection
from .speaker import Speakers
from .text import Candidate


class QuoteFinder(Detection, Speakers, Context):
    """Every direct quote of one article with its cue and speaker."""

    # -- putting it together
    def find(self) -> list[Quote]:
        dash = self.dash_candidates()
        marks = self.split_interjected([c for c in self.mark_candidates()
                                        if not any(d.start <= c.open_at < d.end for d in dash)])
        for c in marks:
            if c.attribution is None:
                self.attribute_marks(c)
        self.share_sentence_cue(marks)
        marks = [c for c in marks if self.is_quote(c)]
        dash = self._keep_dash(dash)
        cands = sorted(dash + marks, key=lambda c: c.start)
        self.quote_spans = [(c.open_at, c.end + 1) for c in cands]
        for c in cands:
            self.resolve(c)
            self.earlier_cue(c, self.resolve)
            self.complement_subject(c, self.resolve)
        self._inherit(cands)
        self.carry(cands, self.resolve)
        out = []
        for c in cands:
            att = c.attribution
            sp = c.speaker_span
            out.append(Quote(
                text=self.text[c.start:c.end], start=c.start, end=c.end, speaker=c.speaker,
                speaker_text=self.text[sp[0]:sp[1]] if sp else None,
                speaker_span=TextSpan(start=sp[0], end=sp[1], text=self.text[sp[0]:sp[1]]) if sp else None,
                cue=TextSpan(start=att.cue[0], end=att.cue[1], text=self.text[att.cue[0]:att.cue[1]]) if att else None,
                style=c.style, speakers=c.speakers or ([c.speaker] if c.speaker else []), via=c.via,
            ))
        return out



    def _inherit(self, cands: list[Candidate]) -> None:
        """Unattributed pieces of one utterance take the speaker of the attributed piece next to them."""
        for k, c in enumerate(cands[1:], 1):
            # '"A," Mr. Kelly said in an interview. "B"' / '"A," she said, adding, "B"': a piece whose own
            # cue names nobody continues the quote before it when that quote's attribution lies between them
            prev = cands[k - 1]
            if c.speaker or c.speaker_span or prev.paragraph != c.paragraph or prev.attribution is None:
                continue
            if (prev.speaker or prev.speaker_span) and prev.end <= prev.attribution.cue[0] < c.start:
                c.speaker, c.speaker_span, c.speakers = prev.speaker, prev.speaker_span, prev.speakers
        for k, c in enumerate(cands):
            if c.attribution is not None or c.speaker or self.name_like(c):
                continue  # a name in quotation marks is no one's words
            for other in (cands[k + 1:k + 2] if c.style == "dash" else []) + self._utterance_before(cands, k):
                close = abs(other.paragraph - c.paragraph) <= 1
                if close and other.style == c.style and (other.speaker or other.speaker_span):
                    c.speaker, c.speaker_span, c.speakers = other.speaker, other.speaker_span, other.speakers
                    if other.teller and other.end <= c.start:  # the reply after X's words is the teller's
                        (c.speaker, c.speaker_span), c.speakers = other.teller, [other.teller[0]]
                    break
            # later pieces of a dash paragraph share the attribution
        self._group_share(cands)

    def _utterance_before(self, cands: list[Candidate], k: int) -> list[Candidate]:
        """The quote a cue-less quote continues: the one before it, passing over fragments quoted
        inside the attribution sentence between them ('“A,” McCaul said, though Comey hasn't said
        the FBI is “reopening” its investigation. “B”': B goes on with A, not with the fragment)."""
        c = cands[k]
        j = k - 1
        while j > 0 and cands[j].paragraph == c.paragraph and self._embedded(cands[j]):
            j -= 1
        if j < k - 1 and not (cands[j].attribution is not None and cands[j].attribution.side == "after"
                              and cands[j].end <= cands[j].attribution.cue[0] < cands[k - 1].open_at):
            j = k - 1  # only a quote whose own cue follows it, with the fragments after that cue, is passed back to
        return cands[j:j + 1] if j >= 0 else []

    def _embedded(self, c: Candidate) -> bool:
        """A quoted fragment inside someone's sentence: it opens lower-case and not its sentence."""
        return self.text[c.start:c.start + 1].islower() and \
            bool(self.text[self.sentence_start(c.open_at):c.open_at].strip())

    def _group_share(self, cands: list[Candidate]) -> None:
        groups: dict[int, Candidate] = {}
        for c in cands:
            if c.group >= 0 and c.attribution is not None:
                groups.setdefault(c.group, c)
        for c in cands:
            if c.group >= 0 and c.attribution is None and c.group in groups and not c.speaker:
                g = groups[c.group]
                c.speaker, c.speaker_span, c.speakers = g.speaker, g.speaker_span, g.speakers



def find_quotes(doc: Article) -> list[Quote]:
    return QuoteFinder(doc).find() if doc.body else []
