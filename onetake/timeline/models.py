"""The Timeline: the whole video as plain data. `render(timeline, t)` needs nothing else.

All times are seconds from the start of the video. Worker processes receive
the timeline as JSON and rebuild their painters from it, so nothing here
holds live objects.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path

from pydantic import BaseModel, Field

from onetake.agent.storyboard import Layout, LowerThird, Palette, SceneRole
from onetake.avatar.photo.model import PhotoAvatar
from onetake.text_units import join_units
from onetake.voice.models import PhonemeTiming, WordTiming


class VisualKind(str, Enum):
    image = "image"
    video = "video"
    pdf_page = "pdf_page"
    icon = "icon"


class Visual(BaseModel):
    """One piece of B-roll on screen from `start` to `end` (global seconds): a user file, a PDF page or an icon."""

    kind: VisualKind
    start: float
    end: float
    path: Path | None = None
    page: int = 0  # pdf_page: 0-based
    icon: str = ""  # icon: its id ("tabler:rocket")
    focus: tuple[float, float, float, float] | None = None  # normalised x0, y0, x1, y1 to keep in frame (and zoom toward)
    source_start: float = 0.0  # video: seconds into the file shown at `start`
    source_duration: float = 0.0  # video: its length, so the last frame holds rather than looping
    credit: str = ""  # attribution for stock media


class SceneClip(BaseModel):
    scene_id: str
    role: SceneRole
    layout: Layout
    start: float
    end: float
    speech_start: float  # narration of this scene begins here
    speech_end: float
    headline: str = ""
    bullets: list[str] = Field(default_factory=list)
    bullet_times: list[float] = Field(default_factory=list)  # each bullet enters as the narration reaches it
    lower_third: LowerThird | None = None
    media: list[Path] = Field(default_factory=list)  # images shown as B-roll
    transition_in: float = 0.0  # seconds of cross-fade from the previous clip
    visuals: list[Visual] = Field(default_factory=list)  # B-roll in order (onetake.visuals.assets fills it)

    @property
    def duration(self) -> float:
        return self.end - self.start


class CaptionCue(BaseModel):
    start: float  # the first word's start: cues never lead or lag the voice
    end: float
    words: list[WordTiming]  # global times; drives the word highlight

    @property
    def text(self) -> str:
        return join_units(w.text for w in self.words)  # Chinese without spaces


class PresenterTrack(BaseModel):
    presenter_id: str
    phonemes: list[PhonemeTiming]
    words: list[WordTiming]
    seed: int = 0
    photo: PhotoAvatar | None = None  # a photo avatar presents instead of a stock presenter


class Timeline(BaseModel):
    width: int
    height: int
    fps: int
    frame_count: int
    title: str
    brand: str | None = None
    cta: str | None = None
    palette: Palette
    style_id: str = "studio"
    brand_kit_id: str | None = None
    brand_kit_store: Path | None = None  # where the kit lives (visuals.brand_kits); None: the default store
    scenes: list[SceneClip]
    captions: list[CaptionCue]
    presenter: PresenterTrack
    narration_wav: Path  # mixed, loudness-normalised narration, exactly `duration` long

    @property
    def duration(self) -> float:
        return self.frame_count / self.fps

    def scenes_at(self, t: float) -> tuple[SceneClip, SceneClip | None, float]:
        """The scene showing at t, the one it is fading from (if any), and the fade's progress 0-1."""
        index = 0
        for i, clip in enumerate(self.scenes):
            if clip.start <= t:
                index = i
        current = self.scenes[index]
        if index > 0 and current.transition_in > 0 and t < current.start + current.transition_in:
            return current, self.scenes[index - 1], (t - current.start) / current.transition_in
        return current, None, 1.0
