"""The language registry: folders, inheritance of variants, unsupported languages."""
from __future__ import annotations

import pytest

from accord import lang
from accord.lang.base import MissingLanguageData

from .conftest import run

GERMAN = """Deutschland und Serbien vereinbaren engere Polizeizusammenarbeit

BERLIN, 14. Mai 2024 - Bundesinnenministerin Nancy Faeser und der serbische Innenminister Ivica Dacic haben am Dienstag in Berlin ein Abkommen über die Zusammenarbeit der Polizei unterzeichnet.

"Wir werden gemeinsam gegen Schleuser vorgehen", sagte Faeser nach dem Treffen.
"""


def test_variants_inherit_their_family_and_add_their_own_lines():
    hr, sr = lang.get("hr"), lang.get("sr")
    assert hr.parent is sr and hr.family == "sr" and lang.get("bs").family == "sr"
    months = dict(lang.load_tsv("hr", "months.tsv"))
    assert months["svibnja"] == "5" and months["maja"] == "5"  # Croatian and, inherited, Serbian
    assert "svibnja" not in dict(lang.load_tsv("sr", "months.tsv"))
    assert lang.load_list("hr", "speech_verbs.txt") == lang.load_list("sr", "speech_verbs.txt")


def test_own_only_files_are_not_inherited():
    assert lang.load_list("hr", "scripts.txt") == ("Latn",)
    assert set(lang.load_list("sr", "scripts.txt")) == {"Latn", "Cyrl"}


def test_a_missing_data_file_is_an_error_naming_it():
    with pytest.raises(MissingLanguageData, match="lang/hr/no_such_list.txt"):
        lang.get("hr").lines("no_such_list.txt")


def test_codes_and_tags_resolve_to_their_language():
    assert lang.get("sr-Latn") is lang.get("sr") and lang.get("SR") is lang.get("sr")
    assert lang.get("de") is None and lang.get("und") is None and lang.get(None) is None
    assert set(lang.roots()) == {"en", "ru", "sr"}
    assert {"hr", "bs", "cnr"} <= set(lang.supported())


def test_an_unsupported_language_is_reported_and_not_half_processed():
    r = run(GERMAN)
    assert r["lang"] == "de" and r["supported"] is False
    assert r["entities"] == [] and r["quotes"] == [] and r["events"] == [] and r["dates"] == []
    assert r["body"]  # cleaning and language detection still ran
