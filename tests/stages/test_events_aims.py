"""An aim, a purpose, a plot by others and a draft agreement report no act (issue 20, precision):
what a project is aimed at, what a plot was to do and an agreement still in draft did not happen
as reported events; the act reported beside them is kept."""
from __future__ import annotations

import pytest

from tests.stages.test_events_senses import triggers_of


@pytest.mark.parametrize("lang, text, word", [
    ("en", "The programme is aimed at curbing smuggling through closer customs cooperation.", "cooperation"),
    ("en", "Investigators said the men had joined a plot to bomb two trains bound for Vienna.", "bomb"),
    ("en", "Officials discussed the draft agreement on police cooperation for an hour.", "agreement"),
    ("ru", "Программа направлена на развитие сотрудничества пограничных ведомств двух стран.", "сотрудничества"),
    ("ru", "Целью фонда является оказание гуманитарной помощи жителям региона.", "помощи"),
    ("ru", "Стороны обсудили проект соглашения о реадмиссии граждан.", "соглашения"),
    ("sr", "Fond je osnovan 2015. godine, a njegov cilj je pružanje humanitarne pomoći u regionu.", "pomoći"),
    ("sr", "Projekat je usmeren na jačanje saradnje graničnih službi dve zemlje.", "saradnje"),
    ("sr", "Razgovaralo se i o nacrtu srpsko-ruskog međudržavnog sporazuma o vizama.", "sporazuma"),
])
def test_aim_plot_or_draft_is_no_act(lang, text, word):
    found = triggers_of(text, lang)
    assert not any(word in words.split() and label != "NONE" for label, words in found), found


@pytest.mark.parametrize("lang, text, label, word", [
    ("en", "The ministers signed an agreement on police cooperation in Paris.", "AGREE", "agreement"),
    ("ru", "Министры подписали соглашение о сотрудничестве в Москве.", "AGREE", "соглашение"),
    ("sr", "Ministri su potpisali sporazum o saradnji u Beogradu.", "AGREE", "sporazum"),
    ("sr", "Ministri su se sastali u Beogradu, a cilj sastanka je jačanje saradnje.", "CONSULT", "sastali"),
])
def test_the_act_beside_an_aim_is_kept(lang, text, label, word):
    found = triggers_of(text, lang)
    assert any(lab == label and word in words.split() for lab, words in found), found
