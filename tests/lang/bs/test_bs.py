from ..conftest import dyads, entity, run, speakers

TEXT = """Bosna i Hercegovina i Srbija jačaju saradnju u borbi protiv terorizma

SARAJEVO, 3. juna 2024. - Ministar sigurnosti Bosne i Hercegovine Nenad Nešić sastao se u ponedjeljak u Sarajevu sa ministrom unutrašnjih poslova Srbije Ivicom Dačićem. Dvojica ministara razgovarala su o saradnji u borbi protiv terorizma i ilegalnih migracija.

"Saradnja naših policija je na najvišem nivou i nastavit ćemo je jačati", izjavio je Nešić nakon sastanka.
"""


def test_bosnian_article_gets_what_a_serbian_one_gets():
    r = run(TEXT)
    assert r["lang"] == "bs" and "supported" not in r
    assert entity(r, "per:nesic")["country"] == "BIH"
    assert entity(r, "per:dacic")["country"] == "SRB"
    assert "2024-06-03" in {d["value"] for d in r["dates"]}
    assert "per:nesic" in speakers(r)
    assert {("CONSULT", "BIH", "SRB"), ("COOPERATE", "BIH", "SRB")} & dyads(r)
    assert any("terrorism" in e["contexts"] for e in r["events"])
