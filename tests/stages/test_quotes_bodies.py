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


def test_an_office_named_by_its_holder_speaks_not_the_holder():
    text = "\"We agreed on joint patrols along the border,\" the office of Prime Minister Mohammed Shia al-Sudani said.\n"
    doc = article(text, "en", {"org:pm-office-irq": ("ORG", ["office of Prime Minister Mohammed Shia al-Sudani"]),
                               "per:al-sudani": ("PER", ["Mohammed Shia al-Sudani"])})
    assert starting(doc, "We agreed").speaker == "org:pm-office-irq"


def test_the_holder_named_alone_still_speaks():
    text = "\"We agreed on joint patrols along the border,\" Prime Minister Mohammed Shia al-Sudani said.\n"
    doc = article(text, "en", {"per:al-sudani": ("PER", ["Mohammed Shia al-Sudani"])})
    assert starting(doc, "We agreed").speaker == "per:al-sudani"


def test_a_title_inside_a_body_name_is_no_person_speaker():
    text = "«Мы договорились о совместных патрулях», — сообщила канцелярия премьер-министра Израиля.\n"
    doc = article(text, "ru", {"org:pm-office-isr": ("ORG", ["канцелярия премьер-министра Израиля"])})
    assert starting(doc, "Мы договорились").speaker == "org:pm-office-isr"
