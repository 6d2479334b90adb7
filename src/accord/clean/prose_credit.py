"""The outlet an article's own sentences credit: "the minister told Reuters", «сообщили РИА
Новости», «по данным "Ленты.ру"», "javlja Tanjug", "prenosi N1", "pišu Dnevne novine".

Why: on news nobody tuned to, the outlet is as often named only in the prose as in a credit
line or a dateline, and the gold (../shared/schema/gold.md: the outlet the article credits)
counts it ("Об этом «Ленте.ру» сообщили в пресс-центре" credits Лента.ру, "..., pišu Dnevne
novine" credits Dnevne novine). A name in prose is an outlet only where the reviewed list knows
it (`outlet_names.lookup_inflected`: in any case form) and it stands beside a cue of a family
root (`outlet_cues.txt`, `speech_verbs.txt`, `speech_relay.txt`, `speech_according.txt` of each
root's folder): right after it, or right before it (not a speech verb's: "RT said" makes RT a
speaker), with at most two short lower-case words between ("rekao je za N1", "told the BBC"). A listed name that is also a word ("Danas",
"Beta") counts only in quotes or capitals. The weakest credible place (`outlet.WEIGHTS`):
it stands only where no credit line, dateline, bracket, byline, copyright or header names one.
"""
from __future__ import annotations

import re
from functools import lru_cache
from itertools import compress

from ..lang import get, roots
from .lines import Line, _latin_writers, latin_forms
from .outlet_names import _listed, domain_shaped, lookup_inflected, norm

CUE_FILES = ("outlet_cues.txt", "speech_verbs.txt", "speech_relay.txt", "speech_according.txt")
# a word, a web address written as a name ("Лента.ру", "Telegraf.rs") or a name with digits ("N1", "B92")
# (the ending in one case: "Новости.Это", a sentence glued to the next, is two words)
_TOKEN_RE = re.compile(r"[^\W_](?:[\w-]*[^\W_])?(?:\.(?:[a-zа-яё]{2,6}|[A-ZА-ЯЁ]{2,6})\b)?")
_QUOTES = "«»\"„“”'‘’"
MAX_WORDS = 4


# cues after which only a name stands credited: a speech verb after a name makes the outlet a
# speaker ("the management of RT said"), before one its medium ("told Reuters", "рекао је за N1")
AFTER_ONLY = ("speech_verbs.txt",)


@lru_cache(maxsize=1)
def _cues() -> tuple[dict[str, tuple[tuple[str, ...], ...]], frozenset[tuple[str, ...]]]:
    """Every root's cue entries as word tuples, casefolded, by first word, longest first; and
    those that credit a name only after them (`AFTER_ONLY`)."""
    out: set[tuple[str, ...]] = set()
    both: set[tuple[str, ...]] = set()
    for code in roots():
        lang = get(code)
        for name in CUE_FILES:
            if lang.has_data(name):
                items = {tuple(item.casefold().split()) for item in lang.lines(name) if item.split() and "*" not in item}
                out |= items
                if name not in AFTER_ONLY:
                    both |= items
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for cue in sorted(out, key=len, reverse=True):
        by_first.setdefault(cue[0], []).append(cue)
    return {k: tuple(v) for k, v in by_first.items()}, frozenset(out - both)


def _cue_ends(words: list[str]) -> dict[int, tuple[int, bool]]:
    """Cue spans in the line's words: start index -> (end index, exclusive; whether a name
    before it counts), on the words as written and as each root's lists are written
    (`latin_forms`)."""
    forms = [words] + [f.split() for f in latin_forms(" ".join(words)) if len(f.split()) == len(words)]
    spans: dict[int, tuple[int, bool]] = {}
    cues, after_only = _cues()
    for form in forms:
        low = [w.casefold() for w in form]
        for i in range(len(low)):
            for cue in cues.get(low[i], ()):
                if tuple(low[i:i + len(cue)]) == cue:
                    spans.setdefault(i, (i + len(cue), cue not in after_only))
                    break
    return spans


def _skippable(word: str) -> bool:
    """A short lower-case word between a cue and the name ("je", "za", "the", "в")."""
    return len(word) <= 3 and word.islower()


def _name_at(text: str, toks: list[re.Match], start: int, stop: int, forward: bool) -> str | None:
    """The longest listed name of up to four words beginning (`forward`) or ending at `start`."""
    for n in range(MAX_WORDS, 0, -1):
        a, b = (start, start + n) if forward else (start - n + 1, start + 1)
        if a < 0 or b > stop or (forward and b > len(toks)):
            continue
        first = toks[a].group()
        if not (first[0].isupper() or first[0].isdigit()):
            continue
        span = text[toks[a].start():toks[b - 1].end()]
        found = lookup_inflected(span)
        if found is None:
            continue
        entry, spelling = found
        if spelling == span:  # as written: with the closing mark of a quote it opens ("РИА «Новости»")
            opened = sum(span.count(c) for c in "«„“") - sum(span.count(c) for c in "»”")
            closing = text[toks[b - 1].end():toks[b - 1].end() + 1]
            spelling = span + closing if opened > 0 and closing in "»”“" and closing else span
        quoted = text[toks[a].start() - 1:toks[a].start()] in _QUOTES if toks[a].start() else False
        if entry.word and not (quoted or span.isupper() or domain_shaped(span)):
            continue
        return spelling
    return None


def _joined(text: str, toks: list[re.Match], a: int, b: int) -> bool:
    """Whether words a..b (a < b) follow one another with only spaces and quote marks between:
    a comma or a stop parts a name from the cue ("Reuters, citing two officials, said": the
    lead reports Reuters, "..., — заявил министр" is his)."""
    return all(not text[toks[i].end():toks[i + 1].start()].strip(" " + _QUOTES) for i in range(a, b))


_DROP = {ord(c): None for c in "«»\"„“”‘’'`"}  # the quotes `outlet_names.norm` drops


def _fold(text: str) -> str:
    """A word as `outlet_names.norm` keys it (casefolded, ё as е, quotes dropped)."""
    return text.casefold().replace("ё", "е").translate(_DROP)


def _least(word: str) -> str:
    """What a listed key's word begins every form `lookup_inflected` meets it in with: the word
    less the letter `outlet_names._stems` may cut from it (where five letters stay, four before
    a web address's ending), and of a web address only the part before its ending."""
    part, dot, _ = word.partition(".")
    return part[:-1] if len(part) - 1 >= (4 if dot else 5) else part


@lru_cache(maxsize=1)
def _next_words() -> dict[str, tuple[str, ...]]:
    """The first word of each multi-word key of a listed spelling (`norm`, as written and in
    each root's list script), with what the next word begins every form it is met in with
    (`_least`; empty after a quote standing alone, where the next word is empty)."""
    multi: dict[str, set[str]] = {}
    for _, forms in _listed():
        for form in forms:
            for variant in (form, *latin_forms(form)):
                first, space, rest = norm(variant).partition(" ")
                if space:
                    multi.setdefault(first, set()).add(_least(rest.split(" ")[0]))
    return {k: tuple(v) for k, v in multi.items()}


def _latin(text: str) -> list[str]:
    """`latin_forms` uncached (the runs and their ends looked at here would crowd its cache)."""
    return [w.to_latin(text) for w in _latin_writers()]


_LONG_RUN = 200  # a run longer than this (a web address, a script) is left to `_name_at`: its tokens are many


@lru_cache(maxsize=65536)
def _may_begin(chunk: str) -> bool | tuple[str, ...]:
    """Whether a listed name can begin at a token of this run of non-space characters: True
    where one within the run is listed, else the beginnings the next run must have for a
    multi-word name to (empty: none can). `line_credit` looks no further on a line where none
    can: most lines name no outlet, and tokenizing them and looking every span up is this
    module's cost.

    Why this holds for every name `_name_at` finds: a span begins and ends at tokens, and
    `_TOKEN_RE` finds the same ones in the run alone (none spans a space). A span within the
    run (of up to `MAX_WORDS` tokens) is looked up here as there; one that goes on past it is
    keyed (`norm`, or that of its `latin_forms`, letter for letter) with the whole run as its
    first word, which a multi-word key must have as its own; its next word is the next run, or
    that cut at a token's end and by the letters `outlet_names._stems` cuts, so it begins with
    the key's next `_least`."""
    if len(chunk) > _LONG_RUN:
        return True
    multi = _next_words()
    toks = list(_TOKEN_RE.finditer(chunk))
    after: set[str] = set()
    for i, m in enumerate(toks):
        token = m.group()
        if not (token[0].isupper() or token[0].isdigit()):
            continue
        if any(lookup_inflected(chunk[m.start():t.end()]) is not None for t in toks[i:i + MAX_WORDS]):
            return True
        word = chunk[m.start():]
        for form in (word, *_latin(word)):
            folded = _fold(form)
            if folded.startswith("www"):  # `norm` drops it: the first word is not the run
                return True
            after.update(multi.get(folded, ()))
    return tuple(after)


def _may_name(text: str) -> bool:
    """Whether a listed name can begin anywhere in the text (`_may_begin` of each run)."""
    runs = text.split()
    for i in compress(range(len(runs)), map(_may_begin, runs)):
        hit = _may_begin(runs[i])
        if hit is True:
            return True
        if i + 1 < len(runs):
            nxt = runs[i + 1]
            if any(_fold(form).startswith(hit) for form in (nxt, *_latin(nxt))):
                return True
    return False


def line_credit(text: str) -> str | None:
    """The first listed outlet a cue credits in this text, as listed (nominative) or written."""
    if not _may_name(text):
        return None
    toks = list(_TOKEN_RE.finditer(text))
    words = [t.group() for t in toks]
    for start, (end, before) in sorted(_cue_ends(words).items()):
        j = end  # after the cue: "told Reuters", "сообщили РИА Новости", "rekao je za N1"
        while j < len(words) and j - end < 2 and _skippable(words[j]):
            j += 1
        name = None
        if j < len(words) and _joined(text, toks, end - 1, j):
            name = _name_at(text, toks, j, len(toks), True)
        if name is None and before and start > 0:  # before it: "Reuters reported", "«Ленте.ру» сообщили"
            k = start - 1
            while k > 0 and start - 1 - k < 2 and _skippable(words[k]):
                k -= 1
            if _joined(text, toks, k, start):
                name = _name_at(text, toks, k, start, False)
        if name:
            return name
    return None


def prose_credit(kept: list[Line]) -> str | None:
    """The first outlet the article's kept lines credit in prose (`line_credit`), or None."""
    for line in kept:
        name = line_credit(line.text)
        if name:
            return name
    return None
