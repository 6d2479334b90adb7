"""Generated hostile input (hypothesis), issue 22: JSON and HTML nested to any depth, file names
of any bytes, every kind of file a folder can hold, any string as a `published` date, and
control characters on their way to a terminal. Each input is an Article, an error naming the
file (and line) or a warning; nothing raises, nothing blocks, and the rest of the batch comes
through."""
from __future__ import annotations

import json
import os
import sys

import pytest
from hypothesis import HealthCheck, assume, given, settings, strategies as st

from accord.doc import Article
from accord.errors import AccordError, BadRecord
from accord.stages.read import read_paths
from accord.stages.read_html import from_html
from accord.stages.read_jsonl import valid_published

from .support import assert_clear_error

CASES = 25
FUZZ = settings(max_examples=CASES, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
NEWS = ["Serbia and Russia signed a police cooperation agreement in Belgrade on Monday.",
        "Министр Лавров встретился с сербским коллегой в Москве во вторник.",
        "Ministar Dačić se sastao sa kolegom iz Mađarske u Beogradu.",
        "Министар Дачић је рекао да Србија неће увести санкције Русији."]
CONTROLS = [chr(c) for c in range(0x20) if chr(c) not in "\t\n"] + [chr(c) for c in range(0x7f, 0xa0)] + \
           [chr(c) for c in range(0x202a, 0x202f)] + [chr(c) for c in range(0x2066, 0x206a)]


def _fresh(tmp_path, name: str):
    d = tmp_path / name
    d.mkdir(parents=True, exist_ok=False)
    return d


counter = iter(range(10**9))


@FUZZ
@given(depth=st.integers(min_value=1_000, max_value=60_000), opener=st.sampled_from(["[", '{"a":', '{"text": "x", "b": [']),
       closed=st.booleans(), where=st.integers(min_value=0, max_value=8), n=st.integers(min_value=1, max_value=8))
def test_json_nested_to_any_depth_costs_its_line_only(tmp_path, depth, opener, closed, where, n):
    closer = {"[": "]", '{"a":': "}", '{"text": "x", "b": [': "]"}[opener]
    deep = opener * depth + (("1" if opener == '{"a":' else "") + closer * depth if closed else "")
    lines = [json.dumps({"text": f"{NEWS[i % 4]} {i}"}, ensure_ascii=False) for i in range(n)]
    where = min(where, n)
    lines.insert(where, deep)
    path = _fresh(tmp_path, f"j{next(counter)}") / "dump.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(read_paths([path]))
    assert len(items) == n + 1
    bad = items[where]
    assert isinstance(bad, BadRecord), bad
    assert_clear_error(bad, "dump.jsonl", where + 1)
    assert sum(isinstance(i, Article) for i in items) == n


@FUZZ
@given(depth=st.integers(min_value=0, max_value=3_000), tags=st.lists(st.sampled_from(["div", "section", "span", "b", "td", "li"]),
                                                                    min_size=1, max_size=3),
       para=st.sampled_from(NEWS))
def test_html_nested_to_any_depth_keeps_its_text(depth, tags, para):
    opening = "".join(f"<{tags[i % len(tags)]}>" for i in range(depth))
    closing = "".join(f"</{tags[i % len(tags)]}>" for i in reversed(range(depth)))
    page = (f"<html><body><p>{NEWS[0]} First.</p>{opening}<p>Deep: {para}</p>{closing}"
            f"<p>{NEWS[2]} Last.</p></body></html>")
    art = from_html(page, "deep.html")
    assert f"Deep: {para}" in art.text and "Last." in art.text


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS refuses file names that are not UTF-8")
@FUZZ
@given(names=st.lists(st.binary(min_size=1, max_size=24).filter(lambda b: b"/" not in b and b"\0" not in b),
                      min_size=1, max_size=6, unique=True))
def test_file_names_of_any_bytes_are_read_and_named_printably(tmp_path, names):
    d = _fresh(tmp_path, f"n{next(counter)}")
    written = 0
    for i, raw in enumerate(names):
        name = raw + b".txt"
        if name.startswith(b"."):  # hidden files are skipped, as always
            continue
        with open(os.fsencode(d) + b"/" + name, "wb") as f:
            f.write(f"{NEWS[i % 4]} File {i}.".encode())
        written += 1
    items = list(read_paths([d]))
    assert len(items) == written
    for item in items:
        (item.source if isinstance(item, Article) else str(item)).encode("utf-8")  # storable, printable
        assert isinstance(item, Article), item


KINDS = ["text", "fifo", "broken_link", "dir_link", "folder", "dev_link", "empty", "hidden_fifo"]


@FUZZ
@given(kinds=st.lists(st.sampled_from(KINDS), min_size=1, max_size=10))
def test_every_kind_of_file_in_a_folder_is_read_or_reported_and_nothing_blocks(tmp_path, kinds):
    import threading

    d = _fresh(tmp_path, f"k{next(counter)}")
    expected = []
    for i, kind in enumerate(kinds):
        p = d / f"{i:02d}.txt"
        if kind == "text":
            p.write_text(NEWS[i % 4], encoding="utf-8")
            expected.append("Article")
        elif kind == "fifo":
            os.mkfifo(p)
            expected.append("ReadError")
        elif kind == "broken_link":
            p.symlink_to(d / "nowhere")
            expected.append("ReadError")
        elif kind == "dir_link":
            p.symlink_to(tmp_path)  # a link to a folder is not followed (no cycles)
        elif kind == "folder":
            (d / f"{i:02d}").mkdir()
            (d / f"{i:02d}" / "inner.txt").write_text(NEWS[i % 4], encoding="utf-8")
            expected.append("Article")
        elif kind == "dev_link":
            assume(os.path.exists("/dev/null"))
            p.symlink_to("/dev/null")
            expected.append("ReadError")
        elif kind == "empty":
            p.write_bytes(b"")
            expected.append("EmptyInput")
        elif kind == "hidden_fifo":
            os.mkfifo(d / f".{i:02d}.txt")
    out: list = []
    t = threading.Thread(target=lambda: out.extend(read_paths([d])), daemon=True)
    t.start()
    t.join(30)
    assert not t.is_alive(), "the reader blocked"
    assert [type(o).__name__ for o in out] == expected
    for o in out:
        if isinstance(o, AccordError):
            assert_clear_error(o, str(d))


@FUZZ
@given(value=st.text(max_size=30) | st.from_regex(r"[0-9０-９٠-٩]{4}-[0-9]{1,2}-[0-9]{1,2}", fullmatch=True)
       | st.dates().map(lambda d: d.isoformat()))
def test_any_published_value_is_kept_only_when_a_real_date(tmp_path, value):
    assume(value.strip())
    path = _fresh(tmp_path, f"d{next(counter)}") / "feed.jsonl"
    path.write_text(json.dumps({"text": NEWS[0], "published": value}, ensure_ascii=False) + "\n", encoding="utf-8")
    (item,) = list(read_paths([path]))
    assert isinstance(item, Article)
    if valid_published(value.strip()):
        assert item.meta["published"] == value.strip() and "warnings" not in item.meta
        assert value.strip()[:4].isascii() and 1000 <= int(value.strip()[:4]) <= 2099
    else:
        assert "published" not in item.meta and item.meta["warnings"][0].startswith("[W001]")


@FUZZ
@given(text=st.lists(st.sampled_from(CONTROLS) | st.text(max_size=6), min_size=1, max_size=30).map("".join))
def test_control_characters_never_reach_a_terminal_raw_and_json_keeps_its_values(text):
    from accord.terminal import safe, safe_json

    shown = safe(text)
    assert not any(c in shown for c in CONTROLS)
    as_json = json.dumps({"t": text}, ensure_ascii=False)
    escaped = safe_json(as_json)
    assert json.loads(escaped) == {"t": text} and not any(c in escaped for c in CONTROLS)


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(noise=st.lists(st.sampled_from(CONTROLS), min_size=1, max_size=12).map("".join))
def test_a_csv_export_to_a_terminal_carries_no_control_character(tmp_path, noise):
    import io

    from accord.doc import Entity, Span, TextSpan
    from accord.export import export
    from accord.store import ingest

    text = f"{NEWS[0]} {noise} Lavrov{noise} said."
    s = text.index("Lavrov")
    art = Article(text=text, source=f"x{noise}.txt", lang="en", script="Latn", title=noise, outlet=noise)
    art.body = [Span(start=0, end=len(text))]
    art.entities = [Entity(id="per:lavrov", name=f"Lavrov{noise}", type="PER",
                           mentions=[TextSpan(start=s, end=s + 6, text="Lavrov")])]
    db = _fresh(tmp_path, f"c{next(counter)}") / "s.duckdb"
    ingest([art], db, process=lambda items: iter(items))
    for table in ("documents", "entities", "mentions"):
        out = io.BytesIO()
        export(db, "csv", None, table=table, stdout=out, terminal=True)
        shown = out.getvalue().decode("utf-8")
        assert "Lavrov" in shown and not any(c in shown for c in CONTROLS), table
