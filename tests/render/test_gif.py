"""The GIF preview: a decodable looping GIF of the asked stretch, 480 px wide at most, aspect kept, size bounded."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest
from PIL import Image

from onetake.errors import RenderFailed
from onetake.pipeline import gif_start
from onetake.render.gif import _steadied, make_gif
from tests.media import write_test_clip, write_test_song

CLIP_S, FPS = 8.0, 25


@pytest.fixture(scope="module")
def landscape(tmp_path_factory) -> Path:
    return write_test_clip(tmp_path_factory.mktemp("gif"), seconds=CLIP_S, width=960, height=540, name="landscape.mp4")


def _frames(path: Path) -> tuple[Image.Image, list[np.ndarray], list[int]]:
    image = Image.open(path)
    frames, delays = [], []
    for index in range(image.n_frames):
        image.seek(index)
        frames.append(np.asarray(image.convert("RGB")))
        delays.append(image.info["duration"])
    image.seek(0)
    return image, frames, delays


def _ball_x(frame: np.ndarray) -> float:
    """The yellow ball's centre column (write_test_clip draws it at (250, 230, 40))."""
    yellow = (frame[..., 0] > 200) & (frame[..., 1] > 180) & (frame[..., 2] < 110)
    return float(np.nonzero(yellow)[1].mean())


def test_gif_loops_at_480_wide_for_four_seconds_from_the_start_asked(landscape, tmp_path):
    info = make_gif(landscape, tmp_path / "preview.gif", start=2.0)
    image, frames, delays = _frames(info.path)
    assert image.format == "GIF" and image.info["loop"] == 0  # NETSCAPE loop extension: forever
    assert image.size == (480, 270) == (info.width, info.height)
    assert len(frames) == info.frames > 40  # 12.5 fps
    assert 3000 <= sum(delays) <= 5000 and set(delays) == {80}
    assert info.bytes == info.path.stat().st_size < 3_000_000
    # The first frame is the clip at 2.0 s: the ball is where write_test_clip drew it then (not at 0 s).
    expected = 960 * (0.1 + 0.8 * (2.0 * FPS) / (CLIP_S * FPS - 1)) / 2
    assert abs(_ball_x(frames[0]) - expected) < 6
    assert _ball_x(frames[-1]) > _ball_x(frames[0]) + 100  # it moves through the loop
    # One palette and its colours: the gradient survives (many distinct colours, not a flat 16).
    assert len(np.unique(frames[0].reshape(-1, 3), axis=0)) > 100


def test_portrait_keeps_its_aspect_and_small_videos_are_not_upscaled(tmp_path):
    portrait = write_test_clip(tmp_path, seconds=3.0, width=540, height=960, name="portrait.mp4")
    info = make_gif(portrait, tmp_path / "portrait.gif")
    assert info.width == 480 and abs(info.height - 960 * 480 / 540) <= 2
    small = write_test_clip(tmp_path, seconds=3.0, width=320, height=180, name="small.mp4")
    image, frames, delays = _frames(make_gif(small, tmp_path / "small.gif").path)
    assert image.size == (320, 180)
    # A 3 s video gives a 3 s GIF, however long the preview asked for.
    assert 2800 <= sum(delays) <= 3100


def test_a_start_past_the_end_takes_the_last_seconds(landscape, tmp_path):
    _, frames, delays = _frames(make_gif(landscape, tmp_path / "late.gif", start=100.0).path)
    assert 3900 <= sum(delays) <= 4100
    assert _ball_x(frames[-1]) > 480 * 0.85  # the ball near the end of its run


def test_over_the_byte_budget_it_is_made_narrower(landscape, tmp_path):
    full = make_gif(landscape, tmp_path / "full.gif")
    budget = full.bytes // 2
    small = make_gif(landscape, tmp_path / "budget.gif", max_bytes=budget)
    assert small.bytes <= budget and small.width < full.width
    assert abs(small.width / small.height - 16 / 9) < 0.05


def test_a_file_without_video_fails_clearly(tmp_path):
    song = write_test_song(tmp_path, seconds=1.0)
    with pytest.raises(RenderFailed, match="song.wav"):
        make_gif(song, tmp_path / "song.gif")


def test_codec_noise_is_held_but_motion_is_not_and_leaves_no_trail():
    rng = np.random.default_rng(0)
    background = np.full((64, 96, 3), 90, np.uint8)
    frames = []
    for x in (8, 40):  # a bright square jumps right; every pixel carries a little noise
        frame = np.clip(background.astype(int) + rng.integers(-6, 7, background.shape), 0, 255).astype(np.uint8)
        frame[16:32, x : x + 16] = 240
        frames.append(frame)
    held = _steadied(frames)
    assert (held[1][48:, :] == held[0][48:, :]).all()  # the still part: noise held, byte-identical
    assert (held[1][16:32, 40:56] == 240).all()  # the square's new place is drawn
    assert held[1][16:32, 8:24].max() < 120  # and its old place cleared: no trail


def _clip(layout: str, start: float, end: float, speech: float):
    return SimpleNamespace(layout=SimpleNamespace(value=layout), start=start, end=end, speech_start=speech)


def test_gif_starts_at_the_first_presenter_scene_words():
    scenes = [_clip("title_card", 0, 3, 0.3), _clip("presenter_full", 3, 12, 3.4), _clip("end_card", 12, 16, 12.2)]
    assert gif_start(SimpleNamespace(scenes=scenes)) == pytest.approx(3.4)
    short = [_clip("title_card", 0, 3, 0.3), _clip("presenter_panel", 3, 5.5, 3.4), _clip("end_card", 5.5, 9, 5.6)]
    assert gif_start(SimpleNamespace(scenes=short)) == pytest.approx(3.0)  # moved back, not into the end card sooner
    # No presenter scene: the first scene's words, not the call to action.
    assert gif_start(SimpleNamespace(scenes=[_clip("kinetic", 0, 6.5, 0.3), _clip("end_card", 6.5, 12, 6.7)])) == pytest.approx(0.3)


@pytest.mark.parametrize("fmt", ["webm", "mov"])
def test_every_output_format_gives_a_preview(tmp_path, fmt):
    from onetake.brief.models import OutputFormat
    from onetake.render.encode import SegmentWriter, settings_for

    settings = settings_for(OutputFormat(fmt), 60, FPS)
    path = tmp_path / f"video{settings.segment_suffix}"
    writer = SegmentWriter(path, 640, 360, FPS, settings)
    for index in range(5 * FPS):  # a bar growing across a dark frame
        frame = np.zeros((360, 640, 4), np.uint8)
        frame[..., 3] = 255
        frame[100:260, : 40 + index * 4, 1] = 200
        writer.write(frame)
    writer.close()
    image, frames, delays = _frames(make_gif(path, tmp_path / "preview.gif", start=0.5).path)
    assert image.size == (480, 270) and len(frames) > 40 and 3900 <= sum(delays) <= 4100
    assert (frames[-1][:, :, 1] > 150).sum() > (frames[0][:, :, 1] > 150).sum()  # it plays forward
