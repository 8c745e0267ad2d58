"""Encoded pieces of scenes kept on disk by a hash of everything that decides their pixels.

A piece is a run of frames inside one scene (never across a cut), at a fixed
offset from the scene's first frame, so the same scene elsewhere in a revised
video has the same pieces. Its key hashes the scene on its own clock
(render.scenes, which is exactly what the compositor draws it from), what
reaches into it from its neighbours, the drawing code, and the encoder
settings. A file is written under a temporary name and renamed into place:
a killed job leaves no half entry.
"""

from __future__ import annotations

import contextlib
import math
import os
import shutil
import time
import uuid
from dataclasses import asdict, dataclass
from pathlib import Path

from onetake.digest import digest, file_digest, source_digest, versions
from onetake.errors import InvalidInput, RenderFailed
from onetake.render.encode import CodecSettings
from onetake.render.scenes import scene_frames, scene_timeline, visible_captions
from onetake.timeline.models import Timeline, VisualKind
from onetake.visuals.brand_kits import get_brand_kit
from onetake.visuals.styles import DEFAULT_STYLE, get_style
from onetake.visuals.styles.models import Transition

FORMAT = 1  # bump when the key's meaning changes
SCRATCH_STALE_S = 3600
PIECE_SECONDS = 2.0  # long scenes split into pieces this long: workers share even a one-scene re-draw


@dataclass(frozen=True)
class Piece:
    scene: int
    first: int  # video frames [first, last)
    last: int
    key: str


def scene_pieces(timeline: Timeline, settings: CodecSettings) -> list[Piece]:
    """Every frame of the video in scene-aligned pieces, each with its cache key.

    What reaches into a scene from the one before (a transition drawing it, the caption of its last words
    held over the cut) stays in the scene's first frames: those are a piece of their own, so an edit re-draws
    only them in the next scene. A scene lasting 5.02 s at 25 fps spans 125 or 126 frames
    depending on where its cut falls between two frames: its pieces cover the frames its own length always
    has (125), split the same way wherever it sits, and a one-frame tail piece follows where the cut's
    phase gives it one more."""
    step = max(1, round(PIECE_SECONDS * timeline.fps))
    common = _common(timeline, settings)
    captions = visible_captions(timeline)
    views = [_view(scene_timeline(timeline, i, captions)) for i in range(len(timeline.scenes))]
    pieces = []
    for index, (first, last) in enumerate(scene_frames(timeline)):
        view = views[index]
        carried = [cue for cue in view["captions"] if cue["start"] < 0]  # started in the scene before, shown past the cut
        own = {**view, "captions": [cue for cue in view["captions"] if cue["start"] >= 0]}
        body = digest({"common": common, "scene": own, "links": _links(timeline, index, views)})
        clip = view["scenes"][0]
        into = clip["transition_in"] if index else 0.0
        reach = max([into] + [cue["end"] for cue in carried])
        frames = last - first
        always = min(frames, math.floor(round(clip["end"] * timeline.fps, 6)))
        head = min(always, math.ceil(round(reach * timeline.fps, 6)))
        bounds = [(0, head)] if head else []
        bounds += [(head + a, head + b) for a, b in split_frames(always - head, math.ceil((always - head) / step))] if always > head else []
        bounds += [(always, frames)] if frames > always else []
        opening = digest({"body": body, "carried": carried, "before": views[index - 1] if into else None})
        pieces += [Piece(index, first + a, first + b, digest([opening if a < head else body, a, b])) for a, b in bounds]
    return pieces


def split_frames(frame_count: int, parts: int) -> list[tuple[int, int]]:
    """Contiguous [first, last) ranges of near-equal size."""
    parts = max(1, min(parts, frame_count))
    bounds = [round(i * frame_count / parts) for i in range(parts + 1)]
    return [(bounds[i], bounds[i + 1]) for i in range(parts)]


def _common(timeline: Timeline, settings: CodecSettings) -> dict:
    """What every scene's pixels share beyond the timeline's own fields: code, libraries, encoder, brand kit files."""
    kit = None
    if timeline.brand_kit_id:
        try:
            found = get_brand_kit(timeline.brand_kit_id, timeline.brand_kit_store)
            files = [found.logo_path(), found.font_path("display"), found.font_path("body")]
            kit = {"kit": found.model_dump(mode="json"), "files": [file_digest(p) if p else None for p in files]}
        except InvalidInput:
            kit = "missing"
    return {
        "format": FORMAT,
        "code": source_digest("render", "visuals", "avatar", "draw", "timeline", "text_units.py"),
        "libs": versions("skia-python", "av", "numpy", "opencv-python-headless"),
        "codec": asdict(settings),
        "kit": kit,
    }


def _view(local: Timeline) -> dict:
    """A scene's own timeline as key material: its frame count and the narration file do not decide pixels
    (pieces sit at fixed offsets); the files it shows count by content."""
    data = local.model_dump(mode="json", exclude={"frame_count", "narration_wav"})
    clip = local.scenes[0]
    shown = [*clip.media, *(v.path for v in clip.visuals if v.path is not None)]
    if local.presenter.photo is not None:
        shown.append(local.presenter.photo.source)
    data["files"] = [file_digest(p) for p in shown]
    data["icons"] = [_icon_digest(v.icon) for v in clip.visuals if v.kind is VisualKind.icon]  # an icon set upgrade redraws
    return data


def _icon_digest(icon_id: str) -> str:
    from onetake.visuals.icons.catalogue import get_icon, svg_text

    try:
        return digest(svg_text(get_icon(icon_id)))
    except RenderFailed:  # the render fails on it anyway
        return "missing"


def _links(timeline: Timeline, index: int, views: list[dict]) -> dict:
    """What reaches into a scene from its neighbours: the kind of transition in and whether the presenter's
    bubble carries over, the kind of transition out (whether content eases out), and being the last scene."""
    clips = timeline.scenes
    try:
        kinds = get_style(timeline.style_id).transitions
    except InvalidInput:
        kinds = get_style(DEFAULT_STYLE).transitions
    hard = [k for k in kinds if k is not Transition.crossfade] or [Transition.wipe]

    def turn(i: int) -> list:  # transitions.choose reads the scene index only through these
        return [i % len(kinds), i % len(hard)]

    links: dict = {"last": index == len(clips) - 1}
    if index > 0:
        into = clips[index].transition_in > 0
        # (the head piece, under a transition, also draws the scene before: scene_pieces adds it there; that scene's
        # pip is carried in, or not, from the one before it)
        links["before"] = {"layout": clips[index - 1].layout.value, "turn": turn(index), "transition_in": clips[index].transition_in,
                           "carried": clips[index - 2].layout.value if into and index > 1 else None}
    if index + 1 < len(clips):
        links["after"] = {"layout": clips[index + 1].layout.value, "turn": turn(index + 1), "transition_in": clips[index + 1].transition_in}
    return links


class SegmentCache:
    def __init__(self, cache_dir: Path, suffix: str):
        self.root = cache_dir / "segments"
        self.suffix = suffix
        self.root.mkdir(parents=True, exist_ok=True)
        for scratch in self.root.glob(".tmp-*"):  # left by a killed render; a live one writes to its scratch every frame
            with contextlib.suppress(OSError):
                if time.time() - scratch.stat().st_mtime > SCRATCH_STALE_S:
                    scratch.unlink()

    def path(self, key: str) -> Path:
        return self.root / f"{key}{self.suffix}"

    def still_path(self, key: str, offset: int) -> Path:
        return self.root / f"{key}-{offset}.jpg"

    def scratch(self, key: str, suffix: str | None = None) -> Path:
        """Where a worker writes a piece before `keep` renames it into place (same directory: the rename is atomic)."""
        return self.root / f".tmp-{key}-{uuid.uuid4().hex[:8]}{suffix or self.suffix}"

    def keep(self, scratch: Path, target: Path) -> Path:
        os.replace(scratch, target)
        return target

    def keep_copy(self, source: Path, target: Path) -> None:
        scratch = self.scratch(target.stem, target.suffix)
        shutil.copyfile(source, scratch)
        os.replace(scratch, target)
