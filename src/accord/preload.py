"""Imported by the worker pool's forkserver before it forks any worker (pipeline.preload_models).

The models load and warm up here, once; every worker forked from this process starts with them
(copy-on-write pages, shared until written) instead of loading its own copy. One BLAS thread,
as in every worker (a variable the user set wins). If warming fails, WARM stays False and each
worker loads its models itself, as without preloading.
"""
import os

from .pipeline import SINGLE_THREAD_ENV, warm_up  # imports no numpy yet

for _name in SINGLE_THREAD_ENV:
    os.environ.setdefault(_name, "1")

WARM = False
try:
    warm_up()
    WARM = True
except Exception:  # noqa: BLE001 - the workers will load (and report) what fails
    pass
