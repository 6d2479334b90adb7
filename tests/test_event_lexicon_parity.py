"""The trigger lexicons of en, ru and sr stay parallel: every concept of scripts/event_concepts.tsv
has its patterns, under its PLOVER type, in each language's events.tsv (or a reasoned "-"), so a
concept added to one language is not silently missing from the others."""
from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def load_checker():
    spec = importlib.util.spec_from_file_location("event_lexicon_parity", ROOT / "scripts/event_lexicon_parity.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_every_trigger_concept_has_its_patterns_in_every_language(capsys):
    assert load_checker().main([]) == 0, capsys.readouterr().out


def test_an_absent_counterpart_says_why():
    for row in load_checker().concepts():
        for lang in ("en", "ru", "sr"):
            if row[lang].strip() == "-":
                assert row["note"].strip(), row
