"""Parallel rendering by time segments, joined losslessly (DESIGN.md: rendering principles)."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np

from onetake.render.encode import CodecSettings, SegmentWriter, encode_audio, mux
from onetake.render.mix import MusicBed, mix_music
from onetake.timeline.models import Timeline
from onetake.voice.speak import release_engines
from onetake.workers import WorkerPool, report_progress, return_memory_to_os

PROGRESS_EVERY = 5  # frames
# More segments than workers, handed out as workers free up: scenes cost unequal time per frame
# (a photo presenter ~2x a card), and with one segment each a worker sat idle for seconds at the end.
SEGMENTS_PER_WORKER = 3
MIN_SEGMENT_FRAMES = 50  # each segment opens on a keyframe and re-warms its caches

_compositor: tuple[int, object] | None = None  # this worker's last (timeline hash, Compositor)


def split_frames(frame_count: int, parts: int) -> list[tuple[int, int]]:
    """Contiguous [first, last) ranges of near-equal size."""
    parts = max(1, min(parts, frame_count))
    bounds = [round(i * frame_count / parts) for i in range(parts + 1)]
    return [(bounds[i], bounds[i + 1]) for i in range(parts)]


def render_segment(timeline_json: str, first: int, last: int, path: str, settings: CodecSettings, still: tuple[int, str] | None = None) -> str:
    """Runs in a worker: draw frames [first, last) and encode them to `path`.

    `still` (frame index, JPEG path) saves that frame as it passes: the
    thumbnail costs nothing extra this way."""
    from onetake.render.compositor import Compositor  # workers load it at boot; the parent never draws

    global _compositor
    if _compositor is None or _compositor[0] != hash(timeline_json):
        release_engines()  # this worker may have spoken earlier: its voice model is not needed now
        return_memory_to_os()
        # One compositor per worker and timeline: its baked layers and photo rigs serve every segment it draws.
        _compositor = (hash(timeline_json), Compositor(Timeline.model_validate_json(timeline_json)))
    compositor = _compositor[1]
    timeline = compositor.timeline
    writer = SegmentWriter(Path(path), timeline.width, timeline.height, timeline.fps, settings)
    for index in range(first, last):
        frame = compositor.frame(index)
        if still and still[0] == index:
            save_jpeg(frame, Path(still[1]))
        writer.write(frame)
        if (index - first) % PROGRESS_EVERY == PROGRESS_EVERY - 1:
            report_progress(PROGRESS_EVERY)
    writer.close()
    report_progress((last - first) % PROGRESS_EVERY)
    return path


def release_compositor() -> None:
    """Drop this worker's compositor (its layers and photo rigs), e.g. before it turns to speaking the next video."""
    global _compositor
    if _compositor is not None:
        _compositor = None
        return_memory_to_os()


def save_jpeg(bgra: np.ndarray, path: Path, quality: int = 90) -> None:
    import skia

    image = skia.Image.fromarray(bgra, colorType=skia.kBGRA_8888_ColorType, alphaType=skia.kPremul_AlphaType)
    path.write_bytes(bytes(image.encodeToData(skia.kJPEG, quality)))


def render_video(
    timeline: Timeline, out_path: Path, settings: CodecSettings, pool: WorkerPool, work_dir: Path,
    thumbnail: tuple[float, Path] | None = None, on_progress: Callable[[int], None] | None = None, music: MusicBed | None = None,
) -> None:
    """Render every frame in segments on the pool, join them with the soundtrack (narration, and `music` mixed
    under it); optionally save a thumbnail (time, path)."""
    parts = min(pool.workers * SEGMENTS_PER_WORKER, max(pool.workers, timeline.frame_count // MIN_SEGMENT_FRAMES))
    ranges = split_frames(timeline.frame_count, parts)
    payload = timeline.model_dump_json()
    still_index = min(timeline.frame_count - 1, round(thumbnail[0] * timeline.fps)) if thumbnail else -1
    jobs = [
        (payload, first, last, str(work_dir / f"segment-{i:02d}{settings.segment_suffix}"), settings,
         (still_index, str(thumbnail[1])) if thumbnail and first <= still_index < last else None)
        for i, (first, last) in enumerate(ranges)
    ]
    with ThreadPoolExecutor(1) as audio:  # the parent is idle while workers draw: it encodes the soundtrack meanwhile
        soundtrack = audio.submit(_soundtrack, timeline.narration_wav, music, work_dir / f"soundtrack{settings.audio_suffix}", settings)
        paths = pool.run(render_segment, jobs, on_progress)
        audio_path = soundtrack.result()
    mux([(Path(p), first / timeline.fps) for p, (first, _) in zip(paths, ranges)], audio_path, out_path, settings)


def _soundtrack(narration_wav: Path, music: MusicBed | None, out_path: Path, settings: CodecSettings) -> Path:
    source = mix_music(narration_wav, music, out_path.with_name("mix.wav")) if music is not None else narration_wav
    return encode_audio(source, out_path, settings)
