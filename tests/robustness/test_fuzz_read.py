"""Readers against hostile and broken input: every input is an Article whose text is exactly what
the file says, or an AccordError naming the file (and JSONL line); nothing raises, nothing stops."""
from __future__ import annotations

import json
import tracemalloc

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from accord.doc import Article
from accord.errors import AccordError, BadRecord, EmptyInput, ReadError, TooLarge
from accord.stages.read import read_paths

from .support import assert_clear_error

FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

# pieces of messy multilingual news: scripts, directions, invisible and odd whitespace
PIECES = [
    "Vučić met Putin in Moscow.", "Министр Лавров встретился с коллегой.", "Министар Дачић је рекао:",
    "Ministar Dačić je rekao da", "وزير الخارجية الروسي سيرغي لافروف", "שר החוץ הרוסי נפגש", "北京", "🇷🇸🤝🇷🇺",
    "\u200b", "\u200d", "\u200e", "\u200f", "\u202e", "\u2066", "\ufeff", "\u00a0", "\u2009", "\u3000",
    "e\u0301", "\r\n", "\r", "\n\n", "\t", " ", "«", "»", "„", "“", "—", "…", "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>", "../../etc/passwd", "%00", "&amp;",
]
messy_text = st.lists(st.sampled_from(PIECES) | st.text(max_size=8), min_size=1, max_size=40).map("".join)


def items_of(data: bytes, tmp_path, name: str) -> list[Article | AccordError]:
    path = tmp_path / name
    path.write_bytes(data)
    return list(read_paths([path]))


@FUZZ
@given(data=st.binary(max_size=4000), suffix=st.sampled_from([".txt", ".html", ".jsonl", ".htm", ".ndjson"]))
def test_random_bytes_in_any_file_kind_give_articles_or_errors_naming_the_file(tmp_path, data, suffix):
    for item in items_of(data, tmp_path, "fuzz" + suffix):
        if isinstance(item, AccordError):
            assert_clear_error(item, "fuzz" + suffix)
        else:
            assert item.text.strip() and "fuzz" in item.source


@FUZZ
@given(text=messy_text, encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be"]))
def test_mixed_scripts_rtl_invisible_spaces_and_crlf_decode_to_exactly_the_written_text(tmp_path, text, encoding):
    data = text.encode(encoding, "surrogatepass")
    items = items_of(data, tmp_path, "mixed.txt")
    assert len(items) == 1
    item = items[0]
    # UTF-16 without a BOM and without one NUL byte ('‡' is b'! ' in UTF-16-LE, '北京' four
    # non-zero bytes) is also valid text in a one-byte encoding: no reader can know it was UTF-16
    undecidable = encoding in ("utf-16-le", "utf-16-be") and 0 not in data
    if isinstance(item, Article) and undecidable:
        assert item.text.strip()
    elif isinstance(item, Article):
        # unmodified (CRLF, NBSP, ZWSP, RTL marks kept); a leading U+FEFF in the bytes is the BOM
        codec_adds_bom = encoding in ("utf-8-sig", "utf-16")
        assert item.text == (text if codec_adds_bom else text.removeprefix("\ufeff"))
    else:  # only nothing-but-whitespace or control-heavy texts may be refused, with a reason
        assert_clear_error(item, "mixed.txt")
        assert isinstance(item, (EmptyInput, ReadError))


@pytest.mark.parametrize("data", [b"", b" ", b"\n\r\n\t  ", b"\x00" * 64, "\u00a0 \u3000\n".encode(), b"\xef\xbb\xbf  \n"])
def test_empty_and_whitespace_only_files_are_a_clear_error(tmp_path, data):
    for suffix in (".txt", ".html", ".jsonl"):
        (item,) = items_of(data, tmp_path, "blank" + suffix)
        assert isinstance(item, ReadError), item
        assert_clear_error(item, "blank" + suffix)


def test_a_100_mb_file_is_refused_from_its_size_without_being_read(tmp_path):
    huge = tmp_path / "huge.txt"
    with open(huge, "wb") as f:  # sparse: 100 MB on paper, nothing on disk
        f.truncate(100_000_000)
    tracemalloc.start()
    try:
        items = list(read_paths([huge, tmp_path]))  # named and found again in its directory
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert len(items) == 2 and all(isinstance(i, TooLarge) for i in items)
    assert_clear_error(items[0], "huge.txt")
    assert "100000000 bytes" in str(items[0]) and "limit" in str(items[0])
    assert peak < 5_000_000  # the file was never read into memory


def test_stdin_over_the_limit_is_refused_after_reading_one_byte_past_it(monkeypatch):
    import io
    import sys

    data = b"x" * 5_000
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    (item,) = list(read_paths(["-"], max_bytes=1_000))
    assert isinstance(item, TooLarge)
    assert_clear_error(item, "<stdin>")


def test_a_single_10_mb_line_is_read_exactly(tmp_path):
    line = ("Сербия и Россия договорились о сотрудничестве. Srbija i Rusija su se dogovorile. " * 80_000)[:10_000_000]
    path = tmp_path / "one_line.txt"
    path.write_text(line, encoding="utf-8")
    (item,) = list(read_paths([path]))
    assert isinstance(item, Article) and item.text == line


def test_invalid_utf8_bytes_keep_the_rest_of_a_utf8_article_intact(tmp_path):
    """A scraper that cut a multibyte character (or one stray byte) must not turn the whole
    article into mojibake: the text stays UTF-8, the broken bytes become U+FFFD."""
    ru = "Министр внутренних дел России Владимир Колокольцев провёл переговоры с Александром Вулином. " * 5
    sr = "Ministar unutrašnjih poslova Srbije Ivica Dačić sastao se sa kolegom iz Mađarske. Željko, čaša, đak. " * 5
    for name, text in (("ru.txt", ru), ("sr.txt", sr)):
        raw = text.encode()
        broken = raw[:40] + b"\xff" + raw[40:101] + raw[102:]  # a stray byte and half a character
        (item,) = items_of(broken, tmp_path, name)
        assert isinstance(item, Article), item
        assert item.text.startswith(text[:13]) and item.text.endswith(text[-300:])
        assert text[200:400] in item.text  # everything after the damage decodes as written
        assert item.text.count("\ufffd") <= 2


def test_legacy_encodings_are_still_told_apart_from_broken_utf8(tmp_path):
    ru = "Министр внутренних дел России провёл переговоры с сербским коллегой в Москве."
    sr = "Ministar unutrašnjih poslova Srbije sastao se sa kolegom u Beogradu. Đak, čaša, žena."
    for name, text, enc in (("ru1251.txt", ru, "cp1251"), ("sr1250.txt", sr, "cp1250")):
        (item,) = items_of(text.encode(enc), tmp_path, name)
        assert isinstance(item, Article) and item.text == text


@FUZZ
@given(lines=st.lists(st.sampled_from(["good", "bad_json", "not_object", "no_text", "number_text", "blank",
                                        "bad_utf8", "html", "hostile"]), min_size=1, max_size=12))
def test_jsonl_bad_lines_are_errors_with_their_line_and_good_lines_still_come_through(tmp_path, lines):
    rows, expected = [], []
    for i, kind in enumerate(lines, 1):
        good = f"Vučić met Putin in Moscow on {i} March. Дачић је рекао: «Сарадња {i}»."
        row = {
            "good": json.dumps({"text": good, "url": f"https://example.org/{i}"}, ensure_ascii=False).encode(),
            "bad_json": b'{"text": "unterminated',
            "not_object": b'["a", "list"]',
            "no_text": b'{"title": "a title but no text"}',
            "number_text": b'{"text": 42}',
            "blank": b"   ",
            "bad_utf8": b'{"text": "\xff\xfe broken"}',
            "html": json.dumps({"html": f"<html><body><article><p>{good}</p></article></body></html>"}).encode(),
            "hostile": json.dumps({"text": good + " <script>alert(1)</script>\x1b[31m", "url": "../../etc/passwd"}).encode(),
        }[kind]
        rows.append(row)
        expected.append((i, kind, good))
    data = b"\r\n".join(rows) + b"\n"
    items = items_of(data, tmp_path, "dump.jsonl")
    if set(lines) == {"blank"}:  # nothing but blank lines: one error for the file
        assert len(items) == 1 and isinstance(items[0], EmptyInput)
        assert_clear_error(items[0], "dump.jsonl")
        return
    by_line = {}
    for item in items:
        if isinstance(item, AccordError):
            assert_clear_error(item, "dump.jsonl", item.line)
            assert item.line is not None, f"a JSONL error without its line: {item}"
            by_line[item.line] = item
        else:
            line = int(item.source.rsplit(":", 1)[1])
            assert item.source == f"{tmp_path / 'dump.jsonl'}:{line}"
            by_line[line] = item
    for i, kind, good in expected:
        got = by_line.get(i)
        if kind == "blank":
            assert got is None
        elif kind in ("good", "html", "hostile"):
            assert isinstance(got, Article), (kind, got)
            assert good in got.text
            if kind == "hostile":  # stored as data, never interpreted
                assert got.text.endswith("<script>alert(1)</script>\x1b[31m") and got.url == "../../etc/passwd"
        else:  # bad_utf8 too: JSON Lines are UTF-8, that line alone is refused and the others keep their text
            assert isinstance(got, BadRecord), (kind, got)


def test_a_jsonl_dump_bigger_than_the_article_limit_is_read_record_by_record(tmp_path):
    """The size limit is per article: a 3 MB dump of small articles is read, a record over the
    limit is skipped with its line number, and the records after it still come through."""
    records = [json.dumps({"text": f"Article {i}: Serbia and Russia signed a police cooperation plan. " * 20})
               for i in range(2_500)]
    records[1000] = json.dumps({"text": "y" * 200_000})
    path = tmp_path / "dump.jsonl"
    path.write_text("\n".join(records) + "\n", encoding="utf-8")
    assert path.stat().st_size > 3_000_000
    items = list(read_paths([path], max_bytes=100_000))
    errors = [i for i in items if isinstance(i, AccordError)]
    assert len(items) == 2_500 and len(errors) == 1
    assert isinstance(errors[0], TooLarge)
    assert_clear_error(errors[0], "dump.jsonl", 1001)
    assert items[-1].text.startswith("Article 2499:")


@pytest.mark.parametrize("html", [
    "<div>" * 20_000 + "Serbia and Russia signed an agreement in Belgrade on Monday." + "</div>" * 20_000,
    "<html><body><p>Vučić met Putin<p>in Moscow<table><tr><td>unclosed <b><i>tags</b></i>" + "<" * 500,
    "<html><head><script>while(1){}</script><style>*{}</style></head><body></body></html>",
    "<svg/onload=alert(1)><iframe src=javascript:alert(1)>" * 200,
    "<?xml version='1.0'?><!DOCTYPE x [<!ENTITY a 'aaaaaaaaaa'><!ENTITY b '&a;&a;&a;&a;&a;&a;&a;&a;'>]><x>&b;</x>",
    "<html><body>" + "<p>Министр Лавров заявил о сотрудничестве с Сербией.</p>" * 3 + "</body>\x00\x00</html>",
])
def test_deeply_nested_or_broken_html_gives_an_article_or_a_clear_error(tmp_path, html):
    (item,) = items_of(html.encode(), tmp_path, "page.html")
    if isinstance(item, AccordError):
        assert_clear_error(item, "page.html")
    else:
        assert item.text.strip() and "<script" not in item.text and "while(1)" not in item.text
