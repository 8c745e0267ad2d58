"""A pool of worker processes for the CPU-heavy stages (speech, frame rendering).

Processes, not threads: skia drawing and x264 hold the GIL for long
stretches. Workers are spawned (not forked) so they never inherit the
parent's ONNX or encoder threads; they are started early, so their imports
overlap with planning.
"""

from __future__ import annotations

import importlib
import multiprocessing as mp
import os
import queue
from collections.abc import Callable, Iterable
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from typing import Any

# One BLAS thread per process: on 2 shared cores OpenBLAS's own threads made
# small solves 200x slower (STACK.md). Set before any worker imports numpy.
_SINGLE_THREAD_ENV = {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}

_progress_queue = None


def die_with_parent(parent_pid: int | None = None) -> None:
    """Ask Linux to SIGKILL this process when its parent dies. A pool worker blocks on a queue whose
    write end it holds itself, so it never sees EOF: without this, a killed or stopped parent (a
    server restart, a crashed job process) leaves its workers running, ~200 MB each.
    The signal is only armed from here on: a parent that died while this process was still starting
    (its imports take a second) is caught by comparing the parent pid afterwards."""
    try:
        import ctypes
        import signal

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, int(signal.SIGKILL))  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # not Linux/glibc
        pass
    if parent_pid is not None and os.getppid() != parent_pid:
        os._exit(1)  # already orphaned (re-parented to init or a subreaper)


def _init_worker(progress, warm_modules: tuple[str, ...], parent_pid: int | None = None) -> None:
    global _progress_queue
    die_with_parent(parent_pid)
    _progress_queue = progress
    for name in warm_modules:  # load heavy modules now, while the parent is still planning
        importlib.import_module(name)


def _ready() -> None:
    """A no-op task: submitting one per worker makes the pool start its processes now."""


def report_progress(amount: int) -> None:
    """Called inside a worker to advance the parent's progress bar."""
    if _progress_queue is not None:
        _progress_queue.put(amount)


def return_memory_to_os() -> None:
    """Give freed heap back to the OS (glibc keeps it otherwise), so RSS falls between stages."""
    import ctypes
    import gc

    gc.collect()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # not glibc: nothing to trim
        pass


def default_worker_count() -> int:
    return max(1, min(os.cpu_count() or 1, 8))


class WorkerPool:
    def __init__(self, workers: int | None = None, warm_modules: tuple[str, ...] = ("onetake.render.compositor", "onetake.voice.speak")):
        for key, value in _SINGLE_THREAD_ENV.items():
            os.environ.setdefault(key, value)
        context = mp.get_context("spawn")
        self.workers = workers or default_worker_count()
        self.progress = context.Queue()
        self.executor = ProcessPoolExecutor(self.workers, mp_context=context, initializer=_init_worker, initargs=(self.progress, warm_modules, os.getpid()))
        # Start the processes at once: their imports (~1 s) then overlap the caller's own work.
        for _ in range(self.workers):
            self.executor.submit(_ready)

    def run(self, fn: Callable[..., Any], jobs: Iterable[tuple], on_progress: Callable[[int], None] | None = None) -> list[Any]:
        """Run fn(*job) for every job; results in job order. Progress reports are forwarded as they arrive."""
        futures: list[Future] = [self.executor.submit(fn, *job) for job in jobs]
        pending = set(futures)
        while pending:
            _, pending = wait(pending, timeout=0.1, return_when=FIRST_COMPLETED)
            self._drain(on_progress)
        self._drain(on_progress)
        return [f.result() for f in futures]

    def _drain(self, on_progress: Callable[[int], None] | None) -> None:
        while True:
            try:
                amount = self.progress.get_nowait()
            except queue.Empty:
                return
            if on_progress:
                on_progress(amount)

    def close(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
