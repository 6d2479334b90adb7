"""Memory of a bench run: the peak RSS of each pool worker and the peak PSS of all the run's
processes together (the preloaded models' pages are shared, so RSS alone counts them N times).
"""
from __future__ import annotations

import os
import resource
import threading


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
