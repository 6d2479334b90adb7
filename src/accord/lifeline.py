"""Worker processes end when the process that started them dies.

Why: an `accord ingest` killed with SIGKILL or SIGTERM (by a user, a job scheduler, the OOM
killer) left its forkserver and workers alive for good, ~1.2 GB of models doing nothing: a
pool worker waits on a task queue whose write end it holds itself, so it never sees the
parent go, and the forkserver waits for its last worker. Now each worker watches the pool's
owner and exits when it dies; the forkserver then has no client left and exits too.

How, on Linux: prctl(PR_SET_PDEATHSIG, SIGKILL) kills the worker with its direct parent (the
forkserver, or the owner under spawn), and a daemon thread waits on a pidfd of the owner
(os.pidfd_open: woken by the kernel when it exits; no PID-reuse race), or, where there is no
pidfd, polls the owner's PID every second. Elsewhere only the polling thread runs.
"""
from __future__ import annotations

import os
import signal
import threading

PR_SET_PDEATHSIG = 1
POLL_S = 1.0


def _set_parent_death_signal() -> bool:
    """SIGKILL this process when its parent dies (Linux prctl); False where unsupported."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # exists, owned by someone else (the PID was reused)
        return False
    return True


def _exit() -> None:
    os._exit(1)  # no clean-up: the pool and its queues died with the owner


def _watch_pidfd(fd: int) -> None:
    import select

    poller = select.poll()
    poller.register(fd, select.POLLIN)
    while not poller.poll():  # readable once the process has exited
        pass
    _exit()


def _watch_pid(pid: int, every_s: float) -> None:
    import time

    while _alive(pid):
        time.sleep(every_s)
    _exit()


def exit_with(owner: int, every_s: float = POLL_S) -> str:
    """Make this process exit when process `owner` exits. Returns how it watches ('pidfd' or
    'poll'), or exits at once when the owner is already gone."""
    _set_parent_death_signal()
    if owner == os.getpid():
        return "self"
    try:
        fd = os.pidfd_open(owner)
    except (AttributeError, OSError):
        fd = None
    if fd is None and not _alive(owner):
        _exit()
    if fd is not None:
        threading.Thread(target=_watch_pidfd, args=(fd,), name="accord-lifeline", daemon=True).start()
        return "pidfd"
    threading.Thread(target=_watch_pid, args=(owner, every_s), name="accord-lifeline", daemon=True).start()
    return "poll"
