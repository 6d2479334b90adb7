"""Cleaning: the page-structure columns of the line model (`features._structure_features`), the
rescue of a page cleaned to no paragraph (`guards.rescued_keep`) and the one copy kept of a
paragraph printed twice (`guards.drop_later_copies`).

Why: furniture after an article is shaped like prose (comment threads, related stories), and a
rendering of a web page keeps its scripts; what gives them away is the page's structure, in any
language: comment stamps, code-shaped runs, headlines glued to their summaries, repeated share
bars around each teaser. The columns must fire on those shapes and not on the article's own
prose (a list item closing with ";", a year in a sentence). And a page where the model keeps no
paragraph of prose has failed whole: its likeliest lines are kept instead."""
from __future__ import annotations

from pathlib import Path

import numpy as np

from accord.clean import boilerplate, guards, model
from accord.doc import Article
from accord.stages import clean
from accord.stages.read import read_paths
from accord.clean.features import FEATURES, line_features

ARTICLE = [
    "Ministers of the interior of Ukraine, Poland, Lithuania, Latvia and Estonia signed a declaration "
    "on closer cooperation against organised crime on Tuesday.",
    "The declaration covers the exchange of data on smuggling routes, joint patrols on the borders and "
    "common training of investigators; it takes effect in the spring.",
    "The signatories agreed to:",
    "- share data on smuggling routes;",
    "- hold joint patrols on the borders.",
    "The next meeting will be held in Vilnius in 2020, the ministry said in a statement.",
]
# (short comments: a thread of long ones is itself the page's densest prose, which these columns
# do not yet see through: the block is found before the stamps, clean/README.md)
THREAD = [
    "10 Comments",
    "Gary M on September 17, 2018 at 8:50 pm said:",
    "Rivers is done. Time to retire.",
    "Catherine on September 19, 2018 at 12:48 pm said:",
    "His arm is a noodle at this point!",
    "Mohammad on September 29, 2018 at 12:16 am said:",
    "Great career, though.",
]
SCRIPT = [
    'document.addEventListener("DOMContentLoaded", function() {',
    "var newscript = document.createElement('script');",
    "newscript.async = true;",
    "});",
]


def _columns(lines_text: list[str]) -> tuple[list, np.ndarray]:
    with model.use(None):
        lines = boilerplate.classify("\n".join(lines_text))
    return lines, line_features(lines)


def _col(x: np.ndarray, name: str) -> np.ndarray:
    return x[:, FEATURES.index(name)]


def test_comment_stamps_after_the_article_count_and_the_article_has_none():
    lines, x = _columns(ARTICLE + THREAD)
    texts = [ln.text for ln in lines]
    stamp = _col(x, "stamp_line")
    stamped = {texts[i] for i in np.flatnonzero(stamp)}
    assert stamped == {THREAD[1], THREAD[3], THREAD[5]}
    # the last comment stands behind two stamps from the article; the article's lines behind none
    last = texts.index(THREAD[6])
    assert _col(x, "stamps_to_block")[last] > _col(x, "stamps_to_block")[texts.index(THREAD[2])] > 0
    assert not _col(x, "stamps_to_block")[: len(ARTICLE)].any()
    # a comment's text has stamps around it; the article's first line none after it within 12 lines
    assert _col(x, "prev12_stamp")[last] > 0 and _col(x, "next12_stamp")[0] < _col(x, "next12_stamp")[texts.index(THREAD[2])]


def test_code_lines_are_told_from_prose_lists():
    lines, x = _columns(ARTICLE + SCRIPT)
    code = {ln.text for ln, c in zip(lines, _col(x, "code_line")) if c}
    assert code == set(SCRIPT)  # "- share data on smuggling routes;" closes with ";" but is prose
    around = _col(x, "code_around")  # the share of code among the 5 lines either side
    assert around[[ln.text for ln in lines].index(SCRIPT[1])] > 0.4 and around[0] == 0


def test_a_headline_glued_to_its_summary_and_a_sentence_glued_to_the_next():
    teaser = ("Mayor: 'Despicable' Move For Health Benefits Won't StandWarren Mayor Jim Fouts says it was "
              "despicable and unacceptable.")
    glued = "Tape Gaffe Ends Hamlin's Title Run. Denny Hamlin's run was foiled by the tape.Denny said so."
    lines, x = _columns([teaser, glued] + ARTICLE)
    assert _col(x, "camel_joins")[0] > 0 and _col(x, "camel_joins")[2:].max() == 0
    assert _col(x, "glued_stops")[1] > 0 and _col(x, "glued_stops")[2:].max() == 0


def test_items_between_repeated_share_bars():
    share = "Whatsapp Facebook Pinterest"
    items = ["A vida requer da gente otimismo e coragem para esperar o melhor e fazer o melhor acontecer.",
             "O que une uma família é o amor, o carinho, o querer bem, a certeza de apoio e compreensão.",
             "Força para vencer e fé para acreditar que todo obstáculo pode ser vencido com paciência."]
    lines, x = _columns(ARTICLE + [share, items[0], share, items[1], share, items[2], share])
    texts = [ln.text for ln in lines]
    i = texts.index(items[1])
    assert _col(x, "repeat_prev_dist")[i] == _col(x, "repeat_next_dist")[i] == np.log1p(1) / 4
    assert _col(x, "repeat_prev_dist")[0] == np.log1p(99) / 4  # no repeated line above the article


def test_a_page_that_keeps_no_paragraph_is_rescued():
    with model.use(None):
        lines = boilerplate.classify("\n".join(["Home | News | Sport", "Skip to main content"] + ARTICLE))
    probs = np.zeros((len(lines), 3))
    probs[:, model.BOILERPLATE] = 1.0
    prose = [i for i, ln in enumerate(lines) if len(ln.text) >= 150]
    probs[prose, model.BODY], probs[prose, model.BOILERPLATE] = 0.4, 0.6  # the article, unsure
    th = {"keep": 0.6, "rescue": 0.15}
    assert guards.rescued_keep(lines, probs, th) == 0.15
    assert guards.rescued_keep(lines, probs, {"keep": 0.6}) == 0.6  # off without `rescue`
    probs[prose[0], model.BODY], probs[prose[0], model.BOILERPLATE] = 0.9, 0.1  # one paragraph kept
    assert guards.rescued_keep(lines, probs, th) == 0.6


def test_the_lead_after_the_headline_is_guarded():
    headline = "Ministers sign a declaration against organised crime"
    caption = "Ministers at the signing in Warsaw (PAP)"
    with model.use(None):
        lines = boilerplate.classify("\n".join([headline, ARTICLE[0], caption, caption] + ARTICLE[1:]))
    assert guards.lead_after(lines, lines[0]).text == ARTICLE[0]
    assert guards.lead_after(lines, None) is None
    with model.use(None):  # a date and the author's initials between: still the lead
        lines = boilerplate.classify("\n".join([headline, "05. 11. 2020. у 13:27", "Т. Ђ."] + ARTICLE))
    assert [ln.noise is not None for ln in lines[1:3]] == [True, True]
    assert guards.lead_after(lines, lines[0]).text == ARTICLE[0]
    with model.use(None):  # a short line after the headline is no lead
        lines = boilerplate.classify("\n".join([headline, caption] + ARTICLE))
    assert guards.lead_after(lines, lines[0]) is None


def test_a_paragraph_the_page_prints_twice_is_kept_once():
    """A scrape that holds the article's lead twice (a second rendering, a summary box) keeps it
    once, at its first place, with the shipped model; every other paragraph stays. Real text: a
    bundled Serbian sample, its lead repeated after the body, a short subhead before each copy."""
    path = Path(__file__).resolve().parents[2] / "samples" / "sr-latn_01_beta_dacic_faeser_migranti.txt"
    original = next(iter(read_paths([str(path)])))
    clean.run(original)
    body = [original.text[s.start:s.end] for s in original.body]
    lead = next(t for t in body if len(t) >= 150)
    subhead = "Saradnja policija"
    last = body[-1]  # the copy goes after the article's last paragraph (before any comments)
    text = original.text.replace(lead, f"{subhead}\n\n{lead}", 1).replace(last, f"{last}\n\n{subhead}\n\n{lead}", 1)
    art = clean_text(text)
    kept = [art.text[s.start:s.end] for s in art.body]
    assert kept.count(lead) == 1
    assert art.text.index(lead) == next(s.start for s in art.body if art.text[s.start:s.end] == lead)
    assert [t for t in body if t != lead] == [t for t in kept if t not in (lead, subhead)]
    lines = boilerplate.classify(text)
    assert [ln.noise for ln in lines if ln.text == lead] == [None, "repeat"]
    assert [ln.text for ln in lines if ln.noise == "repeat"] == [lead]  # not the short subhead repeated


def clean_text(text: str) -> Article:
    art = Article(text=text, source="scrape.txt", meta={})
    clean.run(art)
    return art
