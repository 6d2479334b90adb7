"""Quality gate: the bundled samples, scored against their gold, stay above eval/floors.json."""
from __future__ import annotations

import json

import pytest

from accord.tools import evaluate as ev

from conftest import REPO

FLOORS = json.loads((REPO / "eval" / "floors.json").read_text(encoding="utf-8"))
GOLD = REPO / FLOORS["gold"]


def test_floors_file_is_well_formed():
    assert FLOORS["floors"], "no floors"
    for metric, floor in FLOORS["floors"].items():
        assert metric in ev.METRICS or metric in ev.PRECISION, f"unknown metric {metric}"
        assert 0.0 <= floor <= 1.0


@pytest.mark.skipif(not GOLD.exists(), reason=f"{FLOORS['gold']} not written yet")
def test_samples_stay_above_their_floors(sample_records):
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    out = ev.by_basename(sample_records)
    res = {**ev.score(gold, out), **ev.precision(gold, out)}
    report = ev.to_text(res)
    below = []
    for metric, floor in FLOORS["floors"].items():
        score, hits, total = res[metric]
        if score is None:
            below.append(f"{metric}: no gold items to score (floor {floor})")
        elif score < floor:
            below.append(f"{metric}: {score:.3f} ({hits}/{total}) < floor {floor}")
    assert not below, "\n".join(below) + "\n\n" + report
