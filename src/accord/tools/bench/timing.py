"""The bench run itself: the pipeline over N workers on the corpus (stage times, memory), each
document's backends (interleaved in this process with one worker, else a second pass over the
same workers), then ingest scaling. `progress(message)` is told what is happening.
"""
from __future__ import annotations

import os
import time
from collections import defaultdict
from collections.abc import Iterable

from ...doc import Article
from ...errors import AccordError
from .backends import BACKEND_LANGS, BACKENDS, _time_backend, run_backends
from .corpus import fresh, load_corpus, run_ingest
from .memory import WorkerMemory, parent_peak_mb
from .result import BenchResult


def run(paths: list[str], docs: int | None = None, workers: int | None = None, backends: bool = True,
        ingest_sizes: Iterable[int] = (), keep: int = 300, progress=None) -> BenchResult:
    """Run the benchmark; `progress(message)` is told what is happening."""
    from ...pipeline import STAGES, process_parallel, start_method

    say = progress or (lambda msg: None)
    workers = workers or os.cpu_count() or 1
    corpus = load_corpus(paths, docs)
    if not corpus:
        raise ValueError(f"no readable article in {', '.join(paths)}")
    res = BenchResult(corpus=", ".join(paths), docs=len(corpus), words=sum(len(a.text.split()) for a in corpus),
                      workers=workers, load=os.getloadavg(), cpus=os.cpu_count() or 1)
    say(f"pipeline: {res.docs} documents, {res.words} words, {workers} worker(s)"
        + (", each document's backends alone right after it" if backends and workers <= 1 else ""))
    stage_s: dict[str, float] = {s: 0.0 for s in STAGES}
    per_doc: list[tuple[str, str, float, float | None]] = []  # (lang, text, pipeline seconds, CPU seconds)
    kept: list[Article] = []
    depth = 2 if start_method() == "forkserver" else 1
    t_first = None
    if workers <= 1:  # in this process: load the models first, as pool workers do in their initializer
        from ...pipeline import _WARMED, single_blas_thread, warm_up

        single_blas_thread()
        warm_up()
        _WARMED.add(tuple(STAGES))  # process_many need not warm them again (inside the first document's time)
    # one worker: each document's backends run right after its pipeline run, in this process, so both
    # are timed under the same load (a shared machine's load moves between two separate passes)
    interleave = backends and workers <= 1
    inter_wall: dict[tuple[str, str], list[float]] = defaultdict(list)
    inter_cpu: dict[tuple[str, str], list[float]] = defaultdict(list)
    spent_wall = spent_cpu = 0.0
    if interleave:
        from ...pipeline import settle_gc

        for fn in BACKENDS.values():
            fn("Warm-up. Прогрев моделей в Москве.")
        settle_gc()
    with WorkerMemory(depth) as memory:
        t0, c0 = time.perf_counter(), time.process_time()
        c_doc = c0  # one worker: the article is processed in this process while the loop waits for it
        for item in process_parallel((fresh(a) for a in corpus), workers=workers):
            doc_cpu = time.process_time() - c_doc if workers <= 1 else None
            if t_first is None:
                t_first = time.perf_counter()
            if isinstance(item, AccordError):
                res.failed += 1
                c_doc = time.process_time()
                continue
            for name, secs in item.timings.items():
                stage_s[name] = stage_s.get(name, 0.0) + secs
            res.langs[item.lang] = res.langs.get(item.lang, 0) + 1
            per_doc.append((item.lang, item.text, sum(item.timings.values()), doc_cpu))
            if len(kept) < keep:
                kept.append(item)
            if interleave and item.lang in BACKEND_LANGS:
                w0, b0 = time.perf_counter(), time.process_time()
                keys = [key for key in BACKENDS if key[0] == item.lang]
                for key in (keys if len(per_doc) % 2 else keys[::-1]):  # alternating: a second run may find warm caches
                    _, secs, cpu_secs = _time_backend(key, item.text)
                    inter_wall[key].append(secs)
                    inter_cpu[key].append(cpu_secs)
                spent_wall += time.perf_counter() - w0
                spent_cpu += time.process_time() - b0
            c_doc = time.process_time()
        res.wall_s = time.perf_counter() - t0 - spent_wall  # the interleaved backends' time is theirs
        if workers <= 1:  # the pipeline ran in this process: its CPU time, independent of other load
            res.cpu_s = time.process_time() - c0 - spent_cpu
        res.steady_s = time.perf_counter() - (t_first or t0) - spent_wall
    res.stage_s = stage_s
    res.worker_peak_mb = sorted(memory.peaks.values(), reverse=True) if workers > 1 else [parent_peak_mb()]
    res.total_pss_mb = memory.total_pss_mb or None

    if backends:
        jobs = []  # a document's backends in turn, the order alternating (the second run of a text may find warm caches)
        for n, (lang, text, _, _) in enumerate(per_doc):
            keys = [key for key in BACKENDS if key[0] == lang]
            jobs += [(key, text) for key in (keys if n % 2 else keys[::-1])]
        cpu: dict[tuple[str, str], list[float]] = defaultdict(list)
        if interleave:
            seconds, cpu, res.backend_wall_s = inter_wall, inter_cpu, spent_wall
        else:
            say(f"backends alone: {len(jobs)} runs on the en/ru documents ({', '.join(n for _, n in BACKENDS)}), "
                f"{workers} worker(s)")
            seconds, res.backend_wall_s = run_backends(jobs, workers, cpu)
        for (lang, name), secs in seconds.items():
            res.backend[f"{lang}:{name}"] = {"lang": lang, "name": name, "docs": len(secs), "seconds": sum(secs),
                                             "pipeline_s": sum(s for lg, _, s, _ in per_doc if lg == lang),
                                             "cpu_seconds": sum(cpu[(lang, name)])}
            if workers <= 1:  # both in this process: CPU seconds, which other processes' load hardly moves
                res.backend[f"{lang}:{name}"]["pipeline_cpu_s"] = sum(c for lg, _, _, c in per_doc if lg == lang)
    sizes = [int(n) for n in ingest_sizes]
    if sizes and kept:
        say(f"ingest into a temporary store: {', '.join(map(str, sizes))} documents")
        res.ingest = run_ingest(kept, sizes)
    res.parent_peak_mb = parent_peak_mb()
    return res
