"""A real `onetake serve` on a loopback port (temp data dir, one API key) and Debian's Chromium driven by Playwright.

The browser is the system's /usr/bin/chromium (scripts/setup.sh installs it): `playwright install` downloads a
browser build, which this project never does. Screenshots of each step go to out/studio/.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.service.conftest import ROOT, Server, make_keys

CHROMIUM = os.environ.get("ONETAKE_CHROMIUM", "/usr/bin/chromium")
SHOTS = ROOT / "out" / "studio"
UPLOAD_LIMIT = 300_000


def _chromium() -> str:
    path = shutil.which(CHROMIUM) or CHROMIUM
    if not Path(path).is_file():
        message = f"{CHROMIUM} is missing: scripts/setup.sh installs Debian's chromium package"
        if os.environ.get("CI"):
            pytest.fail(message)  # never a skip in CI: the set-up must install it
        pytest.skip(message)
    return path


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=_chromium(), headless=True)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def keyed_server(tmp_path_factory):
    """A server that needs a key, as anywhere beyond loopback."""
    data_dir = tmp_path_factory.mktemp("studio-data")
    keys = make_keys(data_dir, ["studio"])
    server = Server(data_dir, allow=[], extra_env={"ONETAKE_MAX_UPLOAD_BYTES": str(UPLOAD_LIMIT)})  # a small limit to go over
    server.start()
    yield server, keys["studio"][0]
    server.stop()


@pytest.fixture(scope="session")
def shots() -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    for old in SHOTS.glob("*.png"):
        old.unlink()
    return SHOTS
