"""Parallel rendering by time segments, joined losslessly (DESIGN.md: rendering principles)."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from onetake.render.encode import CodecSettings, SegmentWriter, encode_audio, mux
from onetake.render.mix import MusicBed, mix_music
from onetake.render.scenes import scene_frames
from onetake.render.segment_cache import Piece, SegmentCache, scene_pieces, split_frames
from onetake.timeline.models import Timeline
from onetake.voice.speak import release_engines
from onetake.workers import WorkerPool, report_progress, return_memory_to_os

PROGRESS_EVERY = 5  # frames
# More segments than workers, handed out as workers free up: scenes cost unequal time per frame
# (a photo presenter ~2x a card), and with one segment each a worker sat idle for seconds at the end.
SEGMENTS_PER_WORKER = 3
MIN_SEGMENT_FRAMES = 50  # each segment opens on a keyframe and re-warms its caches

_compositor: tuple[int, object] | None = None  # this worker's last (timeline hash, Compositor)


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


@dataclass(frozen=True)
class RenderStats:
    pieces_drawn: int
    pieces_reused: int  # taken from the cache, not drawn again
    frames_drawn: dict[int, int]  # scene index -> frames drawn (1: only a tail frame, see segment_cache.scene_pieces)

    @property
    def scenes_drawn(self) -> tuple[int, ...]:
        return tuple(sorted(self.frames_drawn))


def render_video(
    timeline: Timeline, out_path: Path, settings: CodecSettings, pool: WorkerPool, work_dir: Path,
    thumbnail: tuple[float, Path] | None = None, on_progress: Callable[[int], None] | None = None, music: MusicBed | None = None,
    cache_dir: Path | None = None,
) -> RenderStats:
    """Render every frame in segments on the pool, join them with the soundtrack (narration, and `music` mixed
    under it); optionally save a thumbnail (time, path). With a `cache_dir` the segments are scene-aligned
    pieces (segment_cache), and pieces already in the cache are joined as they are, not drawn again."""
    pieces = plan_pieces(timeline, settings, pool.workers, cache_dir)
    cache = SegmentCache(cache_dir, settings.segment_suffix) if cache_dir is not None else None
    payload = timeline.model_dump_json()
    still_index = min(timeline.frame_count - 1, round(thumbnail[0] * timeline.fps)) if thumbnail else -1
    paths: list[Path | None] = [None] * len(pieces)
    jobs, drawn = [], []
    for i, piece in enumerate(pieces):
        still = thumbnail is not None and piece.first <= still_index < piece.last
        if cache is not None and cache.path(piece.key).exists():
            kept_still = cache.still_path(piece.key, still_index - piece.first)
            if not still or kept_still.exists():
                paths[i] = cache.path(piece.key)
                if still:
                    shutil.copyfile(kept_still, thumbnail[1])
                if on_progress:
                    on_progress(piece.last - piece.first)
                continue
        target = cache.scratch(piece.key) if cache is not None else work_dir / f"segment-{i:02d}{settings.segment_suffix}"
        jobs.append((payload, piece.first, piece.last, str(target), settings, (still_index, str(thumbnail[1])) if still else None))
        drawn.append(i)
    with ThreadPoolExecutor(1) as audio:  # the parent is idle while workers draw: it encodes the soundtrack meanwhile
        sound = audio.submit(soundtrack, timeline.narration_wav, music, work_dir / f"soundtrack{settings.audio_suffix}", settings)
        written = pool.run(render_segment, jobs, on_progress) if jobs else []
        audio_path = sound.result()
    for i, path, job in zip(drawn, written, jobs):
        paths[i] = Path(path)
        if cache is not None:  # into the cache only once whole: a render killed midway leaves only scratch files
            paths[i] = cache.keep(Path(path), cache.path(pieces[i].key))
            if job[5] is not None:
                cache.keep_copy(thumbnail[1], cache.still_path(pieces[i].key, still_index - pieces[i].first))
    mux([(path, piece.first / timeline.fps) for path, piece in zip(paths, pieces)], audio_path, out_path, settings)
    return RenderStats(len(jobs), len(pieces) - len(jobs), frames_by_scene(timeline, [pieces[i] for i in drawn]))


def plan_pieces(timeline: Timeline, settings: CodecSettings, workers: int, cache_dir: Path | None) -> list[Piece]:
    """How the frames are split: with a cache, scene-aligned pieces (the same whoever draws them: one worker or
    several machines give the same pieces, so the same file); without, a few segments per worker."""
    if cache_dir is not None:
        return scene_pieces(timeline, settings)
    parts = min(workers * SEGMENTS_PER_WORKER, max(workers, timeline.frame_count // MIN_SEGMENT_FRAMES))
    return [Piece(-1, first, last, "") for first, last in split_frames(timeline.frame_count, parts)]


def frames_by_scene(timeline: Timeline, drawn: list[Piece]) -> dict[int, int]:
    frames: dict[int, int] = {}
    for index, (first, last) in enumerate(scene_frames(timeline)):
        count = sum(max(0, min(last, p.last) - max(first, p.first)) for p in drawn)
        if count:
            frames[index] = count
    return frames


def soundtrack(narration_wav: Path, music: MusicBed | None, out_path: Path, settings: CodecSettings) -> Path:
    source = mix_music(narration_wav, music, out_path.with_name("mix.wav")) if music is not None else narration_wav
    return encode_audio(source, out_path, settings)
