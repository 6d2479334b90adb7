"""Which words of a sentence may be actors: entity mentions, country words, "we", groups, with hints.

Candidates are the sentence's entity mentions that carry a country or an entity (a city is a
place, used as recipient only when nothing else is), country names and nationality adjectives
the entities stage left as plain words, plus "we/our/мы/naši" inside a quote, which stands for
the quote's speaker, and pronoun or subjectless-verb subjects (accord.events.implicit). Each
carries what the words around it say of its role: the role word before it (target, agent,
location, channel), a genitive owner: after a noun listed as `source-of` in event_roles.tsv
("санкции США", "sankcije SAD", "Russia's sanctions") the bare genitive (ru: the parse's nmod;
sr: the word right after it with a genitive ending) is the one who acts; the far side of a
border is a place. An ethnic group ("Kosovo Albanians", "kosovski Albanci", "Albanians of
southern Serbia") is a group of the place that qualifies it, never the kin state.
"""
from __future__ import annotations

from functools import lru_cache

from ..coref import Coref
from ..doc import Actor, Article, Token
from ..lang import load_list
from ..translit import fold
from . import lexicon
from .actors import Candidate
from .parse_roles import PASSIVE_SUBJECT_DEPS, SUBJECT_DEPS
from .countries import actor_country, is_place, knowledge_base
from .implicit import implicit_subjects

ADJECTIVE_MIN = 6  # letters of a listed nationality adjective whose stem (less its last two) marks its forms
GROUP_GAP = 3  # words between an ethnic group and its place ("Albanians of southern Serbia")
OWNER_DEPS = {"nmod", "nmod:poss", "poss", "amod"}  # a noun's possessor / genitive / nationality adjective
CITY_OBJECT_DEPS = {"obj", "dobj", "iobj", "dative"}  # a bare object, no preposition ("asked Washington to")


def _token_range(toks: list[Token], start: int, end: int) -> tuple[int, int] | None:
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


def candidates(doc: Article, coref: Coref, toks: list[Token], lang: str) -> list[Candidate]:
    """The possible actors of one sentence, in order, with their role hints (see the module docstring)."""
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
        if country is None and " " not in m.text.strip() and knowledge_base() is not None:
            # "Američka strana": a one-word mention the entities stage left without a country that is a
            # country name or nationality adjective is that country
            worded = country = knowledge_base().country_from_word(m.text.strip(), lang)
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
        elif place and rng[0] > 0 and not any(t.dep for t in toks) and fold(toks[rng[0] - 1].low) in lexicon.role_words(lang, "content"):
            place = False  # no parse: "tražila da Beograd odbije", a city opening a content clause is its subject, the government
        out.append(Candidate(rng[0], rng[1], actor, place=place))
    # country names and nationality adjectives the entities stage left as plain words
    kb = knowledge_base()
    if kb is not None:
        for t in toks:
            if t.i in taken or len(t.text) < 3 or not t.text.isalpha():
                continue
            if t.text[:1].islower() and not _lowercase_adjective(t, lang, kb):
                continue  # "кроме того" is no Togo: lower case names a country only as an adjective
            nxt = toks[t.i - toks[0].i + 1] if t.i - toks[0].i + 1 < len(toks) else None
            if nxt is not None and nxt.i not in taken and nxt.text[:1].isupper() and nxt.text.isalpha():
                iso = kb.country_from_word(f"{t.text} {nxt.text}", lang)  # "South Korean", "Sierra Leonean"
                if iso and iso != kb.country_from_word(nxt.text, lang):  # not "The Russian": the word alone names it
                    taken |= {t.i, nxt.i}
                    out.append(Candidate(t.i, nxt.i, Actor(country=iso, text=f"{t.text} {nxt.text}")))
                    continue
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
    out += implicit_subjects(doc, coref, toks, lang, taken)
    out.sort(key=lambda c: c.first)
    _mark_role_words(out, toks, lang)
    _mark_owners(out, toks, lang, roles)
    _mark_borders(out, toks, lexicon.roles(lang).find(toks))  # unselected: 'sa' is a target word and a border link
    return out


def _mark_borders(cands: list[Candidate], toks: list[Token], roles: list[lexicon.Match]) -> None:
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


@lru_cache(maxsize=None)
def _nationality_rows(lang: str) -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    """(ISO3, kind, forms) of the KB's nationality table (adjectives.tsv) for the language's KB
    table: one reader for the demonyms and the adjective stems below."""
    from importlib import resources

    from ..lang import get as language

    found = language(lang)
    want = (found.kb_table_lang or found.kb_lang) if found is not None else lang
    try:
        text = (resources.files("accord.data.kb") / "adjectives.tsv").read_text(encoding="utf-8")
    except (FileNotFoundError, OSError):
        return ()
    rows = []
    for line in text.splitlines():
        cols = line.split("\t")
        if line.startswith(("#", "@")) or len(cols) < 4 or cols[1] != want:
            continue
        rows.append((cols[0], cols[2], tuple(f.strip() for f in cols[3].split("|") if f.strip())))
    return tuple(rows)


@lru_cache(maxsize=None)
def _people_forms(lang: str) -> dict[str, str]:
    """Demonym nouns (lower case) -> ISO3, from the KB's nationality table (kind 'people'), less
    the forms that are adjectives too ("Russian")."""
    people: dict[str, str] = {}
    adjectives: set[str] = set()
    for iso, kind, forms in _nationality_rows(lang):
        lowered = {f.lower() for f in forms}
        if kind == "people":
            people.update((f, iso) for f in lowered)
        else:
            adjectives |= lowered
    return {f: iso for f, iso in people.items() if f not in adjectives}


@lru_cache(maxsize=None)
def _adjective_stems(lang: str) -> dict[str, tuple[str, ...]]:
    """ISO3 -> the stems of its nationality adjectives in the KB's table ("hrvatski" -> "hrvats"), which
    every inflected form of the adjective starts with ("hrvatskog", "hrvatske")."""
    stems: dict[str, set[str]] = {}
    for iso, kind, forms in _nationality_rows(lang):
        if kind == "people":
            continue
        for f in forms:
            f = fold(f.lower())
            if len(f) >= ADJECTIVE_MIN:
                stems.setdefault(iso, set()).add(f[:-2])  # the table's script: Serbian tokens carry a Latin form (Token.lat)
    return {iso: tuple(sorted(v)) for iso, v in stems.items()}


def _demonym(t: Token, lang: str) -> str | None:
    forms = _people_forms(lang)
    return forms.get(t.low) or forms.get(t.lemma)


def _ethnic_groups(cands: list[Candidate], toks: list[Token], lang: str, doc: Article,
                   roles: list[lexicon.Match]) -> list[Candidate]:
    """An ethnic group is not its kin state: "Kosovo Albanians", "kosovski Albanci", "Albanians of
    southern Serbia" are people of the place that qualifies them (XKX, SRB); "ethnic Albanians"
    with no place are of no state (the candidate keeps only its entity, or goes)."""
    origin = {j for m in roles if m.pattern.label == "origin" for j in m.tokens}
    ethnic = {j for m in roles if m.pattern.label == "ethnic" for j in m.tokens}
    kb = knowledge_base()
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


@lru_cache(maxsize=None)
def _genitive_endings(lang: str) -> tuple[str, ...]:
    return tuple(sorted((w[1:] for w in lexicon.role_words(lang, "genitive") if w.startswith("-")), key=len, reverse=True))


def _mark_owners(cands: list[Candidate], toks: list[Token], lang: str, roles: list[lexicon.Match]) -> None:
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
                own = own and not _verb_has_actor(toks, m.last, cands)
            else:
                last = toks[c.last].text
                own = c.first == m.last + 1 and (last.isupper() or fold(toks[c.last].low).endswith(endings) if endings else False)
            if own:  # a preposition before the noun ("on the US sanctions") is the noun's, not the owner's
                c.owner_of, c.role_hint = m.last, None
                break


def _verb_has_actor(toks: list[Token], noun: int, cands: list[Candidate]) -> bool:
    """"Евросоюз и Великобритания ввели санкции против ... «центра ... ГРУ»": the noun is the object of a
    verb whose subject is a named actor; that subject imposes them, and a genitive the parser hangs on
    the noun (often a misread conjunct of the target) is no owner."""
    verb = toks[noun].head
    if toks[noun].dep not in ("obj", "dobj") or verb == -1:
        return False
    return any(toks[j].head == verb and toks[j].dep in SUBJECT_DEPS for c in cands for j in range(c.first, c.last + 1))


def _lowercase_adjective(t: Token, lang: str, kb=None) -> bool:
    """A lower-case word may be a nationality adjective ("российскую", "srpske"), never a short word that
    happens to spell a country ("того", "toga", "mali"): the tagger says ADJ, or, without one, it is no
    stopword and its lemma is no country's own name ("male zemlje" is small countries, not Mali)."""
    if t.pos:
        return t.pos == "ADJ"
    iso = kb.country_from_word(t.text, lang) if kb is not None else None
    if iso and fold(t.lat or t.low).startswith(_adjective_stems(lang).get(iso, ("\0",))):
        return True  # "hrvatski špijun": a form of the country's own adjective, though its lemma spells the name ("Hrvatska")
    if kb is not None and t.lemma and kb.country_name_iso(t.lemma[:1].upper() + t.lemma[1:], lang):
        return False
    return t.low not in _stopwords(lang)


@lru_cache(maxsize=None)
def _stopwords(lang: str) -> frozenset[str]:
    try:
        return frozenset(w.lower() for w in load_list(lang, "stopwords.txt"))
    except (FileNotFoundError, OSError):
        return frozenset()


def _mark_role_words(cands: list[Candidate], toks: list[Token], lang: str) -> None:
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
    governors = {j for m in found if m.pattern.label in ("target", "agent", "location", "channel", "preposition")
                 for j in m.tokens}
    coords = {j for m in found if m.pattern.label == "coord" for j in m.tokens}
    for c in cands:
        if c.role_hint is None and not (c.place or c.zero or c.implicit or c.we) and _bare_dative(toks, c, lang, governors, coords, cands):
            c.role_hint = "target"  # "Japan je Srbiji donirao", "Японии Россия передала": the dative receives


def _bare_dative(toks: list[Token], c: Candidate, lang: str, governors: set[int], coords: set[int],
                 cands: list[Candidate]) -> bool:
    """The candidate is a dative with no preposition before it, the recipient of a giving verb whatever
    the word order ("Japan je Srbiji donirao opremu", "Srbiji je Japan donirao"), read where no tagger
    gives case from the form's ending (event_roles.tsv `dative`: ending, and what the lemma must end in). A candidate coordinated with the one before it ("Srbiji i Hrvatskoj") joins that side's role."""
    j = c.first - 1
    if j >= 0 and (j in governors or toks[j].pos == "ADP"):
        return False
    if j >= 0 and (j in coords or toks[j].text == ",") and any(x.last == j - 1 for x in cands):
        return False
    t = toks[c.first]
    if t.pos:
        return False  # a tagged and parsed language reads the dative from its parse (iobj, obl)
    form, lemma = fold(t.lat or t.low), fold(t.lemma or "")
    if not t.text[:1].isupper() or form == lemma:
        return False
    for ending, need in _dative_endings(lang):
        if form.endswith(ending) and len(form) > len(ending) + 2:
            if need.startswith("!"):
                return not lemma.endswith(need[1:])
            return lemma.endswith(need)
    return False


@lru_cache(maxsize=None)
def _dative_endings(lang: str) -> tuple[tuple[str, str], ...]:
    """(form ending, lemma ending) pairs of the `dative` rows, longest ending first."""
    rows = [w[1:].partition("/") for w in lexicon.role_words(lang, "dative") if w.startswith("-")]
    return tuple(sorted(((e, need) for e, _, need in rows), key=lambda r: len(r[0]), reverse=True))
