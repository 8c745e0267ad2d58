"""Parallel rendering by time segments, joined losslessly (DESIGN.md: rendering principles)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from onetake.render.compositor import Compositor
from onetake.render.encode import CodecSettings, SegmentWriter, mux
from onetake.timeline.models import Timeline
from onetake.voice.speak import release_engines
from onetake.workers import WorkerPool, report_progress, return_memory_to_os

PROGRESS_EVERY = 5  # frames


def split_frames(frame_count: int, parts: int) -> list[tuple[int, int]]:
    """Contiguous [first, last) ranges of near-equal size."""
    parts = max(1, min(parts, frame_count))
    bounds = [round(i * frame_count / parts) for i in range(parts + 1)]
    return [(bounds[i], bounds[i + 1]) for i in range(parts)]


def render_segment(timeline_json: str, first: int, last: int, path: str, settings: CodecSettings) -> str:
    """Runs in a worker: draw frames [first, last) and encode them to `path`."""
    release_engines()  # this worker may have spoken earlier: its voice model is not needed now
    return_memory_to_os()
    timeline = Timeline.model_validate_json(timeline_json)
    compositor = Compositor(timeline)
    writer = SegmentWriter(Path(path), timeline.width, timeline.height, timeline.fps, settings)
    for index in range(first, last):
        writer.write(compositor.frame(index))
        if (index - first) % PROGRESS_EVERY == PROGRESS_EVERY - 1:
            report_progress(PROGRESS_EVERY)
    writer.close()
    report_progress((last - first) % PROGRESS_EVERY)
    return path


def render_video(timeline: Timeline, out_path: Path, settings: CodecSettings, pool: WorkerPool, work_dir: Path, on_progress: Callable[[int], None] | None = None) -> None:
    ranges = split_frames(timeline.frame_count, pool.workers)
    payload = timeline.model_dump_json()
    jobs = [(payload, first, last, str(work_dir / f"segment-{i:02d}{settings.segment_suffix}"), settings) for i, (first, last) in enumerate(ranges)]
    paths = pool.run(render_segment, jobs, on_progress)
    mux([(Path(p), first / timeline.fps) for p, (first, _) in zip(paths, ranges)], timeline.narration_wav, out_path, settings)
