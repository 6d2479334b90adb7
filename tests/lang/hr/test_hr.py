from ..conftest import dyads, entity, run, speakers

TEXT = """Hrvatska i Srbija potpisale sporazum o policijskoj suradnji

ZAGREB, 12. svibnja 2024. - Ministar unutarnjih poslova Hrvatske Davor Božinović i ministar unutarnjih poslova Srbije Ivica Dačić potpisali su u utorak u Zagrebu sporazum o policijskoj suradnji u borbi protiv organiziranog kriminala i krijumčarenja droge.

"Ovim sporazumom naše policije razmjenjivat će podatke brže i učinkovitije", rekao je Božinović novinarima nakon sastanka.

Dačić je istaknuo da je suradnja dviju zemalja važna za sigurnost cijele regije.
"""


def test_croatian_article_gets_what_a_serbian_one_gets():
    r = run(TEXT)
    assert r["lang"] == "hr" and "supported" not in r
    assert entity(r, "per:bozinovic")["country"] == "HRV"
    assert entity(r, "per:dacic")["country"] == "SRB"
    # the Croatian month (lang/hr/months.tsv) on top of the Serbian grammar
    assert ("12. svibnja 2024", "2024-05-12") in {(d["text"], d["value"]) for d in r["dates"]}
    assert "per:bozinovic" in speakers(r)
    assert ("AGREE", "HRV", "SRB") in dyads(r)
    assert any("illegal_drugs" in e["contexts"] for e in r["events"])
