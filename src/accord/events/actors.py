"""Who did it to whom: actor candidates in a sentence and their PLOVER roles around a trigger.

Candidates are the sentence's entity mentions that carry a country or an entity (a city is a
place, used as recipient only when nothing else is), plus "we/our/мы/naši" inside a quote, which
stands for the quote's speaker. Coordinated candidates ("Chinese and Serbian policemen",
"Россия и Сербия") form one compound side. Roles come from the parse where one exists (the
trigger's subject is the actor, its object or oblique the recipient) and otherwise from word
order and the language's role words (on/against/with, против/с, protiv/sa).

Convention for international actors (the output schema's "organisation code such as EU, UN,
NATO"): an actor with no state of its own whose KB entry carries one of PLOVER's non-state
codes (`KBEntry.code` IGO, UNO, EUR, ...) gets in `Actor.country` the short code of the
organisation at the top of its KB parent chain: that entry's reviewed `org_code` (EU, UN, NATO,
OSCE, CSTO, G7, COE, WB; INTERPOL; EUROPOL would be its own, but Europol's parent is the EU;
scripts/build_kb.py refuses a non-state organisation without one). So Europol, Frontex and the European Commission act as EU, UNHCR and the IAEA as UN, KFOR and
Stoltenberg as NATO; `Actor.entity` keeps the body itself, and PLOVER's generic code stays in
the KB for an export that wants it (`organisation_code(...)` vs `KBEntry.code`). A state
actor always keeps its ISO alpha-3 code; `is_state` tells the two apart.

Implicit subjects: a personal pronoun ("He accused", "Он обвинил", "On je optužio") and, in a
language whose past verbs agree in gender (lang/<code>/verb_gender.tsv), a finite verb with no
subject ("Optužio je Vašington", "Обвинил Вашингтон") stand for the most recent person of that
gender named before, in the same paragraph or the previous one (the quote stage's pronoun
resolution, accord.quotes.speakers). Case roles: after a noun listed as `source-of` in
event_roles.tsv ("санкции США", "sankcije SAD", "Russia's sanctions") the bare genitive (ru:
the parse's nmod; sr: the word right after it with a genitive ending) is the one who acts,
"против/protiv/against X" the target. An ethnic group ("Kosovo Albanians", "kosovski Albanci",
"Albanians of southern Serbia") is a group of the place that qualifies it, never the kin state.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from ..doc import Actor, Article, Entity
from ..lang import load_list, load_tsv
from ..translit import fold
from . import lexicon
from .analysis import Tok

NON_STATE_CODES = frozenset({"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC"})  # PLOVER's generic codes
SUBJECT_DEPS = {"nsubj", "csubj", "nsubj:pass", "agent", "obl:agent"}
PASSIVE_SUBJECT_DEPS = {"nsubjpass", "nsubj:pass"}
PLACE_REACH = 4  # a place abroad right after the trigger is its host or scene ("visit to Moscow")
PLACE_BEFORE = 2
GROUP_GAP = 3  # words between an ethnic group and its place ("Albanians of southern Serbia")
ZERO_LEAD = 3  # words a subjectless verb may follow in its clause ("Juče je optužio")
CLAUSE_PUNCT = frozenset(",;:–—()\"«»„“”")
OWNER_DEPS = {"nmod", "nmod:poss", "poss", "amod"}  # a noun's possessor / genitive / nationality adjective
CITY_OBJECT_DEPS = {"obj", "dobj", "iobj", "dative"}  # a bare object, no preposition ("asked Washington to")
OBJECT_DEPS = {"dobj", "obj", "iobj", "dative", "pobj", "obl", "nmod", "prep", "pcomp"}


@dataclass
class Candidate:
    first: int  # token index range (inclusive)
    last: int
    actor: Actor
    place: bool = False  # a city or other place that is not a country
    we: bool = False
    role_hint: str | None = None  # target | agent | location, from the word before it
    implicit: bool = False  # a pronoun or a subjectless verb standing for a person named before
    zero: bool = False  # the subjectless verb itself (token range = the verb)
    owner_of: int | None = None  # token index of the `source-of` noun whose genitive this is
    border: bool = False  # names the far side of a border ("the border with North Macedonia"): a place

    @property
    def key(self) -> str:
        return self.actor.entity or self.actor.country or (self.actor.text or "")


@dataclass
class Side:
    members: list[Candidate] = field(default_factory=list)

    @property
    def first(self) -> int:
        return self.members[0].first

    @property
    def last(self) -> int:
        return self.members[-1].last

    def actors(self) -> list[Actor]:
        seen, out = set(), []
        for c in self.members:
            k = c.actor.country or c.actor.entity or c.actor.text
            if k in seen:
                # keep the more specific actor (a named entity over an adjective) for one country
                for n, a in enumerate(out):
                    if (a.country or a.entity or a.text) == k and a.entity is None and c.actor.entity:
                        out[n] = c.actor
                continue
            seen.add(k)
            out.append(c.actor)
        return out


@lru_cache(maxsize=1)
def _country_names() -> frozenset[str]:
    """English names of countries (CLDR via babel): tells a country entity from a city."""
    try:
        from babel import Locale

        from ..lang import DISPLAY

        names = set(Locale(DISPLAY).territories.values())
    except Exception:  # babel missing its data: treat every LOC as a possible country
        return frozenset()
    import pycountry

    for c in pycountry.countries:
        names |= {c.name, getattr(c, "common_name", c.name), getattr(c, "official_name", c.name), c.alpha_3, c.alpha_2}
    return frozenset(n.casefold() for n in names)


def is_place(entity: Entity | None, mention_type: str) -> bool:
    if mention_type != "LOC" and (entity is None or entity.type != "LOC"):
        return False
    names = _country_names()
    if not names or entity is None:
        return False
    return entity.name.casefold() not in names and not entity.id.lower().startswith(("kb:country", "country:"))


@lru_cache(maxsize=4096)
def organisation_code(entity_id: str | None) -> str | None:
    """The organisation code of a KB actor with no state (see the module docstring), else None."""
    kb = _kb()
    entry = kb.get(entity_id) if kb is not None and entity_id else None
    if entry is None or entry.country or entry.code not in NON_STATE_CODES:
        return None
    seen = {entry.id}
    while entry.parent and entry.parent not in seen:
        parent = kb.get(entry.parent)
        if parent is None or parent.country or parent.code not in NON_STATE_CODES or parent.type != "ORG":
            break
        seen.add(parent.id)
        entry = parent
    if entry.type != "ORG":
        return None  # a person attached to no organisation in the KB
    return entry.org_code


@lru_cache(maxsize=1)
def _organisation_codes() -> frozenset[str]:
    kb = _kb()
    if kb is None:
        return frozenset()
    return frozenset(c for c in (organisation_code(e.id) for e in kb if e.code in NON_STATE_CODES) if c)


def is_state(code: str | None) -> bool:
    """An ISO alpha-3 country code, not an organisation's code (EU, NATO) and not None."""
    return bool(code) and code not in _organisation_codes() and code not in NON_STATE_CODES


def actor_country(ent: Entity | None, mention_country: str | None = None) -> str | None:
    """The entity's country, else the mention's, else its organisation code."""
    if ent is not None and ent.country:
        return ent.country
    return mention_country or (organisation_code(ent.id) if ent is not None else None)


def _token_range(toks: list[Tok], start: int, end: int) -> tuple[int, int] | None:
    idx = [t.i for t in toks if t.start < end and start < t.end]
    return (idx[0], idx[-1]) if idx else None


def speaker_actor(doc: Article, offset: int) -> Actor | None:
    """The speaker's side when `offset` lies inside a quote with a known speaker."""
    for q in doc.quotes:
        if q.start <= offset < q.end and q.speaker:
            ent = doc.entity(q.speaker)
            if ent is not None and (ent.country or ent.id):
                return Actor(entity=ent.id, country=actor_country(ent), sector=ent.sector, text=q.speaker_text or ent.name)
    return None


def candidates(doc: Article, toks: list[Tok], lang: str) -> list[Candidate]:
    if not toks:
        return []
    s_start, s_end = toks[0].start, toks[-1].end
    out: list[Candidate] = []
    taken: set[int] = set()
    for m in sorted(doc.mentions, key=lambda m: m.start):
        if m.end <= s_start or m.start >= s_end:
            continue
        ent = doc.entity(m.entity)
        country = actor_country(ent, m.country)
        worded = None
        if country is None and " " not in m.text.strip() and _kb() is not None:
            # "Američka strana": a one-word mention the entities stage left without a country that is a
            # country name or nationality adjective is that country
            worded = country = _kb().country_from_word(m.text.strip(), lang)
        if country is None and ent is None:
            continue
        rng = _token_range(toks, m.start, m.end)
        if rng is None or set(range(rng[0], rng[1] + 1)) & taken:
            continue
        taken |= set(range(rng[0], rng[1] + 1))
        actor = Actor(entity=ent.id if ent else None, country=country, sector=ent.sector if ent else None, text=m.text)
        place = is_place(ent, m.type) and worded is None
        if place and any(toks[j].dep in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS | CITY_OBJECT_DEPS for j in range(rng[0], rng[1] + 1)):
            place = False  # "Belgrade has asked", "Москва ценит", "asked Washington": a capital as subject or object speaks for its government
        out.append(Candidate(rng[0], rng[1], actor, place=place))
    # country names and nationality adjectives the entities stage left as plain words
    kb = _kb()
    if kb is not None:
        for t in toks:
            if t.i in taken or len(t.text) < 3 or not t.text.isalpha():
                continue
            if t.text[:1].islower() and not _lowercase_adjective(t, lang, kb):
                continue  # "кроме того" is no Togo: lower case names a country only as an adjective
            iso = kb.country_from_word(t.text, lang)
            if iso:
                taken.add(t.i)
                out.append(Candidate(t.i, t.i, Actor(country=iso, text=t.text)))
    # first person plural inside a quote: the speaker's side
    roles = lexicon.select(lexicon.roles(lang).find(toks))
    for m in roles:
        if m.pattern.label != "we" or m.first in taken:
            continue
        spk = speaker_actor(doc, toks[m.first].start)
        if spk is not None:
            out.append(Candidate(m.first, m.last, spk, we=True))
    out = _ethnic_groups(out, toks, lang, doc, lexicon.roles(lang).find(toks))  # every reading: 'sa' is origin and target
    taken = {j for c in out for j in range(c.first, c.last + 1)}
    out += _implicit_subjects(doc, toks, lang, taken, out)
    out.sort(key=lambda c: c.first)
    _mark_role_words(out, toks, lang)
    _mark_owners(out, toks, lang, roles)
    _mark_borders(out, toks, lexicon.roles(lang).find(toks))  # unselected: 'sa' is a target word and a border link
    return out


def _mark_borders(cands: list[Candidate], toks: list[Tok], roles: list[lexicon.Match]) -> None:
    """A country that qualifies a border ("the border with North Macedonia", "на границе с Польшей",
    "na granici Bugarske i Turske") says where something happens, not who takes part: it becomes a
    place (and no host). Its coordinated neighbours ("with North Macedonia and Bulgaria") too."""
    borders = [m.last for m in roles if m.pattern.label == "border"]
    if not borders:
        return
    links = {j for m in roles if m.pattern.label in ("border-link", "coord") for j in m.tokens}
    inside = {j for c in cands for j in range(c.first, c.last + 1)}
    for b in borders:
        if b in inside:  # "Border Police Directorate of Serbia": the noun names an actor
            continue
        k = b + 1
        for c in cands:
            if c.first < k:
                continue
            if c.first - k > 2 or any(j not in links and toks[j].text != "," for j in range(k, c.first)):
                break
            c.place, c.border, c.role_hint = True, True, "location"
            k = c.last + 1


# ---------------------------------------------------------------- ethnic groups

@lru_cache(maxsize=None)
def _people_forms(lang: str) -> dict[str, str]:
    """Demonym nouns (lower case) -> ISO3, from the KB's nationality table (kind 'people'), less
    the forms that are adjectives too ("Russian")."""
    from importlib import resources

    from ..lang import get as language

    found = language(lang)
    want = (found.kb_table_lang or found.kb_lang) if found is not None else lang
    people: dict[str, str] = {}
    adjectives: set[str] = set()
    try:
        text = (resources.files("accord.data.kb") / "adjectives.tsv").read_text(encoding="utf-8")
    except (FileNotFoundError, OSError):
        return {}
    for line in text.splitlines():
        cols = line.split("\t")
        if line.startswith(("#", "@")) or len(cols) < 4 or cols[1] != want:
            continue
        forms = {f.strip().lower() for f in cols[3].split("|") if f.strip()}
        if cols[2] == "people":
            people.update((f, cols[0]) for f in forms)
        else:
            adjectives |= forms
    return {f: iso for f, iso in people.items() if f not in adjectives}


def _demonym(t: Tok, lang: str) -> str | None:
    forms = _people_forms(lang)
    return forms.get(t.low) or forms.get(t.lemma)


def _ethnic_groups(cands: list[Candidate], toks: list[Tok], lang: str, doc: Article,
                   roles: list[lexicon.Match]) -> list[Candidate]:
    """An ethnic group is not its kin state: "Kosovo Albanians", "kosovski Albanci", "Albanians of
    southern Serbia" are people of the place that qualifies them (XKX, SRB); "ethnic Albanians"
    with no place are of no state (the candidate keeps only its entity, or goes)."""
    origin = {j for m in roles if m.pattern.label == "origin" for j in m.tokens}
    ethnic = {j for m in roles if m.pattern.label == "ethnic" for j in m.tokens}
    kb = _kb()
    out = list(cands)
    for c in cands:
        if c not in out or c.place or c.we or not c.actor.country:
            continue
        kin = c.actor.country
        demonyms = [j for j in range(c.first, c.last + 1) if _demonym(toks[j], lang) == kin]
        if not demonyms:
            continue
        d = demonyms[-1]
        place, lo, hi, absorbed = None, c.first, c.last, None
        inside = [kb.country_from_word(toks[j].text, lang) for j in range(c.first, c.last + 1) if j != d] if kb else []
        place = next((iso for iso in inside if iso and iso != kin), None)
        if place is None:
            before = next((x for x in out if x is not c and x.last == c.first - 1 and not x.we), None)
            after = next((x for x in out if x is not c and x.first > d and x.first - d - 1 <= GROUP_GAP
                          and all(j in origin for j in range(d + 1, x.first))), None)
            for x in (before, after):
                if x is not None and x.actor.country and x.actor.country != kin:
                    place, absorbed = x.actor.country, x
                    lo, hi = min(lo, x.first), max(hi, x.last)
                    break
        marked = any(j in ethnic for j in range(max(0, c.first - 2), c.last + 1))
        if place is None and not marked:
            continue  # "Albanians protested": the text names no other home, the kin reading stays
        if absorbed is not None:
            out.remove(absorbed)
        if place is None and c.actor.entity is None:
            out.remove(c)
            continue
        text = doc.text[toks[lo].start:toks[hi].end]
        group = Candidate(lo, hi, Actor(entity=c.actor.entity, country=place, sector=c.actor.sector, text=text))
        out[out.index(c)] = group
    return out


# ---------------------------------------------------------------- pronouns and zero subjects

@lru_cache(maxsize=None)
def _pronouns(lang: str) -> dict[str, str]:
    """Subject pronoun -> gender (m, f), from the quote stage's pronoun table."""
    from ..quotes.lexicon import lexicon as quote_lexicon

    items = quote_lexicon(lang).pronouns.items
    return {words[0]: g for words, g in items if len(words) == 1 and g in ("m", "f")}


@lru_cache(maxsize=None)
def _object_pronouns(lang: str) -> dict[str, str]:
    """Object pronouns that name a person and nothing else (event_roles.tsv object-m, object-f): "him",
    "ga", "mu", "ему"; forms that are also possessives ("his", "его", "её") are left out."""
    out = {}
    for r in load_tsv(lang, "event_roles.tsv"):
        if len(r) > 1 and r[1] in ("object-m", "object-f"):
            out[fold(r[0])] = r[1][-1]
    return out


@lru_cache(maxsize=None)
def _verb_genders(lang: str) -> tuple[tuple[str, str], ...]:
    from ..quotes.lexicon import lexicon as quote_lexicon

    return quote_lexicon(lang).verb_gender


def _verb_gender(t: Tok, lang: str) -> str | None:
    word = fold(t.low)
    for suffix, g in _verb_genders(lang):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            return g
    return None


_SPEAKERS: list = []  # [(doc, mention count, Speakers)]: the last article's resolver


def _speakers(doc: Article):
    from ..quotes.speakers import Speakers

    if _SPEAKERS and _SPEAKERS[0][0] is doc and _SPEAKERS[0][1] == len(doc.mentions):
        return _SPEAKERS[0][2]
    sp = Speakers(doc)
    _SPEAKERS[:] = [(doc, len(doc.mentions), sp)]
    return sp


def resolve_person(doc: Article, gender: str, anchor: int) -> Actor | None:
    """The person a pronoun or subjectless verb at `anchor` stands for: of a gender that agrees
    (accord.quotes.speakers: `agrees`, its mention index and paragraphs), named outside quotes
    before `anchor` in the same paragraph or the previous one; from the latest sentence naming one,
    its subject where the parse tells (centering: "Lavrov met Vučić. He ..." is Lavrov), else the
    first person it names (the subject in the usual order), as an actor with a country."""
    if not doc.body:
        return None
    sp = _speakers(doc)
    here = sp.para_of(anchor)
    if here < 0:
        return None
    people = [m for m in sp.mentions if m.end <= anchor and m.type == "PER" and m.entity
              and not _in_quote(doc, m.start) and 0 <= here - sp.para_of(m.start) <= 1 and sp.agrees(m.entity, gender)]
    if not people:
        return None
    sent = next((x for x in doc.sentences if x.start <= people[-1].start < x.end), None)
    if sent is not None:
        people = [m for m in people if sent.start <= m.start < sent.end]
    subjects = [m for m in people if _is_subject(doc, sent, m)] if sent is not None else []
    pick = subjects[-1] if subjects else people[0]
    ent = doc.entity(pick.entity)
    country = actor_country(ent)
    if ent is None or country is None:
        return None
    return Actor(entity=ent.id, country=country, sector=ent.sector)


def _is_subject(doc: Article, sent, m) -> bool:
    from .analysis import sentence_tokens

    toks = sentence_tokens(doc, [sent])[0]
    return any(t.dep in SUBJECT_DEPS for t in toks if t.start < m.end and m.start < t.end)


def _in_quote(doc: Article, offset: int) -> bool:
    return any(q.start <= offset < q.end for q in doc.quotes)


def _implicit_subjects(doc: Article, toks: list[Tok], lang: str, taken: set[int],
                       cands: list[Candidate]) -> list[Candidate]:
    """Pronoun subjects and subjectless gendered verbs, each resolved to the person named before."""
    out: list[Candidate] = []
    # subject pronouns act; object pronouns ("Američka strana ga optužuje", "accused him") receive
    for table, hint in ((_pronouns(lang), None), (_object_pronouns(lang), "target")):
        for t in toks:
            g = table.get(fold(t.low))
            if g and t.i not in taken and not _in_quote(doc, t.start):
                actor = resolve_person(doc, g, t.start)
                if actor is not None:
                    out.append(Candidate(t.i, t.i, Actor(entity=actor.entity, country=actor.country,
                                                         sector=actor.sector, text=t.text),
                                         implicit=True, role_hint=hint))
    if not _verb_genders(lang):
        return out
    parsed = any(t.dep for t in toks)
    occupied = taken | {c.first for c in out}
    for t in toks:
        g = _verb_gender(t, lang)
        if g not in ("m", "f") or t.i in taken or _in_quote(doc, t.start):
            continue
        if not (_subjectless_parsed(toks, t) if parsed else _subjectless_plain(toks, t, lang, occupied)):
            continue
        actor = resolve_person(doc, g, t.start)
        if actor is not None:
            out.append(Candidate(t.i, t.i, actor, implicit=True, zero=True))
    return out


def _subjectless_parsed(toks: list[Tok], t: Tok) -> bool:
    """A finite verb of its own clause whose parse (and that of the verb it is coordinated with) has no subject."""
    if t.pos not in ("VERB", "AUX") or t.dep in ("xcomp", "amod", "acl", "acl:relcl", "csubj", "nsubj"):
        return False
    k, steps = t.i, 0
    while k != -1 and steps < 4:
        if any(u.head == k and u.dep in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS | {"expl"} for u in toks):
            return False
        if toks[k].dep != "conj":
            return True
        k, steps = toks[k].head, steps + 1
    return True


def _subjectless_plain(toks: list[Tok], t: Tok, lang: str, occupied: set[int]) -> bool:
    """Without a parse: a participle beside its auxiliary ("Optužio je", "je optužio") that opens its
    clause, with no actor, trigger or other word but a few before it."""
    aux = _aux_words(lang)
    if not any(0 <= j < len(toks) and toks[j].low in aux for j in (t.i - 1, t.i + 1)):
        return False
    triggers = {j for m in lexicon.triggers(lang).find(toks) for j in m.tokens if j != t.i}
    lead = 0
    for j in range(t.i - 1, -1, -1):
        if toks[j].text in CLAUSE_PUNCT:
            break
        if j in occupied or j in triggers or toks[j].low in _relative_words(lang):
            return False
        if toks[j].low not in aux:
            lead += 1
    return lead <= ZERO_LEAD


@lru_cache(maxsize=None)
def _role_words(lang: str, label: str) -> frozenset[str]:
    return frozenset(fold(r[0]) for r in load_tsv(lang, "event_roles.tsv") if len(r) > 1 and r[1] == label)


def _aux_words(lang: str) -> frozenset[str]:
    return _role_words(lang, "aux")


def _relative_words(lang: str) -> frozenset[str]:
    return _role_words(lang, "relative")


# ---------------------------------------------------------------- genitive owners

@lru_cache(maxsize=None)
def _genitive_endings(lang: str) -> tuple[str, ...]:
    return tuple(sorted((w[1:] for w in _role_words(lang, "genitive") if w.startswith("-")), key=len, reverse=True))


def _mark_owners(cands: list[Candidate], toks: list[Tok], lang: str, roles: list[lexicon.Match]) -> None:
    """The bare genitive after a `source-of` noun is who acts: "санкции США", "sankcije Evropske unije"."""
    nouns = [m for m in roles if m.pattern.label == "source-of"]
    if not nouns:
        return
    parsed = any(t.dep for t in toks)
    endings = _genitive_endings(lang)
    for c in cands:
        if c.place or c.implicit or c.we or c.role_hint is not None and not parsed:
            continue
        for m in nouns:
            if parsed:
                # "санкции США", "Washington's sanctions", "American sanctions"; a compound ("US sanctions")
                # only beside a marked target: "Russia sanctions" alone are often sanctions on Russia
                deps = OWNER_DEPS | ({"compound"} if any(x.role_hint == "target" for x in cands) else set())
                own = any(toks[j].head == m.last and toks[j].dep in deps for j in range(c.first, c.last + 1))
                own = own and not any(u.head in range(c.first, c.last + 1) and u.dep == "case" for u in toks)
            else:
                last = toks[c.last].text
                own = c.first == m.last + 1 and (last.isupper() or fold(toks[c.last].low).endswith(endings) if endings else False)
            if own:  # a preposition before the noun ("on the US sanctions") is the noun's, not the owner's
                c.owner_of, c.role_hint = m.last, None
                break


def _lowercase_adjective(t: Tok, lang: str, kb=None) -> bool:
    """A lower-case word may be a nationality adjective ("российскую", "srpske"), never a short word that
    happens to spell a country ("того", "toga", "mali"): the tagger says ADJ, or, without one, it is no
    stopword and its lemma is no country's own name ("male zemlje" is small countries, not Mali)."""
    if t.pos:
        return t.pos == "ADJ"
    if kb is not None and t.lemma and kb.country_name_iso(t.lemma[:1].upper() + t.lemma[1:], lang):
        return False
    return t.low not in _stopwords(lang)


@lru_cache(maxsize=None)
def _stopwords(lang: str) -> frozenset[str]:
    try:
        return frozenset(w.lower() for w in load_list(lang, "stopwords.txt"))
    except (FileNotFoundError, OSError):
        return frozenset()


@lru_cache(maxsize=1)
def _kb():
    """The knowledge base when it is built (country_from_word reads adjectives); None otherwise."""
    try:
        from ..kb import load_kb

        return load_kb()
    except Exception:  # not built yet, or unreadable: entities alone then
        return None


def _mark_role_words(cands: list[Candidate], toks: list[Tok], lang: str) -> None:
    """Note the role word (target/agent/location) right before each candidate (2 words at most)."""
    found = lexicon.select(lexicon.roles(lang).find(toks))
    by_last = {}
    relatives = {j for m in found if m.pattern.label == "relative" for j in m.tokens}
    for m in found:
        if m.pattern.label in ("target", "agent", "location", "channel"):
            by_last.setdefault(m.last, []).append(m.pattern.label)
    # role tables may list one word for two roles ("at"): keep every label, the caller decides
    for c in cands:
        for back in (1, 2, 3):
            j = c.first - back
            if j < 0:
                break
            if j in by_last:
                labels = by_last[j]
                c.role_hint = ("channel" if "channel" in labels else "agent" if "agent" in labels
                               else "target" if "target" in labels else labels[0])
                if "location" in labels and c.place:
                    c.role_hint = "location"
                break
            if toks[j].text in ",.;:!?\"«»()" or any(x.first <= j <= x.last for x in cands):
                break
            if toks[j].pos == "PRON" or j in relatives:
                break  # "на котором белорусская делегация": the preposition is the pronoun's


def group_sides(cands: list[Candidate], toks: list[Tok], lang: str, triggers: set[int] = frozenset()) -> list[Side]:
    """Candidates joined by coordination (and, и, i, commas) or adjacent form one compound side;
    a country word next to a name of the same country is one actor ("Russian ambassador Chepurin")."""
    coord_tokens = set()
    for m in lexicon.roles(lang).find(toks):
        if m.pattern.label == "coord":
            coord_tokens |= set(m.tokens)
    sides: list[Side] = []
    for c in cands:
        if c.place or c.role_hint == "channel":  # "through Interpol", "preko Interpola": a channel, no party
            continue
        if c.zero:  # a subjectless verb's person stands alone
            sides.append(Side([c]))
            continue
        if sides and not sides[-1].members[-1].zero:
            prev = sides[-1].members[-1]
            between = range(prev.last + 1, c.first)
            glue = all(j in coord_tokens or toks[j].text in {",", "-", "–"} or _is_descriptor(toks[j])
                       or _is_title(toks[j], lang) for j in between)
            # "policija Srbije i policija Mađarske": a coordinator right after the first, a head noun before the second
            glue = glue or (0 < len(between) <= 3 and between[0] in coord_tokens
                            and not any(j in triggers or not toks[j].text.isalpha() for j in between))
            same_actor = (prev.actor.country and prev.actor.country == c.actor.country and len(between) <= 3
                          and not any(j in triggers or toks[j].text in ",;:()\"«»" for j in between))
            if same_actor or glue and len(between) <= 4 and c.role_hint is None:
                sides[-1].members.append(c)
                continue
        sides.append(Side([c]))
    return sides


@lru_cache(maxsize=None)
def _titles(lang: str) -> frozenset[str]:
    """Titles that stand before a person's name (lang/<code>/titles.tsv, shared with the entities stage)."""
    try:
        return frozenset(fold(r[0].lower()) for r in load_tsv(lang, "titles.tsv") if r and r[0])
    except (FileNotFoundError, OSError):
        return frozenset()


def _is_title(tok: Tok, lang: str) -> bool:
    """Without a tagger (Serbian): a title word ("премијер", "kancelar") inside a list of office holders
    ("Vučić, premijer Mađarske Viktor Orban i kancelar Austrije") keeps the list one side."""
    return not tok.pos and (fold(tok.lemma) in _titles(lang) or fold(tok.low) in _titles(lang))


def _is_descriptor(tok: Tok) -> bool:
    """Words that may sit inside one actor phrase ("Russian ambassador Chepurin") without splitting it."""
    return tok.pos in ("NOUN", "PROPN", "ADJ") and not tok.dep.startswith(("nsubj", "obj", "dobj"))


def _syntax_role(toks: list[Tok], c: Candidate, verb: int) -> str | None:
    """'source' or 'target' when the candidate hangs below `verb` as subject / object."""
    for j in range(c.first, c.last + 1):
        k, below, steps = j, None, 0
        while k != -1 and steps < 12:
            if k == verb:
                if below is None:
                    return None
                dep = toks[below].dep
                if dep in PASSIVE_SUBJECT_DEPS:
                    return "target"
                if dep in SUBJECT_DEPS:
                    return "source"
                if dep in OBJECT_DEPS:
                    return "target"
                return None
            below, k, steps = k, toks[k].head, steps + 1
    return None


def _governing_verb(toks: list[Tok], trigger: int) -> int:
    t = toks[trigger]
    k, steps = trigger, 0
    while k != -1 and toks[k].pos not in ("VERB", "AUX") and steps < 4:
        k, steps = toks[k].head, steps + 1
    return k if k != -1 else t.i


def assign(sides: list[Side], places: list[Candidate], toks: list[Tok], trigger_first: int, trigger_last: int,
           symmetric: bool, reverse: bool) -> tuple[list[Actor], list[Actor], bool]:
    """(sources, targets, from_syntax) for one trigger."""
    if not sides and not places:
        return [], [], False
    source: Side | None = None
    target: Side | None = None
    from_syntax = False
    verbs: list[int] = []
    if any(t.dep for t in toks):
        verb = _governing_verb(toks, trigger_first)
        verbs = [verb]
        while toks[verbs[-1]].dep in ("xcomp", "conj") and toks[verbs[-1]].head != -1 and len(verbs) < 3:
            verbs.append(toks[verbs[-1]].head)  # "Россия продолжает сотрудничать", "запрашивали ... и просили"
        roles = {}
        for v in verbs:
            for s in sides:
                if s.members[0].zero:
                    continue
                r = _syntax_role(toks, s.members[0], v) or _syntax_role(toks, s.members[-1], v)
                if r and r not in roles and (v == verb or r == "source"):
                    roles[r] = s
        source, target = roles.get("source"), roles.get("target")
        from_syntax = source is not None
    before = [s for s in sides if s.last < trigger_first]
    after = [s for s in sides if s.first > trigger_last and not s.members[0].zero]
    agent = next((s for s in sides if s.members[0].role_hint == "agent"), None)
    if agent is not None and agent is not target:
        source = agent
    owner = next((s for s in sides if s.members[0].owner_of is not None and trigger_first <= s.members[0].owner_of <= trigger_last), None)
    if owner is not None:  # "санкции США против России", "Vulin o sankcijama SAD": the genitive imposes them
        source, from_syntax = owner, False
        if target is owner:
            target = None
    if source is None:
        # "Обвинил Вашингтон", "Optužio je Vašington": the trigger's own subjectless verb names who acted
        own_verbs = set(range(trigger_first, trigger_last + 1)) | set(verbs)
        source = next((s for s in sides if s.members[0].zero and s.first in own_verbs), None)
    if source is None:
        unmarked_before = [s for s in before if s.members[0].role_hint not in ("target",) and s is not target]
        if unmarked_before:
            source = unmarked_before[-1]
        else:
            unmarked_after = [s for s in after if s.members[0].role_hint is None and s is not target]
            if unmarked_after:
                source = unmarked_after[0]
    if target is None:
        own = {a.country for a in source.actors() if a.country} if source else set()
        # a side of the actor's own country is no recipient ("коллегии МВД России ... с российскими коллегами")
        rest = [s for s in sides if s is not source and not s.members[0].zero
                and not (own and {a.country for a in s.actors()} <= own)]
        marked = [s for s in rest if s.members[0].role_hint == "target"]
        after_rest = [s for s in rest if s.first > trigger_last]
        before_rest = [s for s in rest if s.last < trigger_first]
        # no parse: an unmarked name right after the verb is its object ("zahvalila je Srbiji na ... sa
        # Evropskom unijom"), nearer than a marked one further on
        adjacent = [s for s in after_rest if s.first - trigger_last <= 2 and s.members[0].role_hint is None
                    and not any(t.dep for t in toks)]
        if adjacent:
            target = adjacent[0]
        elif marked:
            target = min(marked, key=lambda s: abs(s.first - trigger_last))
        elif after_rest:
            target = after_rest[0]
        elif before_rest:
            target = before_rest[-1]
    sources = source.actors() if source else []
    targets = target.actors() if target else []
    sources, targets = _distinct_sides(sources, targets, symmetric)
    if symmetric and not sources and len({a.country for a in targets}) >= 2:
        sources, targets = targets, []  # "discussed cooperation between Russia and Serbia": both sides
    if symmetric and not any(is_state(a.country) for a in targets) and len({a.country for a in sources if is_state(a.country)}) >= 2:
        # "Лавров и Дачич договорились встретиться на полях ОБСЕ": the joint act is between the named states;
        # an organisation beside them is the venue, no party (its code would make a dyad of its own)
        states = [a for a in sources if is_state(a.country)]
        first = states[0].country
        sources = [a for a in states if a.country == first]
        targets = [a for a in states if a.country != first] + [a for a in targets if not a.country]
    if symmetric and not targets and len({a.country for a in sources}) >= 2:
        first = sources[0].country
        sources, targets = [a for a in sources if a.country == first], [a for a in sources if a.country != first]
    if not targets and places:
        # a place abroad is the host side ("visit to Moscow", "u poseti Moskvi"); at home it is only a location
        home = {a.country for a in sources}
        abroad = [p for p in places if p.actor.country and p.actor.country not in home and not p.border
                  and -PLACE_BEFORE <= p.first - trigger_last <= PLACE_REACH]
        abroad.sort(key=lambda p: (p.first < trigger_first, p.role_hint not in ("target", "location")))
        if abroad:
            targets = [abroad[0].actor]
    if reverse and targets:
        sources, targets = targets, sources
    keys = {(a.entity or a.country) for a in sources}
    targets = [a for a in targets if (a.entity or a.country) not in keys or a.entity is None and a.country is None]
    return sources, targets, from_syntax


def _distinct_sides(sources: list[Actor], targets: list[Actor], symmetric: bool) -> tuple[list[Actor], list[Actor]]:
    """A country on both sides once: "Serbia and Hungary ... Serbia" is SRB-HUN, not SRB,HUN-SRB,HUN."""
    src = {a.country for a in sources if a.country}
    if targets and src:
        rest = [a for a in targets if a.country not in src]
        # a recipient that only repeats the actor's country ("MUP Srbije ... Srbije") is no recipient
        targets = rest
    if sources and targets and not symmetric:
        return sources, targets
    if symmetric and len(src) >= 2 and targets and {a.country for a in targets} <= src:
        targets = []
    return sources, targets
