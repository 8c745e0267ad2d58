"""The icon embedding index: every icon's name and tags embedded once, cached on disk beside the icon sets.

scripts/setup.sh builds it (`python -m onetake.visuals.icons.build_index`, ~1 min on
2 cores); a missing or stale cache is rebuilt on first use.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

import numpy as np

from onetake.vendor import vendor_dir
from onetake.visuals.icons.catalogue import Icon, icons

INDEX_VERSION = "1"


def _key(items: tuple[Icon, ...]) -> str:
    digest = hashlib.sha256(INDEX_VERSION.encode())
    for icon in items:
        digest.update(icon.id.encode() + b"\0" + icon.text.encode() + b"\n")
    return digest.hexdigest()[:16]


def index_path(items: tuple[Icon, ...] | None = None) -> Path:
    return vendor_dir() / f"icon-index-{_key(items or icons())}.npy"


@lru_cache(maxsize=1)
def embeddings() -> np.ndarray:
    """(len(icons()), 384) float32, row i for icons()[i]."""
    items = icons()
    path = index_path(items)
    if path.exists():
        table = np.load(path)
        if table.shape[0] == len(items):
            return table
    from onetake.visuals.icons.embed import embed

    table = embed([icon.text for icon in items])
    tmp = path.with_suffix(".tmp.npy")
    np.save(tmp, table)
    tmp.replace(path)  # atomic: two processes building at once never read half a file
    return table

