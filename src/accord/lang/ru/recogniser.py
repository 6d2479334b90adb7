"""Russian NER with natasha (slovnet NER + morphology), normal forms by natasha's normaliser.

Why natasha: it ships its weights, is trained on Russian news, and its normaliser turns
"Иваном Кубраковым" into "Иван Кубраков", which identity needs.

Modules: `boundaries` (where a mention starts and ends), `persons`, `places`, `crafts`,
`abbreviations` (a second name in brackets; run after the institution phrases), and
`institution_words` (word features for accord.ner.institutions); here, the model pass, its normal
forms and the order of the repairs.
"""
from __future__ import annotations

from functools import lru_cache

from ...doc import Article, Mention
from ...lang import load_list, load_tsv
from ...models import natasha
from ...ner.spans import domain_zone, make
from .abbreviations import abbreviations, original_spelling
from .boundaries import split_list, trim_start
from .crafts import craft_names, is_craft
from .institution_words import features, nominative
from .persons import organisation_word, particles, place_word, recurring_persons
from .places import directions, place_descriptors, region_of

__all__ = ["after_institutions", "features", "nominative", "recognise", "retype"]  # the entities stage's hooks

LANG = "ru"


def model_docs(doc: Article) -> list[tuple[int, object]]:
    """(body span start, natasha Doc with segmentation, morphology and NER) for each body span."""
    from ..ru.analyser import ner_docs

    return ner_docs(doc, {})


_INFLECTED: dict[tuple, str] = {}  # (word, pos, gender, number, case) -> natasha's nominative of the word


def _inflect_word(vocab, token) -> str:
    """natasha.norm.inflect_word, remembered: its result depends only on the lower-cased word
    (ё as е), the POS and the gender, number and case features (`select_form` compares no
    others), so each such combination is parsed and inflected once per process."""
    from natasha.norm import inflect_word

    feats = token.feats
    key = (token.text, token.pos, feats.get("Gender"), feats.get("Number"), feats.get("Case"))
    out = _INFLECTED.get(key)
    if out is None:
        out = inflect_word(vocab, token)
        if len(_INFLECTED) >= 100_000:
            _INFLECTED.clear()
        _INFLECTED[key] = out
    return out


def _normalize(vocab, span) -> str:
    """What natasha's `DocSpan.normalize` sets as the span's normal form (`syntax_normalize` for
    an ORG, `normalize` otherwise), with each word's inflection remembered (`_inflect_word`)."""
    from natasha.norm import recover_shapes, recover_spaces, select_inflectable

    tokens = span.tokens
    ids = set(select_inflectable(tokens)) if span.type == "ORG" else None
    words = [_inflect_word(vocab, t) if not ids or t.id in ids else t.text for t in tokens]
    return recover_spaces(recover_shapes(words, tokens), tokens)


def recognise(doc: Article, gaz: list[Mention] | None = None) -> list[Mention]:
    from ...analysis import shared_extra

    tools = natasha()
    out: list[Mention] = []
    docs = shared_extra(doc, "ner")
    for start, nd in (docs if docs is not None else model_docs(doc)):
        for s in nd.spans:
            try:
                s.normal = _normalize(tools["morph_vocab"], s)
                normal = s.normal or s.text
            except Exception:  # the normaliser fails on rare token shapes; keep the surface form
                normal = s.text
            m = make(doc.text, start + s.start, start + s.stop, s.type, "natasha")
            if m is None or (m.text[:1].islower() and " " not in m.text):
                continue  # one lower-case word ('на мысе Канаверал' -> 'мысе') is a common noun
            if m.text != s.text:
                normal = m.text if len(normal) != len(s.text) else normal[m.start - start - s.start:][:len(m.text)]
            m.normal = normal
            out.extend(split_list(doc.text, m))
    out = [m for m in out if not domain_zone(doc.text, m) and m.text not in _designators()]
    out = original_spelling(doc.text, out)
    out = [x for x in (trim_start(doc.text, m) for m in out) if x is not None]
    crafts = craft_names(doc.text)
    out = [m for m in out if not (crafts and m.type != "PER" and is_craft(doc.text, m, crafts))]
    types = _types()
    for m in out:
        m.type = types.get(m.text, m.type)
        if m.type == "PER" and " " not in m.text and organisation_word(m.text):
            m.type = "ORG"  # 'Команда Феррари': a company's name, never a person's
        elif m.type == "PER" and " " not in m.text and place_word(m.text):
            m.type = "LOC"  # 'судьба Царицыно': a place's name, never a person's
    return region_of(doc.text, directions(doc.text, place_descriptors(doc.text, recurring_persons(doc, particles(doc.text, out)))))


@lru_cache(maxsize=1)
def _designators() -> frozenset[str]:
    """Legal forms that alone name no company (`company_designators.txt`: 'ПАО', 'ООО')."""
    return frozenset(load_list(LANG, "company_designators.txt"))


@lru_cache(maxsize=1)
def _types() -> dict[str, str]:
    return {row[0]: row[1] for row in load_tsv(LANG, "ner_types.tsv") if len(row) >= 2}


def retype(m: Mention) -> str:
    return m.type


# hooks of the entities stage (accord.stages.entities): a pass once institution phrases are built
after_institutions = abbreviations
