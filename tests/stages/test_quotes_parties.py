"""Speakers named indirectly (issue 19): joint speakers, press offices and organisation nouns,
a subjectless cue with the organisation after a preposition, words read for their author (`via`),
a pronoun after the speaker is named again, the subject after its verb. Texts written for accord."""
from __future__ import annotations

from test_quotes import article, starting


def test_joint_speakers_keep_every_party_and_the_first_named_as_speaker():
    text = ("Министр Иван Петров и посол Олег Сидоров встретились в Белграде.\n"
            "Министр Иван Петров и посол Олег Сидоров заявили журналистам: «Мы договорились о совместных патрулях на границе».\n")
    doc = article(text, "ru", {"per:petrov": ("PER", ["Иван Петров"]), "per:sidorov": ("PER", ["Олег Сидоров"])})
    q = starting(doc, "Мы договорились")
    assert q.speaker == "per:petrov" and q.speakers == ["per:petrov", "per:sidorov"]


def test_joint_speakers_in_english():
    text = "John Smith and Mary Jones told reporters: \"The joint patrols will start in May and run all summer.\"\n"
    doc = article(text, "en", {"per:smith": ("PER", ["John Smith"]), "per:jones": ("PER", ["Mary Jones"])})
    q = starting(doc, "The joint patrols")
    assert q.speaker == "per:smith" and q.speakers == ["per:smith", "per:jones"]


def test_a_single_speaker_has_speakers_of_one():
    text = "\"The joint patrols will start in May and run all summer,\" John Smith said.\n"
    doc = article(text, "en", {"per:smith": ("PER", ["John Smith"])})
    q = starting(doc, "The joint patrols")
    assert q.speaker == "per:smith" and q.speakers == ["per:smith"]


def test_a_press_service_speaks_for_its_organisation():
    text = ("МИД России провел встречу с послами.\n"
            "«Сотрудничество в борьбе с преступностью будет продолжено», — сообщает пресс-служба МИД России.\n")
    doc = article(text, "ru", {"org:mid-rus": ("ORG", ["МИД России"]),
                               "org:press-mid": ("ORG", ["пресс-служба МИД России"])})
    assert starting(doc, "Сотрудничество").speaker == "org:mid-rus"


def test_a_subjectless_cue_names_the_organisation_after_its_preposition():
    text = ("Украина направила запросы в Минск.\n"
            "\"Запросы о выдаче направлены в Генеральную прокуратуру Беларуси\", - сообщили в Офисе генпрокурора.\n")
    doc = article(text, "ru", {"org:pgo-ukr": ("ORG", ["Офисе генпрокурора"])})
    assert starting(doc, "Запросы о выдаче").speaker == "org:pgo-ukr"


def test_a_bare_organisation_noun_is_the_organisation_of_its_class_named_before():
    text = ("Ambasada SAD potvrdila je posetu centru.\n"
            "\"Predstavnici su bili informisani o aktivnostima centra\", navodi se u saopštenju Ambasade.\n")
    doc = article(text, "sr", {"org:embassy-usa": ("ORG", ["Ambasada SAD"]), "org:ambasada": ("ORG", ["Ambasade"])})
    assert starting(doc, "Predstavnici su").speaker == "org:embassy-usa"


def test_words_read_for_their_author_keep_the_reader_as_via():
    text = ("Interior Minister Jan Novak could not attend the meeting.\n"
            "The minister's message, read by his deputy Petr Svoboda, says: \"We stand with our partners against smuggling.\"\n")
    doc = article(text, "en", {"per:novak": ("PER", ["Jan Novak"]), "per:svoboda": ("PER", ["Petr Svoboda"])})
    q = starting(doc, "We stand")
    assert q.via == "per:svoboda" and q.speaker in (None, "per:novak")


def test_serbian_inverted_subject_after_a_short_phrase():
    text = ("Beloruska vojska odustala je od vežbe.\n"
            "- Nismo dobili zvanične dokumente o odluci Srbije - rekao je za TASS portparol Ministarstva odbrane Igor Petrović.\n")
    doc = article(text, "sr", {"per:petrovic": ("PER", ["Igor Petrović"]), "org:tass": ("ORG", ["TASS"])})
    assert starting(doc, "Nismo dobili").speaker == "per:petrovic"


def test_serbian_subject_after_its_verb_in_a_kako_clause():
    text = ("Marko Jovanović je predsednik parlamenta.\n"
            "Kako je prilikom posete izjavio predsednik parlamenta – „Srbija želi najtešnju saradnju sa partnerima“.\n")
    doc = article(text, "sr", {"per:jovanovic": ("PER", ["Marko Jovanović"])})
    assert starting(doc, "Srbija želi").speaker_text.startswith("predsednik")  # the subject after its verb, not "prilikom posete"


def test_a_pronoun_after_the_speaker_is_named_again_stays_with_the_speaker():
    text = ("«Мы обмениваемся информацией», — сказал Иван Бортов.\n"
            "Сам Бортов еще не встречался с новым главой ведомства. Однако напомнил о переговорах с Петром Орловым. "
            "«Я надеюсь на продолжение контактов», — заключил он.\n")
    doc = article(text, "ru", {"per:bortov": ("PER", ["Иван Бортов", "Бортов"]), "per:orlov": ("PER", ["Петром Орловым"])})
    assert starting(doc, "Я надеюсь").speaker == "per:bortov"


def test_a_fragment_whose_cue_follows_later_in_its_sentence():
    text = ("МВД России подписало соглашение с партнерами.\n"
            "Об этом «важнейшем шаге в борьбе с преступностью» сообщает пресс-центр МВД России.\n")
    doc = article(text, "ru", {"org:mvd-rus": ("ORG", ["МВД России"])})
    assert starting(doc, "важнейшем шаге").speaker == "org:mvd-rus"


def test_a_colon_frame_without_a_speech_verb_names_its_speaker_by_its_opening_words():
    text = "Anna Berg, Daily Courier: \"The debate changed nothing for the undecided voters.\"\n"
    doc = article(text, "en", {"per:berg": ("PER", ["Anna Berg"])})
    assert starting(doc, "The debate").speaker == "per:berg"


def test_a_piece_after_its_speakers_attribution_continues_the_quote():
    text = ("\"It is not over by any stretch,\" Anna Berg said in an interview. \"Strange things can happen in elections.\"\n"
            "\"We stand together,\" Anna Berg said, adding, \"Our partners know that well enough by now.\"\n")
    doc = article(text, "en", {"per:berg": ("PER", ["Anna Berg"])})
    assert starting(doc, "Strange things").speaker == "per:berg"
    assert starting(doc, "Our partners").speaker == "per:berg"


def test_a_statement_without_an_author_beside_it_is_its_issuers():
    text = "Anna Berg released a statement saying she did not \"condone the remarks and cannot defend them.\"\n"
    doc = article(text, "en", {"per:berg": ("PER", ["Anna Berg"])})
    assert starting(doc, "condone").speaker == "per:berg"
