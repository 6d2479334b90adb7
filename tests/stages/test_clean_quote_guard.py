"""Cleaning: a reported utterance with its speech cue is the article's (`guards.quoted_speech`).

The line model reads shapes: a short dialogue line or a long quote closed by a bracketed
citation looks to it like a caption. A complete quote in any script's marks with a speech cue
of a language outside it, going on from an article line, stays; a name in quotes, a headline
quoting someone, and a teaser after page furniture do not count."""
from __future__ import annotations

import numpy as np

from accord.clean import boilerplate
from accord.clean.guards import quoted_speech
from accord.clean.lines import split_lines
from accord.doc import Article
from accord.stages import clean

PROSE = [
    "Students at the university were divided over the election, and several campus groups held "
    "debates on Tuesday evening that drew hundreds of people to the main hall.",
    "The chairman of the Republican club, a junior from Ohio, said the group would not endorse any "
    "candidate this year after a vote among its members last week.",
    "Others said they would vote for a third-party candidate or stay home, citing what they called "
    "the worst choice in a generation, and organisers expect a low turnout.",
]


def line(text: str):
    return split_lines(text)[0]


def test_utterances_with_a_cue_in_any_script_count():
    assert quoted_speech(line('"I abstain," McClendon said.'))
    assert quoted_speech(line("«Мы не отступим от своих обязательств», — заявил министр журналистам."))
    assert quoted_speech(line("„Nećemo odustati od dogovora“, rekao je ministar novinarima."))
    assert quoted_speech(line("„Нећемо одустати од договора“, рекао је министар новинарима."))
    assert quoted_speech(line("Clinton said, “When I was a Senator from New York, I worked with many people.” "
                              "[Remarks in San Diego, 9/04/14.]"))


def test_names_in_quotes_headlines_and_uncued_quotes_do_not():
    assert not quoted_speech(line("Партия «Единая Россия» заявила о новом списке кандидатов."))
    assert not quoted_speech(line("NFL says it is “disappointed” Colin Kaepernick “did not appear”"))
    assert not quoted_speech(line('The film "A Very Long Engagement" opens in cinemas on Friday.'))


class Doubtful:
    """A line model that takes every line with quote marks for furniture (as the shipped one,
    reading shapes, did with a dialogue line and a quote closed by a citation)."""
    thresholds = {"keep": 0.6}

    def __init__(self, lines):
        self.lines = lines

    def predict(self, features, first_only=False):
        rows = []
        for ln in self.lines:
            if ln.text.startswith("Share"):
                rows.append([0.05, 0.95, 0.0])  # a share bar: surely furniture
            elif any(c in ln.text for c in '"“«„'):
                rows.append([0.4, 0.6, 0.0])
            else:
                rows.append([0.9, 0.1, 0.0])
        return np.array(rows)


def decided(text: str) -> dict[str, bool]:
    lines = split_lines(text)
    for ln in lines:
        ln.extra["chars"] = None
    boilerplate.apply_model(lines, Doubtful(lines))
    return {ln.text: ln.noise is None for ln in lines}


def test_a_dialogue_line_after_article_text_stays_and_a_quoting_teaser_after_furniture_goes(monkeypatch):
    monkeypatch.setattr(boilerplate, "line_features", lambda lines: None)
    quote = '"I abstain," McClendon said.'
    teaser = "Google’s head of philanthropy says the tech giant is having “a lot of conversations” internally."
    kept = decided("\n\n".join([PROSE[0], quote, PROSE[1], "Share this article", teaser, PROSE[2]]))
    assert kept[quote] and kept[PROSE[1]]
    assert not kept[teaser]
    # a text the page repeats (a second rendering of a paragraph) gets no guard
    kept = decided("\n\n".join([PROSE[0], quote, PROSE[1], quote]))
    assert not kept[quote]


def test_the_guard_keeps_a_quote_in_a_real_pipeline_run():
    quote = '"I abstain," McClendon said.'
    art = Article(text="\n\n".join([PROSE[0], quote, *PROSE[1:]]), source="t.txt", meta={})
    clean.run(art)
    start = art.text.index(quote)
    assert art.in_body(start, start + len(quote))
