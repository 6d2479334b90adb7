"""The speaker is the cue verb's grammatical subject where the language's analyser parses (issue 19):
a participle cue takes the subject of its verb, an addressee in the dative or an instrumental
phrase next to the cue is nobody's speaker, a long inverted subject after the quote still names
the speaker, a name glued to the next word by NER is the person with that surname, and a place
after a subjectless cue speaks for its country's body named in the sentence. Texts written for accord."""
from __future__ import annotations

import re

from accord.doc import Article, Entity, Span, TextSpan
from accord.stages import quotes, sentences


def parsed(text: str, lang: str, people: dict[str, tuple] | None = None, script: str | None = None) -> Article:
    doc = Article(text=text, source="test.txt", lang=lang, script=script or ("Cyrl" if lang == "ru" else "Latn"))
    doc.body = [Span(start=m.start(), end=m.end()) for m in re.finditer(r"[^\n]*\S[^\n]*", text)]
    sentences.run(doc)
    for eid, (etype, forms, *extra) in (people or {}).items():
        mentions = [TextSpan(start=m.start(), end=m.end(), text=m.group())
                    for form in forms for m in re.finditer(rf"(?<!\w){re.escape(form)}(?!\w)", text)]
        doc.entities.append(Entity(id=eid, type=etype, mentions=sorted(mentions, key=lambda t: t.start),
                                   name=forms[0], **(extra[0] if extra else {})))
    quotes.run(doc)
    return doc


def quote(doc: Article, prefix: str):
    found = [q for q in doc.quotes if q.text.startswith(prefix)]
    assert found, [q.text[:40] for q in doc.quotes]
    return found[0]


def test_a_participle_cue_takes_the_subject_of_its_verb():
    text = ("Senator John Miller met the mayor on Monday.\n"
            "Mr. Miller has denied any wrongdoing, calling the reports of a deal \"anonymous hearsay from his rivals.\"\n")
    doc = parsed(text, "en", {"per:miller": ("PER", ["John Miller", "Miller"])})
    assert quote(doc, "anonymous hearsay").speaker == "per:miller"


def test_the_russian_dative_addressee_and_instrumental_are_not_the_speaker():
    text = ("Вернувшись в кабинет, Петров сказал Иванову: \"Ехать сегодня в министерство невозможно\".\n"
            "\"Как будет вам угодно, ваше превосходительство\", - с поклоном сказал швейцар.\n")
    doc = parsed(text, "ru", {"per:petrov": ("PER", ["Петров"]), "per:ivanov": ("PER", ["Иванову"])})
    assert quote(doc, "Ехать").speaker == "per:petrov"
    assert quote(doc, "Как будет").speaker_text == "швейцар"


def test_a_long_inverted_subject_after_the_quote():
    text = ("“I think this is a highly contested election, and it will be decided in the last days,” "
            "Trump running mate Gov. Mike Pence of Indiana told Fox News on Sunday.\n")
    doc = parsed(text, "en", {"per:pence": ("PER", ["Mike Pence"])})
    assert quote(doc, "I think").speaker == "per:pence"


def test_a_name_glued_to_the_next_word_is_the_person_with_that_surname():
    text = ("Ministar pravde Zoran Pažin sastao se sa kolegama.\n"
            "\"Ove obaveze podrazumijevaju pružanje pomoći u istrazi\", kazao je Pažin Dnevnim novinama.\n")
    doc = parsed(text, "sr", {"per:pazin": ("PER", ["Zoran Pažin"]), "per:glued": ("PER", ["Pažin Dnevnim"])})
    assert quote(doc, "Ove obaveze").speaker == "per:pazin"


def test_a_capital_after_a_subjectless_cue_speaks_for_its_countrys_body_in_the_sentence():
    text = "МИД Германии вызвал посла России: «Это хакерское нападение на бундестаг недопустимо», — заявили в Берлине.\n"
    doc = parsed(text, "ru", {"org:mfa-deu": ("ORG", ["МИД Германии"], {"country": "DEU"}),
                              "loc:berlin": ("LOC", ["Берлине"], {"country": "DEU"}),
                              "loc:rus": ("LOC", ["России"], {"country": "RUS"})})
    assert quote(doc, "Это хакерское").speaker == "org:mfa-deu"
    # no body of that country in the sentence: nobody
    doc = parsed("«Это нападение недопустимо», — заявили в Берлине.\n", "ru", {"loc:berlin": ("LOC", ["Берлине"], {"country": "DEU"})})
    assert quote(doc, "Это нападение").speaker is None


def test_a_quote_with_no_speech_verb_is_said_by_the_subject_of_the_verb_it_completes():
    text = ("Governor Anna Clark spoke in Toledo on Monday.\n"
            "Clark compared the senator to a goose, \"honking loudly on the pond while going nowhere at all.\"\n"
            "Rivera swiped at Clark in a series of posts: \"Anna Clark, always blaming others! A governor who is weak.\"\n")
    doc = parsed(text, "en", {"per:clark": ("PER", ["Anna Clark", "Clark"]), "per:rivera": ("PER", ["Rivera"])})
    assert quote(doc, "honking loudly").speaker == "per:clark"
    assert quote(doc, "Anna Clark, always").speaker == "per:rivera"


def test_a_quoted_name_or_a_thing_as_subject_gets_no_speaker():
    text = ("Новости\n"
            "Сомнения в надежности корабля возникли после неожиданного спуска корабля «Восток-12».\n"
            "Тем не менее супруга убеждена, что будущие встречи должны проходить «систематически, не реже раза в неделю и не меньше часа».\n")
    doc = parsed(text, "ru")
    assert all(q.speaker_span is None for q in doc.quotes)


def test_a_speech_noun_is_no_cue_for_the_speaker_and_junk_words_are_no_speaker():
    text = ("Robert Hale met his lawyers in Denver on Friday.\n"
            "Mr. Hale denied the existence of an F.B.I. inquiry into his firm and said that reports of one were \"an outrageous smear\" by rivals.\n"
            "Senator Mary Dunn, in an interview with CNN, blurted out, \"Oh, God,\" at the mention of Mr. Hale's name.\n")
    doc = parsed(text, "en", {"per:hale": ("PER", ["Robert Hale", "Mr. Hale", "Hale"]), "per:dunn": ("PER", ["Mary Dunn"])})
    q = quote(doc, "an outrageous smear")
    assert q.speaker == "per:hale" and q.speaker_text != "F"
    assert quote(doc, "Oh, God").speaker == "per:dunn"


def test_a_subjectless_plural_frame_continues_the_body_quoted_before():
    text = ("Новости\n"
            "\"Семи лицам объявлено о подозрении по факту участия в преступной группе\", - сообщили в Офисе генпрокурора.\n"
            "Как пояснили агентству, Украина будет просить о выдаче семи задержанных.\n"
            "\"Таким образом, украинская сторона выразила намерение требовать выдачи этих лиц для суда\".\n")
    doc = parsed(text, "ru", {"org:ofis": ("ORG", ["Офисе генпрокурора"]), "loc:ukr": ("LOC", ["Украина"])})
    assert quote(doc, "Семи лицам").speaker == "org:ofis"
    assert quote(doc, "Таким образом").speaker == "org:ofis"


def test_the_issuer_of_a_statement_and_the_subject_after_the_quote():
    text = ("Rail plans\n"
            "During her campaign, Clinton issued a statement saying she would push for \"a world leading passenger rail system.\"\n"
            "It covers \"coordination over the protection of borders,\" the statement from the office of Prime Minister Omar Haddad added.\n")
    doc = parsed(text, "en", {"per:clinton": ("PER", ["Clinton"]), "per:haddad": ("PER", ["Omar Haddad"])})
    assert quote(doc, "a world leading").speaker == "per:clinton"
    q = quote(doc, "coordination over")
    assert q.speaker_text != "It" and q.speaker != "per:clinton"
