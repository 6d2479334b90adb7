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

from functools import lru_cache

import msgspec

from ..doc import Actor, Article, DateMention, Event, Span, TextSpan
from ..events import lexicon
from ..events.actors import Candidate, assign, candidates, group_sides, is_state, speaker_actor
from ..events.analysis import Tok, sentence_tokens
from ..ner import sports
from ..pipeline.registry import Component

COMPONENT = Component("events", requires=("text", "body", "lang", "sentences", "analysis.tokens", "dates", "published",
                                          "title_span", "doc_id", "mentions", "mentions.entity", "mentions.country",
                                          "entities", "quotes"),
                      assigns=("events",))

NEGATION_WINDOW = 3  # words before the trigger a negator may stand
FUTURE_WINDOW = 4
NEGATION_REACH = 5
COMPLEMENT_REACH = 3  # words after a REQUEST/REJECT/THREATEN trigger that name its object
LOCAL_TYPES = {"ASSAULT", "PROTEST", "COERCE"}
LOCAL_BEFORE, LOCAL_AFTER = 3, 5
ABSORBING = {"REQUEST", "REJECT", "THREATEN"}  # triggers this many words after a negated one belong to it
ALLEGING = {"ACCUSE", "PROTEST"}  # what is alleged or protested for (its complement clause) belongs to that act, as what is asked for does
READY_REACH = 6
DOC_CONTEXT_PARAGRAPHS = 3  # a context cued in this many paragraphs holds for the whole document  # a readiness cue governs a trigger this many words after it
CONTENT_POS = {"NOUN", "PROPN", "ADJ", "NUM"}
SYMMETRIC_BY_DEFAULT = {"CONSULT", "COOPERATE", "AGREE"}
PARTNERED = {"CONSULT", "COOPERATE"}  # acts done with someone: a mention naming one side only, never joined to a dyad, is dropped
IMPLICIT_PENALTY = 0.1  # an actor resolved from a pronoun or a subjectless verb ("He accused") is a guess
PARTIAL_PENALTY = 0.15  # an event missing a side (or its country) is less useful and less sure
SIDES_REACH = 5  # "the two ministries would hold a joint exercise": a sides cue this close before the act is its dyad
CONTINUATION = 2  # sentences after a coded happening that may elaborate it
OWNER_REACH = 4  # "по запросу властей США": the asker stands this close after the trigger
COPRESENT_REACH = 8  # a joint act or statement this close to two foreign people implies they met
IMPLIED_CONFIDENCE = 0.55
CLAUSE_MARKS = {",", ";", ":", "(", ")", "—", "–"}
NOMINAL_CONFLICT = {"ASSAULT", "COERCE", "THREATEN", "ACCUSE", "SANCTION", "PROTEST", "MOBILIZE"}


@COMPONENT.runs
def run(doc: Article) -> None:
    doc.events = []
    lang = doc.lang
    if not lexicon.triggers(lang).patterns:
        return
    sentences = [s for s in doc.sentences if doc.in_body(s.start, s.end) or not doc.body]
    analysed = sentence_tokens(doc, sentences)
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
    back: set[int] = set()  # id() of raw events that refer back to a happening ("after the meeting")
    last: tuple[int, list[Event]] = (-1, [])
    for n, (s, toks, ctx) in enumerate(zip(sentences, analysed, sent_contexts)):
        events = _sentence_events(doc, s, toks, lang, raw, back)
        for e in events:
            e.contexts = sorted(ctx | para_contexts.get(s.paragraph, set()))
        if events:
            last = (n, events)
        elif ctx and 0 < n - last[0] <= CONTINUATION and _has_trigger(toks, lang):
            # "The plan foresees data exchange on drug smuggling": an act with no actor of its own
            # elaborates the happening just coded, and lends it its contexts
            for e in last[1]:
                e.contexts = sorted(set(e.contexts) | ctx)
        raw.extend(events)
    raw = _resolve_back(raw, back)
    if raw and sports.is_sports_copy(doc, lang):
        # 'Russia beat Serbia 3-1' in sports copy is a match, not an assault (GDELT's classic slip)
        raw = [e for e in raw if not sports.reports_match(doc.text, e.sentence.start, e.sentence.end,
                                                          e.trigger.text if e.trigger else "", lang)]
    doc.events = merge([pair for e in raw for pair in split_pairs(e)], doc)
    for n, e in enumerate(doc.events):
        e.id = f"{doc.doc_id}-ev{n + 1}"


def _has_trigger(toks: list[Tok], lang: str) -> bool:
    return any(m.pattern.label != "NONE" for m in lexicon.triggers(lang).find(toks))


def _contexts(toks: list[Tok], lang: str) -> tuple[set[str], set[str]]:
    strong, weak = set(), set()
    for m in lexicon.select(lexicon.contexts(lang).find(toks)):
        (weak if "weak" in m.pattern.flags else strong).update(m.pattern.label.split())
    return strong, weak


def _negated(toks: list[Tok], first: int, lang: str) -> bool:
    neg, exc = lexicon.negation(lang)
    lo = max(0, first - NEGATION_WINDOW)
    excepted = set()
    for m in exc.find(toks, 0, first):
        excepted |= set(m.tokens)
    for m in neg.find(toks, 0, first):  # a negator or refusal idiom ending within the window
        if m.last < lo or set(m.tokens) & excepted:
            continue
        between = range(m.last + 1, first)
        if any(toks[j].text in ",;:" or toks[j].pos in CONTENT_POS for j in between):
            continue  # "no secret that cooperation ...": the negator belongs to another word
        return True
    return False


def _modal_cues(toks: list[Tok], lang: str) -> list[lexicon.Match]:
    return lexicon.select(lexicon.modality(lang).find(toks))


def _unreal_tokens(toks: list[Tok], cues: list[lexicon.Match]) -> set[int]:
    """Tokens of clauses that report no act: an indirect question or a condition ("did not say whether
    police would be deployed", "da li će sankcije uticati na saradnju", "будет ли", a conditional
    "превратило бы"). `unreal` cues open such a clause (it runs from the cue to the next clause mark);
    `unreal-clause` cues mark the whole clause that holds them."""
    out: set[int] = set()
    for c in cues:
        label = c.pattern.label
        if not label.startswith("unreal"):
            continue
        lo = c.first
        if label == "unreal-clause":
            while lo > 0 and toks[lo - 1].text not in CLAUSE_MARKS:
                lo -= 1
        hi = c.last
        while hi + 1 < len(toks) and toks[hi + 1].text not in CLAUSE_MARKS:
            hi += 1
        out |= set(range(lo, hi + 1))
    return out


def _modifier_noun(toks: list[Tok], m: lexicon.Match, lang: str) -> bool:
    """A nominal conflict trigger that only modifies another noun reports no act of its own
    ("the organisers of the attack", "обсуждали проблему кибератак", "over the course of the probe",
    "sumnjiče za ubistvo"): PLOVER codes the act where a clause reports it. A head that still reports
    the acts ("a series of attacks", "серия терактов", "the result of torture"; role act-head) keeps it; so do triggers heading a clause-level phrase."""
    if m.pattern.label not in NOMINAL_CONFLICT:
        return False
    last = toks[m.last]
    if last.dep:
        if last.pos != "NOUN":
            return False
        h = last.head
        if h != -1 and toks[h].pos == "ADP":  # spaCy hangs "of the probe" on the preposition
            h = toks[h].head
        if h == -1 or h in m.tokens or toks[h].pos not in ("NOUN", "PROPN"):
            return False
        return not _has_role(toks, h, lang, "act-head")
    j = m.first - 1  # no parse (Serbian): a preposition of topic or charge right before it
    return j >= 0 and _has_role(toks, j, lang, "modifier")


def _has_role(toks: list[Tok], i: int, lang: str, role: str) -> bool:
    return any(r.pattern.label == role for r in lexicon.roles(lang).find(toks, i, i + 1))


def _refers_back(toks: list[Tok], m: lexicon.Match, lang: str) -> bool:
    """A nominal trigger right after "after"/"после"/"posle"/"по итогам" ("said after the meeting",
    "по итогам беседы", "izjavio je Dačić posle sastanka") names a happening the article reports
    anyway; the sentence's actors are not its parties."""
    if toks[m.first].pos not in ("NOUN", "PROPN", ""):
        return False
    for r in lexicon.roles(lang).find(toks, max(0, m.first - 4), m.first):
        # a bare reference only: "after the meeting", "posle sastanka"; a qualified one ("after a joint board
        # meeting", "nakon održane zajedničke sednice") describes the happening itself
        if r.pattern.label == "after" and 0 < m.first - r.last <= 2 and all(
                toks[j].pos in ("DET", "PRON") for j in range(r.last + 1, m.first)):
            return True
    return False


def _resolve_back(raw: list[Event], back: set[int]) -> list[Event]:
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
        own = _countries(e.sources + e.targets) - {None}
        same = [(k, h) for k, h in enumerate(raw) if id(h) not in back and h.type == e.type]
        if not same:
            out.append(e)
            continue
        shared = [(len(own & (_countries(h.sources + h.targets) - {None})), -abs(k - n) - (k > n) * 0.5, k, h) for k, h in same]
        h = max(shared, key=lambda x: (x[0], x[1]))[3]
        for sp in e.sentences:
            if all(sp.start != x.start for x in h.sentences):
                h.sentences.append(sp)
        h.sentences.sort(key=lambda sp: sp.start)
        h.contexts = sorted(set(h.contexts) | set(e.contexts))
    return out


def _sentence_events(doc: Article, s, toks: list[Tok], lang: str, previous: list[Event], back: set[int] | None = None) -> list[Event]:
    if not toks:
        return []
    matches = [m for m in lexicon.select(lexicon.triggers(lang).find(toks)) if not _compound_tail(toks, m.first)]
    cues = _modal_cues(toks, lang)
    unreal = _unreal_tokens(toks, cues)
    modal = [c for c in cues if not c.pattern.label.startswith("unreal")]
    real = [m for m in matches if m.pattern.label != "NONE" and m.first not in unreal
            and not _modifier_noun(toks, m, lang)]
    if any(m.pattern.label == "AGREE" for m in real):  # "Sporazum ... su u Berlinu potpisali": one AGREE
        real = [m for m in real if "bare-sign" not in m.pattern.flags]
    # a readiness cue with no trigger after it is itself an AGREE ("spremni smo", "готовы к")
    for cue in modal:
        if cue.pattern.label == "ready" and not any(0 <= m.first - cue.last <= READY_REACH for m in real):
            real.append(lexicon.Match(lexicon.Pattern(cue.pattern.words, "AGREE", None, frozenset({"symmetric"}), 0.6), cue.tokens))
    copresent = _copresent_cues(toks, lang)
    if not real and not copresent:
        return []
    cands = candidates(doc, toks, lang)
    trigger_tokens = {j for m in real for j in range(m.first, m.last + 1)}
    sides = group_sides(cands, toks, lang, trigger_tokens)
    places = [c for c in cands if c.place]
    sides_at = [m for m in lexicon.roles(lang).find(toks) if m.pattern.label == "sides"]
    sides_cue = bool(sides_at)
    out: list[Event] = []
    by_key: dict[tuple, int] = {}
    negated_until = -1
    absorbed_until = -1
    thanks: tuple[int, list[Actor], list[Actor]] | None = None  # the last thanks coded in the sentence
    absorbing = {j for m in real if m.pattern.label in ABSORBING | ALLEGING for j in m.tokens}
    implicit = {id(c.actor) for x in sides for c in x.members if c.implicit}  # pronoun / subjectless-verb actors
    for m in sorted(real, key=lambda m: m.first):
        p = m.pattern
        if m.first <= negated_until:  # complement of a negated trigger: coded with it or not at all
            continue
        if m.first <= absorbed_until and p.label not in ABSORBING:
            continue  # what is requested, refused or threatened is part of that act ("просили помощи")
        if p.label not in ABSORBING | ALLEGING and _in_complement(toks, m, absorbing, lang):
            continue  # "asked Washington to support a joint investigation team": the team is what was asked for
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
        if "owner" in p.flags:
            sources, targets = _owner_roles(sides, m, sources, targets)
        if _first_person(toks[m.first], lang) and not any(x.last < m.first for x in sides):
            # "Zahvaljujem kolegama iz Španije" inside a quote: the speaker thanks, the named side is thanked
            spk = speaker_actor(doc, toks[m.first].start)
            if spk is not None and not any(a.country == spk.country for a in sources):
                sources, targets = [spk], [a for a in sources + targets if a.country != spk.country]
        fallback = False
        if sides_at and not targets and p.label in COOPERATIVE and any(
                0 < m.first - c.last <= SIDES_REACH and not any(x.first > c.last and x.last < m.first for x in sides)
                for c in sides_at):
            # "Kolokoltsev said the two ministries would hold a joint exercise": the sides named right
            # before the act are the dyad just reported, not the speaker alone
            inherited = _inherit(previous + out, s, True)
            if inherited:
                sources, targets = inherited
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
        own = {a.country for a in sources if a.country}
        targets = [a for a in targets if not a.country or a.country not in own]  # actor and recipient are two
        if "weak" in p.flags and not (sources and targets and _countries(sources) != _countries(targets)):
            continue
        future = any(c.last < m.first and m.first - c.last <= FUTURE_WINDOW or c.last < m.first and c.pattern.label == "ready"
                     and m.first - c.last <= READY_REACH for c in modal) or any(c.tokens == m.tokens for c in modal)
        if "warning" in p.flags and _warns_of_state(toks, m, lang):
            continue
        if thanks is not None and p.label in COOPERATIVE and "thanks" not in p.flags and _for_what(toks, thanks[0], m, lang):
            # "thanked the Chinese ministry for ... training Serbian officers": the thanked did it to the thanker
            sources, targets = list(thanks[2]) or sources, list(thanks[1]) or targets
        if negated and "hedge" in p.flags:
            continue  # "Hill did not commit to the proposal": withholding a promise refuses nothing
        coded = recode(p.label, p.mode, negated, future and "stative" not in p.flags, "join" in p.flags)
        if coded is None:
            continue
        if future and coded[0] == "THREATEN" and p.label != "THREATEN" and _described_intent(toks, m, modal):
            continue  # "члены ячейки, планировавших взрывы": a plan that describes suspects threatens nobody
        etype, mode = coded
        if etype == "REJECT":
            targets = _not_sanctioned(targets, sides, places, m, matches, "join" in p.flags, toks, lang)
        key = (etype, tuple(a.country or a.entity for a in sources), tuple(a.country or a.entity for a in targets))
        trig_start, trig_end = toks[m.first].start, toks[m.last].end
        date, precision, explicit = _event_date(doc, s, toks, m.first, future, lang)
        conf = p.weight * (0.55 + 0.25 * bool(sources) + 0.2 * bool(targets))
        conf += 0.05 if from_syntax else 0.0
        conf -= 0.15 if fallback else 0.0
        conf -= IMPLICIT_PENALTY if any(id(a) in implicit for a in sources) else 0.0
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
                if back is not None:  # the replaced event is gone: its id() may be reused by a later event
                    back.discard(id(out[by_key[key]]))
                out[by_key[key]] = ev
            continue
        by_key[key] = len(out)
        out.append(ev)
        if "thanks" in p.flags and sources and targets:
            thanks = (m.last, list(sources), list(targets))
        if back is not None and _refers_back(toks, m, lang):
            back.add(id(ev))
    out.extend(_implied_meetings(doc, s, toks, lang, sides, out, copresent))
    return out


def _for_what(toks: list[Tok], after: int, m: lexicon.Match, lang: str) -> bool:
    """The trigger stands in what someone is thanked for: a `cause` word ("for", "за", "na") after the thanks
    and before the trigger, no sentence-level break between."""
    if m.first <= after or m.first - after > 14 or any(toks[j].text in (";", "—", "–") for j in range(after + 1, m.first)):
        return False
    return any(r.pattern.label == "cause" for r in lexicon.roles(lang).find(toks, after + 1, m.first))


def _complement_between(toks: list[Tok], lo: int, hi: int, lang: str) -> bool:
    """A complementizer (da, что, that; 'to', 'чтобы') opens the refused act between the two tokens."""
    if any(toks[j].low in ("to", "чтобы") for j in range(lo + 1, hi)):
        return True
    return any(r.pattern.label == "content" for r in lexicon.roles(lang).find(toks, lo + 1, hi))


def _not_sanctioned(targets: list[Actor], sides, places: list[Candidate], m: lexicon.Match, matches: list[lexicon.Match], joining: bool,
                    toks: list[Tok], lang: str) -> list[Actor]:
    """Refusing sanctions rejects those who ask for them, not the country they would hit: "Србија неће
    учествовати у санкцијама против Минска", "odbio da Srbija uvede sankcije Ruskoj Federaciji" name no
    one rejected. Actors after the sanction word (the trigger itself when it joins sanctions) leave the targets."""
    cut = m.last if joining else next((x.first for x in matches if x.pattern.label == "SANCTION"
                                       and m.last < x.first <= m.last + 8), None)
    if cut is None:
        return targets
    if not joining and not _complement_between(toks, m.last, cut, lang):
        return targets  # "neće podneti ostavku zbog sankcija koje su uvele SAD": the sanctions are the reason
    after = {id(c.actor) for c in [c for x in sides for c in x.members] + places if c.first > cut}
    return [a for a in targets if id(a) not in after]


def _first_person(t: Tok, lang: str) -> bool:
    """A verb whose ending says the speaker is its subject ("zahvaljujem", "očekujemo", "благодарю"):
    the form ends in one of the language's `first-person` endings (event_roles.tsv) and the lemma in
    one of its `infinitive` endings, so nouns sharing the ending ("sastanakom") do not count."""
    endings = _endings(lang, "first-person")
    inf = _endings(lang, "infinitive")
    return bool(endings and inf) and t.low.endswith(endings) and t.lemma.endswith(inf) and t.low != t.lemma


@lru_cache(maxsize=None)
def _endings(lang: str, label: str) -> tuple[str, ...]:
    return tuple(p.words[0][1:] for p in lexicon.roles(lang).patterns if p.label == label and p.words[0].startswith("-"))


def _in_complement(toks: list[Tok], m: lexicon.Match, absorbing: set[int], lang: str) -> bool:
    """The parse hangs the trigger below a REQUEST/REJECT/THREATEN trigger before it ("asked Washington
    to support a joint investigation team", "demanding that the government provide information"): it
    names what is asked, refused or threatened, not an act of its own. A trigger coordinated with that
    one ("asked and received") is an act of its own."""
    if not absorbing:
        return False
    if not any(t.dep for t in toks):
        # no parse: a content clause ("da ...") opened right after the trigger, with no clause mark before
        # ours ("Američka strana ga optužuje i da je pomagao Rusiji")
        for a in sorted(absorbing):
            if a < m.first and m.first - a <= 6 and not any(toks[j].text in CLAUSE_MARKS for j in range(a + 1, m.first)):
                between = lexicon.roles(lang).find(toks, a + 1, m.first)
                if any(r.pattern.label == "content" for r in between):
                    return True
        return False
    k, steps = m.first, 0
    while k != -1 and steps < 6:
        h = toks[k].head
        if h == -1 or h == k:
            return False
        if h in absorbing and h < m.first:
            return toks[k].dep not in ("conj", "parataxis", "nsubj", "nsubj:pass", "nsubjpass")
        k, steps = h, steps + 1
    return False


def _described_intent(toks: list[Tok], m: lexicon.Match, modal: list[lexicon.Match]) -> bool:
    """The intent cue before a conflict trigger sits in a participle or relative clause that describes a
    noun ("членов ячейки, планировавших взрывы", "a group that planned attacks"): no one announced it."""
    cues = [c for c in modal if c.last < m.first and m.first - c.last <= FUTURE_WINDOW]
    return bool(cues) and all(toks[c.first].dep in ("acl", "amod", "acl:relcl", "relcl") for c in cues)


def _warns_of_state(toks: list[Tok], m: lexicon.Match, lang: str) -> bool:
    """A warning that only describes what others do ("Europol warned that the route is used by cartels",
    "предупредил, что боевики пытаются") threatens nobody; a warning of what will or could happen
    ("warned that Moscow could scale down contacts", "police will no longer tolerate") is a threat.
    True when a content clause (that/что/da) follows the trigger and holds no future or modal cue."""
    roles = lexicon.roles(lang).find(toks, m.last + 1, min(len(toks), m.last + 4))
    opener = next((r for r in roles if r.pattern.label == "content"), None)
    if opener is not None:
        rest = toks[opener.last + 1:]
        end = next((k for k, t in enumerate(rest) if t.text in (";", "—", "–")), len(rest))
        lo, hi = opener.last + 1, opener.last + 1 + end
    elif any(t.head == m.first and t.dep in ("ccomp", "parataxis") and t.i < m.first for t in toks):
        # "The route is used by cartels, Europol warned": the content stands before, up to the last comma
        lo, hi = 0, max((t.i for t in toks[:m.first] if t.text == ","), default=0)
        if hi == 0:
            return False
    else:
        return False
    if any(c.pattern.label in ("future", "unreal", "unreal-clause") for c in lexicon.modality(lang).find(toks, lo, hi)):
        return False
    return not any(r.pattern.label == "possible" for r in lexicon.roles(lang).find(toks, lo, hi))


def _owner_roles(sides, m, sources: list[Actor], targets: list[Actor]) -> tuple[list[Actor], list[Actor]]:
    """"at the request of X", "по запросу X", "na zahtev X": X (right after the trigger) asked; the clause's
    subject (before the trigger) is the one asked."""
    owner = next((x for x in sides if 0 < x.first - m.last <= OWNER_REACH), None)
    if owner is None:
        return sources, targets
    asked = [x for x in sides if x is not owner and x.last < m.first]
    own = owner.actors()
    rest = asked[0].actors() if asked else [a for a in sources + targets if a not in own]
    keys = {a.country or a.entity for a in own}
    return own, [a for a in rest if (a.country or a.entity) not in keys]


def _copresent_cues(toks, lang):
    """Words that make two people of different countries acting together a meeting."""
    cues = [m for m in lexicon.roles(lang).find(toks) if m.pattern.label == "copresent"
            and toks[m.first].pos in ("", "VERB", "AUX")]  # "stated", not "state secretary"
    cues += [m for m in lexicon.select(lexicon.triggers(lang).find(toks)) if "copresent" in m.pattern.flags]
    return cues


def _implied_meetings(doc: Article, s, toks: list[Tok], lang: str, sides, coded: list[Event],
                      cues: list) -> list[Event]:
    """Two people of different countries acting together (signing, stating "at the border crossing") met:
    CONSULT between their countries, unless the sentence already codes that meeting."""
    out = []
    for side in sides:
        people = [c for c in side.members if c.actor.entity and _is_person(doc, c.actor.entity) and c.actor.country]
        if len({c.actor.country for c in people}) < 2:
            continue
        cue = next((m for m in cues if -COPRESENT_REACH <= m.first - side.last <= COPRESENT_REACH
                    or -COPRESENT_REACH <= side.first - m.last <= COPRESENT_REACH), None)
        if cue is None:
            continue
        first = people[0].actor.country
        sources = [c.actor for c in people if c.actor.country == first]
        targets = [c.actor for c in people if c.actor.country != first]
        pair = {first} | {a.country for a in targets}
        if any(e.type == "CONSULT" and pair <= _countries(e.sources + e.targets) for e in coded):
            continue
        t0, t1 = toks[cue.first].start, toks[cue.last].end
        date, precision, _ = _event_date(doc, s, toks, cue.first, False, lang)
        out.append(Event(type="CONSULT", source=sources[0], target=targets[0], sources=sources, targets=targets,
                         sentence=Span(start=s.start, end=s.end), sentences=[Span(start=s.start, end=s.end)],
                         date=date, date_precision=precision,
                         trigger=TextSpan(start=t0, end=t1, text=doc.text[t0:t1]), confidence=IMPLIED_CONFIDENCE))
    return out


def _is_person(doc: Article, entity_id: str) -> bool:
    ent = doc.entity(entity_id)
    return ent is not None and ent.type == "PER"


COOPERATIVE = {"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "RETREAT", "CONCEDE"}
REJECT_MODE = {"AID": "assist", "COOPERATE": "assist", "CONSULT": "meet", "RETREAT": "yield", "CONCEDE": "yield"}
THREAT_MODE = {"SANCTION": "relations", "COERCE": "restrict", "ASSAULT": "violence"}
THREAT_MODE_BY_MODE = {"expel": "expel", "arrest": "arrest", "convict": "arrest"}


def _compound_tail(toks: list[Tok], i: int) -> bool:
    """The second half of a hyphenated compound ("visa-free", "Russian-led") is not a trigger of its own."""
    return (i >= 2 and toks[i - 1].text in ("-", "‐") and toks[i - 1].start == toks[i - 2].end
            and toks[i].start == toks[i - 1].end)


def recode(etype: str, mode: str | None, negated: bool, future: bool, joining: bool = False) -> tuple[str, str | None] | None:
    """PLOVER's reading of negation and intent; None: nothing is coded.

    A refused or failed cooperative act ("did not agree", "will not accept", "nije potpisao")
    is REJECT, as PLOVER codes it, and so is refusing to join an act ("Srbija neće učestvovati u
    sankcijama", `join` in the lexicon); other negated acts did not happen and are dropped. Intent to
    cooperate ("will visit", "ready to cooperate", "spremni smo") is AGREE with mode future;
    intent to sanction, coerce or attack is THREATEN; a future verbal act keeps its type.
    """
    if negated:
        if etype in COOPERATIVE or joining:  # refusing to join sanctions rejects those who ask for them
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
    """"The sides discussed ..." refers to the last coded dyad in the document, a cooperative one first
    ("the two ministries" are the partners, not a country one of them accused)."""
    for e in reversed(previous):
        if e.sources and e.targets and e.type in COOPERATIVE:
            return list(e.sources), list(e.targets)
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


def _event_date(doc: Article, s, toks: list[Tok], trigger: int, future: bool, lang: str) -> tuple[str | None, str | None, bool]:
    """(value, precision, explicit): the date the sentence gives for this trigger, else the publication date.

    A date inside a relative clause that does not hold the trigger ("на чемпионате, который
    пройдет в 2018 году", "that will be held in 2018", "koje će se održati") dates something
    else; a date after publication cannot date an act that is not marked future. Of the rest,
    the date in the trigger's own clause (no comma or relative word between) and then the
    nearest wins.
    """
    found = [d for d in _dates_in(doc, s.start, s.end) if _date_usable(d, doc, toks, trigger, future, lang)]
    if found:
        d = min(found, key=lambda d: (_clause_gap(toks, trigger, d, lang), abs(d.start - toks[trigger].start)))
        return d.value, d.precision, True
    if doc.published:
        value = doc.published[:10]
        precision = {4: "year", 7: "month"}.get(len(value), "day")
        return value, precision, False
    return None, None, False


def _date_tokens(toks: list[Tok], d: DateMention) -> tuple[int, int] | None:
    idx = [t.i for t in toks if t.start < d.end and d.start < t.end]
    return (idx[0], idx[-1]) if idx else None


def _after_publication(value: str, published: str | None) -> bool:
    if not published:
        return False
    n = min(len(value), len(published[:10]))
    return value[:n] > published[:n]


def _relative_opener(toks: list[Tok], j: int, lang: str) -> bool:
    """A relative pronoun opening a clause (not "that" after a speech verb: a relative follows a noun or comma)."""
    if not any(m.first == j and m.pattern.label == "relative" for m in lexicon.roles(lang).find(toks, j, j + 1)):
        return False
    if toks[j].pos == "DET":  # "in that year"
        return False
    return j == 0 or toks[j - 1].pos not in ("VERB", "AUX")


def _relative_clause(toks: list[Tok], i: int, lang: str) -> tuple[int, int] | None:
    """The token range of the relative clause holding token i (its opener to the next comma), if any."""
    for j in range(i, -1, -1):
        if j < i and toks[j].text in CLAUSE_MARKS:
            return None
        if _relative_opener(toks, j, lang):
            end = next((k for k in range(i, len(toks)) if toks[k].text in CLAUSE_MARKS), len(toks))
            return j, end - 1
    return None


def _date_usable(d: DateMention, doc: Article, toks: list[Tok], trigger: int, future: bool, lang: str) -> bool:
    if not future and _after_publication(d.value, doc.published):
        return False
    rng = _date_tokens(toks, d)
    if rng is None:
        return True
    clause = _relative_clause(toks, rng[0], lang)
    return clause is None or clause[0] <= trigger <= clause[1]


def _clause_gap(toks: list[Tok], trigger: int, d: DateMention, lang: str) -> int:
    """1 when a comma, semicolon or relative word stands between the trigger and the date, else 0."""
    rng = _date_tokens(toks, d)
    if rng is None:
        return 1
    lo, hi = (trigger + 1, rng[0]) if rng[0] > trigger else (rng[1] + 1, trigger)
    return int(any(toks[j].text in CLAUSE_MARKS or _relative_opener(toks, j, lang) for j in range(lo, hi)))


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
