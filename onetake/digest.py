"""Content hashes for caches: of plain data, of files, and of onetake's own source.

A cache key is the digest of everything that decides an output. The code that
makes the output is one of those inputs: hashing its source means a new
version of onetake never serves an old version's work.
"""

from __future__ import annotations

import hashlib
import json
import os
from functools import cache
from importlib import metadata
from pathlib import Path

_ROOT = Path(__file__).resolve().parent


def digest(value) -> str:
    """sha256 of plain data (dicts, lists, numbers, strings) in a canonical JSON form."""
    text = json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


_files: dict[tuple[str, int, int], str] = {}


def file_digest(path: Path | str) -> str:
    """sha256 of a file's bytes; remembered per (path, size, mtime) so a long video is read once per process.
    A missing file digests as "missing": the render fails on it anyway."""
    try:
        stat = os.stat(path)
    except OSError:
        return "missing"
    key = (str(path), stat.st_size, stat.st_mtime_ns)
    if key not in _files:
        sha = hashlib.sha256()
        with open(path, "rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                sha.update(block)
        _files[key] = sha.hexdigest()
    return _files[key]


@cache
def source_digest(*parts: str) -> str:
    """sha256 of onetake's source under `parts` (packages like "render" or single files like "text_units.py")."""
    sha = hashlib.sha256()
    for part in parts:
        target = _ROOT / part
        files = sorted(target.rglob("*.py")) if target.is_dir() else [target]
        for path in files:
            sha.update(str(path.relative_to(_ROOT)).encode())
            sha.update(path.read_bytes())
    return sha.hexdigest()


@cache
def versions(*distributions: str) -> dict[str, str]:
    """Installed versions of the libraries that shape an output (an encoder, a voice model)."""
    out = {}
    for name in distributions:
        try:
            out[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            out[name] = "absent"
    return out
