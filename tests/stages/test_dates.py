"""Dates stage: explicit, partial and relative dates in en, ru, sr (Latin and Cyrillic)."""
from __future__ import annotations

import pytest

from accord.dates import find_dates
from accord.doc import Article, Span
from accord.stages import dates
from accord.stages.dates import dates_in

# (lang, sentence, publication date, expected [(text, value, precision)])
CASES = [
    ("ru", "Встреча прошла в конце февраля 2020 года в Москве.", None, [("в конце февраля 2020 года", "2020-02", "month")]),
    ("ru", "Соглашение подписали 27 декабря 2019 года в Белграде.", None, [("27 декабря 2019 года", "2019-12-27", "day")]),
    ("ru", "Чемпионат мира пройдет в России в 2018 году.", None, [("в 2018 году", "2018", "year")]),
    ("ru", "Доклад опубликован в четверг, 2 июня.", "2016-06-03", [("2 июня", "2016-06-02", "day")]),
    ("ru", "Доклад опубликован 2 июня.", None, []),
    ("ru", "Делегация прибыла в Москву на прошлой неделе.", "2016-06-03", [("прошлой неделе", "2016-05-23", "week")]),
    ("ru", "Министр вчера встретился с послом, а сегодня улетел.", "2016-06-03", [("вчера", "2016-06-02", "day"), ("сегодня", "2016-06-03", "day")]),
    ("ru", "Переговоры прошли во вторник в Белграде.", "2016-06-03", [("во вторник", "2016-05-31", "day")]),
    ("ru", "Выбросы в окружающую среду выросли на 40 процентов, сообщили в 08:37.", "2016-06-03", []),
    ("ru", "На форум приехали до 2000 человек из 20 стран.", None, []),
    ("ru", "Полеты на Луну возобновятся в 2020 году, в этом году начнутся испытания.", "2016-06-03", [("в 2020 году", "2020", "year"), ("этом году", "2016", "year")]),
    ("ru", "Турнир пройдет с 3 по 17 апреля 2016 года.", None, [("3", "2016-04-03", "day"), ("17 апреля 2016 года", "2016-04-17", "day")]),
    ("sr", "Sporazum je potpisan 31. jula 2016. godine u Beogradu.", None, [("31. jula 2016. godine", "2016-07-31", "day")]),
    ("sr", "Patrole su počele početkom marta, a ministri su se sreli u utorak.", "2021-10-15", [("početkom marta", "2021-03", "month"), ("u utorak", "2021-10-12", "day")]),
    ("sr", "Ministar Vulin je juče razgovarao sa kolegom, a danas putuje u Budimpeštu.", "2021-09-08", [("juče", "2021-09-07", "day"), ("danas", "2021-09-08", "day")]),
    ("sr", "Sastanak je održan 23. 08. 2022. u 17:52 u Moskvi.", None, [("23. 08. 2022", "2022-08-23", "day")]),
    ("sr", "Memorandum o saradnji potpisan je 2016. godine, a 20 srpskih policajaca ide u Kinu.", None, [("2016. godine", "2016", "year")]),
    ("sr", "Министар је децембра 2019. године посетио Москву.", None, [("децембра 2019. године", "2019-12", "month")]),
    ("sr", "Вулин и Пинтер су 15.10.2021 на граници обишли патроле.", None, [("15.10.2021", "2021-10-15", "day")]),
    ("sr", "Споразум је потписан 31. јула 2016. године, а патроле почињу од данас.", "2016-08-01", [("31. јула 2016. године", "2016-07-31", "day"), ("данас", "2016-08-01", "day")]),
    ("sr", "Делегација је прошле недеље боравила у Москви, а ове године следи узвратна посета.", "2022-08-23", [("прошле недеље", "2022-08-15", "week"), ("ове године", "2022", "year")]),
    ("en", "BELGRADE, Sept. 28, 2023 (Xinhua) -- Chinese policemen started a joint patrol mission.", None, [("Sept. 28, 2023", "2023-09-28", "day")]),
    ("en", "The first joint patrol was presented to the public in downtown Belgrade on Wednesday.", "2019-09-19", [("on Wednesday", "2019-09-18", "day")]),
    ("en", "The first joint patrol was presented to the public in downtown Belgrade on Wednesday.", None, []),
    ("en", "The patrols are based on a memorandum concluded in 2019, and 20 Serbian officers joined.", None, [("in 2019", "2019", "year")]),
    ("en", "Serbia expects the number of Chinese tourists to increase by 40 percent this year.", "2019-09-19", [("this year", "2019", "year")]),
    ("en", "May the cooperation grow, the minister said, adding that talks in May 2019 went well.", None, [("May 2019", "2019-05", "month")]),
    ("en", "The ministers met in early March and again last November.", "2020-06-10", [("early March", "2020-03", "month"), ("last November", "2019-11", "month")]),
    ("en", "Call +381 11 306 2000 or see report 2019/4471 filed at 08:37.", None, []),
    ("en", "The agreement signed on 2019-09-18 takes effect on 9/28/2023.", None, [("2019-09-18", "2019-09-18", "day"), ("9/28/2023", "2023-09-28", "day")]),
]


@pytest.mark.parametrize("lang,text,published,expected", CASES)
def test_find_dates(lang, text, published, expected):
    found = find_dates(text, lang, published)
    assert [(d.text, d.value, d.precision) for d in found] == expected
    for d in found:
        assert text[d.start:d.end] == d.text


def test_relative_flag_marks_dates_resolved_against_publication():
    found = find_dates("Ministar je juče potpisao sporazum od 31. jula 2016. godine.", "sr", "2016-08-02")
    assert [(d.text, d.relative) for d in found] == [("juče", True), ("31. jula 2016. godine", False)]


def test_run_keeps_offsets_into_body_spans_only_and_dates_in_sentence():
    title = "Patrole od 15.10.2021"
    body = "Министар је 27. децембра 2019. године посетио Москву. Делегација је стигла у уторак."
    text = f"{title}\n\nFoto: 2023\n\n{body}"
    doc = Article(text=text, source="t.txt", lang="sr", published="2021-10-15")
    body_start = text.index(body)
    doc.body = [Span(start=0, end=len(title)), Span(start=body_start, end=len(text))]
    dates.run(doc)
    assert [(d.text, d.value) for d in doc.dates] == [
        ("15.10.2021", "2021-10-15"), ("27. децембра 2019. године", "2019-12-27"), ("у уторак", "2021-10-12")]
    assert all(text[d.start:d.end] == d.text for d in doc.dates)
    first_sentence_end = text.index("Москву.") + len("Москву.")
    assert [d.value for d in dates_in(doc, body_start, first_sentence_end)] == ["2019-12-27"]


def test_week_and_day_relatives_need_a_day_precise_publication_date():
    found = find_dates("Делегация прибыла вчера, на прошлой неделе, в этом году.", "ru", "2016")
    assert [(d.text, d.value) for d in found] == [("этом году", "2016")]


def _unstamped(text: str, lang: str, body_from: str) -> Article:
    doc = Article(text=text, source="t.txt", lang=lang)
    doc.body = [Span(start=text.index(body_from), end=len(text))]
    return doc


def test_wire_dateline_anchors_relative_dates_when_no_publication_date_was_decided():
    text = ("Pact signed by France and Britain\n"
            "PARIS, Aug 17, 2006 (AFP) - The interior ministers of France and Britain on Wednesday signed a text.")
    doc = _unstamped(text, "en", "PARIS")
    dates.run(doc)
    assert [(d.text, d.value) for d in doc.dates] == [("Aug 17, 2006", "2006-08-17"), ("on Wednesday", "2006-08-16")]
    assert doc.published is None  # the stage never decides the publication date


def test_caption_date_anchors_only_when_the_body_names_its_weekday():
    caption = "The minister welcomes his counterpart in Baghdad on March 19, 2023. (AFP)\n\n"
    body = "BAGHDAD, Iraq — Iran's top security official on Sunday signed a deal with Iraqi authorities."
    doc = _unstamped(caption + body, "en", "BAGHDAD")
    dates.run(doc)
    assert [(d.text, d.value) for d in doc.dates] == [("on Sunday", "2023-03-19")]
    # a caption whose weekday the body does not confirm (a stock photo) anchors nothing
    doc = _unstamped(caption + body.replace("Sunday", "Tuesday"), "en", "BAGHDAD")
    dates.run(doc)
    assert doc.dates == []


def test_caption_anchor_for_serbian_cyrillic_weekday():
    text = "Фото: Министри у Београду, 12. септембра 2025.\n\nМинистри су у петак потписали споразум."
    doc = _unstamped(text, "sr", "Министри су")
    dates.run(doc)
    assert [(d.text, d.value) for d in doc.dates] == [("у петак", "2025-09-12")]
