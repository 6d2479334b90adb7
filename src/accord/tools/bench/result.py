"""What one `accord bench` run measured, and the ratios derived from it.

Why apart: the report and the JSON output read the same figures, and the tests check the
ratios on hand-made results without running any model.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .backends import DEFINITIONS


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
