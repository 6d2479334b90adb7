"""A bench result as text (what `accord bench` prints) and as JSON (`accord bench --json`)."""
from __future__ import annotations

from .backends import BACKEND_NAMES, DEFINITIONS
from .result import BenchResult


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
