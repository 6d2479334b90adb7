"""Cleaning: scraping noise leaves the body, prose stays; title, outlet, publication date."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from accord.doc import Article
from accord.stages import clean

CASES = Path(__file__).resolve().parents[1] / "cases"


def cleaned(text: str, **meta) -> Article:
    art = Article(text=text, source="t.txt", meta=meta)
    clean.run(art)
    return art


def in_body(art: Article, needle: str) -> bool:
    start = art.text.index(needle)
    return art.in_body(start, start + len(needle))


def outside_body(art: Article, needle: str) -> bool:
    start = art.text.index(needle)
    end = start + len(needle)
    return not any(b.start < end and start < b.end for b in art.body)


def case(name: str) -> Article:
    return cleaned((CASES / name).read_text(encoding="utf-8"))


@pytest.mark.parametrize("name,noise,prose", [
    ("ru_noisy_ria_style.txt",
     ["Главная / Политика / В мире", "Войти", "12:45 15.03.2021", "1 234 просмотра", "© AFP 2019 / Сергей Иванов",
      "Читайте также:", "Колокольцев и Караев обсудили охрану границы", "Подписывайтесь на наш Telegram-канал",
      "Источник: ria.ru", "Facebook Вконтакте Телеграм", "Оставьте ответ", "Обязательные поля помечены",
      "семнадцать − 7 =", "Опять одни обещания"],
     ["МОСКВА, 15 мар — РИА Новости. Министры", "«Мы будем обмениваться данными", "По словам белорусского министра"]),
    ("sr_latn_noisy_portal.txt",
     ["Početna / Vesti / Politika", "Newsfeed", "Autor: M. Petrović", "31. jul 2016. 10:15", "Foto: Tanjug/ Miloš Milivojević",
      "Pročitajte još", "VUČIĆ U MOSKVI: Potpisano osam sporazuma", "Podeli", "Facebook Twitter Viber", "1.234 pregleda",
      "#Ivica Dačić", "Vaš komentar", "Odlična vest, samo napred!"],
     ["BEOGRAD (Tanjug) – Ministar spoljnih", "\"Srbija ceni podršku", "Lavrov je naveo"]),
    ("sr_cyrl_noisy_portal.txt",
     ["НАСЛОВНА > ВЕСТИ > ПОЛИТИКА", "Среда, 12. октобар 2022. у 09:30", "Фото: МУП Србије", "Izaberite jezik: Latinica | English",
      "ПРОЧИТАЈТЕ ЈОШ:", "Дачић: Србија поштује међународно право", "Извор: Танјуг", "Коментари", "Браво министре!"],
     ["Министар унутрашњих послова Србије Александар Вулин састао", "„Србија неће увести санкције", "Колокољцев је изјавио"]),
    ("en_noisy_wire.txt",
     ["Home > World > Europe", "By John Smith", "Published: March 3, 2022 10:15 GMT", "Updated 1 hour ago", "Share this article",
      "REUTERS/Marko Djurica", "Read also: Serbia signs security pact with Hungary", "(Reporting by Ivan Petrov",
      "© 2022 Reuters. All rights reserved.", "Leave a Reply", "Your email address will not be published"],
     ["MOSCOW, March 3 (Reuters) - Russia and Serbia", "\"We will continue to work together", "The agreement covers 2022 and 2023"]),
])
def test_noise_leaves_the_body_and_prose_stays(name, noise, prose):
    art = case(name)
    for n in noise:
        assert outside_body(art, n), f"noise kept in body: {n!r}"
    for p in prose:
        assert in_body(art, p), f"prose lost: {p!r}"


@pytest.mark.parametrize("name,title,outlet,published", [
    ("ru_noisy_ria_style.txt", "МВД России и Белоруссии договорились о совместной борьбе с киберпреступностью", "ria.ru", "2021-03-15"),
    ("sr_latn_noisy_portal.txt", "Dačić i Lavrov o saradnji u borbi protiv terorizma", "Tanjug", "2016-07-31"),
    ("sr_cyrl_noisy_portal.txt", "Вулин и Колокољцев: Полиције Србије и Русије настављају заједничке вежбе", "Танјуг", "2022-10-12"),
    ("en_noisy_wire.txt", "Russia and Serbia agree to expand police cooperation", "Reuters", "2022-03-03"),
    ("hr_ijekavian_hina.txt", "Hrvatska i Srbija razgovarale o suradnji policija", "Hina", None),
    ("bs_ijekavian_fena.txt", "Ministri sigurnosti BiH i Srbije o saradnji u borbi protiv terorizma", None, None),
])
def test_title_outlet_and_stated_publication_date(name, title, outlet, published):
    art = case(name)
    assert art.title == title
    assert art.text[art.title_span.start:art.title_span.end] == title
    assert in_body(art, title)  # the title is part of the body
    assert art.outlet == outlet
    assert art.published == published
    if published:
        s = art.published_span
        assert outside_body(art, art.text[s.start:s.end])


@pytest.mark.parametrize("text,agency", [
    ("GROZNY (Sputnik) — Head of Chechnya Ramzan Kadyrov met the Serbian interior minister on Monday to discuss the training of police units and joint counter-terrorism drills.", "Sputnik"),
    ("BELGRADE, Sept. 28 (Xinhua) -- Chinese policemen started their second month-long joint patrol mission with local police officers in Serbia's major cities on Thursday.", "Xinhua"),
    ("МОСКВА, 3 июня. /ТАСС/. Госдепартамент США опубликовал ежегодный доклад о борьбе с терроризмом, в котором отмечается сотрудничество с ФСБ.", "ТАСС"),
    ("БЕОГРАД (Танјуг) – Министар унутрашњих послова Србије састао се данас са амбасадором Руске Федерације у Београду и разговарао о сарадњи.", "Танјуг"),
])
def test_dateline_agency_is_the_outlet(text, agency):
    assert cleaned("Naslov vesti o saradnji policija\n\n" + text).outlet == agency


def test_stamp_with_outlet_name_and_rubric():
    art = cleaned("Вулин и Пинтер: Заједничке патроле штите границу\nРТС 15.10.2021\n\n" + "Министри унутрашњих послова Србије и Мађарске истакли су данас да су заједничке патроле доказ добрих односа два народа и држава." * 2)
    assert art.outlet == "РТС" and art.published == "2021-10-15"
    art = cleaned("3 июня 2016, 08:37 Политика\n\nГосдеп рассказал о сотрудничестве с ФСБ и СКР\n\n" + "Россия продолжает сотрудничать со спецслужбами США в сфере борьбы с терроризмом, предоставляя Вашингтону необходимую информацию. " * 2)
    assert art.published == "2016-06-03" and art.outlet is None
    assert outside_body(art, "Политика") and art.title == "Госдеп рассказал о сотрудничестве с ФСБ и СКР"


def test_labelled_stamp_prefix_is_cut_from_a_prose_line():
    text = "date 2019-09-19 BELGRADE (Xinhua) — The first joint patrol of Chinese and Serbian policemen was presented to the public in downtown Belgrade on Wednesday."
    art = cleaned(text)
    assert art.published == "2019-09-19" and art.outlet == "Xinhua"
    assert outside_body(art, "date 2019-09-19") and in_body(art, "BELGRADE (Xinhua) — The first joint patrol")
    assert art.title is None  # a prose first line is no headline


@pytest.mark.parametrize("text", [
    "Srbija i Rusija potpisale sporazum o saradnji policija\n\nFoto: © AFP 2023 / Ivan Sekretarev\n\nMinistri su u Moskvi potpisali sporazum koji predviđa zajedničke obuke u 2024. godini, a prvi kurs počinje 2019. u Nišu, rekao je ministar.",
    "Police chiefs meet in Belgrade\n\nA police officer on duty in Belgrade, Serbia, Sept. 28, 2023. (Photo by Wang Wei/Xinhua)\n\nThe interior ministers of the two countries agreed on joint training in 2018, the ministry said in a statement published after the talks.",
    "Встреча министров в Москве\n\n© Reuters 12.05.2020\n\nФото: ТАСС 11.05.2020\n\nМинистры обсудили сотрудничество в 2021 году и подписали план совместных мероприятий, сообщили в пресс-службе ведомства.",
])
def test_no_false_publication_date_from_photo_credits_or_story_years(text):
    art = cleaned(text)
    assert art.published is None


def test_metadata_wins_for_title_outlet_and_date():
    text = "Vulin u Moskvi\n\nIzvor: Tanjug\n\nMinistar unutrašnjih poslova Srbije Aleksandar Vulin boravi u dvodnevnoj poseti Moskvi, gde će razgovarati o saradnji."
    art = cleaned(text, title="Vulin u Moskvi", outlet="Politika", published="2022-08-23T10:00:00")
    assert (art.title, art.outlet, art.published) == ("Vulin u Moskvi", "Politika", "2022-08-23")
    assert art.text[art.title_span.start:art.title_span.end] == "Vulin u Moskvi"


def test_teasers_after_a_lone_label_stop_at_prose():
    text = ("Naslov o saradnji policija Srbije i Mađarske\n\n" + "Ministri su danas potpisali protokol o mešovitim patrolama duž zajedničke granice dve zemlje, saopštilo je ministarstvo. " * 2
            + "\nPročitajte još:\nOrban u Beogradu\nNova granična ograda\n" + "Vulin je rekao da će patrole početi sledeće nedelje i da će trajati do kraja godine, a prve rezultate očekuje uskoro.")
    art = cleaned(text)
    assert outside_body(art, "Orban u Beogradu") and outside_body(art, "Nova granična ograda")
    assert in_body(art, "Vulin je rekao da će patrole")


def test_one_line_text_keeps_its_body():
    art = cleaned("Putin met Vučić")
    assert art.body and art.text[art.body[0].start:art.body[0].end] == "Putin met Vučić"


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab Вуч\n\r\t.:—/#©0123456789()-=Ђ\u00a0\u200b|»")), max_size=400))
def test_body_spans_are_ordered_valid_offsets_on_any_text(text):
    art = Article(text=text, source="fuzz.txt")
    clean.run(art)
    last = 0
    for b in art.body:
        assert last <= b.start < b.end <= len(text)
        assert text[b.start:b.end].strip() == text[b.start:b.end]
        last = b.end
    if art.title_span:
        assert text[art.title_span.start:art.title_span.end] == art.title
    if art.published_span:
        assert art.published and len(art.published) == 10


def test_in_blank_line_layout_a_teaser_block_runs_to_the_blank_line():
    prose = "Ministri su danas potpisali protokol o mešovitim patrolama duž zajedničke granice dve zemlje, saopštilo je ministarstvo."
    text = (f"Naslov o saradnji policija Srbije i Mađarske\n\n{prose}\n\n{prose}\n\nPročitajte još:\nOrban u Beogradu\n"
            "\"Nećemo primiti nijednog migranta\", rekao je premijer.\n\n"
            "Vulin je rekao da će patrole početi sledeće nedelje.\n\nKraj izveštaja o sastanku dve vlade u Budimpešti.")
    art = cleaned(text)
    assert outside_body(art, "Orban u Beogradu") and outside_body(art, "Nećemo primiti nijednog migranta")
    assert in_body(art, "Vulin je rekao da će patrole") and in_body(art, "Kraj izveštaja")


_PROSE_SR = ("Ministri unutrašnjih poslova dve zemlje razgovarali su danas o saradnji policija u borbi "
             "protiv organizovanog kriminala i krijumčarenja ljudi na zajedničkoj granici.")
_PROSE_EN = ("Interior ministers of the two countries agreed on Tuesday to set up joint patrols on the border "
             "and to share data on smuggling networks, officials said after the talks.")
_PROSE_RU = ("Министры внутренних дел двух стран договорились о совместном патрулировании границы и обмене "
             "данными о каналах контрабанды, сообщили в пресс-службе ведомства.")


@pytest.mark.parametrize("text,outlet", [
    # a credit after the stamp's digits
    ("Украина запросит выдачу задержанных\n\n18:10 31.07.2020 Источник: Интерфакс\n\n" + _PROSE_RU, "Интерфакс"),
    # a parenthesised dateline: the agency last
    ("Россия высылает дипломатов\n\n(Казань, 30 марта, «Татар-информ»). " + _PROSE_RU, "Татар-информ"),
    # an upper-case dateline: CITY. AGENCY, then the prose
    ("Security councils meet in Astana\n\nASTANA. KAZINFORM " + _PROSE_EN, "KAZINFORM"),
    # the agency after the author's comma
    ("Border committee gets new equipment\n\nBy Ivan Ivanov, BelaPAN\n\n" + _PROSE_EN, "BelaPAN"),
    # a credit in parentheses closing the article
    ("Mađarska policija na granici\n\n" + _PROSE_SR + "\n\n" + _PROSE_SR + "\n\n(Telegraf.rs)", "Telegraf.rs"),
    # the name before a stamp keeps its digits
    ("Božović: MUP ne usmerava migrante\n\nN1 Info 20.06.2018  |  Beta\n\n" + _PROSE_SR, "N1 Info"),
    # a name before a date closing a header line, menu words dropped
    ("China takes initiative in drug control\n\n0 Comment(s)Print E-mail Xinhua, June 24, 2016\n\n" + _PROSE_EN, "Xinhua"),
    # a site name on its own line beside the title (not all words capitalised: not an author)
    ("Новости онлајн\n\nСарадња полиција две земље\n\n" + _PROSE_RU, "Новости онлајн"),
])
def test_outlet_from_news_conventions(text, outlet):
    assert cleaned(text).outlet == outlet


@pytest.mark.parametrize("text", [
    "Saradnja policija\n\nPetar Petrović\n\n12.10.2022.\n\n" + _PROSE_SR,  # an author beside the stamp
    "Хроника\n\nСарадња полиција две земље\n\n" + _PROSE_RU,  # a section label beside the title
    "Сотрудничество полиций\n\nВойти | Регистрация\n\n" + _PROSE_RU,  # a menu beside the title
])
def test_no_outlet_from_an_author_a_section_label_or_a_menu(text):
    assert cleaned(text).outlet is None


def test_the_learned_model_ships_and_decides_with_the_rules_as_features():
    from accord.clean import boilerplate, model
    from accord.clean.features import FEATURES
    learned = model.current()
    assert learned is not None and tuple(learned.data["features"]) == FEATURES
    text = ("Home  News  World  Sport\nSerbia and Hungary agree on joint border patrols\n\n" + _PROSE_EN + "\n\n"
            + _PROSE_EN + "\n\nMost read\nFootball club signs new coach after defeat\nStorm hits the coast overnight\n"
            "Leave a comment\nLog in to comment")
    lines = boilerplate.classify(text)
    kept = [ln.text for ln in boilerplate.kept_lines(lines)]
    assert _PROSE_EN in kept and "Home  News  World  Sport" not in kept and "Log in to comment" not in kept
    assert all(ln.extra["p"].shape == (3,) for ln in lines)
    with model.use(None):  # the rules alone still run (no model: the old decision)
        assert all("p" not in ln.extra for ln in boilerplate.classify(text))


def test_an_extractors_article_keeps_its_prose():
    text = "Serbia and Hungary agree on joint border patrols\n\n" + _PROSE_EN + "\n\nThe talks were short.\n\n" + _PROSE_EN
    art = Article(text=text, source="page.html", meta={})
    clean.run(art)
    assert in_body(art, "The talks were short.")


_EXTRACTED = ("Serbia and Hungary agree on joint border patrols\n\n" + _PROSE_EN + "\n\nWhat the agreement covers:\n\n"
              "Joint patrols\n\nShared radar data\n\n" + _PROSE_EN + "\n\nMORE FROM WORLD NEWS\n\nShare this article\n\n"
              "Facebook Twitter Email\n\nMost read: Ten photos of the floods in Bosnia")
_FURNITURE = ("MORE FROM WORLD NEWS", "Share this article", "Facebook Twitter Email",
              "Most read: Ten photos of the floods in Bosnia")


def test_on_an_extractors_article_a_line_goes_when_its_stricter_pass_and_the_model_agree():
    """trafilatura's article with its favor_precision pass beside it: the share bar that pass
    left out goes (the model agrees); the article's own list ("Joint patrols", a two-word label
    to the rules, furniture to the model) stays, since the stricter pass kept it."""
    precise = "\n".join(ln for ln in _EXTRACTED.split("\n\n") if ln not in _FURNITURE)
    art = Article(text=_EXTRACTED, source="page.html", meta={"extractor": "trafilatura", "extractor_precise": precise})
    clean.run(art)
    assert in_body(art, "Joint patrols") and in_body(art, "Shared radar data") and in_body(art, "What the agreement covers:")
    assert all(outside_body(art, ln) for ln in _FURNITURE)


def test_without_a_stricter_pass_only_teasers_leave_an_extractors_article():
    art = Article(text=_EXTRACTED, source="page.html", meta={"extractor": "trafilatura"})
    clean.run(art)
    assert in_body(art, "Joint patrols") and in_body(art, "Share this article")
    assert outside_body(art, "MORE FROM WORLD NEWS") and outside_body(art, "Most read: Ten photos of the floods in Bosnia")


def test_the_shipped_trees_walk_as_their_arrays_say():
    """The numpy walk (every line through every tree at once) gives what a plain walk of each
    tree gives, for both stages: the arrays are the model, not a copy of scikit-learn's internals."""
    import numpy as np

    from accord.clean import model
    learned = model.current()
    assert learned.second is not None  # the shipped model has its second stage (context.py)
    rng = np.random.default_rng(0)
    for stage, trees in ((learned.data, learned.first), (learned.data["second"], learned.second)):
        x = rng.random((20, len(stage["features"]))) * 2 - 0.5
        expected = np.tile(np.asarray(stage["baseline"]), (len(x), 1))
        for t, tree in enumerate(stage["trees"]):
            for i, row in enumerate(x):
                node = 0
                while tree["threshold"][node] is not None:
                    node = tree["left"][node] if row[tree["feature"][node]] <= tree["threshold"][node] else tree["right"][node]
                expected[i, t % len(learned.classes)] += tree["value"][node]
        assert np.allclose(trees.raw(x, len(learned.classes)), expected)


def test_the_second_stage_reads_the_first_stages_opinion_of_the_page():
    """Related stories after the article are shaped like prose (a headline, a summary
    sentence); what tells them apart is where they stand relative to what the first stage keeps."""
    import numpy as np

    from accord.clean.context import CONTEXT, context_features
    from accord.clean.features import FEATURES
    rows = np.zeros((6, len(FEATURES)))
    rows[:, FEATURES.index("log_chars")] = np.log1p([20, 400, 400, 10, 120, 120]) / 6
    probs = np.asarray([[0, 1, 0], [1, 0, 0], [1, 0, 0], [0, 1, 0], [0.5, 0.5, 0], [0.5, 0.5, 0]], dtype=float)
    ctx = context_features(rows, probs)
    col = {name: i for i, name in enumerate(CONTEXT)}
    assert ctx.shape == (6, len(CONTEXT))
    assert list(ctx[:, col["in_kept_run"]]) == [0, 1, 1, 0, 0, 0]
    assert ctx[4, col["sure_drops_between"]] > 0 and ctx[1, col["sure_drops_between"]] == 0
    assert ctx[0, col["p_max_after"]] == 1 and ctx[5, col["p_max_after"]] == 0


def test_a_hard_wrapped_paragraph_stays_whole():
    """Scraped text wrapped at a fixed width: every fragment of a kept paragraph is body."""
    para = ("Interior ministers of the two countries agreed on Tuesday to set up\njoint patrols on the border "
            "and to share data on\nsmuggling networks, officials said after the talks in\nBelgrade, which lasted "
            "two days.")
    text = "Serbia and Hungary agree on joint border patrols\n\n" + para + "\n\n" + para.replace("Tuesday", "Monday")
    art = cleaned(text)
    for fragment in ("joint patrols on the border", "smuggling networks, officials said", "Belgrade, which lasted"):
        assert in_body(art, fragment), fragment
