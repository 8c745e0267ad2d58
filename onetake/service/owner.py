"""One job-running process per data directory: `onetake serve` and `onetake mcp` each hold an exclusive lock on it.

Both resume the directory's unfinished videos and reap its job processes when they start, so a
second one on the same directory would render videos twice and kill the first one's renders.
The lock (flock) dies with the process that holds it, so a crashed server never leaves it stale.
"""

from __future__ import annotations

import fcntl
import os
from contextlib import contextmanager
from pathlib import Path

from onetake.service.reaper import run_dir


class DataDirInUse(RuntimeError):
    pass


@contextmanager
def owning(data_dir: Path):
    directory = run_dir(data_dir)
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    path = directory / "owner.lock"
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = path.read_text().strip() or "?"
            raise DataDirInUse(f"another onetake process (pid {holder}) is rendering from {data_dir}; give this one its own --data-dir, "
                               "or connect to that server (its MCP tools are at /mcp)") from None
        os.ftruncate(fd, 0)
        os.write(fd, str(os.getpid()).encode())
        yield
    finally:
        os.close(fd)
