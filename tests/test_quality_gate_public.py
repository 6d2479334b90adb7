"""Quality gate on the public NER sets (issue 4's targets): eval/ner_public.py's strict F1 stays
above eval/floors.json's public_floors. Skips cleanly where ../shared/data is absent."""
from __future__ import annotations

import importlib.util
import json

import pytest

from conftest import REPO, SHARED

FLOORS = json.loads((REPO / "eval" / "floors.json").read_text(encoding="utf-8"))["public_floors"]
DATA = SHARED / "data"


def _ner_public():
    spec = importlib.util.spec_from_file_location("ner_public", REPO / "eval" / "ner_public.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("floor_key,folder", [
    ("ru_factrueval_strict_f1", DATA / "ru-factrueval2016" / "devset"),
    ("en_conll_strict_f1", DATA / "en-conll2003" / "eng.testa"),
])
def test_public_ner_stays_above_its_floor(floor_key, folder):
    if not folder.exists():
        pytest.skip(f"{folder} not here (public data is read from ../shared, never copied)")
    ner = _ner_public()
    if floor_key.startswith("ru"):
        rows = ner.score("ru factRuEval-2016 devset", "ru", ner.factrueval(folder, None),
                         lambda k: ner.RU_TYPES.get(k, (k,)))
    else:
        rows = ner.score("en CoNLL-2003 eng.testa", "en", ner.conll(folder, None), lambda k: (k,))
    p, r, f, tp, fp, fn = rows[("strict", "ALL")]
    assert f >= FLOORS[floor_key], f"{floor_key}: strict F1 {f:.3f} (P {p:.3f} R {r:.3f}; tp {tp} fp {fp} fn {fn}) < {FLOORS[floor_key]}"
