"""Write a rendered video's timeline exports beside it: `<stem>.otio`, `<stem>.xml` (FCP7) and, for an original bed, music.wav.

Called once per video after its outputs are written (pipeline.make_video); the service lists the
files as session resources and the CLI leaves them beside the video.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from onetake.timeline.models import Timeline

log = logging.getLogger("onetake.export")


@dataclass(frozen=True)
class MusicFile:
    path: Path
    mood: str | None = None


@dataclass(frozen=True)
class TimelineExports:
    otio: Path
    fcp_xml: Path
    music: Path | None = None


def export_paths(video: Path) -> TimelineExports:
    """Where the exports of `video` are (or will be): named after the video's stem."""
    return TimelineExports(video.with_suffix(".otio"), video.with_suffix(".xml"))


def _music_file(bed, video_dir: Path, seconds: float, rate: int) -> MusicFile | None:
    """The bed as a file an editor can use: the user's own track, or the original bed rendered to music.wav
    (the same samples the mix used: procedural_bed is deterministic in mood and seed)."""
    if bed is None:
        return None
    if bed.user_file is not None:
        return MusicFile(Path(bed.user_file))
    from onetake.audio import write_wav
    from onetake.visuals.music import procedural_bed

    path = video_dir / "music.wav"
    write_wav(path, rate, procedural_bed(bed.mood, seconds, rate, seed=bed.seed))
    return MusicFile(path, bed.mood)


def write_timeline_exports(timeline_json: Path, video: Path, music=None) -> TimelineExports | None:
    """As `export_timeline`, but a failure is logged, not raised: the video it describes is finished and is not
    lost over its editable copy (the CLI and the API then list no timeline files)."""
    try:
        return export_timeline(timeline_json, video, music)
    except Exception:
        log.exception("the timeline exports of %s could not be written", video.name)
        return None


def export_timeline(timeline_json: Path, video: Path, music=None) -> TimelineExports:
    """`music`: the render's MusicBed (onetake.render.mix), or None when the video has no music."""
    import opentimelineio as otio

    from onetake.audio import read_wav
    from onetake.export.otio_export import build

    timeline = Timeline.model_validate_json(timeline_json.read_text(encoding="utf-8"))
    narration = timeline_json.parent / timeline.narration_wav
    rate = read_wav(narration)[0] if music is not None and music.user_file is None else 0
    music_file = _music_file(music, video.parent, timeline.duration, rate)
    exported = build(timeline, video, narration, music_file)
    paths = export_paths(video)
    otio.adapters.write_to_file(exported, str(paths.otio), adapter_name="otio_json")
    otio.adapters.write_to_file(exported, str(paths.fcp_xml), adapter_name="fcp_xml")
    return TimelineExports(paths.otio, paths.fcp_xml, music_file.path if music_file and music is not None and music.user_file is None else None)
