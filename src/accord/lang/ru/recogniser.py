"""Russian NER with natasha (slovnet NER + morphology), normal forms by natasha's normaliser.

Why natasha: it ships its weights, is trained on Russian news, and its normaliser turns
"Иваном Кубраковым" into "Иван Кубраков", which identity needs.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ...doc import Article, Mention
from ...lang import load_list, load_tsv
from ...models import natasha, pymorphy
from ...translit import has_cyrillic
from ...ner import institutions, knowledge
from ...ner.institutions import Features
from ...ner.spans import domain_zone, furthest_end, join_adjacent, joined, make

LANG = "ru"


def model_docs(doc: Article) -> list[tuple[int, object]]:
    """(body span start, natasha Doc with segmentation, morphology and NER) for each body span."""
    from ..ru.analyser import ner_docs

    return ner_docs(doc, {})


_INFLECTED: dict[tuple, str] = {}  # (word, pos, gender, number, case) -> natasha's nominative of the word


def _inflect_word(vocab, token) -> str:
    """natasha.norm.inflect_word, remembered: its result depends only on the lower-cased word
    (ё as е), the POS and the gender, number and case features (`select_form` compares no
    others), so each such combination is parsed and inflected once per process."""
    from natasha.norm import inflect_word

    feats = token.feats
    key = (token.text, token.pos, feats.get("Gender"), feats.get("Number"), feats.get("Case"))
    out = _INFLECTED.get(key)
    if out is None:
        out = inflect_word(vocab, token)
        if len(_INFLECTED) >= 100_000:
            _INFLECTED.clear()
        _INFLECTED[key] = out
    return out


def _normalize(vocab, span) -> str:
    """What natasha's `DocSpan.normalize` sets as the span's normal form (`syntax_normalize` for
    an ORG, `normalize` otherwise), with each word's inflection remembered (`_inflect_word`)."""
    from natasha.norm import recover_shapes, recover_spaces, select_inflectable

    tokens = span.tokens
    ids = set(select_inflectable(tokens)) if span.type == "ORG" else None
    words = [_inflect_word(vocab, t) if not ids or t.id in ids else t.text for t in tokens]
    return recover_spaces(recover_shapes(words, tokens), tokens)


def recognise(doc: Article, gaz: list[Mention] | None = None) -> list[Mention]:
    from ...analysis import shared_extra

    tools = natasha()
    out: list[Mention] = []
    docs = shared_extra(doc, "ner")
    for start, nd in (docs if docs is not None else model_docs(doc)):
        for s in nd.spans:
            try:
                s.normal = _normalize(tools["morph_vocab"], s)
                normal = s.normal or s.text
            except Exception:  # the normaliser fails on rare token shapes; keep the surface form
                normal = s.text
            m = make(doc.text, start + s.start, start + s.stop, s.type, "natasha")
            if m is None or (m.text[:1].islower() and " " not in m.text):
                continue  # one lower-case word ('на мысе Канаверал' -> 'мысе') is a common noun
            if m.text != s.text:
                normal = m.text if len(normal) != len(s.text) else normal[m.start - start - s.start:][:len(m.text)]
            m.normal = normal
            out.extend(_split_list(doc.text, m))
    out = [m for m in out if not domain_zone(doc.text, m) and m.text not in _designators()]
    out = _original_spelling(doc.text, out)
    out = [x for x in (_trim_start(doc.text, m) for m in out) if x is not None]
    crafts = _craft_names(doc.text)
    out = [m for m in out if not (crafts and m.type != "PER" and _is_craft(doc.text, m, crafts))]
    types = _types()
    for m in out:
        m.type = types.get(m.text, m.type)
        if m.type == "PER" and " " not in m.text and _organisation_word(m.text):
            m.type = "ORG"  # 'Команда Феррари': a company's name, never a person's
        elif m.type == "PER" and " " not in m.text and _place_word(m.text):
            m.type = "LOC"  # 'судьба Царицыно': a place's name, never a person's
    return _region_of(doc.text, _directions(doc.text, _place_descriptors(doc.text, _persons(doc, _particles(doc.text, out)))))


def _region_of(text: str, mentions: list[Mention]) -> list[Mention]:
    """A place named by a common noun and the place it belongs to in the genitive after it is one
    place: 'Восточного побережья США', 'Гагаузской автономии Молдавской республики' (not 'Крыма
    Россией', 'Невы реку Славянку': no genitive)."""
    def join(prev: Mention, m: Mention) -> Mention | None:
        if prev.type == "LOC" and m.type == "LOC" and " " in prev.text and prev.text.split()[-1].islower() \
                and not prev.candidates and "gent" in _cases(m.text.split()[0]) and m.text[:1].isupper():
            return joined(text, prev, m, "LOC", prev.source, f"{prev.normal} {m.text}")
        return None
    return join_adjacent(sorted(mentions, key=lambda m: m.start), text, join)


def _directions(text: str, mentions: list[Mention]) -> list[Mention]:
    """A direction adjective before a place's name is part of it: 'южные Курильские острова'
    (the beginnings of `place_adjectives.txt`); the normal form stays the name's."""
    _, begins = _place_adjectives()
    taken = [(m.start, m.end) for m in mentions]
    for m in mentions:
        if m.type != "LOC" or not m.text[:1].isupper():
            continue
        y = WORD_BEFORE.search(text, max(0, m.start - 40), m.start)
        if y is None or not y.group(1).islower() or any(a < m.start and y.start() < b for a, b in taken):
            continue
        if _direction_adjective(y.group(1), _cases(m.text.split()[0], ("NOUN", "ADJF")), begins):
            m.start, m.text = y.start(1), text[y.start(1):m.end]
    return mentions


@lru_cache(maxsize=20000)
def _direction_adjective(word: str, head: frozenset[str], begins: tuple[str, ...]) -> bool:
    return any(p.tag.POS == "ADJF" and p.normal_form.startswith(begins) and (not head or p.tag.case in head)
               for p in pymorphy().parse(word))


@lru_cache(maxsize=1)
def _descriptors() -> dict[str, frozenset[str]]:
    """place descriptor lemma -> its flags (`place_descriptors.txt`)."""
    out = {}
    for line in load_list(LANG, "place_descriptors.txt"):
        parts = line.split()
        if parts:
            out[parts[0]] = frozenset(parts[1:])
    return out


@lru_cache(maxsize=20000)
def _cases(word: str, pos: tuple[str, ...] = ()) -> frozenset[str]:
    return frozenset(p.tag.case for p in pymorphy().parse(word) if p.tag.case and (not pos or p.tag.POS in pos))


@lru_cache(maxsize=20000)
def _known_cases(word: str) -> frozenset[str]:
    """Cases of the dictionary readings of a word; a word pymorphy only guesses ('Тоттенхэм')
    reads as indeclinable (no case)."""
    return frozenset(p.tag.case for p in pymorphy().parse(word) if p.tag.case and p.is_known)


@lru_cache(maxsize=20000)
def _descriptor(word: str) -> tuple[str, frozenset[str]] | None:
    """(lemma, cases of its singular readings) of a place descriptor noun ('реки', 'городе')."""
    if not word.isalpha() or not word.islower():
        return None
    table = _descriptors()
    hits = [p for p in pymorphy().parse(word) if p.tag.POS == "NOUN" and p.normal_form in table
            and p.tag.number == "sing"]
    # ('в аэропорту': the second locative agrees with the adjective's locative)
    cases = frozenset({"loc2": "loct", "gen2": "gent", "acc2": "accs"}.get(p.tag.case, p.tag.case) for p in hits)
    return (hits[0].normal_form, cases) if hits else None


@lru_cache(maxsize=1)
def _place_adjectives() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(endings, beginnings) of the adjectives that join a place descriptor (`place_adjectives.txt`)."""
    words = load_list(LANG, "place_adjectives.txt")
    return tuple(w[1:] for w in words if w.startswith("-")), tuple(w[:-1] for w in words if w.endswith("-"))


@lru_cache(maxsize=20000)
def _agreeing_adjective(word: str, cases: frozenset[str]) -> bool:
    """A place or direction adjective before a descriptor, in its case ('китайский город',
    'северовосточный'); 'маленьком городке', 'пограничную реку' describe the place."""
    ends, begins = _place_adjectives()
    for p in pymorphy().parse(word):
        if p.tag.POS == "ADJF" and "Apro" not in p.tag and "Anum" not in p.tag and p.tag.case in cases \
                and (p.normal_form.endswith(ends) or p.normal_form.startswith(begins)):
            return True
    return False


WORD_BEFORE = re.compile(r"([\w-]+) $")
QUOTED_WORD_BEFORE = re.compile(r"([\w-]+) [«„\"]$")


def _place_descriptors(text: str, mentions: list[Mention]) -> list[Mention]:
    """A place named after the noun of its kind is mentioned with it: 'реки Славянки', 'города
    Феникс', 'тихоокеанский порт Козьмино' (`place_descriptors.txt`); the mention keeps the
    name's normal form, so linking reads the same place. A genitive place after the noun is
    its owner, not its name ('в городах России', 'района Дюссельдорфа'), unless the kind's own
    name agrees with it ('реки Славянки')."""
    taken = [(m.start, m.end) for m in mentions]
    glued: list[Mention] = []
    for m in mentions:
        # a «quoted» name after the noun of a place's kind names that place, whatever type the
        # model gave it ('промзоны «Рыбацкое»', 'порт «Восточный»')
        quoted = QUOTED_WORD_BEFORE.search(text, max(0, m.start - 40), m.start)
        if m.type != "LOC" and not (m.type == "ORG" and quoted and not m.candidates):
            continue
        if m.text.isupper() or not m.text[:1].isupper():
            continue
        x = WORD_BEFORE.search(text, max(0, m.start - 40), m.start) or quoted
        got = _descriptor(x.group(1)) if x is not None else None
        if got is None:
            continue
        lemma, cases = got
        over = [o for o in mentions if o is not m and o.start < m.start and x.start() < o.end]
        # 'Вашингтонском аэропорту Рейган': the model took the adjective and the noun for a body
        if len(over) == 1 and over[0].type != "PER" and over[0].end == x.end(1) and " " in over[0].text \
                and all(_agreeing_adjective(w, cases) or (w[:1].isupper() and _cases(w, ("ADJF",)) & cases)
                        for w in over[0].text.split()[:-1]):
            glued.append(over[0])
            m.start, m.text = over[0].start, text[over[0].start:m.end]
            continue
        if over:
            continue
        name = _known_cases(m.text.split()[0])
        if "gent" in name and "nomn" not in name and not ("own" in _descriptors()[lemma] and "gent" in cases):
            continue  # an owner: 'городах России'
        if knowledge.country_from_word(m.text, LANG):
            continue  # 'город Германии', 'штат Израиль'
        m.type = "LOC"
        start = x.start(1)
        for _ in range(2):  # 'северовосточный китайский город Дацин'
            y = WORD_BEFORE.search(text, max(0, start - 40), start)
            if y is None or not _agreeing_adjective(y.group(1), cases) or y.group(1).isupper() \
                    or any(a < start and y.start() < b for a, b in taken):
                break
            start = y.start(1)
        m.start, m.text = start, text[start:m.end]
    return [m for m in mentions if not any(m is g for g in glued)]


@lru_cache(maxsize=1)
def _designators() -> frozenset[str]:
    """Legal forms that alone name no company (`company_designators.txt`: 'ПАО', 'ООО')."""
    return frozenset(load_list(LANG, "company_designators.txt"))


@lru_cache(maxsize=1)
def _name_particles() -> frozenset[str]:
    return frozenset(load_list(LANG, "name_particles.txt"))


def _particles(text: str, mentions: list[Mention]) -> list[Mention]:
    """A person's name begins at the lower-case particle before it ('ибн Эзра', 'фон Браун')."""
    for m in mentions:
        if m.type != "PER":
            continue
        before = text[max(0, m.start - 12):m.start]
        w = re.search(r"(?<![\w-])([\w]+)[ -]$", before)
        if w is not None and w.group(1) in _name_particles():
            m.start -= len(w.group(0))
            m.text = text[m.start:m.end]
            m.normal = w.group(0) + m.normal
    return mentions


@lru_cache(maxsize=20000)
def _place_word(word: str) -> bool:
    """A word every reading of which is a place's name (pymorphy's Geox), with no person reading."""
    parses = pymorphy().parse(word)
    return bool(parses) and all("Geox" in p.tag for p in parses) and not any(
        t in p.tag for p in parses for t in PERSON_TAGS)


@lru_cache(maxsize=20000)
def _organisation_word(word: str) -> bool:
    """A word every reading of which is an organisation's name (pymorphy's Orgn: 'Феррари',
    'Газпром'), with no person reading."""
    parses = pymorphy().parse(word)
    return bool(parses) and all("Orgn" in p.tag for p in parses) and not any(
        t in p.tag for p in parses for t in PERSON_TAGS)


PERSON_TAGS = ("Name", "Surn", "Patr")


@lru_cache(maxsize=50000)
def _person_keys(word: str) -> frozenset[str]:
    """The word as written (lower case) and the lemmas of its name readings ('Топаловым' ->
    'топалов'); empty for a word that reads only as a common word."""
    parses = pymorphy().parse(word)
    lemmas = {p.normal_form.replace("ё", "е") for p in parses if any(t in p.tag for t in PERSON_TAGS)}
    if not lemmas and parses and parses[0].is_known and parses[0].score > 0.5:
        return frozenset()
    return frozenset(lemmas | {word.lower().replace("ё", "е")})


def _first_name(word: str) -> bool:
    parses = pymorphy().parse(word)
    return bool(parses) and "Name" in parses[0].tag and parses[0].score >= 0.5


def _place_or_body(word: str) -> bool:
    return any("Geox" in p.tag or "Orgn" in p.tag for p in pymorphy().parse(word)[:2])


def _surname(word: str) -> bool:
    return any("Surn" in p.tag for p in pymorphy().parse(word))


def _persons(doc: Article, mentions: list[Mention]) -> list[Mention]:
    """Names of the persons the model found, wherever it missed them in the same article: a first
    name before a person read as a place ('Лонгин' LOC + 'Клинский' PER), a lone place or body
    that is a person's surname in another inflection ('о Свиридове' after 'Егора Свиридова'), and
    a person's word the model left untagged ('Калоев' after 'Виталием Калоевым')."""
    text = doc.text

    def first_name(prev: Mention, m: Mention) -> Mention | None:
        if m.type == "PER" and prev.type != "PER" and " " not in prev.text \
                and any("Name" in p.tag and p.score >= 0.5 for p in pymorphy().parse(prev.text)[:1]):
            return joined(text, prev, m, "PER", m.source, f"{prev.text} {m.normal}")
        return None
    persons = join_adjacent(sorted(mentions, key=lambda m: m.start), text, first_name)
    known: set[str] = set()
    for m in persons:
        if m.type != "PER":
            continue
        words = [w for w in m.text.split() if w[:1].isupper() and len(w) > 2 and not w.isupper()]
        for w in words if len(m.text.split()) > 1 else words[:1]:
            known |= _person_keys(w)
    if not known:
        return persons
    for m in persons:
        if m.type != "PER" and not m.candidates and " " not in m.text and m.text[:1].isupper() \
                and not m.text.isupper() and _person_keys(m.text) & known and _person_keys(m.text) != {m.text.lower()}:
            m.type = "PER"
        elif m.type != "PER" and not m.candidates and 1 < len(m.text.split()) <= 3 \
                and all(w[:1].isupper() for w in m.text.split()) and _surname(m.text.split()[-1]) \
                and _person_keys(m.text.split()[-1]) & known:
            m.type = "PER"  # 'Ахмат-Хаджи Кадырова' read as a place, a Kadyrov named before
        elif m.type != "PER" and m.source == "natasha" and not m.candidates and 1 < len(m.text.split()) <= 3 \
                and all(w[:1].isupper() and not w.isupper() for w in m.text.split()) \
                and _first_name(m.text.split()[0]) and not any(_place_or_body(w) for w in m.text.split()[1:]):
            m.type = "PER"  # 'архиепископ Лонгин Клинский' read as a place: a first name opens it
    reach = furthest_end((m.start, m.end) for m in persons)  # reach(x) > x: x inside a person found so far
    added = []
    for s in doc.sentences:
        toks = s.tokens
        found = [len(t.text) > 2 and t.text[:1].isupper() and not t.text.isupper() and t.text.isalpha()
                 and reach(t.start) <= t.start and doc.in_body(t.start, t.end)
                 and bool(_person_keys(t.text) & known) for t in toks]
        k = 0
        while k < len(toks):
            if not found[k]:
                k += 1
                continue
            n = k + 1
            while n < len(toks) and found[n] and text[toks[n - 1].end:toks[n].start] == " ":
                n += 1
            # a run of capitalised words the person's words do not cover is some other name
            # ('Виктор Понедельник' is not the 'Виктор' named before)
            capital = lambda j: 0 <= j < len(toks) and toks[j].text[:1].isupper() and toks[j].text.isalpha()
            if not (capital(k - 1) and text[toks[k - 1].end:toks[k].start] == " ") \
                    and not (capital(n) and text[toks[n - 1].end:toks[n].start] == " "):
                m = make(text, toks[k].start, toks[n - 1].end, "PER", "natasha")
                if m is not None:
                    added.append(m)
            k = n
    return sorted(persons + added, key=lambda m: m.start)


ORIGINAL = re.compile(r"[»”\"]?\s*\(\s*([A-Z][A-Za-z0-9&'’.-]*(?: [A-Za-z0-9&'’.-]+){0,6})\s*\)")


def _original_spelling(text: str, mentions: list[Mention]) -> list[Mention]:
    """A Cyrillic name with its original Latin spelling in brackets names the same thing twice:
    'газета «Ла стампа» (La Stampa)' gives 'La Stampa' the type of 'Ла стампа' where the model
    missed it."""
    out = list(mentions)
    for m in mentions:
        if not has_cyrillic(m.text):
            continue
        x = ORIGINAL.match(text, m.end)
        if x is None or not all(w[:1].isupper() or w.islower() and len(w) <= 4 for w in x.group(1).split()):
            continue
        s, e = x.start(1), x.end(1)
        if any(o.start < e and s < o.end for o in out):
            continue
        new = make(text, s, e, m.type, m.source)
        if new is not None:
            out.append(new)
    return sorted(out, key=lambda m: m.start)


@lru_cache(maxsize=1)
def _types() -> dict[str, str]:
    return {row[0]: row[1] for row in load_tsv(LANG, "ner_types.tsv") if len(row) >= 2}


@lru_cache(maxsize=1)
def _not_names() -> frozenset[str]:
    return frozenset(w.casefold() for w in load_list(LANG, "ner_not_names.txt"))


# parts of speech that never open a name: 'Всё-таки Проди', 'Её «запустили»', 'Подана первая заявка'
NOT_NAME_POS = ("NPRO", "PRCL", "CONJ", "PREP", "INTJ", "ADVB", "VERB", "INFN", "PRTS", "GRND", "PRED")
NAME_TAGS = ("Name", "Surn", "Patr", "Geox", "Orgn", "Trad", "Abbr")


@lru_cache(maxsize=50000)
def _not_name_word(word: str) -> bool:
    if word.casefold() in _not_names():
        return True
    if not word[:1].isupper() or word.isupper():
        return False
    parses = pymorphy().parse(word)
    if not parses or not parses[0].is_known or any(t in p.tag for p in parses for t in NAME_TAGS):
        return False
    if all(p.tag.POS == "NPRO" or "Apro" in p.tag for p in parses):
        return True  # a pronoun whatever its reading ('Её «запустили»': 'её' possessive or personal)
    return parses[0].tag.POS in NOT_NAME_POS and parses[0].score >= 0.5


def _trim_start(text: str, m: Mention) -> Mention | None:
    """A mention loses the words that open it but name nothing: a common noun the model takes
    for a name ('СМИ Беларуси' -> 'Беларуси'), a capitalised particle, pronoun or verb at the
    start of a sentence ('Всё-таки Проди' -> 'Проди'; 'Её' alone is no mention)."""
    at = m.start
    while at < m.end:
        w = re.match(r"[\w.-]+", text[at:m.end])
        if w is None or not _not_name_word(w.group().rstrip(".")):
            break
        at += w.end()
        while at < m.end and not text[at].isalnum():
            at += 1
    if at == m.start:
        return m
    if at >= m.end:
        return None
    if not text[at:at + 1].isupper():
        return m  # 'Ла стампа': what is left is no name
    out = make(text, at, m.end, m.type, m.source, candidates=m.candidates)
    if out is not None:
        if knowledge.country_from_word(out.text, LANG) and " " not in out.text:
            out.type = "LOC"
        out.normal = m.normal[len(m.normal) - len(out.text):] if m.normal.endswith(out.text) else out.text
    return out


@lru_cache(maxsize=1)
def _crafts() -> frozenset[str]:
    return frozenset(w.casefold() for w in load_list(LANG, "vehicle_nouns.txt"))


QUOTED = r"[«„\"]([^«»„“\"\n]{1,40})[»“\"]"
ASIDE = r"(?:\s*\([^()\n]{0,40}\))?"  # 'шаттлы «Индевор» (в апреле) и «Атлантис» (в июне)'
CRAFT = re.compile(r"(?<!\w)([\w-]+)\s+" + QUOTED + ASIDE + r"((?:\s*(?:,|и)\s*" + QUOTED + ASIDE + r")*)")


@lru_cache(maxsize=50000)
def _lemmas(word: str) -> frozenset[str]:
    return frozenset(p.normal_form.replace("ё", "е") for p in pymorphy().parse(word))


def _craft_names(text: str) -> set[tuple[frozenset[str], ...]]:
    """The names of crafts in the article: «quoted» names right after a craft noun ('шаттл
    «Дискавери»', 'шаттлы «Индевор» ... и «Атлантис»'), as the lemmas of their words."""
    crafts = _crafts()
    out = set()
    for x in CRAFT.finditer(text):
        if not (_lemmas(x.group(1)) & crafts or x.group(1).casefold() in crafts):
            continue
        for name in [x.group(2)] + re.findall(QUOTED, x.group(3) or ""):
            words = name.split()
            if words and words[0][:1].isupper():
                out.add(tuple(_lemmas(w) for w in words))
    return out


def _is_craft(text: str, m: Mention, crafts: set) -> bool:
    """A mention in quotes, or right after a craft noun, that names one of the article's crafts."""
    quoted = text[m.start - 1:m.start] in "«„\"" and m.start > 0
    before = text[max(0, m.start - 40):m.start].split()
    after_craft = bool(before) and bool(_lemmas(before[-1].strip("«„\"")) & _crafts())
    if not (quoted or after_craft):
        return False
    words = m.text.split()
    return any(len(c) == len(words) and all(a & _lemmas(w) for a, w in zip(c, words)) for c in crafts)


# a list's separators the model reads through ('Палестина • Парагвай', 'Овечкин, Фёдоров')
LIST_SEPARATORS = re.compile(r"\s*[•·|;]\s*|\s+[—–]\s+")
PERSON_SEPARATORS = re.compile(r"\s*[•·|;,]\s*|\s+[—–]\s+")


def _split_list(text: str, m: Mention) -> list[Mention]:
    """A mention running over a list separator is one mention per item (each retyped by the KB
    where it names a country: 'Эль Сальвадор • Эфиопия' came as one person); a bracket the
    mention opens and never closes starts another name ('Хитли (Гецлаф')."""
    sep = PERSON_SEPARATORS if m.type == "PER" else LIST_SEPARATORS
    cuts = [(x.start(), x.end()) for x in sep.finditer(m.text)]
    k = m.text.rfind(" (")
    if k > 0 and ")" not in m.text[k:]:
        cuts.append((k, k + 2))
    if not cuts:
        return [m]
    out, at = [], 0
    for a, b in sorted(cuts) + [(len(m.text), len(m.text))]:
        piece = make(text, m.start + at, m.start + a, m.type, m.source)
        at = b
        if piece is None:
            continue
        if knowledge.country_from_word(piece.text, LANG) and piece.text[:1].isupper():
            piece.type = "LOC"
        if piece.start == m.start and piece.end == m.end:
            return [m]
        out.append(piece)
    return out


def retype(m: Mention) -> str:
    return m.type


BRACKETED = re.compile(r"\s*\(\s*([A-ZА-ЯЁ][A-ZА-ЯЁ&-]{1,7})\s*\)")


def abbreviations(doc: Article, mentions: list[Mention]) -> list[Mention]:
    """'Хмельницкой атомной электростанции (ХАЭС)', 'Бюро США по патентам и товарным знакам
    (USPTO)': an abbreviation in brackets right after an organisation's name is that
    organisation, where the model missed it or took it for a place; so are its other uses in
    the article the model left untagged. (Run after the institution phrases, which build most
    such names.)"""
    text = doc.text
    taken = [(m.start, m.end) for m in mentions]
    defined: dict[str, Mention] = {}
    added: list[Mention] = []
    for m in mentions:
        x = BRACKETED.match(text, m.end) if m.type == "ORG" and " " in m.text else None
        if x is None or knowledge.country_from_word(x.group(1), LANG):
            continue
        s, e = x.start(1), x.end(1)
        same = next((o for o in mentions if (o.start, o.end) == (s, e)), None)
        if same is not None:
            if same.type == "LOC" and not same.candidates:
                same.type = "ORG"
            defined.setdefault(x.group(1), same)
        elif not any(a < e and s < b for a, b in taken) and doc.in_body(s, e):
            new = make(text, s, e, "ORG", "rules")
            if new is not None:
                added.append(new)
                taken.append((s, e))
                defined.setdefault(x.group(1), new)
    for abbr in defined:
        for y in re.finditer(r"(?<![\w-])" + re.escape(abbr) + r"(?![\w-])", text):
            s, e = y.start(), y.end()
            if not any(a < e and s < b for a, b in taken) and doc.in_body(s, e):
                new = make(text, s, e, "ORG", "rules")
                if new is not None:
                    added.append(new)
                    taken.append((s, e))
    return sorted(mentions + added, key=lambda m: (m.start, -(m.end - m.start)))


# -- word features for institution names (accord.ner.institutions) ------------------------
NOUNISH = ("NOUN", "ADJF", "PRTF")
VERBISH = ("VERB", "INFN", "GRND", "PRTS", "ADJS", "PRED")


_TAG_INFO: dict = {}  # pymorphy3 tag -> what features() reads of it (see _tag_info)


def _tag_info(tag) -> tuple:
    """What features() asks of one pymorphy3 tag, computed once per tag (each attribute read
    builds a typed grammeme whose comparisons run in Python): (POS == NOUN, POS in ADJF/PRTF,
    POS in NOUNISH, a pronoun or numeral reading, POS in VERBISH, number == plur, ADJF or a
    non-active PRTF, the case grammeme)."""
    info = _TAG_INFO.get(tag)
    if info is None:
        pos = tag.POS
        info = (pos == "NOUN", pos in ("ADJF", "PRTF"), pos in NOUNISH,
                pos in ("NPRO", "NUMR") or "Apro" in tag or "Anum" in tag, pos in VERBISH,
                tag.number == "plur", pos == "ADJF" or (pos == "PRTF" and "actv" not in tag), tag.case)
        if len(_TAG_INFO) >= 20_000:
            _TAG_INFO.clear()
        _TAG_INFO[tag] = info
    return info


@lru_cache(maxsize=50000)
def features(word: str) -> Features:
    """pymorphy's readings of one word, as the institution rule needs them."""
    if not any(c.isalpha() for c in word):
        return Features()
    parses = pymorphy().parse(word)
    infos = [_tag_info(p.tag) for p in parses]
    heads = institutions.heads(LANG)
    head = next((p for p, i in zip(parses, infos) if i[0] and p.normal_form in heads), None)
    top, t = parses[0], infos[0]
    country = knowledge.country_from_word(word, LANG)
    # (an active participle is no part of a name: 'возглавлявший отдел России')
    # (a lower-case country word is an adjective unless it reads as a noun: 'итальянцы')
    adj = t[6] or (country is not None and word[:1].islower() and not t[0])
    if head is not None:
        same = [i for p, i in zip(parses, infos) if i[0] and p.normal_form == head.normal_form]
        cases = frozenset(i[7] for i in same)
    elif adj:
        cases = frozenset(i[7] for i in infos if i[1])
    else:
        cases = frozenset(i[7] for i in infos if i[2])
    pronoun = any(i[3] for i in infos[:2])
    plural = head is not None and all(i[5] for i in same)
    return Features(
        plural=plural, lemma=head.normal_form if head is not None else top.normal_form,
        head=head is not None, cap_only=head is not None and heads.get(head.normal_form, False),
        adj=adj and not pronoun, gen="gent" in cases and t[2] and not pronoun, cases=frozenset(c for c in cases if c),
        country=country, verb=t[4], key=word.lower())


def nominative(word: str, head: Features) -> str:
    """The word in the nominative, in the case its head is in ('Министерства' -> 'Министерство',
    'китайскому' -> 'китайское' beside 'правительству')."""
    for p in pymorphy().parse(word):
        if p.tag.POS in NOUNISH and (not head.cases or p.tag.case in head.cases):
            form = p.inflect({"nomn"})
            if form is not None:
                out = form.word
                if word[:1].isupper():
                    out = out[:1].upper() + out[1:]
                if word.isupper() and len(word) > 1:
                    out = out.upper()
                return out
    return word


# hooks of the entities stage (accord.stages.entities): a pass once institution phrases are built
after_institutions = abbreviations
