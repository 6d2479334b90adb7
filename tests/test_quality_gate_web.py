"""Quality gate on the web-article benchmark (issue 17's HTML target): accord's HTML path
(trafilatura's article with accord's cleaning as a second opinion) scores at least what
trafilatura alone scores on the same pages, side by side in one run, and stays above
eval/floors.json's `web_html_f1`; the benchmark's own metric (eval/clean_eval.py). Skips
cleanly where ../shared/data is absent."""
from __future__ import annotations

import importlib.util
import json

import pytest

from conftest import REPO, SHARED

FLOORS = json.loads((REPO / "eval" / "floors.json").read_text(encoding="utf-8"))["public_floors"]
WEB = SHARED / "data" / "web-article-extraction"


def _clean_eval():
    spec = importlib.util.spec_from_file_location("clean_eval", REPO / "eval" / "clean_eval.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_html_path_is_at_least_trafilatura_alone():
    if not WEB.exists():
        pytest.skip(f"{WEB} not here (public data is read from ../shared, never copied)")
    ev = _clean_eval()
    res = ev.eval_web(plain=False)
    ours, theirs = res["html: accord (trafilatura + clean)"], res["html: trafilatura alone"]
    assert ours["f1"] >= theirs["f1"], f"accord {ours} < trafilatura alone {theirs}"
    assert ours["f1"] >= FLOORS["web_html_f1"], f"accord {ours} < floor {FLOORS['web_html_f1']}"
