"""Stage 'linking': one canonical identity and a country for every mention -> Article.entities.

Why: events and quotes are only useful across documents when "Путина", "Putin" and "Vladimir
Putin" are one actor, and "MUP" of Serbia and "МВД" of Belarus are two. Order of evidence:
1. the knowledge base (a gazetteer match or a lookup of the mention's normal form); a generic
   name ("МВД", "MUP", "Ministry of Internal Affairs") is resolved only with a country cue in the
   mention ("МУП Србије"), right next to it ("Serbia's", "РФ", "of Russia"), an earlier
   resolved mention of the same body in the document, or the article's home country when the
   article names it; otherwise it keeps a document-scoped id rather than a guess;
2. outside the KB, an id from the canonical transliterated name (accord.translit.skeleton), so
   the same person in two documents and two scripts shares it: persons are keyed by surname and
   first name with spelling variants folded (Aleksandr / Alexander / Aleksandar);
3. a surname-only or first-name-only mention joins the one full name in the document with it.
Country: KB first, then the text (nationality adjective or country in the mention, in the
title phrase before a person but not after "to"/"u"/"в", in an apposition after it, or shared
out over coordinated names), then None rather than a guess.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..doc import Article, Entity, Mention, TextSpan, Token
from ..lang import get as language, load_tsv
from ..ner import knowledge, titles
from ..ner.spans import furthest_end
from ..pipeline.registry import Component
from ..translit import has_cyrillic, skeleton

COMPONENT = Component("linking", requires=("text", "lang", "sentences", "mentions", "published", "doc_id"),
                      assigns=("entities", "mentions", "mentions.entity", "mentions.country", "mentions.type"))

WINDOW = 8  # tokens of title phrase read before a person


@dataclass
class Group:
    id: str
    type: str
    name: str
    country: str | None = None
    kb: bool = False
    sector: str | None = None
    mentions: list[Mention] = field(default_factory=list)


@lru_cache(maxsize=None)
def org_concepts(lang: str) -> dict[str, tuple[str, str | None]]:
    """lang/<code>/org_concepts.tsv: generic body name (case-folded) -> (concept key, sector)."""
    return {" ".join(r[0].casefold().split()): (r[1], r[2] if len(r) > 2 and r[2] != "-" else None)
            for r in load_tsv(lang, "org_concepts.tsv") if len(r) > 1}


def slug(text: str) -> str:
    return "-".join(skeleton(text).split()) or "x"


# case endings of place names in Serbian and Russian, read on the transliteration skeleton
PLACE_ENDINGS = ("ogo", "iem", "og", "oj", "oi", "im", "ym", "iu", "ia", "ie", "ii", "om", "em", "ju", "ja", "je", "ji", "a", "e", "i", "u", "o", "y", "j")
FLEETING_A = re.compile(r"([bdgkptv]ar|[^aeiou]ac|[^aeiou]at)$")


def place_key(name: str) -> str:
    """Id part of a place outside the KB, the same in every case and script: 'Dubai',
    'Dubaija', 'Дубае' -> 'dub'; 'Kragujevac', 'Kragujevca' -> 'kragujevc'. Lemmatisers mangle
    unknown foreign names ('Dubaija' -> 'Dubaia'), so the key is a stem, not a lemma."""
    out = []
    for w in skeleton(name).split():
        if len(w) >= 4:
            if len(w) > 4 and FLEETING_A.search(w):
                w = w[:-2] + w[-1]
            for e in PLACE_ENDINGS:
                if w.endswith(e) and len(w) - len(e) >= 3:
                    w = w[:-len(e)]
                    break
            while len(w) > 3 and w[-1] in "aeiouyj":
                w = w[:-1]
        out.append(w)
    return "-".join(out) or "x"


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


def _country_in_words(words: list[str], lang: str) -> str | None:
    """First country named by one or two adjacent words ("Srbije", "Руске Федерације", "РФ")."""
    for k in range(len(words)):
        for w in (words[k], " ".join(words[k:k + 2]) if k + 1 < len(words) else None):
            if w:
                iso = knowledge.country_from_word(w, lang)
                if iso:
                    return iso
    return None


PUNCT_STOP = set(".,;:!?()[]{}«»\"“”„")
QUOTED = re.compile(r"[«„“\"]\s*([^«»„“”\"]+?)\s*[»“”\"]?$")


def proper_name(text: str) -> str | None:
    """The name inside a descriptor phrase: 'партии «Яблоко»' -> 'Яблоко', 'компании Piedmont
    Airlines' -> 'Piedmont Airlines' (a name in another script after a lower-case descriptor)."""
    if not text[:1].islower() and not QUOTED.search(text):
        return None
    hit = QUOTED.search(text)
    if hit and hit.start() > 0 and hit.group(1)[:1].isupper():
        return hit.group(1)
    words = text.split()
    if words[0][:1].islower() and has_cyrillic(words[0]):
        tail = [w for w in words if not has_cyrillic(w)]
        if tail and words[-len(tail):] == tail and tail[0][:1].isupper():
            return " ".join(tail)
    return None


class Linker:
    def __init__(self, doc: Article):
        self.doc = doc
        self.language = language(doc.lang)  # the entities stage ran only for a supported language
        self.lang = self.language.family if self.language is not None else doc.lang  # the family's lists and KB index
        self.inflected = self.language.inflected if self.language is not None else True
        self.ctx = Context(doc)
        self.prepositions = knowledge.words(self.lang, "country_prepositions.txt")
        self.titles = knowledge.titles(self.lang)
        self.groups: dict[str, Group] = {}
        self.doc_countries = self._doc_countries()
        self._person_reach = None  # see _in_person

    # -- knowledge base -------------------------------------------------------------------
    def kb_candidates(self, m: Mention) -> tuple[list, bool]:
        """(entries, generic) for a mention: gazetteer ids first, then lookups of its forms."""
        base = knowledge.kb()
        if base is None:
            return [], False
        if m.candidates:
            entries = [e for e in (base.get(i) for i in m.candidates) if e is not None]
            return entries, len(entries) > 1 or self._is_generic(m.text)
        named = proper_name(m.text)
        for form in dict.fromkeys([m.normal, m.text] + ([named] if named else [])):
            try:
                cands = base.candidates(form, self.lang)
            except Exception:
                cands = []
            if not cands:
                continue
            specific = [c for c in cands if not c.generic]
            if len(specific) == 1:
                return [specific[0].entry], False
            if specific:
                return [], False  # an ambiguous specific short form: no guess
            return [c.entry for c in cands], True
        return [], False

    def _is_generic(self, text: str) -> bool:
        base = knowledge.kb()
        try:
            return any(c.generic for c in base.candidates(text, self.lang))
        except Exception:
            return False

    # -- country cues ---------------------------------------------------------------------
    def words(self, tokens: list[Token]) -> list[str]:
        return [t.text for t in tokens]

    def cue_in(self, m: Mention) -> str | None:
        words = [w for w in re.findall(r"\w[\w'’-]*", m.text)]
        return _country_in_words(words, self.lang) if len(words) > 1 else None

    def cue_adjacent(self, m: Mention) -> str | None:
        """Country right next to a mention: 'МУП Србије', 'of Russia', 'РФ', 'Serbia's MUP',
        'российского ... МВД'."""
        right = self.ctx.right(m, 4)
        words = [t.text for t in right]
        if words and words[0].lower() == "of":
            words = words[1:]
            if words and words[0].lower() == "the":
                words = words[1:]
            iso = _country_in_words(words[:3], self.lang)
            if iso:
                return iso
        elif words and words[0] not in PUNCT_STOP and words[0][:1].isupper():
            # a genitive country name right after ('МУП Србије'), not an adjective of the next phrase
            iso = _country_in_words(words[:2], self.lang) if self.inflected else None
            if iso and not self._is_mention_start(right[0].start, other_than=m):
                return iso
        left = self.ctx.left(m, 3)
        for t in reversed(left):
            if t.text in PUNCT_STOP or t.text.lower() in self.prepositions:
                break
            if self.inflected and not t.text[:1].islower():
                continue  # 'закрыли Таиланда ... сети': a capitalised name before is no owner; 'белорусского МВД' is
            iso = knowledge.country_from_word(t.text, self.lang)
            if iso:
                return iso
        return None

    def _is_mention_start(self, offset: int, other_than: Mention) -> bool:
        return any(x.start == offset and x is not other_than and x.type == "PER" for x in self.doc.mentions)

    def _in_person(self, offset: int) -> bool:
        """Whether offset lies inside a PER mention (spans.furthest_end; title_phrase asked a scan
        of every mention per word). Built on first use, once run() has settled the types; title_references drops
        it when it adds mentions."""
        if self._person_reach is None:
            self._person_reach = furthest_end((x.start, x.end) for x in self.doc.mentions if x.type == "PER")
        return self._person_reach(offset) > offset

    def title_phrase(self, m: Mention) -> tuple[list[Token], str | None]:
        """Words before a person back to punctuation or another person, and the title's sector."""
        left = self.ctx.left(m, WINDOW)
        phrase: list[Token] = []
        for t in reversed(left):
            if t.text in PUNCT_STOP or self._in_person(t.start):
                break
            phrase.insert(0, t)
        sector = None
        for t in phrase:
            low = knowledge.latin(t.text, self.lang).lower()
            if low in self.titles:
                sector = sector or self.titles[low]
            else:
                lem = self._title_lemma(low)
                if lem in self.titles:
                    sector = sector or self.titles[lem]
        return phrase, sector

    def _title_lemma(self, low: str) -> str:
        return self.language.title_lemma(low, self.titles) if self.language is not None else low

    def countries_in_phrase(self, phrase: list[Token]) -> list[str]:
        """Countries a title phrase gives as nationality, in order, skipping destinations."""
        out: list[str] = []
        for k, t in enumerate(phrase):
            if k > 0 and phrase[k - 1].text.lower() in self.prepositions:
                continue
            if k > 1 and phrase[k - 2].text.lower() in self.prepositions and phrase[k - 1].text.lower() == "the":
                continue
            mention = next((x for x in self.doc.mentions if x.start <= t.start < x.end and x.type != "PER"), None)
            iso = None
            if mention is not None and mention.entity:
                g = self.groups.get(mention.entity)
                iso = g.country if g is not None else None
                if mention.start != t.start:
                    continue
            if iso is None:
                iso = knowledge.country_from_word(t.text, self.lang)
            if iso and (not out or out[-1] != iso):
                out.append(iso)
        return out

    def person_country(self, m: Mention, position: int, coordinated: list[Mention]) -> tuple[str | None, str | None]:
        phrase, sector = self.title_phrase(coordinated[0] if coordinated else m)
        countries = self.countries_in_phrase(phrase)
        if coordinated and len(countries) == len(coordinated) + 0 and len(countries) > 1:
            return countries[position], sector
        if countries and (not coordinated or position == 0):
            return countries[0], sector
        # apposition: "Zhang Zhe, charge d'affaires of the Chinese Embassy"
        right = self.ctx.right(m, WINDOW + 2)
        if right and right[0].text == ",":
            for t in right[1:]:
                if t.text in PUNCT_STOP:
                    break
                mention = next((x for x in self.doc.mentions if x.start <= t.start < x.end), None)
                if mention is not None and mention.type == "PER":
                    break
                iso = None
                if mention is not None and mention.entity in self.groups:
                    iso = self.groups[mention.entity].country
                iso = iso or knowledge.country_from_word(t.text, self.lang)
                if iso:
                    return iso, sector
        return None, sector

    def _doc_countries(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for m in self.doc.mentions:
            if m.type == "LOC":
                iso = knowledge.country_from_word(m.normal or m.text, self.lang) or knowledge.country_from_word(m.text, self.lang)
                if iso:
                    counts[iso] = counts.get(iso, 0) + 1
        return counts

    # -- grouping -------------------------------------------------------------------------
    def group(self, gid: str, type_: str, name: str, m: Mention, **kw) -> Group:
        g = self.groups.get(gid)
        if g is None:
            g = self.groups[gid] = Group(id=gid, type=type_, name=name, **kw)
        g.mentions.append(m)
        m.entity = gid
        return g

    def link_kb(self, m: Mention) -> bool:
        entries, generic = self.kb_candidates(m)
        if not entries:
            # "Ministarstvo unutrašnjih poslova Srbije", "Ministry of Interior of the Republic of Serbia":
            # the generic head with the country the mention names
            head, iso = self.split_country(m)
            if head and iso:
                probe = Mention(start=m.start, end=m.end, text=head, type=m.type, normal=head)
                entries, generic = self.kb_candidates(probe)
                if entries:
                    entries = [e for e in entries if e.country == iso]
                    if len(entries) == 1:
                        self.add_kb(entries[0], m)
                        return True
                    return False
            return False
        if len(entries) == 1 and not generic:
            self.add_kb(entries[0], m)
            return True
        chosen = self.choose_generic(m, entries)
        if chosen is not None:
            self.add_kb(chosen, m)
            return True
        if len(entries) == 1 and not generic:
            self.add_kb(entries[0], m)
            return True
        return False

    def concept(self, head: str) -> tuple[str, str | None] | None:
        """Id part and sector of a generic body's head, the same in every language ('Embassy',
        'Ambasada', 'Посольство' -> 'embassy'; 'Interior Ministry', 'Министерство внутренних
        дел', 'Ministarstvo unutrašnjih poslova' -> 'interior-ministry', COP); None for a head
        that names no such concept."""
        table = org_concepts(self.lang)
        low = " ".join(knowledge.latin(head, self.lang).casefold().split())
        hit = table.get(low)
        if hit is None and " " not in low:
            hit = table.get(self._title_lemma(low))
        return hit

    def split_country(self, m: Mention) -> tuple[str | None, str | None]:
        """(head, country) of a generic body named with its country: the nominative normal form
        first ('китайское правительство', not 'китайскому правительству'), then the text."""
        for form in dict.fromkeys([m.normal or m.text, m.text]):
            head, iso = self._split_country(form)
            if iso:
                return head, iso
        return None, None

    def _split_country(self, text: str) -> tuple[str | None, str | None]:
        words = text.split()
        for k in range(1, min(5, len(words))):
            tail = " ".join(words[-k:])
            iso = knowledge.country_from_word(tail, self.lang)
            if iso:
                head = words[:-k]
                while head and head[-1].lower() in ("of", "the"):
                    head.pop()
                return " ".join(head) or None, iso
        if len(words) > 1:
            iso = knowledge.country_from_word(words[0], self.lang)
            if iso:
                return " ".join(words[1:]), iso
        return None, None

    def choose_generic(self, m: Mention, entries: list) -> object | None:
        by_country: dict[str | None, list] = {}
        for e in entries:
            by_country.setdefault(e.country, []).append(e)
        for cue in (self.cue_in(m), self.cue_adjacent(m)):
            if cue and len(by_country.get(cue, [])) == 1:
                return by_country[cue][0]
            if cue:
                return None  # a cue for a country the KB has no such body for: no guess
        # an earlier resolved mention of one of these bodies in this document
        ids = {e.id for e in entries}
        seen = [gid for gid in self.groups if gid in ids]
        if len(seen) == 1:
            return next(e for e in entries if e.id == seen[0])
        # the article's home country, when the article names it
        home = knowledge.home_country(self.lang)
        if home and self.doc_countries.get(home) and len(by_country.get(home, [])) == 1:
            return by_country[home][0]
        return None

    def add_kb(self, entry, m: Mention) -> None:
        g = self.group(entry.id, entry.type, entry.name, m, country=entry.country, kb=True, sector=entry.sector)
        if g.country is None and entry.type == "PER":
            g.country = entry.country

    # -- persons --------------------------------------------------------------------------
    def person_key(self, normal: str) -> str:
        words = normal.split()
        surname = slug(words[-1])
        if len(words) == 1:
            return f"per:{surname}"
        return f"per:{surname}-{slug(knowledge.first_name_key(words[0]))}"

    def run(self) -> None:
        mentions = sorted(self.doc.mentions, key=lambda x: x.start)
        rest: list[Mention] = []
        for m in mentions:
            if not self.link_kb(m):
                rest.append(m)
        persons = [m for m in rest if m.type == "PER"]
        full = [m for m in persons if len((m.normal or m.text).split()) > 1]
        # persons: full names first, then single names join the one full name that has them
        for m in full:
            normal = m.normal or m.text
            self.group(self.person_key(normal), "PER", normal, m)
        kb_persons = [g for g in self.groups.values() if g.type == "PER"]
        for m in persons:
            if m in full:
                continue
            word = slug((m.normal or m.text).split()[0])
            owners = {g.id for g in kb_persons if any(word in slug(x.normal or x.text).split("-") for x in g.mentions) or word in slug(g.name).split("-")}
            owners |= {mm.entity for mm in full if word in slug(mm.normal or mm.text).split("-")}
            if len(owners) == 1:
                gid = owners.pop()
                self.group(gid, "PER", self.groups[gid].name, m)
            else:
                normal = m.normal or m.text
                self.group(self.person_key(normal), "PER", normal, m)
        surnames = {slug((x.normal or x.text).split()[-1]): x.entity for x in persons if x.entity}
        for m in rest:
            if m.type == "PER":
                continue
            normal = m.normal or m.text
            if len(normal.split()) == 1 and slug(normal) in surnames:  # the model's ORG "Stefanovic"
                m.type = "PER"
                gid = surnames[slug(normal)]
                self.group(gid, "PER", self.groups[gid].name, m)
                continue
            generic = False
            if knowledge.kb() is not None and self._is_generic(normal):
                generic = True
            head, iso = self.split_country(m)
            cue = self.cue_in(m) or self.cue_adjacent(m)
            if not iso and cue and self.concept(normal):  # "Japan's Ministry of Defence"
                head, iso = normal, cue
            sector = None
            if generic and not iso and not cue:
                gid = f"{m.type.lower()}:{slug(normal)}@{self.doc.doc_id[:8]}"  # unresolved generic: no guess
            elif head and iso:
                key, sector = self.concept(head) or (slug(head), None)
                gid = f"{m.type.lower()}:{key}-{iso.lower()}"
            elif m.type == "LOC":
                gid = f"loc:{place_key(normal)}"
            elif proper_name(m.text):
                gid = f"{m.type.lower()}:{slug(proper_name(m.text))}"  # 'партии «Яблоко»' = 'Яблоко'
            else:
                gid = f"{m.type.lower()}:{slug(normal)}"
            g = self.group(gid, m.type, normal, m)
            if g.country is None:
                g.country = iso or cue
            if g.sector is None:
                g.sector = sector
        self.person_countries()
        self.title_references()

    # -- title-only references ------------------------------------------------------------
    def _in_mention(self, offset: int) -> Mention | None:
        return next((x for x in self.doc.mentions if x.start <= offset < x.end), None)

    def person_offices(self) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
        """Office classes the document gives each person (title before a mention, or after
        it in an apposition), and, apart, for KB persons the office held on the publication date."""
        out: dict[str, set[str]] = {}
        held: dict[str, set[str]] = {}
        toks = self.ctx.tokens
        for m in self.doc.mentions:
            if m.type != "PER" or not m.entity:
                continue
            phrase, _ = self.title_phrase(m)
            idx = [self.ctx.index(t.start) for t in phrase]
            i = self.ctx.index(m.end)
            if i < len(toks) and toks[i].text == ",":
                for k in range(i + 1, min(i + 5, len(toks))):
                    if toks[k].text in PUNCT_STOP or self.ctx.sent_of[k] != self.ctx.sent_of[i]:
                        break
                    idx.append(k)
            for k in idx:
                hit = titles.match(toks, k, self.lang)
                if hit is not None and hit[2]:
                    out.setdefault(m.entity, set()).add(hit[1])
        date = self.doc.published
        for g in self.groups.values():
            if g.kb and g.type == "PER":
                entry = knowledge.get(g.id)
                term = entry.term_at(date) if entry is not None and date else None
                cls = titles.role_class(term.role) if term is not None else None
                if cls:
                    held.setdefault(g.id, set()).add(cls)
        return out, held

    def reference_country(self, i: int, n: int) -> str | None:
        """Country a title phrase names: an adjective before it ('the Russian president',
        'srpski ministar'), or a country after it ('president of Serbia', 'predsednik Srbije')."""
        toks = self.ctx.tokens
        si = self.ctx.sent_of[i]
        for k in (i - 1, i - 2):
            if k < 0 or self.ctx.sent_of[k] != si or toks[k].text in PUNCT_STOP:
                break
            iso = knowledge.country_from_word(toks[k].text, self.lang)
            if iso:
                return iso
        k = i + n
        if not self.inflected:  # 'minister of (the) X': an uninflected language says whose with 'of'
            if k < len(toks) and toks[k].text.lower() == "of":
                k += 1
                if k < len(toks) and toks[k].text.lower() == "the":
                    k += 1
                if k < len(toks) and self.ctx.sent_of[k] == si:
                    return knowledge.country_from_word(toks[k].text, self.lang)
            return None
        for j in range(k, min(k + 4, len(toks))):
            if self.ctx.sent_of[j] != si or toks[j].text in PUNCT_STOP:
                break
            iso = knowledge.country_from_word(toks[j].text, self.lang)
            if iso:
                return iso
        return None

    def title_references(self) -> None:
        """Title-only references ('the minister', 'Глава государства') join the one person the
        document (or the KB, for the office on the publication date) gives that office."""
        toks = self.ctx.tokens
        if not toks:
            return
        offices = None
        added: list[Mention] = []
        # the tokens a title phrase may begin at (most begin none): the scan jumps between them
        starts = [k for k, t in enumerate(toks) if titles.can_start(t.text, self.lang)]
        i = starts[0] if starts else len(toks)
        while i < len(toks):
            hit = titles.match(toks, i, self.lang)
            if hit is None:
                k = bisect.bisect_left(starts, i + 1)
                i = starts[k] if k < len(starts) else len(toks)
                continue
            n, cls, singular = hit
            t0, t1 = toks[i], toks[i + n - 1]
            si = self.ctx.sent_of[i]
            i += n
            if not singular or self._in_mention(t0.start) or self._in_mention(t1.start):
                continue
            prev = toks[i - n - 1] if i - n - 1 >= 0 and self.ctx.sent_of[i - n - 1] == si else None
            if prev is not None and (prev.text.lower() in titles.ARTICLES_INDEFINITE or prev.text == ","):
                continue  # 'a minister'; an apposition describes the name before it
            # a title in front of a name ('ministar Vulin', 'Interior Minister Bratislav Gasic')
            ahead = [x for x in self.doc.mentions if x.type == "PER" and t1.end <= x.start]
            nxt = min(ahead, key=lambda x: x.start, default=None)
            if nxt is not None:
                between = self.doc.text[t1.end:nxt.start]
                if not any(c in between for c in ".!?;:\n\"«»“”„") and len(between.split()) <= 5:
                    continue
            if offices is None:
                offices = self.person_offices()
            country = self.reference_country(i - n, n)
            gid = None
            for given in offices:  # offices the text gives first, then KB terms of persons named
                owners = []
                for oid, classes in given.items():
                    g = self.groups.get(oid)
                    if g is None or cls not in classes or (country and g.country != country):
                        continue
                    if min(x.start for x in g.mentions) < t0.start:
                        owners.append(oid)
                if owners:
                    gid = owners[0] if len(owners) == 1 else None
                    break
            else:
                owners = []
            if gid is None and not owners and country:
                entry = titles.kb_holder(cls, country, self.doc.published)
                if entry is not None:
                    gid = entry.id
                    if gid not in self.groups:
                        self.groups[gid] = Group(id=gid, type="PER", name=entry.name, country=entry.country,
                                                 kb=True, sector=entry.sector)
            if gid is None:
                continue
            start = t0.start
            if not self.inflected and prev is not None and knowledge.country_from_word(prev.text, self.lang):
                start = prev.start  # 'Russian president'
            m = Mention(start=start, end=t1.end, text=self.doc.text[start:t1.end], type="PER",
                        normal=self.doc.text[start:t1.end], source="title", entity=gid, country=country)
            self.groups[gid].mentions.append(m)
            added.append(m)
        if added:
            self.doc.mentions = sorted(self.doc.mentions + added, key=lambda x: x.start)
            self._person_reach = None

    def person_countries(self) -> None:
        people = sorted((m for m in self.doc.mentions if m.type == "PER" and m.entity), key=lambda x: x.start)
        # coordinated persons: "srpski i nemački ministri ... Stefanović i Tomas de Mezijer"
        chains: list[list[Mention]] = []
        for m in people:
            if chains:
                prev = chains[-1][-1]
                between = self.doc.text[prev.end:m.start].strip().lower()
                if between in ("i", "и", "and", ",", "и", "da", "та"):
                    chains[-1].append(m)
                    continue
            chains.append([m])
        for chain in chains:
            for pos, m in enumerate(chain):
                g = self.groups[m.entity]
                iso, sector = self.person_country(m, pos, chain if len(chain) > 1 else [])
                m.country = iso
                if g.kb:
                    continue
                if g.country is None and iso:
                    g.country = iso
                if g.sector is None and sector:
                    g.sector = sector

    def entities(self) -> list[Entity]:
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


@COMPONENT.runs
def run(doc: Article) -> None:
    for m in doc.mentions:
        m.entity = None
    linker = Linker(doc)
    linker.run()
    doc.entities = linker.entities()
