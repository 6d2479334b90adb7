"""The PLOVER type and mode of a coded act: negation, intent and warnings recode the trigger's type.

A trigger's own type and mode come from events.tsv; this module decides what the sentence
makes of it. A negator or refusal idiom just before it (negation.txt) negates it; an intent or
readiness cue before it (future.tsv) makes it future; `recode` applies PLOVER's reading of both
(a refused cooperative act is REJECT, intent to cooperate AGREE with mode "future", intent to
coerce or attack THREATEN). A warning that only describes what others do threatens nobody; an
intent cue describing a noun ("suspects who planned attacks") announces nothing.
"""
from __future__ import annotations

from . import lexicon
from ..doc import Token

NEGATION_WINDOW = 3  # words before the trigger a negator may stand
FUTURE_WINDOW = 4  # words before the trigger an intent cue may stand
NEGATION_REACH = 5  # triggers this many words after a negated one are its complement ("did not agree to cooperate")
READY_REACH = 6  # a readiness cue governs a trigger this many words after it
CONTENT_POS = {"NOUN", "PROPN", "ADJ", "NUM"}
SYMMETRIC_BY_DEFAULT = {"CONSULT", "COOPERATE", "AGREE"}
COOPERATIVE = {"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "RETREAT", "CONCEDE"}
REJECT_MODE = {"AID": "assist", "COOPERATE": "assist", "CONSULT": "meet", "RETREAT": "yield", "CONCEDE": "yield"}
THREAT_MODE = {"SANCTION": "relations", "COERCE": "restrict", "ASSAULT": "violence"}
THREAT_MODE_BY_MODE = {"expel": "expel", "arrest": "arrest", "convict": "arrest"}


def is_negated(toks: list[Token], first: int, lang: str) -> bool:
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


def described_intent(toks: list[Token], m: lexicon.Match, modal: list[lexicon.Match]) -> bool:
    """The intent cue before a conflict trigger sits in a participle or relative clause that describes a
    noun ("членов ячейки, планировавших взрывы", "a group that planned attacks"): no one announced it."""
    cues = [c for c in modal if c.last < m.first and m.first - c.last <= FUTURE_WINDOW]
    return bool(cues) and all(toks[c.first].dep in ("acl", "amod", "acl:relcl", "relcl") for c in cues)


def warns_of_state(toks: list[Token], m: lexicon.Match, lang: str) -> bool:
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


def is_future(m: lexicon.Match, modal: list[lexicon.Match]) -> bool:
    """Intent: an intent cue at most FUTURE_WINDOW words (a readiness cue READY_REACH words) before
    the trigger, or a cue that is the trigger itself."""
    return any(c.last < m.first and m.first - c.last <= FUTURE_WINDOW or c.last < m.first and c.pattern.label == "ready"
               and m.first - c.last <= READY_REACH for c in modal) or any(c.tokens == m.tokens for c in modal)


POLICE = "COP"  # the sector code of police (CAMEO)


def police_assistance(etype: str, sources: list, targets: list) -> bool:
    """Police units of one state deployed on another state's border or territory ("Dve jedinice
    mađarske policije raspoređene su duž granične linije Srbije", "Austria sent police officers to
    the Serbian border") assist that state: PLOVER's AID (CAMEO 074, protection given), not the
    MOBILIZE of a force against it. Armed forces keep MOBILIZE."""
    if etype != "MOBILIZE" or not sources or not targets:
        return False
    own = {a.country for a in sources}
    return all(a.sector == POLICE for a in sources) and any(a.country and a.country not in own for a in targets)
