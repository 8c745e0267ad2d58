import os
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")
# Caches (presenter previews, fontconfig) go to a throwaway place, not the user's home.
os.environ["XDG_CACHE_HOME"] = os.path.join(tempfile.gettempdir(), "onetake-test-cache")
# The command line's memory and keys: a fresh folder per run, never the user's own.
os.environ["ONETAKE_DATA_DIR"] = tempfile.mkdtemp(prefix="onetake-test-data-")


@pytest.fixture(scope="session")
def portrait_photo(tmp_path_factory) -> Path:
    """A real JPEG standing in for the user photos that the example prompts link to (unreachable here)."""
    from tests.media import write_test_photo

    return write_test_photo(tmp_path_factory.mktemp("media"))
