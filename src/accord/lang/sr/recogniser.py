"""Serbian NER (Latin and Cyrillic): the shipped model's spans (model_spans, ner_model/) combined
with the rules here (combination: the model proposes, the KB links, the rules fix what the model
cannot know). The rules' own scan, kept for what the model misses and for what it cannot know:

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

Modules: `tokens` (the tokens read, in Latin), `evidence` (what one word says), `normal_forms`
(a name's nominative), `institution_words` (word features for accord.ner.institutions),
`model_spans` (the model's spans), `combination` (model + rules); here, the rules' scan over the
sentences and the hooks of the entities stage.
"""
from __future__ import annotations

import re

from ...doc import Article, Mention
from ...ner import knowledge
from ...ner.spans import make
from ...translit import has_cyrillic, skeleton, sr_to_cyrillic, sr_to_latin
from .evidence import (LANG, MODIFIER_ENDINGS, has_surname_ending, is_adjective_form, is_first_name, is_l_participle,
                       is_org_head, is_stopword, is_verb_form, lemma, lower_lemma, title_sector)
from .institution_words import features, nominative
from .normal_forms import CONNECTORS, normal_form
from .tokens import Tok, is_caps_sentence, tokens_of

__all__ = ["features", "gazetteer", "nominative", "recognise", "retype"]  # the entities stage's hooks

OPENERS = set('"“„«»‘‚\'-–—:(') | {"...", "…"}
ACRONYM = re.compile(r"^[A-ZČĆŠŽĐ]{2,6}(-[a-zčćšžđ]{1,4})?$")


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
        m = self.mention(toks, type_, head, nominative)
        if m is not None:
            self.mentions.append(m)

    def mention(self, toks: list[Tok], type_: str, head: int = 0, nominative: bool = False,
                source: str = "sr-rules") -> Mention | None:
        """A mention over toks with its normal form (Cyrillic text keeps a Cyrillic normal form)."""
        if toks and toks[-1].lat == "(":
            toks = toks[:-1]
        if not toks:
            return None
        m = make(self.doc.text, toks[0].start, toks[-1].end, type_, source, lang=self.doc.lang)
        if m is None:
            return None
        normal = normal_form(toks, type_, head, nominative)
        if has_cyrillic(m.text):
            normal = sr_to_cyrillic(normal)
        m.normal = normal
        return m

    def mention_over(self, start: int, end: int, type_: str, source: str) -> Mention | None:
        """A mention over the tokens of one sentence that [start, end) touches (a span cut inside
        a token takes the whole token), its normal form as the rules' own mentions get it."""
        for toks in self.sents:
            if not toks or toks[-1].end <= start or toks[0].start >= end:
                continue
            idx = [k for k, t in enumerate(toks) if t.start < end and start < t.end]
            if not idx:
                continue
            i, j = idx[0], idx[-1] + 1
            nominative = type_ == "PER" and self.nominative_context(toks, i, j)
            return self.mention(toks[i:j], type_, nominative=nominative, source=source)
        return None

    def initial(self, toks: list[Tok], i: int) -> bool:
        j = i - 1
        while j >= 0 and toks[j].lat in OPENERS:
            return True
        return i == 0

    def run(self) -> list[Mention]:
        self.scan()
        return self.finish()

    def scan(self) -> list[Mention]:
        """The rules' own mentions (the sentences, then the words the document decides)."""
        for toks in self.sents:
            self.sentence(toks)
        self.resolve_deferred()
        return self.mentions

    def finish(self) -> list[Mention]:
        """Normal forms of the KB matches and of persons, over whatever `mentions` now holds."""
        self.normalise_gazetteer()
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
            if run[0].lat.split("-")[0].casefold() in knowledge.words(LANG, "acronyms_common.txt"):
                return  # a common noun's abbreviation ('BDP-a', 'PDV', 'IT usluge'), learned from UNER train
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
            if g.type == "LOC" and " " in g.text:
                continue  # a word of a place's name is no place ('Novi' of 'Novi Sad')
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
    """KB matches over the body; the KB reads Serbian Cyrillic and Latin alike. A country word of
    adjective form before the lower-case word it qualifies is the adjective, no mention of the
    place: a masculine one always ('Turski pisac', 'Grčki su novinari': a country's name is
    feminine), a feminine nominative before a title ('Hrvatska premijerka'; 'Hrvatska ima',
    'perspektive Hrvatske vezane' stay the country)."""
    from ...ner.spans import gazetteer as kb_spans

    return [g for g in kb_spans(doc, LANG) if not _adjective_before_noun(doc.text, g)]


def _adjective_before_noun(text: str, g: Mention) -> bool:
    if g.type != "LOC" or " " in g.text or g.text.isupper() or text[g.end:g.end + 1] != " " \
            or not any(c.startswith("country:") for c in g.candidates):
        return False
    nxt = re.match(r"\w+", text[g.end + 1:g.end + 40])
    word, low = (sr_to_latin(nxt.group()), sr_to_latin(g.text).lower()) if nxt is not None else ("", "")
    if not (word[:1].islower() and word.isalpha()):
        return False
    if low.endswith(("ski", "čki", "ški")):
        return True
    return low.endswith(("ska", "čka", "ška")) and (word in knowledge.titles(LANG) or lower_lemma(word) in knowledge.titles(LANG))


MODES = ("rules", "model", "combined")
MODE = "combined"  # eval/ner_sr.py sets 'rules' (the recogniser before the model) or 'model' to compare


def recognise(doc: Article, gaz: list[Mention] | None = None) -> list[Mention]:
    """The rules' mentions and the model's spans, combined (accord.lang.sr.combination)."""
    rec = Recogniser(doc, gaz if gaz is not None else [])
    if MODE == "rules":
        return rec.run()
    from . import combination, model_spans

    return combination.combine(rec, model_spans.of(doc), MODE)


def retype(m: Mention) -> str:
    """What the rest of a model span after a KB place that opens it is (accord.ner.spans.merge):
    a person's name stays whole, for a first name is often a place's name in a case form
    ('Milana Kolića', 'Luke Modrića', 'Save Šumanovića'); '' keeps the model's span."""
    return "" if m.type == "PER" else m.type


def after_institutions(doc: Article, mentions: list[Mention]) -> list[Mention]:
    """Abbreviations in apposition and short names of bodies named in full (lang/sr/apposition.py)."""
    from .apposition import after_institutions as run

    return run(doc, mentions)
