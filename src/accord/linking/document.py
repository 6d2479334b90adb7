"""What the linking steps share over one article: its tokens by sentence (`Context`), the entity
groups built so far (`Group`), and the state every step reads and extends (`Linking`).

Why one state object: identity, country, sector and title references read each other's results
(a title phrase reads the country of the place mentions in it; a title reference joins the
person a title was given to), so each step is a function of this state rather than a method of
one large class.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from ..doc import Article, Entity, Mention, TextSpan, Token
from ..lang import get as language
from ..ner import knowledge
from ..ner.spans import furthest_end

WINDOW = 8  # tokens of title phrase read before a person
PUNCT_STOP = set(".,;:!?()[]{}«»\"“”„")
# what joins coordinated names ('Stefanović i Tomas de Mezijer', 'Lavrov and Blinken')
COORDINATORS = ("i", "и", "and", ",", "da", "та")


@dataclass
class Group:
    """One entity being built: its id, the mentions that name it, and what is known of it."""

    id: str
    type: str
    name: str
    country: str | None = None
    kb: bool = False
    sector: str | None = None
    mentions: list[Mention] = field(default_factory=list)
    reason: str | None = None  # why a body outside the KB by name has a KB id (linking.known_body)


class Context:
    """Tokens of the document with their sentence, to read the words around a mention."""

    def __init__(self, doc: Article):
        self.doc = doc
        self.tokens: list[Token] = []
        self.sent_of: list[int] = []
        for si, s in enumerate(doc.sentences):
            for t in s.tokens:
                self.tokens.append(t)
                self.sent_of.append(si)
        self.starts = [t.start for t in self.tokens]

    def index(self, offset: int) -> int:
        return bisect.bisect_left(self.starts, offset)

    def left(self, m: Mention, n: int) -> list[Token]:
        i = self.index(m.start)
        if i >= len(self.tokens) and not self.tokens:
            return []
        si = self.sent_of[min(i, len(self.tokens) - 1)]
        out = []
        j = i - 1
        while j >= 0 and len(out) < n and self.sent_of[j] == si:
            out.append(self.tokens[j])
            j -= 1
        return out[::-1]

    def right(self, m: Mention, n: int) -> list[Token]:
        i = self.index(m.end)
        if i >= len(self.tokens):
            return []
        si = self.sent_of[i]
        out = []
        while i < len(self.tokens) and len(out) < n and self.sent_of[i] == si:
            out.append(self.tokens[i])
            i += 1
        return out


def abbreviation_dot(word: Token, dot: Token) -> bool:
    """A dot right after a short capitalised abbreviation ('Col.', 'Gen.', 'Lt.', 'Dr.')."""
    return word.end == dot.start and word.text.isalpha() and len(word.text) <= 4 and word.text[:1].isupper()


def bracketed(tokens: list[Token], k: int) -> int | None:
    """Index of the '(' that opens a short bracketed abbreviation closed at tokens[k] ('(FBI)',
    '(ФБИ)', '(MUP)'), else None. (title_phrase reads it only right after a body's name: after a
    person, 'Уильям Макартур (США) и Маркос Понтес', the bracket is that person's country.)"""
    if tokens[k].text != ")" or k < 2 or tokens[k - 2].text != "(":
        return None
    inner = tokens[k - 1].text
    return k - 2 if inner.isalpha() and inner.isupper() and 2 <= len(inner) <= 6 else None


class Linking:
    """One article being linked: its language's lists, its token context, the groups so far."""

    def __init__(self, doc: Article):
        self.doc = doc
        self.language = language(doc.lang)  # the entities stage ran only for a supported language
        self.lang = self.language.family if self.language is not None else doc.lang  # the family's lists and KB index
        self.inflected = self.language.inflected if self.language is not None else True
        self.ctx = Context(doc)
        self.prepositions = knowledge.words(self.lang, "country_prepositions.txt")
        self.titles = knowledge.titles(self.lang)
        self.groups: dict[str, Group] = {}
        self.doc_countries: dict[str, int] | None = None  # country.article_home fills it on first use
        self.kb_people: set[str] | None = None  # identity.kb_people_countries fills it on first use
        self._person_reach = None  # see in_person

    def group(self, gid: str, type_: str, name: str, m: Mention, **kw) -> Group:
        """The group `gid` (created with `kw` when new) with `m` added to it."""
        g = self.groups.get(gid)
        if g is None:
            g = self.groups[gid] = Group(id=gid, type=type_, name=name, **kw)
        g.mentions.append(m)
        m.entity = gid
        return g

    def in_person(self, offset: int) -> bool:
        """Whether offset lies inside a PER mention (spans.furthest_end; title_phrase asked a scan
        of every mention per word). Built on first use, once identity has settled the types;
        `mentions_added` drops it."""
        if self._person_reach is None:
            self._person_reach = furthest_end((x.start, x.end) for x in self.doc.mentions if x.type == "PER")
        return self._person_reach(offset) > offset

    def mentions_added(self, added: list[Mention]) -> None:
        self.doc.mentions = sorted(self.doc.mentions + added, key=lambda x: x.start)
        self._person_reach = None

    def in_mention(self, offset: int) -> Mention | None:
        return next((x for x in self.doc.mentions if x.start <= offset < x.end), None)

    def is_person_start(self, offset: int, other_than: Mention) -> bool:
        return any(x.start == offset and x is not other_than and x.type == "PER" for x in self.doc.mentions)

    def title_lemma(self, low: str) -> str:
        return self.language.title_lemma(low, self.titles) if self.language is not None else low

    def title_phrase(self, m: Mention) -> list[Token]:
        """Words before a person back to punctuation or another person ('srpski ministar
        unutrašnjih poslova Nebojša Stefanović')."""
        left = self.ctx.left(m, WINDOW)
        phrase: list[Token] = []
        k = len(left) - 1
        while k >= 0:
            t = left[k]
            if t.text == "." and k > 0 and abbreviation_dot(left[k - 1], t):
                k -= 1
                continue  # 'Russian Col. Gen. Anatoly Sidorov': a rank's dot ends no phrase
            opening = bracketed(left, k)
            if opening is not None and opening > 0 and not self.in_person(left[opening - 1].start) \
                    and self.in_mention(left[opening - 1].start) is not None:
                # 'директором Федералног истражног бироа (ФБИ) Кристофером Врејом': the body's
                # abbreviation in brackets belongs to the title phrase
                phrase[:0] = left[opening + 1:k]
                k = opening - 1
                continue
            if t.text in PUNCT_STOP or self.in_person(t.start):
                break
            phrase.insert(0, t)
            k -= 1
        return phrase

    def coordinated_persons(self) -> list[list[Mention]]:
        """Linked person mentions in text order, in chains of coordinated names: 'srpski i
        nemački ministri ... Stefanović i Tomas de Mezijer' is one chain of two."""
        people = sorted((m for m in self.doc.mentions if m.type == "PER" and m.entity), key=lambda x: x.start)
        chains: list[list[Mention]] = []
        for m in people:
            if chains:
                prev = chains[-1][-1]
                between = self.doc.text[prev.end:m.start].strip().lower()
                if between in COORDINATORS:
                    chains[-1].append(m)
                    continue
            chains.append([m])
        return chains

    def entities(self) -> list[Entity]:
        """The groups as records, in order of first mention; an entity outside the KB is named by
        its longest form."""
        out = []
        for g in self.groups.values():
            spans = sorted(g.mentions, key=lambda x: x.start)
            aliases = list(dict.fromkeys(x.text for x in spans))
            name = g.name
            if not g.kb:
                name = max((x.normal or x.text for x in spans), key=lambda s: (len(s.split()), len(s)))
            out.append(Entity(id=g.id, name=name, type=g.type, country=g.country, kb=g.kb, sector=g.sector,
                              mentions=[TextSpan(start=x.start, end=x.end, text=x.text) for x in spans],
                              aliases=aliases))
        out.sort(key=lambda e: e.mentions[0].start if e.mentions else 0)
        return out
