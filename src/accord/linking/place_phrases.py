"""Places written with their kind-of-place word, and bodies named by a place.

Why: English news writes a region or province with a lower-case kind word after its name ('Pinsk,
Brest region', "Iraq's autonomous Kurdistan region"), and a local body as a place and a concept
head ('the Yunnan border police', 'Moscow police'). The recogniser keeps the capitalised name
only ('Brest', 'Yunnan': right by CoNLL's convention, and so kept there), so the phrase news and
gold write was no mention, and the local body was no actor at all. After identity:
- a place mention written with lower-case kind words before its name ('городе Хараре', as the
  Russian recogniser spans it for factRuEval) gets the bare name as a mention too;
- a place mention (not a country) followed, in its sentence, by a word of the language's
  place_nouns_after.txt gets the phrase as a second mention of the same place (both spans kept,
  as bodies._widen keeps "Poland's Defence Ministry");
- a place mention with a country followed by a concept head of org_concepts.tsv (one to three
  words, no mention over them) becomes an ORG mention of that place's body: id
  org:<concept>-<place>, so the Yunnan border police stays apart from China's, with the place's
  country and the concept's sector.
Languages that put the kind word or the body before the name or decline it (Russian 'полиция
Москвы', Serbian 'policija Beograda', 'Брестская область') have an empty list, and a place
before a head there is no body ('в Москве полиция задержала'): only a language that is not
`inflected` (its owner comes uninflected before the head) reads a place body.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..doc import Mention
from ..ner import knowledge
from . import sector
from .document import Linking

HEAD_WORDS = 3


@lru_cache(maxsize=None)
def kind_words(lang: str) -> frozenset[str]:
    return frozenset(w.casefold() for w in knowledge.words(lang, "place_nouns_after.txt"))


def _covered(st: Linking, start: int, end: int) -> bool:
    return any(x.start < end and start < x.end for x in st.doc.mentions)


def _pos(st: Linking, si: int, start: int) -> str:
    """The part of speech the language's analysis gives the word at `start` ("" where none)."""
    from ..analysis import sentence_tokens

    toks = sentence_tokens(st.doc, [st.doc.sentences[si]])[0]
    return next((t.pos for t in toks if t.start == start), "")


def _bare_name(st: Linking, x: Mention, g, spans: set, added: list[Mention]) -> None:
    """'в городе Хараре', 'у посёлка Алабино': a recogniser that spans a place's lower-case kind
    word before its name (factRuEval's extent) leaves the name alone, as news and gold also write
    it, without a mention; the name from its first capitalised word on becomes one too."""
    text = st.doc.text
    words = list(re.finditer(r"\S+", x.text))
    first = next((w for w in words if w.group()[:1].isupper()), None)
    if first is None or first.start() == 0 or any(not w.group().isalpha() or not w.group().islower()
                                                 for w in words if w.start() < first.start()):
        return
    start = x.start + first.start()
    if (start, x.end) in spans:
        return
    m = Mention(start=start, end=x.end, text=text[start:x.end], type="LOC", normal=x.normal or text[start:x.end],
                source="kind", country=g.country)
    st.group(g.id, "LOC", g.name, m)
    spans.add((start, x.end))
    added.append(m)


def place_phrases(st: Linking) -> None:
    """Kind-of-place phrases and place bodies as mentions (see the module)."""
    toks = st.ctx.tokens
    text = st.doc.text
    added: list[Mention] = []
    spans = {(x.start, x.end) for x in st.doc.mentions}
    for x in list(st.doc.mentions):
        g = st.groups.get(x.entity) if x.entity else None
        if x.type != "LOC" or g is None:
            continue
        if x.text[:1].islower():
            _bare_name(st, x, g, spans, added)
            continue
        if g.id.startswith("country:"):
            continue
        k = st.ctx.index(x.end)  # the first token after the mention
        if k >= len(toks) or st.ctx.sent_of[k] != st.ctx.sent_of[st.ctx.index(x.start)] or text[x.end:toks[k].start] != " ":
            continue
        word = toks[k].text
        if word.islower() and word.casefold() in kind_words(st.lang) and (x.start, toks[k].end) not in spans \
                and not _covered(st, toks[k].start, toks[k].end):
            m = Mention(start=x.start, end=toks[k].end, text=text[x.start:toks[k].end], type="LOC",
                        normal=text[x.start:toks[k].end], source="kind", country=g.country)
            st.group(g.id, "LOC", g.name, m)
            if g.country is None:  # 'Kurdistan' is three countries' region, 'Kurdistan region' Iraq's
                g.country = m.country = knowledge.place_country(m.text, st.lang)
            spans.add((m.start, m.end))
            added.append(m)
            continue
        if g.country is None or st.inflected:
            continue  # an inflected language names a place's body with a genitive or an adjective
        for n in range(min(HEAD_WORDS, len(toks) - k), 0, -1):
            j = k + n - 1
            if any(st.ctx.sent_of[q] != st.ctx.sent_of[k] for q in range(k, j + 1)):
                continue
            head = text[toks[k].start:toks[j].end]
            if _covered(st, toks[k].start, toks[j].end) or not head[:1].isalpha():
                continue
            after = toks[j + 1] if j + 1 < len(toks) and st.ctx.sent_of[j + 1] == st.ctx.sent_of[k] else None
            if after is not None and after.text[:1].islower() and _pos(st, st.ctx.sent_of[k], after.start) == "NOUN":
                continue  # 'Guangxi police colleges': the head runs on into another noun
            found = sector.concept(st, head)
            if found:
                key, concept_sector = found
                body = text[x.start:toks[j].end]
                m = Mention(start=x.start, end=toks[j].end, text=body, type="ORG", normal=body,
                            source="concept", country=g.country)
                b = st.group(f"org:{key}-{g.id.split(':', 1)[1]}", "ORG", body, m, country=g.country, sector=concept_sector)
                if b.country is None:
                    b.country = g.country
                added.append(m)
                break
    if added:
        st.mentions_added(added)
