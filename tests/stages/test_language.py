"""Language and script: en, ru, sr in both scripts, and hr/bs told apart from Serbian."""
from __future__ import annotations

from pathlib import Path

import pytest

from accord.doc import Article
from accord.stages import clean, language

CASES = Path(__file__).resolve().parents[1] / "cases"


def detect(text: str) -> Article:
    art = Article(text=text, source="t.txt")
    clean.run(art)
    language.run(art)
    return art


@pytest.mark.parametrize("name,lang,script", [
    ("ru_noisy_ria_style.txt", "ru", "Cyrl"),
    ("sr_latn_noisy_portal.txt", "sr", "Latn"),
    ("sr_cyrl_noisy_portal.txt", "sr", "Cyrl"),
    ("en_noisy_wire.txt", "en", "Latn"),
    ("hr_ijekavian_hina.txt", "hr", "Latn"),
    ("bs_ijekavian_fena.txt", "bs", "Latn"),
])
def test_language_and_script_of_case_articles(name, lang, script):
    art = detect((CASES / name).read_text(encoding="utf-8"))
    assert (art.lang, art.script) == (lang, script)
    assert art.lang_scores[lang] == max(art.lang_scores.values())


@pytest.mark.parametrize("text", [
    "Ministar odbrane Srbije rekao je danas da je vojna saradnja sa Rusijom veoma važna i da će dve zemlje nastaviti zajedničke vežbe posle leta.",
    "Predsednik Srbije je posle sastanka sa ambasadorom izjavio da Beograd neće uvesti sankcije i da je bezbednost građana na prvom mestu.",
    "Policija je uhapsila dve osobe osumnjičene za krijumčarenje migranata preko granice sa Mađarskom, saopštilo je Ministarstvo unutrašnjih poslova.",
])
def test_short_ekavian_serbian_latin_news_is_sr_not_hr_or_bs(text):
    assert detect(text).lang == "sr"


@pytest.mark.parametrize("text,lang", [
    ("Vlada je tijekom tjedna objavila da će više od tisuću policajaca sudjelovati u vježbi, priopćilo je ministarstvo unutarnjih poslova.", "hr"),
    ("Predsjednik je rekao da će Hrvatska u siječnju potpisati sporazum s veleposlanikom o suradnji sveučilišta.", "hr"),
    ("Ministar sigurnosti je tokom sedmice razgovarao s predstavnicima općine o saradnji, a historija pokazuje da hiljadu ljudi čeka odgovor.", "bs"),
])
def test_ijekavian_croatian_and_bosnian_are_not_serbian(text, lang):
    assert detect(text).lang == lang


def test_serbian_cyrillic_is_never_croatian():
    # ijekavian Cyrillic (Republika Srpska press) is Serbian: Croatian is not written in Cyrillic
    art = detect("Предсједник Републике Српске рекао је да ће сарадња са Русијом бити настављена и послије избора, а вријеме ће показати резултате.")
    assert art.lang == "sr" and art.script == "Cyrl"
    assert art.lang_scores.get("hr", 0.0) == 0.0


def test_variant_evidence_reads_cyrillic_through_transliteration():
    hits = language.variant_evidence("Председник је рекао да ће се деца вратити после распуста.")
    assert hits.get("sr", 0) >= 3 and hits.get("hr", 0) == 0


def test_dominant_script_codes():
    assert language.dominant_script("Vuk i Владимир Путин") == "Cyrl"
    assert language.dominant_script("Belgrade, Serbia") == "Latn"
    assert language.dominant_script("12345 !!!") == "Zyyy"
    assert language.dominant_script("北京 China 中国 外交部") == "Hani"


@pytest.mark.parametrize("text", ["12345 67 890 — 2024", "!!! ??? ... 08:37", "© 2023"])
def test_text_without_words_is_undetermined_not_a_guess(text):
    doc = Article(text=text, source="t")
    clean.run(doc)
    language.run(doc)
    assert doc.lang == "und"
