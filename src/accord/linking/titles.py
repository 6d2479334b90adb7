"""Title-only references ('the minister', 'Глава государства', 'srpski ministar'): which person
each one names, added as a mention of that person's entity.

Why: news names a person once and then calls them by office. A reference joins a person only
when the document makes it unambiguous: exactly one person named earlier was given that office
(a title before the name, or in an apposition after it) and, when the reference names a country
(country.reference_country), that country; when the document gives nobody the office, the one
person the KB has in it for that country on the publication date (ner.titles.kb_holder).
Otherwise it stays unlinked. Title phrases and their office classes: ner.titles.
"""
from __future__ import annotations

import bisect

from ..doc import Mention
from ..ner import knowledge, titles
from . import country, sector
from .document import PUNCT_STOP, Group, Linking


def person_offices(st: Linking) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """Office classes the document gives each person (title before a mention, or after
    it in an apposition), and, apart, for KB persons the office held on the publication date."""
    out: dict[str, set[str]] = {}
    held: dict[str, set[str]] = {}
    toks = st.ctx.tokens
    for m in st.doc.mentions:
        if m.type != "PER" or not m.entity:
            continue
        phrase = st.title_phrase(m)
        idx = [st.ctx.index(t.start) for t in phrase]
        i = st.ctx.index(m.end)
        if i < len(toks) and toks[i].text == ",":
            for k in range(i + 1, min(i + 5, len(toks))):
                if toks[k].text in PUNCT_STOP or st.ctx.sent_of[k] != st.ctx.sent_of[i]:
                    break
                idx.append(k)
        for k in idx:
            hit = titles.match(toks, k, st.lang)
            if hit is not None and hit[2]:
                out.setdefault(m.entity, set()).add(hit[1])
    date = st.doc.published
    for g in st.groups.values():
        if g.kb and g.type == "PER":
            entry = knowledge.get(g.id)
            term = entry.term_at(date) if entry is not None and date else None
            cls = titles.role_class(term.role) if term is not None else None
            if cls:
                held.setdefault(g.id, set()).add(cls)
    return out, held


def title_references(st: Linking) -> None:
    """Title-only references join the one person the document (or the KB, for the office on the
    publication date) gives that office."""
    toks = st.ctx.tokens
    if not toks:
        return
    offices = None
    added: list[Mention] = []
    # the tokens a title phrase may begin at (most begin none): the scan jumps between them
    starts = [k for k, t in enumerate(toks) if titles.can_start(t.text, st.lang)]
    i = starts[0] if starts else len(toks)
    while i < len(toks):
        hit = titles.match(toks, i, st.lang)
        if hit is None:
            k = bisect.bisect_left(starts, i + 1)
            i = starts[k] if k < len(starts) else len(toks)
            continue
        n, cls, singular = hit
        t0, t1 = toks[i], toks[i + n - 1]
        si = st.ctx.sent_of[i]
        i += n
        if not singular or st.in_mention(t0.start) or st.in_mention(t1.start):
            continue
        prev = toks[i - n - 1] if i - n - 1 >= 0 and st.ctx.sent_of[i - n - 1] == si else None
        if prev is not None and (prev.text.lower() in titles.ARTICLES_INDEFINITE or prev.text == ","):
            continue  # 'a minister'; an apposition describes the name before it
        # a title in front of a name ('ministar Vulin', 'Interior Minister Bratislav Gasic')
        ahead = [x for x in st.doc.mentions if x.type == "PER" and t1.end <= x.start]
        nxt = min(ahead, key=lambda x: x.start, default=None)
        if nxt is not None:
            between = st.doc.text[t1.end:nxt.start]
            if not any(c in between for c in ".!?;:\n\"«»“”„") and len(between.split()) <= 5:
                continue
        if offices is None:
            offices = person_offices(st)
        iso = country.reference_country(st, i - n, n)
        gid = None
        for given in offices:  # offices the text gives first, then KB terms of persons named
            owners = []
            for oid, classes in given.items():
                g = st.groups.get(oid)
                if g is None or cls not in classes or (iso and g.country != iso):
                    continue
                if min(x.start for x in g.mentions) < t0.start:
                    owners.append(oid)
            if owners:
                gid = owners[0] if len(owners) == 1 else None
                break
        else:
            owners = []
        if gid is None and not owners and iso:
            entry = titles.kb_holder(cls, iso, st.doc.published)
            if entry is not None:
                gid = entry.id
                if gid not in st.groups:
                    st.groups[gid] = Group(id=gid, type="PER", name=entry.name, country=country.of_entry(entry),
                                           kb=True, sector=sector.of_entry(entry))
        if gid is None:
            continue
        start = t0.start
        if not st.inflected and prev is not None and knowledge.country_from_word(prev.text, st.lang):
            start = prev.start  # 'Russian president'
        m = Mention(start=start, end=t1.end, text=st.doc.text[start:t1.end], type="PER",
                    normal=st.doc.text[start:t1.end], source="title", entity=gid, country=iso)
        st.groups[gid].mentions.append(m)
        added.append(m)
    if added:
        st.mentions_added(added)
