"""One prompt through the whole flow, from the CLI, with probe checks on what comes out."""

from __future__ import annotations

import json
import re
from contextlib import redirect_stdout
from io import StringIO
from pathlib import Path

import av
import numpy as np
import pyloudnorm
import pytest

from onetake.cli import run


def _render(tmp_path: Path, capsys, *argv: str) -> Path:
    run(["make", *argv, "--out", str(tmp_path)])
    return Path(capsys.readouterr().out.strip().splitlines()[-1])


def _decode_channels(path: Path) -> tuple[np.ndarray, int]:
    """(samples, channels) float32, as delivered."""
    with av.open(str(path)) as container:
        stream = container.streams.audio[0]
        chunks = [frame.to_ndarray() for frame in container.decode(stream)]
        return np.concatenate(chunks, axis=1).T.astype(np.float32), stream.rate


def _decode_audio(path: Path) -> tuple[np.ndarray, int]:
    channels, rate = _decode_channels(path)
    return channels.mean(axis=1), rate


def _srt_starts(path: Path) -> list[float]:
    stamps = re.findall(r"^(\d\d):(\d\d):(\d\d),(\d\d\d) -->", path.read_text(), re.M)
    return [int(h) * 3600 + int(m) * 60 + int(s) + int(ms) / 1000 for h, m, s, ms in stamps]


@pytest.fixture(scope="module")
def landscape(tmp_path_factory, portrait_photo):
    tmp_path = tmp_path_factory.mktemp("landscape")
    buffer = StringIO()  # capsys is per test; this render is shared by the module's tests
    with redirect_stdout(buffer):
        run(["make", "Create a 12-second video introducing Needle & Note, a vinyl subscription club. Palette: burgundy, cream and brass. "
             "On-screen bullet points for monthly curated picks, member perks, and collector extras. End with a call to action to join at needleandnote.com.",
             "--out", str(tmp_path), "--file", str(portrait_photo)])
    return Path(buffer.getvalue().strip().splitlines()[-1])


def test_video_and_audio_streams(landscape):
    with av.open(str(landscape)) as container:
        assert len(container.streams.video) == 1 and len(container.streams.audio) == 1
        video, audio = container.streams.video[0], container.streams.audio[0]
        assert video.codec_context.name == "h264"
        assert (video.width, video.height) == (1280, 720)
        assert audio.codec_context.name == "aac"
        frames = [f.time for f in container.decode(video)]
    video_seconds = len(frames) / 25
    samples, rate = _decode_audio(landscape)
    audio_seconds = len(samples) / rate
    assert abs(video_seconds - audio_seconds) < 0.1
    assert abs(video_seconds - 12) <= 12 * 0.05
    assert np.allclose(np.diff(frames), 0.04, atol=1e-3)


def test_outputs_beside_the_video(landscape):
    folder = landscape.parent
    stem = landscape.stem
    for suffix in (".srt", ".vtt", ".jpg"):
        assert (folder / f"{stem}{suffix}").stat().st_size > 0
    assert (folder / "narration.wav").stat().st_size > 0
    assert json.loads((folder / "timeline.json").read_text())["narration_wav"] == "narration.wav"
    # narration.wav is the dry voice (a revision re-mixes it once); the video's track carries the bed
    from onetake.audio import read_wav

    rate, voice = read_wav(folder / "narration.wav")
    lead = slice(0, int(0.25 * rate))  # before the first word
    mixed, mixed_rate = _decode_audio(landscape)
    assert np.sqrt(np.mean(voice[lead] ** 2)) < 1e-3
    assert np.sqrt(np.mean(mixed[:int(0.25 * mixed_rate)] ** 2)) > 3e-3
    assert not list(folder.parent.glob(".onetake-*")), "the work folder is cleaned up"
    board = json.loads((folder / "storyboard.json").read_text())
    assert board["brand"] == "Needle & Note"
    assert board["scenes"][-1]["role"] == "cta"
    assert (folder / f"{stem}.jpg").read_bytes()[:3] == b"\xff\xd8\xff"
    assert (folder / f"{stem}.vtt").read_text().startswith("WEBVTT")


def test_loudness_and_peaks(landscape):
    channels, rate = _decode_channels(landscape)
    assert channels.shape[1] == 2
    loudness = pyloudnorm.Meter(rate).integrated_loudness(channels.astype(np.float64))  # BS.1770 over both channels
    assert abs(loudness - (-14.0)) <= 1.0
    assert np.max(np.abs(channels)) < 1.0


def test_captions_start_on_their_first_word_and_on_the_voice(landscape):
    timeline = json.loads((landscape.parent / "timeline.json").read_text())
    word_starts = np.array([w["start"] for w in timeline["presenter"]["words"]])
    cue_starts = _srt_starts(landscape.with_suffix(".srt"))
    assert cue_starts
    for start in cue_starts:
        assert np.min(np.abs(word_starts - start)) <= 0.05
    # The timings must match the sound: after a pause, a cue's start is where the voice resumes.
    samples, rate = _decode_audio(landscape)
    def rms(a: float, b: float) -> float:
        return float(np.sqrt(np.mean(samples[int(a * rate) : int(b * rate)] ** 2)) + 1e-9)
    checked = 0
    for cue in timeline["captions"]:
        start = cue["start"]
        before = [w for w in timeline["presenter"]["words"] if w["end"] <= start]
        if before and start - before[-1]["end"] >= 0.3:
            assert rms(start, start + 0.2) > 4 * rms(start - 0.25, start - 0.05)
            checked += 1
    assert checked >= 2


def test_frames_show_the_scenes(landscape):
    """Not blank, not frozen: frames at different scenes differ clearly."""
    with av.open(str(landscape)) as container:
        frames = [f.to_ndarray(format="rgb24") for i, f in enumerate(container.decode(video=0)) if i % 50 == 0]
    assert all(f.std() > 10 for f in frames)
    differences = [np.abs(a.astype(int) - b.astype(int)).mean() for a, b in zip(frames, frames[1:])]
    assert max(differences) > 10


def test_portrait_webm_into_a_non_ascii_folder(tmp_path, capsys):
    video = _render(tmp_path / "vidéos à montrer", capsys, "A vertical TikTok about our coffee shop Bean There: fresh beans daily. Visit beanthere.cafe",
                    "--duration", "6", "--width", "360", "--height", "640", "--format", "webm", "--quality", "60")
    with av.open(str(video)) as container:
        stream = container.streams.video[0]
        assert stream.codec_context.name == "vp9"
        assert (stream.width, stream.height) == (360, 640)
        assert container.streams.audio[0].codec_context.name == "opus"
        assert abs(float(container.duration / av.time_base) - 6) <= 0.3


def test_unused_attachments_are_reported_not_dropped_silently(tmp_path, portrait_photo):
    from tests.planning import plan
    from onetake.brief.intake import make_brief
    from onetake.pipeline import _unused_file_notes

    notes_file = tmp_path / "notes.md"
    notes_file.write_text("# Launch\nOur app ships in spring.", encoding="utf-8")
    brief = make_brief("Use the provided image as the speaking avatar. A 20-second video about Acme.", files=[portrait_photo, notes_file])
    notes = _unused_file_notes(brief, plan(brief))
    assert not any("portrait.jpg" in n for n in notes)  # it presents, or casting's note says why it could not
    assert not any("notes.md" in n for n in notes)  # documents are read as the script's sources
    assert "Our app ships in spring." in " ".join(s.narration for s in plan(brief).scenes)


def test_no_dead_air_between_the_first_and_last_word(landscape):
    samples, rate = _decode_audio(landscape)
    timeline = json.loads((landscape.parent / "timeline.json").read_text())
    words = timeline["presenter"]["words"]
    window = int(rate * 0.02)
    speech = samples[int(words[0]["start"] * rate) : int(words[-1]["end"] * rate)]
    levels = np.sqrt(np.mean(speech[: len(speech) // window * window].reshape(-1, window) ** 2, axis=1))
    quiet = levels < 10 ** (-45 / 20)
    longest = run = 0
    for q in quiet:
        run = run + 1 if q else 0
        longest = max(longest, run)
    assert longest * 0.02 <= 0.8
