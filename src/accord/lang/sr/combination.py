"""How the model's spans and the rules' mentions make the Serbian recogniser's mentions.

The model proposes; the KB links; rules fix what the model cannot know. Measured on UNER sr and
hr dev and the Serbian dev news (eval/ner_sr.py; docs/architecture.md), where the two disagree:
- the model's span is the candidate: where a rule mention overlaps it, the model's boundaries
  and type win (the rules glue a nationality noun or an organisation to a person, 'Turaka
  Mehmetom Alijem Talatom', 'Obraza Mladen Obradović', and cut names with a lower-case tail,
  'Centra' for 'Centra za humanitarno pravo'); its OTH spans ('Turaka', 'Srbi', 'Svetski kup')
  are names but no actors: they keep the rules off those words and make no mention;
- a name the rules find and the model misses stays (a foreign surname after a title or named in
  full elsewhere in the document: 'Prendergast', 'Talat'; an acronym, 'ODIHR', 'RINU'; a
  hyphenated place, 'Gostun–Dobrakovo'): on UNER dev the persons among them are right 4 times
  in 5, the organisations and places about 1 in 3 ('BDP-a', 'Novi'), but on the news the places
  and acronyms are the ones the gold asks for; keeping them all costs UNER 0.001 F1;
- an institution's name the rules read to its end where the model stops at its head noun ('Biroa
  za međunarodnu borbu protiv narkotika' for 'Biroa') keeps the rules' end;
- the model reads sentences, the rules the document: a lone word the model calls a place or an
  organisation is the person when the document names that person with it ('Rehagela' after 'Oto
  Rehagel'); a model span runs no further than the first lower-case verb form ('Saveta biće')
  nor ends on a preposition ('Osnovni sud br. 2 u');
the KB's matches are merged afterwards by the entities stage (accord.ner.spans.merge: a KB name
wins over a shorter or crossing span and carries its ids).
"""
from __future__ import annotations

from ...doc import Mention
from ...translit import skeleton, sr_to_latin
from ...ner import knowledge
from ...ner.institutions import lexicon
from .evidence import (LANG, is_adjective_form, is_first_name, is_org_head, is_stopword, is_verb_form, lemma, lower_lemma,
                       title_sector)
from .tokens import Tok, is_caps_sentence

SOURCE = "sr-model"


def _overlap(a, b) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def combine(rec, spans: list[tuple[int, int, str]], mode: str = "combined") -> list[Mention]:
    """The recogniser's mentions from `rec` (accord.lang.sr.recogniser.Recogniser) and the model's
    `spans`; mode 'model' keeps the model's spans alone (for eval/ner_sr.py)."""
    names = [x for s, e, label in spans for x in _at_kb(rec, s, e, label)]
    rules = list(rec.scan()) if mode != "model" else []
    model = [m for m in (_mention(rec, s, e, label) for s, e, label in names if label != "OTH") if m is not None]
    if mode == "model":
        rec.mentions = model
        return rec.finish()
    out: list[Mention] = []
    for m in model:
        longer = [r for r in rules if r.type == "ORG" and r.start == m.start and r.end > m.end and _whole(rec, r)]
        out.append(longer[0] if longer else m)
    taken = [(m.start, m.end) for m in out] + [(s, e) for s, e, label in names if label == "OTH"]
    out += [r for r in rules if not any(_overlap((r.start, r.end), t) for t in taken)]
    out = _persons_by_surname(out)
    out += _bodies_by_head_noun(rec, out)
    rec.mentions = sorted(out, key=lambda m: m.start)
    return rec.finish()


def _mention(rec, start: int, end: int, label: str) -> Mention | None:
    """The model's span as a mention over whole tokens, cut at a lower-case verb form and with no
    trailing preposition or conjunction, its normal form as the rules' own mentions get it."""
    for toks in rec.sents:
        if not toks or toks[-1].end <= start or toks[0].start >= end:
            continue
        idx = [k for k, t in enumerate(toks) if t.start < end and start < t.end]
        if not idx:
            continue
        i, j = idx[0], _cut(toks, idx[0], idx[-1] + 1, label)
        if j > i + 1 and rec.initial(toks, i) and _common_word(rec, toks[i]):
            # 'Naša saradnja ima ...', 'BEOGRAD - Sporazum o policijskoj saradnji Srbije': the
            # capitalised opener is a common word; the name, if any, starts at the next capital
            i += 1
            while i < j and not toks[i].cap:
                i += 1
        # no title, function word or nationality noun opens a name ('Generali Diković', 'I CRNE
        # GORE', 'Francuza Pierricka Bourgeata': UNER leaves the nationality out)
        while i < j - 1 and (is_stopword(toks[i].title) or (label == "PER" and (
                title_sector(toks[i].title) or _nationality(toks[i].lat)))):
            i += 1
        if j <= i or not _name_like(rec, toks, i, j, label):
            return None
        if label != "LOC" and i > 0 and lower_lemma(toks[i - 1].lat) in knowledge.words(LANG, "place_nouns.txt"):
            label = "LOC"  # 'na poligonu Alabino'
        nominative = label == "PER" and rec.nominative_context(toks, i, j)
        return rec.mention(toks[i:j], label, head=_head(toks[i:j]) if label == "ORG" else 0,
                           nominative=nominative, source=SOURCE)
    return None


def _at_kb(rec, start: int, end: int, label: str) -> list[tuple[int, int, str]]:
    """A person the KB knows by a full name inside the model's longer person span is the person
    (a surname alone is not: 'Ismail Kadare' stays); one the KB knows at the end of an
    organisation's or place's span is no part of it ('Saveta bezbednosti Patrušev'). A model span that opens with a KB name and goes on in lower case ends with the KB name
    ('Ministarstva unutrašnjih poslova visoko cene uručenu donaciju'); one that goes on after a
    dash is two candidates ('BEOGRAD - Sporazum', a dateline): the second is read as what it
    is, here a word opening a sentence. ('Bosni i Hercegovini' stays one: one name.)"""
    text = rec.doc.text
    for g in rec.gaz:
        if g.type == "PER" and start <= g.start and g.end <= end and (g.start, g.end) != (start, end):
            if label == "PER" and " " in g.text:
                return [(g.start, g.end, label)]  # the KB's person is the whole name ('Samoopredeljenje Aljbin Kurti')
            if label != "PER" and g.end == end:
                return [(start, g.start, label)]  # 'secretary of the Savet bezbednosti Patrušev': two names
        if g.start != start or g.end >= end:
            continue
        rest = text[g.end:end]
        if not any(c.isupper() for c in rest):
            return [(start, g.end, label)]
        words = rest.split()
        if words and not any(c.isalnum() for c in words[0]):
            k = g.end + rest.index(words[0]) + len(words[0])
            while k < end and not text[k].isalnum():
                k += 1
            return [(start, g.end, label), (k, end, label)] if k < end else [(start, g.end, label)]
    return [(start, end, label)]


def _whole(rec, m: Mention) -> bool:
    """Whether the rules' mention runs over no verb form or auxiliary ('Saveta biće')."""
    for toks in rec.sents:
        idx = [k for k, t in enumerate(toks) if m.start <= t.start and t.end <= m.end]
        if idx:
            return _cut(toks, idx[0], idx[-1] + 1, m.type) == idx[-1] + 1
    return False


def _name_like(rec, toks: list[Tok], i: int, j: int, label: str) -> bool:
    """What the rules know of capitals that the model, trained on running text, does not: a
    word capitalised only because it opens the sentence is no name when the document writes it
    in lower case, or it is a verb or function word ('Sporazum je ...', 'Čitao je', 'Evo');
    in a line or a run of words written in capitals ('VLADA DONELA ODLUKU: ...') a span needs
    a KB match or the rules;
    an institution's head noun is no person ('Biroa za međunarodnu borbu ...': the
    institution phrase reads it)."""
    first = toks[i]
    if label == "PER" and is_org_head(first.title):
        return False
    if j == i + 1 and rec.initial(toks, i):
        word = first.title
        if is_verb_form(word) or is_stopword(word):
            return False
        if lower_lemma(word) in _lower_lemmas(rec) and not (label == "ORG" and is_org_head(word)):
            return False  # (a body's head noun the model reads as one, 'Savet preuzima ...', stays)
    if j == i + 1 and j < len(toks) and is_adjective_form(first.title) and toks[j].lat[:1].islower() \
            and toks[j].lat[:1].isalpha() and not first.kb and not _adjective_noun(toks, i) \
            and not (label == "LOC" and not rec.initial(toks, i) and _place_word(first.lat)):
        return False  # an adjective before its lower-case noun ('na Globalnom forumu'; not 'Turskoj ranije')
    words = [t for t in toks[i:j] if any(c.isalpha() for c in t.lat)]
    if is_caps_sentence(toks) or (len(words) > 1 and all(t.allcaps for t in words)):
        return any(t.kb for t in toks[i:j]) or any(r.start < toks[j - 1].end and toks[i].start < r.end
                                                    for r in rec.mentions)
    return True


def _adjective_noun(toks: list[Tok], i: int) -> bool:
    """A capitalised word of adjective form that is a noun: in a feminine case form (the
    countries named so are feminine: 'Hrvatska', 'Grčka', 'Švajcarska') and followed by a
    function word, not by its noun ('u Grčkoj i Turskoj', 'u Hrvatskoj za', 'Hrvatskoj je'); not
    when 'i'/'ili' joins it to another adjective ('Austrijski i mađarski policajci')."""
    word, nxt = toks[i].lat.lower(), toks[i + 1].lat
    if not word.endswith(FEMININE_ENDINGS) or not is_stopword(nxt):
        return False
    after = toks[i + 2].lat if i + 2 < len(toks) else ""
    return not (nxt.lower() in ("i", "ili") and after[:1].islower() and is_adjective_form(after))


FEMININE_ENDINGS = ("ska", "ske", "skoj", "sku", "skom", "čka", "čke", "čkoj", "čku", "čkom",
                    "ška", "ške", "škoj", "šku", "škom")


def _common_word(rec, tok: Tok) -> bool:
    """A capitalised word the document also writes in lower case (its lemma), that neither the
    KB, nor an institution's head noun, nor a first name claims."""
    return not tok.kb and not is_org_head(tok.title) and not is_first_name(tok.title) \
        and lower_lemma(tok.title) in _lower_lemmas(rec)


def _lower_lemmas(rec) -> set[str]:
    """Lemmas of the words the document writes in lower case ('sporazuma' -> 'sporazum')."""
    cached = getattr(rec, "_lower_lemmas", None)
    if cached is None:
        cached = rec._lower_lemmas = {lower_lemma(w) for w in rec.lower_words}
    return cached


def _cut(toks: list[Tok], i: int, j: int, label: str = "") -> int:
    """Where a span from token i to j ends: before its first lower-case verb form or auxiliary
    ('Saveta biće'); an organisation's also before a preposition that opens lower-case words
    unless a link word of the name came first ('Ministarstva mora od ukupno 600 tisuća kuna',
    'Poslovne škole u okviru', but 'Centar za socijalni rad', 'Komisija za hartije od vrednosti');
    with no trailing function word or punctuation."""
    aux = knowledge.words(LANG, "auxiliaries.txt")
    for k in range(i + 1, j):
        if toks[k].lat[:1].islower() and (is_verb_form(toks[k].lat) or toks[k].lat in aux):
            j = k
            break
    if label == "ORG":
        j = _cut_at_preposition(toks, i, j)
    # (a case ending glued by an apostrophe is no word of its own: 'Moody'sa' keeps its 'sa')
    while j > i + 1 and not _glued(toks, j - 1) and (toks[j - 1].lat[:1].islower() and is_stopword(toks[j - 1].lat)
                                                     or not any(c.isalnum() for c in toks[j - 1].lat)):
        j -= 1
    return j


def _cut_at_preposition(toks: list[Tok], i: int, j: int) -> int:
    """The end of an organisation's span at its first preposition (org_function_words.txt less
    conjunctions.txt: 'i' joins 'akademije nauka i umetnosti') with a lower-case word after it,
    unless a link word (org_links.txt: 'za') opens or came before it."""
    links = lexicon.links(LANG)
    preps = lexicon.function_words(LANG) - knowledge.words(LANG, "conjunctions.txt")
    for k in range(i + 1, j - 1):
        word = toks[k].lat
        if word in links:
            return j
        if word in preps and toks[k + 1].lat[:1].islower() and not _glued(toks, k):
            return k
    return j


def _glued(toks: list[Tok], k: int) -> bool:
    """Whether token k is a word's case ending glued to it by an apostrophe (Moody'sa)."""
    return k >= 2 and toks[k].lat[:1].isalpha() and toks[k - 1].lat in ("'", "’") \
        and toks[k - 2].end == toks[k - 1].start and toks[k - 1].end == toks[k].start


def _head(toks: list[Tok]) -> int:
    """An organisation's head noun after the adjectives that open its name ('Nacionalnom
    kriminalističkom agencijom'); 0 when it opens the name or is not found."""
    from .institution_words import features

    for k, t in enumerate(toks):
        f = features(t.text)
        if f.head:
            return k
        if not (f.adj or is_adjective_form(t.title)):
            return 0
    return 0


def _persons_by_surname(mentions: list[Mention]) -> list[Mention]:
    """A lone word typed ORG or LOC that is, declined, the last word of a person named in full in
    the document is that person ('Rehagela' after 'Oto Rehagel', 'Dugoli' after 'Ilira Dugolija')."""
    surnames = {_key(m.text.split()[-1]) for m in mentions if m.type == "PER" and len(m.text.split()) > 1
                and not _place_word(m.text.split()[-1])}  # ('Parku Matice Hrvatske' typed PER names no Hrvatska)
    surnames = {k for k in surnames if len(k) >= 4}
    for m in mentions:
        if m.type != "PER" and " " not in m.text and not m.text.isupper() and not _place_word(m.text):
            key = _key(m.text)
            if any(_same_word(key, k) for k in surnames):
                m.type = "PER"
    return _places_not_persons(mentions)


def _nationality(word: str) -> bool:
    """A nationality noun ('Francuza', 'Austrijanca'; the KB's country words) that is
    no country's own name and no first name."""
    return knowledge.country_from_word(word, LANG) is not None and not _place_word(word) and not is_first_name(word) \
        and not is_adjective_form(word.translate(_FOLD))  # (the KB matches without diacritics: 'Ruška' is no 'Ruska')


_FOLD = str.maketrans("čćšžđČĆŠŽĐ", "ccszdCCSZD")


def _place_word(word: str) -> bool:
    """A country's name in a case form the KB knows ('Hrvatskoj', 'Srbije'); a lone place name
    shared with first names ('Luka') is left to the model."""
    return any(e.type == "LOC" and e.id.startswith("country:") for e in knowledge.lookup(word, LANG))


def _places_not_persons(mentions: list[Mention]) -> list[Mention]:
    """A lone word that is a country's name in a case form ('u Hrvatskoj', which the model may
    read as a person in a long sentence) is the place, not a person, unless the document names a
    person with it in full ('Aleksandar Bugarski' ... 'Bugarski')."""
    full = {w for m in mentions if m.type == "PER" and " " in m.text for w in m.text.split()[1:]}
    for m in mentions:
        if m.type == "PER" and " " not in m.text and m.text not in full and _place_word(m.text):
            m.type = "LOC"
    return mentions


def _bodies_by_head_noun(rec, mentions: list[Mention]) -> list[Mention]:
    """A body named in full ('Centar u Nišu', 'Agencija za bezbednost saobraćaja') is named again
    by its capitalised head noun alone, mostly opening a sentence ('Centar je izdao saopštenje'):
    the model, reading that sentence on its own, does not know the body and leaves it. Such a
    word, followed by a function word, a punctuation mark or nothing, is a mention of the body
    (linking ties it to the full name)."""
    heads = {lower_lemma(m.text.split()[0]) for m in mentions
             if m.type == "ORG" and " " in m.text and m.text[:1].isupper() and is_org_head(m.text.split()[0])}
    if not heads:
        return []
    out = []
    for toks in rec.sents:
        for k, t in enumerate(toks):
            if not t.cap or t.allcaps or lower_lemma(t.lat) not in heads \
                    or any(m.start < t.end and t.start < m.end for m in mentions):
                continue
            nxt = toks[k + 1].lat if k + 1 < len(toks) else ""
            if nxt and nxt[:1].isalnum() and not (nxt[:1].islower() and is_stopword(nxt)):
                continue  # 'Centar grada', 'Centar za ...': a phrase of its own
            m = rec.mention([t], "ORG", source=SOURCE)
            if m is not None:
                out.append(m)
    return out


def _key(word: str) -> str:
    return skeleton(lemma(sr_to_latin(word)))


def _same_word(a: str, b: str) -> bool:
    """Two lemmas of one surname: equal, or one the other with at most two more letters (a case
    ending lemmagen3 left on a foreign name: 'dugolija', 'dugoli'); 'milano' is not 'milanovic'."""
    short, long_ = sorted((a, b), key=len)
    return short == long_ or (len(short) >= 4 and long_.startswith(short) and len(long_) - len(short) <= 2)
