"""The shared analysis (accord.analysis, parse stage): one backend run per article, the same
tokens as analysing each sentence alone, offsets into the text, never left on a processed article."""
from __future__ import annotations

import pytest

from accord import analysis
from accord.doc import Article
from accord.pipeline import process

TEXTS = {
    "ru": "Министр внутренних дел России Владимир Колокольцев встретился с Александром Вулином. "
          "Стороны обсудили борьбу с наркотрафиком.\n\nВ Москве подписан меморандум о сотрудничестве.",
    "en": "Russia expelled 40 German diplomats on Monday. Berlin called the move unjustified.\n\n"
          "The foreign ministry said it would respond.",
    "sr": "Ministar unutrašnjih poslova Srbije sastao se sa kolegom iz Rusije. Potpisali su sporazum.\n\n"
          "Министар је рекао да сарадња две земље у борби против организованог криминала успешно напредује.",
}


def parsed(lang: str) -> Article:
    doc = Article(text=TEXTS[lang], source=f"{lang}.txt", lang=lang)
    process(doc, ("clean", "sentences"))
    return doc


@pytest.mark.parametrize("lang", sorted(TEXTS))
def test_article_analysis_equals_sentence_by_sentence(lang):
    doc = parsed(lang)
    shared = analysis.analyse_article(doc)
    assert len(doc.sentences) >= 3
    for s in doc.sentences:
        toks = shared.sentence(s)
        assert toks, s.text
        alone = analysis.analyse(lang, [s])[0]
        assert [(t.start, t.end, t.lemma, t.pos, t.dep, t.head) for t in toks] == \
               [(t.start, t.end, t.lemma, t.pos, t.dep, t.head) for t in alone]
        assert all(doc.text[t.start:t.end] == t.text for t in toks)


def test_parsers_give_heads_and_lemmas():
    doc = parsed("ru")
    toks = analysis.of(doc).sentence(doc.sentences[0])
    assert analysis.has_syntax(toks)
    assert any(t.lemma == "встретиться" for t in toks)
    sr = parsed("sr")
    assert any(t.low == "ministar" for t in analysis.of(sr).sentence(sr.sentences[-1]))  # Cyrillic read in Latin


def test_pipeline_leaves_no_analysis_on_the_article():
    doc = Article(text=TEXTS["en"], source="en.txt")
    process(doc, ("clean", "language", "sentences", "parse"))
    assert doc.analysis is None
    assert "analysis" not in doc.to_record()


def test_pymorphy_reads_its_dictionaries_with_the_c_extension():
    """dawg2 (a declared dependency) makes pymorphy3 and natasha's pymorphy2 read their DAWGs in C:
    the same parses, ~4x faster than the pure-Python reader they fall back to."""
    import pymorphy2.dawg
    import pymorphy3.dawg

    assert pymorphy3.dawg.EXTENSION_AVAILABLE and pymorphy2.dawg.EXTENSION_AVAILABLE


def test_russian_syntax_is_parsed_only_when_read():
    """natasha's parser runs when a token's dep/head is first read (events read them where a
    trigger stands), and gives the same parse as parsing every sentence at once."""
    from accord.lang.ru import analyser as russian
    from accord.lang.ru.analyser import _docs, _parse, _tag_morph

    doc = parsed("ru")
    toks = russian.tokens(doc.sentences)
    job = toks[0][0]._syntax
    assert job is not None and job.parsed == 0 and job.pending == set(range(len(toks)))
    assert all(t.lemma for sent in toks for t in sent)  # lemmas and tags need no parse
    eager = _docs([s.text for s in doc.sentences])
    _tag_morph(eager, {})
    want = _parse(eager)
    assert [(t.dep, t.head) for t in toks[-1]] == want[-1]  # reading one sentence parses it (and the likely ones)
    assert job.parsed >= 1 and len(toks) - 1 not in job.pending
    job.fill_all()
    assert not job.pending and job.parsed == len(toks)
    assert [[(t.dep, t.head) for t in sent] for sent in toks] == want


def test_english_attribute_rules_equal_spacys_component():
    """AttributeRules (matches cached per token key) gives the POS, morphology and lemmas that
    spaCy's attribute_ruler + lemmatizer give, two-token and parse-dependent rules included."""
    from accord.lang.en.analyser import _rules, _sentence_docs
    from accord.models import spacy_en

    nlp = spacy_en()
    assert _rules(nlp) is not None  # the model's layout and rules are the ones it handles
    texts = [TEXTS["en"], "I ain't gonna say it, let's wait.", "There is no deal; there are talks.",
             "He's gotta go  now!", "The U.S. and the E.U. don't agree, said Mr. Smith on Sept. 28."]
    def sig(d):
        return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i) for t in d]
    assert [sig(d) for d in _sentence_docs(nlp, texts)] == [sig(d) for d in nlp.pipe(texts, disable=["ner"])]


@pytest.mark.parametrize("lang", sorted(TEXTS))
def test_analysis_fills_the_one_token_model(lang):
    """Every backend makes accord.doc.Token: its index in the sentence, lower-case form, lemma,
    the Latin form (Serbian Cyrillic transliterated) and, where the backend tags, UD features."""
    from accord.doc import Token
    from accord.translit import sr_to_latin

    doc = parsed(lang)
    sents = [analysis.of(doc).sentence(s) for s in doc.sentences]
    for toks in sents:
        assert all(isinstance(t, Token) for t in toks)
        assert [t.i for t in toks] == list(range(len(toks)))
        assert all(t.lat == (sr_to_latin(t.text) if lang == "sr" else t.text) and t.low for t in toks)
    if lang == "sr":
        assert sents[-1][0].lat == "Ministar" and sents[-1][0].low == "ministar"
    else:
        assert any("Number=Sing" in t.morph for toks in sents for t in toks)


def test_english_features_are_spacys():
    from accord.lang.en import analyser as english
    from accord.models import spacy_en

    doc = parsed("en")
    toks = [t for sent in english.tokens(doc.sentences) for t in sent]
    want = [str(t.morph) for s in doc.sentences for t in spacy_en()(s.text) if not t.is_space]
    assert [t.morph for t in toks] == want


def test_lazy_token_becomes_a_parsed_token_and_travels_as_a_token():
    """Reading dep/head of a LazyToken parses its sentence; its tokens then are ParsedTokens
    (plain fields). Neither carries its deferred parse into msgpack: they decode as Tokens."""
    import msgspec

    from accord.doc import LazyToken, ParsedToken, Token
    from accord.lang.ru import analyser as russian

    toks = russian.tokens(parsed("ru").sentences)
    assert all(type(t) is LazyToken for sent in toks for t in sent)
    first = toks[0]
    assert first[0].head >= -1
    assert all(type(t) is ParsedToken for t in first) and any(t.dep == "root" for t in first)
    assert all(type(t) is LazyToken for t in toks[-1]) or all(type(t) is ParsedToken for t in toks[-1])
    back = msgspec.msgpack.decode(msgspec.msgpack.encode(first), type=list[Token])
    assert [msgspec.structs.astuple(t) for t in back] == [msgspec.structs.astuple(t) for t in first]
