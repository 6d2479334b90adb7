"""One event per happening: mentions in several sentences merge, compound acts split per country pair.

Why: an article reports one meeting in its headline, its lead and a paragraph of detail; a user
counts happenings, not sentences. So a mention that refers back ("after the meeting") joins the
happening it names (`resolve_back`), a compound act becomes one event per country pair
(`split_pairs`), and mentions of the same type, dyad and compatible date become one event that
keeps every supporting sentence (`merge`); a mention naming part of a dyad joins the full one.
"""
from __future__ import annotations

import msgspec

from ..doc import Actor, Article, Event
from .countries import country_keys, is_state
from .date import not_after_publication
from .type import SYMMETRIC_BY_DEFAULT

PARTIAL_PENALTY = 0.15  # an event missing a side (or its country) is less useful and less sure
PARTNERED = {"CONSULT", "COOPERATE"}  # acts done with someone: a mention naming one side only, never joined to a dyad, is dropped


def resolve_back(raw: list[Event], back: set[int]) -> list[Event]:
    """A mention that refers back ("after the meeting") joins the event of its type that shares most of
    its countries, else the nearest one of its type before it, else the first after it; it keeps its
    own actors only when the article reports no other happening of its type."""
    if not back:
        return raw
    out = []
    for n, e in enumerate(raw):
        if id(e) not in back:
            out.append(e)
            continue
        own = country_keys(e.sources + e.targets) - {None}
        same = [(k, h) for k, h in enumerate(raw) if id(h) not in back and h.type == e.type]
        if not same:
            out.append(e)
            continue
        shared = [(len(own & (country_keys(h.sources + h.targets) - {None})), -abs(k - n) - (k > n) * 0.5, k, h) for k, h in same]
        h = max(shared, key=lambda x: (x[0], x[1]))[3]
        for sp in e.sentences:
            if all(sp.start != x.start for x in h.sentences):
                h.sentences.append(sp)
        h.sentences.sort(key=lambda sp: sp.start)
        h.contexts = sorted(set(h.contexts) | set(e.contexts))
    return out


def _country_groups(actors: list[Actor]) -> list[list[Actor]]:
    """Actors grouped by country, in order of first mention; actors with no country (an IGO named
    beside a state) stay with the first group: they add no dyad of their own."""
    groups: dict[str, list[Actor]] = {}
    states = any(is_state(a.country) for a in actors)
    # an organisation (EU, INTERPOL) beside a state is loose too: "Europol and the Serbian police" act as Serbia
    loose = [a for a in actors if not a.country or states and not is_state(a.country)]
    for a in actors:
        if a.country and (is_state(a.country) or not states):
            groups.setdefault(a.country, []).append(a)
    if not groups:
        return [loose] if loose else []
    first = next(iter(groups))
    groups[first] = groups[first] + loose
    return list(groups.values())


def split_pairs(e: Event) -> list[Event]:
    """One event per distinct country pair of a compound act.

    Decision (samples gold, POLECAT dyad counts): "France, Italy and Spain expelled Russian
    diplomats" is three happenings a user counts per dyad (FRA-RUS, ITA-RUS, ESP-RUS), and the
    scorer, like most users, reads the primary source and target. So a compound act is split
    into one event per (source country, target country); the actors of one country stay
    together in `sources`/`targets` ("Vučić and Serbia"). A symmetric act of several parties
    (a trilateral memorandum) has its first-named party as source already (actors.assign), so
    it becomes that party with each other one: the star around the report's protagonist, not
    every pair.
    """
    src, tgt = _country_groups(e.sources), _country_groups(e.targets)
    if len(src) <= 1 and len(tgt) <= 1:
        if src:
            e.sources, e.source = src[0], src[0][0]  # a state actor, not an IGO beside it, is primary
        if tgt:
            e.targets, e.target = tgt[0], tgt[0][0]
        return [e]
    out = []
    for s in src or [[]]:
        for t in tgt or [[]]:
            out.append(msgspec.structs.replace(e, sources=list(s), targets=list(t),
                                               source=s[0] if s else Actor(), target=t[0] if t else Actor(),
                                               sentences=list(e.sentences), contexts=list(e.contexts)))
    return out


def _dyad_key(e: Event) -> tuple:
    src = frozenset(a.country or a.entity for a in e.sources)
    tgt = frozenset(a.country or a.entity for a in e.targets)
    if e.type in SYMMETRIC_BY_DEFAULT or e.type in ("RETREAT",) and e.mode == "ceasefire":
        return (e.type, frozenset({src, tgt}))
    return (e.type, src, tgt)


def _compatible_dates(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return True
    return a.startswith(b) or b.startswith(a)


def merge(events: list[Event], doc: Article) -> list[Event]:
    """One event per happening: same type, same dyad, compatible dates; every sentence kept.

    Then a mention that names only part of a dyad ("after the meeting", "the agreement signed
    today", "potpisali su ... sa") joins the event of its type whose countries include its own
    (or, naming no country at all, the only event of its type), when the dates agree: it
    reports the same happening, not another one.
    """
    merged: list[Event] = []
    explicit: list[bool] = []
    published = (doc.published or "")[:10]
    for e in events:
        is_explicit = bool(e.date) and e.date != published
        target = next((n for n, m in enumerate(merged) if _dyad_key(m) == _dyad_key(e)
                       and _compatible_dates(m.date if explicit[n] else None, e.date if is_explicit else None)), None)
        if target is None:
            merged.append(e)
            explicit.append(is_explicit)
        else:
            explicit[target] = _fold(merged[target], e, is_explicit, explicit[target])
    kept: list[Event] = []
    order = sorted(range(len(merged)), key=lambda n: not _complete(merged[n]))  # complete dyads first
    host: dict[int, int] = {}
    # a headline repeats the body: its event joins the body's event of its type between the same countries,
    # whatever the order the headline's word order gave ("Vulin o sankcijama SAD: ... da podnesem ostavku")
    title = doc.title_span
    for n, e in enumerate(merged):
        if title is None or not all(title.start <= sp.start and sp.end <= title.end + 1 for sp in e.sentences):
            continue
        own = _known_countries(e)
        k = next((k for k, m in enumerate(merged) if k != n and k not in host and m.type == e.type and own
                  and _known_countries(m) == own and not all(title.start <= sp.start and sp.end <= title.end + 1
                                                              for sp in m.sentences)), None)
        if k is not None:
            host[n] = k
            explicit[k] = _fold(merged[k], e, explicit[n], explicit[k], boost=0.02)
    for n in order:
        e = merged[n]
        if _complete(e):
            continue
        own = _known_countries(e)
        same = [k for k in order if k != n and k not in host and merged[k].type == e.type and _complete(merged[k])
                and _compatible_dates(merged[k].date if explicit[k] else None, e.date if explicit[n] else None)]
        fits = [k for k in same if own and own <= _known_countries(merged[k])]
        if not own and len(same) == 1:
            fits = same
        if fits:
            k = max(fits, key=lambda k: merged[k].confidence)
            host[n] = k
            explicit[k] = _fold(merged[k], e, explicit[n], explicit[k], boost=0.02)
    # partial mentions of one happening join each other: same type, the same known countries ("ФСБ
    # задержала членов ячейки" / "Сотрудники ФСБ задержали семерых" / "задержанные" name only Russia)
    for n in order:
        e = merged[n]
        own = _known_countries(e)
        if n in host or _complete(e) or not own:
            continue
        k = next((k for k in order if k != n and k not in host and merged[k].type == e.type and not _complete(merged[k])
                  and _known_countries(merged[k]) == own and (merged[k].confidence, -k) > (e.confidence, -n)
                  and _compatible_dates(merged[k].date if explicit[k] else None, e.date if explicit[n] else None)), None)
        if k is not None:
            host[n] = k
            explicit[k] = _fold(merged[k], e, explicit[n], explicit[k], boost=0.0)
    for n, e in enumerate(merged):
        if n in host:
            continue
        if e.type in PARTNERED and not (e.sources and e.targets):
            continue  # cooperation with no partner named anywhere: "сотрудничество дает результат"
        if not _complete(e):
            e.confidence = round(max(0.05, e.confidence - PARTIAL_PENALTY), 3)
        not_after_publication(e, doc)
        kept.append(e)
    return kept


def _known_countries(e: Event) -> set[str]:
    return {a.country for a in e.sources + e.targets if a.country}


def _complete(e: Event) -> bool:
    """Both sides named with a country: the dyad a user can count."""
    return any(a.country for a in e.sources) and any(a.country for a in e.targets)


def _fold(m: Event, e: Event, e_explicit: bool, m_explicit: bool, boost: float = 0.05) -> bool:
    """Fold mention e into event m (sentences, contexts, date, best trigger); returns m's explicit-date flag."""
    for sp in e.sentences:
        if all(sp.start != x.start for x in m.sentences):
            m.sentences.append(sp)
    m.sentences.sort(key=lambda sp: sp.start)
    m.contexts = sorted(set(m.contexts) | set(e.contexts))
    m.future = m.future and e.future
    if m.mode == "future" and not m.future:
        m.mode = e.mode if e.mode != "future" else None
    if e_explicit and not m_explicit:
        m.date, m.date_precision = e.date, e.date_precision
        m_explicit = True
    if e.confidence > m.confidence and _complete(e) >= _complete(m):
        m.trigger, m.sentence, m.mode = e.trigger, e.sentence, e.mode if not m.future else m.mode
        if e.mode and e.mode != "future":
            m.mode = e.mode
    m.location = m.location or e.location
    m.confidence = round(min(1.0, max(m.confidence, e.confidence) + boost), 3)
    return m_explicit
