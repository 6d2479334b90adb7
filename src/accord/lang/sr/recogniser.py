"""Serbian NER (Latin and Cyrillic) from rules, since no offline Serbian model exists.

Evidence, in order of trust: knowledge-base gazetteer matches; organisation head nouns that
open a Serbian institution's name ("Ministarstvo unutrašnjih poslova Srbije", "Vlada Srbije":
only the first word is capitalised, so the name runs over lower-case genitives); first names;
surname endings (-ić, -ović, -ev, -in, -ski); a title before the name ("ministar Vulin");
a preposition of place before it ("u Beogradu"); and the document itself (a word capitalised
at a sentence start is a name only if the document also uses it as one). Words capitalised only
because they open a sentence, a quote or a headline ("Dobili smo", "Na sastanku", "SRBIJA NEĆE")
are dropped unless evidence says otherwise. Cyrillic is transliterated token by token, so
offsets stay those of the original text. Normal forms come from lemmagen3 with a head-noun and
adjective-agreement rule ("Ruske Federacije" -> "Ruska Federacija").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ...doc import Article, Mention
from ...models import lemmatizer
from ...lang import load_tsv
from ...translit import fold, has_cyrillic, skeleton, sr_to_cyrillic, sr_to_latin
from ...ner import institutions, knowledge
from ...ner.institutions import Features
from ...ner.spans import furthest_end, make

LANG = "sr"
OPENERS = set('"“„«»‘‚\'-–—:(') | {"...", "…"}
CONNECTORS = {"de", "da", "di", "van", "von", "der", "la", "le", "al", "bin", "dos", "del"}
ACRONYM = re.compile(r"^[A-ZČĆŠŽĐ]{2,6}(-[a-zčćšžđ]{1,4})?$")
ADJ_ENDINGS = ("ima", "ih", "im", "oga", "og", "ome", "om", "oj", "e", "u", "a", "i", "o")
# oblique case endings of adjectives ('Arapskih', 'Zapadnog', 'Istočnoj'); a name's first word has none
ADJECTIVE_FORM_ENDINGS = ("ih", "og", "oga", "oj", "ske", "čke", "ške", "skom", "skim", "ska", "sku")
ADJECTIVE_NE = re.compile(r"[^aeiou]n(e|a|u|om|im)$")  # Zapadne, Istočna, Severnu, Južnom
MODIFIER_ENDINGS = ("ih", "og", "oga", "ske", "ške", "čke", "ova", "eva", "sti", "ja", "je", "ije", "a", "e", "i")
L_PARTICIPLE_ENDINGS = ("o", "la", "lo", "li", "le")  # izjavio, rekla, rekli
FEMININE_SURNAME_ENDINGS = ("om", "oj", "u", "e")  # case endings of a feminine noun in -a (not -i: "Meloni" does not decline)


@dataclass
class Tok:
    start: int
    end: int
    text: str  # original
    lat: str  # Serbian Latin
    kb: bool = False  # covered by a KB gazetteer match

    @property
    def cap(self) -> bool:
        return self.lat[:1].isupper()

    @property
    def allcaps(self) -> bool:
        letters = list(filter(str.isalpha, self.lat))
        return len(letters) >= 2 and all(map(str.isupper, letters))

    @property
    def title(self) -> str:
        """Title-cased form of an all-caps token ('VULIN' -> 'Vulin'), else the Latin text."""
        if self.allcaps:
            return "-".join(p[:1] + p[1:].lower() for p in self.lat.split("-"))
        return self.lat


def lemma(word: str) -> str:
    return lemmatizer("sr").lemmatize(word) or word


def lower_lemma(word: str) -> str:
    return lemmatizer("sr").lemmatize(word.lower()) or word.lower()


def is_verb_form(word: str) -> bool:
    """Past participles and infinitives ('Dobili', 'Razgovarali', 'Istakao') are not names."""
    low = word.lower()
    lem = lower_lemma(low)
    return lem.endswith(("ti", "ći")) and lem != low and not low.endswith(("ić", "ića"))


def has_surname_ending(word: str, weak: bool = False) -> bool:
    """-ić/-ović mark a surname alone; with weak=True also -in/-ev/-ski (Vulin, but Berlin)."""
    lem = lemma(word)
    if len(lem) <= 3:
        return False
    if any(lem.endswith(x) or word.endswith(x) for x in knowledge.words(LANG, "surname_suffixes.txt")):
        return True
    if not weak:
        return False
    # weak endings on the word as written, or on a masculine lemma (Vulinom -> Vulin; not Mađarske)
    masculine = word.lower().endswith(("om", "em", "im", "a", "u"))
    return any(word.endswith(x) or (masculine and lem.endswith(x) and x in ("ov", "ev", "in", "jev"))
               for x in knowledge.words(LANG, "surname_suffixes_weak.txt"))


def is_adjective_form(word: str) -> bool:
    """An adjective opening a name ('Ujedinjenih Arapskih Emirata', 'Istočne Slavonije',
    'Zapadnog Balkana'): persons' names do not open with these case endings."""
    low = word.lower()
    if is_first_name(word):
        return False
    return lower_lemma(low).endswith(("ski", "čki", "ški")) or (
        len(low) > 4 and (low.endswith(ADJECTIVE_FORM_ENDINGS) or bool(ADJECTIVE_NE.search(low))))


def is_first_name(word: str) -> bool:
    names = knowledge.words(LANG, "first_names.txt")
    return word.casefold() in names or lemma(word).casefold() in names


def title_sector(word: str) -> bool:
    t = knowledge.titles(LANG)
    low = word.lower()
    return low in t or lower_lemma(low) in t


def is_stopword(word: str) -> bool:
    stops = knowledge.words(LANG, "stopwords.txt")
    return word.lower() in stops


def is_org_head(word: str) -> bool:
    heads = institutions.heads(LANG)
    return lower_lemma(word) in heads or word.lower() in heads


def tokens_of(doc: Article, gaz: list[Mention]) -> list[list[Tok]]:
    # a token is covered when some gazetteer match starts at or before it and ends at or after it
    reach = furthest_end((g.start, g.end) for g in gaz)
    out = []
    for sent in doc.sentences:
        toks = []
        for t in sent.tokens:
            lat = sr_to_latin(t.text) if has_cyrillic(t.text) else t.text
            toks.append(Tok(t.start, t.end, t.text, lat, reach(t.start) >= t.end))
        out.append(toks)
    return out


def is_caps_sentence(toks: list[Tok]) -> bool:
    words = [t for t in toks if any(c.isalpha() for c in t.lat)]
    caps = [t for t in words if t.allcaps]
    return len(caps) >= 3 and len(caps) >= 0.6 * len(words)


def is_l_participle(word: str) -> bool:
    """A past participle ('izjavio', 'rekla', 'naveli'): what a subject in the nominative governs."""
    low = word.lower()
    return word[:1].islower() and low.endswith(L_PARTICIPLE_ENDINGS) and is_verb_form(low)


@lru_cache(maxsize=1)
def _female_first_names() -> frozenset[str]:
    return frozenset(fold(r[0]) for r in load_tsv(LANG, "name_gender.tsv")
                     if len(r) > 1 and r[1] == "f" and not r[0].startswith("-"))


def is_female_first_name(word: str) -> bool:
    return fold(word) in _female_first_names()


def female_surname(word: str) -> str:
    """Nominative of a woman's surname: one ending in a consonant does not decline ('Ana
    Brnabić', 'sa Nensi Fezer'); one in -a declines as a feminine noun ('Zaharovom', 'Zaharovoj',
    'Zaharove' -> 'Zaharova'; 'Kamikavom' -> 'Kamikava'), where lemmagen3 reads a man's 'Zaharov'."""
    for ending in FEMININE_SURNAME_ENDINGS:
        stem = word[: -len(ending)]
        if word.endswith(ending) and len(stem) >= 3 and stem[-1].lower() not in "aeiou":
            return stem + "a"
    return word


def normal_form(toks: list[Tok], type_: str, head: int = 0, nominative: bool = False) -> str:
    """Nominative of a name: persons word by word, places with adjective agreement, organisations
    with the head noun in the nominative and the genitive tail as written. A person named in a
    nominative context is kept as written: lemmagen3 knows few foreign names and 'lemmatises'
    nominatives ('Edi Rama' -> 'Edi Ra', 'Fumio Kišida' -> 'Fumiti Kišid')."""
    words = [t.title for t in toks]
    if type_ == "PER" and nominative:
        return " ".join(words)
    if type_ == "PER":
        out = [lemma(w) if w not in CONNECTORS else w for w in words]
        # a man's surname in the instrumental ('Šandorom Pinterom'): lemmagen3 guesses 'Pintera'
        if len(out) > 1 and not out[0].endswith("a"):
            for k in range(1, len(out)):
                w = words[k]
                if w.endswith(("om", "em")) and out[k] == w[:-2] + "a":
                    out[k] = w[:-2]
        if len(out) > 1 and (is_female_first_name(out[0]) or is_female_first_name(words[0])):
            out[0] = words[0] if is_female_first_name(words[0]) else out[0]
            out[1:] = [female_surname(w) for w in words[1:]]
        return " ".join(out)
    if type_ == "ORG":
        if toks[head].allcaps:  # MUP-a -> MUP
            first = toks[head].lat.split("-")[0]
        else:
            first = lemma(words[head])
        rest = ""
        for k in range(head + 1, len(toks)):
            rest += (" " if toks[k].start > toks[k - 1].end else "") + toks[k].lat
        return first + rest
    # LOC: head noun last; adjectives before it agree with it
    lemmas = [lemma(w) for w in words]
    if len(words) > 1:
        head_lemma = lemmas[-1]
        gender_end = "a" if head_lemma.endswith("a") else ("o" if head_lemma.endswith(("o", "e")) else "i")
        for i, w in enumerate(words[:-1]):
            if lower_lemma(w).endswith("i") or lemmas[i].endswith(("ski", "čki", "ški")):
                stem = w
                for e in ADJ_ENDINGS:
                    if stem.lower().endswith(e) and len(stem) - len(e) >= 3:
                        stem = stem[: -len(e)]
                        break
                lemmas[i] = stem + gender_end
    return " ".join(lemmas)


class Recogniser:
    def __init__(self, doc: Article, gaz: list[Mention]):
        self.doc = doc
        self.gaz = gaz
        self.sents = tokens_of(doc, gaz)
        self.lower_words = {t.lat.lower() for s in self.sents for t in s if t.lat[:1].islower()}
        self.cap_words = {skeleton(lemma(t.lat)) for s in self.sents for t in s if t.cap and not t.allcaps}
        self.mentions: list[Mention] = []
        self.deferred: list[tuple[list[Tok], bool]] = []

    def add(self, toks: list[Tok], type_: str, head: int = 0, nominative: bool = False) -> None:
        if toks and toks[-1].lat == "(":
            toks = toks[:-1]
        m = make(self.doc.text, toks[0].start, toks[-1].end, type_, "sr-rules")
        if m is None:
            return
        normal = normal_form(toks, type_, head, nominative)
        if has_cyrillic(m.text):
            normal = sr_to_cyrillic(normal)
        m.normal = normal
        self.mentions.append(m)

    def initial(self, toks: list[Tok], i: int) -> bool:
        j = i - 1
        while j >= 0 and toks[j].lat in OPENERS:
            return True
        return i == 0

    def run(self) -> list[Mention]:
        for toks in self.sents:
            self.sentence(toks)
        self.normalise_gazetteer()
        self.resolve_deferred()
        self.fix_person_normals()
        return self.mentions

    def sentence(self, toks: list[Tok]) -> None:
        caps = is_caps_sentence(toks)
        i, n = 0, len(toks)
        while i < n:
            t = toks[i]
            if not t.cap or not any(c.isalpha() for c in t.lat):
                i += 1
                continue
            # organisation names: a capitalised head noun, lower-case genitives, a country
            if is_org_head(t.title) and not caps and not t.allcaps:
                j = self.org_phrase(toks, i)
                if j > i + 1 and (not t.kb or any(not x.kb for x in toks[i:j])):
                    self.add(toks[i:j], "ORG")
                    i = j
                    continue
            if t.kb:
                i += 1
                continue
            if is_org_head(t.title) and not caps:
                j = self.org_phrase(toks, i)
                if j > i + 1 or not self.initial(toks, i):
                    self.add(toks[i:j], "ORG")
                i = max(j, i + 1)
                continue
            # a run of capitalised words (with name connectors such as "de")
            j = i + 1
            while j < n and not toks[j].kb and not (is_first_name(toks[j].title) and not is_first_name(toks[j - 1].title)) and (
                    (toks[j].cap and not is_org_head(toks[j].title) and toks[j].lat not in OPENERS)
                    or (toks[j].lat in CONNECTORS and j + 1 < n and toks[j + 1].cap)):
                if caps and not self.evidence(toks[j]):
                    break
                j += 1
            self.name_run(toks, i, j, caps)
            i = j

    def org_phrase(self, toks: list[Tok], i: int) -> int:
        j, n, lower = i + 1, len(toks), 0
        while j < n and lower < 3:
            w = toks[j].lat
            if w[:1].islower() and w.lower().endswith(MODIFIER_ENDINGS) and not is_stopword(w) \
                    and not is_verb_form(w) and not w.lower().endswith(("lo", "la", "li")):
                j += 1
                lower += 1
            else:
                break
        if j + 2 < n and toks[j].lat == "(" and ACRONYM.match(toks[j + 1].lat) and toks[j + 2].lat == ")":
            j += 3
        k = j
        while k < n and k - j < 3 and toks[k].cap and not is_first_name(toks[k].title) \
                and not title_sector(toks[k].title) and not is_org_head(toks[k].title) \
                and not has_surname_ending(toks[k].title, weak=True):
            k += 1
        return k

    def nominative_context(self, toks: list[Tok], i: int, j: int) -> bool:
        """Whether the name toks[i:j] stands in the nominative: after a title in its base form
        ('ministar unutrašnjih poslova Nemačke Nensi Fezer'; 'ministra' says otherwise), or
        opening a clause before its past participle ('Edi Rama je izjavio')."""
        for k in range(i - 1, max(i - 6, -1), -1):
            word = toks[k].lat.lower()
            if word in knowledge.titles(LANG):
                return True
            if title_sector(word) or not word[:1].isalpha():
                break
        # before its participle, opening the clause ('Edi Rama je izjavio', 'U ponedeljak je Edi Rama
        # izjavio'); after a noun the name is its genitive ('Izjava Marije Zaharove izazvala je')
        aux = knowledge.words(LANG, "auxiliaries.txt")
        opens_clause = i == 0 or toks[i - 1].lat.lower() in aux or not toks[i - 1].lat[:1].isalpha()
        if not opens_clause:
            return False
        # a few words may come between ('Edi Rama je danas izjavio', 'je Kišida na konferenciji rekao')
        for k in range(j, min(j + 6, len(toks))):
            if is_l_participle(toks[k].lat):
                return True
            if not toks[k].lat[:1].isalpha():
                break
        return False

    def evidence(self, t: Tok) -> bool:
        w = t.title
        return t.kb or is_first_name(w) or has_surname_ending(w)

    def name_run(self, toks: list[Tok], i: int, j: int, caps: bool) -> None:
        # leading titles and sentence-opening function words are not part of the name
        titled = i > 0 and title_sector(toks[i - 1].lat)
        while i < j and (title_sector(toks[i].title) or is_stopword(toks[i].title)):
            titled = titled or title_sector(toks[i].title)
            i += 1
        if i >= j:
            return
        run = toks[i:j]
        words = [t.title for t in run]
        is_initial = self.initial(toks, i)
        before = toks[i - 1].lat.lower() if i > 0 else ""
        # an acronym in running text ("MUP", "BIA", "MUP-a")
        if len(run) == 1 and ACRONYM.match(run[0].lat) and not caps and not is_stopword(run[0].lat.split("-")[0]):
            if skeleton(words[0]) in self.cap_words:  # a headline's "VULIN" where the text says "Vulin"
                self.deferred.append((run, is_initial))
                return
            self.add(run, "ORG")
            return
        first = any(is_first_name(w) for w in words)
        adjective = is_adjective_form(words[0]) and len(run) > 1
        person = (titled and not adjective) or first or (not adjective and (has_surname_ending(words[-1]) or (
            len(run) > 1 and has_surname_ending(words[-1], weak=True))))
        if person and not (is_initial and len(run) == 1 and is_verb_form(words[0])):
            if not (len(run) == 1 and run[0].allcaps and not caps and not has_surname_ending(words[0]) and not titled):
                self.add(run, "PER", nominative=self.nominative_context(toks, i, j))
                return
        if before in knowledge.words(LANG, "loc_prepositions.txt") and not is_initial:
            self.add(run, "LOC")
            return
        if i > 0 and lower_lemma(toks[i - 1].lat) in knowledge.words(LANG, "place_nouns.txt"):
            self.add(run, "LOC")
            return
        if len(run) == 1 and "-" in run[0].lat and all(p[:1].isupper() for p in run[0].lat.split("-") if p):
            self.add(run, "LOC")  # Horgoš-Reske
            return
        if is_initial or caps:
            if len(run) == 1 and not is_verb_form(words[0]) and not is_stopword(words[0]):
                self.deferred.append((run, is_initial))
            elif len(run) > 1:
                # drop the capitalised opener, keep the rest as its own run
                rest = [t for t in run[1:]]
                if rest and not caps and not is_verb_form(rest[0].title):
                    self.deferred.append((rest, False))
            return
        if len(run) >= 2:
            if adjective:
                self.add(run, "LOC")
            else:
                self.add(run, "PER", nominative=self.nominative_context(toks, i, j))
        else:
            self.deferred.append((run, False))

    def resolve_deferred(self) -> None:
        """A word left undecided is a name when the document uses it as one elsewhere."""
        known: dict[str, str] = {}
        for m in self.mentions:
            if m.type == "PER":
                known.setdefault(skeleton(m.normal.split()[-1]), "PER")
            else:
                known.setdefault(skeleton(m.normal), m.type)
        for g in self.gaz:
            for w in g.text.split():
                known.setdefault(skeleton(lemma(sr_to_latin(w))), g.type)
        for run, initial in self.deferred:
            words = [t.title for t in run]
            if len(run) == 1 and words[0].lower() in self.lower_words:
                continue
            key = skeleton(lemma(words[-1]))
            type_ = known.get(key) or known.get(skeleton(words[-1]))
            if type_ is None:
                stem = skeleton(words[-1])
                for k, v in known.items():
                    if v == "PER" and len(k) >= 4 and (
                            (stem.startswith(k) and len(stem) - len(k) <= 3) or (k.startswith(stem) and len(k) - len(stem) <= 1)):
                        type_ = v
                        break
            if type_ is not None:
                self.add(run, type_)

    def normalise_gazetteer(self) -> None:
        """KB matches get the same normal forms as the rules' own mentions."""
        # a sentence none of whose tokens starts before the match ends and ends after it starts
        # holds none of its tokens: skipped without a scan of its tokens
        bounds = [(min((t.start for t in toks), default=0), max((t.end for t in toks), default=-1))
                  for toks in self.sents]
        for g in self.gaz:
            if g.normal != g.text:
                continue
            for toks, (lo, hi) in zip(self.sents, bounds):
                if lo > g.end or hi < g.start:
                    continue
                idx = [k for k, t in enumerate(toks) if g.start <= t.start and t.end <= g.end]
                if idx:
                    nominative = g.type == "PER" and self.nominative_context(toks, idx[0], idx[-1] + 1)
                    normal = normal_form(toks[idx[0]:idx[-1] + 1], g.type, nominative=nominative)
                    g.normal = sr_to_cyrillic(normal) if has_cyrillic(g.text) else normal
                    break

    def fix_person_normals(self) -> None:
        """lemmagen3 guesses unknown surnames ('Pinterom' -> 'Pintera'); the document's own
        nominative, when it has one, is the better normal form."""
        forms = {w for m in self.mentions if m.type == "PER" for w in m.text.split()}
        forms_lat = {sr_to_latin(w) for w in forms}
        for m in self.mentions:
            if m.type != "PER":
                continue
            fixed = []
            for w in m.normal.split():
                lat = sr_to_latin(w)
                if lat not in forms_lat and lat.endswith("a") and lat[:-1] in forms_lat:
                    w = w[:-1]
                fixed.append(w)
            m.normal = " ".join(fixed)
        self.mentions.sort(key=lambda m: m.start)


def gazetteer(doc: Article) -> list[Mention]:
    """KB matches over the body; the KB reads Serbian Cyrillic and Latin alike."""
    from ...ner.spans import gazetteer as kb_spans

    return kb_spans(doc, LANG)


def recognise(doc: Article, gaz: list[Mention] | None = None) -> list[Mention]:
    return Recogniser(doc, gaz if gaz is not None else []).run()


def retype(m: Mention) -> str:
    return m.type


# -- word features for institution names (accord.ner.institutions) ------------------------
@lru_cache(maxsize=50000)
def features(word: str) -> Features:
    """Serbian (either script) word features from lemmagen3 and case endings, for the shared
    institution rule ('Аустријско министарство унутрашњих послова', 'Službe za borbu ...')."""
    if not any(c.isalpha() for c in word):
        return Features()
    lat = sr_to_latin(word) if has_cyrillic(word) else word
    low = lat.lower()
    heads = institutions.heads(LANG)
    head_lemma = lower_lemma(low)
    head = head_lemma in heads or low in heads
    country = knowledge.country_from_word(word, LANG)
    verb = is_verb_form(lat) or (low.endswith(("ti", "ći")) and head_lemma == low)  # infinitives: 'zatražiti'
    adj = not head and not verb and (head_lemma.endswith(("ski", "čki", "ški", "ni", "ji")) or (
        len(low) > 4 and low.endswith(ADJECTIVE_FORM_ENDINGS + ("no", "ko", "sko"))))
    gen = low.endswith(MODIFIER_ENDINGS) and not is_stopword(lat) and not verb and not low.endswith(("lo", "la", "li"))
    return Features(head=head, cap_only=heads.get(head_lemma, heads.get(low, False)) if head else False,
                    adj=adj, gen=gen, country=country, verb=verb, key=low, lemma=head_lemma,
                    plural=head and low.endswith(PLURAL_OBLIQUE))


PLURAL_OBLIQUE = ("ama", "ima", "ovima", "evima")  # 'službama', 'organima': several bodies


def nominative(word: str, head: Features) -> str:
    """The nominative lemma (lemmagen3), in the word's script and capitalisation; an adjective
    agrees with its head ('Evropske komisije' -> 'Evropska komisija', not 'Evropski')."""
    lat = sr_to_latin(word) if has_cyrillic(word) else word
    out = lemma(lat)
    if not features(word).head and out.lower().endswith("i") and head.lemma and not head.lemma.endswith(("i", "r", "n", "t", "d", "s", "k", "v", "l", "m", "j", "c")):
        out = out[:-1] + ("a" if head.lemma.endswith("a") else "o")
    if lat[:1].isupper():
        out = out[:1].upper() + out[1:]
    return sr_to_cyrillic(out) if has_cyrillic(word) else out
