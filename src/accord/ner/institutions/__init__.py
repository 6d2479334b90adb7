"""Institution names built around a head noun, in any language that lists its head nouns.

Why: recognisers find the proper name but not the institution that names it: natasha tags
"Китая" in "правительства Китая", "Яблоко" in "партии «Яблоко»", "Facebook" in "социальной сети
Facebook", and misses "Аустријско министарство унутрашњих послова" or "Службе за борбу против
тероризма" whose head is a common noun. Users need the institution: "the government of China"
is an actor, "China" is a place. The rule, the same in every language, reads a head noun from
`lang/<code>/org_heads.txt` (lemmas; a `cap` flag marks heads that are institutions only when
capitalised, "Центр"), with
  - adjectives before it that agree with it ("китайскому правительству", "Следственный комитет",
    "Аустријско министарство"),
  - lower-case genitive modifiers after it ("министерство обороны", "unutrašnjih poslova"),
    and lower-case words after a link word of `org_links.txt` ("Служба за борбу против
    тероризма", "Комитет по ...") behind a capitalised head,
  - then an owner: a country/organisation mention in the genitive ("правительства Китая",
    "Академии МВД Беларуси"), a «quoted» name ("партии «Яблоко»"), or an organisation named in
    apposition ("компании Piedmont Airlines").
A phrase becomes an ORG when it has an owner, a country adjective, or a capitalised start
inside the sentence; a lone lower-case "правительство" stays out (no name, no country). Persons
are never swallowed ("администрации президента Обамы" keeps Obama a person).
Each language gives word features (`Features`) from its own morphology: pymorphy for Russian,
lemmagen3 and case endings for Serbian; this package holds no language knowledge.

Modules: `lexicon` (head nouns, link words, the `Features` of a word), `phrases` (the phrase
around a head); here, which phrases become organisation mentions.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from ...doc import Article, Mention
from ...lang import get as language
from .. import knowledge
from ..spans import make
from .lexicon import Features, heads, key, links
from .phrases import Finder

__all__ = ["Features", "apply", "heads"]

ABBREVIATION = re.compile(r"^[A-ZА-ЯЁЂЈЉЊЋЏČĆŠŽĐ]{2,}[a-zа-яё]{0,2}(-[a-zа-яё]{1,3})?$")  # МВД, МИДа, MUP-a


def _after_link(text: str, start: int, m: Mention, lang: str) -> bool:
    """A person named after a link word ('имени Кикотя'): part of the body's name."""
    words = text[start:m.start].split()
    first = m.text.split()[0] if m.text.split() else ""
    return (bool(words) and key(words[-1], lang) in links(lang)) or key(first, lang) in links(lang)


def apply(doc: Article, mentions: list[Mention], lang: str, features: Callable[[str], Features],
          nominative: Callable[[str, Features], str] | None = None) -> list[Mention]:
    """Mentions with institution phrases added: a phrase replaces the non-person mentions it
    covers (its owner country, its quoted name); a phrase crossing a mention is dropped."""
    finder = Finder(doc, mentions, lang, features, nominative)
    out = list(mentions)
    for start, end, normal, name in finder.find():
        trimmed = make(doc.text, start, end, "ORG", "rules", lang=lang)
        if trimmed is None:
            continue
        if trimmed.start == start and trimmed.end < end and normal.endswith(doc.text[trimmed.end:end]):
            normal = normal[:len(normal) - (end - trimmed.end)]  # the closing quote » make() leaves out
        start, end = trimmed.start, trimmed.end
        if knowledge.country_from_word(doc.text[start:end], lang):
            continue  # 'Российской федерации': a country's name, not a body headed by 'федерация'
        inside = [m for m in out if m.start < end and start < m.end]
        if _named_after_descriptor(doc.text, start, end, inside, lang, features):
            continue
        # a person stays a person, unless a link word names the body after them ('имени Кикотя')
        if any(m.start < start or m.end > end or (m.type == "PER" and not _after_link(doc.text, start, m, lang))
               for m in inside):
            continue
        if len(inside) == 1 and inside[0].start == start and inside[0].end == end and inside[0].type == "ORG":
            if not inside[0].candidates and normal != doc.text[start:end]:
                inside[0].normal = normal  # 'Saveznog ministarstva' -> 'Savezni ministarstvo': the head's nominative
            continue
        m = make(doc.text, start, end, "ORG", "rules", lang=lang)
        if m is None:
            continue
        m.normal = normal
        if name is not None:
            # 'сайте Roem.ru', 'книжном магазине «Библио-Глобус»': the body is known by its name,
            # so the phrase takes the name's normal form and KB ids as the recogniser gave them
            named = next((x for x in inside if (x.start, x.end) == name), None)
            m.normal = named.normal if named is not None else doc.text[name[0]:name[1]]
            m.candidates = list(named.candidates) if named is not None else []
        out = [x for x in out if x not in inside] + [m]
    out.sort(key=lambda m: (m.start, -(m.end - m.start)))
    return _adjective_abbreviations(doc, out, finder)


def _named_after_descriptor(text: str, start: int, end: int, inside: list[Mention], lang: str,
                            features: Callable[[str], Features]) -> bool:
    """Where the language's names leave out the lower-case noun that says what a body is
    (`Language.descriptor_outside_name`: 'iz pokreta Vetvendosje' names Vetvendosje), a phrase of
    a lower-case head right before the organisation that ends it is that organisation's mention
    alone; its country ('vlade Kosova') still makes the phrase a body, and so does a chain
    between the two ('komisija komande Kfora' is a body of KFOR's)."""
    found = language(lang)
    if found is None or not found.descriptor_outside_name or not text[start:start + 1].islower():
        return False
    last = [m for m in inside if m.end == end and m.start > start]
    before = text[start:last[0].start].split() if last else []
    return bool(before) and last[0].type == "ORG" and [features(w).head for w in before].count(True) == 1 \
        and features(before[-1]).head \
        and not knowledge.country_from_word(last[0].text, lang)


def _adjective_abbreviations(doc: Article, mentions: list[Mention], finder: Finder) -> list[Mention]:
    """'японского МИДа', 'сербского МВД': a bare abbreviation says nothing without the country
    adjective before it, so the adjective is part of the organisation's mention."""
    by_end = {w.end: k for k, w in enumerate(finder.words)}
    for m in mentions:
        if m.type != "ORG" or " " in m.text or not ABBREVIATION.match(m.text):
            continue
        k = by_end.get(m.start - 1)
        if k is None:
            continue
        prev = finder.words[k]
        if doc.text[prev.end:m.start] != " " or not prev.is_lower or not finder.feats[k].country \
                or any(x.start <= prev.start < x.end for x in mentions):
            continue
        joined = make(doc.text, prev.start, m.end, "ORG", m.source, candidates=m.candidates)
        if joined is not None:
            joined.normal = f"{prev.text} {m.normal or m.text}"
            m.start, m.end, m.text, m.normal = joined.start, joined.end, joined.text, joined.normal
    return mentions
