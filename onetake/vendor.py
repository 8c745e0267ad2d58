"""Where scripts/setup.sh puts what it installs from the package registries: the git-ignored vendor/
folder (icon sets, their index, the API docs' scripts), or ONETAKE_VENDOR_DIR when set."""

from __future__ import annotations

import os
from pathlib import Path

VENDOR_ENV = "ONETAKE_VENDOR_DIR"


def vendor_dir() -> Path:
    return Path(os.environ.get(VENDOR_ENV) or Path(__file__).resolve().parents[1] / "vendor")


def npm_dir() -> Path:
    """The npm prefix setup.sh installs into: packages under node_modules/, unpacked bundles beside it."""
    return vendor_dir() / "npm"
