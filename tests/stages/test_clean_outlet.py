"""The credited outlet: one procedure over credit, dateline, bracket, byline, copyright and site
positions, with the reviewed list of outlets and agencies (accord/clean/outlet.py, outlet_names.py)."""
from __future__ import annotations

from importlib import resources

import pytest

from accord.clean import outlet_names
from accord.doc import Article
from accord.stages import clean

_SR = ("Ministar unutrašnjih poslova rekao je danas na konferenciji za novinare u Beogradu da će saradnja sa "
       "evropskim partnerima biti nastavljena i u narednom periodu, uz redovnu razmenu podataka.")
_SR_CYR = ("Министар унутрашњих послова рекао је данас на конференцији за новинаре у Београду да ће сарадња са "
           "европским партнерима бити настављена и у наредном периоду, уз редовну размену података.")
_RU = ("Министр внутренних дел заявил в четверг на пресс-конференции в Москве, что сотрудничество с партнерами "
       "будет продолжено и в следующем году, включая регулярный обмен данными о преступных группах.")
_EN = ("The interior minister told reporters in Baghdad on Thursday that cooperation with neighbouring countries "
       "would continue next year, including a regular exchange of data on smuggling networks.")


def outlet(text: str) -> str | None:
    art = Article(text=text, source="t.txt", meta={})
    clean.run(art)
    return art.outlet


@pytest.mark.parametrize("text,expected", [
    # an agency credit closing the last paragraph, in brackets or slashes
    (f"Naslov vesti o saradnji\n\n{_SR}\n\n{_SR} (Tanjug)", "Tanjug"),
    (f"Наслов вести о сарадњи\n\n{_SR_CYR}\n\n{_SR_CYR} /ФОНЕТ/", "ФОНЕТ"),
    # a listed name leading the article before a dash or a slash
    (f"Заголовок новости о сотрудничестве\n\nМосква. 15 марта. INTERFAX.RU - {_RU}\n\n{_RU}", "INTERFAX.RU"),
    (f"Iraq and Iran sign a border deal\n\nShafaq News/ {_EN}\n\n{_EN}", "Shafaq News"),
    # a copyright or footer line
    (f"Iraq and Iran sign a border deal\n\n{_EN}\n\n{_EN}\n\n© Reuters", "Reuters"),
    (f"Naslov vesti o saradnji\n\n{_SR}\n\n{_SR}\n\n© 2024 Blic.rs. Sva prava zadržana.", "Blic.rs"),
    # a labelled credit needs no list; the agency of a list of several is the first
    (f"Naslov vesti o saradnji\n\n{_SR}\n\n{_SR}\n\nIzvor: Srna", "Srna"),
    (f"Naslov vesti o saradnji\n\n{_SR}\n\n{_SR}\n\nIzvor: Beta, Tanjug", "Beta"),
    # the article's own source credit over the site that reprints it
    (f"Blic\n\nNaslov vesti o saradnji\n\n{_SR}\n\n{_SR} (Tanjug)", "Tanjug"),
    # a listed agency as the byline's author
    (f"Naslov vesti o saradnji\n\nAutor: Tanjug\n\n{_SR}\n\n{_SR}", "Tanjug"),
    (f"Iraq and Iran sign a border deal\n\nBy Reuters\n\n{_EN}\n\n{_EN}", "Reuters"),
    # the site's own name opening the page, in its script
    (f"Новости онлајн\n\nСарадња полиција две земље\n\n{_SR_CYR}", "Новости онлајн"),
])
def test_an_outlet_stated_only_as_a_credit_is_found(text, expected):
    assert outlet(text) == expected


@pytest.mark.parametrize("text", [
    # a photo's credit credits the picture, not the text
    f"Naslov vesti o saradnji\n\nFoto: Beta\n\n{_SR}\n\n{_SR}",
    f"Встреча министров в Москве\n\n© РИА Новости / Сергей Иванов 2019\n\n{_RU}",
    # a weekday, a rubric, a menu path beside the title
    f"Naslov vesti o saradnji\nČetvrtak, 18.1.2018 | Aktivnosti\n\n{_SR}\n\n{_SR}",
    f"Почетна > Србија\nСрбија\n\nДачић отпутовао у посету Кини\n\n{_SR_CYR}\n\n{_SR_CYR}",
    # an outlet's name that is also a word, opening a sentence
    f"Naslov vesti o saradnji\n\nDanas, {_SR}\n\n{_SR}",
    # an agency the lead reports ("Reuters, citing ..."), not a credit
    f"Iraq and Iran sign a border deal\n\nReuters, citing two officials, said that {_EN}\n\n{_EN}",
    # a commentator's outlet before a colon: a speaker's label
    f"Iraq and Iran sign a border deal\n\nPeggy Drexler, CNN: \"{_EN}\"\n\n{_EN}",
    # an author's byline, nothing credited
    f"Iraq and Iran sign a border deal\n\nBy John Smith\n\n{_EN}\n\n{_EN}",
    f"Naslov vesti o saradnji\n\n{_SR}\n\n{_SR}",
])
def test_no_outlet_where_nothing_credible_stands(text):
    assert outlet(text) is None


def test_the_list_is_reviewed_data_with_countries_and_a_provenance_line():
    text = resources.files("accord.data").joinpath("outlets.tsv").read_text(encoding="utf-8")
    assert text.startswith("# source:")
    rows = [r.split("\t") for r in text.splitlines() if r.strip() and not r.startswith("#")]
    assert len(rows) >= 150 and all(len(r) == 5 for r in rows)
    countries = {r[1] for r in rows}
    assert {"INT", "SRB", "BIH", "MNE", "HRV", "RUS", "UKR", "BLR"} <= countries
    assert all(len(r[1]) == 3 and r[1].isupper() for r in rows)


@pytest.mark.parametrize("written,name", [
    ("Танјуг", "Tanjug"), ("TANJUG", "Tanjug"), ("ria.ru", "РИА Новости"), ("Интерфакс", "Интерфакс"),
    ("www.n1info.rs", "N1"), ("«Коммерсантъ»", "Коммерсантъ"), ("AFP", "Agence France-Presse"),
])
def test_names_match_across_scripts_cases_quotes_and_domains(written, name):
    hit = outlet_names.lookup(written)
    assert hit is not None and hit.name == name
    assert outlet_names.lookup("Четвртак") is None and outlet_names.lookup("Početna") is None
