"""Which of an event's cued contexts it keeps: a logistic model over where each context is cued.

Why: contexts.py lends an event every context cued in its sentences, their paragraphs and the
document, and merging a happening told in many sentences unions them all; on the annotated news
(dev, dev2, samples) under half of what an event carried was a context the annotator coded
(the police "crime" beside the drugs the meeting was about, "territory" from "on the territory
of", "diplomatic" from the ambassador who received the minister). The scorer only counts the
gold contexts found, so a list that grows without bound would look free; it is not for a user.

Each candidate context of an event is scored on language-free evidence: whether it is cued in
the event's main sentence, in another of its sentences, in their paragraphs, only by weak cues,
in the title, in the article's topic (title and lead, cued again in the body: contexts.lead,
which also lends it to an event that cues nothing); how much of the document cues it and whether it is the event's most cued context;
how many candidates the event has; whether a specific crime context (drugs, cyber, trafficking,
corruption, terrorism, migration) stands beside a generic "crime"; and a prior for the generic
labels the cue lists over-apply. eval/context_calibration.py fits it on the news gold and
reports it cross-validated by document (CALIBRATION.md); without the model file every cued
context is kept (the previous behaviour).
"""
from __future__ import annotations

import json
import math
from functools import lru_cache
from importlib import resources

from ..doc import Article, Event, Sentence
from .contexts import lead

MODEL_FILE = "context_choice.json"
SPECIFIC_CRIME = frozenset(("illegal_drugs", "cyber", "trafficking", "corruption", "terrorism", "migration"))
# generic labels with their own prior (the cue lists over-apply them: the police "crime", the
# ambassador's "diplomatic", "on the territory of"); specific labels share the bias: with priors
# for all twelve frequent labels the model learned the annotators' taste and lost intelligence
# and trafficking contexts in cross-validation (CALIBRATION.md)
PRIOR_LABELS = ("crime", "diplomatic", "territory", "military", "economic")


class Cues:
    """Where each context is cued in the article: per sentence (strong, weak), per paragraph."""

    def __init__(self, doc: Article, sentences: list[Sentence], per_sentence: list[tuple[set[str], set[str]]]):
        self.sentences = sentences
        self.per_sentence = per_sentence
        self.paragraphs = {s.paragraph for s in sentences}
        self.title = doc.title_span
        self.topic = lead(sentences, per_sentence, doc.title_span)  # the article's topic (contexts.lead)
        self.count: dict[str, int] = {}
        self.paras: dict[str, set[int]] = {}
        self.strong_anywhere: set[str] = set()
        for s, (strong, weak) in zip(sentences, per_sentence):
            for c in strong | weak:
                self.count[c] = self.count.get(c, 0) + 1
                self.paras.setdefault(c, set()).add(s.paragraph)
            self.strong_anywhere |= strong

    def of_span(self, start: int) -> int | None:
        for k, s in enumerate(self.sentences):
            if s.start <= start < s.end or s.start == start:
                return k
        return None


def features(e: Event, c: str, cues: Cues) -> dict[str, float]:
    """The evidence that context `c` holds for event `e`."""
    own = [k for k in (cues.of_span(sp.start) for sp in e.sentences or [e.sentence]) if k is not None]
    main = cues.of_span(e.sentence.start)
    paras = {cues.sentences[k].paragraph for k in own}
    in_para = any(c in strong for s, (strong, _) in zip(cues.sentences, cues.per_sentence) if s.paragraph in paras)
    title = cues.title
    in_title = title is not None and any(c in (st | wk) for s, (st, wk) in zip(cues.sentences, cues.per_sentence)
                                         if title.start <= s.start and s.end <= title.end + 1)
    counts = {x: cues.count.get(x, 0) for x in e.contexts}
    f = {
        "bias": 1.0,
        "main": float(main is not None and c in (cues.per_sentence[main][0] | cues.per_sentence[main][1])),
        "own": float(any(c in (cues.per_sentence[k][0] | cues.per_sentence[k][1]) for k in own)),
        "para": float(in_para),
        "weak_only": float(c not in cues.strong_anywhere),
        "title": float(in_title),
        "topic": float(c in cues.topic),
        "doc_share": len(cues.paras.get(c, ())) / max(1, len(cues.paragraphs)),
        "log_count": math.log1p(cues.count.get(c, 0)),
        "top": float(counts.get(c, 0) == max(counts.values(), default=0)),
        "n_candidates": len(e.contexts) / 5.0,
        "beside_specific": float(c == "crime" and bool(SPECIFIC_CRIME & set(e.contexts))),
    }
    for label in PRIOR_LABELS:
        f[f"is_{label}"] = float(c == label)
    return f


def probability(f: dict[str, float], weights: dict[str, float]) -> float:
    z = sum(weights.get(k, 0.0) * v for k, v in f.items())
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@lru_cache(maxsize=1)
def model() -> dict | None:
    try:
        return json.loads(resources.files(__package__).joinpath(MODEL_FILE).read_text(encoding="utf-8"))
    except (FileNotFoundError, OSError):
        return None


def choose(events: list[Event], cues: Cues) -> None:
    """Keep each event's contexts the model holds likely (at least its most likely one when that
    one is cued in the event's own sentences); without a model, keep all."""
    m = model()
    if m is None:
        return
    for e in events:
        if not e.contexts:
            continue
        scored = [(probability(features(e, c, cues), m["weights"]), c) for c in e.contexts]
        kept = {c for p, c in scored if p >= m["floor"]}
        best_p, best = max(scored)
        if not kept and best_p >= m.get("keep_best", 1.0):
            kept = {best}
        e.contexts = sorted(kept)
