"""The knowledge base in memory (`KB`) and its look-ups: what a mention names, which country a word names.

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
from typing import Iterator

import msgspec

from ..lang import get as language
from ..translit import skeleton
from .keys import alias_key, index_lang, index_langs, lemma_key as _lemma_key_of, memo, written_in_capitals
from .places import stem as place_stem
from .model import Candidate, Compiled, KBEntry
from .scan import GazetteerScan

COUNTRY_STEM_MIN = 5  # shorter stems are common words' too ('mal': Mali, 'male', 'malo')
_PARENTHESIS = re.compile(r"\s*\([^()]{1,40}\)\s*")


class KB(GazetteerScan):
    """In-memory knowledge base. Build with `load_kb()` (cached)."""

    def __init__(self, compiled: Compiled):
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
        self._country_stems: dict[str, tuple[KBEntry, int]] | None = None

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
        lang = index_lang(lang)
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
            rows = [r for other in index_langs() if other != lang for r in self._rows(key, other)
                    if self.entries[r[0]].type in ("PER", "ORG") or "abbr" in r[1]]
        if not rows and lemmatize:
            lemma_key = self._lemma_key(text, lang)
            if lemma_key and lemma_key != key:
                rows = self._rows(lemma_key, lang)
        if not rows:
            sk = skeleton(key)
            if len(sk) >= 4:
                rows = [(i, "", key) for i in sorted(self._skeleton.get(sk, ()))]
        caps = written_in_capitals(text)
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
        links = language(lang).name_links  # type: ignore[union-attr]
        tries = []
        for n in range(1, min(3, len(words) - 1) + 1):
            head = words[:-n]
            while head and head[-1].lower() in links:
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
        for i, flags, _ in self._rows(alias_key(text, lang), index_lang(lang)):
            entry = self.entries[i]
            if entry.kind == "country" and ("abbr" not in flags or written_in_capitals(text)):
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
        """Key of the text lemmatised word by word (Serbian lemmagen3, Russian pymorphy3; keys.lemma_key)."""
        return memo(self._lemma_keys, (text, lang), _lemma_key_of)

    # -- countries -----------------------------------------------------------------------
    def country_from_word(self, word: str, lang: str) -> str | None:
        """ISO3 of the country a word names or qualifies, in any inflection.

        'Russian', 'российского', 'ruskoj', 'Србије', 'Chinese', 'мађарске' -> RUS, RUS, RUS,
        SRB, CHN, HUN. English adjectives and demonyms must be capitalised ('Poles', not 'poles').
        """
        return memo(self._word_country, (word, lang), self._country_from_word)

    def _country_from_word(self, word: str, lang: str) -> str | None:
        lang = index_lang(lang)
        if not language(lang).inflected and word[:1].islower():  # type: ignore[union-attr]
            return None  # an uninflected language capitalises its adjectives: 'Poles', not 'poles' 
        key = alias_key(word, lang)
        if not key:
            return None
        for probe in (lang,) + tuple(x for x in index_langs() if x != lang):
            iso = self._countries.get(probe, {}).get(key)
            if iso:
                return iso
        lemma_key = self._lemma_key(word, lang)
        if lemma_key:
            iso = self._countries.get(lang, {}).get(lemma_key)
            if iso:
                return iso
        if word[:1].isupper() and language(lang).inflected:  # type: ignore[union-attr]
            return self.country_named(word)
        return None

    def country_named(self, word: str) -> str | None:
        """The country whose name, in any language's spelling, this word is a case form of, by its
        case-free stem (kb.places.stem): a Croatian form of a name the KB inflects only in its Serbian
        spelling ('Venezuelom': 'Venezuela' is the English and Croatian name, 'Venecuela' the Serbian).
        Names only, not adjectives ('Slovensko bratstvo' is Slavic, 'Republike Srpske' in Bosnia); no
        stem under COUNTRY_STEM_MIN letters ('mal': Mali, 'male'), none two countries share, and no
        word shorter than the name ('Slovena', a Slav, is no form of 'Slovenija')."""
        entry = self.country_entry_named(word)
        return entry.country if entry is not None else None

    def country_entry_named(self, word: str) -> KBEntry | None:
        """The KB country entry `country_named` reads the word as, or None."""
        if self._country_stems is None:
            found: dict[str, dict[str, KBEntry]] = {}
            shortest: dict[str, int] = {}
            for e in self.entries:
                if e.kind != "country" or not e.country:
                    continue
                for name in {e.name, *(a for names in e.aliases.values() for a in names)}:
                    key = place_stem(name)
                    found.setdefault(key, {})[e.country] = e
                    shortest[key] = min(shortest.get(key, 99), len(name))
            self._country_stems = {k: (next(iter(by_iso.values())), shortest[k]) for k, by_iso in found.items()
                                   if len(by_iso) == 1 and len(k) >= COUNTRY_STEM_MIN}
        entry, length = self._country_stems.get(place_stem(word), (None, 0))
        return entry if entry is not None and len(word) >= length else None


def kb_path():
    return resources.files("accord.data.kb") / "kb.json"


@lru_cache(maxsize=1)
def load_kb() -> KB:
    """The packaged knowledge base (compiled by scripts/build_kb.py), loaded once per process."""
    from ..errors import AccordError

    path = kb_path()
    try:
        raw = path.read_bytes()
    except FileNotFoundError as exc:  # pragma: no cover - packaging error
        raise AccordError(str(path), "knowledge base not built: run scripts/build_kb.py") from exc
    return KB(msgspec.json.decode(raw, type=Compiled))
