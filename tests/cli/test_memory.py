"""The command line remembers a brand between `make` runs (the local user's memory), and --incognito does not."""

from __future__ import annotations

import io
import json
from contextlib import redirect_stdout

from onetake.cli import console, run
from onetake.service import local_memory

SMALL = ["--width", "320", "--height", "180", "--duration", "5"]


def _make(*argv: str) -> tuple[str, str]:
    """(stdout, what the console printed: the notes)."""
    out = io.StringIO()
    with redirect_stdout(out), console.capture() as captured:
        run(["make", *argv])
    return out.getvalue(), captured.get()


def _facts(brand: str) -> dict[str, dict]:
    return {f["kind"]: f for f in local_memory.facts() if f["brand"].casefold() == brand.casefold()}


def test_a_brand_is_remembered_used_and_forgotten(tmp_path):
    first, _ = _make("A short hello from Quillstone Stationers: fountain pens and hand-bound notebooks. Shop at quillstone.co.uk",
                     "--voice", "joe", "--out", str(tmp_path / "a"), *SMALL)
    facts = _facts("Quillstone Stationers")
    assert facts["url"]["value"] == "quillstone.co.uk" and facts["voice_id"]["value"] == "joe"

    _, notes = _make("A short video for Quillstone Stationers about our new ink colours.", "--out", str(tmp_path / "b"), *SMALL)
    assert "Using what I remember about Quillstone Stationers" in notes
    plan = json.loads(next((tmp_path / "b").glob("*/plan.json")).read_text(encoding="utf-8"))
    assert plan["cast"]["voice_id"] == "joe"
    assert "quillstone.co.uk" in " ".join(s["narration"] for s in plan["storyboard"]["scenes"]).lower()

    _, notes = _make("A short video for Quillstone Stationers about gift wrapping. Visit quillstone-gifts.co.uk", "--incognito",
                     "--out", str(tmp_path / "c"), *SMALL)
    assert "remember" not in notes
    assert _facts("Quillstone Stationers")["url"]["value"] == "quillstone.co.uk"  # incognito wrote nothing

    out = io.StringIO()
    with redirect_stdout(out):
        run(["memory", "forget", "--brand", "Quillstone Stationers"])
    assert "forgot" in out.getvalue() and _facts("Quillstone Stationers") == {}
