"""The parallel runner gives what the single-process runner gives, in input order, lazily."""
from __future__ import annotations

import itertools
import os
import subprocess
import sys
from pathlib import Path

import msgspec
import pytest

from accord.doc import Article
from accord.errors import AccordError, ReadError
from accord.pipeline import STAGES, preload_models, process_many, process_parallel, start_method
from accord.stages.read import read_paths

from conftest import SAMPLES

# an HTML page (en), legacy encodings (ru cp1251, sr-Latn cp1250), Serbian Cyrillic
PICK = ("en_04", "ru_04", "sr-cyrl_01", "sr-latn_02")


def _inputs() -> list[str]:
    files = sorted(str(p) for p in SAMPLES.glob("*") if p.name.startswith(PICK))
    if len(files) < 4:
        pytest.skip("samples/ not there")
    return files


def _records(items) -> list:
    return [("error", type(i).__name__, i.source) if isinstance(i, AccordError)
            else msgspec.json.decode(msgspec.json.encode(i.to_record())) for i in items]


def _with_error(files):
    """The read stream with a read error in the middle, as read_paths yields them."""
    items = list(read_paths(files))
    return items[:2] + [ReadError("broken.txt", "not readable")] + items[2:]


def test_parallel_equals_single_process_in_input_order():
    files = _inputs()
    single = _records(process_many(_with_error(files)))
    parallel = _records(process_parallel(_with_error(files), workers=2, window=4, small=0))
    assert parallel == single
    assert [r if isinstance(r, tuple) else r["source"] for r in parallel][2] == ("error", "ReadError", "broken.txt")
    assert all(isinstance(r, dict) and r["entities"] for i, r in enumerate(parallel) if i != 2)


def test_parallel_streams_an_endless_input_with_bounded_reads():
    files = _inputs()[:2]
    base = [a for a in read_paths(files) if isinstance(a, Article)]
    pulled = 0

    def endless():
        nonlocal pulled
        for i in itertools.count():
            pulled += 1
            a = base[i % len(base)]
            yield Article(text=a.text + f"\n{i}\n", source=f"{a.source}#{i}")

    window = 8
    light = ("clean", "language", "sentences")  # no models: the runner is under test, not the stages
    out = list(itertools.islice(process_parallel(endless(), workers=2, stages=light, window=window, small=0), 5))
    assert [a.source.rsplit("#", 1)[1] for a in out] == ["0", "1", "2", "3", "4"]
    assert pulled <= 5 + window + 4  # never read far ahead of what was consumed (window + one batch)


def test_a_small_input_runs_in_this_process():
    light = ("clean", "language")
    items = [Article(text="Министр прибыл в Белград.", source="a"), ReadError("b", "unreadable")]
    out = list(process_parallel(items, workers=2, stages=light))
    assert out[0].lang == "ru" and set(out[0].timings) == set(light)  # no pickling: the same object came back
    assert out[0] is items[0] and out[1] is items[1]


def test_one_blas_thread_in_this_process(monkeypatch):
    """process_many (and `--workers 1`) run in the caller's process with one BLAS thread, as the
    pool's workers do: numpy is loaded by then, so its OpenBLAS is told at run time."""
    import sys

    import numpy  # noqa: F401  (loaded, as it is once natasha or spaCy has been)

    from accord.pipeline import SINGLE_THREAD_ENV, single_blas_thread

    for name in SINGLE_THREAD_ENV:
        monkeypatch.delenv(name, raising=False)
    told = single_blas_thread()
    assert all(__import__("os").environ[name] == "1" for name in SINGLE_THREAD_ENV)
    if sys.platform.startswith("linux"):
        assert any("blas" in path.lower() for path in told)
    monkeypatch.setenv("OPENBLAS_NUM_THREADS", "4")  # the user's choice wins
    assert single_blas_thread() == []


def test_settle_gc_freezes_models_and_can_be_left_alone(monkeypatch):
    import gc

    from accord import pipeline

    before = gc.get_threshold()
    try:
        monkeypatch.setenv("ACCORD_GC", "default")
        gc.set_threshold(700, 10, 10)
        pipeline.settle_gc()
        assert gc.get_threshold() == (700, 10, 10)
        monkeypatch.delenv("ACCORD_GC")
        pipeline.settle_gc()
        assert gc.get_threshold()[0] == pipeline.GC_THRESHOLD0 and gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
        gc.set_threshold(*before)


_FORKSERVER_PROBE = """
import sys, psutil
from accord.pipeline import process_parallel
from accord.stages.read import read_paths
items = process_parallel(read_paths(sys.argv[1:]), workers=2, window=2, small=0)
next(items)  # the workers are up now
server = [p for p in psutil.Process().children() if any("forkserver" in part for part in p.cmdline())]
with open(f"/proc/{server[0].pid}/maps") as maps:
    print("numpy" in maps.read())  # the forkserver has loaded numpy: it loaded the models
list(items)
"""


@pytest.mark.skipif(not Path("/proc/self/maps").exists() or start_method() != "forkserver",
                    reason="needs Linux's /proc and the forkserver start method")
@pytest.mark.parametrize("setting, preloaded", [(None, True), ("off", False)])
def test_the_forkserver_loads_the_models_once_for_every_worker(setting, preloaded):
    env = {k: v for k, v in os.environ.items() if k != "ACCORD_PRELOAD"}
    if setting is not None:
        env["ACCORD_PRELOAD"] = setting
    out = subprocess.run([sys.executable, "-c", _FORKSERVER_PROBE, *_inputs()[:2]], env=env, capture_output=True,
                         text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == [str(preloaded)]


def test_only_the_whole_pipeline_is_preloaded(monkeypatch):
    class Ctx:
        preload: list | None = None

        def get_start_method(self):
            return "forkserver"

        def set_forkserver_preload(self, names):
            self.preload = names

    monkeypatch.delenv("ACCORD_PRELOAD", raising=False)
    whole, some = Ctx(), Ctx()
    assert preload_models(whole, STAGES) and whole.preload == ["accord.preload"]
    assert not preload_models(some, ("clean", "language")) and some.preload is None
