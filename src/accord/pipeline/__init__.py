"""The pipeline: ordered components over one Article.

    read → clean → language → sentences → parse → dates → entities → linking → quotes → events

- accord.pipeline.registry: `Component` (name, requires, assigns, the function) and `Pipeline`
  (an ordered chain, checked when built: every field a component requires is set by the reader
  or assigned by an earlier component; `Pipeline.assigns` / `field_map()` give field -> component).
- accord.pipeline.default: the stages' components, imported one by one, in order (STAGES names
  them); follow an article from here into each stage module.
- accord.pipeline.runners: process (one article), process_many (a stream), process_parallel
  (worker processes), warm-up, garbage-collector and BLAS settings, the forkserver preload.

`python -m accord.pipeline --fields` prints the field map. Every name below was importable from
accord.pipeline when it was one module, and stays so.
"""
from .default import STAGES, default_pipeline, field_map
from .registry import READER, READER_FIELDS, Component, ContractError, Pipeline
from .runners import (
    BATCH,
    DEFAULT_TIME_BUDGET,
    GC_THRESHOLD0,
    PRELOAD,
    SINGLE_THREAD_ENV,
    WARM_UP,
    _WARMED,
    _Expired,
    _init_worker,
    _Pool,
    _time_budget,
    _work,
    components,
    extract_text,
    mp_context,
    preload_models,
    process,
    process_many,
    process_parallel,
    settle_gc,
    single_blas_thread,
    start_method,
    warm_up,
)

__all__ = ["BATCH", "DEFAULT_TIME_BUDGET", "GC_THRESHOLD0", "PRELOAD", "READER", "READER_FIELDS", "SINGLE_THREAD_ENV",
           "STAGES", "WARM_UP", "Component", "ContractError", "Pipeline", "components", "default_pipeline",
           "extract_text", "field_map", "mp_context", "preload_models", "process", "process_many",
           "process_parallel", "settle_gc", "single_blas_thread", "start_method", "warm_up"]
