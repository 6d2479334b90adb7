"""Merging mentions from a recogniser with knowledge-base gazetteer matches.

Why: statistical models and rules find names the KB lacks; the KB knows long official names
("Ministry of Internal Affairs of the Russian Federation") that models cut or glue to a
neighbour ("Serbia Chen Bo", "the Russian Federation Aleksandr Gorovoy"). The merged list is
flat (no overlaps), sorted, and every mention keeps text == article.text[start:end].
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable
from itertools import accumulate

from ..doc import Article, Mention
from ..lang import get as language
from ..translit import has_cyrillic
from . import knowledge

POSSESSIVES = ("'s", "’s")
DOTTED = re.compile(r"(?<![\w.])(?:[A-Za-z]\.){2,}$")
NUMBERISH = re.compile(r"^[+-]?\d[\d.,:/+-]*$")


def furthest_end(spans: Iterable[tuple[int, int]]) -> Callable[[int], int]:
    """reach(x): the furthest end among the (start, end) spans that start at or before x (-1 if
    none). Whether x lies inside a span is reach(x) > x, whether [x, y) does is reach(x) >= y:
    the starts sorted with a running maximum of their ends answer it by bisection, instead of a
    scan of every span for every token."""
    ordered = sorted(spans)
    starts = [a for a, _ in ordered]
    ends = list(accumulate((b for _, b in ordered), max))

    def reach(x: int) -> int:
        k = bisect_right(starts, x)
        return ends[k - 1] if k else -1
    return reach


def body_lines(doc: Article) -> list[tuple[int, int]]:
    """Body spans cut at line breaks (non-blank lines), so a headline, an ALL-CAPS line or a
    results line is read on its own."""
    out = []
    for b in doc.body:
        pos = b.start
        for line in doc.text[b.start:b.end].split("\n"):
            if line.strip():
                out.append((pos, pos + len(line)))
            pos += len(line) + 1
    return out


def make(text: str, start: int, end: int, type_: str, source: str, normal: str = "", candidates=(),
         lang: str | None = None) -> Mention | None:
    """A mention over text[start:end], trimmed of spaces and punctuation at both ends; an 's
    possessive is trimmed where `lang` has one (`Language.possessive`: English), never where it
    has none ('Moody's' in Croatian is the agency's name), and, with no language given, unless
    Cyrillic follows (a Latin brand name in Russian or Serbian text keeps it)."""
    while start < end and not (text[start].isalnum()):
        start += 1
    while end > start and not (text[end - 1].isalnum() or text[end - 1] == ")"):
        end -= 1
    if end <= start:
        return None
    if text[end:end + 1] == "." and DOTTED.search(text, start, end + 1):
        end += 1  # 'U.S.', 'U.N.': the last dot belongs to the abbreviation
    # numbers glued to a name by a table or a dateline ('G. Kersey 63', 'SEOUL 1996-08-30')
    # ('Rossiya 1', 'Channel 4' keep theirs: one plain number after an organisation or place)
    words = text[start:end].split(" ")
    tail = 0
    while tail < len(words) - 1 and NUMBERISH.match(words[-1 - tail]):
        tail += 1
    if tail and (tail > 1 or type_ == "PER" or not words[-1].isdigit() or len(words[-1]) > 3):
        words = words[:-tail]
        end = start + len(" ".join(words))
    if text[start:end].count("(") != text[start:end].count(")") and text[end - 1] == ")":
        end -= 1
    # an English possessive is no part of the name ("Ministry of the Interior's cybercrime unit")
    # (in Cyrillic text the 's is part of a Latin brand name: 'аукционного дома Christie’s, который')
    possessive = _has_possessive(lang)
    if possessive is not False and text.endswith(POSSESSIVES, start, end):
        after = text[end:end + 40].split()
        cyrillic_after = bool(after) and has_cyrillic(after[0] if any(c.isalpha() for c in after[0]) else " ".join(after[:2]))
        for p in POSSESSIVES:
            if text.endswith(p, start, end) and end - start > len(p) + 1 and (possessive or not cyrillic_after):
                end -= len(p)
                break
    return Mention(start=start, end=end, text=text[start:end], type=type_, normal=normal or text[start:end],
                   source=source, candidates=list(candidates))


def _has_possessive(lang: str | None) -> bool | None:
    """Whether `lang` writes an owner with an 's possessive (None: no language given, or none
    accord knows)."""
    found = language(lang) if lang else None
    return None if found is None else found.possessive is not None


def gazetteer(doc: Article, lang: str, chunks: list[tuple[int, int]] | None = None) -> list[Mention]:
    """KB matches inside the body spans, one Mention each, carrying the KB ids it matched."""
    out: list[Mention] = []
    for b in chunks if chunks is not None else [(s.start, s.end) for s in doc.body]:
        start, end = b
        chunk = doc.text[start:end]
        grouped: dict[tuple[int, int], list] = {}
        for s, e, entry in knowledge.match_spans(chunk, lang):
            grouped.setdefault((s, e), []).append(entry)
        for (s, e), entries in grouped.items():
            types = [x.type for x in entries]
            type_ = max(set(types), key=types.count)
            s = start + s
            s = _after_lowercase_adjective(doc.text, s, start + e, lang)
            m = make(doc.text, s, start + e, type_, "kb", candidates=[x.id for x in entries], lang=lang)
            if m is not None and not domain_zone(doc.text, m):
                out.append(m)
    return out


def domain_zone(text: str, m: Mention) -> bool:
    """'в зоне .РФ', 'the .rs zone': a domain zone, not the country."""
    return m.start >= 1 and text[m.start - 1] == "." and (m.start == 1 or text[m.start - 2].isspace())


def _after_lowercase_adjective(text: str, start: int, end: int, lang: str) -> int:
    """Start of the proper name in a KB match that opens with a lower-case nationality adjective:
    'španskom Nacionalnom policijom', 'аустријском Дирекцијом за ...' name the body without the
    adjective (which stays a country cue beside it). A bare abbreviation keeps its adjective
    ('сербского МВД'): without it the name says nothing."""
    if not text[start:start + 1].islower():
        return start
    k = text.find(" ", start, end)
    if k < 0:
        return start
    rest = text[k + 1:end].split()
    if not rest or not rest[0][:1].isupper() or rest[0].isupper():
        return start
    if knowledge.country_from_word(text[start:k], lang) is None:
        return start
    return k + 1


def _overlap(a: Mention, b: Mention) -> bool:
    return a.start < b.end and b.start < a.end


def merge(model: list[Mention], gaz: list[Mention], text: str,
          retype: Callable[[Mention], str] | None = None) -> list[Mention]:
    """One flat list: KB spans win over shorter or crossing model spans; a model span that
    begins with a KB place and goes on with more capitalised words is split in two."""
    flat_gaz = _longest_first(gaz)  # gazetteer matches nested in longer ones dropped
    kept: list[Mention] = []
    for m in model:
        inside = [g for g in flat_gaz if _overlap(g, m)]
        if not inside:
            kept.append(m)
            continue
        same = [g for g in inside if g.start == m.start and g.end == m.end]
        if same:
            g = same[0]
            g.normal = m.normal or g.normal
            g.source = f"{m.source}+kb"
            continue
        if all(m.start <= g.start and g.end <= m.end for g in inside):
            head = inside[0]
            rest = text[head.end:m.end]
            compound = rest[:1] in ("-", "‐", "‑") and " " not in rest  # 'Хоргош-Реске' is one name
            possessive = rest.startswith(POSSESSIVES)
            tail = make(text, head.end, m.end, m.type, m.source)
            tail_type = retype(tail) if tail is not None and retype is not None else m.type
            # 'US Embassy', 'Belgrade Police Department': a place naming whose body it is stays
            # in the organisation's name; 'Serbia Chen Bo', "China's Ministry" are split
            owned = m.type == "ORG" and tail_type == "ORG" and not possessive and rest[:1] == " " \
                and len(inside) == 1 and tail is not None and tail.text[:1].isupper()
            # retype '' : the part left is no name of its own ('Panama City'): the model's span stays
            if head.start == m.start and head.type == "LOC" and any(c.isupper() for c in rest) and not compound \
                    and not owned and tail_type != "":
                if tail is not None and tail.text[:1].isupper() and tail.text not in ("’s", "'s"):
                    # "Serbia Chen Bo", "China’s Ministry of Public Security"
                    if tail.text.startswith(("’s ", "'s ")):
                        tail = make(text, tail.start + 3, tail.end, m.type, m.source)
                    if tail is not None:
                        if retype is not None:
                            tail.type = retype(tail)
                        kept.append(tail)
                continue
            # the model's longer name wins; the KB places inside it still mark countries
            kept.append(m)
            for g in inside:
                flat_gaz.remove(g)
            continue
        # a KB name longer than, or crossing, the model's span wins
    return _longest_first(kept + flat_gaz)


def _longest_first(mentions: list[Mention]) -> list[Mention]:
    """In text order, of overlapping mentions the longer one (the first of equals) stays."""
    flat: list[Mention] = []
    for m in sorted(mentions, key=lambda m: (m.start, -(m.end - m.start))):
        if flat and _overlap(flat[-1], m):
            if (m.end - m.start) > (flat[-1].end - flat[-1].start):
                flat[-1] = m
            continue
        flat.append(m)
    return flat


def split_abbreviation(mentions: list[Mention], text: str) -> list[Mention]:
    """'Союз координационных советов (СКС)' -> the name and its abbreviation, one mention each."""
    out: list[Mention] = []
    for m in mentions:
        # 'National Association of Purchasing Management ( NAPM )': the model stopped before ')'
        if "(" in m.text and ")" not in m.text[m.text.rindex("("):] and text[m.end:m.end + 3].lstrip().startswith(")") \
                and m.text[m.text.rindex("(") + 1:].strip().isupper() and not m.text.startswith("("):
            k = m.text.rindex("(")
            head = make(text, m.start, m.start + k, m.type, m.source)
            abbr = make(text, m.start + k + 1, m.end, m.type, m.source)
            if head is not None and abbr is not None:
                out.extend([head, abbr])
                continue
        if m.text.endswith(")") and "(" in m.text and not m.text.startswith("("):
            k = m.text.rindex("(")
            head = make(text, m.start, m.start + k, m.type, m.source)
            abbr = make(text, m.start + k + 1, m.end - 1, m.type, m.source)
            inner = m.text[k + 1:-1]
            # an abbreviation, or the name in its original script ('Джошуа Вольфа (Joshua Wolf)')
            other_script = has_cyrillic(m.text[:k]) != has_cyrillic(inner) and inner[:1].isupper()
            # or an abbreviation, then what it stands for ('EURid (The European Registry of ...)')
            expansion = " " not in m.text[:k].strip() and len(inner.split()) > 1 and inner[:1].isupper()
            if head is not None and abbr is not None and (inner.isupper() or other_script or expansion) \
                    and m.text[k - 1:k] == " " and head.end < m.start + k:
                if m.normal.endswith(")") and "(" in m.normal:
                    head.normal = m.normal[: m.normal.rindex("(")].strip()
                out.extend([head, abbr])
                continue
        out.append(m)
    return out


def join_adjacent(mentions: list[Mention], text: str,
                  join: Callable[[Mention, Mention], Mention | None]) -> list[Mention]:
    """Left to right, two mentions one space apart become the one `join(prev, m)` returns (None:
    they stay two)."""
    out: list[Mention] = []
    for m in mentions:
        prev = out[-1] if out else None
        joined = join(prev, m) if prev is not None and text[prev.end:m.start] == " " else None
        if joined is not None:
            out[-1] = joined
        else:
            out.append(m)
    return out


def joined(text: str, first: Mention, second: Mention, type_: str, source: str, normal: str,
           candidates=()) -> Mention | None:
    """One mention over `first` and `second`, with its normal form."""
    m = make(text, first.start, second.end, type_, source, candidates=candidates)
    if m is not None:
        m.normal = normal
    return m


def join_country_genitive(mentions: list[Mention], text: str, lang: str) -> list[Mention]:
    """Russian/Serbian name an institution's country by a genitive right after it: 'Конгресса
    США', 'Министерства сельского хозяйства Германии' are one organisation."""
    def join(prev: Mention, m: Mention) -> Mention | None:
        if prev.type == "ORG" and m.type == "LOC" and knowledge.country_from_word(m.text, lang):
            return joined(text, prev, m, "ORG", prev.source, f"{prev.normal} {m.text}")
        return None
    return join_adjacent(mentions, text, join)


def harmonise_persons(mentions: list[Mention], text: str = "", lang: str | None = None) -> list[Mention]:
    """A lone word that is the surname of a person named in the document is that person,
    whatever type a model gave it ('Stefanovic said' tagged ORG after 'Nebojsa Stefanovic').
    A word the KB knows as a place or body ('Jordan said' after 'Neil Jordan', 'Holland' after
    'Trevor Holland') is the person too, and loses its KB match, where the full name is two or
    three capitalised words ('Santiago de Cuba' is no person's name to take 'Cuba' from) and no
    place preposition of the language stands before it ('a tourist from Jordan')."""
    full = [m.text.split() for m in mentions if m.type == "PER" and len(m.text.split()) > 1]
    surnames = {w[-1] for w in full}
    plain = {w[-1] for w in full if len(w) <= 3 and all(x[:1].isupper() for x in w)}
    places = knowledge.words(lang, "country_prepositions.txt") | knowledge.words(lang, "origin_prepositions.txt") \
        if lang else frozenset()
    for m in mentions:
        if m.type == "PER" or m.text not in surnames:
            continue
        if m.candidates:
            before = text[max(0, m.start - 20):m.start].split()
            if m.text not in plain or before and knowledge.latin(before[-1], lang or "").casefold() in places:
                continue
        m.type = "PER"
        m.candidates = []
    return mentions
