"""Which words of a sentence report an act: triggers that stand for a happening of their own.

Trigger patterns (events.tsv, matched on lemmas: longest pattern wins, a token serves one
trigger) are kept when they report an act: not the tail of a hyphenated compound, not inside an
indirect question or condition, not a conflict noun that only modifies another noun, not what
a request, refusal, threat or accusation asks for (its complement belongs to that act). A bare
readiness cue ("ready to", "spremni smo", "готовы") with no trigger after it is itself an AGREE.
A nominal trigger right after "after"/"после"/"posle" refers back to a happening reported
elsewhere.
"""
from __future__ import annotations

from . import lexicon
from ..doc import Token
from .clauses import CLAUSE_MARKS, unreal_tokens
from .type import READY_REACH

ABSORBING = {"REQUEST", "REJECT", "THREATEN"}  # what is requested, refused or threatened (the triggers right after) belongs to the act
ALLEGING = {"ACCUSE", "PROTEST"}  # what is alleged or protested for (its complement clause) belongs to that act, as what is asked for does
NOMINAL_CONFLICT = {"ASSAULT", "COERCE", "THREATEN", "ACCUSE", "SANCTION", "PROTEST", "MOBILIZE"}


def find(toks: list[Token], lang: str) -> tuple[list[lexicon.Match], list[lexicon.Match], list[lexicon.Match]]:
    """(matches, real, modal) of one sentence: every selected trigger match but compound tails,
    those that report an act (see the module docstring; a bare readiness cue added as AGREE), and
    the intent and readiness cues (modality cues that open no unreal clause)."""
    matches = [m for m in lexicon.select(lexicon.triggers(lang).find(toks)) if not _compound_tail(toks, m.first)]
    cues = _modal_cues(toks, lang)
    unreal = unreal_tokens(toks, cues)
    modal = [c for c in cues if not c.pattern.label.startswith("unreal")]
    real = [m for m in matches if m.pattern.label != "NONE" and m.first not in unreal
            and not _modifier_noun(toks, m, lang)]
    if any(m.pattern.label == "AGREE" for m in real):  # "Sporazum ... su u Berlinu potpisali": one AGREE
        real = [m for m in real if "bare-sign" not in m.pattern.flags]
    # a readiness cue with no trigger after it is itself an AGREE ("spremni smo", "готовы к")
    for cue in modal:
        if cue.pattern.label == "ready" and not any(0 <= m.first - cue.last <= READY_REACH for m in real):
            real.append(lexicon.Match(lexicon.Pattern(cue.pattern.words, "AGREE", None, frozenset({"symmetric"}), 0.6), cue.tokens))
    return matches, real, modal


def inside_name(doc, toks: list[Token], m: lexicon.Match) -> bool:
    """A trigger word inside an organisation's name of several words ("Collective Security Treaty
    Organization", "Шанхайская организация сотрудничества", "Organizacija za evropsku bezbednost i
    saradnju") names the body, not an act: PLOVER codes the act where a clause reports it."""
    start, end = toks[m.first].start, toks[m.last].end
    return any(x.type == "ORG" and x.start <= start and end <= x.end and " " in x.text.strip() and x.start < start
               for x in doc.mentions)


def has_trigger(toks: list[Token], lang: str) -> bool:
    return any(m.pattern.label != "NONE" for m in lexicon.triggers(lang).find(toks))


def _compound_tail(toks: list[Token], i: int) -> bool:
    """The second half of a hyphenated compound ("visa-free", "Russian-led") is not a trigger of its own."""
    return (i >= 2 and toks[i - 1].text in ("-", "‐") and toks[i - 1].start == toks[i - 2].end
            and toks[i].start == toks[i - 1].end)


def _modal_cues(toks: list[Token], lang: str) -> list[lexicon.Match]:
    return lexicon.select(lexicon.modality(lang).find(toks))


def _modifier_noun(toks: list[Token], m: lexicon.Match, lang: str) -> bool:
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


def _has_role(toks: list[Token], i: int, lang: str, role: str) -> bool:
    return any(r.pattern.label == role for r in lexicon.roles(lang).find(toks, i, i + 1))


def refers_back(toks: list[Token], m: lexicon.Match, lang: str) -> bool:
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


def in_complement(toks: list[Token], m: lexicon.Match, absorbing: set[int], lang: str) -> bool:
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
