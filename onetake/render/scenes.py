"""Each scene on its own clock: what the compositor draws a scene from, and what its cache key hashes.

A scene's pixels must not depend on where it sits in the video, or an edit to
scene 2 would change scene 3's frames. So every scene is drawn from its own
scene-local timeline: its clip starting at 0, its captions and presenter
timings shifted with it, a presenter seed of its own. Its first frame is the
first video frame at or after its start and shows local time 0 (up to one
frame early against the narration, well inside lip-sync tolerance), so the
sub-frame phase of the cut does not leak into the pixels either.
"""

from __future__ import annotations

import hashlib
import math

from onetake.agent.storyboard import Layout
from onetake.timeline.models import SceneClip, Timeline

LAST_SCENE_STEP = 0.5  # seconds
DECIMALS = 6  # shifted times are rounded to the microsecond: the same scene at another offset gets the same numbers


def scene_frames(timeline: Timeline) -> list[tuple[int, int]]:
    """[first, last) video frames of each scene."""
    fps = timeline.fps
    firsts = [0] + [min(timeline.frame_count, math.ceil(round(clip.start * fps, 6))) for clip in timeline.scenes[1:]]
    return list(zip(firsts, firsts[1:] + [timeline.frame_count]))


def scene_seed(seed: int, scene_id: str) -> int:
    """The presenter's motion seed for one scene: its blinks and sways do not move when another scene changes."""
    return int.from_bytes(hashlib.sha256(f"{seed}/{scene_id}".encode()).digest()[:4], "big")


def visible_captions(timeline: Timeline):
    """Cues that are drawn: scenes whose words are already the picture (kinetic type) show none over them."""
    kinetic = [(c.start, c.end) for c in timeline.scenes if c.layout is Layout.kinetic]
    return [cue for cue in timeline.captions if not any(start <= cue.start < end for start, end in kinetic)]


def scene_timeline(timeline: Timeline, index: int, captions=None) -> Timeline:
    """Scene `index` alone on its own clock, with the captions shown over it and the presenter's timings during it.
    `captions` (visible_captions) saves recomputing them per scene."""
    clip = timeline.scenes[index]
    origin = clip.start
    first, last = scene_frames(timeline)[index]

    def local(t: float) -> float:
        return round(t - origin, DECIMALS)

    def during(item) -> bool:
        return item.end > clip.start and item.start < clip.end

    def shift(item):
        return item.model_copy(update={"start": local(item.start), "end": local(item.end)})

    cues = [cue.model_copy(update={"start": local(cue.start), "end": local(cue.end), "words": [shift(w) for w in cue.words]})
            for cue in (visible_captions(timeline) if captions is None else captions) if during(cue)]
    track = timeline.presenter
    presenter = track.model_copy(update={
        "words": [shift(w) for w in track.words if during(w)],
        "phonemes": [shift(p) for p in track.phonemes if during(p)],
        "seed": scene_seed(track.seed, clip.scene_id),
    })
    scene = _local_clip(clip, local)
    if index == len(timeline.scenes) - 1:
        # The last scene ends with the video, on the whole frame its rounding gave: its clock ends on a coarser
        # step, so that a cut placed a frame earlier or later does not make every one of its frames new.
        scene = scene.model_copy(update={"end": math.floor(scene.end / LAST_SCENE_STEP) * LAST_SCENE_STEP or scene.end})
    return timeline.model_copy(update={
        "frame_count": last - first,
        "scenes": [scene],
        "captions": cues,
        "presenter": presenter,
    })


def _local_clip(clip: SceneClip, local) -> SceneClip:
    return clip.model_copy(update={
        "start": 0.0, "end": local(clip.end), "speech_start": local(clip.speech_start), "speech_end": local(clip.speech_end),
        "bullet_times": [local(t) for t in clip.bullet_times],
        "visuals": [v.model_copy(update={"start": local(v.start), "end": local(v.end)}) for v in clip.visuals],
    })
