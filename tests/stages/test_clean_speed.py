"""Cleaning: the fast paths give what the plain per-character and per-pattern checks give.

The character classes of a page's lines are counted at once from a table (`chars.py`), a photo
word closing a line is matched on the reversed line, a link is looked for only where a link's
mark stands: each must decide exactly as the slow form did, on every script."""
from __future__ import annotations

from accord.clean import boilerplate, chars
from accord.clean.lexicon import lexicon
from accord.clean.lines import script_counts

TEXTS = [
    "Министар Александар Вулин (Фото: Танјуг) 12.05.2020.",
    "Predsjednik Vlade RH, izjavio je u utorak, 17:45 — ĐAK, ŠUMA, čađ. Foto: Hina",
    "The U.S. Treasury said on Monday it was imposing sanctions; ² ½ Ⅻ İstanbul ſ",
    "emoji 😀 and 𝐌𝐚𝐭𝐡 bold, CJK 漢字 かな ﬁ ligature ß ẞ", "", "   \u2009\u00a0", "ᲀ ҂ ꙁ Ꙁ",
    "Photo by Wang Wei/Xinhua", "Архивска фотографија", "..., архивска   фотографија",
    "visit www.example.com or write to press@gov.rs", "see example.rs/news?id=1 today",
]


def test_class_counts_equal_the_per_character_predicates():
    counts = chars.class_counts(TEXTS)
    for text, row in zip(TEXTS, counts):
        assert row[chars.ALPHA] == sum(map(str.isalpha, text)), text
        assert row[chars.UPPER] == sum(map(str.isupper, text)), text
        assert row[chars.DIGIT] == sum(map(str.isdigit, text)), text
        assert row[chars.ALNUM] == sum(map(str.isalnum, text)), text
        assert row[chars.SPACE] == sum(map(str.isspace, text)), text
        assert chars.script_counts(row) == script_counts(text), text


def test_reversed_photo_tail_and_link_hint_decide_as_the_plain_patterns():
    lex = lexicon()
    for text in TEXTS + [t + " foto" for t in TEXTS] + [t + "\tPhoto" for t in TEXTS]:
        tail = text[-140:]
        assert (lex.photo_tail_re.search(tail) is not None) == (lex.photo_tail_rev_re.match(tail[::-1]) is not None), text
        if boilerplate._URL_RE.search(text):
            assert boilerplate._URL_HINT_RE.search(text), text


def test_word_shapes_count_as_the_per_word_loop():
    from accord.clean.features import _STRIP_WORD
    for text in TEXTS + ["«Ленте.ру» сообщили: В МВД, и в ФСБ (официально) — нет.", "a an ÉCOLE über-long-word xx"]:
        words = text.split()
        plain = [0, 0, 0, 0]
        for w in (w.strip(_STRIP_WORD) for w in words):
            if w and w[0].isalpha():
                plain = [plain[0] + 1, plain[1] + w[0].isupper(), plain[2] + (len(w) <= 3 and w.islower()), plain[3] + (len(w) >= 8)]
        assert chars.word_shapes(words, _STRIP_WORD) == tuple(plain), text
    assert chars.word_shapes(["Aa"] * 200 + ["longerword"] * 150, _STRIP_WORD) == (350, 200, 0, 150)


def test_line_word_counts_equal_the_words_found_in_each_line():
    from accord.clean.lines import WORD_RE, _refolded, split_lines
    extra = ["İstanbul İSTANBUL ǰ ΐ ẖ ὐ ᾶ", "x\u0345y ͅ", "Straße STRASSE ﬁnal ŉ", "Главная / Политика — Ђорђе Љубиша"]
    for text in TEXTS + extra:
        for line in split_lines(text):
            assert line.words == len(WORD_RE.findall(line.text)), line.text
    assert _refolded().search("İ") and _refolded().search("\u0345") and _refolded().search("漢")
    assert not _refolded().search("Ђорђе Straße ſ ½ ŉ")


def test_icon_runs_and_photo_labels_decide_as_the_plain_patterns():
    from accord.clean.lines import split_lines
    lex = lexicon()
    texts = TEXTS + ["icon bookmark-bicon cameraicon checkicon chevron downicon", "İCON bookmark-İcon cameraıcon checkICON",
                     "ıcon ıcon ıcon share", "Foto: Tanjug", "FOTO: Beta / Milan Ilić", "Photo Reuters today"]
    for line in (ln for text in texts for ln in split_lines(text)):
        words = line.text.split()
        plain = (boilerplate._ICON_RE.search(line.text) is not None and len(words) >= 4
                 and 2 * sum(boilerplate._ICON_RE.search(w) is not None for w in words) >= len(words))
        assert boilerplate._is_icon_run(line) == plain, line.text
    assert boilerplate._is_icon_run(split_lines("İCON bookmark-İcon cameraıcon checkICON")[0])
    assert boilerplate._photo_credit("Foto: Tanjug", lex) and not boilerplate._photo_credit(TEXTS[2], lex)
