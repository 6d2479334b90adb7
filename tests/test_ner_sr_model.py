"""The shipped Serbian-Croatian NER model (src/accord/lang/sr/ner_model): it loads from the
package, finds names in Serbian Latin and Cyrillic and in Croatian, keeps offsets of the
original text, and keeps its UNER dev figure (when ../shared/data is there). No training here."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from accord.doc import Span
from accord.lang.sr import ner_model_loader
from accord.lang.sr.ner_model_loader import MODEL_DIR, recognise_many, recognizer

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "data"


@pytest.fixture(scope="module")
def ner():
    return recognizer()


def found(ner, text: str) -> set[tuple[str, str]]:
    return {(text[s:e], label) for s, e, label in ner(text)}


def test_model_ships_inside_the_package_and_is_small():
    assert (MODEL_DIR / "meta.json").exists() and (MODEL_DIR / "config.cfg").exists()
    assert (MODEL_DIR / "README.md").read_text(encoding="utf-8").count("CC BY-SA 4.0") >= 1
    size = sum(p.stat().st_size for p in MODEL_DIR.rglob("*") if p.is_file())
    assert size <= 25 * 1024 * 1024


def test_loaded_once_per_process():
    assert ner_model_loader.load() is ner_model_loader.load()


def test_serbian_latin_minister_and_city(ner):
    text = "Ministar unutrašnjih poslova Srbije Ivica Dačić sastao se u Beogradu sa ambasadorom Rusije."
    got = found(ner, text)
    assert ("Ivica Dačić", "PER") in got
    assert ("Beogradu", "LOC") in got
    assert ("Srbije", "LOC") in got or any(label == "ORG" and "Srbije" in span for span, label in got)


def test_serbian_cyrillic_offsets_point_into_the_cyrillic_text(ner):
    text = "Председник Србије Александар Вучић разговарао је у Москви са Владимиром Путином."
    got = found(ner, text)
    assert ("Александар Вучић", "PER") in got
    assert ("Владимиром Путином", "PER") in got
    assert ("Москви", "LOC") in got
    # Љ, Њ, Џ become two Latin letters: the spans still land on the Cyrillic words
    text = "Министар Љубиша Ђорђевић састао се у Њујорку са генералним секретаром УН Антониом Гутерешом."
    got = found(ner, text)
    assert {("Љубиша Ђорђевић", "PER"), ("Њујорку", "LOC"), ("Антониом Гутерешом", "PER")} <= got


def test_cyrillic_and_latin_give_the_same_names(ner):
    from accord.translit import sr_to_cyrillic, sr_to_latin

    latin = "Premijerka Ana Brnabić otputovala je u Brisel na sastanak sa predstavnicima Evropske unije."
    cyr = sr_to_cyrillic(latin)
    assert {(sr_to_latin(span), label) for span, label in found(ner, cyr)} == found(ner, latin)
    assert ("Ana Brnabić", "PER") in found(ner, latin)


def test_croatian_sentence(ner):
    text = "Hrvatski premijer Andrej Plenković razgovarao je u Zagrebu s glavnim tajnikom NATO-a."
    got = found(ner, text)
    assert ("Andrej Plenković", "PER") in got
    assert ("Zagrebu", "LOC") in got
    assert ("NATO-a", "ORG") in got


def test_organisations_and_only_the_three_types(ner):
    text = "Policija je u Novom Pazaru uhapsila dvojicu osumnjičenih, saopštio je MUP Srbije."
    spans = ner(text)
    assert {label for _, _, label in spans} <= {"PER", "ORG", "LOC"}
    got = {(text[s:e], label) for s, e, label in spans}
    assert ("Novom Pazaru", "LOC") in got
    assert ("MUP Srbije", "ORG") in got
    assert ("Vlada Srbije", "ORG") in found(ner, "Vlada Srbije usvojila je predlog zakona.")


def test_montenegrin_and_bosnian_sentences(ner):
    text = "Predsjednik Crne Gore Jakov Milatović sastao se u Podgorici s delegacijom Europske unije."
    got = found(ner, text)
    assert {("Jakov Milatović", "PER"), ("Podgorici", "LOC"), ("Europske unije", "ORG")} <= got
    text = "Bošnjački član Predsjedništva BiH Denis Bećirović doputovao je u Sarajevo."
    got = found(ner, text)
    assert {("Denis Bećirović", "PER"), ("Sarajevo", "LOC")} <= got


def test_no_names_no_spans(ner):
    assert ner("Danas je bilo sunčano i toplo, a sutra se očekuje kiša.") == []
    assert ner("") == []


def test_many_matches_one_by_one(ner):
    texts = ["Ivica Dačić je doputovao u Beograd.", "Александар Вучић је у Београду.", "Nema imena ovde."]
    assert recognise_many(texts) == [ner(t) for t in texts]


@pytest.mark.skipif(not (DATA / "sr-uner" / "sr_set-ud-dev.iob2").exists(), reason="../shared/data absent")
def test_uner_dev_floor():
    spec = importlib.util.spec_from_file_location("ner_sr_eval", REPO / "eval" / "ner_sr.py")
    ev = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = ev  # its dataclass looks its module up
    spec.loader.exec_module(ev)
    sets = ev.dev_sets(DATA)
    ner = recognizer()
    latin = ev.evaluate(ner, sets["sr-uner dev (Latin)"])["ALL"]["f"]
    cyrillic = ev.evaluate(ner, sets["sr-uner dev (Cyrillic)"])["ALL"]["f"]
    croatian = ev.evaluate(ner, sets["hr-uner dev"])["ALL"]["f"]
    assert latin >= FLOORS["sr"], latin
    assert abs(latin - cyrillic) <= 0.01, (latin, cyrillic)
    assert croatian >= FLOORS["hr"], croatian


# the shipped model's dev F1 (ner_model/README.md: sr 0.850, hr 0.784) less 0.01
FLOORS = {"sr": 0.84, "hr": 0.77}


def test_article_is_read_sentence_by_sentence():
    """model_spans feeds the model the article's sentences (never across a line): a capitalised
    sentence opener after a place is not glued to it as one name."""
    from accord.doc import Article
    from accord.lang.sr.model_spans import model_spans, units
    from accord.stages import sentences

    text = ("Министар Вулин разговарао је са колегом у Минску. Наша сарадња је добра, рекао је он.\n"
            "Policija Srbije i Frontex potpisali su sporazum u Beogradu.")
    doc = Article(text=text, source="t", lang="sr", script="Cyrl")
    doc.body = [Span(start=0, end=len(text))]
    sentences.run(doc)
    pieces = units(doc)
    assert len(pieces) == 3 and all("\n" not in text[s:e] for s, e in pieces)
    names = {(text[s:e], label) for s, e, label in model_spans(doc)}
    assert "Минску" in {name for name, _ in names}
    assert not any("Наша" in name or "\n" in name for name, _ in names)
    assert ("Beogradu", "LOC") in names


def test_fold_norm_option_gives_scraped_and_proper_spelling_one_norm():
    """A model trained with --fold-norm reads NORM without diacritics (scripts/train_ner_sr.py);
    the shipped model's component leaves NORM alone (its config has no fold_norm: False)."""
    import spacy

    ner_model_loader.register()
    nlp = spacy.blank("sr")
    nlp.add_pipe(ner_model_loader.LEMMA_COMPONENT, config={"fold_norm": True})
    proper, scraped = nlp("Zoran Đinđić u Šapcu"), nlp("Zoran Djindjic u Sapcu")
    assert [t.norm_ for t in proper] == [t.norm_ for t in scraped] == ["zoran", "djindjic", "u", "sapcu"]
    assert ner_model_loader.load().get_pipe(ner_model_loader.LEMMA_COMPONENT).fold_norm is False
