"""Knowledge base of countries, places, organisations and office holders, and its lookup API.

Why: cross-lingual identity rests on knowing that "Србије", "Srbiji" and "Serbia" are one
country, "Путина" and "Putin" one person, and that Serbia's MUP and Belarus's МВД are two
ministries. The data are reviewed TSVs under accord/data/kb/ compiled by scripts/build_kb.py
into one compact `kb.json` (every alias already inflected for ru and sr), so loading here is a
JSON decode plus dict building, with no morphology model on the hot path.

Matching is on a script-free key (`alias_key`): case- and diacritic-insensitive, ё = е,
Cyrillic read as Latin (Serbian Cyrillic == Serbian Latin; Russian Путин == Putin).
Generic aliases ("МВД", "Ministry of Internal Affairs", "MUP", "Vlada") name one body per
country: they are flagged `generic` and `lookup` returns every candidate so the linker can pick
with a country cue; an ambiguous specific short form (a surname two people share) gives [].
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import Iterable, Iterator, Literal

import msgspec

from .translit import fold, ru_to_latin, skeleton, sr_to_cyrillic, strip_diacritics

LANGS = ("en", "ru", "sr")
ALIAS_LANGS = ("en", "ru", "sr", "sr-Latn")
EntityType = Literal["PER", "ORG", "LOC"]


class Term(msgspec.Struct, kw_only=True, omit_defaults=True):
    """One office held: role (free English words), the country (or IGO code) it serves, ISO dates."""

    role: str
    country: str | None = None
    start: str | None = None
    end: str | None = None  # None: still in office (as far as the data know)
    approx: bool = False  # dates from memory, not checked against a source


class KBEntry(msgspec.Struct, kw_only=True, omit_defaults=True):
    id: str
    name: str
    type: str  # PER | ORG | LOC
    country: str | None = None  # ISO 3166-1 alpha-3; None for international organisations
    code: str | None = None  # PLOVER actor code: ISO3 for states, IGO/UNO/EUR for IGOs
    sector: str | None = None  # PLOVER sector: GOV, COP, MIL, SPY, PRM, JUD, LEG, JRN, ...
    aliases: dict[str, list[str]] = {}  # lang (en, ru, sr, sr-Latn) -> names (base forms)
    terms: list[Term] = []
    parent: str | None = None
    kind: str | None = None  # country, city, ministry, agency, igo, ngo, ethnic-group, media, person, ...
    org_code: str | None = None  # short code of a non-state organisation (EU, UN, NATO, ICRC); None otherwise

    def term_at(self, date: str | None) -> Term | None:
        """The office held on an ISO date (the latest one when date is None)."""
        if not self.terms:
            return None
        if date is None:
            return max(self.terms, key=lambda t: t.start or "")
        held = [t for t in self.terms if (t.start or "") <= date and (t.end is None or date <= t.end)]
        return max(held, key=lambda t: t.start or "") if held else None


class Candidate(msgspec.Struct, kw_only=True, frozen=True):
    """One KB reading of a text: the entry, the alias form it matched, and that alias's flags."""

    entry: KBEntry
    form: str
    generic: bool = False  # the alias names such a body in any country: needs a country cue
    flags: tuple[str, ...] = ()


class SpanMatch(msgspec.Struct, kw_only=True):
    start: int
    end: int
    text: str
    candidates: list[Candidate]


class _Compiled(msgspec.Struct):
    provenance: list[str]
    entries: list[KBEntry]
    # lang -> alias key -> [[entry index, flags ("generic,abbr,..."), surface form], ...]
    index: dict[str, dict[str, list[tuple[int, str, str]]]]
    # lang -> key of an adjective/demonym/country-name form -> ISO3
    countries: dict[str, dict[str, str]]


_PARENTHESIS = re.compile(r"\s*\([^()]{1,40}\)\s*")
_LINKS = {"en": ("of", "the", "in"), "ru": (), "sr": ()}
_HYPHEN_CASE = re.compile(r"^(\w*[A-ZА-ЯЁЂЈЉЊЋЏ]{2,}\w*)[-‐‑–]([a-zа-яёђјљњћџčćšžđ]{1,4})$")
_POSSESSIVE = re.compile(r"['’]s?$")
_NON_WORD = re.compile(r"[^\w]+")
_EN_LEADING = ("the ",)


@lru_cache(maxsize=1 << 16)
def alias_key(text: str, lang: str | None = None) -> str:
    """Script-free matching key: 'Србије' == 'Srbije' -> 'srbije'; 'МУП-а' -> 'mup'.

    Folds case and diacritics (ё = е, đ = dj), reads any Cyrillic as Latin, drops a Serbian
    case ending hyphenated to an abbreviation (MUP-a, НАТО-у), an English possessive, and a
    leading English article.
    """
    text = text.strip()
    m = _HYPHEN_CASE.match(text)
    if m:
        text = m.group(1)
    words = text.split()
    if lang in (None, "en") and words:
        words[-1] = _POSSESSIVE.sub("", words[-1]) if len(words[-1]) > 2 else words[-1]
    s = fold(" ".join(words))
    if lang in (None, "en"):
        for lead in _EN_LEADING:
            if s.startswith(lead) and len(s) > len(lead) + 2:
                s = s[len(lead):]
    s = strip_diacritics(ru_to_latin(s)).lower()
    return " ".join(_NON_WORD.sub(" ", s).replace("_", " ").split())


WORD_CACHE = 100_000  # distinct words remembered by the word-level caches (per process)


def _memo(cache: dict, key: tuple, compute):
    """cache[key], computed as compute(*key) the first time; a full cache starts again empty."""
    if key not in cache:
        if len(cache) >= WORD_CACHE:
            cache.clear()
        cache[key] = compute(*key)
    return cache[key]


def _lang_of(lang: str) -> str:
    """Index language of a caller's language tag: 'sr-Cyrl', 'sr-Latn', 'sr', 'hr' -> 'sr'."""
    from .lang import get as language

    base = lang.split("-")[0].split("_")[0].lower()
    if base in LANGS:
        return base
    found = language(base)  # a variant reads its family's index ('hr' -> 'sr')
    return found.kb_lang if found is not None else "en"


class KB:
    """In-memory knowledge base. Build with `load_kb()` (cached)."""

    def __init__(self, compiled: _Compiled):
        self.provenance = compiled.provenance
        self.entries = compiled.entries
        self._by_id = {e.id: e for e in self.entries}
        self._index = compiled.index
        self._countries = compiled.countries
        self._max_tokens = max(
            (k.count(" ") + 1 for idx in self._index.values() for k in idx), default=1
        )
        self._skeleton_index: dict[str, set[int]] | None = None
        self._memo: dict[tuple[str, str, bool], list[Candidate]] = {}
        # word-level answers are pure functions of (word, lang) over this immutable KB: cached
        self._word_country: dict[tuple[str, str], str | None] = {}
        self._lemma_keys: dict[tuple[str, str], str | None] = {}

    @property
    def _skeleton(self) -> dict[str, set[int]]:
        """Transliteration skeletons of people's full names, built on first use."""
        if self._skeleton_index is None:
            sk: dict[str, set[int]] = {}
            for idx in self._index.values():
                for key, rows in idx.items():
                    for i, flags, _ in rows:
                        if self.entries[i].type == "PER" and "short" not in flags:
                            sk.setdefault(skeleton(key), set()).add(i)
            self._skeleton_index = sk
        return self._skeleton_index

    # -- identity ------------------------------------------------------------------------
    def get(self, entity_id: str) -> KBEntry | None:
        return self._by_id.get(entity_id)

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[KBEntry]:
        return iter(self.entries)

    # -- lookup --------------------------------------------------------------------------
    def _rows(self, key: str, lang: str) -> list[tuple[int, str, str]]:
        return self._index.get(lang, {}).get(key, [])

    def candidates(self, text: str, lang: str, *, lemmatize: bool = True) -> list[Candidate]:
        """Every KB reading of `text` (an entity mention), generic ones included.

        Order of tries: the mention's language; names of people and organisations in the
        other languages (a Russian name written in a Serbian text); the mention lemmatised
        word by word (forms the build did not generate); a transliteration skeleton for
        people (Gorovoy == Горовой); last, a generic name with a country cue around it
        ("MUP-a Srbije", "белорусского МВД", "Russia's Interior Ministry"), which resolves
        the generic name to that country's body.
        """
        lang = _lang_of(lang)
        memo = (text, lang, lemmatize)
        cached = self._memo.get(memo)
        if cached is None:
            text = " ".join(_PARENTHESIS.sub(" ", text).split()) or text
            cached = self._direct(text, lang, lemmatize) or self._qualified(text, lang, lemmatize)
            if len(self._memo) > 50_000:
                self._memo.clear()
            self._memo[memo] = cached
        return list(cached)

    def _direct(self, text: str, lang: str, lemmatize: bool) -> list[Candidate]:
        key = alias_key(text, lang)
        if not key:
            return []
        rows = self._rows(key, lang)
        if not rows:
            rows = [r for other in LANGS if other != lang for r in self._rows(key, other)
                    if self.entries[r[0]].type in ("PER", "ORG") or "abbr" in r[1]]
        if not rows and lemmatize:
            lemma_key = self._lemma_key(text, lang)
            if lemma_key and lemma_key != key:
                rows = self._rows(lemma_key, lang)
        if not rows:
            sk = skeleton(key)
            if len(sk) >= 4:
                rows = [(i, "", key) for i in sorted(self._skeleton.get(sk, ()))]
        caps = _written_in_capitals(text)
        out: dict[str, Candidate] = {}
        for i, flags, form in rows:
            entry = self.entries[i]
            fl = tuple(f for f in flags.split(",") if f)
            if "abbr" in fl and not caps:
                continue  # 'us' is no 'US'
            prev = out.get(entry.id)
            cand = Candidate(entry=entry, form=form, generic="generic" in fl, flags=fl)
            if prev is None or (prev.generic and not cand.generic):
                out[entry.id] = cand
        return list(out.values())

    def _qualified(self, text: str, lang: str, lemmatize: bool) -> list[Candidate]:
        """A generic name plus a country word before or after it, resolved to one country."""
        words = text.split()
        if len(words) < 2:
            return []
        tries = []
        for n in range(1, min(3, len(words) - 1) + 1):
            head = words[:-n]
            while head and head[-1].lower() in _LINKS.get(lang, ()):
                head = head[:-1]
            tries.append((head, self.country_name_iso(" ".join(words[-n:]), lang)))
        for n in range(1, min(2, len(words) - 1) + 1):
            tries.append((words[n:], self.country_from_word(" ".join(words[:n]), lang)))
        for head, iso in tries:
            if not iso or not head:
                continue
            direct = self._direct(" ".join(head), lang, lemmatize)
            found = [c for c in direct if c.entry.country == iso]
            if not found:
                found = self._same_kind(direct, iso)
            if found:
                return [Candidate(entry=c.entry, form=c.form, generic=False, flags=c.flags + ("qualified",))
                        for c in found]
        return []

    # kinds a country has at most one of: its government, parliament, ... (not 'ministry')
    SINGLE_KINDS = ("government", "parliament", "presidency")

    def _same_kind(self, generic: list[Candidate], iso: str) -> list[Candidate]:
        """A generic name ('правительство', 'Vlada') listed for some countries names the one body
        of that kind the KB has for another country ('китайское правительство' -> State Council
        of China); kinds a country has several of (ministries) give nothing."""
        kinds = {c.entry.kind for c in generic if c.generic}
        if len(kinds) != 1 or next(iter(kinds)) not in self.SINGLE_KINDS:
            return []
        kind = kinds.pop()
        same = [e for e in self.entries if e.kind == kind and e.country == iso]
        if len(same) != 1:
            return []
        return [Candidate(entry=same[0], form=generic[0].form, generic=False, flags=generic[0].flags)]

    def country_name_iso(self, text: str, lang: str) -> str | None:
        """ISO3 when `text` names a country (any case form: 'Srbije', 'России', 'the Russian Federation')."""
        for i, flags, _ in self._rows(alias_key(text, lang), _lang_of(lang)):
            entry = self.entries[i]
            if entry.kind == "country" and ("abbr" not in flags or _written_in_capitals(text)):
                return entry.country
        return None

    def lookup(self, text: str, lang: str) -> list[KBEntry]:
        """KB entries an entity mention names.

        One specific reading wins over generic ones; only generic readings (a bare "МВД")
        give all of them for the linker to choose with a country cue; two or more specific
        readings (an ambiguous short form) give [] rather than a guess.
        """
        cands = self.candidates(text, lang)
        specific = [c for c in cands if not c.generic]
        if len(specific) == 1:
            return [specific[0].entry]
        if specific:
            return []
        return [c.entry for c in cands]

    def _lemma_key(self, text: str, lang: str) -> str | None:
        """Key of the text lemmatised word by word (Serbian lemmagen3, Russian pymorphy3)."""
        return _memo(self._lemma_keys, (text, lang), self._lemma_key_of)

    def _lemma_key_of(self, text: str, lang: str) -> str | None:
        if lang == "en":
            return None
        words = _TOKEN.findall(text)
        if not words:
            return None
        return alias_key(" ".join(_lemmatize_word(w, lang) for w in words), lang)

    # -- countries -----------------------------------------------------------------------
    def country_from_word(self, word: str, lang: str) -> str | None:
        """ISO3 of the country a word names or qualifies, in any inflection.

        'Russian', 'российского', 'ruskoj', 'Србије', 'Chinese', 'мађарске' -> RUS, RUS, RUS,
        SRB, CHN, HUN. English adjectives and demonyms must be capitalised ('Poles', not 'poles').
        """
        return _memo(self._word_country, (word, lang), self._country_from_word)

    def _country_from_word(self, word: str, lang: str) -> str | None:
        lang = _lang_of(lang)
        if lang == "en" and word[:1].islower():
            return None
        key = alias_key(word, lang)
        if not key:
            return None
        for probe in (lang,) + tuple(x for x in LANGS if x != lang):
            iso = self._countries.get(probe, {}).get(key)
            if iso:
                return iso
        lemma_key = self._lemma_key(word, lang)
        if lemma_key:
            return self._countries.get(lang, {}).get(lemma_key)
        return None

    # -- gazetteer -----------------------------------------------------------------------
    def gazetteer(self, lang: str, *, cyrillic: bool | None = None) -> Iterator[tuple[str, KBEntry]]:
        """(surface form, entry) for every alias and generated inflection of `lang`.

        Serbian forms are stored in Latin; with cyrillic=True (or None: both) the Cyrillic
        spelling is given as well. Forms of several entries appear once per entry.
        """
        lang = _lang_of(lang)
        for key, rows in self._index.get(lang, {}).items():
            for i, _flags, form in rows:
                entry = self.entries[i]
                if lang == "sr" and cyrillic is not False:
                    if cyrillic is None:
                        yield form, entry
                    yield sr_to_cyrillic(form), entry
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
        lang = _lang_of(lang)
        index = self._index.get(lang, {})
        tokens, keys = _token_keys(text, lang)
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


def _strip_links(text: str, lang: str) -> str:
    words = text.split()
    while words and words[0].lower() in _LINKS.get(lang, ()):
        words = words[1:]
    return " ".join(words)


_TOKEN = re.compile(r"\w+(?:['’]\w+)?")
_GAP = re.compile(r"[ \t\u00a0]{1,3}|[ \t]?[-‐‑–][ \t]?|\.[ \t]?|['’]")
_CASE_SUFFIX = re.compile(r"[-‐‑–]([a-zа-яčćšžđђјљњћџ]{1,4})\b")
_TOKEN_KEYS: dict[str, dict[str, str]] = {}  # lang -> token text -> alias_key (bounded by WORD_CACHE)


def _token_keys(text: str, lang: str) -> tuple[list[tuple[int, int]], list[str]]:
    """The gazetteer scan's tokens (offsets) and their alias keys, one dict look-up per token
    (the scan keys every token of the body; alias_key's own cache costs more per hit)."""
    cache = _TOKEN_KEYS.setdefault(lang, {})
    if len(cache) >= WORD_CACHE:
        cache.clear()
    tokens: list[tuple[int, int]] = []
    keys: list[str] = []
    for m in _TOKEN.finditer(text):
        tokens.append(m.span())
        w = m.group()
        k = cache.get(w)
        if k is None:
            k = cache[w] = alias_key(w, lang)
        keys.append(k)
    return tokens, keys


def _written_in_capitals(text: str) -> bool:
    m = _HYPHEN_CASE.match(text.strip())
    base = m.group(1) if m else text
    letters = list(filter(str.isalpha, base))
    return bool(letters) and all(map(str.isupper, letters))


def _extend_case_suffix(text: str, end: int, lang: str) -> int:
    """Serbian writes case endings on abbreviations after a hyphen: keep 'MUP-a' whole."""
    if lang != "sr":
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
    except that Serbian and Russian institution names are often lower case after their first
    word ('Ministarstvo unutrašnjih poslova', 'Савет безбедности').
    """
    words = [text[s:e] for s, e in toks]
    if "common" in flags and (_sentence_initial(text, toks[0][0]) or all(w.isupper() for w in words)):
        return False  # 'Politika je...', a 'ПОЛИТИКА' rubric
    if "abbr" in flags:
        return all(w.isupper() or not w.isalpha() for w in words)
    form_words = form.split()
    relaxed = lang in ("ru", "sr") and entry.type == "ORG"
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


@lru_cache(maxsize=WORD_CACHE)
def _lemmatize_word(word: str, lang: str) -> str:
    """Lemma of one word as written: Serbian via lemmagen3 (on Latin), Russian via pymorphy3."""
    from . import models
    from .translit import has_cyrillic, sr_to_latin

    if lang == "sr":
        lemma = models.lemmatizer("sr").lemmatize(sr_to_latin(word))
        return lemma[:1].upper() + lemma[1:] if word[:1].isupper() else lemma
    if lang == "ru" and has_cyrillic(word):
        return models.pymorphy().parse(word)[0].normal_form
    return word


def kb_path():
    return resources.files("accord.data.kb") / "kb.json"


@lru_cache(maxsize=1)
def load_kb() -> KB:
    """The packaged knowledge base (compiled by scripts/build_kb.py), loaded once per process."""
    from .errors import AccordError

    path = kb_path()
    try:
        raw = path.read_bytes()
    except FileNotFoundError as exc:  # pragma: no cover - packaging error
        raise AccordError(str(path), "knowledge base not built: run scripts/build_kb.py") from exc
    return KB(msgspec.json.decode(raw, type=_Compiled))


def iter_aliases(entry: KBEntry) -> Iterable[tuple[str, str]]:
    """(lang, alias) pairs of one entry's base names."""
    for lang, names in entry.aliases.items():
        for name in names:
            yield lang, name
