"""Job processes are registered under the data directory, so a server starting on it kills any left by the last one.

The death signal (PR_SET_PDEATHSIG, checked after arming) already takes a job process and its render
workers down with the server; this is the second line for whatever escaped it (a platform without
the signal, a server that was itself a child of something that re-parents). A registration holds
the pid and the process's start time, so a recycled pid is never killed by mistake.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

log = logging.getLogger("onetake.service")


def run_dir(data_dir: Path) -> Path:
    return data_dir / "run"


def register(directory: Path) -> None:
    """Called in the job process itself, once it is up."""
    import psutil

    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    me = psutil.Process()
    (directory / f"job-{me.pid}").write_text(f"{me.pid} {me.create_time()!r}\n")


def reap(directory: Path) -> int:
    """Kill every registered process still alive (with its children); returns how many were found."""
    import psutil

    killed = 0
    for entry in sorted(directory.glob("job-*")) if directory.exists() else []:
        try:
            pid_text, started = entry.read_text().split()
            proc = psutil.Process(int(pid_text))
            if abs(proc.create_time() - float(started)) < 0.01 and proc.pid != os.getpid():
                tree = proc.children(recursive=True) + [proc]
                for p in tree:
                    try:
                        p.kill()
                    except psutil.NoSuchProcess:
                        pass
                psutil.wait_procs(tree, timeout=5)
                killed += 1
        except (ValueError, OSError, psutil.NoSuchProcess, psutil.AccessDenied):
            pass
        entry.unlink(missing_ok=True)
    if killed:
        log.warning("killed %d job processes left running by the previous server", killed)
    return killed


def unregister(directory: Path, pid: int) -> None:
    (directory / f"job-{pid}").unlink(missing_ok=True)
