"""Which words next to a cue name the speaker: a learned choice among the candidate phrases.

Why: the word-order rules of quotes/speaker.py (the words before the cue, the inverted subject
after it, the sentence's opening words, the nearest name) were written from the articles we
read, and on unseen news they pick the wrong phrase more often than on ours (PolNeAR held-out
half 0.85 against 0.91 on the half the rules were read from). Here every phrase one of those
rules, or the parse of the cue's sentence, would name becomes a candidate described by what it
holds (a person mention, a pronoun, a title, an organisation noun, a capitalised word), where it
stands (before or after the cue, how far, at the sentence start, among the cue's objects) and
which rules propose it; a logistic model (speaker_ranker.json, fitted by
scripts/train_speaker_ranker.py on the development halves of PolNeAR and ADAQ) scores them and
the best one is read by the usual resolution (mention, pronoun, title, organisation). The model
was fitted where a parse exists (English, Russian); elsewhere the rules decide alone.

No speaker_ranker.json ships today: fitted on the development halves it chose the right phrase
0.990 of the time against the rules' 0.980 (5-fold CV by document, n=296) but did not beat them
on the held-out halves (PolNeAR 0.853 -> 0.850), so the rules decide and this class only
collects candidates for scripts/train_speaker_ranker.py. The errors that remain are quotes with
no cue, title and pronoun resolution, and quotes where no candidate is right.
"""
from __future__ import annotations

import json
import math
from pathlib import Path

from .text import Attribution

MODEL_PATH = Path(__file__).with_name("speaker_ranker.json")
SIDES = ("after", "before", "inline", "context", "according")
KINDS = ("speech", "impersonal", "relay", "according", "frame")
SOURCES = ("rule", "parse", "pre", "post", "lead", "near")
COLLECT: list | None = None  # set by the training script: every ranked quote's candidates land here
_MODEL: dict | None = None


def _model() -> dict | None:
    global _MODEL
    if _MODEL is None:
        _MODEL = json.loads(MODEL_PATH.read_text(encoding="utf-8")) if MODEL_PATH.exists() else {}
    return _MODEL or None


class Ranker:
    """Mixed into the quotes reader after Speakers and Subjects."""

    def choose_zone(self, att: Attribution, rule: list[int], anchor: int) -> list[int]:
        """The candidate phrase the model scores best; the rule's zone without a model or a parse."""
        model = _model()
        if (model is None and COLLECT is None) or att.kind == "frame":
            return rule
        parsed, spans = self.parse_subject(att.cue) if att.kind == "speech" else (self.cue_parse(att.cue) is not None, [])
        if not parsed:
            return rule
        cands: dict[tuple[int, ...], set[str]] = {}

        def add(name: str, idx: list[int]) -> None:
            idx = [i for i in idx if self.toks[i].is_word]
            if idx:
                cands.setdefault(tuple(idx), set()).add(name)

        add("rule", rule)
        for s, e in spans:
            add("parse", [i for i in range(self.tok_at(s), len(self.toks)) if self.toks[i].start < e])
        pre, post, lead, near = self._word_runs(att)
        add("pre", pre)
        add("post", post)
        add("lead", lead)
        add("near", near)
        if len(cands) < 2 and COLLECT is None:
            return rule
        keys = list(cands)
        feats = [self._features(att, list(k), cands[k], len(keys)) for k in keys]
        if COLLECT is not None:
            COLLECT.append({"anchor": anchor, "cue": att.cue,
                            "spans": [(self.toks[k[0]].start, self.toks[k[-1]].end) for k in keys], "x": feats})
        if model is None:
            return rule
        w, b = model["weights"], model["bias"]
        names = model["features"]
        scores = [b + sum(w[j] * f.get(n, 0.0) for j, n in enumerate(names)) for f in feats]
        best = max(range(len(keys)), key=lambda k: scores[k])
        if 1 / (1 + math.exp(-scores[best])) < model.get("min_prob", 0.0):
            return rule
        return list(keys[best])

    def _word_runs(self, att: Attribution) -> tuple[list[int], list[int], list[int], list[int]]:
        """The words right before the cue, right after it, the clause's opening words and the
        nearest capitalised run before the cue (each up to 8 words, stopping at punctuation)."""
        c0, c1 = att.cue_tok
        lo, hi = att.clause
        pre: list[int] = []
        i = c0 - 1
        while i >= lo and self.toks[i].is_word and not self.is_stop(i) and len(pre) < 8:
            pre.insert(0, i)
            i -= 1
        post: list[int] = []
        i = c1
        while i < hi and self.toks[i].is_word and not self.is_stop(i) and len(post) < 8:
            post.append(i)
            i += 1
        lead = self.lead_words(lo, c0) if c0 > lo else []
        near: list[int] = []
        for i in range(c0 - 1, lo - 1, -1):
            if self.toks[i].is_cap and self.toks[i].is_word and not self.lex.pronouns.match(self.toks, i):
                near.insert(0, i)
            elif near:
                break
        return pre, post, lead, near

    def _features(self, att: Attribution, idx: list[int], names: set[str], n: int) -> dict[str, float]:
        c0, c1 = att.cue_tok
        s, e = self.toks[idx[0]].start, self.toks[idx[-1]].end
        ments = self.mentions_in(s, e)
        f: dict[str, float] = {f"src_{x}": 1.0 for x in names}
        f[f"side_{att.side}"] = 1.0
        f[f"kind_{att.kind}"] = 1.0
        before = idx[-1] < c0
        f["before_cue"] = float(before)
        gap = (c0 - idx[-1] - 1) if before else (idx[0] - c1)
        f["log_gap"] = math.log1p(max(0, gap))
        f["log_len"] = math.log1p(len(idx))
        f["per"] = float(any(m.type == "PER" for m in ments))
        f["org"] = float(any(m.type == "ORG" for m in ments))
        f["loc"] = float(any(m.type == "LOC" for m in ments))
        f["pronoun"] = float(any(self.lex.pronouns.match(self.toks, i) for i in idx))
        f["title"] = float(any(self.lex.titles.match(self.toks, i) for i in idx))
        f["org_noun"] = float(any(self.lex.orgs.match(self.toks, i) for i in idx))
        f["document"] = float(any(self.lex.documents.match(self.toks, i) for i in idx))
        starts = self.sentence_start(s) == s
        f["sent_start"] = float(starts)
        f["cap"] = float(any(self.toks[i].is_cap for i in idx[1:]) or (self.toks[idx[0]].is_cap and not starts))
        f["lower_first"] = float(self.toks[idx[0]].text[:1].islower())
        f["cue_object"] = float(any(a <= s < b for a, b in getattr(self, "cue_objects", [])))
        f["in_quote"] = float(self.in_quote(s))
        f["one_word"] = float(len(idx) == 1)
        f["n_sources"] = float(len(names))
        f["many"] = math.log(n)
        return f
