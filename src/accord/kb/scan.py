"""The gazetteer scan: KB names found in running text, with the capitalisation each needs.

Why a scan of its own: a recogniser cuts or glues long official names ("Ministry of Internal
Affairs of the Russian Federation"), and a generic name ("MUP-a Srbije", "белорусского МВД") is
resolved only by the country word next to it. The scan jumps between tokens whose key begins
some alias, grows the window while the words so far still begin one, and keeps the longest
match; `KB` (accord.kb.index) inherits it.
"""
from __future__ import annotations

import re
from typing import Iterator

from ..lang import get as language
from .keys import index_lang, token_keys
from .model import Candidate, KBEntry, SpanMatch


class GazetteerScan:
    """The scan half of `KB`: reads self.entries, self._index, self._max_tokens and the KB's
    country look-ups (country_name_iso, country_from_word)."""

    def gazetteer(self, lang: str, *, cyrillic: bool | None = None) -> Iterator[tuple[str, KBEntry]]:
        """(surface form, entry) for every alias and generated inflection of `lang`.

        Serbian forms are stored in Latin (`Language.kb_cyrillic`); with cyrillic=True (or None:
        both) the Cyrillic spelling is given as well. Forms of several entries appear once per entry.
        """
        lang = index_lang(lang)
        to_cyrillic = language(lang).kb_cyrillic  # type: ignore[union-attr]
        for key, rows in self._index.get(lang, {}).items():
            for i, _flags, form in rows:
                entry = self.entries[i]
                other = to_cyrillic(form) if cyrillic is not False else None
                if other is not None:
                    if cyrillic is None:
                        yield form, entry
                    yield other, entry
                else:
                    yield form, entry

    def match_spans(self, text: str, lang: str) -> list[tuple[int, int, KBEntry]]:
        """(start, end, entry) for KB names found in raw text, longest match first.

        Whole words only; offsets index the original text (text[start:end] is the name as
        written). A generic alias yields one tuple per candidate (same span); a span with two
        or more specific readings is left out. See `match_spans_detailed` for candidates.
        """
        out = []
        for m in self.match_spans_detailed(text, lang):
            specific = [c for c in m.candidates if not c.generic]
            if len(specific) == 1:
                out.append((m.start, m.end, specific[0].entry))
            elif not specific:
                out.extend((m.start, m.end, c.entry) for c in m.candidates)
        return out

    def match_spans_detailed(self, text: str, lang: str) -> list[SpanMatch]:
        """Gazetteer scan with every candidate and its flags kept per span."""
        lang = index_lang(lang)
        index = self._index.get(lang, {})
        tokens, keys = token_keys(text, lang)
        out: list[SpanMatch] = []
        prefixes = self._prefixes(lang)
        # only a token whose key begins some alias can start a match: the scan jumps between
        # them (most tokens begin none) instead of stepping through every token
        i = 0
        for start_at in [n for n, k in enumerate(keys) if k in prefixes]:
            if start_at < i:
                continue  # inside the match before
            i = start_at
            found = None
            stop = min(len(tokens), i + self._max_tokens)
            # grow the window only across short word gaps (space, hyphen, dot, apostrophe) and
            # while the words so far begin some alias
            j_max = i + 1
            while (j_max < stop and _GAP.fullmatch(text[tokens[j_max - 1][1]:tokens[j_max][0]])
                   and " ".join(k for k in keys[i:j_max + 1] if k) in prefixes):
                j_max += 1
            for j in range(j_max, i, -1):
                key = " ".join(k for k in keys[i:j] if k)
                rows = index.get(key)
                if not rows:
                    continue
                start, end = tokens[i][0], tokens[j - 1][1]
                cands = self._span_candidates(text, start, end, tokens[i:j], rows, lang)
                if cands:
                    end = _extend_case_suffix(text, end, lang)
                    found = (j, SpanMatch(start=start, end=end, text=text[start:end], candidates=cands))
                    break
            if found:
                j, match = found
                if all(c.generic for c in match.candidates):
                    prev_end = out[-1].end if out else 0
                    j = self._qualify_span(text, lang, tokens, i, j, match, prev_end)
                out.append(match)
                i = j
                while i < len(tokens) and tokens[i][0] < match.end:
                    i += 1
            else:
                i += 1
        return out

    def _qualify_span(self, text, lang, tokens, i, j, match: SpanMatch, prev_end: int) -> int:
        """Resolve a generic name by a country word right after or before it, widening the span.

        'MUP-a Srbije', 'Ministarstvo unutrašnjih poslova (MUP) Srbije', 'белорусского МВД'.
        Returns the index of the first token after the (possibly widened) match.
        """
        while j < len(tokens) and tokens[j][0] < match.end:
            j += 1
        gap = _QUALIFIER_GAP.match(text, match.end)
        first = j
        if gap:
            while first < len(tokens) and tokens[first][0] < gap.end():
                first += 1
        if gap and first < len(tokens) and tokens[first][0] == gap.end():
            for n in (3, 2, 1):
                k = first + n
                if k > len(tokens):
                    continue
                if any(not _GAP.fullmatch(text[tokens[t - 1][1]:tokens[t][0]]) for t in range(first + 1, k)):
                    continue
                tail = text[tokens[first][0]:tokens[k - 1][1]]
                iso = self.country_name_iso(tail, lang) if tail[:1].isupper() else None
                keep = [c for c in match.candidates if iso and c.entry.country == iso]
                if keep:
                    match.candidates = [Candidate(entry=c.entry, form=c.form, generic=False,
                                                  flags=c.flags + ("qualified",)) for c in keep]
                    match.end = tokens[k - 1][1]
                    match.text = text[match.start:match.end]
                    return k
        if i > 0:
            ps, pe = tokens[i - 1]
            if ps >= prev_end and text[pe:tokens[i][0]] in (" ", "\u00a0"):
                iso = self.country_from_word(text[ps:pe], lang)
                keep = [c for c in match.candidates if iso and c.entry.country == iso]
                if keep:
                    match.candidates = [Candidate(entry=c.entry, form=c.form, generic=False,
                                                  flags=c.flags + ("qualified",)) for c in keep]
                    match.start = ps
                    match.text = text[match.start:match.end]
        return j

    def _prefixes(self, lang: str) -> set[str]:
        """Every leading word sequence of every alias key of a language (scan pruning)."""
        cache = self.__dict__.setdefault("_prefix_sets", {})
        if lang not in cache:
            pre = set()
            for key in self._index.get(lang, {}):
                words = key.split()
                for n in range(1, len(words) + 1):
                    pre.add(" ".join(words[:n]))
            cache[lang] = pre
        return cache[lang]

    def _span_candidates(self, text, start, end, toks, rows, lang) -> list[Candidate]:
        cands: dict[str, Candidate] = {}
        for idx, flags, form in rows:
            entry = self.entries[idx]
            fl = tuple(f for f in flags.split(",") if f)
            if not _case_ok(text, toks, form, entry, fl, lang):
                continue
            cand = Candidate(entry=entry, form=form, generic="generic" in fl, flags=fl)
            prev = cands.get(entry.id)
            if prev is None or (prev.generic and not cand.generic):
                cands[entry.id] = cand
        return list(cands.values())


_QUALIFIER_GAP = re.compile(r"[ \u00a0]?\([^()\n]{1,15}\)[ \u00a0]|[ \u00a0]of[ \u00a0](?:the[ \u00a0])?|[ \u00a0]")


_GAP = re.compile(r"[ \t\u00a0]{1,3}|[ \t]?[-‐‑–][ \t]?|\.[ \t]?|['’]")
_CASE_SUFFIX = re.compile(r"[-‐‑–]([a-zа-яčćšžđђјљњћџ]{1,4})\b")
def _extend_case_suffix(text: str, end: int, lang: str) -> int:
    """A language that hyphenates case endings to abbreviations (Serbian): keep 'MUP-a' whole."""
    if not language(lang).hyphenated_case_endings:  # type: ignore[union-attr]
        return end
    m = _CASE_SUFFIX.match(text, end)
    if m and text[end - 1].isupper():
        return m.end()
    return end


def _case_ok(text: str, toks, form: str, entry: KBEntry, flags: tuple[str, ...], lang: str) -> bool:
    """Capitalisation a name needs in running text.

    Aliases that are also common words (flag `common`: 'Politika', 'Danas') never match at the
    start of a sentence nor in capitals (a rubric). Abbreviations ('US', 'AP', 'ЕС') must be written in capitals. Otherwise every word the
    alias capitalises must be capitalised in the text (or the whole text written in capitals),
    except that, in a language with `lower_case_org_words` (Serbian, Russian), institution names
    are often lower case after their first word ('Ministarstvo unutrašnjih poslova', 'Савет безбедности').
    """
    words = [text[s:e] for s, e in toks]
    if "common" in flags and (_sentence_initial(text, toks[0][0]) or all(w.isupper() for w in words)):
        return False  # 'Politika je...', a 'ПОЛИТИКА' rubric
    if "abbr" in flags:
        return all(w.isupper() or not w.isalpha() for w in words)
    form_words = form.split()
    relaxed = language(lang).lower_case_org_words and entry.type == "ORG"  # type: ignore[union-attr]
    for n, w in enumerate(words):
        if not w[:1].isalpha():
            continue
        if n == 0:
            if not w[0].isupper():
                return False
            continue
        if relaxed:
            continue
        fw = form_words[n] if n < len(form_words) else ""
        if fw[:1].isupper() and not w[0].isupper():
            return False
    return True


_OPENERS = ".!?:;\n\"«»„“”'(—–-•*|"


def _sentence_initial(text: str, start: int) -> bool:
    """True when a word opens a sentence, line or quote: its capital says nothing there."""
    i = start - 1
    while i >= 0 and text[i] in " \t\u00a0":
        i -= 1
    return i < 0 or text[i] in _OPENERS
