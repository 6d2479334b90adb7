"""Hostile article text never acts: markup, event handlers, terminal escape sequences and
path-like sources are stored as data, byte for byte, and the CLI's tables show them escaped
(no raw control character reaches the terminal)."""
from __future__ import annotations

import json
import unicodedata

import pytest

from accord.doc import Actor, Article, Entity, Event, Quote, Span, TextSpan
from accord.store import ingest

from .support import REPO, SAMPLES, accord_cmd, run_accord, table_rows

ESCAPES = ["\x1b[2J", "\x1b[31m", "\x1b]0;owned\x07", "\x9b6n", "\x1b[?1049h", "\r", "\x08\x08", "\u202e"]
HOSTILE_TEXT = ('Russia and Serbia agreed on police cooperation. <script>alert("x")</script> '
                '<img src=x onerror="fetch(`//evil`)"> "We will \x1b[2Jcooperate fully,\x1b]0;owned\x07" '
                'Lavrov said in Moscow on Tuesday.\x9b6n\n')
# real news around the payloads: a reader refuses a record that is mostly control characters
# (binary data), and a scraped article with a few escape sequences is not that
NEWS = (SAMPLES / "en_01_reuters_russia_expels_german_diplomats.txt").read_text(encoding="utf-8")


def _visible_controls(output: str) -> list[str]:
    """Characters that act on a terminal instead of being shown (all but newline and tab)."""
    return sorted({repr(c) for c in output if c not in "\n\t" and (unicodedata.category(c) == "Cc" or c in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")})


def _hostile_article() -> Article:
    """An article whose stored entities, quotes and events carry escape sequences (hand-built,
    so the check does not depend on what the extraction stages happen to find)."""
    name = "Sergei\x1b[31m Lavrov\x1b]0;owned\x07"
    text = f"{name} said: «Serbia\x1b[2J is our partner\u202e.» Russia\x9b6n and Serbia signed a treaty.\n"
    ns = text.index("Sergei")
    ne = ns + len(name)
    qs = text.index("Serbia\x1b")
    qe = text.index(".»") + 1
    ts = text.index("signed")
    art = Article(text=text, source="hostile\x1b[31m.txt", lang="en", script="Latn", title=text.split(":")[0],
                  outlet="Evil\x1b[5m News", published="2021-03-12", url="../../etc/passwd\x1b[0m")
    art.body = [Span(start=0, end=len(text) - 1)]
    art.entities = [Entity(id="per:evil", name=name, type="PER", country="RUS",
                           mentions=[TextSpan(start=ns, end=ne, text=text[ns:ne])])]
    art.quotes = [Quote(text=text[qs:qe], start=qs, end=qe, speaker="per:evil", speaker_text=name)]
    art.events = [Event(type="AGREE", source=Actor(entity="per:evil", country="RUS", text="Russia\x9b6n"),
                        target=Actor(country="SRB", text="Serbia"), sentence=Span(start=0, end=len(text) - 1),
                        trigger=TextSpan(start=ts, end=ts + 6, text="signed"), confidence=0.9, date="2021-03-12")]
    return art


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("hostile") / "h.duckdb"
    report = ingest([_hostile_article()], db, process=lambda items: iter(items))
    assert report.stored == 1
    return db


def test_hostile_fields_are_stored_byte_for_byte(hostile_db):
    art = _hostile_article()
    (text, url, outlet, record), = table_rows(hostile_db, "SELECT text, url, outlet, record FROM documents")
    assert (text, url, outlet) == (art.text, art.url, art.outlet)
    assert json.loads(record)["quotes"][0]["text"] == art.quotes[0].text
    (name,), = table_rows(hostile_db, "SELECT name FROM entities")
    assert name == art.entities[0].name


@pytest.mark.parametrize("command", [["quotes"], ["events"], ["entities"], ["summary"],
                                     ["quotes", "--speaker", "Lavrov"]])
def test_cli_tables_never_send_raw_control_characters_to_the_terminal(hostile_db, command):
    res = run_accord(*command, "--db", hostile_db, timeout=120)
    out, err = res.stdout.decode(), res.stderr.decode()
    assert res.returncode == 0, err
    assert _visible_controls(out) == [] and _visible_controls(err) == []
    if command[0] in ("quotes", "entities"):
        assert "Lavrov" in out and "\\x1b" in out  # the data is still there, shown escaped


def test_cli_json_output_escapes_control_characters_but_keeps_the_data(hostile_db):
    res = run_accord("quotes", "--db", hostile_db, "--json", timeout=120)
    assert res.returncode == 0
    assert "\x1b" not in res.stdout.decode()
    rows = json.loads(res.stdout)
    assert rows[0]["text"] == _hostile_article().quotes[0].text  # exactly what was stored


def test_hostile_jsonl_through_the_real_pipeline_is_stored_as_data(tmp_path):
    """<script>, onerror= and ANSI escapes in a scraped article, and a path-like url: the whole
    pipeline stores them as text; nothing is opened, run or rendered."""
    trap = tmp_path / "etc" / "passwd"
    rows = [
        {"text": HOSTILE_TEXT + NEWS, "url": "../../etc/passwd", "title": "\x1b[2JBreaking<script>x</script>"},
        {"text": "Министр Лавров встретился с Дачичем. <svg onload=alert(1)> \x1b[31mкрасный\x1b[0m\n" + NEWS,
         "url": f"file://{trap}", "outlet": "<b onmouseover=alert(1)>"},
        {"html": '<html><body><article><p>Vučić met Putin in Moscow.</p><p onclick="alert(1)">'
                 '<a href="javascript:alert(1)">Sankcije</a> neće biti uvedene, rekao je Vučić.</p></article></body></html>',
         "url": "..\\..\\windows\\system32"},
    ]
    src = tmp_path / "hostile.jsonl"
    src.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    db = tmp_path / "store.duckdb"
    res = run_accord("ingest", src, "--db", db, "--workers", "1", "-q", timeout=300)
    assert res.returncode == 0, res.stderr.decode()
    stored = dict(table_rows(db, "SELECT url, text FROM documents"))
    assert set(stored) == {"../../etc/passwd", f"file://{trap}", "..\\..\\windows\\system32"}
    assert stored["../../etc/passwd"] == HOSTILE_TEXT + NEWS
    assert "\x1b[31mкрасный" in stored[f"file://{trap}"]
    assert not trap.exists() and not (tmp_path / "etc").exists()
    assert "alert" not in stored["..\\..\\windows\\system32"]  # trafilatura keeps text, not handlers
    for command in (["quotes"], ["events", "-n", "100"], ["entities"]):
        out = run_accord(*command, "--db", db, timeout=120)
        assert out.returncode == 0 and _visible_controls(out.stdout.decode()) == []


def test_a_record_that_is_mostly_control_characters_is_refused_with_its_line(tmp_path):
    src = tmp_path / "dense.jsonl"
    src.write_text(json.dumps({"text": "ok"}) + "\n" + json.dumps({"text": "\x1b[2J\x1b[31m\x07" * 30 + "hi"}) + "\n")
    res = run_accord("extract", src, "--workers", "1", timeout=120)
    err = res.stderr.decode()
    assert "dense.jsonl:2" in err and "E004" in err and _visible_controls(err) == []


def _on_a_terminal(*args) -> str:
    """Run the CLI with stdout and stderr on a pseudo-terminal, where click and rich pass
    escape sequences through (on a pipe click strips them, which would hide the problem)."""
    import os
    import pty
    import subprocess

    master, slave = pty.openpty()
    proc = subprocess.Popen(accord_cmd(*args), stdin=subprocess.DEVNULL, stdout=slave, stderr=slave, cwd=REPO)
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    proc.wait(timeout=120)
    os.close(master)
    return b"".join(chunks).decode("utf-8", "replace")


# what the payloads would do on a terminal (rich's own colours are SGR "ESC[...m" and allowed)
ACTING = ["\x1b[2J", "\x1b]", "\x07", "\x9b", "\u202e", "\x1b[?1049h", "\x08"]


def test_on_a_real_terminal_tables_and_errors_show_escapes_as_text(hostile_db, tmp_path):
    out = _on_a_terminal("quotes", "--db", hostile_db)
    assert "Lavrov" in out and "\\x1b[2J" in out
    assert [a for a in ACTING if a in out] == []
    bad = tmp_path / "x\x1b[2Jy\x1b]0;t\x07.txt"
    bad.write_bytes(b"")
    err = _on_a_terminal("extract", bad, "--workers", "1")
    assert "E002" in err and "\\x1b[2J" in err
    assert [a for a in ACTING if a in err] == []


# Issue 22: what could reach a terminal raw besides the tables (CSV export above all)
RAW_ACTING = ["\x1b", "\x07", "\x9b", "\u202e", "\x08"]


@pytest.mark.parametrize("command", [["export", "-f", "csv"], ["export", "-f", "csv", "--table", "entities"],
                                     ["export", "-f", "jsonl"], ["export", "-f", "polecat"], ["quotes", "--json"]])
def test_on_a_real_terminal_exports_and_json_show_escapes_as_text(hostile_db, command):
    out = _on_a_terminal(*command, "--db", hostile_db)
    assert "Lavrov" in out and "Traceback" not in out, out[-500:]
    assert [a for a in RAW_ACTING if a in out] == [], out[:300]
    assert "\\x1b" in out or "\\u001b" in out  # the data is there, shown escaped


def test_extract_on_a_real_terminal_escapes_c1_controls_and_bidi_overrides(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text(HOSTILE_TEXT + "\u202eevil\n" + NEWS, encoding="utf-8")
    out = _on_a_terminal("extract", src, "--workers", "1")
    assert '"doc_id"' in out and [a for a in RAW_ACTING if a in out] == []
    assert "\\u009b" in out and "\\u202e" in out


def test_exports_to_a_file_or_pipe_keep_the_data_unchanged(hostile_db, tmp_path):
    from accord.export import export

    out = tmp_path / "events.csv"
    export(hostile_db, "csv", out, table="entities")
    assert "\x1b[31m" in out.read_text(encoding="utf-8")  # a file is data, not a screen
    res = run_accord("export", "-f", "jsonl", "--db", hostile_db, timeout=120)  # a pipe
    record = json.loads(res.stdout)
    assert record["text"] == _hostile_article().text and "\x9b".encode() in res.stdout


def test_the_terminal_escaping_keeps_json_values_and_shows_every_control():
    from accord.terminal import safe, safe_json

    value = {"t": "a\x1b[2Jb\x07c\x9b6n\u202ed\x7fe\tf\ng", "n": 1}
    text = json.dumps(value, ensure_ascii=False)
    escaped = safe_json(text)
    assert json.loads(escaped) == value
    assert not any(c in escaped for c in "\x1b\x07\x9b\u202e\x7f")
    shown = safe(value["t"])
    assert shown == "a\\x1b[2Jb\\x07c\\x9b6n\\u202ed\\x7fe\tf\ng"


def test_a_polecat_date_is_a_real_date_or_null_whatever_the_store_holds():
    from accord.export import polecat_record

    base = {"id": "e1", "type": "AGREE", "doc_id": "d"}
    for date, published, want in ((None, "0000-00-00", None), ("2021-13", "２０２１-０３-０５", None),
                                  (None, "2021-03-05", "2021-03-05"), ("2021-03", "0000-00-00", "2021-03"),
                                  ("2021", None, "2021"), ("2021-02-30", "2021-03-01", "2021-03-01")):
        assert polecat_record(base | {"date": date, "published": published})["date"] == want, (date, published)
