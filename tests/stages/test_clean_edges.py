"""Cleaning: the text's edges and the captions, pagers and icon runs English pages carry.

A body line dropped is worse than a boilerplate line kept: a headline closed by ";", a sentence
the scrape cut at the start or at the end, a line leading into a list at the end stay; prose that merely
starts with a photo word stays; a caption closed by a bracketed credit, a pager, an icon-font run
go."""
from __future__ import annotations

from accord.doc import Article
from accord.stages import clean

PROSE = [
    "The registered Democrat, who received death threats for the posting, provided a sworn statement to the "
    "state board of elections on Monday saying he has never committed voter fraud in any state.",
    "That culture, they said, emphasizes selling as many new accounts as possible, often at the expense of "
    "providing good service to customers who had trusted the bank for years.",
    "Debra Steger, a former Canadian negotiator at the World Trade Organization, sees a rising tendency to "
    "blame a country's economic problems on foreigners, she told reporters on Tuesday.",
]


def cleaned(text: str) -> Article:
    art = Article(text=text, source="t.txt", meta={})
    clean.run(art)
    return art


def kept(art: Article, needle: str) -> bool:
    start = art.text.index(needle)
    return art.in_body(start, start + len(needle))


def test_a_headline_closed_by_a_semicolon_is_the_title_and_stays():
    head = "Companies used Clinton fundraisers to lobby the State Department;"
    art = cleaned("\n\n".join([head, *PROSE]))
    assert kept(art, head)
    assert art.title == head


def test_a_sentence_cut_at_the_start_and_a_lead_in_at_the_end_stay():
    start = "repeatedly pledged to ban all Muslims — 1.6 billion members of an entire religion — from"
    end = "Among the donors to the Clinton foundations who used lobbyists at the Department of State:"
    art = cleaned("\n\n".join([start, *PROSE, end]))
    assert kept(art, start) and kept(art, end)


def test_prose_opening_with_a_photo_word_is_not_a_credit():
    line = "Images of the war shocked the world and changed how voters saw the conflict, polls showed."
    art = cleaned("\n\n".join([PROSE[0], line, *PROSE[1:]]))
    assert kept(art, line)


def test_captions_pagers_and_icon_runs_leave_the_body():
    caption = ("FILE - The Department of the Treasury's seal outside the Treasury Department building in "
               "Washington on May 4, 2021. (AP Photo/Patrick Semansky, File)")
    agency = "Iraq's security adviser welcomes his Iranian counterpart in Baghdad. (IRAQI SECURITY MEDIA CENTRE/AFP)"
    pager = "page 1 of 799 go to page"
    icons = "icon bookmark-bicon bookmarkicon cameraicon checkicon chevron downicon chevron lefticon"
    art = cleaned("\n\n".join(["Treasury imposes sanctions on North Korean couple", icons, caption,
                               PROSE[0], agency, PROSE[1], PROSE[2], pager]))
    for noise in (caption, agency, pager, icons):
        assert not kept(art, noise), noise
    assert all(kept(art, p) for p in PROSE)


def test_script_statements_are_neither_headlines_nor_edge_sentences():
    from accord.clean.lines import code_like, split_lines, title_shaped
    for code in ("window.googletag = window.googletag || {cmd: []};", "jQuery.noConflict();",
                 "(function(w,d,s,l,i){w[l]=w[l]||[];w[l].push({'gtm.start':", "HDN.spotim.commentCount(undefined,1);"):
        assert code_like(code), code
        assert not title_shaped(split_lines(code)[0]), code
    for prose in (PROSE[0], "Clinton walks a fine line between party line, unity;",
                  "racist, misogynist and birther who has"):
        assert not code_like(prose), prose


def test_a_closing_sentence_cut_mid_word_stays_and_a_closing_link_run_does_not_count():
    from accord.clean.guards import _cut_off
    from accord.clean.lines import split_lines
    header = ["« Croatia", "published 14 years and 7 months ago", "NO ESCAPE", "",
              "Extradition treaty may be signed by the end of June", "",
              "Croatia and Serbia could finish the treaty on extraditing those accused of some crimes within two weeks",
              "", "extradition treaty Kalinic Simovic", "extradition treaty Kalinic Simovic (Ranko Suvar/Cropix)",
              "More about", "", "Serbia", "", ",", "", "Croatia", ""]
    cut = ("Police suspect that the shots were fired by a man whom the Serbian police arrested overnight "
           "from Wednesday to Thursday near M")
    art = cleaned("\n".join(header) + "\n\n" + "\n\n".join([*PROSE, cut]))
    assert kept(art, cut)  # the second stage alone took it for page furniture
    assert all(kept(art, p) for p in PROSE)
    assert _cut_off(split_lines(cut)[0])
    for furniture in ("Home News World Business Sport Culture Science Opinion Video Weather",
                      "More from Politics about the Treaty and the Courts in Croatia (2)",
                      "Follow our full coverage of the treaty and the courts at https://www.example.com/treaty"):
        assert not _cut_off(split_lines(furniture)[0]), furniture


RU_PROSE = [
    "Министр иностранных дел заявил в понедельник, что переговоры о поставках газа продолжатся на следующей "
    "неделе в Москве, несмотря на разногласия сторон.",
    "По его словам, делегации уже согласовали большую часть документа, а оставшиеся вопросы касаются цены и "
    "сроков поставок в зимний период.",
    "Эксперты отмечают, что соглашение может быть подписано до конца года, если стороны не выдвинут новых "
    "требований в ходе встречи.",
]


def test_a_pages_script_and_data_do_not_make_its_article_foreign():
    """A scraped page's JavaScript and JSON state are Latin letters; counted by characters they
    made Latin the page's script and every Russian line "foreign"."""
    code = ['window.__INITIAL_STATE__={"version":"1.0.0","request":{"hostname":"www.example.ru","items":['
            + ",".join(f'{{"id":{i},"slug":"article-number-{i}","category":"lifestyle-and-health"}}' for i in range(300))
            + "]}}",
            "var testAd = document.createElement('div'); testAd.className = 'adsbox advertisement pub_300x250';",
            "document.body.appendChild(testAd); window.__isAdBlockEnabled = testAd.offsetHeight === 0;"]
    art = cleaned("\n".join(["Новости", *RU_PROSE, *code]))
    for line in RU_PROSE:
        assert kept(art, line[:60])
    assert not kept(art, "document.body.appendChild")
