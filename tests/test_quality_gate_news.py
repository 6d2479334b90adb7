"""Quality gate on real news (../shared/data/news/dev and dev2, 58 scraped articles accord was
not written on): every figure stays above eval/floors.json's `news_floors`. The samples' gate
(test_quality_gate.py) holds what we wrote; this one holds what the independent evaluation
measures the same way. Skips where ../shared/data is absent (a fresh clone elsewhere)."""
from __future__ import annotations

import json

import pytest

from accord.tools import evaluate as ev

from conftest import REPO

FLOORS = json.loads((REPO / "eval" / "floors.json").read_text(encoding="utf-8"))["news_floors"]
NEWS = REPO.parent / "shared" / "data" / "news"
SETS = [name for name in FLOORS if not name.startswith("_")]


def test_news_floors_are_well_formed():
    for name in SETS:
        for metric, floor in FLOORS[name].items():
            assert metric in ev.METRICS or metric in ev.PRECISION, f"unknown metric {metric}"
            assert 0.0 <= floor <= 1.0


@pytest.mark.parametrize("name", SETS)
def test_real_news_stays_above_its_floors(name):
    gold_path = NEWS / name / "gold.json"
    if not gold_path.exists():
        pytest.skip("../shared/data/news not present")
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    records = ev.extract_records(sorted((NEWS / name).glob("*.txt")))
    out = ev.by_basename(records.values())
    res = {**ev.score(gold, out), **ev.precision(gold, out)}
    below = [f"{metric}: {res[metric][0]} ({res[metric][1]}/{res[metric][2]}) < floor {floor}"
             for metric, floor in FLOORS[name].items() if res[metric][0] is None or res[metric][0] < floor]
    assert not below, "\n".join(below) + "\n\n" + ev.to_text(res)
