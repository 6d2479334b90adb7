import pytest

from ..conftest import dyads, entity, run, speakers

LATIN = """Srbija i Mađarska potpisale sporazum o zajedničkim patrolama

BEOGRAD, 14. maja 2024. - Ministar unutrašnjih poslova Srbije Ivica Dačić i ministar unutrašnjih poslova Mađarske Šandor Pinter potpisali su u utorak u Beogradu sporazum o zajedničkim policijskim patrolama na granici, u borbi protiv krijumčarenja migranata.

"Naši policajci će zajedno patrolirati i svakodnevno razmenjivati informacije", rekao je Dačić novinarima posle sastanka.
"""
CYRILLIC = """Србија и Мађарска потписале споразум о заједничким патролама

БЕОГРАД, 14. маја 2024. - Министар унутрашњих послова Србије Ивица Дачић и министар унутрашњих послова Мађарске Шандор Пинтер потписали су у уторак у Београду споразум о заједничким полицијским патролама на граници, у борби против кријумчарења миграната.

"Наши полицајци ће заједно патролирати и свакодневно размењивати информације", рекао је Дачић новинарима после састанка.
"""


@pytest.mark.parametrize("text,script", [(LATIN, "Latn"), (CYRILLIC, "Cyrl")])
def test_serbian_article_gets_the_same_in_both_scripts(text, script):
    r = run(text)
    assert (r["lang"], r["script"]) == ("sr", script)
    assert entity(r, "per:dacic")["country"] == "SRB"
    assert entity(r, "per:pinter")["country"] == "HUN"
    assert entity(r, "city:belgrade")["country"] == "SRB"
    assert "2024-05-14" in {d["value"] for d in r["dates"]}
    assert "per:dacic" in speakers(r)
    assert ("AGREE", "SRB", "HUN") in dyads(r)
