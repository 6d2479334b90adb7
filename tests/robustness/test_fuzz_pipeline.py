"""The whole pipeline against messy and hostile text: every input gives a record that validates
against the output contract with exact offsets (text[start:end] == item text), or a clear error
naming the input; the stream always goes on."""
from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from accord.doc import Article
from accord.errors import AccordError
from accord.pipeline import process, process_many
from accord.stages.read import read_bytes, read_paths

from .support import assert_clear_error, contract_problems, sample_texts

PIPELINE_EXAMPLES = 25  # ~0.1-1 s each with the models: keeps the suite's CI time modest

SAMPLES = sample_texts()
SENTENCES = sorted({s.strip() for _, t in SAMPLES for s in re.split(r"(?<=[.!?»\"])\s+", t)
                    if 20 <= len(s.strip()) <= 300})
NOISE = ["\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u202a", "\u202b", "\u202e", "\u2066", "\u2069", "\ufeff",
         "\u00a0", "\u202f", "\u2009", "\u3000", "\u0301", "\r\n", "\r", "\n", "\n\n", "\t", "  ",
         "وزير الخارجية الروسي سيرغي لافروف التقى نظيره الصربي", "שר החוץ הרוסי נפגש עם עמיתו הסרבי",
         "北京", "🇷🇸", "👍🏽", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "\x1b[31m", "\x1b]0;x\x07",
         "../../etc/passwd", "«", "»", "„", "“", "”", "—", "–", "…", "\"", "'", ":", "(", ")", "-"]


def check_record(article: Article) -> None:
    problems = contract_problems(article.to_record())
    assert not problems, f"{article.source}: {problems[:5]}"


@settings(max_examples=PIPELINE_EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(parts=st.lists(st.sampled_from(SENTENCES) | st.sampled_from(NOISE) | st.text(max_size=12), min_size=1, max_size=14),
       joiner=st.sampled_from([" ", "\n", "\r\n", "\n\n", "\u00a0", "\u200b ", " \u200f"]))
def test_any_mix_of_news_sentences_and_hostile_noise_gives_a_valid_record_or_a_clear_error(parts, joiner):
    text = joiner.join(parts)
    article = Article(text=text, source="fuzz.txt")
    try:
        process(article, time_budget=None)
    except AccordError as err:
        assert_clear_error(err, "fuzz.txt")
        return
    assert article.text == text  # never altered by a stage
    check_record(article)


def _one_per_language() -> list[tuple[str, str]]:
    seen, out = set(), []
    for name, text in SAMPLES:
        key = name.split("_", 1)[0]
        if key not in seen and name.endswith(".txt"):
            seen.add(key)
            out.append((name, text))
    return out


@pytest.mark.parametrize("name,text", _one_per_language(), ids=lambda v: v if len(v) < 40 else None)
def test_crlf_line_endings_keep_every_offset_exact(name, text):
    """Windows line endings: the text is kept with its CRs, every offset still indexes it."""
    crlf = text.replace("\r\n", "\n").replace("\n", "\r\n").encode("utf-8")
    (article,) = list(process_many(read_bytes(crlf, name, ".txt"), time_budget=None))
    assert isinstance(article, Article), article
    assert article.text == crlf.decode("utf-8") and "\r\n" in article.text
    check_record(article)
    assert article.entities and article.body  # it was still understood, not just survived


@pytest.mark.parametrize("transform", ["nbsp", "zero_width", "rtl_marks", "rtl_quote"])
def test_invisible_characters_and_rtl_text_keep_offsets_exact(transform):
    name, text = _one_per_language()[0]
    changed = {
        "nbsp": lambda t: t.replace(" ", "\u00a0", 80),
        "zero_width": lambda t: re.sub(r"(\w{3})(\w)", "\\1\u200b\\2", t, count=60),
        "rtl_marks": lambda t: t.replace(". ", ".\u200f ", 20).replace(", ", ",\u202e ", 5),
        "rtl_quote": lambda t: t + "\n\nقال لافروف: «نحن ندعم صربيا». אמר השר: \"אנחנו תומכים\".\n",
    }[transform](text)
    article = process(Article(text=changed, source=name))
    assert article.text == changed
    check_record(article)


def test_a_batch_of_bad_inputs_goes_on_and_keeps_its_order(tmp_path):
    """Bad files among good ones: each bad one is an error naming it, in place; the good ones
    still give valid records."""
    good_name, good_text = _one_per_language()[0]
    files = {
        "a_good.txt": good_text.encode(),
        "b_empty.txt": b"",
        "c_binary.txt": bytes(range(256)) * 20,
        "d_pdf.txt": b"%PDF-1.7\n" + bytes(range(256)),
        "e_bad.jsonl": b'{"text": "Lavrov met Vu\xc4\x8di\xc4\x87 in Moscow."}\nnot json\n{"text": 5}\n',
        "f_ws.html": b"   \n\t ",
        "g_good_cp1251.txt": "Министр Лавров встретился с сербским коллегой Дачичем в Москве.".encode("cp1251"),
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    out = list(process_many(read_paths([tmp_path]), time_budget=None))
    names = [item.source for item in out]
    assert [n.rsplit("/", 1)[-1].split(":")[0] for n in names] == [
        "a_good.txt", "b_empty.txt", "c_binary.txt", "d_pdf.txt", "e_bad.jsonl", "e_bad.jsonl", "e_bad.jsonl",
        "f_ws.html", "g_good_cp1251.txt"]
    for item in out:
        if isinstance(item, AccordError):
            assert_clear_error(item, item.source.rsplit("/", 1)[-1])
        else:
            check_record(item)
    assert [type(i).__name__ for i in out].count("Article") == 3
    assert [i.line for i in out if isinstance(i, AccordError) and "e_bad" in i.source] == [2, 3]
