"""Identity: which mentions name one entity, and that entity's id.

Why: events and quotes are only useful across documents when "Путина", "Putin" and "Vladimir
Putin" are one actor, and "MUP" of Serbia and "МВД" of Belarus are two. Order of evidence:
1. the knowledge base (a gazetteer match or a lookup of the mention's normal form); a generic
   name ("МВД", "MUP", "Ministry of Internal Affairs") is resolved only with a country cue in the
   mention ("МУП Србије"), right next to it ("Serbia's", "РФ", "of Russia"), an earlier
   resolved mention of the same body in the document, the one country among the body's whose
   KB office holders the article names, or the article's home country when the article names it; otherwise it keeps a document-scoped id rather than a guess;
2. outside the KB, an id from the canonical transliterated name (accord.translit.skeleton), so
   the same person in two documents and two scripts shares it: persons are keyed by surname and
   first name with spelling variants folded (Aleksandr / Alexander / Aleksandar); a body named
   with its country gets a language-free concept id ('org:interior-ministry-fra'); a place a
   stem of its name the same in every case ('loc:dub' for Dubai, Dubaija, Дубае);
3. a surname-only or first-name-only mention joins the one full name in the document with it.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..doc import Mention
from ..lang import load_list
from ..kb.places import stem
from ..ner import knowledge
from ..ner.institutions.lexicon import heads as institution_heads
from ..translit import has_cyrillic, skeleton, sr_to_latin
from . import abbreviations, country, sector, tied_state
from .document import Linking


def slug(text: str) -> str:
    return "-".join(skeleton(text).split()) or "x"


def place_key(name: str) -> str:
    """Id part of a place outside the KB, the same in every case and script: 'Dubai',
    'Dubaija', 'Дубае' -> 'dub' (accord.kb.places.stem)."""
    return stem(name)


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


def person_key(normal: str) -> str:
    words = normal.split()
    surname = slug(words[-1])
    if len(words) == 1:
        return f"per:{surname}"
    return f"per:{surname}-{slug(knowledge.first_name_key(words[0]))}"


# -- knowledge base ------------------------------------------------------------------------
def kb_candidates(st: Linking, m: Mention) -> tuple[list, bool]:
    """(entries, generic) for a mention: gazetteer ids first, then lookups of its forms."""
    base = knowledge.kb()
    if base is None:
        return [], False
    if m.candidates:
        entries = [e for e in (base.get(i) for i in m.candidates) if e is not None]
        return entries, len(entries) > 1 or is_generic(st, m.text)
    named = proper_name(m.text)
    for form in dict.fromkeys([m.normal, m.text] + ([named] if named else [])):
        try:
            cands = base.candidates(form, st.lang)
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


def is_generic(st: Linking, text: str) -> bool:
    base = knowledge.kb()
    try:
        return any(c.generic for c in base.candidates(text, st.lang))
    except Exception:
        return False


def choose_generic(st: Linking, m: Mention, entries: list) -> object | None:
    """The one body a generic name means: the one of the country the mention names or has next
    to it, an earlier resolved mention of one of them, the country of the KB persons the article
    names (when one of the candidates' countries), or the article's home country's."""
    by_country: dict[str | None, list] = {}
    for e in entries:
        by_country.setdefault(e.country, []).append(e)
    cue = country.cue(st, m)
    if cue:
        # a cue for a country the KB has no such body for: no guess
        return by_country[cue][0] if len(by_country.get(cue, [])) == 1 else None
    # an earlier resolved mention of one of these bodies in this document
    ids = {e.id for e in entries}
    seen = [gid for gid in st.groups if gid in ids]
    if len(seen) == 1:
        return next(e for e in entries if e.id == seen[0])
    # the one country among the body's whose office holders the article names ('ministar pravde,
    # Zoran Pažin' ... 'Ministarstvo pravde': Montenegro's, in an article that also names Serbia)
    officials = kb_people_countries(st) & set(by_country)
    if len(officials) == 1:
        iso = officials.pop()
        if len(by_country[iso]) == 1:
            return by_country[iso][0]
    tied = tied_state.tied_state(st, m)  # 'Uprava policije ... uhapšen u Podgorici'
    if tied:
        return by_country[tied][0] if len(by_country.get(tied, [])) == 1 else None
    home = country.article_home(st)
    if home and len(by_country.get(home, [])) == 1:
        return by_country[home][0]
    return None


def kb_people_countries(st: Linking) -> set[str]:
    """Countries of the KB persons the article names (computed once per article)."""
    if st.kb_people is None:
        found: set[str] = set()
        for m in st.doc.mentions:
            if m.type != "PER":
                continue
            entries, generic = kb_candidates(st, m)
            if len(entries) == 1 and not generic and entries[0].type == "PER" and entries[0].country:
                found.add(entries[0].country)
        st.kb_people = found
    return st.kb_people


def add_kb(st: Linking, entry, m: Mention) -> None:
    st.group(entry.id, entry.type, entry.name, m, country=country.of_entry(entry), kb=True,
             sector=sector.of_entry(entry))


def link_kb(st: Linking, m: Mention, no_places: bool = False) -> bool:
    """Join a mention to its KB entry; False where the KB has none, or no one without a guess.
    `no_places`: the mention is the surname of a person the article names in full, and joins no
    KB place that shares the word (minister 'Могилев' is not the city of Mogilev). A body stays
    open to it: a recogniser's PER 'Директората Интерпола' leaves 'Интерпола' Interpol."""
    entries, generic = kb_candidates(st, m)
    if no_places:
        entries = [e for e in entries if e.type != "LOC"]
        generic = generic and len(entries) > 1
    if not entries and described_body(st, m):
        return True
    if not entries:
        # "Ministarstvo unutrašnjih poslova Srbije", "Ministry of Interior of the Republic of Serbia":
        # the generic head with the country the mention names
        head, iso = country.split_country(st, m)
        if head and iso:
            probe = Mention(start=m.start, end=m.end, text=head, type=m.type, normal=head)
            entries, generic = kb_candidates(st, probe)
            if entries:
                entries = [e for e in entries if e.country == iso]
                if len(entries) == 1:
                    add_kb(st, entries[0], m)
                    return True
        return False
    if len(entries) == 1 and not generic:
        add_kb(st, entries[0], m)
        return True
    chosen = choose_generic(st, m, entries)
    if chosen is not None:
        add_kb(st, chosen, m)
        return True
    return False


def described_body(st: Linking, m: Mention) -> bool:
    """'надлежне службе Министарства унутрашњих послова': a span the recogniser opened with one
    or two lower-case common nouns before a capitalised body the KB knows is a mention of that
    body; the mention is cut to the body's name (the nouns only say which part of it acts). A
    press office (the language's speaker_press.txt: 'пресс-службе МВД', 'press službe Vlade')
    speaks for the body after it, be that an acronym alone. False, and the mention unchanged,
    where the capitalised rest resolves to no KB organisation."""
    words = m.text.split(" ")
    k = next((i for i, w in enumerate(words) if w[:1].isupper()), None)
    if not words[0][:1].islower() or k is None or k > 2:
        return False
    press = press_office(st.lang, words[:k])
    if not press and (len(words) - k < 2 or not all(w.isalpha() for w in words[:k])):
        return False
    saved = (m.start, m.text, m.normal, m.candidates)
    cut = len(" ".join(words[:k])) + 1
    m.start, m.text, m.normal, m.candidates = m.start + cut, m.text[cut:], m.text[cut:], []
    bodies = not press or all(e.type == "ORG" for e in kb_candidates(st, m)[0])  # 'полицией КНР': a country
    if bodies and link_kb(st, m):
        return True
    m.start, m.text, m.normal, m.candidates = saved
    return False


@lru_cache(maxsize=None)
def _press_phrases(lang: str) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(p.lower().split()) for p in load_list(lang, "speaker_press.txt"))


def press_office(lang: str, words: list[str]) -> bool:
    """The words are a press office's name ('пресс-службе', 'pres službe'; '*' ends a stem)."""
    for low in ([w.lower() for w in words], [sr_to_latin(w).lower() for w in words]):  # sr lists are in Latin
        if any(len(p) == len(low) and all(w == x or (x.endswith("*") and w.startswith(x[:-1])) for w, x in zip(low, p))
               for p in _press_phrases(lang)):
            return True
    return False


def _names(word: str, name: str) -> bool:
    """Whether a one-word name's slug is a word of a longer name, a hyphenated one included:
    'Al-Shammari' (al-samari) in 'Abdul Amir al-Shammari', 'Smith-Jones' in 'Anna Smith-Jones'
    (slugs join words and hyphen parts alike with '-', so the parts are compared in a row)."""
    parts, whole = word.split("-"), slug(name).split("-")
    n = len(parts)
    return any(whole[i:i + n] == parts for i in range(len(whole) - n + 1))


# -- the whole article -----------------------------------------------------------------------
def link(st: Linking) -> None:
    """Every mention into a group: KB entries first, then persons (full names, then single names
    joining the one full name that has them), then the other names outside the KB."""
    defined = abbreviations.defined(st.doc.text, st.doc.mentions)
    named = _full_name_surnames(st.doc.mentions)
    rest = [m for m in sorted(st.doc.mentions, key=lambda x: x.start)
            if not as_defined(st, m, defined) and not link_kb(st, m, no_places=_lone_surname(m, named))]
    persons = [m for m in rest if m.type == "PER"]
    full = [m for m in persons if len((m.normal or m.text).split()) > 1]
    for m in full:
        normal = m.normal or m.text
        st.group(person_key(normal), "PER", normal, m)
    kb_persons = [g for g in st.groups.values() if g.type == "PER"]
    for m in persons:
        if m in full:
            continue
        word = slug((m.normal or m.text).split()[0])
        owners = {g.id for g in kb_persons if any(_names(word, x.normal or x.text) for x in g.mentions) or _names(word, g.name)}
        owners |= {mm.entity for mm in full if _names(word, mm.normal or mm.text)}
        if len(owners) == 1:
            gid = owners.pop()
            st.group(gid, "PER", st.groups[gid].name, m)
        else:
            normal = m.normal or m.text
            st.group(person_key(normal), "PER", normal, m)
    surnames = {slug((x.normal or x.text).split()[-1]): x.entity for x in persons if x.entity}
    for m in rest:
        if m.type != "PER":
            _link_name(st, m, surnames)


def _full_name_surnames(mentions: list[Mention]) -> set[str]:
    """Surnames (slugs of the last word of the normal form) of the multi-word person names."""
    return {slug((m.normal or m.text).split()[-1]) for m in mentions
            if m.type == "PER" and len((m.normal or m.text).split()) > 1}


def _lone_surname(m: Mention, surnames: set[str]) -> bool:
    """A one-word PER mention (as accord.ner.spans.harmonise_persons typed it) that is the
    surname of a person named in full in the article."""
    normal = (m.normal or m.text).split()
    return m.type == "PER" and len(normal) == 1 and slug(normal[0]) in surnames


def as_defined(st: Linking, m: Mention, defined: dict[str, Mention]) -> bool:
    """An abbreviation the article spelt out ('Republic of Srpska (RS)') is the KB entity it
    spells wherever the article writes it, whatever the KB reads it as alone ('RS': Serbia)
    (accord.linking.abbreviations); a name outside the KB gives its initials nothing."""
    name = defined.get(m.text)
    g = st.groups.get(name.entity) if name is not None and name.entity else None
    if g is None or not g.kb or name is m:
        return False
    m.type = g.type
    st.group(g.id, g.type, g.name, m)
    return True


def _link_name(st: Linking, m: Mention, surnames: dict[str, str | None]) -> None:
    """A body, place or other name outside the KB (or a surname the model typed ORG)."""
    normal = m.normal or m.text
    if len(normal.split()) == 1 and slug(normal) in surnames:  # the model's ORG "Stefanovic"
        m.type = "PER"
        gid = surnames[slug(normal)]
        st.group(gid, "PER", st.groups[gid].name, m)
        return
    found = knowledge.kb()
    state = found.country_entry_named(normal) if found is not None and m.type == "LOC" else None
    if state is not None:  # 'Venezuelom', 'Afganistan': a case form or spelling of a country's name the KB lacks
        add_kb(st, state, m)
        return
    generic = knowledge.kb() is not None and is_generic(st, normal)
    head, named = country.split_country(st, m)
    cue = country.cue(st, m)
    iso = named
    if not named and cue and sector.concept(st, normal):  # "Japan's Ministry of Defence"
        head, iso = normal, cue
    elif m.type == "ORG" and not named and not cue and (generic or sector.concept(st, normal)):
        key = (sector.concept(st, normal) or (None,))[0]
        tied = tied_state.tied_state(st, m, key)  # the one state its paragraph (else article) is about
        if tied:
            head, iso = normal, tied
    concept_sector = None
    if generic and not iso and not cue:
        gid = f"{m.type.lower()}:{slug(normal)}@{st.doc.doc_id[:8]}"  # unresolved generic: no guess
    elif head and iso:
        key, concept_sector = sector.concept(st, head) or (slug(head), None)
        gid = f"{m.type.lower()}:{key}-{iso.lower()}"
    elif m.type == "LOC":
        gid = f"loc:{place_key(normal)}"
    elif proper_name(m.text):
        gid = f"{m.type.lower()}:{slug(proper_name(m.text))}"  # 'партии «Яблоко»' = 'Яблоко'
    else:
        gid = f"{m.type.lower()}:{slug(normal)}"
    g = st.group(gid, m.type, normal, m)
    if m.type == "LOC" or (m.type == "ORG" and not generic and not named and country.after_place_preposition(st, m)):
        country.settle_place(st, g, m, named or cue)  # an ORG 'у Лиањунгангу': a place's name
    country.settle_body(g, iso, cue)
    if m.type == "ORG" and not generic:
        country.settle_outlet(st, g, m)  # 'Kazinform', 'Коммерсанта', 'Танјуг': the listed outlet's country
    sector.settle_body(g, concept_sector)


def short_names(st: Linking) -> None:
    """A one-word name outside the KB that is the short name of exactly one longer body named in
    the same article joins that body. Two ways a body is shortened, read here in one step:
    - its head noun, capitalised ('Centar u Nišu' … 'Centar je saopštio', 'osoblja Centra';
      'Генералштаба Војске Србије' … 'Генералштаба'): only where names open with their head
      (Language.head_first_names; an English name's first word is a modifier: 'Senate' is not
      the 'Senate Judiciary Committee'), and only the institution head nouns of the language
      (org_heads.txt: 'centar', 'ambasada'; a proper name such as 'Google' is no head noun);
    - its last word, written in lower case in the full name and capitalised alone: an outlet or
      body named in full and then by its last word ('Večernje novosti' … 'prenele su Novosti').
      The model reads the short name sentence by sentence and types it as anything ('Novosti'
      LOC); within the document it is that body, and takes its type.

    Why: articles name a body in full once and go on with a short name; left alone, the short
    name becomes a second entity (and quotes attributed to 'Centar' name nobody the reader can
    find). A word the KB knows on its own keeps its own identity (a KB group is never moved; 'Srbije'
    in 'Vojska Srbije' is capitalised there: no short name); a person is never a short name; two
    longer bodies with that word leave it alone: no guess. Compared on slugs of the words
    (accord.translit.skeleton), so cases and scripts meet."""
    heads: dict[str, set[str]] = {}
    lasts: dict[str, set[str]] = {}
    head_first = st.language is not None and st.language.head_first_names
    for g in (g for g in st.groups.values() if g.type == "ORG"):
        if head_first and len(g.name.split()) > 1:
            heads.setdefault(slug(g.name.split()[0]), set()).add(g.id)
        for m in g.mentions:
            words = m.text.split()
            if len(words) > 1 and words[-1][:1].islower() and words[-1].isalpha():
                lasts.setdefault(slug(words[-1]), set()).add(g.id)
    if not heads and not lasts:
        return
    head_nouns = institution_heads(st.lang) if heads else set()
    for g in list(st.groups.values()):
        if g.kb or g.type == "PER" or len(g.name.split()) != 1 or g.id not in st.groups:
            continue
        owners: set[str] = set()
        if heads and g.type == "ORG" and _head_noun(st, g.name, head_nouns):
            owners = heads.get(slug(g.name), set()) - {g.id}
        if not owners and all(_short_form(m.text) for m in g.mentions):
            # the words as written: the normal form of a lone short name is a guess ('Novost')
            owners = set().union(*(lasts.get(slug(m.text), set()) for m in g.mentions)) - {g.id}
        if len(owners) != 1:
            continue
        owner = st.groups[owners.pop()]
        for m in g.mentions:
            m.entity = owner.id
            m.type = owner.type
        owner.mentions.extend(g.mentions)
        del st.groups[g.id]


def _head_noun(st: Linking, name: str, head_nouns) -> bool:
    return name.casefold() in head_nouns or st.language.to_latin(name).casefold() in head_nouns


def _short_form(text: str) -> bool:
    """One capitalised word, not an abbreviation ('Novosti', not 'MUP')."""
    return " " not in text and text[:1].isupper() and not text.isupper()
