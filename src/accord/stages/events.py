"""Stage 'events': PLOVER events (who did what to whom, on what, when) traceable to sentences.

Why this way: trigger words, modes, context cues, negators, intent cues and role words are
reviewed per-language data (lang/<code>/events.tsv, contexts.tsv, negation.txt, future.tsv,
event_roles.tsv) matched on lemmas, so English, Russian and Serbian (both scripts) are coded
natively, without machine translation, and a new language is a new data folder.

For each body sentence: find triggers (longest pattern wins, a token serves one trigger), drop
negated ones ("did not agree", "nije potpisao": negation means it did not happen, so nothing is
coded; `negated` stays False on every output event), mark intent/readiness (`future`, mode
"future" when the type has no mode of its own; a bare "ready to"/"spremni smo"/"готовы" with no
other trigger is AGREE), assign actor and recipient from entities (syntax for en/ru, word order
and role words otherwise; "we" inside a quote is the speaker's side; "the sides"/"стороны"/"strane"
refers back to the dyad just coded), read contexts from the sentence and its paragraph, and the
date the sentence gives (else the publication date). Then one event per happening: same type,
same dyad and compatible date merge, keeping every supporting sentence.
"""
from __future__ import annotations

from ..doc import Actor, Article, DateMention, Event, Span, TextSpan
from ..events import lexicon
from ..events.actors import Candidate, assign, candidates, group_sides, speaker_actor
from ..events.analysis import Tok, analyse

REQUIRES = ("sentences", "dates", "entities", "quotes", "published")
ASSIGNS = ("events",)

NEGATION_WINDOW = 3  # words before the trigger a negator may stand
FUTURE_WINDOW = 4
NEGATION_REACH = 5
COMPLEMENT_REACH = 3  # words after a REQUEST/REJECT/THREATEN trigger that name its object
LOCAL_TYPES = {"ASSAULT", "PROTEST", "COERCE"}
LOCAL_BEFORE, LOCAL_AFTER = 3, 5
ABSORBING = {"REQUEST", "REJECT", "THREATEN"}  # triggers this many words after a negated one belong to it
READY_REACH = 6
DOC_CONTEXT_PARAGRAPHS = 3  # a context cued in this many paragraphs holds for the whole document  # a readiness cue governs a trigger this many words after it
CONTENT_POS = {"NOUN", "PROPN", "ADJ", "NUM"}
SYMMETRIC_BY_DEFAULT = {"CONSULT", "COOPERATE", "AGREE"}


def run(doc: Article) -> None:
    doc.events = []
    lang = doc.lang
    if not lexicon.triggers(lang).patterns:
        return
    sentences = [s for s in doc.sentences if doc.in_body(s.start, s.end) or not doc.body]
    analysed = analyse(lang, sentences)
    para_contexts: dict[int, set[str]] = {}
    sent_contexts = []
    for s, toks in zip(sentences, analysed):
        strong, weak = _contexts(toks, lang)
        sent_contexts.append(strong | weak)
        para_contexts.setdefault(s.paragraph, set()).update(strong)
    # document-level contexts (PLOVER allows them): a theme present in several paragraphs
    spread: dict[str, int] = {}
    for found in para_contexts.values():
        for c in found:
            spread[c] = spread.get(c, 0) + 1
    doc_contexts = {c for c, n in spread.items() if n >= DOC_CONTEXT_PARAGRAPHS}
    for para in para_contexts:
        para_contexts[para] |= doc_contexts
    raw: list[Event] = []
    for s, toks, ctx in zip(sentences, analysed, sent_contexts):
        events = _sentence_events(doc, s, toks, lang, raw)
        for e in events:
            e.contexts = sorted(ctx | para_contexts.get(s.paragraph, set()))
        raw.extend(events)
    doc.events = merge(raw, doc)
    for n, e in enumerate(doc.events):
        e.id = f"{doc.doc_id}-ev{n + 1}"


def _contexts(toks: list[Tok], lang: str) -> tuple[set[str], set[str]]:
    strong, weak = set(), set()
    for m in lexicon.select(lexicon.contexts(lang).find(toks)):
        (weak if "weak" in m.pattern.flags else strong).update(m.pattern.label.split())
    return strong, weak


def _negated(toks: list[Tok], first: int, lang: str) -> bool:
    neg, exc = lexicon.negation(lang)
    lo = max(0, first - NEGATION_WINDOW)
    excepted = set()
    for m in exc.find(toks, lo, first):
        excepted |= set(m.tokens)
    for m in neg.find(toks, lo, first):
        if set(m.tokens) & excepted:
            continue
        between = range(m.last + 1, first)
        if any(toks[j].text in ",;:" or toks[j].pos in CONTENT_POS for j in between):
            continue  # "no secret that cooperation ...": the negator belongs to another word
        return True
    return False


def _modal_cues(toks: list[Tok], lang: str) -> list[lexicon.Match]:
    return lexicon.select(lexicon.modality(lang).find(toks))


def _sentence_events(doc: Article, s, toks: list[Tok], lang: str, previous: list[Event]) -> list[Event]:
    if not toks:
        return []
    matches = [m for m in lexicon.select(lexicon.triggers(lang).find(toks))]
    modal = _modal_cues(toks, lang)
    real = [m for m in matches if m.pattern.label != "NONE"]
    # a readiness cue with no trigger after it is itself an AGREE ("spremni smo", "готовы к")
    for cue in modal:
        if cue.pattern.label == "ready" and not any(0 <= m.first - cue.last <= READY_REACH for m in real):
            real.append(lexicon.Match(lexicon.Pattern(cue.pattern.words, "AGREE", None, frozenset({"symmetric"}), 0.6), cue.tokens))
    cands = candidates(doc, toks, lang)
    trigger_tokens = {j for m in real for j in range(m.first, m.last + 1)}
    sides = group_sides(cands, toks, lang, trigger_tokens)
    places = [c for c in cands if c.place]
    sides_cue = any(m.pattern.label == "sides" for m in lexicon.roles(lang).find(toks))
    out: list[Event] = []
    by_key: dict[tuple, int] = {}
    negated_until = -1
    absorbed_until = -1
    for m in sorted(real, key=lambda m: m.first):
        p = m.pattern
        if m.first <= negated_until:  # complement of a negated trigger: coded with it or not at all
            continue
        if m.first <= absorbed_until and p.label not in ABSORBING:
            continue  # what is requested, refused or threatened is part of that act ("просили помощи")
        if p.label in ABSORBING:
            absorbed_until = m.last + COMPLEMENT_REACH
        negated = _negated(toks, m.first, lang)
        if negated:
            negated_until = m.last + NEGATION_REACH  # "did not agree to cooperate"
        symmetric = "symmetric" in p.flags or (p.label in SYMMETRIC_BY_DEFAULT and "reverse" not in p.flags)
        local_sides = sides
        if p.label in LOCAL_TYPES and toks[m.first].pos in ("NOUN", ""):
            # "teroristički napadi u Briselu": a nominal attack, protest or arrest takes its actors from its own phrase
            local_sides = [x for x in sides if m.first - LOCAL_BEFORE <= x.first and x.last <= m.last + LOCAL_AFTER]
        sources, targets, from_syntax = assign(local_sides, places, toks, m.first, m.last, symmetric, "reverse" in p.flags)
        if local_sides is not sides and not sources and not targets:
            sources, targets, from_syntax = assign(sides, places, toks, m.first, m.last, symmetric, "reverse" in p.flags)
        fallback = False
        if not sources and not targets:
            inherited = _inherit(previous + out, s, sides_cue) if sides_cue else None
            if inherited:
                sources, targets = inherited
                fallback = True
            else:
                spk = speaker_actor(doc, toks[m.first].start)
                if spk is None:
                    continue
                sources, fallback = [spk], True
        elif not sources:
            spk = speaker_actor(doc, toks[m.first].start)
            if spk is not None:
                sources, fallback = [spk], True
        if "weak" in p.flags and not (sources and targets and _countries(sources) != _countries(targets)):
            continue
        future = any(c.last < m.first and m.first - c.last <= FUTURE_WINDOW or c.last < m.first and c.pattern.label == "ready"
                     and m.first - c.last <= READY_REACH for c in modal) or any(c.tokens == m.tokens for c in modal)
        coded = recode(p.label, p.mode, negated, future)
        if coded is None:
            continue
        etype, mode = coded
        key = (etype, tuple(a.country or a.entity for a in sources), tuple(a.country or a.entity for a in targets))
        trig_start, trig_end = toks[m.first].start, toks[m.last].end
        date, precision, explicit = _event_date(doc, s, trig_start)
        conf = p.weight * (0.55 + 0.25 * bool(sources) + 0.2 * bool(targets))
        conf += 0.05 if from_syntax else 0.0
        conf -= 0.15 if fallback else 0.0
        conf += _clause_weight(toks, m.first)
        ev = Event(
            type=etype, source=sources[0] if sources else Actor(), target=targets[0] if targets else Actor(),
            sources=sources, targets=targets, sentence=Span(start=s.start, end=s.end), sentences=[Span(start=s.start, end=s.end)],
            mode=mode, date=date, date_precision=precision, location=_location(places, doc),
            trigger=TextSpan(start=trig_start, end=trig_end, text=doc.text[trig_start:trig_end]),
            confidence=round(max(0.05, min(1.0, conf)), 3), future=future,
        )
        if explicit:
            ev.confidence = round(min(1.0, ev.confidence + 0.02), 3)
        if key in by_key:  # one event per type and dyad in a sentence: the strongest trigger speaks for it
            if ev.confidence > out[by_key[key]].confidence:
                out[by_key[key]] = ev
            continue
        by_key[key] = len(out)
        out.append(ev)
    return out


COOPERATIVE = {"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "RETREAT", "CONCEDE"}
REJECT_MODE = {"AID": "assist", "COOPERATE": "assist", "CONSULT": "meet", "RETREAT": "yield", "CONCEDE": "yield"}
THREAT_MODE = {"SANCTION": "relations", "COERCE": "restrict", "ASSAULT": "violence", "MOBILIZE": "violence"}
THREAT_MODE_BY_MODE = {"expel": "expel", "arrest": "arrest", "convict": "arrest"}


def recode(etype: str, mode: str | None, negated: bool, future: bool) -> tuple[str, str | None] | None:
    """PLOVER's reading of negation and intent; None: nothing is coded.

    A refused or failed cooperative act ("did not agree", "will not accept", "nije potpisao")
    is REJECT, as PLOVER codes it; other negated acts did not happen and are dropped. Intent to
    cooperate ("will visit", "ready to cooperate", "spremni smo") is AGREE with mode future;
    intent to sanction, coerce or attack is THREATEN; a future verbal act keeps its type.
    """
    if negated:
        if etype in COOPERATIVE:
            return "REJECT", REJECT_MODE.get(etype)
        return None
    if future:
        if etype in COOPERATIVE:
            return "AGREE", "future"
        if etype in THREAT_MODE or etype == "PROTEST":
            return "THREATEN", THREAT_MODE_BY_MODE.get(mode or "", THREAT_MODE.get(etype))
    return etype, mode


def _clause_weight(toks: list[Tok], i: int) -> float:
    """Main-clause triggers speak for the sentence; triggers in modifiers or relative clauses less."""
    dep = toks[i].dep
    if not dep:
        return 0.0
    if dep == "root":
        return 0.1
    head = toks[i].head
    if dep in ("ccomp", "xcomp", "conj", "parataxis") and head != -1 and toks[head].dep == "root":
        return 0.05
    if dep in ("relcl", "acl", "acl:relcl", "advcl", "amod", "compound", "nmod", "pobj", "obl", "appos"):
        return -0.1
    return 0.0


def _countries(actors: list[Actor]) -> set:
    return {a.country or a.entity for a in actors}


def _inherit(previous: list[Event], s, sides_cue: bool) -> tuple[list[Actor], list[Actor]] | None:
    """"The sides discussed ..." refers to the last coded dyad in the document."""
    for e in reversed(previous):
        if e.sources and e.targets:
            return list(e.sources), list(e.targets)
    return None


def _location(places: list[Candidate], doc: Article) -> str | None:
    located = [p for p in places if p.role_hint == "location" and p.actor.entity]
    if located:
        return located[0].actor.entity
    if len(places) == 1 and places[0].actor.entity:
        return places[0].actor.entity
    return None


def _dates_in(doc: Article, start: int, end: int) -> list[DateMention]:
    try:
        from .dates import dates_in  # the dates stage's helper, when it exists
    except ImportError:
        dates_in = None
    if dates_in is not None:
        return list(dates_in(doc, start, end))
    return [d for d in doc.dates if start <= d.start and d.end <= end]


def _event_date(doc: Article, s, trigger_start: int) -> tuple[str | None, str | None, bool]:
    """(value, precision, explicit): the sentence's own date nearest the trigger, else publication."""
    found = _dates_in(doc, s.start, s.end)
    if found:
        d = min(found, key=lambda d: abs(d.start - trigger_start))
        return d.value, d.precision, True
    if doc.published:
        value = doc.published[:10]
        precision = {4: "year", 7: "month"}.get(len(value), "day")
        return value, precision, False
    return None, None, False


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
    """One event per happening: same type, same dyad, compatible dates; every sentence kept."""
    merged: list[Event] = []
    explicit_date: dict[int, bool] = {}
    for e in events:
        is_explicit = bool(e.date) and e.date != (doc.published or "")[:10]
        target = None
        for n, m in enumerate(merged):
            if _dyad_key(m) != _dyad_key(e):
                continue
            a = m.date if explicit_date[n] else None
            b = e.date if is_explicit else None
            if _compatible_dates(a, b):
                target = n
                break
        if target is None:
            merged.append(e)
            explicit_date[len(merged) - 1] = is_explicit
            continue
        m = merged[target]
        for sp in e.sentences:
            if all(sp.start != x.start for x in m.sentences):
                m.sentences.append(sp)
        m.contexts = sorted(set(m.contexts) | set(e.contexts))
        m.future = m.future and e.future
        if m.mode == "future" and not m.future:
            m.mode = e.mode if e.mode != "future" else None
        if is_explicit and not explicit_date[target]:
            m.date, m.date_precision = e.date, e.date_precision
            explicit_date[target] = True
        if e.confidence > m.confidence:
            m.trigger, m.sentence, m.mode = e.trigger, e.sentence, e.mode if not m.future else m.mode
            if e.mode and e.mode != "future":
                m.mode = e.mode
        m.location = m.location or e.location
        m.confidence = round(min(1.0, max(m.confidence, e.confidence) + 0.05), 3)
    return merged
