from ..conftest import dyads, entity, run, speakers

TEXT = """Serbia and Hungary agree joint police patrols on the border

BELGRADE, May 14, 2024 - Serbian Interior Minister Ivica Dacic and his Hungarian counterpart Sandor Pinter signed an agreement on joint police patrols along the border in Belgrade on Tuesday, to fight migrant smuggling and organised crime.

"Our police officers will patrol together and share information every day," Dacic told reporters after the meeting.
"""


def test_english_article_gets_entities_dates_quote_and_event():
    r = run(TEXT)
    assert (r["lang"], r["script"]) == ("en", "Latn")
    assert entity(r, "per:dacic")["country"] == "SRB"
    assert entity(r, "per:pinter")["country"] == "HUN"
    assert entity(r, "city:belgrade")["country"] == "SRB"
    assert "2024-05-14" in {d["value"] for d in r["dates"]}
    assert "per:dacic" in speakers(r)
    assert ("AGREE", "SRB", "HUN") in dyads(r)
