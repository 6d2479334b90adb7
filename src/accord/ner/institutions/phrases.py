"""The institution phrase around a head noun: the agreeing adjectives before it, the lower-case
genitives and link-word phrases after it, and its owner (a genitive country or organisation, a
«quoted» name, an organisation in apposition), with its normal form (head and adjectives in the
nominative).
"""
from __future__ import annotations

from collections.abc import Callable

from ...doc import Article, Mention, Token
from ...translit import has_cyrillic
from .. import knowledge
from .lexicon import Features, agrees, conjunctions, function_words, head_flags, links

QUOTES_OPEN = {"«": "»", "„": "“", "“": "”", '"': '"', "‘": "’", "»": "«"}
MAX_LEFT = 3
MAX_CHAIN = 3
MAX_QUOTED = 8
MAX_LINKS = 2  # 'Совет при Президенте РФ по развитию информационного общества'


class Finder:
    def __init__(self, doc: Article, mentions: list[Mention], lang: str, features: Callable[[str], Features],
                 nominative: Callable[[str, Features], str] | None = None):
        self.doc = doc
        self.nominative = nominative
        self.text = doc.text
        self.lang = lang
        self.mentions = mentions
        self.words: list[Token] = []  # the sentences' tokens, in order
        self.feats: list[Features] = []  # each word's Features (same index)
        self.sents: list[int] = []  # each word's sentence index (same index)
        self.first_of_sentence: set[int] = set()
        text = self.text
        for si, s in enumerate(doc.sentences):
            # a token is first when no letter or digit lies between the sentence start and it:
            # the first alphanumeric character of the sentence bounds them (found once, not per token)
            limit = max((t.start for t in s.tokens), default=s.start)
            first_alnum = next((c for c in range(s.start, limit) if text[c].isalnum()), limit)
            for k, t in enumerate(s.tokens):
                if k == 0 or t.start <= first_alnum:
                    self.first_of_sentence.add(len(self.words))
                self.words.append(t)
                self.feats.append(features(t.text))
                self.sents.append(si)
        self.at: dict[int, Mention] = {m.start: m for m in mentions}

    def mention_over(self, w: Token) -> Mention | None:
        return next((m for m in self.mentions if m.start <= w.start < m.end), None)

    def next_index(self, offset: int, k: int) -> int:
        while k < len(self.words) and self.words[k].start < offset:
            k += 1
        return k

    def find(self) -> list[tuple[int, int, str, tuple[int, int] | None]]:
        """(start, end, normal form, the span of the name the phrase is known by or None)."""
        out: list[tuple[int, int, str, tuple[int, int] | None]] = []
        i = 0
        feats = self.feats
        while i < len(feats):
            got = self.phrase(i) if feats[i].head else None
            if got is None:
                i += 1
                continue
            start, end, normal, k, name = got
            out.append((start, end, normal, name))
            i = max(k, i + 1)
        return out

    def _quoted_after(self, i: int) -> bool:
        words, sents = self.words, self.sents
        return i + 2 < len(words) and words[i + 1].text in QUOTES_OPEN and words[i + 2].is_cap \
            and sents[i + 1] == sents[i] and self.text[words[i].end:words[i + 1].start] == " "

    def _linked(self, k: int) -> int:
        """The end (word index) of the phrase after the link word at k: lower-case words ('по
        развитию информационного общества'), and, after an inflected word, a capitalised noun
        that is no mention ('при Президенте') or a place ('при Президенте РФ', 'при главном
        архитекторе Москвы'); a person, an organisation or a verb ends it."""
        words, feats, sents = self.words, self.feats, self.sents
        sent = sents[k]
        own = self.mention_over(words[k])  # the recogniser's mention of this very name ('Совета при Президенте РФ')
        cased = any(f.cases for f in feats[max(0, k - 3):k])  # the language's words carry their cases
        n = k + 1
        while n < len(words) and n - k <= MAX_CHAIN + 2 and sents[n] == sent and not feats[n].verb:
            x, fx = words[n], feats[n]
            if own is not None and own.type != "PER" and x.end <= own.end:
                n += 1
                continue
            m = self.at.get(x.start)
            inflected = n > k + 1 and bool(feats[n - 1].cases) and self.text[words[n - 1].end:x.start] == " "
            if m is not None:
                if inflected and (m.type == "LOC" or knowledge.country_from_word(m.text, self.lang)) \
                        and not any(o.start < m.end and m.start < o.end and o.type == "PER" for o in self.mentions):
                    n = self.next_index(m.end, n)
                    continue
                break
            if x.is_lower and not fx.country:
                if cased and not fx.cases and not (fx.key in conjunctions(self.lang) and n + 1 < len(words)
                                                    and words[n + 1].is_lower and feats[n + 1].cases):
                    break  # a preposition ends it ('Комитет по делам молодёжи в Москве')
                n += 1
                continue
            if x.is_cap and n == k + 1 and fx.cases and not fx.country and not fx.head \
                    and self.mention_over(x) is None:
                n += 1  # 'при Президенте', 'при Минюсте'
                continue
            break
        return n

    def _capital_adjective_before(self, i: int) -> bool:
        """'Законодательного собрания': a capitalised adjective (not opening the sentence) names
        the body as a capitalised head would."""
        if i == 0 or i - 1 in self.first_of_sentence:
            return False
        x, w = self.words[i - 1], self.words[i]
        fx, fw = self.feats[i - 1], self.feats[i]
        return self.sents[i - 1] == self.sents[i] and x.is_cap and fx.adj and not fx.country and agrees(fx, fw) \
            and self.text[x.end:w.start] == " " and not self._inside_person(x)

    def _body_after(self, i: int) -> bool:
        m = self.at.get(self.words[i + 1].start) if i + 1 < len(self.words) else None
        return m is not None and m.type == "ORG" and self.text[self.words[i].end:m.start] == " " \
            and not self.feats[i + 1].country

    def _inside_person(self, w: Token) -> bool:
        m = self.mention_over(w)
        return m is not None and m.type == "PER"

    def phrase(self, i: int) -> tuple[int, int, str, int, tuple[int, int] | None] | None:
        words, w = self.words, self.words[i]
        feats, sents = self.feats, self.sents
        fw, sent = feats[i], sents[i]
        name = None  # a «quoted» name the body is known by alone ('газета «Труд»' is 'Труд')
        flags = head_flags(self.lang).get(fw.lemma, frozenset())
        # a «quoted» name makes even a lower-case one a body ('клуба «16 тонн»'), and so does, for
        # a subdivision, the body it belongs to ('московского отделения движения «Солидарность»')
        need_owner = (fw.cap_only or "unit" in flags) and not w.is_cap and not self._quoted_after(i) \
            and not self._capital_adjective_before(i)
        # ('футбольного клуба Челси': a body's name in apposition makes it one too, known by that name)
        known_by = need_owner and "unit" not in flags and self._body_after(i)
        if self._inside_person(w) or (need_owner and "unit" not in flags and not known_by):
            return None
        body_owner = False  # the owner is an organisation or a «quoted» name (a subdivision's body)
        # adjectives before the head that agree with it
        j = i
        # (lower-case ones only before a lower-case head: 'аустријском Дирекцијом' names the
        # body without the adjective, which stays its country cue)
        while j > 0 and i - j < MAX_LEFT and sents[j - 1] == sent and feats[j - 1].adj \
                and agrees(feats[j - 1], fw) and not self._inside_person(words[j - 1]) \
                and (words[j - 1].is_cap or not w.is_cap) and self.text[words[j - 1].end:words[j].start] == " ":
            j -= 1
        country_adj = any(f.country for f in feats[j:i])
        # lower-case genitive modifiers after it, and a link word's lower-case phrase
        k = i + 1
        chain = 0
        linked = 0
        while k < len(words) and sents[k] == sent and (chain < MAX_CHAIN or linked):
            x, fx = words[k], feats[k]
            if x.start in self.at or not x.is_lower or fx.verb:
                break
            if fx.gen and not fx.country:
                k += 1
                chain += 1
                continue
            # 'Института этнологии и антропологии': a second genitive joined to the first
            if chain and fx.key in conjunctions(self.lang) and k + 1 < len(words) and chain < MAX_CHAIN:
                y, fy = words[k + 1], feats[k + 1]
                if sents[k + 1] == sent and y.is_lower and fy.gen and not fy.head and not fy.country and not fy.verb \
                        and y.start not in self.at and agrees(fy, feats[k - 1]):
                    k += 2
                    chain += 1
                    continue
            if (w.is_cap or words[j].is_cap) and fx.key in links(self.lang) and linked < MAX_LINKS:
                n = self._linked(k)
                if n > k + 1:
                    k, linked = n, linked + 1
                    continue
            break
        # no name ends on a preposition or conjunction: it belongs to what follows ('Centar za
        # socijalni rad na Novom Beogradu')
        while k - 1 > i and words[k - 1].is_lower and feats[k - 1].key in function_words(self.lang):
            k -= 1
        # a chain ending in a bare head noun refers back ('Центр общественных связей ведомства':
        # 'of the agency' named before), unless an owner or its «quoted» name follows it
        # ('отделения партии «Зелёный союз»')
        if k - 1 > i and feats[k - 1].head and not (k < len(words) and (
                words[k].start in self.at or words[k].text in QUOTES_OPEN)):
            k -= 1
        end = words[k - 1].end
        owner = False
        if fw.plural and not w.is_cap and not ("plural" in flags and country_adj):
            # 'телекоммуникационных фирм США': several bodies; only a name makes them one ('компаний Michelin')
            nxt = words[k] if k < len(words) else None
            # (right after the head: 'организаций стран Европейского союза' are bodies of countries)
            named = nxt is not None and k == i + 1 and (nxt.text in QUOTES_OPEN or (
                nxt.start in self.at and self.at[nxt.start].type == "ORG" and not feats[k].country))
            if not named:
                return None
        # the owner: a «quoted» name, a genitive (or apposed organisation) mention, then 'имени X'
        if k < len(words) and sents[k] == sent and words[k].text in QUOTES_OPEN:
            close = QUOTES_OPEN[words[k].text]
            n = k + 1
            while n < len(words) and n - k <= MAX_QUOTED and words[n].text != close and sents[n] == sent:
                n += 1
            if n < len(words) and words[n].text == close and n > k + 1 and words[k + 1].is_cap:
                if "bare" in flags:
                    return None  # the quoted name alone is the mention ('агентству «Sputnik»')
                if "named" in flags:
                    name = (words[k + 1].start, words[n - 1].end)
                end, owner, k, body_owner = words[n].end, True, n + 1, True
        elif not linked:  # 'Служба за борбу против тероризма МУП Србије': the name is whole, МУП its parent
            for _ in range(2):
                if k >= len(words) or sents[k] != sent:
                    break
                m = self.at.get(words[k].start)
                if m is None or m.type == "PER" or self.text[end:m.start] != " ":
                    break
                # 'компании Piedmont Airlines', 'компания Газпром': an organisation in apposition
                apposed = m.type == "ORG" and ((known_by and not owner) or has_cyrillic(m.text) != has_cyrillic(w.text) or (
                    bool(feats[k].cases) and bool(fw.cases) and agrees(feats[k], fw)))
                if not (feats[k].gen or feats[k].country or apposed or m.text.isupper()):
                    break
                if m.type == "ORG" and "place" in flags:
                    return None  # 'руководства HP', 'делегации ОБСЕ': the organisation itself
                if "named" in flags and not (apposed and not owner):
                    break  # 'сайт Кремля' is no body; 'сайте Roem.ru' names one
                if apposed and not owner and (flags & {"bare", "named"} or known_by):
                    name = (m.start, m.end)  # 'агентству France-Presse', 'порталу SeeSaw'
                body_owner = body_owner or (m.type == "ORG" and not owner and not feats[k].country)
                end, owner = m.end, True
                k = self.next_index(m.end, k)
            if owner and k + 1 < len(words) and feats[k].key in links(self.lang) \
                    and sents[k] == sent:
                # 'университет МВД России имени В. Я. Кикотя' (a model may start the person at 'имени')
                m = self.at.get(words[k + 1].start) or self.at.get(words[k].start)
                if m is not None and m.type == "PER":
                    end, k = m.end, self.next_index(m.end, k + 1)
                elif m is not None and m.type == "LOC" and m.start == words[k + 1].start and not m.text.isupper():
                    # a regional branch: 'пресс-служба МЧС по Санкт-Петербургу и Ленобласти'
                    end, k = m.end, self.next_index(m.end, k + 1)
                    if k + 1 < len(words) and feats[k].key in conjunctions(self.lang):
                        m2 = self.at.get(words[k + 1].start)
                        if m2 is not None and m2.type == "LOC" and not m2.text.isupper():
                            end, k = m2.end, self.next_index(m2.end, k + 1)
        capital_inside = words[j].is_cap and j not in self.first_of_sentence
        if ("named" in flags and name is None) or (need_owner and not body_owner):
            return None  # ('отдел России' is a desk on Russia, not Russia's body)
        if not (owner or country_adj or capital_inside):
            return None
        if not owner and not country_adj and k == i + 1 and j == i:
            return None  # a capitalised head alone ('Правительство'): the recogniser decides
        start = words[j].start
        # a person inside the span (crossing its end) stops it
        if any(m.type == "PER" and start <= m.start < end and m.end > end for m in self.mentions):
            return None
        return start, end, self.normal(j, i, end), k, name

    def normal(self, j: int, i: int, end: int) -> str:
        """The head and its adjectives in the nominative, the rest as written."""
        words, feats = self.words, self.feats
        if self.nominative is None:
            return self.text[words[j].start:end]
        head = [self.nominative(x.text, feats[i]) for x in words[j:i + 1]]
        out = ""
        for x, form in zip(words[j:i + 1], head):
            out += (" " if out and self.text[x.start - 1:x.start] == " " else "") + form
        return out + self.text[words[i].end:end]
