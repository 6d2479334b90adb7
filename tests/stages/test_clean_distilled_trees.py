"""`train_clean_model.py --distil` fits one ensemble on the bags' mean opinion: each line becomes
one weighted row a class (its soft label). The rows must carry the teacher's shares as weights,
leave out only shares below the floor, and keep every line that has a share at or above it."""
import importlib.util
from pathlib import Path

import numpy as np
import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "train_clean_model.py"


@pytest.fixture(scope="module")
def trainer():
    spec = importlib.util.spec_from_file_location("train_clean_model", SCRIPT)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_soft_rows_carry_the_teachers_shares(trainer):
    p = np.array([[0.9, 0.1, 0.0], [0.002, 0.998, 0.0], [0.3, 0.3, 0.4]])
    w = np.array([2.0, 1.0, 0.5])
    i, c, soft = trainer.soft_rows(p, w, floor=0.005)
    rows = {(int(a), int(b)): float(s) for a, b, s in zip(i, c, soft)}
    # the confident body line: a body row at 0.9 of its weight, a boilerplate row at 0.1
    assert rows[(0, 0)] == pytest.approx(1.8) and rows[(0, 1)] == pytest.approx(0.2)
    # a share under the floor is left out, the line's other row stays
    assert (1, 0) not in rows and rows[(1, 1)] == pytest.approx(0.998)
    # an undecided line gives a row to each class
    assert [rows[(2, k)] for k in range(3)] == pytest.approx([0.15, 0.15, 0.2])
    assert len(rows) == 6
    # per line, the rows' weights add up to its weight less the shares left out
    per_line = np.bincount(i, weights=soft, minlength=3)
    assert per_line == pytest.approx([2.0, 0.998, 0.5])
