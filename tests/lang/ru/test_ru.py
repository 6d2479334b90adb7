from ..conftest import dyads, entity, run, speakers

TEXT = """Россия и Сербия договорились о сотрудничестве в борьбе с наркотиками

МОСКВА, 14 мая 2024 года. Министр внутренних дел России Владимир Колокольцев и министр внутренних дел Сербии Ивица Дачич подписали в Москве соглашение о сотрудничестве в борьбе с незаконным оборотом наркотиков.

«Наши ведомства будут обмениваться информацией о наркотрафике», — заявил Колокольцев журналистам после встречи.
"""


def test_russian_article_gets_entities_dates_quote_and_event():
    r = run(TEXT)
    assert (r["lang"], r["script"]) == ("ru", "Cyrl")
    assert entity(r, "per:kolokoltsev")["country"] == "RUS"
    assert entity(r, "per:dacic")["country"] == "SRB"
    assert "2024-05-14" in {d["value"] for d in r["dates"]}
    assert "per:kolokoltsev" in speakers(r)
    agree = [e for e in r["events"] if e["type"] == "AGREE"]
    assert agree and {agree[0]["source"]["country"], agree[0]["target"]["country"]} == {"RUS", "SRB"}
    assert "illegal_drugs" in agree[0]["contexts"]
