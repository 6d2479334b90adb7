"""A cue set inside the quotation marks splits one utterance into pieces of the same speaker, and a
speech verb in another branch of the sentence is not the cue of a quote that completes a different
verb (issue 19). Texts written for accord."""
from __future__ import annotations

from test_quotes_subject import parsed, quote


def test_a_dashed_cue_inside_russian_quotation_marks():
    text = ("Министр обороны Сергей Шойгу провел совещание в Москве.\n"
            "«Мы готовы к любому развитию событий, — сказал Шойгу. — Но мы надеемся на переговоры». Позже он уехал.\n")
    doc = parsed(text, "ru", {"per:shoigu": ("PER", ["Сергей Шойгу", "Шойгу"])})
    first, second = quote(doc, "Мы готовы"), quote(doc, "Но мы надеемся")
    assert first.text == "Мы готовы к любому развитию событий"  # the frame is nobody's words
    assert first.speaker == second.speaker == "per:shoigu"
    assert "сказал" not in second.text


def test_an_interrupted_quote_whose_frame_ends_with_a_comma_and_dash():
    text = ("Директор завода Иван Апраушев показал нам траншею.\n"
            "\"Траншею копали, разумеется, сами, - говорит Апраушев, - наплевал я на запреты, холода наступали\". "
            "Работы завершены.\n")
    doc = parsed(text, "ru", {"per:aprausev": ("PER", ["Иван Апраушев", "Апраушев"])})
    assert quote(doc, "Траншею копали").speaker == "per:aprausev"
    assert quote(doc, "наплевал я").speaker == "per:aprausev"


def test_serbian_cue_between_dashes_and_after_a_comma_inside_the_marks():
    text = ("Ministar Ivica Dačić sastao se sa kolegom iz Budimpešte.\n"
            "„Spremni smo – rekao je Dačić – da nastavimo pregovore sa partnerima.“ Sastanak je trajao dva sata.\n"
            "„Imamo punu podršku partnera, rekao je Dačić. Borba protiv krijumčara se nastavlja.“\n")
    doc = parsed(text, "sr", {"per:dacic": ("PER", ["Ivica Dačić", "Dačić"])})
    for prefix in ("Spremni smo", "da nastavimo", "Imamo punu", "Borba protiv"):
        assert quote(doc, prefix).speaker == "per:dacic", prefix
    assert quote(doc, "Imamo punu").text == "Imamo punu podršku partnera"


def test_a_parenthetical_word_with_no_one_named_does_not_split_a_quote():
    text = ("Жители поселка пожаловались на холод.\n"
            "«Надо, говорят, терпеть до весны, а у нас дети мерзнут», — сказала Анна Петрова.\n")
    doc = parsed(text, "ru", {"per:petrova": ("PER", ["Анна Петрова"])})
    q = quote(doc, "Надо")
    assert "терпеть" in q.text and q.speaker == "per:petrova"


def test_a_speech_verb_in_another_clause_is_not_the_cue():
    text = ("While Hillary Clinton has vowed to honor the Paris agreement and make sure the United States "
            "continues to play a leading role in combating climate change, Donald Trump has pledged to "
            "\"cancel\" the accord.\n")
    doc = parsed(text, "en", {"per:trump": ("PER", ["Donald Trump"]), "per:clinton": ("PER", ["Hillary Clinton"]),
                              "loc:us": ("LOC", ["United States"])})
    assert quote(doc, "cancel").speaker == "per:trump"


def test_a_parenthetical_cue_still_covers_its_sentence():
    text = ("Nobody got kissed, Gilberthorpe said, but Leeds was \"very much in your face\" with Trump at the time.\n")
    doc = parsed(text, "en", {"per:gil": ("PER", ["Gilberthorpe"]), "per:leeds": ("PER", ["Leeds"])})
    assert quote(doc, "very much").speaker == "per:gil"


def test_a_name_in_quotation_marks_takes_no_speaker_from_its_neighbours():
    text = ("«Японское правительство решило не отставать от других, — заявил Сергей Лавров. — Это печально».\n"
            "Напомним, в апреле смертник взорвал бомбу в вагоне метро между станциями «Сенная площадь» и "
            "«Технологический институт», погибли 16 человек.\n")
    doc = parsed(text, "ru", {"per:lavrov": ("PER", ["Сергей Лавров"])})
    assert quote(doc, "Японское").speaker == quote(doc, "Это печально").speaker == "per:lavrov"
    assert all(q.speaker is None for q in doc.quotes if q.text in ("Сенная площадь", "Технологический институт"))
