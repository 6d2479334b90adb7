"""Which words of a sentence report an act: triggers that stand for a happening of their own.

Trigger patterns (events.tsv, matched on lemmas: longest pattern wins, a token serves one
trigger) are kept when they report an act: not the tail of a hyphenated compound, not a
participle used as an attribute or a noun ("donirana oprema", "о выдаче 28 задержанных",
"a couple accused of helping"), not inside an indirect question or condition, not a conflict noun that only modifies another noun, not what
a request, refusal, threat or accusation asks for (its complement belongs to that act). A bare
readiness cue ("ready to", "spremni smo", "готовы") with no trigger after it is itself an AGREE
(not when it is a word of a trigger: "combat readiness" is MOBILIZE).
A nominal trigger right after "after"/"после"/"posle" refers back to a happening reported
elsewhere.
"""
from __future__ import annotations

from functools import lru_cache

from . import lexicon
from ..doc import Token
from ..dates.grammar import grammar
from ..lang import load_list
from ..translit import fold
from .parse_roles import passive_verb
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
    attributes = {m.first for m in matches if m.pattern.label != "NONE" and participle_attribute(toks, m, lang)}
    real = [m for m in matches if m.pattern.label != "NONE" and m.first not in unreal
            and not _modifier_noun(toks, m, lang) and m.first not in attributes and not _below(toks, m.first, attributes)
            and not not_real(toks, m, lang) and not named_document(toks, m, lang) and not month_name(toks, m, lang)]
    real = [m for m in real if not _light_verb(toks, m, real)]
    if any(m.pattern.label == "AGREE" for m in real):  # "Sporazum ... su u Berlinu potpisali": one AGREE
        real = [m for m in real if "bare-sign" not in m.pattern.flags]
    # a readiness cue with no trigger after it is itself an AGREE ("spremni smo", "готовы к")
    for cue in modal:
        inside = any(set(cue.tokens) & set(m.tokens) for m in real)  # "combat readiness", "боевая готовность": the trigger's own word
        if cue.pattern.label == "ready" and not inside and not any(0 <= m.first - cue.last <= READY_REACH for m in real):
            real.append(lexicon.Match(lexicon.Pattern(cue.pattern.words, "AGREE", None, frozenset({"symmetric"}), 0.6), cue.tokens))
    return matches, real, modal


LIGHT_REACH = 3  # words between a light verb and the act noun it carries ("sent its warmest congratulations")
VERBAL_ACTS = {"SUPPORT", "ACCUSE", "THREATEN", "REQUEST", "REJECT"}


def _light_verb(toks: list[Token], m: lexicon.Match, real: list[lexicon.Match]) -> bool:
    """A light verb (events.tsv `light`: offer, send, hand over) whose object is a noun naming a
    verbal act ("offered an apology", "sent congratulations", "uručio protestnu notu") only carries
    that act: the noun says what was done, so the verb codes no AGREE or AID of its own."""
    if "light" not in m.pattern.flags:
        return False
    return any(o is not m and o.pattern.label in VERBAL_ACTS and 0 < o.first - m.last <= LIGHT_REACH + 1
               and toks[o.first].pos in ("NOUN", "") for o in real)


def month_name(toks: list[Token], m: lexicon.Match, lang: str) -> bool:
    """A one-word trigger written as the language's month name ("March" in "BELGRADE, March 3",
    "on 3 March") is a date, not the act its lower-case twin names ('march': PROTEST). Asked of the
    date grammar (accord.dates.grammar: months.tsv, matched case-sensitively where dates.tsv says
    so, as English does), so the verb and the noun in lower case still count."""
    g = grammar(lang)
    return g is not None and len(m.tokens) == 1 and g.key(toks[m.first].text) in g.months


def not_real(toks: list[Token], m: lexicon.Match, lang: str) -> bool:
    """A word right before the trigger (event_roles.tsv `not-real`; only an article and up to two
    modifiers between, a hyphenated compound counting as one)
    says the act is no real one: an exercise's ("defeating a simulated attack", "атаку условного
    противника"), an alleged, foiled or prevented one ("the alleged plot", "osujećenog terorističkog
    napada", "to prevent attacks"). PLOVER codes acts that happened or are announced."""
    lo = max(0, m.first - 6)
    for r in lexicon.roles(lang).find(toks, lo, m.first):
        if r.pattern.label != "not-real":
            continue
        between = [j for j in range(r.last + 1, m.first) if not _hyphen_joined(toks, j)]
        if len(between) <= 2 and all(toks[j].is_word and (toks[j].pos in ("ADJ", "DET", "") or toks[j].dep in ("amod", "det", "compound"))
                                     for j in between):
            return True
    return False


def _hyphen_joined(toks: list[Token], j: int) -> bool:
    """Token j is a hyphen inside a word, or the word after it ("rusko-srpskog", "Russian-led"): a
    hyphenated compound counts as one modifier."""
    def hyphen(k: int) -> bool:
        return (0 < k < len(toks) - 1 and toks[k].text in ("-", "‐") and toks[k].start == toks[k - 1].end
                and toks[k + 1].start == toks[k].end)
    return hyphen(j) or hyphen(j - 1)


def named_document(toks: list[Token], m: lexicon.Match, lang: str) -> bool:
    """A treaty's or agreement's name mentioned in passing ("Vojnotehničkog sporazuma", "the Minsk
    agreements", "Договор о коллективной безопасности", "the Treaty of Lisbon") names a document,
    not an act: a lone trigger noun (event_roles.tsv `document-name`) that is part of a capitalised
    name (a capitalised word right before it, itself capitalised, or a `document-link` word and a
    capitalised word after it; the sentence's first word says nothing) codes no event unless a
    `document-act` verb (signing, ratifying, concluding, withdrawing) stands in its sentence."""
    if len(m.tokens) != 1 or not _has_role(toks, m.first, lang, "document-name"):
        return False
    i = m.first
    first = next((j for j, t in enumerate(toks) if t.is_word), 0)

    def capital(j: int) -> bool:
        return 0 <= j < len(toks) and j != first and toks[j].is_word and toks[j].text[:1].isupper()
    words = [j for j, t in enumerate(toks) if t.is_word and t.text[:1].isalpha()]
    if sum(toks[j].text[:1].isupper() for j in words) * 5 > len(words) * 3:
        return False  # a headline in title case: capitals name nothing
    after = i + 2 < len(toks) and _has_role(toks, i + 1, lang, "document-link") and capital(i + 2)
    if not (capital(i - 1) or capital(i) or after):
        return False
    return not any(r.pattern.label == "document-act" for r in lexicon.roles(lang).find(toks))


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


def ultimatum_after(toks: list[Token], j: int, lang: str) -> bool:
    """A condition the other side must meet follows token j in its sentence ("will withdraw its
    peacekeepers unless a ceasefire is arranged"): the act announced before it is held over that
    side, a threat (CAMEO 139 'give ultimatum', PLOVER THREATEN), not a promise."""
    return any(c.pattern.label == "unreal-ultimatum" and c.first > j for c in _modal_cues(toks, lang))


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
        if m.last != m.first and toks[m.first].pos == "VERB":
            return False  # a verb reports the act ("ended mediation efforts", "withdraw its peacekeeping force")
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


ATTRIBUTE_DEPS = {"amod", "acl", "nmod", "obl", "obj", "iobj", "dobj", "pobj", "nsubj", "nsubj:pass", "nsubjpass", "appos", "compound"}


def participle_attribute(toks: list[Token], m: lexicon.Match, lang: str) -> bool:
    """Token i is a participle that describes or names someone ("the detained", "задержанных",
    "optuženih za zločine", "donirana oprema", "a couple accused of helping"), not a clause's
    predicate: the act it tells of is background to the sentence, which reports something else.
    With a parse (UD features): a participle in an attribute (amod), or a past passive one in a
    clause modifier (acl) or a noun's place; a predicative ("были задержаны", Variant=Short) or
    perfect ("have arrested", root/ccomp/conj) form is the predicate. Without one (Serbian): the
    form ends as a passive participle of a verb lemma (event_roles.tsv `participle`), and either its
    ending is an oblique case, which no predicate takes (`participle-oblique`: "optuženih"), or no
    form of 'to be' (`copula`) stands beside it in a sentence that has a verb elsewhere (a headline
    "Ruski špijun uhapšen u Beogradu" is predicative). A pattern that names the adjective itself
    ("posvećen*", "committed") is the trigger in any use."""
    i = m.first
    t = toks[i]
    if t.dep:
        feats = set(t.morph.split("|"))
        if "VerbForm=Part" not in feats or "Variant=Short" in feats:
            return False
        if t.dep == "amod":
            return True
        head = toks[t.head] if 0 <= t.head < len(toks) else None
        if t.dep == "acl" and head is not None and (head.pos in ("ADJ", "NUM") or "PronType=Prs" in head.morph):
            return False  # "many of them accused of spying": a clause about a quantity or a pronoun reports the act
        return t.dep in ATTRIBUTE_DEPS and "Tense=Past" in feats and "Voice=Act" not in feats
    low = fold(t.low)
    if "*" in m.pattern.words[0] or not _ends(fold(m.pattern.words[0]), lang, "infinitive"):
        return False
    if _ends(low, lang, "participle-oblique"):
        return True
    if not _ends(low, lang, "participle"):
        return False
    copula = lexicon.role_words(lang, "copula")
    after = toks[i + 1] if i + 1 < len(toks) else None
    if after is None or not after.is_word or after.low in _function_words(lang):
        return False  # "dogovoren i dalji nastavak", "uhapšen u Beogradu": not before the noun it would describe
    if any(fold(toks[j].low) in copula for j in range(max(0, i - 3), min(len(toks), i + 2))):
        return False
    return any(fold(x.low) in copula or fold(x.low) in lexicon.role_words(lang, "aux") for x in toks)


def _below(toks: list[Token], i: int, heads: set[int], steps: int = 4) -> bool:
    """The parse hangs token i under one of `heads` ("accused of helping to procure": helping is
    what the couple is accused of, and goes with the participle)."""
    k = i
    for _ in range(steps):
        h = toks[k].head
        if h < 0 or h == k:
            return False
        if h in heads:
            return True
        k = h
    return False


@lru_cache(maxsize=None)
def _function_words(lang: str) -> frozenset[str]:
    return frozenset(w.lower() for w in load_list(lang, "stopwords.txt"))


def _ends(word: str, lang: str, role: str) -> bool:
    return any(e.startswith("-") and len(word) > len(e) + 1 and word.endswith(e[1:]) for e in lexicon.role_words(lang, role))


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


def passive_clause(toks: list[Token], m: lexicon.Match, lang: str) -> bool:
    """The trigger is a passive predicate ("будут высланы", "were expelled", "biće proterani"): its
    subject is the side acted upon. With a parse: the trigger's own verb is passive (UD Voice=Pass,
    or a passive auxiliary or subject below it). Without one (Serbian): the trigger word of a verb
    lemma ends as a passive participle (event_roles.tsv `participle`) and a form of 'biti'
    (`copula`) stands beside it ("su uhapšeni", "biće proterani", "da ne bude izručen")."""
    i = m.first
    t = toks[i]
    if t.dep:
        return t.pos in ("VERB", "AUX") and passive_verb(toks, i)
    if "*" in m.pattern.words[0] or not _ends(fold(m.pattern.words[0]), lang, "infinitive"):
        return False
    if not _ends(fold(t.low), lang, "participle"):
        return False
    copula = lexicon.role_words(lang, "copula")
    return any(fold(toks[j].low) in copula for j in range(max(0, i - 3), min(len(toks), i + 3)) if j != i)
