"""An animated GIF preview of a rendered video: a few looping seconds, small enough for a listing.

In process with PyAV: the video is decoded from `start`; an FFmpeg filter graph drops it to 12.5 fps
and scales it; codec noise is held still (see _steadied); a second graph builds one palette for the
whole clip (palettegen) and maps every frame onto it with ordered dithering (paletteuse); libavcodec's
GIF encoder then stores only what changed in each frame. One palette keeps colours steady from frame
to frame (no flicker), and storing changes only keeps a presenter shot small: the face and captions move.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

import av
import numpy as np

from onetake.errors import RenderFailed

WIDTH = 480
FPS = Fraction(25, 2)  # 12.5 fps: GIF delays are whole centiseconds, and 8 cs is exact (1/12 s is not)
SECONDS = 4.0
MAX_BYTES = 3_000_000  # a preview, not a second copy of the video
BLOCK = 8  # pixels: a block that moved anywhere is refreshed whole, so a faint moving edge leaves no trail
HOLD = 20  # of 255: a change smaller than this in every channel is codec noise, not motion
# Ordered (Bayer) dithering rather than error diffusion: its pattern is fixed to the pixel grid, so a
# still background stays byte-identical between frames (smaller deltas, no shimmer); measured on a
# 720p presenter video it made a 4 s GIF 26% smaller and twice as fast as sierra2_4a, looking alike.
PALETTEGEN = "max_colors=256:stats_mode=full"
PALETTEUSE = "dither=bayer:bayer_scale=4:diff_mode=rectangle"
_SHRINK = 0.75  # each retry over MAX_BYTES is this much narrower


@dataclass(frozen=True)
class GifInfo:
    path: Path
    width: int
    height: int
    frames: int
    seconds: float
    bytes: int


def make_gif(video: Path, out: Path, start: float = 0.0, seconds: float = SECONDS, width: int = WIDTH, fps: Fraction = FPS, max_bytes: int = MAX_BYTES) -> GifInfo:
    """Write a looping GIF of `seconds` of `video` from `start` (clamped into the video), at most `width`
    pixels wide (never upscaled) keeping the aspect ratio, and under `max_bytes` (narrower if need be)."""
    try:
        return _make(video, out, start, seconds, width, fps, max_bytes)
    except av.error.FFmpegError as exc:
        raise RenderFailed(f"GIF preview of {video.name}: {exc}") from None


def _make(video: Path, out: Path, start: float, seconds: float, width: int, fps: Fraction, max_bytes: int) -> GifInfo:
    with av.open(str(video)) as container:
        if not container.streams.video:
            raise RenderFailed(f"{video.name} has no video stream to make a GIF preview from")
        stream = container.streams.video[0]
        total = _duration(container, stream)
        seconds = min(seconds, total) if total else seconds
        start = max(0.0, min(start, total - seconds)) if total else max(0.0, start)
        width = min(width, stream.codec_context.width)
        while True:
            frames = _palettised(container, stream, start, seconds, width, fps)
            if not frames:
                raise RenderFailed(f"no frames decoded from {video.name} between {start:.2f} and {start + seconds:.2f} s")
            size = _write(frames, out, fps)
            if size <= max_bytes or width <= 120:
                break
            width = round(width * _SHRINK)
    return GifInfo(out, frames[0].width, frames[0].height, len(frames), len(frames) / float(fps), size)


def _duration(container, stream) -> float:
    if stream.duration is not None and stream.time_base is not None:
        return float(stream.duration * stream.time_base)
    return container.duration / av.time_base if container.duration else 0.0


def _palettised(container, stream, start: float, seconds: float, width: int, fps: Fraction) -> list[av.VideoFrame]:
    """The clip's frames, resampled, scaled, steadied and mapped onto one shared palette (pal8)."""
    scaled = _scaled(container, stream, start, seconds, width, fps)
    held = _steadied(scaled)
    graph = av.filter.Graph()
    source = graph.add_buffer(width=held[0].shape[1], height=held[0].shape[0], format="rgb24", time_base=1 / fps)
    split = graph.add("split")  # palettegen sees every frame before paletteuse maps the first
    palette = graph.add("palettegen", PALETTEGEN)
    mapped = graph.add("paletteuse", PALETTEUSE)
    sink = graph.add("buffersink")
    source.link_to(split)
    split.link_to(mapped, 0, 0)
    split.link_to(palette, 1, 0)
    palette.link_to(mapped, 0, 1)
    mapped.link_to(sink)
    graph.configure()
    for index, pixels in enumerate(held):
        frame = av.VideoFrame.from_ndarray(pixels, format="rgb24")
        frame.pts, frame.time_base = index, 1 / fps
        graph.push(frame)
    return _drain(graph)


def _scaled(container, stream, start: float, seconds: float, width: int, fps: Fraction) -> list[np.ndarray]:
    graph = av.filter.Graph()
    source = graph.add_buffer(template=stream)
    # Drop frames before scaling (half the work at 25 fps); -2 keeps the aspect with an even height.
    rate = graph.add("fps", f"{fps.numerator}/{fps.denominator}")
    scale = graph.add("scale", f"{width}:-2:flags=area")
    rgb = graph.add("format", "rgb24")
    sink = graph.add("buffersink")
    source.link_to(rate)
    rate.link_to(scale)
    scale.link_to(rgb)
    rgb.link_to(sink)
    graph.configure()

    end = start + seconds
    shift = int(round(start / stream.time_base))
    container.seek(shift, stream=stream, backward=True, any_frame=False)
    for frame in container.decode(stream):
        if frame.time is None or frame.time < start - 1e-6:
            continue
        if frame.time >= end - 1e-6:
            break
        frame.pts -= shift  # the GIF starts at 0
        graph.push(frame)
    return [frame.to_ndarray() for frame in _drain(graph)][: int(seconds * fps + 0.5)]


def _steadied(frames: list[np.ndarray]) -> list[np.ndarray]:
    """Each pixel keeps its previous value unless it changed by more than HOLD.

    Lossy codecs re-draw a still background's texture a little differently on every frame type
    (x264's B-frames are smoother than its P-frames), which changes most pixels of a frame after
    palette mapping and defeats the GIF's changed-rectangle coding: a still portrait background cost
    6 MB in 4 s. Held, only what really moves (the face, the captions, a transition) is stored again.
    """
    height, width = frames[0].shape[:2]
    rows, cols = -(-height // BLOCK), -(-width // BLOCK)
    held = np.zeros((rows * BLOCK, cols * BLOCK, 3), np.uint8)  # padded to whole blocks
    current = held.copy()
    held[:height, :width] = frames[0]
    blocks_of = lambda a: a.reshape(rows, BLOCK, cols, BLOCK, *a.shape[2:])  # noqa: E731
    out = [frames[0]]
    for pixels in frames[1:]:
        current[:height, :width] = pixels
        diff = np.maximum(current, held) - np.minimum(current, held)  # |a - b| in uint8, without overflow
        change = np.maximum(np.maximum(diff[..., 0], diff[..., 1]), diff[..., 2])  # 30x faster than max(axis=2)
        moved = change.reshape(rows, BLOCK, -1).max(axis=1).reshape(rows, cols, BLOCK).max(axis=2) > HOLD
        np.copyto(blocks_of(held), blocks_of(current), where=moved[:, None, :, None, None])
        out.append(held[:height, :width].copy())
    return out


def _drain(graph) -> list[av.VideoFrame]:
    graph.push(None)
    out = []
    while True:
        try:
            out.append(graph.pull())
        except (av.error.EOFError, av.error.BlockingIOError):
            return out


def _write(frames: list[av.VideoFrame], out: Path, fps: Fraction) -> int:
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.{os.getpid()}.tmp")
    with av.open(str(tmp), "w", format="gif", options={"loop": "0"}) as container:  # loop=0: forever
        stream = container.add_stream("gif", rate=fps)
        stream.width, stream.height, stream.pix_fmt = frames[0].width, frames[0].height, "pal8"
        for index, frame in enumerate(frames):
            frame.pts, frame.time_base = index, 1 / fps
            container.mux(stream.encode(frame))
        container.mux(stream.encode(None))
    tmp.replace(out)
    return out.stat().st_size
