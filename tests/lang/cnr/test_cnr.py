from ..conftest import dyads, entity, run, speakers

TEXT = """Crna Gora i Srbija potpisale memorandum o saradnji policija

PODGORICA, 20. marta 2024. - Ministar unutrašnjih poslova Crne Gore Danilo Šaranović i ministar unutrašnjih poslova Srbije Ivica Dačić potpisali su u srijedu u Podgorici memorandum o saradnji u borbi protiv organizovanog kriminala.

"Ovaj memorandum je važan korak za bezbjednost naših građana", rekao je Šaranović nakon potpisivanja.
"""


def test_montenegrin_article_given_as_cnr_gets_what_a_serbian_one_gets():
    # the language detector has no Montenegrin label (it says bs); a caller that knows says cnr
    r = run(TEXT, lang="cnr")
    assert r["lang"] == "cnr" and "supported" not in r
    assert entity(r, "per:saranovic")["country"] == "MNE"
    assert entity(r, "city:podgorica")["country"] == "MNE"
    assert "2024-03-20" in {d["value"] for d in r["dates"]}
    assert "per:saranovic" in speakers(r)
    assert ("AGREE", "MNE", "SRB") in dyads(r)


def test_montenegrin_news_detected_as_bosnian_still_gets_events():
    r = run(TEXT)
    assert r["lang"] in ("bs", "sr", "cnr")
    assert ("AGREE", "MNE", "SRB") in dyads(r)
