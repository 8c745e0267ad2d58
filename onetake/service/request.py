"""The session's stored request: one typed model, whichever shape accepted it, and its one way to a Brief.

It is saved as the session's `request` JSON column. Files are references: a path under the
files directory (uploads, asset copies) or a URL the job fetches; `to_brief` takes the local
paths the job resolved them to.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from onetake.brief.intake import make_brief
from onetake.brief.models import Brief, Remembered


class FileRef(BaseModel):
    model_config = ConfigDict(extra="ignore")
    path: str | None = None  # relative to the files directory
    url: str | None = None
    mime: str | None = None


class StoredRequest(BaseModel):
    model_config = ConfigDict(extra="ignore")
    prompt: str
    orientation: str | None = None
    width: int | None = None
    height: int | None = None
    duration: float | None = None
    avatar_id: str | None = None
    voice_id: str | None = None
    style_id: str | None = None
    output_format: str | None = None
    quality: int | None = None
    music: str | None = None
    avatar_image_file: int | None = None  # index into files of the photo that presents (Runware inputs.image)
    files: list[FileRef] = Field(default_factory=list)
    brand_kit_id: str | None = None
    brand_kit_store: str | None = None  # the session's copy of the kit store, relative
    remembered: Remembered | None = None  # memory recalled for the brand this prompt names (service/memory.py)

    def to_brief(self, paths: list[Path], seed: int, kit_store: Path | None = None) -> Brief:
        """`paths`: the local file of each of `files`, in order (the photo that presents among them)."""
        paths = list(paths)
        photo = self.avatar_image_file
        avatar_image = paths.pop(photo) if photo is not None and photo < len(paths) else None
        brief = make_brief(self.prompt, orientation=self.orientation, width=self.width, height=self.height, duration=self.duration,
                           avatar_id=self.avatar_id, avatar_image=avatar_image, voice_id=self.voice_id, style_id=self.style_id, files=paths,
                           output_format=self.output_format or "mp4", quality=85 if self.quality is None else self.quality, seed=seed,
                           music=self.music)
        if kit_store is not None:  # the request's own kit, or a remembered one the agent may use
            brief = brief.model_copy(update={"brand_kit_id": self.brand_kit_id, "brand_kit_store": kit_store})
        return brief.model_copy(update={"remembered": self.remembered})
