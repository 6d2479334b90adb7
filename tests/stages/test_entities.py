"""Entities stage on real sentences in en, ru, sr Latin and sr Cyrillic."""
from __future__ import annotations

import re

import pytest

from accord.doc import Article, Span
from accord.lang.sr.normal_forms import normal_form
from accord.lang.sr.tokens import Tok
from accord.stages import entities, sentences


def mentions_of(text: str, lang: str, body: list[tuple[int, int]] | None = None):
    doc = Article(text=text, source="t.txt", lang=lang)
    doc.body = [Span(start=s, end=e) for s, e in body] if body is not None else \
        [Span(start=m.start(), end=m.end()) for m in re.finditer(r"[^\n]*\S[^\n]*", text)]
    sentences.run(doc)
    entities.run(doc)
    for m in doc.mentions:
        assert doc.text[m.start:m.end] == m.text
    return doc.mentions


def by_text(mentions):
    return {m.text: m for m in mentions}


def test_english_persons_places_and_article_trimmed():
    text = ("Serbian Interior Minister Nebojsa Stefanovic met the Chinese Ambassador Chen Bo in Belgrade on Monday. "
            "Stefanovic said the Ministry of Internal Affairs of the Russian Federation was also invited.")
    ms = by_text(mentions_of(text, "en"))
    assert ms["Nebojsa Stefanovic"].type == "PER"
    assert ms["Belgrade"].type == "LOC"
    assert ms["Stefanovic"].type == "PER"
    assert any(m.type == "PER" and m.text.endswith("Chen Bo") for m in ms.values())
    assert not any(t.lower().startswith("the ") for t in ms)


def test_russian_natasha_normal_forms():
    text = "Министр внутренних дел Александр Горовой встретился в Москве с Александром Вулиным."
    ms = by_text(mentions_of(text, "ru"))
    assert ms["Александром Вулиным"].type == "PER"
    assert ms["Александром Вулиным"].normal == "Александр Вулин"
    assert ms["Москве"].type == "LOC" and ms["Москве"].normal == "Москва"


def test_serbian_latin_names_and_sentence_initial_verbs():
    text = ("Ministar unutrašnjih poslova Nebojša Stefanović sastao se u Beogradu sa Šandorom Pinterom. "
            "Razgovarali su o saradnji. Dobili smo punu podršku, rekao je Pinter.")
    ms = by_text(mentions_of(text, "sr"))
    assert ms["Nebojša Stefanović"].type == "PER"
    assert ms["Šandorom Pinterom"].type == "PER"
    assert ms["Šandorom Pinterom"].normal == "Šandor Pinter"
    assert ms["Beogradu"].type == "LOC"
    assert ms["Pinter"].type == "PER"
    assert "Razgovarali" not in ms and "Dobili" not in ms


def test_serbian_cyrillic_offsets_normals_and_headline_caps():
    text = ("ВУЛИН: Сарадња са Русијом је важна\n"
            "Министар Вулин је у Москви разговарао са Николајем Патрушевим. Добили смо подршку, рекао је Вулин.")
    ms = by_text(mentions_of(text, "sr"))
    assert ms["ВУЛИН"].type == "PER"
    assert ms["Николајем Патрушевим"].normal == "Николај Патрушев"
    assert ms["Вулин"].type == "PER"
    assert ms["Москви"].type == "LOC"
    assert "Добили" not in ms and "Министар" not in ms and "Министар Вулин" not in ms


def test_serbian_organisation_runs_over_lower_case_genitives():
    text = "Kako je saopštilo Ministarstvo unutrašnjih poslova (MUP) Srbije, sastanak je održan u Vladi Srbije."
    ms = by_text(mentions_of(text, "sr"))
    org = next(m for m in ms.values() if m.text.startswith("Ministarstvo"))
    assert org.type == "ORG"
    assert org.text.endswith("Srbije")


def test_only_body_text_is_read():
    text = "Share on Facebook Vladimir Putin\nAleksandar Vulin je danas bio u Beogradu."
    ms = mentions_of(text, "sr", body=[(text.index("Aleksandar"), len(text))])
    assert all(m.start >= text.index("Aleksandar") for m in ms)
    assert any(m.text == "Aleksandar Vulin" for m in ms)


def toks(*words):
    out, pos = [], 0
    for w in words:
        out.append(Tok(start=pos, end=pos + len(w), text=w, lat=w))
        pos += len(w) + 1
    return out


def test_serbian_normal_form_agrees_adjective_with_head_noun():
    assert normal_form(toks("Ruske", "Federacije"), "LOC") == "Ruska Federacija"
    assert normal_form(toks("Ministarstva", "unutrašnjih", "poslova", "Srbije"), "ORG") == "Ministarstvo unutrašnjih poslova Srbije"
    assert normal_form(toks("MUP-a"), "ORG") == "MUP"


def _mentions(text: str, lang: str):
    import re as _re

    from accord.doc import Article, Span
    from accord.stages import entities as _entities, sentences as _sentences

    doc = Article(text=text, source="t.txt", lang=lang)
    doc.body = [Span(start=m.start(), end=m.end()) for m in _re.finditer(r"[^\n]*\S[^\n]*", text)]
    _sentences.run(doc)
    _entities.run(doc)
    return {m.text: m.type for m in doc.mentions}


def test_english_possessive_splits_owner_and_body_and_keeps_abbreviation_dots():
    got = _mentions("The operation was carried out by the Serbian Interior Ministry's Service for Combating "
                    "Organised Crime and the U.S. Drug Enforcement Administration.", "en")
    assert "Service for Combating Organised Crime" in got
    assert not any("'s" in t for t in got)
    assert any(t.startswith("U.S.") for t in got)


def test_english_all_caps_line_and_office_word():
    got = _mentions("JOHANNESBURG 1996-08-30\nInterior Minister Bratislav Gasic met police chiefs. Gasic said "
                    "the talks were useful.", "en")
    assert got.get("JOHANNESBURG") == "LOC"
    assert "Interior" not in got
    assert got.get("Gasic") == "PER"


def test_serbian_adjective_opened_name_is_no_person():
    got = _mentions("Delegacija je posetila gradove Istočne Slavonije prošle nedelje.", "sr")
    assert got.get("Istočne Slavonije") != "PER"


def test_lowercase_nationality_adjective_is_not_part_of_a_kb_name():
    got = _mentions("Akciju su sproveli policajci sa španskom Nacionalnom policijom i uz koordinaciju Evropola.", "sr")
    assert "Nacionalnom policijom" in got


def test_russian_name_with_original_spelling_in_brackets_is_two_mentions():
    got = _mentions("Журналист Джошуа Вольф (Joshua Wolf) был освобождён.", "ru")
    assert got.get("Джошуа Вольф") == "PER" and got.get("Joshua Wolf") == "PER"


# -- institution names around a head noun (accord.ner.institutions) ----------------------------
def test_russian_institution_with_genitive_owner_is_one_organisation():
    text = ("Об этом сообщили в правительстве Китая и в министерстве обороны Украины. "
            "Позже пресс-служба Кремля опровергла эти данные.")
    ms = by_text(mentions_of(text, "ru"))
    assert ms["правительстве Китая"].type == "ORG"
    assert ms["правительстве Китая"].normal == "правительство Китая"
    assert ms["министерстве обороны Украины"].normal == "министерство обороны Украины"
    assert ms["пресс-служба Кремля"].type == "ORG"
    assert "Китая" not in ms and "Украины" not in ms


def test_russian_institution_keeps_persons_and_plain_places_apart():
    text = ("В центре Москвы прошла встреча с администрацией президента Обамы. "
            "Акции телекоммуникационных фирм США упали.")
    ms = by_text(mentions_of(text, "ru"))
    assert ms["Москвы"].type == "LOC"  # 'центр' is an institution only when capitalised
    assert ms["Обамы"].type == "PER"  # a person is never swallowed by an institution
    assert ms["США"].type == "LOC"  # several firms are no one institution


def test_russian_named_body_with_descriptor_and_quotes():
    text = ("Лидер партии «Яблоко» выступил против, а компания «Газпром» промолчала. "
            "Об этом сообщило агентство «Интерфакс».")
    ms = by_text(mentions_of(text, "ru"))
    assert ms["партии «Яблоко"].type == "ORG"
    assert ms["компания «Газпром"].type == "ORG"
    assert ms["Интерфакс"].type == "ORG"  # a media outlet is named by its name alone


def test_russian_capitalised_body_with_owner_and_namesake():
    text = ("Более 40 сотрудников прошли обучение в Московском университете МВД России имени В. Я. Кикотя. "
            "Представитель японского МИДа прокомментировал решение.")
    ms = by_text(mentions_of(text, "ru"))
    uni = ms["Московском университете МВД России имени В. Я. Кикотя"]
    assert uni.type == "ORG" and uni.normal.startswith("Московский университет МВД России")
    assert ms["японского МИДа"].type == "ORG"


def test_serbian_cyrillic_institutions_with_link_words_and_country_adjectives():
    text = ("Припадници Службе за борбу против тероризма МУП Србије ухапсили су јуче двојицу мушкараца. "
            "Хапшење је уследило након размене података са аустријском Дирекцијом за државну безбедност. "
            "Аустријско министарство унутрашњих послова у среду је саопштило да је нападач осуђиван.")
    ms = by_text(mentions_of(text, "sr"))
    assert ms["Службе за борбу против тероризма"].type == "ORG"
    assert ms["МУП Србије"].type == "ORG"  # the parent body stays its own mention
    assert ms["Дирекцијом за државну безбедност"].type == "ORG"  # the adjective stays outside, a country cue
    assert ms["Аустријско министарство унутрашњих послова"].type == "ORG"


def test_serbian_institution_stops_at_a_verb_and_keeps_plural_bodies_out():
    text = ("Он је рекао да ће Беч од Европске комисије затражити новац. "
            "Сарађујемо са партнерским службама Немачке.")
    ms = by_text(mentions_of(text, "sr"))
    assert ms["Европске комисије"].type == "ORG"
    assert ms["Немачке"].type == "LOC"
    assert "u centru" not in " ".join(ms)


def test_english_descriptors_dates_and_unclosed_abbreviations_trimmed():
    text = ("Security chief Alexander Lebed's peace plan for Chechnya was rejected, Interfax news agency said. "
            "The August National Association of Purchasing Management (NAPM) index fell.")
    ms = by_text(mentions_of(text, "en"))
    assert ms["Interfax"].type == "ORG"
    assert "Interfax news agency" not in ms
    assert ms["National Association of Purchasing Management"].type == "ORG"
    assert ms["NAPM"].type == "ORG"


def test_english_company_short_form_is_the_company():
    text = ("Magna International Inc said on Tuesday its quarterly profit rose. "
            "Magna said sales of car parts were strong in Europe.")
    ms = mentions_of(text, "en")
    short = [m for m in ms if m.text == "Magna"]
    assert short and all(m.type == "ORG" for m in short)


# -- Russian NER clean-ups around natasha (accord.lang.ru.recogniser and its modules) ------------------
def test_russian_list_items_are_separate_mentions():
    got = _mentions("Участники: Сербия • Венгрия • Австрия.\nГолы забили Овечкин, Малкин и Кузнецов.", "ru")
    assert got.get("Сербия") == "LOC" and got.get("Венгрия") == "LOC" and got.get("Австрия") == "LOC"
    assert got.get("Овечкин") == "PER" and got.get("Малкин") == "PER"
    assert not any("•" in t or "," in t for t in got)


def test_russian_craft_names_domain_zone_and_common_nouns_are_no_entities():
    text = ("Шаттл «Атлантис» вернулся на Землю. После «Атлантиса» к МКС полетит корабль «Прогресс». "
            "Затем полетят корабли «Союз» (в мае) и «Дракон» (в июне). "
            "Регистрация в зоне .РФ открыта. По сообщению оппозиционных СМИ Беларуси, выборы прошли. "
            "Всё-таки Медведев приехал в Минск.")
    got = _mentions(text, "ru")
    assert not any(t.startswith(("Атлантис", "Прогресс", "Союз", "Дракон")) for t in got)
    assert got.get("МКС") == "LOC"  # the space station is a place
    assert "РФ" not in got
    assert got.get("Беларуси") == "LOC" and not any("СМИ" in t for t in got)
    assert got.get("Медведев") == "PER"


def test_russian_institution_with_coordinated_genitives_and_regional_branch():
    text = ("Доклад подготовили сотрудники Института философии и права РАН. "
            "Об этом сообщили в пресс-службе МЧС по Москве и Московской области. "
            "Руководство Грузии и руководство Google встретились в Тбилиси.")
    got = _mentions(text, "ru")
    assert got.get("Института философии и права РАН") == "ORG"
    assert got.get("пресс-службе МЧС по Москве и Московской области") == "ORG"
    assert got.get("Руководство Грузии") == "ORG"  # a country's leadership is a body
    assert got.get("Google") == "ORG" and "руководство Google" not in got  # a company's is the company


def test_russian_person_named_again_where_the_model_missed_him():
    from accord.doc import Article, Span
    from accord.lang.ru import persons
    from accord.ner.spans import make
    from accord.stages import sentences as _sentences

    text = ("Следователи допросили Виталия Калоева в понедельник. Калоев отказался от комментариев. "
            "Архиепископ Лонгин Клинский приехал в Берлин. Позже о Калоеве писали газеты.")
    doc = Article(text=text, source="t.txt", lang="ru")
    doc.body = [Span(start=0, end=len(text))]
    _sentences.run(doc)

    def at(word, type_):
        k = text.index(word)
        return make(text, k, k + len(word), type_, "natasha")

    # what the model gave: 'Калоев' untagged, 'Лонгин' a place, 'Калоеве' an organisation
    model = [at("Виталия Калоева", "PER"), at("Лонгин", "LOC"), at("Клинский", "PER"), at("Берлин", "LOC"),
             at("Калоеве", "ORG")]
    got = {m.text: m.type for m in persons.recurring_persons(doc, model)}
    assert got.get("Калоев") == "PER"  # another inflection of a person named before
    assert got.get("Лонгин Клинский") == "PER"  # a first name before a person is the person's
    assert got.get("Калоеве") == "PER"
    assert got.get("Берлин") == "LOC" and "Следователи" not in got


def test_russian_abbreviation_with_its_expansion_company_names_and_theatres():
    text = ("Список ведёт организация EURid (The European Registry of Internet Domain Names) в Брюсселе. "
            "Команда Феррари подала протест. Премьера прошла на сцене Большого театра.")
    got = _mentions(text, "ru")
    assert got.get("The European Registry of Internet Domain Names") == "ORG"
    assert any(t.endswith("EURid") for t in got) and not any("(" in t for t in got)
    assert "ORG" == (got.get("Феррари") or got.get("Команда Феррари"))
    from accord.lang.ru import persons
    assert persons.organisation_word("Феррари") and not persons.organisation_word("Путин")
    assert persons.place_word("Царицыно") and not persons.place_word("Владимир")
    assert got.get("Большого театра") == "ORG"


def test_russian_country_name_with_a_head_noun_stays_a_country():
    got = _mentions("Цены на лекарства выросли в среднем по Российской федерации на 18%.", "ru")
    assert got.get("Российской федерации") == "LOC"


def test_russian_name_particle_and_first_name_open_a_person():
    got = _mentions("Теория изложена в трудах ибн Сины и Бируни.", "ru")
    assert any(t.startswith("ибн ") and got[t] == "PER" for t in got)
    from accord.lang.ru import persons
    assert persons._first_name("Лонгин") and not persons._first_name("Москва")


def test_latin_brand_possessive_kept_in_cyrillic_text_and_dropped_in_english():
    from accord.ner.spans import make

    ru = "Картину выставил аукционный дом Christie’s, который ждёт рекордной цены."
    k = ru.index("Christie")
    assert make(ru, k, ru.index(","), "ORG", "t").text == "Christie’s"
    en = "the Ministry of the Interior's cybercrime unit"
    assert make(en, 4, en.index(" cyber"), "ORG", "t").text == "Ministry of the Interior"


def test_russian_original_latin_spelling_in_brackets_takes_the_names_type():
    from accord.doc import Mention
    from accord.lang.ru import abbreviations

    text = "Об этом пишет газета «Ла стампа» (La Stampa) со ссылкой на источники."
    k = text.index("Ла стампа")
    m = Mention(start=k, end=k + len("Ла стампа"), text="Ла стампа", type="ORG", normal="Ла стампа", source="natasha")
    got = {x.text: x.type for x in abbreviations.original_spelling(text, [m])}
    assert got == {"Ла стампа": "ORG", "La Stampa": "ORG"}


def test_russian_body_name_goes_on_after_its_owner_and_a_second_link_word():
    text = ("Вчера собрался Совет при Президенте РФ по развитию гражданского общества. "
            "Его членов утвердил Комитет при губернаторе Москвы по делам молодёжи.")
    ms = by_text(mentions_of(text, "ru"))
    assert ms["Совет при Президенте РФ по развитию гражданского общества"].type == "ORG"
    assert ms["Комитет при губернаторе Москвы по делам молодёжи"].type == "ORG"


def test_russian_subdivision_of_a_named_body_is_the_whole_name():
    text = ("Заявление сделал сопредседатель новосибирского отделения партии «Зелёный союз». "
            "Данные привёл глава отдела корпоративных продаж Google. "
            "Раньше он возглавлял отдел России в министерстве.")
    ms = by_text(mentions_of(text, "ru"))
    assert ms["новосибирского отделения партии «Зелёный союз"].type == "ORG"
    assert ms["отдела корпоративных продаж Google"].type == "ORG"
    assert not any(t.startswith("отдел") and "России" in t for t in ms)  # a desk on Russia is no body of it


def test_russian_named_heads_take_the_name_they_are_known_by():
    from accord.stages import linking

    text = ("Как сообщает сайт Vedomosti.ru, сделка закрыта. На сайте Кремля опубликован указ. "
            "Встреча прошла в книжном магазине «Буквоед» на Невском.")
    doc = Article(text=text, source="t.txt", lang="ru")
    doc.body = [Span(start=0, end=len(text))]
    sentences.run(doc)
    entities.run(doc)
    ms = by_text(doc.mentions)
    site = ms["сайт Vedomosti.ru"]
    assert site.type == "ORG" and site.normal == "Vedomosti.ru"
    assert ms["книжном магазине «Буквоед"].normal == "Буквоед"
    assert not any(t.startswith("сайте") for t in ms)  # the Kremlin's site is no body
    linking.run(doc)
    assert site.entity == "org:vedomosti-ru"


def test_russian_place_named_after_its_kind_keeps_the_name():
    from accord.stages import linking

    text = ("Туристы сплавлялись по реке Мсте, а потом добрались до города Боровичи. "
            "Груз отправили через дальневосточный порт Ванино. "
            "В городах России и на улицах Новгорода прошли акции. Боровичи и Ванино ждут туристов.")
    doc = Article(text=text, source="t.txt", lang="ru")
    doc.body = [Span(start=0, end=len(text))]
    sentences.run(doc)
    entities.run(doc)
    ms = by_text(doc.mentions)
    assert ms["реке Мсте"].type == "LOC" and ms["реке Мсте"].normal == "Мсте"  # the name's normal form
    assert ms["города Боровичи"].type == "LOC"
    assert ms["дальневосточный порт Ванино"].type == "LOC"
    assert "России" in ms and "Новгорода" in ms  # a genitive after the noun is its owner, not its name
    more = by_text(mentions_of("Делегация прибыла из автономной республики Нахичевань. "
                               "Отходы везли из промзоны «Парнас» под Петербургом.", "ru"))
    assert more["автономной республики Нахичевань"].type == "LOC"
    assert more["промзоны «Парнас"].type == "LOC"  # a «quoted» name after the noun of its kind
    linking.run(doc)
    # the same place as the name alone
    assert ms["города Боровичи"].entity == ms["Боровичи"].entity
    assert ms["дальневосточный порт Ванино"].entity == ms["Ванино"].entity


def test_russian_body_in_the_plural_and_a_cap_only_head_before_a_named_club():
    text = ("Переговоры с американскими властями затянулись. "
            "Полузащитник футбольного клуба Зенит получил травму. Акции телекоммуникационных фирм США упали.")
    ms = by_text(mentions_of(text, "ru"))
    assert ms["американскими властями"].type == "ORG"
    club = ms["футбольного клуба Зенит"]
    assert club.type == "ORG" and club.normal == "Зенит"  # known by its name
    assert ms["США"].type == "LOC"  # several firms are still no one body


def test_russian_bracketed_abbreviation_of_an_organisation_takes_its_type():
    text = ("Служба рыбного надзора Канады (DFO) закрыла промысел. Представитель DFO это подтвердил.")
    ms = mentions_of(text, "ru")
    abbr = [m for m in ms if m.text == "DFO"]
    assert len(abbr) == 2 and all(m.type == "ORG" for m in abbr)  # not a place, as the model has the first


def test_russian_capitalised_adjective_names_a_cap_only_body_and_legal_forms_alone_name_none():
    text = ("Депутаты Законодательного собрания Пермского края приняли закон. "
            "Сначала ООО выплатило долги, потом ООО «Ромашка» закрылось. "
            "Её «открыли» в мае.")
    ms = by_text(mentions_of(text, "ru"))
    assert ms["Законодательного собрания Пермского края"].type == "ORG"
    assert "ООО" not in ms  # a legal form alone is no company
    assert "Её" not in ms  # a pronoun opens no name


def test_russian_region_of_a_place_and_a_direction_adjective_belong_to_the_place():
    text = ("Шторм обрушился на Западное побережье Канады. "
            "Туристы посетили северную Италию. Граница Крыма с Россией закрыта.")
    ms = by_text(mentions_of(text, "ru"))
    assert ms["Западное побережье Канады"].type == "LOC"
    assert ms["северную Италию"].type == "LOC"
    assert "Крыма" in ms and "Россией" in ms  # no genitive: two places


def test_russian_place_descriptor_with_a_guessed_name_and_a_glued_adjective():
    from accord.lang.ru import places

    # a name pymorphy only guesses reads as indeclinable, not as a genitive owner
    assert places._known_cases("Тоттенхэм") == frozenset()
    assert "gent" in places._known_cases("Дюссельдорфа")
    text = "Самолёт сел в Вашингтонском аэропорту Даллес, а беспорядки начались в лондонском районе Кэмден."
    doc = Article(text=text, source="t.txt", lang="ru")
    doc.body = [Span(start=0, end=len(text))]
    sentences.run(doc)
    k = text.index("Вашингтонском")
    from accord.doc import Mention
    glued = Mention(start=k, end=k + len("Вашингтонском аэропорту"), text="Вашингтонском аэропорту", type="ORG",
                    normal="Вашингтонский аэропорт", source="natasha")
    n = text.index("Даллес")
    name = Mention(start=n, end=n + 6, text="Даллес", type="LOC", normal="Даллес", source="natasha")
    got = places.place_descriptors(text, [glued, name])
    assert [(m.text, m.type, m.normal) for m in got] == [("Вашингтонском аэропорту Даллес", "LOC", "Даллес")]
