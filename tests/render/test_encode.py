"""Segments encoded separately and joined by remux play as one seamless stream."""

from pathlib import Path

import av
import numpy as np
import pytest
from scipy.io import wavfile

from onetake.brief.models import OutputFormat
from onetake.render.encode import SegmentWriter, encode_audio, mux, settings_for
from onetake.render.segments import split_frames

W, H, FPS = 320, 180, 25


def _frame(index: int) -> np.ndarray:
    frame = np.zeros((H, W, 4), np.uint8)
    frame[..., 3] = 255
    frame[:, : (index * 7) % W, 1] = 200  # a moving edge: each frame differs
    return frame


@pytest.mark.parametrize("fmt, codec", [(OutputFormat.mp4, "h264"), (OutputFormat.webm, "vp9"), (OutputFormat.mov, "prores")])
def test_segments_join_into_one_seamless_stream(tmp_path: Path, fmt: OutputFormat, codec: str):
    total = 60
    settings = settings_for(fmt, 85, FPS)
    segments = []
    for i, (first, last) in enumerate(split_frames(total, 3)):
        path = tmp_path / f"seg{i}{settings.segment_suffix}"
        writer = SegmentWriter(path, W, H, FPS, settings)
        for index in range(first, last):
            writer.write(_frame(index))
        writer.close()
        segments.append((path, first / FPS))
    wav = tmp_path / "narration.wav"
    t = np.arange(round(total / FPS * 24000)) / 24000
    wavfile.write(wav, 24000, (0.2 * np.sin(2 * np.pi * 440 * t)).astype(np.float32))
    out = tmp_path / f"video.{fmt.value}"
    mux(segments, encode_audio(wav, tmp_path / f"audio{settings.audio_suffix}", settings), out, settings)

    with av.open(str(out)) as container:
        video, audio = container.streams.video[0], container.streams.audio[0]
        assert video.codec_context.name.startswith(codec)
        assert (video.width, video.height) == (W, H)
        times = [frame.time for frame in container.decode(video)]
    assert len(times) == total
    steps = np.diff(times)
    assert np.allclose(steps, 1 / FPS, atol=1e-3), "every frame interval is one frame long"
    with av.open(str(out)) as container:
        audio_end = max(float(f.time) + f.samples / f.sample_rate for f in container.decode(container.streams.audio[0]))
    assert abs(audio_end - total / FPS) < 0.1


def test_split_frames_covers_every_frame_once():
    ranges = split_frames(1001, 4)
    assert ranges[0][0] == 0 and ranges[-1][1] == 1001
    assert all(a[1] == b[0] for a, b in zip(ranges, ranges[1:]))
    assert split_frames(1, 4) == [(0, 1)]


def test_quality_maps_monotonically_to_crf():
    crfs = [int(settings_for(OutputFormat.mp4, q, 25).options["crf"]) for q in (20, 50, 85, 99)]
    assert crfs == sorted(crfs, reverse=True) and crfs[0] == 36 and crfs[-1] == 16
