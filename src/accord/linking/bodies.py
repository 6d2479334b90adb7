"""Country-owned bodies named by a nationality and a common noun: 'Croatian police', 'Polish
embassy', "Poland's Defence Ministry", 'srbijanska policija', 'российское посольство'.

Why: a recogniser takes a capitalised name; 'the Croatian police' has none but the adjective, so
the body was not found at all, and a pair of actors that must stay apart ('Croatian police' and
Serbia's MUP) failed because one side was missing. The head nouns are the language's
org_concepts.tsv (the same table that gives a body outside the KB its language-free id), the
nationality is any KB country word (adjective, demonym, possessive country name), so this is no
list of bodies: after identity, a country word followed by a concept head (one to three words,
not inside another mention) becomes an ORG mention. Its id is the KB's where the KB knows that
country's body ('Serbian government' -> org:gov-srb), else the concept id of accord.linking.sector
('org:police-hrv'), with the country and the concept's sector. Runs only where no mention covers
the head; a country word that is a mention of its own stays one, nested in the body's.
"""
from __future__ import annotations

from ..doc import Mention
from ..ner import knowledge
from . import sector
from .document import Linking

HEAD_WORDS = 5  # tokens: "prime minister's office" is five
POSSESSIVE = ("'s", "’s", "'", "’")


def _covered(st: Linking, start: int, end: int) -> bool:
    return any(x.start < end and start < x.end for x in st.doc.mentions)


def _kb_body(st: Linking, text: str, iso: str):
    """The KB's body for this country under this name, if the KB has exactly one."""
    base = knowledge.kb()
    if base is None:
        return None
    try:
        cands = base.candidates(text, st.lang)
    except Exception:
        return None
    found = [c.entry for c in cands if c.entry.country == iso and c.entry.type == "ORG"]
    return found[0] if len(found) == 1 else None


def concept_bodies(st: Linking) -> None:
    """Nationality + concept head as ORG mentions (see the module)."""
    toks = st.ctx.tokens
    added: list[Mention] = []
    i = 0
    while i < len(toks) - 1:
        t = toks[i]
        if not t.text[:1].isalpha() or _covered(st, t.start, t.end) and not _country_mention(st, t):
            i += 1
            continue
        iso = knowledge.country_from_word(t.text, st.lang)
        if not iso:
            i += 1
            continue
        hit = None
        first = i + 1
        if first < len(toks) and toks[first].text in POSSESSIVE and toks[first].start == t.end:
            first += 1  # "Poland's Defence Ministry"
            if first < len(toks) and toks[first].text == "s" and toks[first].start == toks[first - 1].end:
                first += 1  # the tokeniser's "'" + "s"
        for n in range(min(HEAD_WORDS, len(toks) - first), 0, -1):
            j = first + n - 1
            if any(st.ctx.sent_of[k] != st.ctx.sent_of[i] for k in range(i, j + 1)):
                continue
            head = st.doc.text[toks[first].start:toks[j].end]
            if _covered(st, toks[first].start, toks[j].end):
                if first > i + 1 or t.text.endswith(POSSESSIVE):
                    _widen(st, t.start, toks[first].start, toks[j].end, head)
                continue
            found = sector.concept(st, head)
            if found:
                hit = (j, head, found)
                break
        if hit is None:
            i += 1
            continue
        j, head, (key, concept_sector) = hit
        start, end = t.start, toks[j].end
        text = st.doc.text[start:end]
        m = Mention(start=start, end=end, text=text, type="ORG", normal=text, source="concept", country=iso)
        entry = _kb_body(st, text, iso)
        if entry is not None:
            g = st.group(entry.id, entry.type, entry.name, m, country=entry.country, kb=True, sector=entry.sector)
        else:
            g = st.group(f"org:{key}-{iso.lower()}", "ORG", text, m, country=iso, sector=concept_sector)
            if g.country is None:
                g.country = iso
        added.append(m)
        i = j + 1
    if added:
        st.mentions_added(added)
    adjective_spans(st)


def adjective_spans(st: Linking) -> None:
    """A body named with a lower-case nationality adjective right before it ('srbijanskog
    Ministarstva pravosuđa') is a mention of it with the adjective too: news and gold write
    either, so both spans are kept, as `_widen` keeps "Poland's Defence Ministry". Only where the
    adjective's country is the body's own. The other way round too: the gazetteer gives a bare
    abbreviation with its adjective in one span ('српског МУП-а', 'сербского МВД'), and the
    abbreviation alone ('МУП-а') is a mention of the same body (never a second actor: it joins
    that body's entity)."""
    text = st.doc.text
    added: list[Mention] = []
    spans = {(x.start, x.end) for x in st.doc.mentions}
    for x in list(st.doc.mentions):
        words = x.text.split(" ")
        if x.type == "ORG" and x.entity in st.groups and len(words) == 2 and words[0].isalpha() \
                and words[0][:1].islower() and words[1][:1].isupper() \
                and st.groups[x.entity].country is not None \
                and knowledge.country_from_word(words[0], st.lang) == st.groups[x.entity].country:
            k = x.start + len(words[0]) + 1
            if (k, x.end) not in spans:
                m = Mention(start=k, end=x.end, text=text[k:x.end], type="ORG", normal=text[k:x.end],
                            source="concept", country=st.groups[x.entity].country)
                st.group(x.entity, "ORG", st.groups[x.entity].name, m)
                spans.add((k, x.end))
                added.append(m)
    for x in list(st.doc.mentions):
        if x.type != "ORG" or x.entity not in st.groups or not x.text[:1].isupper():
            continue
        iso = st.groups[x.entity].country
        k = text.rfind(" ", 0, x.start - 1) + 1
        word = text[k:x.start - 1]
        if iso is None or text[x.start - 1:x.start] != " " or not word[:1].islower() or not word.isalpha() \
                or knowledge.country_from_word(word, st.lang) != iso or (k, x.end) in spans:
            continue
        m = Mention(start=k, end=x.end, text=text[k:x.end], type="ORG", normal=text[k:x.end],
                    source="concept", country=iso)
        st.group(x.entity, "ORG", st.groups[x.entity].name, m)
        spans.add((k, x.end))
        added.append(m)
    if added:
        st.mentions_added(added)


def _country_mention(st: Linking, t) -> bool:
    """A LOC mention that is exactly this country word ('Poland's' tagged as a place)."""
    return any(x.start == t.start and x.type == "LOC" and x.end <= t.end + 2 for x in st.doc.mentions)


def _widen(st: Linking, start: int, head_start: int, head_end: int, head: str) -> None:
    """"Poland's Defence Ministry": beside the recogniser's 'Defence Ministry' (a concept head,
    already given its country by identity), the name with the possessive country before it is a
    mention of the same body too (both spans kept: news and gold write either)."""
    if sector.concept(st, head) is None:
        return
    for x in list(st.doc.mentions):
        if x.type == "ORG" and (x.start, x.end) == (head_start, head_end) and x.entity in st.groups:
            text = st.doc.text[start:head_end]
            m = Mention(start=start, end=head_end, text=text, type="ORG", normal=text, source="concept",
                        country=x.country)
            st.group(x.entity, "ORG", st.groups[x.entity].name, m)
            st.mentions_added([m])
            return
