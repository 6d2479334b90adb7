"""Clause structure a trigger or a date sits in, read from punctuation and role words.

Serbian has no parser, so clause bounds come from clause marks (comma, semicolon, colon,
brackets, dashes) and the language's role words (event_roles.tsv: `relative`, `content`;
future.tsv: `unreal`, `unreal-clause`) for every language alike.
"""
from __future__ import annotations

from functools import lru_cache

from . import lexicon
from ..ner import knowledge
from ..translit import fold
from ..doc import Token

CLAUSE_MARKS = {",", ";", ":", "(", ")", "—", "–"}


def unreal_tokens(toks: list[Token], cues: list[lexicon.Match]) -> set[int]:
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


def relative_opener(toks: list[Token], j: int, lang: str) -> bool:
    """A relative pronoun opening a clause (not "that" after a speech verb: a relative follows a noun or comma)."""
    if not any(m.first == j and m.pattern.label == "relative" for m in lexicon.roles(lang).find(toks, j, j + 1)):
        return False
    if toks[j].pos == "DET":  # "in that year"
        return False
    return j == 0 or toks[j - 1].pos not in ("VERB", "AUX")


def relative_clause(toks: list[Token], i: int, lang: str) -> tuple[int, int] | None:
    """The token range of the relative clause holding token i (its opener to the next comma), if any."""
    for j in range(i, -1, -1):
        if j < i and toks[j].text in CLAUSE_MARKS:
            return None
        if relative_opener(toks, j, lang):
            end = next((k for k in range(i, len(toks)) if toks[k].text in CLAUSE_MARKS), len(toks))
            return j, end - 1
    return None


def complement_between(toks: list[Token], lo: int, hi: int, lang: str) -> bool:
    """A complementizer (da, что, that; 'to', 'чтобы') opens the refused act between the two tokens."""
    if any(toks[j].low in ("to", "чтобы") for j in range(lo + 1, hi)):
        return True
    return any(r.pattern.label == "content" for r in lexicon.roles(lang).find(toks, lo + 1, hi))


def conjoined_report(toks: list[Token], i: int, lang: str) -> int | None:
    """The first token after i where a coordinator opens a second report: straight into a content
    clause ("izrazim saučešće ... i da istaknem da ... Nemačkoj"), or through a speech verb ("and
    said that", "и заявил, что", "i naglasio da"): the sentence tells of another act from there,
    whose names play no part in the act at i. Speech verbs: the language's speech_verbs.txt."""
    coord, content = lexicon.role_words(lang, "coord"), lexicon.role_words(lang, "content")
    speech = _speech_words(lang)
    for j in range(i + 1, len(toks) - 1):
        if fold(toks[j].low) not in coord:
            continue
        for k in range(j + 1, min(j + 5, len(toks))):
            if fold(toks[k].low) in content:
                return j
            if toks[k].text != "," and knowledge.latin(toks[k].text, lang).lower() not in speech:
                break
    return None


@lru_cache(maxsize=None)
def _speech_words(lang: str) -> frozenset[str]:
    """Speech verbs and auxiliaries ('je rekao', 'has said'), as lower-case Latin forms."""
    out = set(knowledge.words(lang, "speech_verbs.txt"))
    try:
        out |= knowledge.words(lang, "auxiliaries.txt")
    except Exception:  # a language with no auxiliaries list
        pass
    return frozenset(out)
