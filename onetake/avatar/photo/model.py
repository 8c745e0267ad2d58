"""PhotoAvatar: a photo and its face mesh, as plain data (travels to workers inside the timeline)."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import numpy as np
from pydantic import BaseModel, Field


class PhotoAvatar(BaseModel):
    id: str  # "photo" for a brief's own image, else the saved avatar's id
    name: str = ""  # shown in lower thirds; empty when the brief did not say who it is
    source: Path  # the photo; the rig decodes it again with source.load_photo (same size, same pixels)
    width: int  # size of the decoded working image the points refer to
    height: int
    points: list[tuple[float, float]] = Field(min_length=478, max_length=478)  # mediapipe face mesh, pixels
    faces_found: int = 1
    gender: Literal["male", "female"] | None = None
    voice_id: str | None = None  # a saved avatar's own voice
    notes: list[str] = Field(default_factory=list)

    def landmarks(self) -> np.ndarray:
        return np.asarray(self.points, dtype=np.float32)
