"""Where each scene sat in the last render of a plan, so a revision keeps the scenes it did not change.

A length target spreads its slack over every scene; re-fitting after a one-line edit would move
every cut and re-draw every scene. With this memo (kept in the render cache), a scene whose words,
voice and spoken duration are as before keeps its lead, tail and sentence pauses, and only the
changed scenes take up the difference (timeline/placement.py `place_around`).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from pydantic import BaseModel

MEMO_VERSION = 1


class PlacedScene(BaseModel):
    key: str  # the scene's words and voice
    spoken: float  # the utterance's duration as synthesised (before pauses were lengthened)
    lead: float
    tail: float
    extra_pause: float  # silence added at each sentence pause


class PlacementMemo(BaseModel):
    version: int = MEMO_VERSION
    target: float
    scenes: list[PlacedScene]

    def kept(self, keys: list[str], spoken: list[float], target: float | None) -> list[PlacedScene | None] | None:
        """For each scene, its earlier placement if it is the same scene said the same way; None when nothing carries over."""
        if target is None or abs(target - self.target) > 1e-6:
            return None
        earlier = {s.key: s for s in self.scenes}
        found = [earlier.get(k) if earlier.get(k) and abs(earlier[k].spoken - d) < 1e-6 else None for k, d in zip(keys, spoken)]
        return found if any(found) else None

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(self.model_dump_json(), encoding="utf-8")
        tmp.replace(path)

    @classmethod
    def load(cls, path: Path | None) -> "PlacementMemo | None":
        if path is None or not path.is_file():
            return None
        try:
            memo = cls.model_validate_json(path.read_text(encoding="utf-8"))
        except ValueError:  # a memo from another version, or damaged: place afresh
            return None
        return memo if memo.version == MEMO_VERSION else None


def scene_key(narration: str, voice_id: str) -> str:
    return hashlib.sha256(f"{voice_id}\n{narration}".encode()).hexdigest()[:24]
