"""Reading: encodings, HTML, JSON Lines, directories, and bad input that must fail clearly."""
from __future__ import annotations

import json
import os

import pytest

from accord.errors import AccordError, BadRecord, EmptyInput, ReadError, TooLarge
from accord.stages.read import decode_bytes, read_bytes, read_paths

RU = "Министр внутренних дел России Владимир Колокольцев провёл переговоры с сербским коллегой Александром Вулиным. Стороны обсудили борьбу с терроризмом и «незаконной миграцией»."
SR_LATN = "Ministar unutrašnjih poslova Srbije Nebojša Stefanović razgovarao je sa ambasadorom Rusije o saradnji. Đorđević je rekao da će policija ojačati kontrolu granice kod Šida i Žabalja."
SR_CYRL = "Министар унутрашњих послова Србије Александар Вулин састао се са секретаром Савета безбедности Русије Николајем Патрушевим. Ђорђе Ћирић је рекао да је сарадња јака."
FR = "Le ministre de l'Intérieur a rencontré à Belgrade son homologue serbe. « Nous coopérons déjà », a-t-il déclaré, très satisfait de la façon dont ça avance."


def one(items):
    items = list(items)
    assert len(items) == 1, items
    return items[0]


@pytest.mark.parametrize("text,encoding", [
    (RU, "cp1251"), (RU.replace("«", "\"").replace("»", "\""), "koi8_r"), (SR_LATN, "cp1250"), (SR_CYRL, "cp1251"), (FR, "latin_1"),
    (RU, "utf-8"), (SR_LATN, "utf-8-sig"), (RU, "utf-16"), (SR_CYRL, "utf-16-le"), (SR_LATN, "utf-16-be"),
    (RU, "utf-32"),
])
def test_legacy_and_unicode_encodings_decode_to_the_original_text(text, encoding):
    assert decode_bytes(text.encode(encoding), "a.txt") == text


def test_decoded_text_is_kept_unmodified_crlf_nbsp_zero_width():
    text = "Naslov\r\n\r\nVučić\u00a0je rekao\u200b da je „saradnja” dobra.\r\n"
    art = one(read_bytes(text.encode("utf-8"), "x.txt"))
    assert art.text == text


@pytest.mark.parametrize("data,kind", [
    (b"", EmptyInput), (b"   \n\t \r\n", EmptyInput), ("  \n ".encode("utf-16"), EmptyInput),
    (b"\xef\xbb\xbf", EmptyInput),
    (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj", ReadError), (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", ReadError),
    (bytes(range(256)) * 8, ReadError), (b"abc\x00\x01\x02\x03def\x00\x00\x07" * 50, ReadError),
])
def test_empty_and_binary_input_is_a_clear_error_naming_the_file(data, kind):
    err = one(read_bytes(data, "bad/file.txt"))
    assert isinstance(err, kind)
    assert "bad/file.txt" in str(err) and err.reason


def test_too_large_input_is_skipped_with_the_limit_named(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text("Vest. " * 100, encoding="utf-8")
    small = tmp_path / "small.txt"
    small.write_text(SR_LATN, encoding="utf-8")
    out = list(read_paths([big, small], max_bytes=300))
    assert isinstance(out[0], TooLarge) and "300" in str(out[0]) and "big.txt" in str(out[0])
    assert out[1].text == SR_LATN


def test_jsonl_bad_lines_are_errors_with_line_numbers_and_the_batch_goes_on(tmp_path):
    f = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"text": RU, "url": "https://ria.ru/1", "title": "Колокольцев и Вулин", "published": "2021-03-15", "outlet": "РИА Новости"}, ensure_ascii=False),
        "{not json",
        json.dumps([1, 2]),
        json.dumps({"title": "no body"}),
        "",
        json.dumps({"text": 42}),
        json.dumps({"html": "<html><head><title>Vulin u Moskvi</title></head><body><article><p>" + SR_LATN + "</p></article></body></html>"}, ensure_ascii=False),
    ]
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = list(read_paths([f]))
    assert [type(x).__name__ for x in out] == ["Article", "BadRecord", "BadRecord", "BadRecord", "BadRecord", "Article"]
    first = out[0]
    assert first.text == RU and first.url == "https://ria.ru/1" and first.meta["outlet"] == "РИА Новости"
    assert first.source.endswith("batch.jsonl:1")
    assert [x.line for x in out[1:5]] == [2, 3, 4, 6]
    assert all("batch.jsonl:" in str(x) for x in out[1:5])
    assert "Stefanović" in out[5].text and out[5].source.endswith(":7")


def test_html_gives_text_and_metadata():
    html = """<html><head><title>Vulin i Patrušev o saradnji | Tip.rs</title>
    <meta property="og:site_name" content="Tip.rs"><meta property="article:published_time" content="2022-08-23T17:52:00+02:00"></head>
    <body><nav><a href="/">Početna</a> <a href="/vesti">Vesti</a></nav>
    <article><h1>Vulin i Patrušev o saradnji</h1><p>""" + SR_LATN + """</p><p>""" + SR_LATN + """</p></article>
    <footer>© 2022 Tip.rs Sva prava zadržana</footer></body></html>"""
    art = one(read_bytes(html.encode("utf-8"), "page.html", ".html"))
    assert "Stefanović" in art.text and "Početna" not in art.text
    assert art.meta.get("sitename") == "Tip.rs"
    assert art.meta.get("date", "").startswith("2022-08-23")
    assert art.meta.get("extractor") == "trafilatura"  # cleaning gives its article only a second opinion
    # trafilatura's stricter pass over the same page: cleaning drops only lines it leaves out
    assert "Stefanović" in art.meta.get("extractor_precise", "")


@pytest.mark.parametrize("name", ["page.txt", "story.php", "saved"])
def test_a_page_saved_under_another_suffix_is_read_as_html_by_its_content(tmp_path, name):
    html = ("<!DOCTYPE html><html><head><title>Vulin i Patrušev o saradnji</title></head><body>"
            "<nav><a href='/'>Početna</a> <a href='/vesti'>Vesti</a></nav><article><h1>Vulin i Patrušev o saradnji</h1>"
            "<p>" + SR_LATN + "</p><p>" + SR_LATN + "</p></article></body></html>")
    path = tmp_path / name
    path.write_text(html, encoding="utf-8")
    art = one(read_paths([path]))
    assert "Stefanović" in art.text and "<p>" not in art.text and "Početna" not in art.text
    assert art.meta.get("extractor") == "trafilatura"
    # a plain text that merely mentions a tag stays plain text
    path.write_text("Vulin je rekao: <b> nije tag.\n" + SR_LATN, encoding="utf-8")
    assert one(read_paths([path])).text.startswith("Vulin je rekao")


def test_format_txt_reads_a_page_as_it_is(tmp_path):
    path = tmp_path / "page.txt"
    path.write_text("<html><body><p>" + SR_LATN + "</p></body></html>", encoding="utf-8")
    assert one(read_paths([path], fmt="txt")).text.startswith("<html>")


@pytest.mark.parametrize("html", [
    "<html><body><div><div><p>unclosed <b>tags <i>everywhere",
    "<" * 5000,
    "<div>" * 3000 + "Tekst" + "</div>" * 10,
    "<html><body><script>alert(1)</script></body></html>",
])
def test_broken_html_gives_an_article_or_a_clear_error(html):
    item = one(read_bytes(html.encode("utf-8"), "broken.html", ".html"))
    if isinstance(item, AccordError):
        assert "broken.html" in str(item) and item.reason
    else:
        assert item.text.strip()


def test_directories_are_walked_recursively_and_hidden_files_skipped(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / ".git").mkdir()
    (tmp_path / "a" / "b" / "ru.txt").write_bytes(RU.encode("cp1251"))
    (tmp_path / "a" / "sr.txt").write_text(SR_CYRL, encoding="utf-16")
    (tmp_path / ".git" / "x.txt").write_text("ignored", encoding="utf-8")
    (tmp_path / "a" / "image.png").write_bytes(b"\x89PNG")
    out = list(read_paths([tmp_path]))
    assert sorted(a.text for a in out) == sorted([RU, SR_CYRL])


def test_missing_file_is_an_error_not_a_crash(tmp_path):
    err = one(read_paths([tmp_path / "nope.txt"]))
    assert isinstance(err, ReadError) and "nope.txt" in str(err)


def test_max_bytes_can_be_set_from_the_environment(tmp_path):
    import importlib
    import subprocess
    import sys
    code = "from accord.stages import read; print(read.MAX_BYTES)"
    env = dict(os.environ, ACCORD_MAX_BYTES="1234")
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "1234"


from hypothesis import given, settings, strategies as st


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=3000), st.sampled_from([".txt", ".html", ".jsonl"]))
def test_any_bytes_give_articles_or_clear_errors_never_an_exception(data, suffix):
    for item in read_bytes(data, "fuzz" + suffix, suffix):
        if isinstance(item, AccordError):
            assert "fuzz" in str(item) and item.reason
        else:
            assert item.text.strip()
