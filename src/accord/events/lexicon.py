"""Trigger, context, modality and role lexicons read from `lang/<code>/` data files, and the matcher.

A pattern is one or more words in order (up to `MAX_GAP` words may lie between two of them);
each word is compared with a token's lemma and its lower-cased (Serbian: Latin) form; a word
ending in `*` is a prefix; `...` lets the next word stand up to `WIDE_GAP` words further. So one matcher serves every language and a new language is a new
data folder: events.tsv, contexts.tsv, negation.txt, future.tsv, event_roles.tsv.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..lang import load_list, load_tsv
from ..translit import fold

MAX_GAP = 2
WIDE_GAP = 6  # "..." in a pattern: the next word may stand this far ("ordered 40 German diplomats to leave")


@dataclass(frozen=True)
class Pattern:
    words: tuple[str, ...]
    label: str  # PLOVER type, context names (space separated), modality kind or role
    mode: str | None = None
    flags: frozenset[str] = frozenset()
    weight: float = 1.0


@dataclass(frozen=True)
class Match:
    pattern: Pattern
    tokens: tuple[int, ...]  # token indices, in order

    @property
    def first(self) -> int:
        return self.tokens[0]

    @property
    def last(self) -> int:
        return self.tokens[-1]


def word_matches(word: str, tok) -> bool:
    if word.endswith("*") and len(word) > 1:
        stem = word[:-1]
        return tok.lemma.startswith(stem) or tok.low.startswith(stem)
    return tok.lemma == word or tok.low == word


class Matcher:
    """All occurrences of a set of patterns in a token list; `select` keeps the longest, non-overlapping.

    Patterns are indexed by their first word: an exact word by the word, a prefix (`word*`) by
    its stem, so a token finds its candidate patterns with a few dict lookups instead of a scan
    of every prefix pattern; the candidates of a (lemma, form) pair are cached.
    """

    CACHE = 200_000  # distinct (lemma, form) pairs remembered per matcher

    def __init__(self, patterns: list[Pattern]):
        self.patterns = patterns
        self.exact: dict[str, list[Pattern]] = {}
        self.prefixed: list[Pattern] = []
        self.stems: dict[str, list[tuple[int, Pattern]]] = {}  # stem -> (order in prefixed, pattern)
        self.stars: list[tuple[int, Pattern]] = []
        for p in patterns:
            head = p.words[0]
            if head.endswith("*") and len(head) > 1:
                self.stems.setdefault(head[:-1], []).append((len(self.prefixed), p))
                self.prefixed.append(p)
            elif head.endswith("*"):  # a bare '*' is compared as a word, as word_matches does
                self.stars.append((len(self.prefixed), p))
                self.prefixed.append(p)
            else:
                self.exact.setdefault(head, []).append(p)
        self.lengths = sorted({len(stem) for stem in self.stems})
        self._cache: dict[tuple[str, str], tuple[Pattern, ...]] = {}
        self._found: dict[int, tuple[object, int, list[Match]]] = {}  # id(toks) -> (toks, len, matches)

    def _prefix_heads(self, tok) -> list[Pattern]:
        """Prefix patterns whose stem starts the token's lemma or form, in their file order."""
        hits: dict[int, Pattern] = {}
        for word in (tok.lemma, tok.low):
            for n in self.lengths:
                if n > len(word):
                    break
                for k, p in self.stems.get(word[:n], ()):
                    hits[k] = p
        for k, p in self.stars:
            if word_matches("*", tok):
                hits[k] = p
        return [hits[k] for k in sorted(hits)]

    def _heads(self, tok) -> tuple[Pattern, ...]:
        key = (tok.lemma, tok.low)
        found = self._cache.get(key)
        if found is None:
            # an exact pattern listed under the form has a different first word than one under
            # the lemma, so the two lists never share a pattern
            found = list(self.exact.get(tok.lemma, ()))
            if tok.low != tok.lemma:
                found += self.exact.get(tok.low, ())
            found = tuple(found + self._prefix_heads(tok))
            if len(self._cache) >= self.CACHE:
                self._cache.clear()
            self._cache[key] = found
        return found

    FOUND = 64  # token lists whose matches are remembered (the sentences of the article at hand)

    def find(self, toks, start: int = 0, end: int | None = None) -> list[Match]:
        """Every match of a pattern whose first word lies in toks[start:end] and whose words all
        lie before `end`. The events stage asks the same sentence many times (whole, and windows
        of it): its matches are found once, and a window's are those of the whole sentence that
        lie inside it (the words of a match are found left to right, each at the first token that
        fits, so cutting the list at `end` only loses the matches reaching past it)."""
        n = len(toks)
        end = n if end is None else end
        if start < 0 or end > n:
            return self._find(toks, start, end)
        entry = self._found.get(id(toks))
        if entry is None or entry[0] is not toks or entry[1] != n:
            if len(self._found) >= self.FOUND:
                self._found.clear()
            entry = (toks, n, self._find(toks, 0, n))
            self._found[id(toks)] = entry
        found = entry[2]
        if start == 0 and end == n:
            return list(found)
        return [m for m in found if start <= m.tokens[0] and m.tokens[-1] < end]

    def _find(self, toks, start: int, end: int) -> list[Match]:
        out = []
        cache = self._cache
        for i in range(start, end):
            tok = toks[i]
            heads = cache.get((tok.lemma, tok.low))  # _heads' cache, read here (most tokens head nothing)
            if heads is None:
                heads = self._heads(tok)
            for p in heads:
                idx = [i]
                ok = True
                gap = MAX_GAP
                for w in p.words[1:]:
                    if w == "...":
                        gap = WIDE_GAP
                        continue
                    j = idx[-1] + 1
                    limit = min(end, j + gap + 1)
                    gap = MAX_GAP
                    while j < limit and not word_matches(w, toks[j]):
                        j += 1
                    if j >= limit:
                        ok = False
                        break
                    idx.append(j)
                if ok:
                    out.append(Match(p, tuple(idx)))
        return out


def select(matches: list[Match]) -> list[Match]:
    """Longest patterns first, then the heavier; a token serves one pattern only."""
    used: set[int] = set()
    kept = []
    for m in sorted(matches, key=lambda m: (-len(m.pattern.words), -m.pattern.weight, m.first)):
        span = set(m.tokens)  # words in a gap stay free ("signed a cooperation agreement": cooperation too)
        if span & used:
            continue
        used |= span
        kept.append(m)
    return sorted(kept, key=lambda m: m.first)


def _words(cell: str) -> tuple[str, ...]:
    return tuple(cell.lower().split())


@lru_cache(maxsize=None)
def triggers(lang: str) -> Matcher:
    pats = []
    for row in load_tsv(lang, "events.tsv"):
        row = row + ("",) * (5 - len(row))
        pattern, etype, mode, flags, weight = row[:5]
        pats.append(Pattern(_words(pattern), etype.upper(), mode or None, frozenset(flags.split()), float(weight or 0.7)))
    return Matcher(pats)


@lru_cache(maxsize=None)
def contexts(lang: str) -> Matcher:
    pats = []
    for row in load_tsv(lang, "contexts.tsv"):
        row = row + ("", "")
        pats.append(Pattern(_words(row[0]), row[1], None, frozenset(row[2].split())))
    return Matcher(pats)


@lru_cache(maxsize=None)
def negation(lang: str) -> tuple[Matcher, Matcher]:
    """(negators, exceptions): `!` lines in negation.txt look negative but are not."""
    neg, exc = [], []
    for line in load_list(lang, "negation.txt"):
        if line.startswith("!"):
            exc.append(Pattern(_words(line[1:]), "except"))
        else:
            neg.append(Pattern(_words(line), "neg"))
    return Matcher(neg), Matcher(exc)


@lru_cache(maxsize=None)
def labelled(lang: str, name: str) -> Matcher:
    """The phrases of a two-column language file (phrase, label) as one matcher: future.tsv,
    event_roles.tsv, event_generic.tsv, event_grievance.tsv."""
    return Matcher([Pattern(_words(r[0]), r[1]) for r in load_tsv(lang, name) if len(r) >= 2 and r[0]])


def modality(lang: str) -> Matcher:
    return labelled(lang, "future.tsv")


def roles(lang: str) -> Matcher:
    return labelled(lang, "event_roles.tsv")


@lru_cache(maxsize=None)
def role_words(lang: str, label: str) -> frozenset[str]:
    """The folded single words of one role in event_roles.tsv (auxiliaries, relative words, endings)."""
    return frozenset(fold(r[0]) for r in load_tsv(lang, "event_roles.tsv") if len(r) > 1 and r[1] == label)
