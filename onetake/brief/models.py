"""The Brief: one validated request, whichever door it came through (CLI, API)."""

from __future__ import annotations

from enum import Enum
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

PROMPT_MAX_CHARS = 10_000
MAX_FILES = 20
DURATION_MIN_S = 5.0
DURATION_MAX_S = 300.0
SIZE_MIN_PX = 128
SIZE_MAX_PX = 3840
QUALITY_MIN = 20
QUALITY_MAX = 99
FPS_CHOICES = (24, 25, 30)


class Orientation(str, Enum):
    landscape = "landscape"
    portrait = "portrait"


class OutputFormat(str, Enum):
    mp4 = "mp4"
    webm = "webm"
    mov = "mov"


class MediaKind(str, Enum):
    image = "image"
    video = "video"
    audio = "audio"
    document = "document"


class InputFile(BaseModel):
    """A user file, already on local disk, with its content type sniffed (never trusted)."""

    model_config = ConfigDict(frozen=True)

    path: Path
    kind: MediaKind
    mime_type: str
    size_bytes: int


class Remembered(BaseModel):
    """What earlier sessions established about a brand (service memory): the starting point for the blanks
    this brief leaves. The brief always wins; facts for a different brand than the one it names are not used."""

    model_config = ConfigDict(frozen=True)

    brand: str
    url: str = ""
    cta: str = ""  # a speakable sentence: "Book at bloomyoga.studio."
    colours: tuple[str, ...] = ()  # #RRGGBB
    tone: tuple[str, ...] = ()
    avatar_id: str | None = None
    voice_id: str | None = None
    brand_kit_id: str | None = None  # the kit's copy is in the Brief's brand_kit_store


class Brief(BaseModel):
    """Everything the agent needs to make one video. `None` means "decide for me"."""

    model_config = ConfigDict(frozen=True)

    prompt: str = Field(min_length=1, max_length=PROMPT_MAX_CHARS)
    orientation: Orientation | None = None
    width: int | None = Field(default=None, ge=SIZE_MIN_PX, le=SIZE_MAX_PX)
    height: int | None = Field(default=None, ge=SIZE_MIN_PX, le=SIZE_MAX_PX)
    duration: float | None = Field(default=None, ge=DURATION_MIN_S, le=DURATION_MAX_S)
    avatar_id: str | None = None
    avatar_image: InputFile | None = None  # a photo to present as a talking avatar (CLI --avatar-image)
    voice_id: str | None = None
    style_id: str | None = None
    brand_kit_id: str | None = None  # a stored brand kit: its colours, fonts and logo apply to every scene
    brand_kit_store: Path | None = None  # the store holding it (the server's own); None: the CLI's default store
    files: tuple[InputFile, ...] = Field(default=(), max_length=MAX_FILES)
    output_format: OutputFormat = OutputFormat.mp4
    quality: int = Field(default=85, ge=QUALITY_MIN, le=QUALITY_MAX)
    fps: int = 25
    seed: int = 0
    music: str | None = None  # a mood ("calm", "upbeat"...), "none", or None: from the prompt and style
    remembered: Remembered | None = None  # an earlier session's facts for the blanks (agent/remembered.py)

    def images(self) -> list[InputFile]:
        return [f for f in self.files if f.kind is MediaKind.image]
