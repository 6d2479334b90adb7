"""Quote lexicons: the per-language speech cues, titles, pronouns and clause words, from data files.

Why: every piece of language knowledge the quotes stage uses lives in lang/<code>/ data files;
this module loads them once per language into phrase matchers over folded tokens.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from ..coref import verb_genders
from ..lang import get as language, load_list, load_tsv
from ..translit import fold

if TYPE_CHECKING:
    from ..doc import Token

class Phrases:
    """Phrases of one or more words; a word ending in '*' matches any ending.

    Indexed by first word (an exact word by itself, a '*' word by its stem), so a token finds
    the few phrases that can start at it with dict lookups; candidates per token form are cached.
    """

    CACHE = 200_000  # distinct token forms remembered

    def __init__(self, rows: list[tuple[str, str]]):
        self.items: list[tuple[tuple[str, ...], str]] = []
        for phrase, label in rows:
            words = tuple(fold(w) for w in phrase.split())
            if words:
                self.items.append((words, label))
        self.items.sort(key=lambda it: -len(it[0]))
        self.exact: dict[str, list[int]] = {}  # first word -> item indices
        self.stems: dict[str, list[int]] = {}  # stem of a first word ending in '*' -> item indices
        for k, (words, _label) in enumerate(self.items):
            first = words[0]
            if first.endswith("*"):
                self.stems.setdefault(first[:-1], []).append(k)
            else:
                self.exact.setdefault(first, []).append(k)
        self.lengths = sorted({len(stem) for stem in self.stems})
        self._cache: dict[tuple[str, ...], tuple[int, ...]] = {}

    @staticmethod
    def _word_ok(pattern: str, keys: tuple[str, ...]) -> bool:
        if pattern.endswith("*"):
            return any(k.startswith(pattern[:-1]) for k in keys)
        return pattern in keys

    def _starting(self, keys: tuple[str, ...]) -> tuple[int, ...]:
        """Indices (in match order) of the items whose first word matches a token with these keys."""
        found = self._cache.get(keys)
        if found is None:
            hits: set[int] = set()
            for key in keys:
                hits.update(self.exact.get(key, ()))
                for n in self.lengths:
                    if n > len(key):
                        break
                    hits.update(self.stems.get(key[:n], ()))
            found = tuple(sorted(hits))
            if len(self._cache) >= self.CACHE:
                self._cache.clear()
            self._cache[keys] = found
        return found

    def match(self, toks: list[Token], i: int) -> tuple[int, str] | None:
        """Longest phrase starting at token i: (number of tokens, label)."""
        if i >= len(toks):
            return None
        for k in self._starting(toks[i].keys):
            words, label = self.items[k]
            if i + len(words) <= len(toks) and all(self._word_ok(w, toks[i + j].keys) for j, w in enumerate(words[1:], 1)):
                return len(words), label
        return None


@dataclass
class Lexicon:
    speech: Phrases
    impersonal: Phrases
    relay: Phrases
    according: Phrases
    words_of: Phrases
    documents: Phrases
    titles: Phrases
    pronouns: Phrases
    skip: frozenset[str]
    complement: Phrases  # "said that …": a speech verb going on with its own reported clause
    first_person: Phrases  # "I", "мы", "sam": a quote in its speaker's own voice
    abbreviations: frozenset[str]  # 'Mr', 'Gen': a full stop after them ends no sentence
    stop: Phrases
    verb_gender: tuple[tuple[str, str], ...]
    orgs: Phrases  # organisation nouns of an attribution ("the ministry", "ведомство") -> class
    org_sectors: dict[str, frozenset[str]]  # class -> PLOVER sectors that also make an ORG of it
    terms: frozenset[str]  # stock terms in quotation marks that are no one's words ('persona non grata')
    dates: frozenset[str]  # weekday and month names: 'X on Tuesday said' names no speaker 'Tuesday'
    press: Phrases  # the office that speaks for an organisation ("пресс-служба МИД"): the organisation speaks
    locative: frozenset[str]  # "сообщили в Офисе генпрокурора": after a subjectless cue, the organisation there speaks
    conj: Phrases  # "X and Y said": joint speakers
    read_by: Phrases  # "read by his deputy": the reader of someone else's words (kept as `via`)
    for_author: Phrases  # "said on behalf of the minister": the author named after it speaks, the reader is `via`
    object_pronouns: Phrases  # "according to him": pronouns that name a speaker after an 'according to' phrase
    dash_inline: str  # dashes that open dash dialogue after a sentence inside a paragraph ('… Budimpešte. - Imamo …, rekao je')
    inflected: bool  # free word order: a subject may follow its verb ("izjavio je predsednik")


def _rows(langs: tuple[str, ...], name: str, tsv: bool) -> list[tuple[str, str]]:
    out = []
    for lang in langs:
        if tsv:
            out += [(r[0], r[1] if len(r) > 1 else "") for r in load_tsv(lang, name)]
        else:
            out += [(x, "") for x in load_list(lang, name)]
    return out


@lru_cache(maxsize=None)
def lexicon(lang: str) -> Lexicon:
    """The quote lexicon of one language (a variant's with its family's lists); an unsupported
    language gets an empty one: no cue, no quote."""
    langs = (lang,) if language(lang) is not None else ()
    return Lexicon(
        speech=Phrases(_rows(langs, "speech_verbs.txt", False)),
        impersonal=Phrases(_rows(langs, "speech_impersonal.txt", False)),
        relay=Phrases(_rows(langs, "speech_relay.txt", False)),
        according=Phrases(_rows(langs, "speech_according.txt", False)),
        words_of=Phrases(_rows(langs, "speech_words_of.txt", False)),
        documents=Phrases(_rows(langs, "document_nouns.txt", False)),
        titles=Phrases(_rows(langs, "speaker_titles.tsv", True)),
        pronouns=Phrases(_rows(langs, "pronouns.tsv", True)),
        skip=frozenset(fold(w) for w, _ in _rows(langs, "clause_skip.txt", False)),
        stop=Phrases(_rows(langs, "clause_stop.txt", False)),
        complement=Phrases(_rows(langs, "clause_complement.txt", False)),
        first_person=Phrases(_rows(langs, "speech_first_person.txt", False)),
        abbreviations=frozenset(fold(w.rstrip(".")) for w, _ in _rows(langs, "abbreviations.txt", False)),
        verb_gender=verb_genders(lang),
        orgs=Phrases(_rows(langs, "speaker_orgs.tsv", True)),
        org_sectors=_org_sectors(langs),
        terms=frozenset(fold(w) for w, _ in _rows(langs, "quote_terms.txt", False)),
        dates=frozenset(fold(r[0]) for lang in langs for name in ("weekdays.tsv", "months.tsv")
                        for r in load_tsv(lang, name) if len(r[0]) > 3),
        press=Phrases(_rows(langs, "speaker_press.txt", False)),
        locative=frozenset(fold(w) for w, _ in _rows(langs, "speaker_locative.txt", False)),
        conj=Phrases(_rows(langs, "speaker_and.txt", False)),
        read_by=Phrases(_rows(langs, "speech_read_by.txt", False)),
        for_author=Phrases(_rows(langs, "speech_for_author.txt", False)),
        object_pronouns=Phrases(_rows(langs, "pronouns_object.tsv", True)),
        dash_inline="".join(w for w, _ in _rows(langs, "speech_dash_inline.txt", False) if len(w) == 1),
        inflected=bool(langs) and language(lang).inflected,
    )


def _org_sectors(langs: tuple[str, ...]) -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for lang in langs:
        for row in load_tsv(lang, "speaker_orgs.tsv"):
            if len(row) > 2 and row[2]:
                out.setdefault(row[1], set()).update(row[2].split())
    return {k: frozenset(v) for k, v in out.items()}

