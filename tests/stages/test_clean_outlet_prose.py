"""The outlet on news nobody tuned to: credited in the prose (`clean/prose_credit.py`), held
in the footer's copyright line (`outlet._holder`), and no skip link or menu taken for the
site's name (`outlet._name_shaped`)."""
from __future__ import annotations

from pathlib import Path

import pytest

from accord.clean import outlet_names, prose_credit
from accord.clean.lines import split_lines
from accord.doc import Article
from accord.stages import clean
from accord.stages.read import read_paths

_SR = ("Ministar unutrašnjih poslova sastao se sa kolegama iz susednih zemalja i razgovarao o saradnji "
       "u borbi protiv organizovanog kriminala i krijumčarenja ljudi preko granice.")
_SR_CYR = ("Министар унутрашњих послова састао се са колегама из суседних земаља и разговарао о сарадњи "
           "у борби против организованог криминала и кријумчарења људи преко границе.")
_RU = ("Министр внутренних дел провёл встречу с коллегами из соседних стран и обсудил вопросы "
       "сотрудничества в борьбе с организованной преступностью и незаконной миграцией.")
_EN = ("The interior minister met colleagues from neighbouring countries on Thursday and discussed "
       "cooperation in the fight against organised crime and people smuggling.")


def outlet(*paragraphs: str) -> str | None:
    art = Article(text="\n\n".join(paragraphs), source="t.txt", meta={})
    clean.run(art)
    return art.outlet


@pytest.mark.parametrize("paragraphs,expected", [
    (("Глава МВД провёл встречу", _RU, "Об этом в четверг «Ленте.ру» сообщили в пресс-центре МВД России.", _RU), "Лента.ру"),
    (("Глава МВД провёл встречу", "По данным \"Ленты.ру\", встреча министров прошла в Москве в четверг и продолжалась более трёх часов.", _RU), "Лента.ру"),
    (("Глава МВД провёл встречу", _RU, "Об этом сообщили РИА Новости в пресс-службе ведомства.", _RU), "РИА Новости"),
    (("Глава МВД провёл встречу", _RU, "Кандидатом стал министр, сообщает РИА «Новости».", _RU), "РИА «Новости»"),
    (("Minister meets colleagues", _EN, "\"We will cooperate,\" the minister told Reuters on Tuesday.", _EN), "Reuters"),
    (("Ministar se sastao sa kolegama", _SR, "Kako javlja Tanjug, sastanak je održan u Beogradu.", _SR), "Tanjug"),
    (("Ministar se sastao sa kolegama", _SR, "Sastanak je održan u Beogradu, prenosi N1.", _SR), "N1"),
    (("Ministar se sastao sa kolegama", _SR, "Sastanak je održan u Beogradu, pišu Dnevne novine.", _SR), "Dnevne novine"),
    (("Министар се састао са колегама", _SR_CYR, "Састанак је био успешан, изјавио је за Танјуг министар.", _SR_CYR), "Танјуг"),
    # a footer's copyright holder, its year and legal form dropped
    (("Minister meets colleagues", _EN, _EN, "© 2019 CNBC LLC. All Rights Reserved."), "CNBC"),
    (("Minister meets colleagues", _EN, _EN, "Copyright © 2019, Los Angeles Times | Terms of Service"), "Los Angeles Times"),
    # a credit line, a dateline, a bracket outrank a name in the prose
    (("Ministar se sastao sa kolegama", "BEOGRAD (Beta) - " + _SR, "Sastanak je održan u Beogradu, prenosi N1.", _SR), "Beta"),
])
def test_an_outlet_credited_in_prose_or_footer_is_found(paragraphs, expected):
    assert outlet(*paragraphs) == expected


@pytest.mark.parametrize("paragraphs", [
    # a comma parts the name from the cue: the lead reports Reuters
    ("Iraq and Iran sign a border deal", "Reuters, citing two officials, said that " + _EN, _EN),
    # an outlet as a speech verb's subject speaks, it is no credit
    ("Minister meets colleagues", _EN, "In Moscow, the management of RT said on Monday that its lawyers were ready.", _EN),
    # "Monday" is no case form of "Mondo"; an unlisted medium in prose is no credit
    ("Minister meets colleagues", _EN, "He said on Monday saying the talks went well, he told the Gazette.", _EN),
    # skip links, menus and scripts opening a web page are no masthead
    ("Skip to main content", "Menu", "Subscribe", "Minister meets colleagues", _EN, _EN),
    ("Contact Us", "About Us", "Minister meets colleagues", _EN, _EN),
    ("(function(a,b,c,d){", "Home", "Minister meets colleagues", _EN, _EN),
    # a bare "© Name" under a picture credits the picture
    ("Minister meets colleagues", _EN, "© Regan", _EN),
])
def test_no_outlet_from_loose_prose_or_page_furniture(paragraphs):
    assert outlet(*paragraphs) is None


@pytest.mark.parametrize("written,name,spelling", [
    ("Ленте.ру", "Лента.ру", "Лента.ру"), ("Ленты.ру", "Лента.ру", "Лента.ру"), ("Tanjugu", "Tanjug", "Tanjug"),
    ("Танјугом", "Tanjug", "Танјуг"), ("Интерфаксу", "Интерфакс", "Интерфакс"), ("Reuters", "Reuters", "Reuters"),
])
def test_a_listed_name_is_met_in_its_case_forms(written, name, spelling):
    entry, form = outlet_names.lookup_inflected(written)
    assert entry.name == name and form == spelling
    assert outlet_names.lookup_inflected("Monday") is None


@pytest.mark.parametrize("line,expected", [
    ("Об этом в четверг «Ленте.ру» сообщили в пресс-центре МВД России.", "Лента.ру"),
    ("Ministar je to rekao Tanjugu u četvrtak.", "Tanjug"),
    ("Састанак је био успешан, изјавио је за Танјугом министар.", "Танјуг"),
    ("The minister told The Guardian on Tuesday.", "The Guardian"),
    ("Sastanak je održan u Beogradu, prenosi N1.", "N1"),
])
def test_the_prefilter_lets_a_listed_name_in_a_case_form_through(line, expected):
    assert prose_credit._may_name(line)
    assert prose_credit.line_credit(line) == expected


@pytest.mark.parametrize("line", [_RU, _SR, _SR_CYR, "Министр внутренних дел провёл встречу, сообщили в пресс-службе."])
def test_a_line_without_a_listed_name_stops_at_the_prefilter(line):
    assert not prose_credit._may_name(line)
    assert prose_credit.line_credit(line) is None


def test_the_prefilter_drops_no_credit_of_real_pages(monkeypatch):
    """Every line of the shipped samples and test cases credits the same outlet with the
    prefilter as without it (`_may_name` only ever says no where no name can begin)."""
    root = Path(__file__).resolve().parents[2]
    paths = sorted(str(p) for p in [*root.glob("samples/*.txt"), *root.glob("tests/cases/**/*.txt")])
    lines = [ln.text for art in read_paths(paths) for ln in split_lines(art.text)]
    assert len(lines) > 300
    with_filter = [prose_credit.line_credit(t) for t in lines]
    stopped = sum(not prose_credit._may_name(t) for t in lines)
    monkeypatch.setattr(prose_credit, "_may_name", lambda text: True)
    assert with_filter == [prose_credit.line_credit(t) for t in lines]
    assert any(with_filter) and stopped > len(lines) // 3
