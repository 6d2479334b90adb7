"""Who said a quote whose own clause names nobody (issue 19): the paragraph before reports it, a
title nobody was given names the official quoted just before, the reply after "the claims of X"
is the teller's, a fragment shares the cue of the next quote of its sentence, an earlier cue of
the sentence names the speaker when the last one does not, a document cue ("U saopštenju X") is
its author's; and where another party is named in between, the speaker stays unset. Texts
written for accord."""
from __future__ import annotations

from tests.stages.test_quotes_subject import parsed, quote


def test_a_quote_paragraph_without_a_cue_continues_the_report_before_it():
    text = ("Россия высылает дипломатов десяти стран, сообщает пресс-служба МИД России.\n"
            "В числе этих стран Франция и Германия. В ответ «на основании бездоказательных обвинений, российская "
            "сторона объявляет персонами нон грата соответствующее количество сотрудников».\n")
    people = {"org:mid": ("ORG", ["МИД России"], {"country": "RUS"}), "loc:fra": ("LOC", ["Франция"]),
              "loc:deu": ("LOC", ["Германия"])}
    assert quote(parsed(text, "ru", people), "на основании").speaker == "org:mid"
    # another organisation named in between competes: nobody
    text2 = text.replace("В числе этих стран", "Посольство Франции промолчало. В числе этих стран")
    people["org:emb"] = ("ORG", ["Посольство Франции"], {"country": "FRA"})
    assert quote(parsed(text2, "ru", people), "на основании").speaker is None


def test_a_title_nobody_carries_names_the_official_quoted_just_before():
    text = ("Minister Vladimir Kolokoltsev met the Interpol delegation in Moscow.\n"
            "“About 140 thousand requests pass through our bureau every year,” said Vladimir Kolokoltsev.\n"
            "The parties agreed that cooperation is important.\n"
            "The head of the Department drew attention to extraditions: “Last year alone, over 70 defendants were extradited.”\n")
    doc = parsed(text, "en", {"per:kolokoltsev": ("PER", ["Vladimir Kolokoltsev"])})
    assert quote(doc, "Last year").speaker == "per:kolokoltsev"
    text2 = text.replace("The parties agreed", "Jürgen Stock said the parties agreed")
    doc = parsed(text2, "en", {"per:kolokoltsev": ("PER", ["Vladimir Kolokoltsev"]), "per:stock": ("PER", ["Jürgen Stock"])})
    assert quote(doc, "Last year").speaker is None


def test_the_reply_after_the_claims_of_someone_is_the_tellers():
    text = ("Načelnik granične policije Milenko Božović odbacio je optužbe.\n"
            "On je to izjavio povodom tvrdnji ministra Anela Ramića da \"policija Srbije pokazuje put migrantima\". "
            "\"Apsolutno su netačne tvrdnje da Srbija migrante usmerava ka drugim zemljama.\"\n")
    doc = parsed(text, "sr", {"per:bozovic": ("PER", ["Milenko Božović"]), "per:ramic": ("PER", ["Anela Ramića"])})
    assert quote(doc, "policija Srbije").speaker == "per:ramic"
    assert quote(doc, "Apsolutno").speaker == "per:bozovic"


def test_a_fragment_shares_the_cue_after_the_next_quote_of_its_sentence():
    text = ("It comprises “coordination over the protection of common borders,” and will also see the "
            "“strengthening of cooperation in several areas of security,” the statement from the office of "
            "Prime Minister Mohammed Shia al-Sudani added.\n")
    doc = parsed(text, "en", {"per:sudani": ("PER", ["Mohammed Shia al-Sudani"])})
    assert quote(doc, "coordination").cue.text == "added"
    assert quote(doc, "strengthening").cue.text == "added"


def test_an_earlier_cue_of_the_sentence_names_the_speaker_when_the_last_does_not():
    text = "В конце мая МИД Германии пригласил посла России, и ему, как заявляли в Берлине, выразили осуждение из-за «хакерского нападения на бундестаг».\n"
    doc = parsed(text, "ru", {"org:mfa-deu": ("ORG", ["МИД Германии"], {"country": "DEU"}),
                              "loc:berlin": ("LOC", ["Берлине"], {"country": "DEU"}),
                              "loc:rus": ("LOC", ["России"], {"country": "RUS"})})
    assert quote(doc, "хакерского").speaker == "org:mfa-deu"


def test_a_statement_cue_is_its_authors_and_a_name_run_on_into_common_words_is_cut():
    text = ("Centar u Nišu je odgovorio Ambasadi SAD.\n"
            "U saopštenju Centra poseta predstavnika Ambasade SAD protumačena je kao potvrda \"apsolutne transparentnosti rada Centra\".\n")
    doc = parsed(text, "sr", {"org:centar": ("ORG", ["Centar u Nišu", "Centar", "rada Centra"]),
                              "org:miscut": ("ORG", ["Centra poseta predstavnika Ambasade SAD"]),
                              "org:embassy": ("ORG", ["Ambasadi SAD"])})
    assert quote(doc, "apsolutne").speaker == "org:centar"


def test_a_name_run_on_into_common_words_is_the_body_named_in_full_not_its_head_word():
    # the article's body 'Centar u Nišu' and its head word 'Centar' came out as two entities
    from accord.doc import Article, Entity, Span, TextSpan
    from accord.stages import quotes, sentences
    text = ("Centar u Nišu je odgovorio Ambasadi SAD. Zahtevi Centra su odbijeni.\n"
            "U saopštenju Centra poseta predstavnika Ambasade SAD protumačena je kao potvrda \"apsolutne transparentnosti\".\n")
    doc = Article(text=text, source="test.txt", lang="sr", script="Latn", body=[Span(start=0, end=len(text) - 1)])
    sentences.run(doc)

    def at(form: str, after: int = 0) -> TextSpan:
        k = text.index(form, after)
        return TextSpan(start=k, end=k + len(form), text=form)
    doc.entities += [Entity(id="org:centar-u-nisu", type="ORG", name="Centar u Nišu", mentions=[at("Centar u Nišu")]),
                     Entity(id="org:centar", type="ORG", name="Centar", mentions=[at("Centra")]),
                     Entity(id="org:miscut", type="ORG", name="Centar poseta predstavnika Ambasade SAD",
                            mentions=[at("Centra poseta predstavnika Ambasade SAD")]),
                     Entity(id="org:embassy", type="ORG", name="Ambasada SAD", mentions=[at("Ambasadi SAD")])]
    quotes.run(doc)
    assert quote(doc, "apsolutne").speaker == "org:centar-u-nisu"
