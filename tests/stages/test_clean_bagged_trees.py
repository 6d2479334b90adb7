"""The bagged line model (scripts/train_clean_model.py --bags) ships its bags' trees side by side
with leaves divided by the number of bags, and `model.Trees` sums every tree: the runtime score
must be the mean of the bags' scores, or the averaging that steadies refits is lost."""
import numpy as np

from accord.clean import model


def _stump(feature: int, threshold: float, left: float, right: float) -> dict:
    return {"feature": [feature, 0, 0], "threshold": [threshold, None, None],
            "left": [1, 1, 2], "right": [2, 1, 2], "value": [0.0, left, right]}


def _scale(tree: dict, k: int) -> dict:
    return tree | {"value": [v / k for v in tree["value"]]}


def test_side_by_side_bags_score_their_mean():
    feats = ("a", "b")
    # two classes, one tree a class in each bag (tree t adds to class t % 2)
    bag1 = {"features": list(feats), "baseline": [0.2, -0.2], "depth": 1,
            "trees": [_stump(0, 0.5, -1.0, 1.0), _stump(1, 2.0, 0.5, -0.5)]}
    bag2 = {"features": list(feats), "baseline": [0.0, 0.4], "depth": 1,
            "trees": [_stump(1, 1.0, 2.0, 0.0), _stump(0, 0.0, -3.0, 3.0)]}
    merged = {"features": list(feats), "depth": 1,
              "baseline": list(np.mean([bag1["baseline"], bag2["baseline"]], axis=0)),
              "trees": [_scale(t, 2) for t in bag1["trees"] + bag2["trees"]]}
    x = np.array([[0.0, 0.0], [1.0, 3.0], [0.3, 1.5], [-1.0, 5.0]])
    one = model.Trees(bag1, feats).raw(x, 2)
    two = model.Trees(bag2, feats).raw(x, 2)
    both = model.Trees(merged, feats).raw(x, 2)
    assert np.allclose(both, (one + two) / 2)
    # and a line scored differently by the two bags gets the in-between score
    assert not np.allclose(one, two)
