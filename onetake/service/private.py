"""The data directory is the owner's alone: 0700 folders, 0600 files (the SQLite database holds webhook secrets).

`serve` sets the umask so everything the server and its job processes write is private from the
start; `secure` tightens what an older version left readable. Webhook signing secrets stay in
plain text in the database on purpose: they must be read back to sign each delivery, and a key
to encrypt them would have to live beside them in this same directory, so file permissions are
the protection that means something here.
"""

from __future__ import annotations

import os
from pathlib import Path

PRIVATE_UMASK = 0o077


def restrict_umask() -> None:
    os.umask(PRIVATE_UMASK)


def secure(data_dir: Path, *dirs: Path | None) -> None:
    """Create the data directory private; make it, the given folders and the files directly in it owner-only."""
    data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    for folder in (data_dir, *[d for d in dirs if d is not None]):
        if folder.is_dir():
            _chmod(folder, 0o700)
    for entry in data_dir.iterdir():  # onetake.db (-wal, -shm), url-signing.key, logs
        if entry.is_file() and not entry.is_symlink():
            _chmod(entry, 0o600)


def _chmod(path: Path, mode: int) -> None:
    try:
        if path.stat().st_mode & 0o777 != mode:
            os.chmod(path, mode)
    except OSError:  # not ours (a shared brand-kit folder): leave it, it is the operator's choice
        pass
