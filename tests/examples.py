"""The real user prompts of ../shared/examples/prompts.json.

The shared folder sits beside the repository in CI; a copy is kept here so the
suite also runs from a lone clone. The shared file wins when present.
"""

from __future__ import annotations

import json
from pathlib import Path

_SHARED = Path(__file__).resolve().parents[2] / "shared" / "examples" / "prompts.json"
_COPY = Path(__file__).resolve().parent / "data" / "example_prompts.json"


def example_prompts() -> list[dict]:
    return json.loads((_SHARED if _SHARED.is_file() else _COPY).read_text(encoding="utf-8"))
