"""A memory ceiling for job processes (and the render workers they start, which inherit it).

Planning, PDF reading and image decoding of user files run in job processes so that a bomb costs
that job, not the server; RLIMIT_DATA turns "the machine swaps, then the OOM killer picks
someone" into a MemoryError or a crash of that one process, which fails its job with a
failure_code. RLIMIT_DATA (private writable memory) rather than RLIMIT_AS: the address space of a
process with threads and skia reserves far more than it ever touches.

The limit travels in the environment (ONETAKE_JOB_MEMORY_MB), which spawned job processes inherit.
"""

from __future__ import annotations

import os

ENV = "ONETAKE_JOB_MEMORY_MB"


def export(limit_mb: int | None) -> None:
    """In the server, before job processes start: what they will apply (0 or None: no limit)."""
    os.environ[ENV] = str(limit_mb or 0)


def apply() -> int | None:
    """In a job process: set the ceiling from the environment; returns it in MB (None when unset or 0)."""
    try:
        limit_mb = int(os.environ.get(ENV) or 0)
    except ValueError:
        return None
    if limit_mb <= 0:
        return None
    try:
        import resource

        limit = limit_mb * 1024 * 1024
        _, hard = resource.getrlimit(resource.RLIMIT_DATA)
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        resource.setrlimit(resource.RLIMIT_DATA, (limit, hard))
    except (ImportError, ValueError, OSError):  # not POSIX, or not allowed: run without it
        return None
    return limit_mb
