"""Who said it: the words next to a quote's cue become the speaker's entity id, or nothing.

Why: a quote is only useful with the right speaker. A linked mention, a surname, a pronoun (the
most recent person), a title (the person the article gave it), a document (its author) or
"the words of X" resolve to an entity; when nothing resolves, the speaker stays None. Which
person a pronoun or title stands for is accord.coref's (shared with the events stage); this
module reads the cue's clause and which titles the article puts next to whom.
"""
from __future__ import annotations

import re

from ..coref import Ment
from ..translit import skeleton
from .parties import Parties, same_name_word
from .ranker import Ranker
from .spokesperson import Spokespeople
from .subject import Subjects
from .text import Attribution, Candidate, tokenize


# between an author and its document: "Ministry statement", "MUP's written statement", never a clause
OWNER_GAP = re.compile(r"(?:['’]s?)?\s+(?:\w+\s+)?")


class Speakers(Parties, Subjects, Spokespeople, Ranker):
    # -- speaker resolution
    def zone(self, att: Attribution) -> list[int]:
        """Token indices of the words that name the speaker next to the cue."""
        c0, c1 = att.cue_tok
        lo, hi = att.clause
        if att.kind == "frame":  # 'Peggy Drexler, CNN: "…"': the sentence's opening words
            return self.frame_subject(att, self.lead_words(lo, c0))
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
        if not post and att.kind != "according" and i < hi and self.is_stop(i):
            # "rekao je za TASS portparol ministarstva X": a short phrase before the inverted subject
            for k in range(i + 1, min(i + 4, hi)):
                if not self.toks[k].is_word:
                    break
                if self.lex.titles.match(self.toks, k) or any(m.type == "PER" for m in self.mentions_in(self.toks[k].start, self.toks[k].end)):
                    while k < hi and (self.toks[k].is_word or self.toks[k].text == ".") and len(post) < 8 and not self.is_stop(k) and self.toks[k].text != ".":
                        post.append(k)
                        k += 1
                    break
        if att.kind == "according":
            return post
        if att.side != "after" and post and not self._names_someone(post[:2], possessive=False):
            post = []  # after a cue before its quote, only an inverted subject names the speaker ('said Mr. X: ...')
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
        if self.lex.inflected and pre and post and self._names_someone(post[:2], possessive=False) and not self._names_someone(pre):
            return post  # the subject after its verb: "Kako je prilikom ... izjavio predsednik parlamenta"

        if att.side in ("before", "inline", "context") and not self._names_someone(pre) and not self._names_someone(post):
            # "X, smiling, remarked:" / "X in this hall arrogantly declared:": the nearest name to the left
            run: list[int] = []
            for i in range(c0 - 1, lo - 1, -1):
                if self.in_quote(self.toks[i].start):
                    break  # a quote between: the words before it are another clause's, those in it no one's
                named = self._names_someone([i]) and self.agrees_with_cue(att, i)  # not 'она' for 'сказал'
                if named and (i == lo or not self.is_stop(i - 1) or run):
                    run.insert(0, i)
                elif run:
                    break
            if run:  # a title that the name complements: 'Представитель администрации США'
                for j in range(run[0] - 1, max(lo, run[0] - 4) - 1, -1):
                    if not self.toks[j].is_word:
                        break
                    if self.lex.titles.match(self.toks, j):
                        return list(range(j, run[0])) + run
                return run
        return pre or post

    def _names_someone(self, idx: list[int], possessive: bool = True) -> bool:
        """A name (not sentence-initial), a pronoun, a title, a document or organisation noun or a person mention."""
        for i in idx:
            t = self.toks[i]
            if any(k in self.lex.dates for k in t.keys) or (not possessive and t.text.endswith(("'s", "’s"))):
                continue
            if self.lex.pronouns.match(self.toks, i) or self.lex.titles.match(self.toks, i):
                return True
            if self.lex.documents.match(self.toks, i) or self.lex.orgs.match(self.toks, i):
                return True  # 'a note declaring', 'the ministry said': a document or organisation speaks
            if t.is_cap and i > 0 and self.toks[i - 1].text not in ".!?" and self.toks[i - 1].end < t.start \
                    and self.sentence_start(t.start) != t.start:
                return True
            if any(m.type == "PER" for m in self.mentions_in(t.start, t.end)):
                return True
        return False

    def resolve(self, c: Candidate, words_of: bool = True) -> None:
        self._zone: list[int] = []
        self._words_of, self._owner_found = words_of, False
        self._resolve(c)
        if self._owner_found and c.attribution.kind == "speech":  # 'On je to izjavio povodom tvrdnji X da „…“'
            teller = Candidate(start=c.start, end=c.end, style=c.style, open_at=c.open_at, close_at=c.close_at,
                               paragraph=c.paragraph, attribution=c.attribution)
            self.resolve(teller, words_of=False)
            if teller.speaker and teller.speaker != c.speaker:
                c.teller = (teller.speaker, teller.speaker_span)  # who passes X's words on, and speaks on in the quote after
            self._zone = []
        if c.speaker is None and c.speaker_span and not self.nominal_span(c.speaker_span):
            c.speaker_span = None  # 'According', 'calling the': words that name no one
        if c.attribution is not None:
            anchor = min(c.open_at, c.attribution.cue[0])
            self.joint(c, self._zone, anchor)
            self.reader(c, anchor)
        if c.speaker and self.entity_type(c.speaker) == "PER":
            self.last_speaker = (c.speaker, c.end)

    def _resolve(self, c: Candidate) -> None:
        att = c.attribution
        if att is None:
            return
        anchor = min(c.open_at, att.cue[0])
        lo, hi = att.clause  # "the words of X": X is the speaker, whoever passes the words on
        for i in range(lo, hi if self._words_of else lo):
            hit = self.lex.words_of.match(self.toks, i)
            if hit:
                j = i + hit[0]
                owner = self.words_owner(j, hi)
                if owner is not None:  # "tvrdnje ministra unutrašnjih poslova kantona Anela Ramića": the person
                    self._owner_found = True
                    c.speaker, c.speaker_span = self.person_referent(owner), (owner.start, owner.end)
                    return
                span = self._name_run(j, hi)
                if span:
                    self._set_name(c, span)
                    if c.speaker or c.speaker_span:
                        return
        z = self.choose_zone(att, self.subject_zone(att, self.zone(att)), anchor)
        self._zone = z
        if not self.parsed_subject and not any(m.type == "PER" for m in (self.mentions_in(self.toks[z[0]].start, self.toks[z[-1]].end) if z else [])):
            loc = self.locative_org(att, anchor)
            if loc:
                c.speaker, c.speaker_span = loc
                return
        if not z and att.kind in ("impersonal", "relay"):
            self._resolve_document(c, lo, hi, anchor)
            return
        if not z:
            gender = self.verb_gender(att)
            if gender and att.kind == "speech":
                c.speaker = self.pronoun_speaker(gender, anchor)
                c.speaker_span = None
            return
        zs, ze = self.toks[z[0]].start, self.toks[z[-1]].end
        ments = self.mentions_in(zs, ze)
        inside = lambda a, b: any(o.type == "ORG" and o.start <= a and b <= o.end and (a, b) != (o.start, o.end) for o in ments)  # noqa: E731
        pers = [m for m in ments if m.type == "PER" and not inside(m.start, m.end)]  # not the holder: 'the office of Prime Minister X'
        if pers:
            m = min(pers, key=lambda m: abs(m.start - att.cue[0]))
            c.speaker, c.speaker_span = self.person_referent(m), (m.start, m.end)
            return
        for j in z:
            hit = self.lex.pronouns.match(self.toks, j) or (att.kind == "according" and self.lex.object_pronouns.match(self.toks, j))
            if (hit and self.toks[j].text.lower() == self.toks[j].text or (hit and j == z[0])) and self.agrees_with_cue(att, j):
                c.speaker_span = (self.toks[j].start, self.toks[j].end)
                if hit[1] in ("m", "f", "n", ""):
                    c.speaker = self.pronoun_speaker(hit[1], anchor)
                return
        name = self._name_run_in(z)
        name = None if name and inside(*name) else name  # a name within a body's name is the body's ('office of PM X')
        if name and att.kind != "relay":
            self._set_name(c, name, types=("PER",))
            if c.speaker:
                return
        gender = self.verb_gender(att)
        for j in z:
            hit = self.lex.titles.match(self.toks, j)  # a title inside a body's name is no speaker ('канцелярия премьер-министра')
            if hit and not inside(self.toks[j].start, self.toks[j].end):
                country = self.country_after(j + hit[0], z[-1] + 1)
                speaker = self.coref.resolve_title(hit[1], anchor, self.title_classes(), self.in_quote, gender, country)
                if speaker or not name:
                    c.speaker, c.speaker_span = speaker, (self.toks[j].start, self.toks[j + hit[0] - 1].end)
                    if speaker is None:  # 'a police spokesperson told': the body it speaks for
                        c.speaker, c.speaker_span = self.spoken_for(hit[1], ments, j) or (None, c.speaker_span)
                return
        if att.kind == "impersonal":  # "в нем утверждается": the document named before
            self._resolve_document(c, lo, hi, anchor)
            if c.speaker:
                return
        orgs = [m for m in ments if m.type == "ORG" and m.entity]
        others = orgs or [m for m in ments if m.type != "PER" and m.entity]
        if not orgs and att.kind != "relay" and (owner := self.press_owner(z, anchor)):  # "X's press service said"
            (c.speaker, c.speaker_span) = owner
            return
        if not orgs and att.kind != "relay":  # "the ministry said": the organisation named before
            for j in z:
                hit = self.lex.orgs.match(self.toks, j)
                if hit:
                    c.speaker_span = (self.toks[j].start, self.toks[j + hit[0] - 1].end)
                    c.speaker = self.resolve_org(hit[1], anchor, self.country_after(j, z[-1] + 1)) \
                        or self.org_after(hit[1], self.toks[z[-1]].end, self.toks[hi - 1].end)
                    return
        if others and att.kind != "relay":
            m = min(others, key=lambda m: abs(m.start - att.cue[0]))
            c.speaker, c.speaker_span = m.entity, (m.start, m.end)
            if m.type == "ORG":
                c.speaker = self.org_referent(m, anchor, self.toks[hi - 1].end if hi > 0 else None)
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
        return (self.toks[run[0]].start, self.toks[run[-1]].end) if run else None

    def _name_run_in(self, z: list[int]) -> tuple[int, int] | None:
        caps = [j for j in z if self.toks[j].is_cap and not self.lex.pronouns.match(self.toks, j)
                and not self.lex.titles.match(self.toks, j) and not self.cue_at(j)
                and not (self.sentence_start(self.toks[j].start) == self.toks[j].start and j + 1 in z and not self.toks[j + 1].is_cap)]
        return (self.toks[caps[0]].start, self.toks[caps[-1]].end) if caps else None

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

    def match_name(self, words: list[str], types: tuple[str, ...], exclude: str | None = None) -> str | None:
        """The one entity whose name contains these words (case endings tolerated), else None."""
        if not words:
            return None
        keys = [skeleton(w) for w in words if len(w) >= 3]
        if not keys:
            return None
        hits = set()
        for e in self.doc.entities:
            if e.type not in types or e.id == exclude:
                continue
            forms = {e.name, *e.aliases, *(m.text for m in e.mentions)}
            parts = {skeleton(w) for f in forms for w in f.split() if len(w) >= 3}
            if all(any(same_name_word(k, p) for p in parts) for k in keys):
                hits.add(e.id)
        return hits.pop() if len(hits) == 1 else None

    def verb_gender(self, att: Attribution) -> str | None:
        words = self.toks[att.cue_tok[1] - 1].keys  # the word as written and transliterated: ru suffixes are Cyrillic, sr Latin
        for suffix, g in self.lex.verb_gender:
            if any(w.endswith(suffix) for w in words):
                return g
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

    def country_after(self, i0: int, i1: int) -> str | None:
        """The country of an ORG/LOC mention among tokens [i0, i1): 'глава сербского МВД', 'ministarstvo Srbije'."""
        if i0 >= i1 or i0 >= len(self.toks):
            return None
        for m in self.mentions_in(self.toks[i0].start, self.toks[min(i1, len(self.toks)) - 1].end):
            if m.type in ("ORG", "LOC") and self.coref.entity_country(m.entity):
                return self.coref.entity_country(m.entity)
        return None

    def org_class(self, eid: str) -> set[str]:
        """The classes of an ORG entity: from the heads of its names ('Foreign Ministry': ministry) and its sector."""
        e = self.doc.entity(eid)
        if e is None or e.type != "ORG":
            return set()
        out = set()
        for form in {e.name, *e.aliases, *(m.text for m in e.mentions)}:
            toks = tokenize(form, 0, len(form))
            for i in range(len(toks)):
                hit = self.lex.orgs.match(toks, i)
                if hit:
                    out.add(hit[1])
        for cls, sectors in self.lex.org_sectors.items():
            if e.sector in sectors:
                out.add(cls)
        return out

    def resolve_org(self, cls: str, anchor: int, country: str | None = None, exclude: str | None = None) -> str | None:
        """The organisation of this class most recently named before the quote ('the ministry' -> Russian Foreign Ministry)."""
        for m in reversed(self.mentions):
            if m.end > anchor or m.type != "ORG" or not m.entity or self.in_quote(m.start) or m.entity == exclude:
                continue
            if anchor - m.end > 4000:
                return None
            if country and self.coref.entity_country(m.entity) not in (None, country):
                continue
            kinds = self.org_class(m.entity)
            e = self.doc.entity(m.entity)
            if cls in kinds or (cls == "*" and (kinds or (e and e.sector in ("GOV", "COP", "SPY", "MIL")))):
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
                    and OWNER_GAP.fullmatch(self.text, m.end, start):
                return m
        return None

    def _resolve_document(self, c: Candidate, lo: int, hi: int, anchor: int) -> None:
        for j in range(lo, hi):
            hit = self.lex.documents.match(self.toks, j)
            if hit:
                c.speaker_span = (self.toks[j].start, self.toks[j + hit[0] - 1].end)
                author = self.document_author(j, hit[0])
                if author:
                    c.speaker = self.org_referent(author, anchor) if author.type == "ORG" else author.entity
                    return
                if self.document_issuer(c, j, anchor):
                    return
                break
        j = self.tok_at(anchor) - 1  # the document was named earlier with its author
        while j >= 0 and anchor - self.toks[j].start < 3000:
            if not self.in_quote(self.toks[j].start):
                hit = self.lex.documents.match(self.toks, j)
                if hit:
                    author = self.document_author(j, hit[0])
                    if author:
                        c.speaker = self.org_referent(author, anchor) if author.type == "ORG" else author.entity
                        if c.speaker_span is None:
                            c.speaker_span = (author.start, author.end)
                        return
            j -= 1
