"""Runners: the pipeline's stages over one article, a stream, or a stream over worker processes.

`process` (one article), `process_many` (a stream, in this process) and `process_parallel` (a
stream over N worker processes, models loaded once per worker, results in input order, at most a
bounded window of articles in flight). The stages are the components of accord.pipeline.default
(what each requires and assigns: accord.pipeline.registry); callers name them (`stages=` a tuple
of names, default STAGES) and the runners call each component's function directly.
Reading (files, HTML, JSONL) happens before, in accord.stages.read.
"""
from __future__ import annotations

import itertools
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

import msgspec

from ..doc import Article
from ..invisible import reslice, view
from ..errors import AccordError, StageError, StageTimeout
from .default import STAGES, default_pipeline
from .registry import Component

DEFAULT_TIME_BUDGET = float(os.environ.get("ACCORD_TIME_BUDGET", "60"))  # seconds per article

_SELECTED: dict[tuple, tuple[Component, ...]] = {}


def components(stages: Iterable[str | Component] = STAGES) -> tuple[Component, ...]:
    """The components named by `stages`, looked up in the default pipeline (cached per tuple)."""
    key = tuple(stages)
    found = _SELECTED.get(key)
    if found is None:
        found = _SELECTED[key] = default_pipeline().select(key)
    return found


class _Expired(BaseException):
    """Raised by the alarm; a BaseException so stage code's `except Exception` cannot swallow it."""


@contextmanager
def _time_budget(seconds: float | None):
    """SIGALRM-based budget; only on the main thread of a process (workers are)."""
    if not seconds or threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def expire(signum, frame):
        raise _Expired()

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def process(article: Article, stages: Iterable[str | Component] = STAGES, time_budget: float | None = None) -> Article:
    """Run the stages (names, or Component objects) in order, each component's function called
    directly; a failing stage raises StageError naming the source."""
    name = "?"
    chain = components(stages)  # looked up outside the article's time budget
    original = article.text
    seen = view(original)  # invisible characters read as spaces, offsets kept (accord.invisible)
    if seen is not original:
        reslice(article, seen)
    try:
        with _time_budget(time_budget):
            for component in chain:
                name = component.name
                t0 = time.perf_counter()
                try:
                    component.run(article)
                except AccordError:
                    raise
                except Exception as exc:  # a bug or a pathological input: report it, keep the batch going
                    raise StageError(article.source, f"stage {name} failed: {type(exc).__name__}: {exc}") from exc
                article.timings[name] = article.timings.get(name, 0.0) + time.perf_counter() - t0
    except _Expired:
        raise StageTimeout(article.source, f"over the time budget of {time_budget:g} s (in stage {name}); skipped") from None
    finally:
        article.analysis = None  # transient: never in records, never sent between processes
        if seen is not original:
            reslice(article, original)  # the record holds the text as read
    return article


_WARMED: set[tuple[str, ...]] = set()  # stage lists whose models this process has loaded


def process_many(articles: Iterable[Article | AccordError], stages: Iterable[str] = STAGES,
                 time_budget: float | None = DEFAULT_TIME_BUDGET) -> Iterator[Article | AccordError]:
    """Process a stream; errors (from reading or a stage) are yielded in place, never raised."""
    stages = tuple(stages)
    for item in articles:
        if isinstance(item, AccordError):
            yield item
            continue
        if stages not in _WARMED:
            _WARMED.add(stages)
            single_blas_thread()
            if time_budget:  # loading models is no article's time
                warm_up(stages)
        try:
            yield process(item, stages, time_budget)
        except AccordError as err:
            yield err


# --- parallel runner -------------------------------------------------------------------------
#
# Articles travel to and from workers as msgpack (msgspec), not pickle: a processed ~500-word
# article (sentences, tokens, mentions) round-trips in ~3 ms instead of ~15 ms. They go in small
# batches, so a task carries enough work to hide the queue's latency.

_WORKER_STAGES: tuple[str, ...] = STAGES
_WORKER_BUDGET: float | None = None
_ENCODER = msgspec.msgpack.Encoder()
_DECODER = msgspec.msgpack.Decoder(Article)
BATCH = 4  # articles per task
WARM_UP = ("The minister met his Serbian colleague in Belgrade.", "Министр встретился с коллегой в Москве.",
           "Ministar se sastao sa kolegom u Beogradu.", "Министар се састао са колегом у Београду.")


def start_method() -> str:
    """forkserver where there is one (no fork of a threaded parent), else spawn."""
    import multiprocessing as mp

    return "forkserver" if "forkserver" in mp.get_all_start_methods() else "spawn"


def mp_context():
    import multiprocessing as mp

    return mp.get_context(start_method())


def warm_up(stages: Iterable[str] = STAGES) -> None:
    """Load every model the stages use (once per process): one short article per language; then
    settle the garbage collector (settle_gc)."""
    for text in WARM_UP:
        try:
            process(Article(text=text, source="<warm-up>"), tuple(stages), None)
        except AccordError:
            pass
    settle_gc()


GC_THRESHOLD0 = 10_000  # allocations between young-generation collections (Python's default: 700)


def settle_gc() -> None:
    """The loaded models (spaCy, natasha, the KB: ~300,000 Python objects) are moved out of the
    cyclic garbage collector's sight (gc.freeze) and young collections are made rarer: every
    full collection walked all of them again, and the pipeline allocates many short-lived
    objects (tokens, matches); together 15 ms of CPU per document, about a tenth of the run
    (100 bench documents, one process). Nothing is collected that would have been otherwise: the
    models live as long as the process, and cyclic garbage is still collected, a little later.
    ACCORD_GC=default leaves the collector as it is."""
    import gc

    if os.environ.get("ACCORD_GC", "") == "default":
        return
    gc.collect()
    gc.freeze()
    threshold = gc.get_threshold()
    if threshold[0] and threshold[0] < GC_THRESHOLD0:
        gc.set_threshold(GC_THRESHOLD0, *threshold[1:])


# One BLAS/OpenMP thread per worker: the workers already use every core, and numpy's default of
# one BLAS thread per core in each of N workers oversubscribes the CPU (natasha's slovnet models
# are numpy matrix products). Set before the worker first imports numpy; an explicit setting wins.
SINGLE_THREAD_ENV = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")


_BLAS_SET_THREADS = ("openblas_set_num_threads", "openblas_set_num_threads64_", "scipy_openblas_set_num_threads",
                     "scipy_openblas_set_num_threads64_", "MKL_Set_Num_Threads")


def single_blas_thread() -> list[str]:
    """One BLAS thread in this process, as in the pool's workers (process_many and `--workers 1`
    run in the caller's process: with numpy's default of one BLAS thread per core, natasha's
    matrix products on a busy 2-core machine cost twice the CPU). Sets the variables of
    SINGLE_THREAD_ENV for libraries not loaded yet, and, when numpy is already loaded, tells the
    OpenBLAS/MKL it loaded at run time (what threadpoolctl does). A variable the user set wins:
    nothing is changed then. Returns the libraries told (for tests)."""
    import sys

    if os.environ.get("OPENBLAS_NUM_THREADS", "1") != "1" or os.environ.get("OMP_NUM_THREADS", "1") != "1":
        return []
    for name in SINGLE_THREAD_ENV:
        os.environ.setdefault(name, "1")
    if "numpy" not in sys.modules:
        return []
    try:
        with open("/proc/self/maps", encoding="utf-8", errors="replace") as f:
            paths = sorted({line.split()[-1] for line in f if ".so" in line and ("blas" in line.lower() or "mkl_rt" in line)})
    except OSError:  # not Linux: the variables are all we can do
        return []
    import ctypes

    told = []
    for path in paths:
        try:
            lib = ctypes.CDLL(path)
        except OSError:
            continue
        for name in _BLAS_SET_THREADS:
            fn = getattr(lib, name, None)
            if fn is not None:
                fn(1)
                told.append(path)
                break
    return told


PRELOAD = "accord.preload"  # the module the forkserver imports before it forks any worker


def preload_models(ctx, stages: tuple[str, ...]) -> bool:
    """Have the forkserver load and warm the models before it forks the first worker (module
    accord.preload), so each worker starts with them in copy-on-write memory shared with the
    others, instead of loading its own copy: the models are read and warmed up once, not once
    per worker (N parallel loads on a busy machine), a worker started again after a crash is
    ready at once, and the weights' pages are counted once. Only for the whole pipeline (a run of
    some stages need not load every model) and where the start method is forkserver; the
    forkserver is started once per process, so the first pool decides. ACCORD_PRELOAD=off turns
    it off (each worker loads its models, as with spawn)."""
    if os.environ.get("ACCORD_PRELOAD", "") == "off" or ctx.get_start_method() != "forkserver":
        return False
    if tuple(stages) != STAGES:
        return False
    ctx.set_forkserver_preload([PRELOAD])
    return True


def _init_worker(stages: tuple[str, ...], time_budget: float | None, warm: bool, owner: int | None = None) -> None:
    global _WORKER_STAGES, _WORKER_BUDGET
    _WORKER_STAGES, _WORKER_BUDGET = stages, time_budget
    if owner is not None:  # exit when the process that owns the pool dies (SIGKILL/SIGTERM): accord.lifeline
        from ..lifeline import exit_with

        exit_with(owner)
    for name in SINGLE_THREAD_ENV:
        os.environ.setdefault(name, "1")
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C
    import sys

    preloaded = getattr(sys.modules.get(PRELOAD), "WARM", False)  # forked from a forkserver that warmed them
    if warm and not preloaded:  # load models once per worker, before the first article
        warm_up(stages)


def _work(blobs: list[bytes]) -> list[bytes | AccordError]:
    out: list[bytes | AccordError] = []
    for blob in blobs:
        try:
            out.append(_ENCODER.encode(process(_DECODER.decode(blob), _WORKER_STAGES, _WORKER_BUDGET)))
        except AccordError as err:
            out.append(err)
    return out


class _Pool:
    """A process pool that is started again when a worker dies (killed, out of memory)."""

    def __init__(self, workers: int, stages: tuple[str, ...], time_budget: float | None) -> None:
        self.args = (workers, stages, time_budget)
        self.pool = self._start()

    def _start(self):
        from concurrent.futures import ProcessPoolExecutor

        workers, stages, budget = self.args
        ctx = mp_context()
        preload_models(ctx, stages)
        return ProcessPoolExecutor(workers, mp_context=ctx, initializer=_init_worker,
                                   initargs=(stages, budget, True, os.getpid()))

    def submit(self, blobs: list[bytes]):
        from concurrent.futures.process import BrokenProcessPool

        try:
            return self.pool.submit(_work, blobs)
        except BrokenProcessPool:
            self.restart()
            return self.pool.submit(_work, blobs)

    def restart(self) -> None:
        self.pool.shutdown(wait=False, cancel_futures=True)
        self.pool = self._start()

    def results(self, future, blobs: list[bytes], sources: list[str]) -> list[Article | AccordError]:
        """The batch's results in order; a batch hit by a dying worker is retried one by one."""
        from concurrent.futures.process import BrokenProcessPool

        try:
            return [_DECODER.decode(r) if isinstance(r, bytes) else r for r in future.result()]
        except BrokenProcessPool:
            pass
        except Exception as exc:  # noqa: BLE001 - an unexpected worker failure: report, keep going
            return [StageError(src, f"worker failed: {type(exc).__name__}: {exc}") for src in sources]
        out: list[Article | AccordError] = []
        for blob, src in zip(blobs, sources):
            if self.pool._broken:  # noqa: SLF001 - the executor's own flag
                self.restart()
            try:
                r = self.pool.submit(_work, [blob]).result()[0]
                out.append(_DECODER.decode(r) if isinstance(r, bytes) else r)
            except BrokenProcessPool:
                out.append(StageError(src, "a worker process died on this article (killed or out of memory)"))
                self.restart()
            except Exception as exc:  # noqa: BLE001
                out.append(StageError(src, f"worker failed: {type(exc).__name__}: {exc}"))
        return out

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)


def process_parallel(articles: Iterable[Article | AccordError], workers: int | None = None,
                     stages: Iterable[str] = STAGES, time_budget: float | None = DEFAULT_TIME_BUDGET,
                     window: int | None = None, *, small: int | None = None) -> Iterator[Article | AccordError]:
    """Like process_many over `workers` processes; output order = input order.

    An input of fewer than `small` items (default: one batch per worker) is processed in this
    process: starting workers and loading their models would cost more than it saves.

    At most `window` articles are in flight (bounded memory on endless streams), sent in batches
    of BATCH. One worker (or a single CPU) runs in this process, with no pickling at all. A
    worker that dies costs only the article it was on: the pool is started again and the
    other articles of its batch are retried.
    """
    stages = tuple(stages)
    workers = workers or os.cpu_count() or 1
    if workers <= 1:
        yield from process_many(articles, stages, time_budget)
        return
    small = workers * BATCH if small is None else small
    articles = iter(articles)
    head = list(itertools.islice(articles, small))
    if len(head) < small:
        yield from process_many(head, stages, time_budget)
        return
    articles = itertools.chain(head, articles)
    window = max(window or workers * 4 * BATCH, BATCH)
    pool = _Pool(workers, stages, time_budget)
    pending: deque = deque()  # AccordError | (future, blobs, sources), in input order
    in_flight = 0
    blobs: list[bytes] = []
    sources: list[str] = []

    def submit() -> None:
        nonlocal blobs, sources, in_flight
        if blobs:
            pending.append((pool.submit(blobs), blobs, sources))
            in_flight += len(blobs)
            blobs, sources = [], []

    def pop() -> Iterator[Article | AccordError]:
        nonlocal in_flight
        entry = pending.popleft()
        if isinstance(entry, AccordError):
            yield entry
            return
        future, bl, src = entry
        in_flight -= len(bl)
        yield from pool.results(future, bl, src)

    try:
        for item in articles:
            if isinstance(item, AccordError):
                submit()  # keep order: what came before the error goes first
                pending.append(item)
                continue
            blobs.append(_ENCODER.encode(item))
            sources.append(item.source)
            if len(blobs) >= BATCH:
                submit()
            while in_flight >= window:
                yield from pop()
        submit()
        while pending:
            yield from pop()
    finally:
        pool.close()


def extract_text(text: str, source: str = "<text>", **fields) -> Article:
    """Convenience for tests and notebooks: run the whole pipeline on a string."""
    return process(Article(text=text, source=source, **fields))
