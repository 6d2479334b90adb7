"""Where the overview's network draws each node: a force layout computed on the server, the same
for the same data on every load.

Why here and not in the browser: ECharts' force layout starts from random positions and keeps
moving, so the picture changed on every load. This layout (Fruchterman-Reingold with gravity)
starts each node at a point given by a hash of its id, runs a fixed number of steps with a
fixed cooling schedule, and is cached per network; the page draws the positions as they are
(ECharts `layout: "none"`, nodes still draggable) and /api/network returns them as `x`, `y`.
"""
from __future__ import annotations

import hashlib
import math
from functools import lru_cache
from typing import Any

import numpy as np

WIDTH, HEIGHT = 1000.0, 640.0
STEPS = 300


def _seed(node_id: str) -> tuple[float, float]:
    """A starting point in the unit disc from the node id alone (no random state)."""
    h = hashlib.blake2b(node_id.encode("utf-8"), digest_size=8).digest()
    angle = int.from_bytes(h[:4], "big") / 2**32 * 2 * math.pi
    radius = 0.2 + 0.8 * math.sqrt(int.from_bytes(h[4:], "big") / 2**32)
    return radius * math.cos(angle), radius * math.sin(angle)


@lru_cache(maxsize=128)
def _positions(ids: tuple[str, ...], links: tuple[tuple[int, int, int], ...]) -> tuple[tuple[float, float], ...]:
    n = len(ids)
    if n == 0:
        return ()
    if n == 1:
        return ((WIDTH / 2, HEIGHT / 2),)
    pos = np.array([_seed(i) for i in ids], dtype=float)
    weight = np.zeros((n, n))
    for a, b, w in links:
        weight[a, b] += w
        weight[b, a] += w
    weight = np.sqrt(weight) / max(1.0, float(np.sqrt(weight).max()))  # a heavy dyad pulls harder, not endlessly
    k = math.sqrt(4.0 / n)  # ideal distance in a 2x2 square
    temp = 0.2
    for _ in range(STEPS):
        delta = pos[:, None, :] - pos[None, :, :]
        dist = np.maximum(np.linalg.norm(delta, axis=-1), 1e-3)
        np.fill_diagonal(dist, 1.0)
        coeff = k * k / dist**2 - (0.3 + weight) * (weight > 0) * dist / k
        np.fill_diagonal(coeff, 0.0)
        disp = (delta * coeff[:, :, None]).sum(axis=1) - 0.6 * k * pos  # gravity keeps loose nodes near
        length = np.maximum(np.linalg.norm(disp, axis=1), 1e-9)
        pos += disp / length[:, None] * np.minimum(length, temp)[:, None]
        temp = max(temp * 0.985, 0.002)
    lo, hi = pos.min(axis=0), pos.max(axis=0)
    span = np.where(hi - lo > 1e-9, hi - lo, 1.0)
    scaled = (pos - lo) / span * [WIDTH, HEIGHT]
    return tuple((round(float(x), 1), round(float(y), 1)) for x, y in scaled)


def lay_out(net: dict[str, Any]) -> dict[str, Any]:
    """Set `x` and `y` on every node of a network (store.network's answer), deterministically."""
    ids = tuple(sorted(n["id"] for n in net["nodes"]))
    index = {k: i for i, k in enumerate(ids)}
    pairs: dict[tuple[int, int], int] = {}
    for e in net["edges"]:
        a, b = sorted((index[e["source"]], index[e["target"]]))
        pairs[(a, b)] = pairs.get((a, b), 0) + int(e["events"])
    xy = _positions(ids, tuple(sorted((a, b, w) for (a, b), w in pairs.items())))
    for node in net["nodes"]:
        node["x"], node["y"] = xy[index[node["id"]]]
    return net
