"""Serbian KB case forms of multi-word names (lang/sr/kb_forms.py): every inflecting word
declines, a coordinated name declines member by member, conjunctions stay."""
from accord.lang.sr.kb_forms import sr_inflect_phrase


def test_coordinated_place_names_decline_member_by_member():
    assert {"Bosni i Hercegovini", "Bosne i Hercegovine"} <= sr_inflect_phrase("Bosna i Hercegovina", "LOC")
    assert {"Kosova i Metohije", "Kosovu i Metohiji"} <= sr_inflect_phrase("Kosovo i Metohija", "LOC")
    assert "Autonomnoj Pokrajini Kosovu i Metohiji" in sr_inflect_phrase("Autonomna Pokrajina Kosovo i Metohija", "LOC")
    assert "Trinidadu i Tobagu" in sr_inflect_phrase("Trinidad i Tobago", "LOC")


def test_adjective_agrees_with_the_noun_after_it():
    assert "Republike Srpske" in sr_inflect_phrase("Republika Srpska", "LOC")
    # 'Vojska' is the head noun, not an adjective in -ska: the genitive owner stays
    forms = sr_inflect_phrase("Vojska Srbije", "ORG")
    assert {"Vojske Srbije", "Vojskom Srbije"} <= forms and not any("Vojskog" in f for f in forms)
    assert "Srpske napredne stranke" in sr_inflect_phrase("Srpska napredna stranka", "ORG")
    assert "Novom Sadu" in sr_inflect_phrase("Novi Sad", "LOC")


def test_feminine_i_stem_head():
    forms = sr_inflect_phrase("Moskovska oblast", "LOC")
    assert {"Moskovske oblasti", "Moskovskoj oblasti"} <= forms and "Moskovske oblast" not in forms
