"""The output contract: every record validates against the schema, every offset is exact."""
from __future__ import annotations

import json
from importlib import resources

import pytest
from jsonschema import Draft202012Validator

from conftest import SHARED, case_article, CASES


def schema() -> dict:
    return json.loads(resources.files("accord.data").joinpath("document.schema.json").read_text(encoding="utf-8"))


VALIDATOR = Draft202012Validator(schema())


def offset_problems(rec: dict) -> list[str]:
    """Every item with offsets must index `text` exactly (text[start:end] == item text)."""
    text, bad = rec["text"], []

    def check(what: str, item: dict, words: str | None = None) -> None:
        s, e = item["start"], item["end"]
        if not (0 <= s <= e <= len(text)):
            bad.append(f"{what}: span {s}:{e} outside text of {len(text)}")
        elif words is not None and text[s:e] != words:
            bad.append(f"{what}: text[{s}:{e}]={text[s:e]!r} != {words!r}")

    for b in rec["body"]:
        check("body", b)
    for ent in rec["entities"]:
        for m in ent["mentions"]:
            check(f"mention of {ent['id']}", m, m["text"])
    for q in rec["quotes"]:
        check("quote", q, q["text"])
        for key in ("cue", "speaker_span"):
            if isinstance(q.get(key), dict) and "start" in q[key]:
                check(f"quote {key}", q[key], q[key].get("text"))
    for ev in rec["events"]:
        check(f"{ev['type']} sentence", ev["sentence"])
        if ev.get("trigger"):
            check(f"{ev['type']} trigger", ev["trigger"], ev["trigger"]["text"])
        for s in ev.get("sentences", []):
            check(f"{ev['type']} supporting sentence", s)
    for d in rec["dates"]:
        check("date", d, d["text"])
    ids = {e["id"] for e in rec["entities"]}
    for q in rec["quotes"]:
        if q["speaker"] is not None and q["speaker"] not in ids:
            bad.append(f"quote speaker {q['speaker']} is not an entity of the record")
    return bad


def test_vendored_schema_matches_the_shared_one():
    shared = SHARED / "schema" / "document.schema.json"
    if not shared.exists():
        pytest.skip("../shared not present")
    assert schema() == json.loads(shared.read_text(encoding="utf-8"))


def test_every_sample_record_validates(sample_records):
    assert sample_records, "no records"
    for rec in sample_records:
        errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in VALIDATOR.iter_errors(rec)]
        assert not errors, f"{rec['source']}: {errors[:5]}"


def test_every_sample_offset_is_exact(sample_records):
    for rec in sample_records:
        assert offset_problems(rec) == [], rec["source"]


def test_text_is_kept_unmodified(sample_records):
    checked = 0
    for rec in sample_records:
        if rec["source"].endswith(".txt"):
            try:
                original = open(rec["source"], "rb").read().decode("utf-8-sig")
            except UnicodeDecodeError:  # cp1251/cp1250/UTF-16 samples: the reader's own tests cover them
                continue
            assert rec["text"] == original, rec["source"]
            checked += 1
    assert checked


def test_fully_annotated_records_validate():
    """Entities, quotes and events in every field the contract has, whatever the stages find today."""
    for path in sorted(CASES.glob("*.txt")):
        rec = json.loads(json.dumps(case_article(path).to_record()))
        assert rec["entities"] and rec["quotes"] and rec["events"]
        assert not list(VALIDATOR.iter_errors(rec)), path.name
        assert offset_problems(rec) == []


def test_a_broken_offset_is_caught():
    rec = json.loads(json.dumps(case_article(sorted(CASES.glob("*.txt"))[0]).to_record()))
    rec["quotes"][0]["start"] += 1
    assert offset_problems(rec)
    rec["events"][0]["type"] = "HUG"
    assert list(VALIDATOR.iter_errors(rec))
