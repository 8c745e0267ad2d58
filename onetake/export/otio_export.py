"""timeline.json -> an OpenTimelineIO timeline, written as `<stem>.otio` and FCP7 `<stem>.xml` beside the video.

Tracks, bottom to top:
- V1 "Scenes": one clip per scene, each a range of the rendered video (already composited, fades
  included), so an editor can trim, reorder or replace whole scenes;
- V2.. "Source media": the user's own files (and stock media) where a scene shows them, at the
  times they are on screen, so the editor can swap in the full-quality original;
- A1 "Narration": narration.wav, the dry voice (the render mixes the bed into a separate file);
- A2 "Music": the bed itself (the user's track, or the original bed written as music.wav), at its
  own level: the render ducks it under the voice, an editor sets that with their own tools.
Markers on the sequence: scene titles (green) and caption cues (yellow).

Every time is snapped to the video's frame grid the same way: frame = round(seconds * fps).
"""

from __future__ import annotations

from pathlib import Path

import opentimelineio as otio

from onetake.timeline.models import SceneClip, Timeline, Visual, VisualKind

NAMESPACE = "onetake"
SCENE_COLOR = otio.schema.MarkerColor.GREEN
CAPTION_COLOR = otio.schema.MarkerColor.YELLOW
_MEDIA = (VisualKind.image, VisualKind.video, VisualKind.pdf_page)  # icons are drawn, not files of the user's


def frame(seconds: float, fps: int) -> int:
    return round(seconds * fps)


def _range(first: int, count: int, fps: int) -> otio.opentime.TimeRange:
    return otio.opentime.TimeRange(otio.opentime.RationalTime(first, fps), otio.opentime.RationalTime(count, fps))


def _reference(path: Path, fps: int, frames: int | None, name: str | None = None) -> otio.schema.ExternalReference:
    """A file by absolute file:// URL (what NLEs relink from); `frames`: its length, when it has one."""
    available = _range(0, frames, fps) if frames is not None else None
    return otio.schema.ExternalReference(target_url=path.resolve().as_uri(), available_range=available, metadata={NAMESPACE: {"file": name or path.name}})


def _scene_name(scene: SceneClip, index: int) -> str:
    return f"{index + 1:02d} {scene.headline or scene.role.value}".strip()


def _scenes_track(timeline: Timeline, video: Path) -> otio.schema.Track:
    fps, total = timeline.fps, timeline.frame_count
    track = otio.schema.Track(name="Scenes", kind=otio.schema.TrackKind.Video)
    rendered = _reference(video, fps, total)
    at = 0
    for index, scene in enumerate(timeline.scenes):
        first = at
        last = total if index == len(timeline.scenes) - 1 else min(total, frame(scene.end, fps))
        if last <= first:
            continue
        meta = {"scene_id": scene.scene_id, "role": scene.role.value, "layout": scene.layout.value, "start": scene.start, "end": scene.end,
                "transition_in": scene.transition_in, "headline": scene.headline, "bullets": scene.bullets}
        # The same reference object for every scene: one media item in the bin, cut into scenes.
        track.append(otio.schema.Clip(name=_scene_name(scene, index), media_reference=rendered, source_range=_range(first, last - first, fps),
                                      metadata={NAMESPACE: meta}))
        at = last
    return track


def _source_frames(path: Path, fps: int) -> int | None:
    """A video or audio file's length in frames of the timeline's rate (None if it cannot be read)."""
    import av

    try:
        with av.open(str(path)) as container:
            if container.duration:
                return frame(container.duration / av.time_base, fps)
    except (av.error.FFmpegError, OSError):
        return None
    return None


def _shown_media(scene: SceneClip) -> list[Visual]:
    """The files a scene shows: its resolved visuals, else (a layout drawing `media` itself, as the presenter
    panel and an unresolved B-roll scene do) its first media file for the whole scene."""
    shown = [v for v in scene.visuals if v.kind in _MEDIA and v.path is not None]
    if not shown and scene.media:
        shown = [Visual(kind=VisualKind.image, start=scene.start, end=scene.end, path=scene.media[0])]
    return shown


def _media_tracks(timeline: Timeline) -> list[otio.schema.Track]:
    """The user's media on screen; a visual that overlaps one already placed goes on the next track up."""
    fps = timeline.fps
    lanes: list[tuple[otio.schema.Track, list[int]]] = []  # track, [end frame so far]
    for scene in timeline.scenes:
        for visual in _shown_media(scene):
            first, last = frame(visual.start, fps), min(timeline.frame_count, frame(visual.end, fps))
            if last <= first:
                continue
            lane = next((l for l in lanes if l[1][0] <= first), None)
            if lane is None:
                lane = (otio.schema.Track(name=f"Source media {len(lanes) + 1}", kind=otio.schema.TrackKind.Video), [0])
                lanes.append(lane)
            track, end = lane
            if first > end[0]:
                track.append(otio.schema.Gap(source_range=_range(0, first - end[0], fps)))
            path = Path(visual.path)
            if visual.kind is VisualKind.video:
                reference = _reference(path, fps, _source_frames(path, fps) or frame(visual.source_duration, fps) or None)
                source = _range(frame(visual.source_start, fps), last - first, fps)  # past the file's end the last frame holds
            else:  # a still (image or PDF page) lasts as long as it is shown
                reference = _reference(path, fps, last - first)
                source = _range(0, last - first, fps)
            meta = {"kind": visual.kind.value, "scene_id": scene.scene_id, "start": visual.start, "end": visual.end, "focus": list(visual.focus) if visual.focus else None,
                    "page": visual.page if visual.kind is VisualKind.pdf_page else None, "credit": visual.credit or None}
            name = f"{path.name} p{visual.page + 1}" if visual.kind is VisualKind.pdf_page else path.name
            track.append(otio.schema.Clip(name=name, media_reference=reference, source_range=source, metadata={NAMESPACE: meta}))
            end[0] = last
    return [track for track, _ in lanes]


def _narration_track(timeline: Timeline, narration: Path) -> otio.schema.Track:
    fps, total = timeline.fps, timeline.frame_count
    track = otio.schema.Track(name="Narration", kind=otio.schema.TrackKind.Audio)
    track.append(otio.schema.Clip(name=narration.name, media_reference=_reference(narration, fps, total), source_range=_range(0, total, fps),
                                  metadata={NAMESPACE: {"dry_voice": True}}))
    return track


def _music_track(timeline: Timeline, music) -> otio.schema.Track | None:
    """The bed as its own clip, looped as the mix loops it; None without music."""
    if music is None or music.path is None:
        return None
    fps, total = timeline.fps, timeline.frame_count
    track = otio.schema.Track(name="Music", kind=otio.schema.TrackKind.Audio)
    own = _source_frames(music.path, fps) or total
    reference = _reference(music.path, fps, own)
    at, loop = 0, 0
    while at < total:  # a track shorter than the video loops, as in the mix (onetake.visuals.music.user_bed)
        count = min(own, total - at)
        # `loop` also keeps equal repeats distinct: the FCP7 writer folds identical clips into one back-reference.
        clip = otio.schema.Clip(name=music.path.name, media_reference=reference, source_range=_range(0, count, fps),
                                metadata={NAMESPACE: {"mood": music.mood, "loop": loop}})
        loop += 1
        track.append(clip)
        at += count
    return track


def _markers(timeline: Timeline) -> list[otio.schema.Marker]:
    fps, total = timeline.fps, timeline.frame_count
    out = []
    for index, scene in enumerate(timeline.scenes):
        first = min(frame(scene.start, fps), total - 1)
        out.append(otio.schema.Marker(name=_scene_name(scene, index), marked_range=_range(first, 0, fps), color=SCENE_COLOR,
                                      metadata={NAMESPACE: {"kind": "scene", "scene_id": scene.scene_id}}))
    for cue in timeline.captions:
        first = min(frame(cue.start, fps), total - 1)
        last = min(frame(cue.end, fps), total)  # the last cue may run past the final frame
        out.append(otio.schema.Marker(name=cue.text, marked_range=_range(first, max(0, last - first), fps), color=CAPTION_COLOR,
                                      metadata={NAMESPACE: {"kind": "caption"}}))
    return out


def build(timeline: Timeline, video: Path, narration: Path, music=None) -> otio.schema.Timeline:
    out = otio.schema.Timeline(name=timeline.title, global_start_time=otio.opentime.RationalTime(0, timeline.fps))
    out.metadata[NAMESPACE] = {"width": timeline.width, "height": timeline.height, "fps": timeline.fps, "frame_count": timeline.frame_count,
                               "style_id": timeline.style_id, "brand": timeline.brand, "cta": timeline.cta}
    # FCP7 XML carries the frame size in the sequence's format (the adapter writes this metadata as XML).
    out.metadata["fcp_xml"] = {"media": {"video": {"format": {"samplecharacteristics": {
        "width": str(timeline.width), "height": str(timeline.height), "pixelaspectratio": "square",
        "rate": {"timebase": str(timeline.fps), "ntsc": "FALSE"}}}}}}
    out.tracks.append(_scenes_track(timeline, video))
    for track in _media_tracks(timeline):
        out.tracks.append(track)
    out.tracks.append(_narration_track(timeline, narration))
    if (music_track := _music_track(timeline, music)) is not None:
        out.tracks.append(music_track)
    out.tracks.markers.extend(_markers(timeline))
    return out
