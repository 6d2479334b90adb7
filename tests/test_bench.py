"""accord bench: what "the backends alone" means is explicit, and the ratio is given against each
definition (NER-only natasha, natasha's full pipeline; spaCy's whole pipeline for English)."""
from __future__ import annotations

import pytest

from accord.tools import bench


def result() -> bench.BenchResult:
    res = bench.BenchResult(corpus="x", docs=4, words=2000, workers=2)
    res.backend = {
        "ru:natasha-ner": {"lang": "ru", "name": "natasha-ner", "docs": 2, "seconds": 0.1, "pipeline_s": 0.4},
        "ru:natasha-full": {"lang": "ru", "name": "natasha-full", "docs": 2, "seconds": 0.2, "pipeline_s": 0.4},
        "en:spacy-full": {"lang": "en", "name": "spacy-full", "docs": 2, "seconds": 0.3, "pipeline_s": 0.6},
    }
    return res


def test_ratio_against_each_definition():
    res = result()
    assert res.backend_ratio == pytest.approx((0.1 + 0.3) / 1.0)
    assert res.backend_ratio_full == pytest.approx((0.2 + 0.3) / 1.0)
    assert res.backend_docs_per_s_of("full") == pytest.approx(4 * 2 / 0.5)
    text = bench.report(res)
    for name in bench.BACKEND_NAMES.values():
        assert name in text
    assert "ratio vs ner-only" in text and "ratio vs full" in text
    data = bench.to_json(res)
    assert data["backend_definitions"]["full"]["ratio"] == pytest.approx(0.5)


def test_every_definition_names_a_backend_that_runs():
    for langs in bench.DEFINITIONS.values():
        for lang, name in langs.items():
            assert (lang, name) in bench.BACKENDS


def test_backends_alone_time_each_document_once_per_backend():
    jobs = [(("ru", "natasha-ner"), "Министр встретился с коллегой в Москве."),
            (("ru", "natasha-full"), "Министр встретился с коллегой в Москве.")]
    per, wall = bench.run_backends(jobs, workers=1)
    assert set(per) == {("ru", "natasha-ner"), ("ru", "natasha-full")}
    assert all(len(v) == 1 and v[0] > 0 for v in per.values()) and wall > 0


def test_one_worker_reports_cpu_per_document():
    res = result()
    assert "ms of CPU per document" not in bench.report(res)
    res.cpu_s = 0.5
    assert "125.0 ms of CPU per document" in bench.report(res)


def test_one_worker_ratio_from_cpu_time():
    res = result()
    assert res.backend_cpu_ratio_of("ner-only") is None and "from CPU time" not in bench.report(res)
    for b, (cpu, pipe_cpu) in zip(res.backend.values(), ((0.08, 0.3), (0.15, 0.3), (0.2, 0.5))):
        b["cpu_seconds"], b["pipeline_cpu_s"] = cpu, pipe_cpu
    assert res.backend_cpu_ratio_of("ner-only") == pytest.approx((0.08 + 0.2) / (0.3 + 0.5))
    assert res.backend_cpu_ratio_of("full") == pytest.approx((0.15 + 0.2) / (0.3 + 0.5))
    assert "ratio vs full     from CPU time in this process: 0.44" in bench.report(res)
    assert bench.to_json(res)["backend_definitions"]["ner-only"]["ratio_cpu"] == pytest.approx(0.35)


def test_backend_runs_report_cpu_seconds():
    cpu: dict = {}
    per, _ = bench.run_backends([(("ru", "natasha-ner"), "Министр встретился с коллегой в Москве.")], workers=1, cpu=cpu)
    assert len(cpu[("ru", "natasha-ner")]) == 1 and cpu[("ru", "natasha-ner")][0] > 0
