"""Bodies as speakers (issue 19): the body a spokesperson speaks for, an office, and a quotation
opened with a curly mark and closed with a straight one. Texts written for accord."""
from __future__ import annotations

from test_quotes import article, starting


def test_a_spokesperson_no_one_is_named_as_speaks_for_the_body_beside_the_title():
    text = ("In Belgium, police arrested ten people on Monday.\n"
            "“The investigation is focused on mobile gangs,” a police spokesperson said.\n")
    doc = article(text, "en", {"org:police-bel": ("ORG", ["police"], {"country": "BEL"})})
    q = starting(doc, "The investigation")
    assert q.speaker == "org:police-bel"


def test_a_spokesperson_with_a_name_is_the_person():
    text = "“The investigation is focused on mobile gangs,” police spokesperson Jan de Vries said.\n"
    doc = article(text, "en", {"org:police-bel": ("ORG", ["police"], {"country": "BEL"}),
                               "per:de-vries": ("PER", ["Jan de Vries"])})
    assert starting(doc, "The investigation").speaker == "per:de-vries"


def test_an_office_speaks():
    text = ("Iran signed a border deal, the Iraqi prime minister’s office said.\n"
            "It comprises “coordination over the protection of common borders,” the statement from the office of "
            "Prime Minister Mohammed Shia al-Sudani added.\n")
    doc = article(text, "en", {"org:pm-office-irq": ("ORG", ["Iraqi prime minister’s office",
                                                             "office of Prime Minister Mohammed Shia al-Sudani"]),
                               "per:al-sudani": ("PER", ["Mohammed Shia al-Sudani"])})
    assert starting(doc, "coordination over").speaker == "org:pm-office-irq"


def test_a_curly_quote_closed_with_a_straight_mark_ends_there():
    text = ("“The investigation is focused on mobile gangs,\" a police spokesperson told reporters. "
            "They often disappear quickly over the border.\n")
    doc = article(text, "en")
    q = starting(doc, "The investigation")
    assert q.text.endswith("mobile gangs,") or q.text.endswith("mobile gangs")
