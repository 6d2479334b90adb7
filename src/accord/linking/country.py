"""Country: every entity's and every mention's country is decided here, and nowhere else.

Why one module: a country comes from several kinds of evidence, in a fixed order, and a reader
must see all of it at once:
1. a KB entity's country is the KB's (`of_entry`), whatever the text says;
2. a place outside the KB: the places gazetteer's country (`settle_place`: accord.kb.places);
   a body outside the KB: a country named in the mention ('Ministarstvo unutrašnjih poslova
   Srbije', 'китайское правительство', split off by `split_country`), else one right next to it
   (`cue`: 'МУП Србије', 'of Russia', "Serbia's", 'российского ... МВД') (`settle_body`);
3. a person outside the KB, and every person mention: a nationality adjective or country in the
   title phrase before the name, but not after 'to'/'u'/'в' (a destination); shared out over
   coordinated names ('srpski i nemački ministri Stefanović i De Mezijer'); else an apposition
   after it ('Zhang Zhe, charge d'affaires of the Chinese Embassy') (`person_countries`);
4. a title-only reference: the country its phrase names ('the Russian president', 'predsednik
   Srbije') (`reference_country`);
then None rather than a guess. A generic KB name ('MUP') is resolved with the same cues, or the
article's home country when the article names it (`article_home`; identity.choose_generic).
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..doc import Mention, Token
from ..ner import knowledge
from .document import PUNCT_STOP, WINDOW, Group, Linking


def of_entry(entry) -> str | None:
    """A KB entity's country: the KB's (None for an international organisation)."""
    return entry.country


def in_words(words: list[str], lang: str) -> str | None:
    """First country named by one or two adjacent words ("Srbije", "Руске Федерације", "РФ")."""
    for k in range(len(words)):
        for w in (words[k], " ".join(words[k:k + 2]) if k + 1 < len(words) else None):
            if w:
                iso = knowledge.country_from_word(w, lang)
                if iso:
                    return iso
    return None


def cue_in(st: Linking, m: Mention) -> str | None:
    """A country named inside a mention of more than one word: the owner before a preposition
    ('Ambasada Srbije u Rusiji': Serbia), else the seat after it ('Unsko-sanskog kantona u BiH'),
    but never a destination ('EU Delegation to Belarus' names none: destination_prepositions.txt)."""
    words = [w for w in re.findall(r"\w[\w'’-]*", m.text)]
    if len(words) < 2:
        return None
    cut = next((i for i, w in enumerate(words) if i and w.lower() in st.prepositions), len(words))
    owner = in_words(words[:cut], st.lang) if cut > 1 else None
    if owner or cut == len(words):
        return owner or in_words(words, st.lang)
    if words[cut].lower() in knowledge.words(st.lang, "destination_prepositions.txt"):
        return None
    return in_words(words, st.lang)


def cue_adjacent(st: Linking, m: Mention) -> str | None:
    """Country right next to a mention: 'МУП Србије', 'of Russia', 'РФ', 'Serbia's MUP',
    'российского ... МВД'."""
    right = st.ctx.right(m, 4)
    words = [t.text for t in right]
    if words and words[0].lower() == "of":
        words = words[1:]
        if words and words[0].lower() == "the":
            words = words[1:]
        iso = in_words(words[:3], st.lang)
        if iso:
            return iso
    elif words and words[0] not in PUNCT_STOP and words[0][:1].isupper():
        # a genitive country name right after ('МУП Србије'), not an adjective of the next phrase
        iso = in_words(words[:2], st.lang) if st.inflected else None
        if iso and not st.is_person_start(right[0].start, other_than=m):
            return iso
    left = st.ctx.left(m, 3)
    for t in reversed(left):
        if t.text in PUNCT_STOP or t.text.lower() in st.prepositions:
            break
        if st.inflected and not t.text[:1].islower():
            continue  # 'закрыли Таиланда ... сети': a capitalised name before is no owner; 'белорусского МВД' is
        iso = knowledge.country_from_word(t.text, st.lang)
        if iso:
            return iso
    return None


def cue(st: Linking, m: Mention) -> str | None:
    """The country a mention names in it, else right next to it."""
    return cue_in(st, m) or cue_adjacent(st, m)


def split_country(st: Linking, m: Mention) -> tuple[str | None, str | None]:
    """(head, country) of a generic body named with its country: the nominative normal form
    first ('китайское правительство', not 'китайскому правительству'), then the text."""
    for form in dict.fromkeys([m.normal or m.text, m.text]):
        head, iso = _split_country(st, form)
        if iso:
            return head, iso
    return None, None


def _split_country(st: Linking, text: str) -> tuple[str | None, str | None]:
    words = text.split()
    for k in range(1, min(5, len(words))):
        tail = " ".join(words[-k:])
        iso = knowledge.country_from_word(tail, st.lang)
        if iso and len(words) > k + 1 and words[-k - 1].lower() in st.prepositions:
            # 'Ambasada Srbije u Rusiji': the owner before the place; 'EU Delegation to Belarus': a destination
            head, owner = _split_country(st, " ".join(words[:-k - 1]))
            if owner or words[-k - 1].lower() in knowledge.words(st.lang, "destination_prepositions.txt"):
                return head, owner
        if iso:
            head = words[:-k]
            while head and head[-1].lower() in ("of", "the"):
                head.pop()
            return " ".join(head) or None, iso
    if len(words) > 1:
        iso = knowledge.country_from_word(words[0], st.lang)
        if iso:
            return " ".join(words[1:]), iso
    return None, None


def article_home(st: Linking) -> str | None:
    """The language's home country ('Srbija' for Serbian, 'Hrvatska' for a Croatian article) when
    the article names it as a place."""
    home = knowledge.home_country(st.doc.lang or st.lang)  # a Croatian article's home is Croatia
    if st.doc_countries is None:
        counts: dict[str, int] = {}
        for m in st.doc.mentions:
            if m.type == "LOC":
                iso = knowledge.country_from_word(m.normal or m.text, st.lang) or knowledge.country_from_word(m.text, st.lang)
                if iso:
                    counts[iso] = counts.get(iso, 0) + 1
        st.doc_countries = counts
    return home if home and st.doc_countries.get(home) else None


def settle_body(g: Group, iso: str | None, cue_: str | None) -> None:
    """An entity outside the KB named by a non-person mention: the country in the mention, else
    the one next to it (`split_country`, `cue`), unless an earlier mention settled it."""
    if g.country is None:
        g.country = iso or cue_


def settle_place(st: Linking, g: Group, m: Mention, near: str | None) -> None:
    """A place outside the KB: the country the places gazetteer puts it in (GeoNames cities,
    ISO 3166-2 subdivisions: 'Pinsk', 'Харбине', 'Guangxi'), which beats a country word next to it
    ('в Харбине ... российского'); else the one named in or next to it (settle_body).
    Read for a body too when the model typed ORG a name that is, whole, a place's and stands
    where places stand, after a locative preposition (`after_place_preposition`: 'у Лиањунгангу'):
    it lies in that place's country whatever it names there (the port, its municipality). Not
    without the preposition: 'Disney', 'Hubble', 'Google' are names of small places too."""
    if g.country is None:
        g.country = knowledge.place_country(m.normal or m.text, st.lang) or knowledge.place_country(m.text, st.lang)


def settle_outlet(st: Linking, g: Group, m: Mention) -> None:
    """A body outside the KB that is a news outlet of the reviewed list (accord/data/outlets.tsv:
    'Kazinform', 'Коммерсант', 'Танјуг', matched whole in any script) lies in the outlet's
    country; an international wire (INT: Reuters) has none, and a name that is also an everyday
    word ('Danas', 'Politika': flagged `word`) counts only when written in quotes, as a title is."""
    if g.country is not None:
        return
    from ..clean.outlet_names import lookup

    for form in dict.fromkeys([m.normal or m.text, m.text]):
        hit = lookup(form)
        if hit is None or len(hit.country) != 3 or hit.country == "INT":
            continue
        if hit.word and not _quoted(st, m):
            continue
        g.country = hit.country
        return


def _quoted(st: Linking, m: Mention) -> bool:
    """Whether the mention is written in quotes ('«Ъ»', '„Politika“')."""
    text = st.doc.text
    return m.start > 0 and text[m.start - 1] in "«\"„“'" and text[m.end:m.end + 1] in "»\"“”'"


def settle_owned_bodies(st: Linking) -> None:
    """A body outside the KB without a country, named right before a KB body that has one, is
    that body's part: 'Biroa za ... sprovođenje zakona Stejt departmenta', 'Центр общественных
    связей ФСБ' (a genitive owner, nothing between), 'the Bureau of ... of the State
    Department' ('of' or 'of the' between). Only a body (ORG) owns; an IGO has no country."""
    text = st.doc.text
    by_start = {x.start: x for x in st.doc.mentions if x.entity}
    for g in st.groups.values():
        if g.kb or g.country is not None or g.type != "ORG":
            continue
        for m in g.mentions:
            k = m.end
            while k < len(text) and text[k] == " ":
                k += 1
            for joint in ("of the ", "of "):
                if text.startswith(joint, k) and not st.inflected:
                    k += len(joint)
                    break
            owner = by_start.get(k)
            if owner is None or owner.type != "ORG" or k == m.end:
                continue
            og = st.groups.get(owner.entity)
            if og is not None and og.kb and og.country:
                g.country = og.country
                break


def after_place_preposition(st: Linking, m: Mention) -> bool:
    """Whether the word before the mention is a locative preposition (lang/<code>/loc_prepositions.txt:
    'u', 'in', 'под'; not Russian 'в', which stands as often before a company: 'в Zynga')."""
    left = st.ctx.left(m, 1)
    preps = knowledge.words(st.lang, "loc_prepositions.txt")
    return bool(left) and bool({left[-1].text.lower(), knowledge.latin(left[-1].text, st.lang).lower()} & preps)


# -- persons ----------------------------------------------------------------------------
def before(st: Linking, t: Token, n: int = 1) -> Token | None:
    """The token n places before t in its sentence, else None."""
    i = st.ctx.index(t.start) - n
    if i < 0 or st.ctx.sent_of[i] != st.ctx.sent_of[st.ctx.index(t.start)]:
        return None
    return st.ctx.tokens[i]


def countries_in_phrase(st: Linking, phrase: list[Token]) -> list[str]:
    """Countries a title phrase gives as nationality, in order, skipping destinations (the
    preposition may lie just before the phrase's window: 'в Москве сделали министры ...')."""
    out: list[str] = []
    for k, t in enumerate(phrase):
        prev = phrase[k - 1] if k > 0 else before(st, t)
        if prev is not None and prev.text.lower() in st.prepositions:
            continue
        prev2 = phrase[k - 2] if k > 1 else before(st, t, 2 - k)
        if prev is not None and prev2 is not None and prev2.text.lower() in st.prepositions and prev.text.lower() == "the":
            continue
        mention = next((x for x in st.doc.mentions if x.start <= t.start < x.end and x.type != "PER"), None)
        iso = None
        if mention is not None and mention.entity:
            g = st.groups.get(mention.entity)
            iso = g.country if g is not None else None
            if mention.start != t.start:
                continue
        if iso is None:
            iso = knowledge.country_from_word(t.text, st.lang)
        if iso and (not out or out[-1] != iso):
            out.append(iso)
    return out


def plural_title(st: Linking, phrase: list[Token]) -> bool:
    """Whether a title phrase's title word is plural ('ministri', 'заместителями', 'ministers'):
    then one nationality in it is that of every coordinated name after it."""
    from ..ner.titles import _plural_endings, _singular_form

    endings = _plural_endings(st.lang)
    for t in phrase:
        low = knowledge.latin(t.text, st.lang).lower()
        lemma = st.title_lemma(low)
        if lemma in st.titles and low != lemma and low.endswith(tuple(endings)) and not _singular_form(low, st.lang):
            return True
    return False


def describing_phrase(st: Linking, first: Mention, phrase: list[Token]) -> list[Token]:
    """The phrase before a comma that describes the names after it: 'his British counterpart,
    Home Secretary John Reid', 'dvojicom ruskih državljana, Eduardom Širakovim i Vladimirom
    Popovim'. Only when the word before the comma is a title or a person noun
    (lang/<code>/apposition_nouns.txt); else empty."""
    start = phrase[0] if phrase else None
    i = st.ctx.index(start.start if start is not None else first.start) - 1
    if i < 1 or st.ctx.tokens[i].text != "," or st.ctx.sent_of[i] != st.ctx.sent_of[i + 1]:
        return []
    noun = knowledge.latin(st.ctx.tokens[i - 1].text, st.lang).lower()
    if noun not in knowledge.words(st.lang, "apposition_nouns.txt") and st.title_lemma(noun) not in st.titles:
        return []
    comma = st.ctx.tokens[i]
    seg = st.title_phrase(Mention(start=comma.start, end=comma.end, text=",", type="PER"))
    return seg


def person_country(st: Linking, m: Mention, position: int, coordinated: list[Mention]) -> str | None:
    """A person mention's country: from the title phrase (shared out over coordinated names),
    or the describing phrase before a comma right before it, else from an apposition after it."""
    phrase = st.title_phrase(coordinated[0] if coordinated else m)
    countries = countries_in_phrase(st, phrase)
    if not countries:
        described = describing_phrase(st, coordinated[0] if coordinated else m, phrase)
        countries = countries_in_phrase(st, described)
        if countries and len(countries) == 1:
            return countries[0]  # 'two Russian nationals, A and B': all of them
    if coordinated and len(countries) == len(coordinated) + 0 and len(countries) > 1:
        return countries[position]
    if countries and (not coordinated or position == 0):
        return countries[0]
    if len(countries) == 1 and plural_title(st, phrase):
        return countries[0]  # 'заместителями министра ... КНР Мэн Хунвэем и Чэнь Чжиминем': all of them
    # apposition: "Zhang Zhe, charge d'affaires of the Chinese Embassy"
    right = st.ctx.right(m, 2 * WINDOW)  # 'Director of the Department of New Challenges and Threats of the Russian Foreign Ministry'
    if right and right[0].text == ",":
        for t in right[1:]:
            if t.text in PUNCT_STOP or t.pos in ("VERB", "AUX") or knowledge.latin(t.text, st.lang).lower() in clause_words(st.lang):
                break  # an apposition is a noun phrase: 'Вреј, саопштено је из МУП-а Србије' is a clause
            mention = next((x for x in st.doc.mentions if x.start <= t.start < x.end), None)
            if mention is not None and mention.type == "PER":
                break
            iso = None
            if mention is not None and mention.entity in st.groups:
                iso = st.groups[mention.entity].country
            iso = iso or knowledge.country_from_word(t.text, st.lang)
            if iso:
                return iso
    return None


@lru_cache(maxsize=None)
def clause_words(lang: str) -> frozenset[str]:
    """Words that open a clause, not an apposition, where the language's tokens carry no part of
    speech: its speech verbs and auxiliaries ('saopšteno je', 'rekao je')."""
    out = set(knowledge.words(lang, "speech_verbs.txt"))
    try:
        out |= knowledge.words(lang, "auxiliaries.txt")
    except Exception:  # a language without an auxiliaries list: its tagger gives VERB/AUX
        pass
    return frozenset(out)


def person_countries(st: Linking) -> None:
    """Every linked person mention's country, and that of its entity when outside the KB and not
    settled by an earlier mention."""
    for chain in st.coordinated_persons():
        origin = origin_after(st, chain[-1]) if len(chain) > 1 else None
        for pos, m in enumerate(chain):
            g = st.groups[m.entity]
            iso = person_country(st, m, pos, chain if len(chain) > 1 else []) or origin
            m.country = iso
            if not g.kb and g.country is None and iso:
                g.country = iso


def origin_after(st: Linking, m: Mention) -> str | None:
    """The country a name, or the last of coordinated names, is said to be from right after it:
    'Nemanjom Ristićem, Predragom Bogićevićem i Milošem Jovanovićem iz Srbije' (all three);
    only a country (lang/<code>/origin_prepositions.txt + a country word), not a city: 'Vulin iz
    Moskve' may say where he spoke. Read only after a list of names (person_countries): after
    one name 'from X' is as often the path of a movement ('экстрадиции Виктора из Таиланда':
    extradited from Thailand, not Thai) as an origin; a list closed by it is a roster."""
    right = st.ctx.right(m, 2)
    if len(right) < 2 or knowledge.latin(right[0].text, st.lang).lower() not in knowledge.words(st.lang, "origin_prepositions.txt"):
        return None
    return knowledge.country_from_word(right[1].text, st.lang)


def reference_country(st: Linking, i: int, n: int) -> str | None:
    """Country a title phrase names: an adjective before it ('the Russian president',
    'srpski ministar'), or a country after it ('president of Serbia', 'predsednik Srbije')."""
    toks = st.ctx.tokens
    si = st.ctx.sent_of[i]
    for k in (i - 1, i - 2):
        if k < 0 or st.ctx.sent_of[k] != si or toks[k].text in PUNCT_STOP:
            break
        iso = knowledge.country_from_word(toks[k].text, st.lang)
        if iso:
            return iso
    k = i + n
    if not st.inflected:  # 'minister of (the) X': an uninflected language says whose with 'of'
        if k < len(toks) and toks[k].text.lower() == "of":
            k += 1
            if k < len(toks) and toks[k].text.lower() == "the":
                k += 1
            if k < len(toks) and st.ctx.sent_of[k] == si:
                return knowledge.country_from_word(toks[k].text, st.lang)
        return None
    for j in range(k, min(k + 4, len(toks))):
        if st.ctx.sent_of[j] != si or toks[j].text in PUNCT_STOP:
            break
        iso = knowledge.country_from_word(toks[j].text, st.lang)
        if iso:
            return iso
    return None
