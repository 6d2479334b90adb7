"""Who stands behind a speaker mention: the organisation behind its press office or a generic
noun, the person behind a mis-cut name, every party of a joint attribution, and the reader of
someone else's words (`via`).

Why: news names speakers indirectly. "сообщает пресс-служба МИД РФ" is the ministry speaking;
"в сообщении российского ведомства", "the agency", "Ambasade" is the organisation of that class
named before; "сообщили в Офисе генпрокурора" (a subjectless cue) is the office; "X and Y told
reporters" is two speakers; "the minister's message, read by his deputy" is the minister's,
with the deputy kept as `via`. All phrases are data in lang/<code>/ (speaker_press.txt,
speaker_locative.txt, speaker_and.txt, speech_read_by.txt, speaker_orgs.tsv); nothing is
guessed: an organisation noun that no earlier or appositive organisation of its class explains
keeps the mention's own entity.
"""
from __future__ import annotations

from ..coref import Ment
from ..translit import skeleton
from .text import QUOTE_CHARS, Attribution, Candidate, Reader, tokenize


class Parties(Reader):

    # -- organisations
    def org_referent(self, m: Ment, anchor: int, limit: int | None = None) -> str | None:
        """The organisation an ORG mention in an attribution stands for."""
        toks = tokenize(self.text, m.start, m.end)
        hit = self.lex.press.match(toks, 0) if toks else None
        if hit is None:  # the press office named just before the mention: "пресс-служба | МИД РФ"
            i = self.tok_at(m.start)
            for n in (1, 2, 3, 4, 5):
                if i - n >= 0:
                    h = self.lex.press.match(self.toks, i - n)
                    if h and h[0] == n:
                        return m.entity if not self.is_generic(toks) else self._class_referent(toks, m, anchor, limit)
        if hit:
            rest = [t.text for t in toks[hit[0]:] if t.is_word]
            if rest:
                other = self.match_name(rest, ("ORG",), exclude=m.entity)
                if other:
                    return other
                if not self.is_generic(toks[hit[0]:]):
                    return m.entity
                return self._class_referent(toks[hit[0]:], m, anchor, limit) or m.entity
            return self.resolve_org("*", anchor) or m.entity
        if self.is_generic(toks):
            return self._class_referent(toks, m, anchor, limit) or m.entity
        e = self.doc.entity(m.entity)
        if e is not None and len({x.text for x in e.mentions}) == 1:  # a short form of a name the article gives in full
            longer = self.match_name([t.text for t in toks if t.is_word], ("ORG",), exclude=m.entity)
            if longer:
                return longer
            return self._miscut_org(toks, m) or m.entity
        return m.entity

    def press_owner(self, z: list[int], anchor: int) -> tuple[str | None, tuple[int, int]] | None:
        """'the Russian Foreign Ministry's press service said', 'press office of the ministry': the
        body whose press office it is speaks (its mention next to the press phrase, as a document's author)."""
        for j in z:
            hit = self.lex.press.match(self.toks, j)
            owner = self.document_author(j, hit[0]) if hit else None
            if owner is not None and owner.type == "ORG":
                a, b = self.toks[j].start, self.toks[j + hit[0] - 1].end
                return self.org_referent(owner, anchor), (min(a, owner.start), max(b, owner.end))
        return None

    def _miscut_org(self, toks, m: Ment) -> str | None:
        """A name run on into common words ('Centra poseta predstavnika Ambasade SAD', cut once from
        'Centar … poseta predstavnika'): the organisation whose whole name is the words before them."""
        words = [t.text for t in toks if t.is_word]
        k = next((i for i, w in enumerate(words) if i > 0 and w.islower()), None)
        if k is None:
            return None
        found = self.match_name(words[:k], ("ORG",), exclude=m.entity)
        e = self.doc.entity(found)
        if e is None or not any(len(f.split()) == k for f in {e.name, *(x.text for x in e.mentions)}):
            return None
        return self._full_name(e, m.entity) or found

    def _full_name(self, e, exclude: str | None) -> str | None:
        """The one organisation whose longer name opens with the whole name of `e` ('Centar' ->
        'Centar u Nišu'): the article named the body in full once and by its head word after."""
        forms = {e.name, *(x.text for x in e.mentions)}
        if any(len(f.split()) != 1 for f in forms):
            return None
        heads = {skeleton(f) for f in forms}
        longer = {o.id for o in self.doc.entities if o.type == "ORG" and o.id not in (e.id, exclude)
                  and len(o.name.split()) > 1 and skeleton(o.name.split()[0]) in heads}
        return longer.pop() if len(longer) == 1 else None

    def _class_referent(self, toks, m: Ment, anchor: int, limit: int | None) -> str | None:
        cls = next((h[1] for i in range(len(toks)) if (h := self.lex.orgs.match(toks, i))), "*")
        country = self.coref.entity_country(m.entity)
        found = self.resolve_org(cls, min(anchor, m.start), country, exclude=m.entity)
        if found is None and limit is not None:
            found = self.org_after(cls, m.end, limit, exclude=m.entity)
        return found

    def is_generic(self, toks) -> bool:
        """A mention made of an organisation noun and common words ('российского ведомства',
        'Ambasade', 'the agency'): no proper name of its own."""
        words = [t for t in toks if t.is_word]
        if not words:
            return False
        noun = False
        for k, t in enumerate(toks):
            if not t.is_word:
                continue
            if t.text.isupper() and len(t.text) > 1:
                return False  # an acronym names one body, even one that is also a class word: 'ФСБ', 'MUP'
            if self.lex.orgs.match(toks, k):
                noun = True
                continue
            if t.is_cap and k > 0 and not t.text.isupper():
                return False
        return noun

    def org_after(self, cls: str, start: int, limit: int, exclude: str | None = None) -> str | None:
        """An ORG of this class named in apposition after the speaker: 'the secret service, still known as KGB'."""
        for m in self.mentions:
            if start <= m.start < limit and m.type == "ORG" and m.entity and m.entity != exclude:
                if cls == "*" or cls in self.org_class(m.entity) or not self.org_class(m.entity):
                    return m.entity
        return None

    def locative_org(self, att: Attribution, anchor: int) -> tuple[str | None, tuple[int, int]] | None:
        """'сообщили в Офисе генпрокурора', 'u MUP-u su rekli': after the cue, a locative preposition and an organisation."""
        i = att.cue_tok[1]
        lo, hi = att.clause
        while i < hi and self.is_skip(i):
            i += 1
        if i + 2 < hi and self.toks[i].text in QUOTE_CHARS:  # an addressee in quotation marks: 'заявили "Деньгам" в …'
            close = next((k for k in range(i + 1, min(i + 6, hi)) if self.toks[k].text in QUOTE_CHARS), None)
            if close is not None:
                i = close + 1
        if i >= hi or not any(k in self.lex.locative for k in self.toks[i].keys) or i + 1 >= len(self.toks):
            return None
        end = self.toks[min(i + 4, hi - 1)].end if hi > i + 1 else self.toks[i + 1].end
        found = [m for m in self.mentions_in(self.toks[i + 1].start, end) if m.entity and m.start >= self.toks[i + 1].start]
        for m in found:
            if m.type == "ORG":
                return self.org_referent(m, anchor) or m.entity, (m.start, m.end)
        for m in found:  # 'как заявляли в Берлине': the place speaks for its country's body named in the sentence
            country = self.coref.entity_country(m.entity) if m.type == "LOC" else None
            if country:
                s0 = self.sentence_start(att.cue[0])
                orgs = [o for o in self.mentions_in(s0, att.cue[0]) if o.type == "ORG" and o.entity
                        and not self.in_quote(o.start) and self.coref.entity_country(o.entity) == country]
                return (orgs[-1].entity, (m.start, m.end)) if orgs else None
        if not found and self.toks[i + 1].is_cap:  # a body no stage recognised: its words, no entity
            k = i + 1
            while k + 1 < hi and self.toks[k + 1].is_word and k - i < 6 and (self.toks[k + 1].is_cap or not self.is_stop(k + 1)):
                k += 1
            return None, (self.toks[i + 1].start, self.toks[k].end)
        return None

    def words_owner(self, j: int, hi: int) -> Ment | None:
        """The person named right after a words-of noun, titles and their complements between
        ('слова министра иностранных дел Ивана Петрова'): the first PER mention within 12 words, no clause break."""
        end = min(hi, j + 12)
        if j >= end:
            return None
        for k in range(j, end):
            if not self.toks[k].is_word and self.toks[k].text not in "-.":
                end = k
                break
            if self.cue_at(k):
                end = k
                break
        if j >= end:
            return None
        pers = [m for m in self.mentions_in(self.toks[j].start, self.toks[end - 1].end) if m.type == "PER" and m.entity]
        return pers[0] if pers else None

    def document_issuer(self, c: Candidate, j: int, anchor: int) -> bool:
        """A document without an author beside it is the sentence subject's: 'Pence released a statement
        saying …', 'Clinton issued a statement …' (the subject: the sentence's opening words, a person)."""
        if self.toks[j].start > c.open_at:
            return False  # '“…,” the statement from the office of … added': the document is the subject, nobody issued it here
        verb = self.object_of(self.toks[j].start)  # 'During her campaign, Clinton issued a statement': the parse's subject
        spans = self.parse_subject(verb)[1] if verb else []
        if spans and spans[0][1] <= self.toks[j].start:
            s, e = spans[0]
            m = next((m for m in reversed(self.mentions_in(s, e)) if m.type in ("PER", "ORG") and m.entity), None)
            if m is None and self.lex.pronouns.match(self.toks, self.tok_at(s)):
                return False  # 'He issued a statement': the pronoun's person is the later steps' business
            c.speaker = None if m is None else self.person_referent(m) if m.type == "PER" else self.org_referent(m, anchor)
            c.speaker_span = (m.start, m.end) if m else (s, e)
            return True
        s0 = self.tok_at(self.sentence_start(self.toks[j].start))
        while s0 < j - 1 and self.toks[s0].is_word and self.is_stop(s0) and self.toks[s0 + 1].is_cap:
            s0 += 1  # 'But Teneo issued a statement': a conjunction opening the sentence
        lead = []
        for k in self.lead_words(s0, j):  # the capitalised opening words: 'Pence (himself released a statement)'
            if not self.toks[k].is_cap or self.toks[k].text.lower() in self.common_words():
                break  # 'The', 'Some': a word the article also writes in lower case is no name
            lead.append(k)
        if not lead:
            return False
        span = (self.toks[lead[0]].start, self.toks[lead[-1]].end)
        pers = [m for m in self.mentions_in(*span) if m.type in ("PER", "ORG") and m.entity]
        if pers:
            m = pers[-1]
            c.speaker = self.person_referent(m) if m.type == "PER" else self.org_referent(m, anchor)
            c.speaker_span = (m.start, m.end)
            return True
        if len(lead) <= 4:
            c.speaker_span = span  # a name the analysis did not link: its words, no entity
            return True
        return False

    def common_words(self) -> frozenset[str]:
        words = getattr(self, "_common", None)
        if words is None:
            words = self._common = frozenset(t.text for t in self.toks if t.is_word and t.text.islower())
        return words

    # -- people
    def person_referent(self, m: Ment) -> str | None:
        """A PER mention that is the only one of its entity and holds the surname of one other person
        of the article ('Pažin Dnevnim' cut from 'kazao je Pažin Dnevnim novinama') is that person;
        so is a mention that opens with another person's surname and goes on with words no person
        has, even where the mis-cut entity picked up a stray word elsewhere ('Dnevne')."""
        e = self.doc.entity(m.entity)
        words = [w for w in m.text.split() if w[:1].isupper()]
        if e is None or len(words) < 2:
            return m.entity
        if len({(x.start, x.end) for x in e.mentions}) == 1:
            found = {self.match_name([w], ("PER",), exclude=m.entity) for w in words} - {None}
            if len(found) == 1:
                return found.pop()
        if len({(x.start, x.end) for x in e.mentions if " " in x.text}) > 1:
            return m.entity
        hits = [[o for o in self.doc.entities if o.type == "PER" and o.id != m.entity and o.name.split()
                 and same_name_word(skeleton(w), skeleton(o.name.split()[-1]))] for w in words]
        if not hits[0] or any(hits[1:]):
            return m.entity
        # one person the article names several ways ('Zoran Pažin', 'Pažina'): the fullest name
        people = sorted(hits[0], key=lambda o: -len(o.name.split()))
        full = {skeleton(x) for x in people[0].name.split()}
        if all({skeleton(x) for x in o.name.split()} <= full for o in people[1:]):
            return people[0].id
        return m.entity

    def pronoun_speaker(self, gender: str, anchor: int) -> str | None:
        """The person a pronoun of a cue stands for: the most recent agreeing person, unless the speaker
        of the quote before is named again after it and that person only later in the same paragraph
        ("Сам Бортников ... переговоры с Майком Помпео. «…», — заключил он": Bortnikov)."""
        last = getattr(self, "last_speaker", None)
        recent = last[0] if last and anchor - last[1] <= 2500 else None
        p = self.coref.resolve_pronoun(gender, anchor, self.in_quote, prefer=recent)
        if p is None or last is None or last[0] == p or not self.coref.agrees(last[0], gender):
            return p
        s, since = last
        if anchor - since > 2500:
            return p
        p_last = max((m.start for m in self.mentions if m.entity == p and m.end <= anchor and not self.in_quote(m.start)), default=-1)
        s_after = [m.start for m in self.mentions if m.entity == s and since <= m.start < p_last and not self.in_quote(m.start)]
        if s_after and self.para_of(s_after[-1]) == self.para_of(p_last) == self.para_of(anchor):
            return s
        return p

    # -- joint speakers
    def joint(self, c: Candidate, z: list[int], anchor: int) -> None:
        """'X and Y said', 'Министр и посол заявили': every party joined to the speaker by a conjunction."""
        if not z or not c.speaker:
            return
        lo, hi = c.attribution.clause if c.attribution else (0, len(self.toks))
        groups = [list(z)]
        j = z[0] - 1
        while j > lo:  # parties to the left of the zone: "X, Y and | Z" (a comma only within a list a conjunction ends)
            k = self._conj_ending_at(j)
            if k is None or (self.toks[k].text == "," and len(groups) == 1):
                break
            g = []
            i = k - 1
            while i >= lo and self.toks[i].is_word and not self.is_stop(i) and self._conj_ending_at(i) is None and len(g) < 6:
                g.insert(0, i)
                i -= 1
            if not g:
                break
            groups.insert(0, g)
            j = g[0] - 1
        j = z[-1] + 1
        while j < hi:  # parties to the right: "said X and | Y"
            n = self.lex.conj.match(self.toks, j)
            if not n:
                break
            g = []
            i = j + n[0]
            while i < hi and self.toks[i].is_word and not self.is_stop(i) and not self.lex.conj.match(self.toks, i) and len(g) < 6:
                g.append(i)
                i += 1
            if not g:
                break
            groups.append(g)
            j = g[-1] + 1
        if len(groups) < 2:
            # a conjunction inside the zone: "Министр и посол заявили"
            split: list[list[int]] = [[]]
            for i in z:
                if self.lex.conj.match(self.toks, i) and not self.mentions_in(self.toks[i].start, self.toks[i].end):
                    split.append([])
                else:
                    split[-1].append(i)
            groups = [g for g in split if g]
            if len(groups) < 2:
                return
        out: list[str] = []
        for g in groups:
            eid = self._party(g, anchor)
            if eid is None:
                return  # a party the article does not name unambiguously: keep the single speaker
            if eid not in out:
                out.append(eid)
        if len(out) >= 2 and c.speaker in out:
            c.speakers = out
            c.speaker = out[0]

    def _conj_ending_at(self, j: int) -> int | None:
        """Start token of a conjunction (or a comma in a list) that ends at token j."""
        if self.toks[j].text == ",":
            return j
        for n in (1, 2, 3):
            if j - n + 1 >= 0:
                h = self.lex.conj.match(self.toks, j - n + 1)
                if h and h[0] == n:
                    return j - n + 1
        return None

    def _party(self, g: list[int], anchor: int) -> str | None:
        s, e = self.toks[g[0]].start, self.toks[g[-1]].end
        ments = [m for m in self.mentions_in(s, e) if m.entity and m.type in ("PER", "ORG") and s <= m.start and m.end <= e]
        if any(m.start < s < m.end or m.start < e < m.end for m in self.mentions_in(s, e)):
            return None  # the group cuts a name: "Ministarstva finansija za terorizam | i finansijske ..." is no list
        pers = [m for m in ments if m.type == "PER"]
        if pers:
            return self.person_referent(pers[-1])
        for j in g:
            hit = self.lex.titles.match(self.toks, j)
            if hit:
                country = self.country_after(j + hit[0], g[-1] + 1)
                return self.coref.resolve_title(hit[1], anchor, self.title_classes(), self.in_quote, None, country)
        if ments:
            return self.org_referent(ments[-1], anchor)
        return None

    # -- words read or published for someone
    def reader(self, c: Candidate, anchor: int) -> None:
        """'the minister's message, read by his deputy': the reader is `via`; the author stays the speaker."""
        att = c.attribution
        if att is None:
            return
        lo, hi = att.clause
        for i in range(lo, hi):
            hit = self.lex.read_by.match(self.toks, i)
            author = self.lex.for_author.match(self.toks, i) if not hit else None
            if not hit and not author:
                continue
            if author:  # 'Ryabkov said on behalf of Lavrov': Lavrov's words, Ryabkov delivers them
                g = []
                k = i + author[0]
                while k < hi and self.toks[k].is_word and len(g) < 6 and not self.cue_at(k):
                    g.append(k)
                    k += 1
                owner = self._party(g, anchor) if g else None
                if owner is not None and self.entity_type(owner) == "PER":
                    readers = [m.entity for m in self.mentions_in(self.toks[lo].start, self.toks[i].start)
                               if m.type == "PER" and m.entity and m.entity != owner and not self.in_quote(m.start)]
                    c.via = c.speaker if c.speaker not in (None, owner) else (readers[-1] if readers else None)
                    c.speaker, c.speakers = owner, [owner]
                    m = [m for m in self.mentions_in(self.toks[g[0]].start, self.toks[g[-1]].end) if m.entity == owner]
                    c.speaker_span = (m[-1].start, m[-1].end) if m else None
                return
            g = []
            k = i + hit[0]
            while k < hi and self.toks[k].is_word and len(g) < 6 and not self.cue_at(k):
                g.append(k)
                k += 1
            via = self._party(g, anchor) if g else None
            if via is None:
                return
            c.via = via
            if c.speaker == via:  # the reader took the cue: the author is the document's or the words' owner
                c.speaker, c.speaker_span = None, None
                self._resolve_document(c, lo, hi, anchor)
                if c.speaker is None and self.entity_type(via) == "ORG":
                    # an outlet passing on words whose author it does not name ('…", prenele su
                    # Novosti'): the outlet is the source the reader can cite
                    c.speaker, c.via = via, None
                if c.speaker is None:
                    c.speaker_span = None
            return


def same_name_word(a: str, b: str) -> bool:
    """Same name word up to a Slavic case ending: 'kubrakova' ~ 'kubrakov', 'stefanovica' ~ 'stefanovic'."""
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    return len(short) >= 4 and long_.startswith(short[:-1] if len(short) > 5 else short) and len(long_) - len(short) <= 3
