"""Quotes stage on real-style news sentences in English, Russian and Serbian (Latin and Cyrillic).

Articles are built directly with body spans and entities (as the entities/linking stages would
fill them), so these tests exercise quote detection and speaker resolution alone.
"""
from __future__ import annotations

import re

import pytest

from accord.doc import Article, Entity, Span, TextSpan
from accord.stages import quotes


def article(text: str, lang: str, people: dict[str, tuple] | None = None,
            body: list[tuple[int, int]] | None = None) -> Article:
    """An Article whose body is every non-empty line and whose entities are found by surface form."""
    doc = Article(text=text, source="test.txt", lang=lang)
    if body is None:
        doc.body = [Span(start=m.start(), end=m.end()) for m in re.finditer(r"[^\n]*\S[^\n]*", text)]
    else:
        doc.body = [Span(start=a, end=b) for a, b in body]
    for eid, (etype, forms, *extra) in (people or {}).items():
        mentions = []
        for form in forms:
            for m in re.finditer(rf"(?<!\w){re.escape(form)}(?!\w)", text):
                mentions.append(TextSpan(start=m.start(), end=m.end(), text=m.group()))
        mentions.sort(key=lambda t: t.start)
        fields = {"name": forms[0]} | (extra[0] if extra else {})  # country, sector, canonical name
        doc.entities.append(Entity(id=eid, type=etype, mentions=mentions, **fields))
    quotes.run(doc)
    for q in doc.quotes:
        assert text[q.start:q.end] == q.text
        if q.cue:
            assert text[q.cue.start:q.cue.end] == q.cue.text
        if q.speaker_span:
            assert text[q.speaker_span.start:q.speaker_span.end] == q.speaker_text
    return doc


def starting(doc: Article, prefix: str):
    found = [q for q in doc.quotes if q.text.startswith(prefix)]
    assert found, f"no quote starting {prefix!r} in {[q.text[:40] for q in doc.quotes]}"
    return found[0]


def test_english_curly_quotes_name_pronouns_and_attribution_after():
    text = (
        "The ceremony was attended by Serbian Interior Minister Nebojsa Stefanovic and Chinese Ambassador to Serbia Chen Bo.\n"
        "“By cooperating within these mixed patrols, we can receive from our Chinese colleagues help in communication,” Stefanovic said.\n"
        "He said that such patrols are important.\n"
        "“Activities like this one — that will be organized, besides Belgrade, also in Novi Sad — show the importance of security,” he concluded.\n"
        "Chen pointed out that the governments of Serbia and China decided to launch joint patrols.\n"
        "“During their time in Serbia, the Chinese policemen will engage in joint patrols,” she said.\n"
    )
    doc = article(text, "en", {"per:stefanovic": ("PER", ["Nebojsa Stefanovic", "Stefanovic"]),
                               "per:chen-bo": ("PER", ["Chen Bo", "Chen"]),
                               "loc:serbia": ("LOC", ["Serbia"])})
    assert len(doc.quotes) == 3
    q1 = starting(doc, "By cooperating")
    assert q1.speaker == "per:stefanovic" and q1.cue.text == "said"
    assert not q1.text.endswith(",")  # the comma before the closing mark is not speech
    q2 = starting(doc, "Activities like this one")
    assert q2.speaker == "per:stefanovic" and q2.speaker_text == "he" and q2.cue.text == "concluded"
    assert starting(doc, "During their time").speaker == "per:chen-bo"


def test_english_attribution_before_with_colon_and_said_name():
    text = "Speaking in Moscow, Russian President Vladimir Putin said: “We will never give up our interests.”\n"
    doc = article(text, "en", {"per:putin": ("PER", ["Vladimir Putin"])})
    q = starting(doc, "We will never")
    assert q.speaker == "per:putin" and q.text.endswith("interests.")


def test_english_multi_paragraph_quote_is_one_quote():
    text = (
        "Lavrov spoke to reporters after the talks.\n"
        "“We discussed the whole range of bilateral issues, including energy.\n"
        "“We agreed to meet again in Belgrade next year,” Lavrov said.\n"
    )
    doc = article(text, "en", {"per:lavrov": ("PER", ["Lavrov"])})
    assert len(doc.quotes) == 1
    q = doc.quotes[0]
    assert q.text.startswith("We discussed") and q.text.endswith("next year")
    assert q.speaker == "per:lavrov"


def test_russian_document_quote_and_inline_fragment():
    text = (
        "Об этом говорится в ежегодном докладе Госдепартамента США о проблемах борьбы с терроризмом.\n"
        "«Россия продолжала распространять информацию об угрозах и отвечала на запросы», — говорится в документе. "
        "В то же время в нем утверждается, что ответы России не всегда «содержательны или своевременны».\n"
    )
    doc = article(text, "ru", {"org:state-dept": ("ORG", ["Госдепартамента США"]), "loc:russia": ("LOC", ["России"])})
    q1 = starting(doc, "Россия продолжала")
    assert q1.speaker == "org:state-dept" and q1.cue.text == "говорится" and q1.style == "marks"
    q2 = starting(doc, "содержательны или своевременны")
    assert q2.speaker == "org:state-dept"


def test_russian_words_of_speaker_not_the_press_service():
    text = (
        "Министр внутренних дел Белоруссии Иван Кубраков встретился с Александром Вулиным.\n"
        "«Мы намерены и дальше развивать сотрудничество в борьбе с преступностью», — приводятся пресс-службой МВД слова Кубракова.\n"
    )
    doc = article(text, "ru", {"per:kubrakov": ("PER", ["Иван Кубраков", "Кубракова"]),
                               "per:vulin": ("PER", ["Александром Вулиным"]),
                               "org:mvd": ("ORG", ["МВД"])})
    q = starting(doc, "Мы намерены")
    assert q.speaker == "per:kubrakov"


def test_russian_dash_dialogue_resumes_after_attribution():
    text = (
        "Президент России Владимир Путин ответил на вопросы журналистов.\n"
        "— Мы никогда не отказывались от переговоров, — пояснил Путин. — Но наши интересы должны учитываться.\n"
    )
    doc = article(text, "ru", {"per:putin": ("PER", ["Владимир Путин", "Путин"])})
    q1 = starting(doc, "Мы никогда")
    assert q1.style == "dash" and q1.text.endswith("переговоров") and q1.speaker == "per:putin"
    q2 = starting(doc, "Но наши интересы")
    assert q2.speaker == "per:putin"


def test_russian_title_and_pronoun_speakers():
    text = (
        "Президент России Владимир Путин провел переговоры с Александром Вучичем.\n"
        "«Сербия — наш надежный партнер, и мы это ценим», — подчеркнул глава государства.\n"
        "«Мы продолжим работу над соглашением о свободной торговле», — добавил он.\n"
    )
    doc = article(text, "ru", {"per:putin": ("PER", ["Владимир Путин"]), "per:vucic": ("PER", ["Александром Вучичем"])})
    q1 = starting(doc, "Сербия — наш")
    assert q1.speaker == "per:putin" and q1.speaker_text == "глава государства"
    q2 = starting(doc, "Мы продолжим")
    # "он" is the most recent person named before the quote outside quotes: Vučić here, the
    # object of the first sentence; what matters is that it is a person of the article
    assert q2.speaker in {"per:putin", "per:vucic"} and q2.speaker_text == "он"


def test_serbian_latin_dash_dialogue_with_attribution_after_dash_and_comma():
    text = (
        "Ministar unutrašnjih poslova Srbije Aleksandar Vulin potpisao je protokol sa ministrom Šandorom Pinterom.\n"
        "- Policija Srbije i policija Mađarske danas su potpisali Protokol o mešovitim patrolama. Srbija nikad neće "
        "postati parking za migrante - izjavio je Vulin nakon potpisivanja Protokola.\n"
        "- Nema ništa loše u tome kada naši susedi ojačavaju svoje granice, to radimo i mi, poručio je ministar Vulin.\n"
    )
    doc = article(text, "sr", {"per:vulin": ("PER", ["Aleksandar Vulin", "Vulin"]), "per:pinter": ("PER", ["Šandorom Pinterom"])})
    q1 = starting(doc, "Policija Srbije")
    assert q1.style == "dash" and q1.text.endswith("za migrante") and q1.speaker == "per:vulin"
    assert q1.cue.text == "izjavio"
    q2 = starting(doc, "Nema ništa loše")
    assert q2.text.endswith("radimo i mi") and q2.speaker == "per:vulin"
    assert len(doc.quotes) == 2


def test_serbian_cyrillic_low_high_quotes_and_title_resolution():
    text = (
        "Министар унутрашњих послова Александар Вулин састао се са секретаром Савета безбедности Николајем Патрушевим.\n"
        "„Србија је сигуран и поуздан партнер који не заборавља своја пријатељства“, рекао је министар.\n"
    )
    doc = article(text, "sr", {"per:vulin": ("PER", ["Александар Вулин"]), "per:patrusev": ("PER", ["Николајем Патрушевим"])})
    q = starting(doc, "Србија је сигуран")
    assert q.speaker == "per:vulin" and q.speaker_text == "министар" and q.cue.text == "рекао"


def test_serbian_quote_after_sentence_naming_the_speaker_and_unclosed_at_end():
    text = (
        "Posle potpisivanja sporazuma Stefanović je rekao da je neophodna snažnija borba protiv terorizma. "
        "\"Želim da izrazim saučešće porodicama žrtava terorističkih napada u Briselu i da istaknem da smo spremni"
    )
    doc = article(text, "sr", {"per:stefanovic": ("PER", ["Stefanović"])})
    q = starting(doc, "Želim da izrazim")
    assert q.speaker == "per:stefanovic" and q.text.endswith("spremni")


def test_serbian_pro_drop_verb_gender_resolves_to_the_last_person():
    text = (
        "Premijerka Ana Brnabić obišla je radove u Nišu.\n"
        "„Ovo je najveća investicija u jugu Srbije u poslednjih deset godina“, dodala je.\n"
    )
    doc = article(text, "sr", {"per:brnabic": ("PER", ["Ana Brnabić"]), "loc:nis": ("LOC", ["Nišu"])})
    assert starting(doc, "Ovo je najveća").speaker == "per:brnabic"


def test_nested_quotes_are_inside_one_quote():
    text = "«Он назвал это „провокацией“ и покинул зал заседаний», — сказал Лавров.\n"
    doc = article(text, "ru", {"per:lavrov": ("PER", ["Лавров"])})
    assert len(doc.quotes) == 1
    assert doc.quotes[0].text == "Он назвал это „провокацией“ и покинул зал заседаний"
    assert doc.quotes[0].speaker == "per:lavrov"


@pytest.mark.parametrize("text,lang", [
    ("Об этом Лавров заявил в эфире телеканала «Россия 1» в воскресенье.\n", "ru"),
    ("Сербия участвует в инициативе «Один пояс – один путь» с 2015 года.\n", "ru"),
    ("The minister gave an interview to \"Sputnik\" on Monday.\n", "en"),
    ("Vučić je gostovao u emisiji „Ćirilica“ na televiziji Pink.\n", "sr"),
    ("Вучић је гостовао у емисији „Ћирилица“ на телевизији Пинк.\n", "sr"),
    ("The so-called “peace plan” was never published, and China’s envoy left Belgrade.\n", "en"),
])
def test_quoted_names_are_not_quotes(text, lang):
    assert article(text, lang).quotes == []


def test_quotes_in_boilerplate_are_not_the_articles_quotes():
    body = "“We will strengthen police cooperation with Serbia,” Lavrov said on Monday.\n"
    teaser = "READ MORE: “Nobody will dictate to us how to protect our borders,” says Orban\n"
    text = body + teaser
    doc = article(text, "en", {"per:lavrov": ("PER", ["Lavrov"])}, body=[(0, len(body) - 1)])
    assert [q.text for q in doc.quotes] == ["We will strengthen police cooperation with Serbia"]


def test_no_speaker_rather_than_a_wrong_one():
    text = (
        "The talks in Belgrade ended late on Tuesday.\n"
        "“We are ready to sign the agreement next month,” the minister said.\n"
        "“It is a good day for both countries,” he added.\n"
    )
    doc = article(text, "en", {"loc:belgrade": ("LOC", ["Belgrade"])})
    assert len(doc.quotes) == 2
    assert all(q.speaker is None for q in doc.quotes)
    assert starting(doc, "We are ready").speaker_text == "the minister" or starting(doc, "We are ready").speaker_text == "minister"


def test_according_to_before_and_straight_quotes():
    text = "According to Zakharova, \"Moscow will respond to any unfriendly step by the West.\"\n"
    doc = article(text, "en", {"per:zakharova": ("PER", ["Zakharova"])})
    q = starting(doc, "Moscow will respond")
    assert q.speaker == "per:zakharova"


# ---------------------------------------------------------------- organisations speak

def test_english_the_ministry_said_is_the_ministry_named_before():
    text = (
        "MOSCOW, April 25 (Reuters) - The Russian Foreign Ministry said it had summoned German Ambassador Geza Andreas "
        "von Geyr and handed him a note declaring the employees of the German embassy and consulates \"persona non grata\".\n"
        "\"The Russian side strongly protests against the groundless decision of the German authorities,\" the ministry "
        "said in a statement.\n"
        "\"We regret the decision,\" the embassy said.\n"
    )
    doc = article(text, "en", {"org:mid-rus": ("ORG", ["Russian Foreign Ministry"], {"country": "RUS", "sector": "GOV"}),
                               "per:von-geyr": ("PER", ["Geza Andreas von Geyr"], {"country": "DEU"})})
    q = starting(doc, "The Russian side")
    assert q.speaker == "org:mid-rus" and q.speaker_text == "ministry"
    # no embassy was named: no speaker rather than the ministry or the ambassador
    assert starting(doc, "We regret").speaker is None
    # a document that declares something is not the person named in the clause before it
    assert all(q.speaker != "per:von-geyr" for q in doc.quotes)


def test_russian_ministry_and_agency_nouns_resolve_to_the_organisation():
    text = (
        "Министерство иностранных дел России вызвало посла Германии.\n"
        "— Российская сторона решительно протестует против этого решения, — говорится в сообщении, которое распространило министерство.\n"
        "«Ответ будет соразмерным», — сообщило ведомство.\n"
    )
    doc = article(text, "ru", {"org:mid-rus": ("ORG", ["Министерство иностранных дел России"], {"country": "RUS", "sector": "GOV"}),
                               "loc:deu": ("LOC", ["Германии"], {"country": "DEU"})})
    assert starting(doc, "Ответ будет").speaker == "org:mid-rus"


@pytest.mark.parametrize("text", [
    "Ministarstvo spoljnih poslova Srbije uputilo je protestnu notu Prištini.\n"
    "„Ovakvi potezi ugrožavaju dijalog i mir u regionu“, saopštilo je ministarstvo.\n",
    "Министарство спољних послова Србије упутило је протестну ноту Приштини.\n"
    "„Овакви потези угрожавају дијалог и мир у региону“, саопштило је министарство.\n",
])
def test_serbian_ministry_noun_resolves_in_latin_and_cyrillic(text):
    form = text.split(" упутило")[0].split(" uputilo")[0]
    doc = article(text, "sr", {"org:msp-srb": ("ORG", [form], {"country": "SRB", "sector": "GOV"})})
    q = starting(doc, text.split("„")[1][:10])
    assert q.speaker == "org:msp-srb"


def test_russian_head_of_a_countrys_ministry_is_that_countrys_minister():
    text = (
        "Министр внутренних дел Беларуси Иван Кубраков встретился в Минске с министром внутренних дел Сербии "
        "Александром Вулиным.\n"
        "«Наши страны сталкиваются с одними и теми же угрозами: терроризм, наркотики, незаконная миграция», — заявил "
        "глава сербского МВД.\n"
    )
    doc = article(text, "ru", {"per:kubrakov": ("PER", ["Иван Кубраков"], {"country": "BLR", "name": "Ivan Kubrakov"}),
                               "per:vulin": ("PER", ["Александром Вулиным"], {"country": "SRB", "name": "Aleksandar Vulin"}),
                               "org:mup-srb": ("ORG", ["сербского МВД"], {"country": "SRB", "sector": "COP"})})
    q = starting(doc, "Наши страны")
    assert q.speaker == "per:vulin" and q.speaker_text == "глава"


def test_russian_unnamed_official_of_a_country_is_no_speaker():
    text = ("Представитель администрации США, пожелавший остаться неизвестным, назвал задержания «важным шагом» "
            "и выразил надежду на продолжение сотрудничества.\n")
    doc = article(text, "ru", {"loc:usa": ("LOC", ["США"], {"country": "USA"})})
    assert all(q.speaker is None for q in doc.quotes)


def test_russian_accusation_introduces_an_inline_quote():
    text = ("Сербский министр Ивица Дачич также заявил агентству «Sputnik», что США оказывают давление на малые государства. "
            "Он обвинил Вашингтон в том, что тот «превращает правоохранительную организацию в поле для политических игр».\n")
    doc = article(text, "ru", {"per:dacic": ("PER", ["Ивица Дачич"], {"name": "Ivica Dačić"}),
                               "loc:usa": ("LOC", ["Вашингтон", "США"], {"country": "USA"})})
    q = starting(doc, "превращает")
    assert q.speaker == "per:dacic" and q.cue.text == "обвинил"
    assert not any(q.text == "Sputnik" for q in doc.quotes)


# ---------------------------------------------------------------- gender agreement

def test_english_she_skips_a_man_named_later():
    text = (
        "Russian Foreign Ministry spokeswoman Maria Zakharova spoke after Foreign Minister Sergei Lavrov met his Serbian counterpart.\n"
        "\"This is an attempt to put pressure on Belgrade,\" she said.\n"
        "\"We will respond,\" he said.\n"
    )
    doc = article(text, "en", {"per:zakharova": ("PER", ["Maria Zakharova"], {"name": "Maria Zakharova"}),
                               "per:lavrov": ("PER", ["Sergei Lavrov"], {"name": "Sergey Lavrov"})})
    assert starting(doc, "This is an attempt").speaker == "per:zakharova"
    assert starting(doc, "We will respond").speaker == "per:lavrov"


def test_russian_feminine_verb_skips_a_man():
    text = (
        "Официальный представитель МИД России Мария Захарова прокомментировала заявление, которое сделал Сергей Лавров.\n"
        "— Это попытка давления на Белград, — сказала она.\n"
        "— Мы ответим на это решение, — добавила официальный представитель.\n"
    )
    doc = article(text, "ru", {"per:zakharova": ("PER", ["Мария Захарова"], {"name": "Maria Zakharova"}),
                               "per:lavrov": ("PER", ["Сергей Лавров"], {"name": "Sergey Lavrov"})})
    assert starting(doc, "Это попытка").speaker == "per:zakharova"
    assert starting(doc, "Мы ответим").speaker == "per:zakharova"


@pytest.mark.parametrize("text", [
    "Portparolka Marija Zaharova komentarisala je izjavu koju je dao Sergej Lavrov.\n"
    "– Ovo je pokušaj pritiska na Beograd – rekla je.\n",
    "Портпаролка Марија Захарова коментарисала је изјаву коју је дао Сергеј Лавров.\n"
    "– Ово је покушај притиска на Београд – рекла је.\n",
])
def test_serbian_feminine_verb_skips_a_man_in_latin_and_cyrillic(text):
    zak, lav = ("Marija Zaharova", "Sergej Lavrov") if "Marija" in text else ("Марија Захарова", "Сергеј Лавров")
    doc = article(text, "sr", {"per:zakharova": ("PER", [zak]), "per:lavrov": ("PER", [lav])})
    assert doc.quotes and doc.quotes[0].speaker == "per:zakharova"


# ---------------------------------------------------------------- the subject of the cue, not of its clause

def test_english_inline_quote_speaker_is_the_cue_subject_not_a_name_inside_the_reported_clause():
    text = ("Now Brazile's CNN colleague, Jake Tapper, insists Brazile's actions were \"unethical and horrifying for the network.\"\n"
            "President Barack Obama on Tuesday called on men to \"look inside themselves and think about bias\" before voting.\n")
    doc = article(text, "en", {"per:tapper": ("PER", ["Jake Tapper"]), "per:brazile": ("PER", ["Brazile"]),
                               "per:obama": ("PER", ["Barack Obama"])})
    assert starting(doc, "unethical").speaker == "per:tapper"
    q = starting(doc, "look inside")
    assert q.speaker == "per:obama" and q.speaker_text != "Tuesday"


def test_russian_inline_quote_weekday_is_no_speaker():
    text = "Министр иностранных дел Сергей Лавров в среду заявил, что санкции «не изменят курс России ни на йоту».\n"
    doc = article(text, "ru", {"per:lavrov": ("PER", ["Сергей Лавров"])})
    q = starting(doc, "не изменят")
    assert q.speaker == "per:lavrov" and q.speaker_text == "Сергей Лавров"


@pytest.mark.parametrize("text,name", [
    ("Ministar Ivica Dačić u utorak je izjavio da Srbija „neće priznati jednostrano proglašenu nezavisnost“.\n", "Ivica Dačić"),
    ("Министар Ивица Дачић у уторак је изјавио да Србија „неће признати једнострано проглашену независност“.\n", "Ивица Дачић"),
])
def test_serbian_inline_quote_weekday_is_no_speaker_latin_and_cyrillic(text, name):
    doc = article(text, "sr", {"per:dacic": ("PER", [name]), "loc:srb": ("LOC", ["Srbija", "Србија"])})
    assert doc.quotes and doc.quotes[0].speaker == "per:dacic"


@pytest.mark.parametrize("text,lang", [
    ("The ministry handed him a note declaring the employees of the German embassy and consulates \"persona non grata\".\n", "en"),
    ("МИД России объявил сотрудников посольства Германии «персонами нон грата» и дал им неделю на выезд.\n", "ru"),
    ("Ministarstvo je proglasilo nemačke diplomate za „personu non grata“ i dalo im nedelju dana da napuste zemlju.\n", "sr"),
    ("Министарство је прогласило немачке дипломате за „персону нон грата“ и дало им недељу дана да напусте земљу.\n", "sr"),
])
def test_stock_terms_in_quotation_marks_are_not_quotes(text, lang):
    assert article(text, lang).quotes == []
