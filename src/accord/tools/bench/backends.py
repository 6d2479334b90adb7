"""The model backends alone, on the same documents and over the same number of worker
processes as the pipeline: what "the backends alone" means (DEFINITIONS), and their timing.
"""
from __future__ import annotations

import os
import time
from collections import defaultdict


def _packaged() -> dict[str, object]:
    """Language code -> its `backends` module (lang/<code>/backends.py, where the language's
    pipeline is built on a packaged model: natasha for Russian, spaCy for English)."""
    from ... import lang

    out = {}
    for code in lang.roots():
        module = lang.get(code).backends_module()  # type: ignore[union-attr]
        if module is not None:
            out[code] = module
    return out


_MODULES = _packaged()
# (lang, name) -> the backend run alone on one document's text
BACKENDS = {(code, name): run for code, m in _MODULES.items() for name, (run, _) in m.RUNS.items()}
BACKEND_NAMES = {name: what for m in _MODULES.values() for name, (_, what) in m.RUNS.items()}
# what "the backends alone" means: one backend per language
DEFINITIONS = {d: {code: m.DEFINITIONS[d] for code, m in _MODULES.items()} for d in ("ner-only", "full")}
BACKEND_LANGS = tuple(_MODULES)


def _warm_backends(langs: tuple[str, ...], owner: int | None = None) -> None:
    import signal

    if owner is not None:  # a pool worker: exit with the bench process (accord.lifeline)
        from ...lifeline import exit_with

        exit_with(owner)

    from ...pipeline import SINGLE_THREAD_ENV

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for name in SINGLE_THREAD_ENV:  # as the pipeline's workers, for a fair comparison
        os.environ.setdefault(name, "1")
    for key, fn in BACKENDS.items():
        if key[0] in langs:
            fn("Warm-up. Прогрев моделей в Москве.")
    from ...pipeline import settle_gc

    settle_gc()  # the garbage collector as in the pipeline's workers: the same footing


def _time_backend(key: tuple[str, str], text: str) -> tuple[tuple[str, str], float, float]:
    """(key, wall seconds, CPU seconds of this process) of one backend run."""
    t0, c0 = time.perf_counter(), time.process_time()
    BACKENDS[key](text)
    return key, time.perf_counter() - t0, time.process_time() - c0


def run_backends(jobs: list[tuple[tuple[str, str], str]], workers: int,
                 cpu: dict[tuple[str, str], list[float]] | None = None) -> tuple[dict[tuple[str, str], list[float]], float]:
    """Time each ((lang, backend), text) over `workers` processes: (seconds per backend, wall);
    the CPU seconds of each run go to `cpu` when given."""
    per: dict[tuple[str, str], list[float]] = defaultdict(list)
    cpu = defaultdict(list) if cpu is None else cpu
    langs = tuple(sorted({key[0] for key, _ in jobs}))
    if not jobs:
        return per, 0.0
    t0 = time.perf_counter()
    if workers <= 1:
        _warm_backends(langs)
        t0 = time.perf_counter()
        for key, text in jobs:
            _, secs, cpu_secs = _time_backend(key, text)
            per[key].append(secs)
            cpu.setdefault(key, []).append(cpu_secs)
        return per, time.perf_counter() - t0
    from concurrent.futures import ProcessPoolExecutor

    from ...pipeline import mp_context

    with ProcessPoolExecutor(workers, mp_context=mp_context(), initializer=_warm_backends,
                             initargs=(langs, os.getpid())) as pool:
        keys, texts = zip(*jobs)
        for key, secs, cpu_secs in pool.map(_time_backend, keys, texts, chunksize=4):
            per[key].append(secs)
            cpu.setdefault(key, []).append(cpu_secs)
    return per, time.perf_counter() - t0
