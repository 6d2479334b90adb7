"""Whether a coded event holds: a logistic model over the event's own evidence, fitted on gold.

Why: the rules that code an event score it by hand (trigger weight, sides named, clause), and on
news nobody tuned to most false events are of a few kinds the rules cannot see one at a time: an
act with one country or none (a domestic arrest, a seizure, an investigation), a conflict noun in
a background clause, the fourth event of a crowded sentence. A model fitted on the PLOVER GSR
sentences and the annotated news (eval/event_calibration.py rebuilds it; CALIBRATION.md says on
what, and its cross-validated figures) weighs that evidence together. Its probability becomes
`Event.confidence`, which also ranks a sentence's events (the most confident is its main act;
events.main_act then puts an act of a background clause under the main clause's);
an event under the model's floor is dropped. One that names no actor on either side is put under
the floor whatever the weights say (the model cannot tell it from a party with no country, which
the PLOVER sentences have).

The features are language-free (no word, no language code): the event's type, the rule score,
which sides carry a country or an organisation's code, how many actors and supporting
sentences, title and position, intent and mode, an explicit date, and how many events share
its sentence; and what the article says of it (`article_evidence`): whether its country pair
recurs among the article's events, how much of the article its countries carry, the trigger's
clause and tense, how near it the actors are named, whether the sentence is quoted.
"""
from __future__ import annotations

import json
import math
from functools import lru_cache
from importlib import resources

from ..doc import Article, Event
from .countries import is_state
from .main_act import rank

TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
         "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
MODEL_FILE = "calibration.json"


def features(e: Event, doc: Article, crowd: int, trigger=None, events: list[Event] | None = None,
             salience: dict[str, float] | None = None) -> dict[str, float]:
    """The evidence of one event (`crowd`: the events whose main sentence is this one's; `trigger`:
    the analysis token of its trigger's first word, when known; `events`: all the article's coded
    events, for how often its dyad recurs; `salience`: `country_salience(doc)`, computed once)."""
    src = {a.country for a in e.sources if a.country}
    tgt = {a.country for a in e.targets if a.country}
    countries = {c for c in src | tgt}
    states = {c for c in countries if is_state(c)}
    title = doc.title_span
    in_title = title is not None and any(title.start <= sp.start and sp.end <= title.end + 1 for sp in e.sentences)
    published = (doc.published or "")[:10]
    f = {
        "bias": 1.0,
        "rule": e.confidence,
        "source_country": float(bool(src)),
        "target_country": float(bool(tgt)),
        "two_states": float(len(states) >= 2),
        "no_country": float(not countries),
        "organisation": float(bool(countries - states)),
        "no_target": float(not e.targets),
        "actors": min(len(e.sources) + len(e.targets), 4) / 4,
        "sentences": min(len(e.sentences), 4) / 4,
        "title": float(in_title),
        "position": e.sentence.start / max(1, len(doc.text)),
        "future": float(e.future),
        "mode": float(bool(e.mode) and e.mode != "future"),
        "explicit_date": float(bool(e.date) and e.date != published),
        "crowd": 1.0 / max(1, crowd),
        "trigger_verb": float(trigger is not None and trigger.pos in ("VERB", "AUX")),
        "trigger_noun": float(trigger is not None and trigger.pos in ("NOUN", "PROPN")),
        "trigger_root": float(trigger is not None and trigger.dep == "root"),
        "trigger_untagged": float(trigger is None or not trigger.pos),
    }
    f.update(actor_evidence(e, states, countries))
    f.update(article_evidence(e, doc, countries, trigger, events if events is not None else [e],
                              salience if salience is not None else country_salience(doc)))
    for t in TYPES:
        f["type_" + t] = float(e.type == t)
    return f


DOMESTIC = ("COERCE", "ASSAULT", "ACCUSE")  # acts a state's own police and courts do at home every day


def actor_evidence(e: Event, states: set, countries: set) -> dict[str, float]:
    """How the sides were resolved, from the actors' entity kinds and sectors (no words): a person
    or organisation the knowledge base places in no country and no sector, a news agency, a region,
    and an everyday domestic act (an arrest, an attack, an investigation) that names one state."""
    actors = e.sources + e.targets
    kind = lambda a: (a.entity or "").split(":")[0]  # noqa: E731
    return {
        "unplaced_person": float(any(kind(a) == "per" and not a.country for a in actors)),
        "unsectored_org": float(any(kind(a) == "org" and not a.sector for a in actors)),
        "media": float(any(a.sector == "JRN" for a in actors)),
        "region_side": float(any(kind(a) in ("region", "loc") for a in actors)),
        "unresolved_side": float(any(not a.entity and not a.country for a in actors)),
        "one_state_only": float(len(states) == 1 and countries == states),
        "organisations_only": float(bool(countries) and not states),
        "domestic_act": float(len(states) <= 1 and countries == states and e.type in DOMESTIC),
    }


SUBORDINATE = {"advcl", "ccomp", "xcomp", "acl", "acl:relcl", "relcl", "csubj"}
ARGUMENT = {"nmod", "obl", "obj", "dobj", "pobj", "iobj", "nsubj", "nsubj:pass", "appos", "compound"}
NEAR = 40  # characters: an actor named this far from the trigger counts e^-1 as near as one beside it


def article_evidence(e: Event, doc: Article, countries: set, trigger, events: list[Event],
                     salience: dict[str, float]) -> dict[str, float]:
    """What the article says of the event beyond its sentence (no words): how often the same country
    pair recurs among its events (an annotator codes the relation the article is about), how much
    of the article its least and most mentioned country carry, whether the trigger heads a
    subordinate clause or is an argument of another word (a treaty named in passing), its past
    tense, how near the trigger the actors are named, and whether the sentence lies in a quote
    (UD relations and features, character offsets)."""
    pair = frozenset(countries)
    same = [o for o in events if o is not e and pair and _countries(o) == pair]
    share = [salience.get(c, 0.0) for c in countries]
    sent = doc.text[e.sentence.start:e.sentence.end]
    gaps = []
    for a in e.sources + e.targets:
        at = sent.find(a.text) if a.text and e.trigger else -1
        if at >= 0:
            p = e.sentence.start + at
            gaps.append(min(abs(p - e.trigger.start), abs(p + len(a.text) - e.trigger.end)))
    dep = trigger.dep if trigger is not None else ""
    return {
        "dyad_repeat": min(len(same), 4) / 4,
        "type_dyad_repeat": min(sum(1 for o in same if o.type == e.type), 3) / 3,
        "min_salience": min(share, default=0.0),
        "max_salience": max(share, default=0.0),
        "sub_clause": float(dep in SUBORDINATE),
        "nominal_argument": float(dep in ARGUMENT),
        "past_tense": float(trigger is not None and "Tense=Past" in (trigger.morph or "")),
        "near_actor": math.exp(-min(gaps) / NEAR) if gaps else 0.0,
        "in_quote": float(any(q.start < e.sentence.end and e.sentence.start < q.end for q in doc.quotes)),
        "both_sides_countries": float(any(a.country for a in e.sources) and any(a.country for a in e.targets)),
    }


def _countries(e: Event) -> frozenset:
    return frozenset(a.country for a in e.sources + e.targets if a.country)


def country_salience(doc: Article) -> dict[str, float]:
    """Each country's share of the article's mentions of entities placed in a country."""
    count: dict[str, int] = {}
    for en in doc.entities:
        if en.country:
            count[en.country] = count.get(en.country, 0) + len(en.mentions)
    total = sum(count.values()) or 1
    return {c: n / total for c, n in count.items()}


def crowds(events: list[Event]) -> list[int]:
    """How many events share each event's main sentence."""
    count: dict[int, int] = {}
    for e in events:
        count[e.sentence.start] = count.get(e.sentence.start, 0) + 1
    return [count[e.sentence.start] for e in events]


@lru_cache(maxsize=1)
def model() -> dict | None:
    """The fitted weights (calibration.json beside this module), None when absent."""
    try:
        return json.loads((resources.files(__package__) / MODEL_FILE).read_text(encoding="utf-8"))
    except (FileNotFoundError, OSError, ValueError):
        return None


def probability(f: dict[str, float], weights: dict[str, float]) -> float:
    z = sum(weights.get(k, 0.0) * v for k, v in f.items())
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def trigger_tokens(events: list[Event], analysed) -> list:
    """The analysis token where each event's trigger starts (None where none is found)."""
    at = {t.start: t for toks in analysed for t in toks}
    return [at.get(e.trigger.start) if e.trigger else None for e in events]


def calibrate(events: list[Event], doc: Article, analysed=(), fitted: dict | None = None) -> list[Event]:
    """Each event's confidence becomes the model's probability; events under its floor go.

    An article's events face `article_floor`, a lone sentence's `floor`: each floor is the one
    cross-validation chose on gold of that kind (annotated articles, where an event must be the
    relation an annotator codes; PLOVER GSR sentences, which each hold one event by construction,
    so a higher floor there only loses the sentence's one act). See CALIBRATION.md."""
    fitted = fitted if fitted is not None else model()
    if not fitted or not events:
        return events
    weights, floor = fitted["weights"], fitted.get("floor", 0.0)
    article = len(doc.sentences) > 1
    if article:
        floor = fitted.get("article_floor", floor)
    kept = []
    salience = country_salience(doc)
    lone = max(floor, fitted.get("lone_country_floor", floor)) if article else floor
    for e, n, t in zip(events, crowds(events), trigger_tokens(events, analysed)):
        e.confidence = round(probability(features(e, doc, n, t, events, salience), weights), 3)
        placed = {a.country for a in e.sources + e.targets if a.country}
        # nobody named acts or is acted upon: under any floor there is. In an article, neither is an act
        # whose sides are placed in no country and carry no organisation's code (a chess match, a
        # party's donors, a volatility index): event data are acts between states and organisations,
        # and every gold event names one at least
        if not e.sources and not e.targets or article and not placed:
            e.confidence = round(min(e.confidence, floor / 2), 3)
        # an article's act of one country alone (its police's arrests, a minister's thanks with the
        # thanked unnamed) is coded less often than a dyad (cross-validated, 0.41 of those kept are
        # right against 0.90): it needs more evidence (CALIBRATION.md)
        if e.confidence >= (lone if len(placed) == 1 else floor):
            kept.append(e)
    rank(kept, analysed, floor)  # a background clause's act never ranks first (events.main_act)
    return kept
