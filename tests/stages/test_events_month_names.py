"""A month written as a month ("March 3", "on 3 March") is a date, not the PROTEST its lower-case
twin 'march' names (issue 20: event precision); the protest verb itself still counts."""
from __future__ import annotations

import pytest

from test_events import dyads, make

SRB = ("Serbia", "Serbia", "LOC", "SRB")
HUN = ("Hungary", "Hungary", "LOC", "HUN")


@pytest.mark.parametrize("text", [
    "BELGRADE, March 3 (Reuters) - Serbia and Hungary agreed on Tuesday to set up joint police patrols.",
    "Hungary sent 20 police officers to Serbia in March to help guard the border.",
])
def test_a_month_name_codes_no_protest(text):
    doc = make(text, "en", [SRB, HUN])
    assert dyads(doc), "the sentence's own act is still coded"
    assert not any(t == "PROTEST" for t, _, _ in dyads(doc))


def test_the_lower_case_verb_still_codes_a_protest():
    doc = make("Protesters in Serbia marched to the embassy of Hungary on Friday.", "en", [SRB, HUN])
    assert any(t == "PROTEST" for t, _, _ in dyads(doc))
