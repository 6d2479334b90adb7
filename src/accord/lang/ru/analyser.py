"""Russian: natasha segmentation, morphology, syntax and contextual lemmas for each sentence.

Each sentence is segmented on its own (natasha may cut it further), then the morphology tagger
runs ONCE over all the article's sentences, so slovnet gets full batches instead of one tiny
batch per sentence. The syntax parser runs only where dependencies are read (LazyToken /
DeferredSyntax): the sentences holding an event trigger in one batch, any other on demand.
slovnet masks padding, so a sentence's tags and parse do not depend on its batch. Lemmas depend only on (word, pos, feats) and are cached per process.
The NER pass (accord.lang.ru.recogniser reads it) runs per body span, as natasha NER needs, and reuses
the morphology of every sentence already tagged for the sentence analysis.
"""
from __future__ import annotations

from functools import lru_cache

from razdel.segmenters.punct import DASHES

from ...doc import Article, LazyToken, Sentence, Token
from ...models import natasha
from ...analysis.deferred import DeferredSyntax


@lru_cache(maxsize=100_000)
def _lemma(text: str, pos: str | None, feats: tuple) -> str | None:
    """natasha's MorphVocab.lemmatize (natasha.morph.lemma), reading pymorphy2's parses as
    (tag, normal form) pairs with each tag's UD part of speech and features computed once per
    tag, instead of building a MorphForm (and its feature dict) for every parse of every new word."""
    from natasha.morph.lemma import grams_sim, normal_word

    word = normal_word(text)
    readings = _readings(word)
    if readings is None:  # another pymorphy2: natasha's own path
        return natasha()["morph_vocab"].lemmatize(text, pos, dict(feats))
    feats = dict(feats)
    top, best = 0, None
    for tag, normal in readings:
        form_pos, form_feats = _tag_ud(tag)
        if form_pos == pos and form_feats == feats:
            best = normal
            break
        sim = grams_sim(form_pos, form_feats, pos, feats)
        if sim > top:
            best, top = normal, sim
    return normal_word(best) if best is not None else word


@lru_cache(maxsize=20_000)
def _readings(word: str) -> tuple[tuple[object, str], ...] | None:
    """(tag, normal form) of each of pymorphy2's parses of the word, in its order: what
    pymorphy2's MorphAnalyzer.parse computes before wrapping each parse in natasha's MorphForm."""
    vocab = natasha()["morph_vocab"]
    units, estimator = getattr(vocab, "_units", None), getattr(vocab, "prob_estimator", False)
    if units is None or estimator is False:
        return None
    res: list = []
    seen: set = set()
    word_lower = word.lower()
    for analyzer, is_terminal in units:
        res.extend(analyzer.parse(word, word_lower, seen))
        if is_terminal and res:
            break
    if estimator is not None:
        res = estimator.apply_to_parses(word, word_lower, res)
    return tuple((p[1], p[2]) for p in res)


@lru_cache(maxsize=8192)
def _tag_ud(tag) -> tuple[str, dict]:
    """natasha's MorphForm.pos and .feats of a pymorphy2 tag (never modified by readers)."""
    from natasha.morph.vocab import ud_feats, ud_pos

    return ud_pos(tag), dict(ud_feats(tag))


def lemma(text: str, pos: str | None, feats: dict | None) -> str | None:
    return _lemma(text, pos, tuple(sorted((feats or {}).items())))


def _docs(texts: list[str], tokens: list | None = None):
    """natasha Docs of the texts, segmented as Doc.segment does. `tokens`, where given, holds for
    each text its razdel tokens as (start, stop, text) (None: tokenize here): razdel's tokenize
    is the costly half of the segmenter, and the sentences stage has already run it."""
    from natasha import Doc
    from natasha.doc import DocToken, adapt_sent

    seg = natasha()["segmenter"]
    out = []
    for k, text in enumerate(texts):
        d = Doc(text)
        given = tokens[k] if tokens is not None else None
        if given is None:
            d.segment(seg)
        else:  # natasha.doc.segment_doc with the tokens known
            d.tokens = [DocToken(a, b, t) for a, b, t in given]
            d.sents = [adapt_sent(x) for x in seg.sentenize(text)]
            d.envelop_sent_tokens()
        out.append(d)
    return out


def _sentence_tokens(s: Sentence) -> list[tuple[int, int, str]] | None:
    """The sentence's tokens relative to its text: the sentences stage made them with razdel's
    tokenize of exactly this text (None where they do not fit the text: tokenize again)."""
    if not s.tokens:
        return None if s.text.strip() else []
    out = [(t.start - s.start, t.end - s.start, t.text) for t in s.tokens]
    if any(a < 0 or s.text[a:b] != t for a, b, t in out):
        return None
    return out


# razdel's tokenize reads one atom beyond a split only in its Rule2112 rules (dash, underscore,
# float, fraction): the atom before a delimiter character that ends a token pair, or after one
# that starts it
_RULE2112 = DASHES + "_" + ".," + "/\\"
_GLUE = DASHES + "_" + "/\\"


def _span_tokens(text: str, start: int, end: int, sents: list[Sentence]) -> list[tuple[int, int, str]] | None:
    """razdel's tokens of text[start:end] (relative to start) from the tokens of its sentences,
    where that is what tokenizing the whole span gives: the sentences cover the span but for
    whitespace between them (a token never spans whitespace; every split at whitespace is a split),
    and at no boundary can a rule read an atom across it (a sentence starting with a delimiter
    character glued to the next one; one ending with a dash, underscore or slash glued to the one
    before, or with '.'/',' after a digit when the next sentence starts with a digit). Else None."""
    out: list[tuple[int, int, str]] = []
    at = start
    prev: Sentence | None = None
    for s in sents:
        if s.start < at or text[at:s.start].strip() or (prev is not None and s.start == at):
            return None
        a = s.text
        if len(a) > 1 and a[0] in _RULE2112 and not a[1].isspace():
            return None
        if prev is not None:
            p = prev.text
            if len(p) > 1 and not p[-2].isspace() and (
                    p[-1] in _GLUE or (p[-1] in ".," and p[-2].isdigit() and a[:1].isdigit())):
                return None
        toks = _sentence_tokens(s)
        if toks is None:
            return None
        shift = s.start - start
        out += [(x + shift, y + shift, t) for x, y, t in toks]
        at, prev = s.end, s
    if text[at:end].strip():
        return None
    return out


ENCODED_WORDS = 50_000  # words whose slovnet ids are remembered, per model


def _predict(api, items: list[list[str]]):
    """The decoded predictions of a slovnet model (natasha's morphology tagger, syntax parser or
    NER) for already tokenized texts, one per item, in order: what its `map` computes before it
    builds markup records, with each word's (word id, shape id) remembered per model (slovnet
    computes a word's shape and two vocabulary look-ups for every token it sees, a tenth of the
    Russian pipeline's time) and, for NER, without tokenizing each text again (NERInfer tokenizes
    with razdel; the NER docs hold razdel's tokens of their text already). The same batches of
    the same arrays reach the model, so the predictions are the same."""
    from slovnet.chop import chop

    infer = api.infer
    encoder = infer.encoder
    encode = _item_encoder(encoder)
    for chunk in chop(items, api.batch_size):  # API.map, then WordShapeEncoder.__call__
        inputs = (encoder.input(batch) for batch in chop([encode(words) for words in chunk], encoder.batch_size))
        yield from infer.decoder(infer.process(inputs))


_ENCODERS: dict[int, tuple[object, object]] = {}  # id(encoder) -> (encoder, its item function)


def _item_encoder(encoder):
    """slovnet's WordShapeEncoder.item for one encoder, each word's ids computed once."""
    known = _ENCODERS.get(id(encoder))
    if known is not None and known[0] is encoder:
        return known[1]
    from slovnet.exec.encoders import WordShapeEncoder
    from slovnet.shape import word_shape

    if type(encoder).item is not WordShapeEncoder.item:  # another encoder: its own item
        return encoder.item
    words_vocab, shapes_vocab = encoder.words_vocab, encoder.shapes_vocab
    ids: dict[str, tuple[int, int]] = {}

    def item(words):
        if len(ids) > ENCODED_WORDS:
            ids.clear()
        pairs = []
        for word in words:
            pair = ids.get(word)
            if pair is None:
                pair = ids[word] = (words_vocab.encode(word.lower()), shapes_vocab.encode(word_shape(word)))
            pairs.append(pair)
        return [p[0] for p in pairs], [p[1] for p in pairs]

    _ENCODERS[id(encoder)] = (encoder, item)
    return item


@lru_cache(maxsize=4096)
def _morph_tag(tag: str) -> tuple[str, dict]:
    """slovnet's parse of a morphology tag ('NOUN|Case=Nom|...') into (pos, feats), once per tag
    (never modified: each token gets its own copy of the feats)."""
    from slovnet.conll import parse_conll_tag

    return parse_conll_tag(tag)


def _tag_morph(docs, cache: dict) -> None:
    """Morphology of every sentence of the docs, one batch for the sentences not in `cache`
    (word tuple -> its tags; a sentence's tags depend on its words alone)."""
    sents = [sent for d in docs for sent in d.sents]
    words = [tuple(t.text for t in sent.tokens) for sent in sents]
    todo = sorted(dict.fromkeys(w for w in words if w not in cache), key=len)  # little padding in a batch
    for w, tags in zip(todo, _predict(natasha()["morph"], [list(w) for w in todo])):
        cache[w] = tags
    for sent, w in zip(sents, words):
        for tok, tag in zip(sent.tokens, cache[w]):
            pos, feats = _morph_tag(tag)
            tok.pos, tok.feats, tok.tag = pos, dict(feats), tag


def segmented(texts: list[str], morph_cache: dict | None = None):
    """natasha Docs of the texts, segmented, with morphology and syntax (one batch for all)."""
    docs = _docs(texts)
    _tag_morph(docs, {} if morph_cache is None else morph_cache)
    _parse(docs)
    return docs


def ner_docs(doc: Article, morph_cache: dict) -> list[tuple[int, object]]:
    """(span start, natasha Doc) for each non-blank body span: segmented, morphology (reused from
    `morph_cache` where a sentence was already tagged), NER; what accord.lang.ru.recogniser reads."""
    spans = [b for b in doc.body if doc.text[b.start:b.end].strip()]
    tokens = [_span_tokens(doc.text, b.start, b.end, [s for s in doc.sentences if b.start <= s.start and s.end <= b.end])
              for b in spans]
    docs = _docs([doc.text[b.start:b.end] for b in spans], tokens)
    _tag_morph(docs, morph_cache)
    _tag_ner(docs)
    return [(b.start, d) for b, d in zip(spans, docs)]


def _tag_ner(docs) -> None:
    """natasha NER of the docs in one slovnet call (its batches of 8 texts, by length), what
    Doc.tag_ner does one text at a time: the same spans (slovnet masks padding), one model call
    per 8 spans."""
    from natasha.doc import adapt_spans

    from slovnet.markup import BIOMarkup

    todo = sorted((d for d in docs if d.text.strip()), key=lambda d: len(d.text))  # little padding in a batch
    for d in docs:
        d.spans = []
    words = [[t.text for t in d.tokens] for d in todo]  # razdel's tokens of d.text, as NERInfer makes them
    for d, w, tags in zip(todo, words, _predict(natasha()["ner"], words)):
        d.spans = list(adapt_spans(d, BIOMarkup.from_tuples(zip(w, tags)).to_span(d.text).spans))
        d.envelop_span_tokens()
        d.envelop_sent_spans()


def article(doc: Article) -> tuple[list[list[Token]], dict]:
    """Tokens of the sentences and the NER docs of the body, sharing one morphology pass."""
    cache: dict = {}
    toks = tokens(doc.sentences, cache)
    return toks, {"ner": ner_docs(doc, cache)}


@lru_cache(maxsize=100_000)
def _forms(text: str, tag: str) -> tuple[str | None, str, str, str]:
    """(lemma, lower-case form, lower-case lemma; ё read as е, UD features) of a word with its
    morphology tag: once per (word, tag), not once per token."""
    pos, feats = _morph_tag(tag)
    found = lemma(text, pos, feats)
    return found, text.lower().replace("ё", "е"), (found or text).lower().replace("ё", "е"), tag.partition("|")[2]


def tokens(sentences: list[Sentence], morph_cache: dict | None = None) -> list[list[Token]]:
    """Tokens with lemmas and parts of speech now; dependencies parsed when first read
    (DeferredSyntax: events read them in the sentences that hold a trigger)."""
    docs = _docs([s.text for s in sentences], [_sentence_tokens(s) for s in sentences])
    _tag_morph(docs, {} if morph_cache is None else morph_cache)
    out = []
    for s, d in zip(sentences, docs):
        toks = []
        for k, t in enumerate(d.tokens):
            t.lemma, low, lem, morph = _forms(t.text, t.tag)
            toks.append(LazyToken(start=s.start + t.start, end=s.start + t.stop, text=t.text, i=k, low=low, lemma=lem,
                                  pos=t.pos or "", morph=morph, lat=t.text))
        out.append(toks)
    DeferredSyntax("ru", out, lambda batch: _parse([docs[j] for j in batch]))
    return out


def _parse(docs) -> list[list[tuple[str, int]]]:
    """natasha syntax of the segmented, morphology-tagged docs (one slovnet batch for all their
    sentences): (relation, head index in the doc or -1) per token."""
    from natasha.doc import offset_syntax

    words = [[t.text for t in sent.tokens] for d in docs for sent in d.sents]
    order = sorted(range(len(words)), key=lambda k: len(words[k]))  # little padding in a batch
    parsed: list = [None] * len(words)
    for k, (ids, head_ids, rels) in zip(order, _predict(natasha()["syntax"], [words[k] for k in order])):
        parsed[k] = zip(ids, head_ids, rels)
    syntax = iter(parsed)
    out = []
    for d in docs:
        for sent_id, sent in enumerate(d.sents, 1):
            for tok, (id_, head_id, rel) in zip(sent.tokens, next(syntax)):
                tok.id, tok.head_id, tok.rel = id_, head_id, rel  # natasha.doc.inject_syntax
            offset_syntax(sent_id, sent.tokens)
        ids = {t.id: k for k, t in enumerate(d.tokens)}
        out.append([((t.rel or "").lower(), ids.get(t.head_id, -1)) for t in d.tokens])
    return out
