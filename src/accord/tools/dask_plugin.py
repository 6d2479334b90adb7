"""Dask worker plugin of accord.tools.distributed (a module of its own: it imports distributed, which
only `accord extract --dask` needs)."""
from __future__ import annotations

from distributed import WorkerPlugin


class WarmModels(WorkerPlugin):
    """Load the pipeline's models once when a worker starts (accord.models caches them per process)."""

    name = "accord-warm-models"

    def __init__(self, stages: tuple[str, ...] | None = None) -> None:
        self.stages = stages

    def setup(self, worker=None) -> None:
        from ..pipeline import STAGES, warm_up

        warm_up(self.stages or STAGES)
