"""Video encoders (PyAV, in process) and the final mux that joins segments and narration."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path

import av
import numpy as np
from av.video.reformatter import VideoReformatter

from onetake.audio import read_wav
from onetake.brief.models import OutputFormat

AUDIO_RATE = 48_000
AUDIO_FRAME = 1024


@dataclass(frozen=True)
class CodecSettings:
    segment_suffix: str  # a container that keeps this codec's timestamps (dts included) intact
    video_codec: str
    pix_fmt: str
    options: dict[str, str] = field(default_factory=dict)
    audio_codec: str = "aac"
    audio_bitrate: int = 160_000
    audio_suffix: str = ".m4a"  # a container that keeps the audio codec's own sample clock
    container_options: dict[str, str] = field(default_factory=dict)


def settings_for(output_format: OutputFormat, quality: int, fps: int) -> CodecSettings:
    """quality 20-99 (the API's outputQuality) maps onto each codec's own quality scale."""
    gop = str(fps * 2)
    if output_format is OutputFormat.webm:
        crf = round(50 - (quality - 20) * (35 / 79))  # 20 -> 50, 99 -> 15
        return CodecSettings(
            ".webm", "libvpx-vp9", "yuv420p",
            {"crf": str(crf), "b": "0", "deadline": "realtime", "cpu-used": "8", "row-mt": "1", "g": gop},
            audio_codec="libopus", audio_bitrate=128_000, audio_suffix=".webm",
        )
    if output_format is OutputFormat.mov:
        profile = "3" if quality >= 90 else "2" if quality >= 60 else "1"  # HQ, standard, LT
        return CodecSettings(".mov", "prores_aw", "yuv422p10le", {"profile": profile}, container_options={"movflags": "+faststart"})
    crf = round(36 - (quality - 20) * (20 / 79))  # 20 -> 36, 85 -> ~20, 99 -> 16
    return CodecSettings(
        ".mp4", "libx264", "yuv420p",
        # Diamond motion search with one subpixel pass: on onetake's slow, smooth motion it found the same
        # vectors as veryfast's hexagon search (same size +-11%, PSNR +0.1-0.3 dB) in 27% less time.
        {"crf": str(crf), "preset": "veryfast", "x264-params": "me=dia:subme=1", "g": gop, "colorprim": "bt709", "transfer": "bt709", "colormatrix": "bt709"},
        container_options={"movflags": "+faststart"},
    )


class SegmentWriter:
    """Encodes BGRA frames of one time segment into a video-only file."""

    def __init__(self, path: Path, width: int, height: int, fps: int, settings: CodecSettings, threads: int = 1):
        self.container = av.open(str(path), "w")
        self.stream = self.container.add_stream(settings.video_codec, rate=fps, options=dict(settings.options))
        self.stream.width, self.stream.height = width, height
        self.stream.pix_fmt = settings.pix_fmt
        self.stream.codec_context.thread_count = threads
        self.stream.thread_type = "FRAME"  # STACK.md: slice threading is slower for x264 and ProRes
        self.stream.codec_context.color_primaries = 1  # BT.709
        self.stream.codec_context.color_trc = 1
        self.stream.codec_context.colorspace = 1
        self.pix_fmt = settings.pix_fmt
        # One swscale context for the whole segment: `VideoFrame.reformat` builds a new one per frame,
        # which cost 1 ms of a 720p frame's 3 ms conversion.
        self.reformatter = VideoReformatter()

    def write(self, bgra: np.ndarray) -> None:
        # from_numpy_buffer wraps the array without a copy (from_ndarray copies: another 1 ms at 720p).
        frame = av.VideoFrame.from_numpy_buffer(np.ascontiguousarray(bgra), format="bgra")
        frame = self.reformatter.reformat(frame, format=self.pix_fmt, dst_colorspace="ITU709")  # swscale: 2-3x faster than numpy
        for packet in self.stream.encode(frame):
            self.container.mux(packet)

    def close(self) -> None:
        for packet in self.stream.encode():
            self.container.mux(packet)
        self.container.close()


def _audio_packets(wav_path: Path, stream: av.audio.stream.AudioStream):
    rate, samples = read_wav(wav_path)
    resampler = av.AudioResampler(format="fltp", layout="stereo", rate=AUDIO_RATE)
    for offset in range(0, len(samples), AUDIO_FRAME):
        chunk = samples[offset : offset + AUDIO_FRAME]
        frame = av.AudioFrame.from_ndarray(chunk[None, :], format="flt", layout="mono")
        frame.sample_rate = rate
        frame.pts = offset
        frame.time_base = Fraction(1, rate)
        for resampled in resampler.resample(frame):
            yield from stream.encode(resampled)
    for resampled in resampler.resample(None):
        yield from stream.encode(resampled)
    yield from stream.encode(None)


def encode_audio(wav_path: Path, out_path: Path, settings: CodecSettings) -> Path:
    """The final soundtrack encoded once into its own file (`settings.audio_suffix`).

    It runs on a thread of the parent while the workers render (~1.3 s of CPU for 45 s), so the
    join after the render only copies packets."""
    options = {"aac_coder": "fast"} if settings.audio_codec == "aac" else {}  # half the default coder's time; transparent at 160 kb/s
    with av.open(str(out_path), "w") as output:
        stream = output.add_stream(settings.audio_codec, rate=AUDIO_RATE, layout="stereo", options=options)
        stream.bit_rate = settings.audio_bitrate
        for packet in _audio_packets(wav_path, stream):
            output.mux(packet)
    return out_path


def _audio_in(audio_path: Path):
    container = av.open(str(audio_path))
    stream = container.streams.audio[0]
    return container, stream, (p for p in container.demux(stream) if p.size)


def mux(segments: list[tuple[Path, float]], audio_path: Path, out_path: Path, settings: CodecSettings) -> None:
    """Join video segments and the encoded soundtrack (from encode_audio) without re-encoding either.

    `segments` pairs each file with its start time. Timestamps are shifted by
    that start; every segment opens on a keyframe, so the joins are seamless.
    """
    output = av.open(str(out_path), "w", options=dict(settings.container_options))
    first = av.open(str(segments[0][0]))
    video_out = output.add_stream_from_template(first.streams.video[0])
    first.close()
    audio_file, audio_in, audio_packets = _audio_in(audio_path)
    audio_out = output.add_stream_from_template(audio_in)
    pending_audio = next(audio_packets, None)

    def audio_before(seconds: float | None) -> None:
        nonlocal pending_audio
        while pending_audio is not None and (seconds is None or float(pending_audio.pts * audio_in.time_base) <= seconds):
            if pending_audio.dts is None:
                pending_audio.dts = pending_audio.pts
            pending_audio.stream = audio_out
            output.mux(pending_audio)
            pending_audio = next(audio_packets, None)

    sources = [_video_in(path) for path, _ in segments]
    # Every segment's decode times run the same delay behind its presentation times: a segment too short
    # for x264 to reorder (a one-frame tail) has none, and its dts would otherwise overtake the next one's.
    delay = max(d for _, _, d, _ in sources)
    for (_, start), (source, stream, own_delay, packets) in zip(segments, sources):
        shift = round(start / stream.time_base)
        lead = round((delay - own_delay) / stream.time_base)
        for packet in packets:
            packet.pts += shift
            packet.dts += shift - lead
            # Interleave: audio up to this video time goes first, so players can stream the file.
            audio_before(float(packet.pts * stream.time_base))
            packet.stream = video_out
            output.mux(packet)
        source.close()
    audio_before(None)
    audio_file.close()
    output.close()


def _video_in(path: Path):
    """(container, stream, dts delay in seconds, packets with dts): the first packet is read ahead for its delay."""
    container = av.open(str(path))
    stream = container.streams.video[0]

    def packets():
        for packet in container.demux(stream):
            if packet.size == 0:  # the demuxer's end-of-stream marker
                continue
            if packet.dts is None:  # Matroska/WebM omit dts; VP9 and ProRes never reorder, so dts = pts
                packet.dts = packet.pts
            yield packet

    stream_packets = packets()
    first = next(stream_packets, None)
    if first is None:
        return container, stream, 0.0, iter(())
    return container, stream, float((first.pts - first.dts) * stream.time_base), itertools.chain([first], stream_packets)
