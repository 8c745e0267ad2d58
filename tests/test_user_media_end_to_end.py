"""A user's clip and audio file through the whole flow: the clip is shown, the song is the music, nothing reported unused."""

from __future__ import annotations

import json
from pathlib import Path

import av
import numpy as np

from onetake.brief.intake import make_brief
from onetake.pipeline import make_video
from tests.media import write_test_clip, write_test_song


def test_a_user_clip_and_song_are_used(tmp_path):
    clip = write_test_clip(tmp_path / "in", seconds=3.0)
    song = write_test_song(tmp_path / "in", seconds=4.0)
    brief = make_brief("A 10-second video for Orbit Labs, a rocket startup. Show B-roll of our launch. Visit orbitlabs.space",
                       files=[clip, song], width=480, height=270)
    outputs = make_video(brief, tmp_path / "out", workers=2)
    video = outputs.video
    assert not any("was not used" in n for n in outputs.notes), outputs.notes
    assert any("song.wav' is the music" in n for n in outputs.notes)
    timeline = json.loads((video.parent / "timeline.json").read_text())
    shown = [v for c in timeline["scenes"] for v in c["visuals"] if v["kind"] == "video"]
    assert len(shown) == 1 and Path(shown[0]["path"]).name == "clip.mp4"
    # the song's notes (C major arpeggio) are heard in the delivered audio, between the words
    with av.open(str(video)) as container:
        rate = container.streams.audio[0].rate
        samples = np.concatenate([f.to_ndarray().mean(axis=0) for f in container.decode(audio=0)])
    t = np.arange(len(samples)) / rate
    talking = np.zeros(len(samples), bool)
    for w in timeline["presenter"]["words"]:
        talking |= (t > w["start"] - 0.1) & (t < w["end"] + 0.1)
    samples = samples[~talking]
    assert len(samples) > rate  # there are pauses to listen in
    spectrum = np.abs(np.fft.rfft(samples)) ** 2
    freqs = np.fft.rfftfreq(len(samples), 1 / rate)
    def band(f):
        return spectrum[(freqs > f - 3) & (freqs < f + 3)].sum() / 6
    notes = np.mean([band(f) for f in (261.63, 329.63, 392.0, 523.25)])
    between = np.mean([band(f) for f in (290.0, 360.0, 460.0, 480.0)])
    assert notes > 5 * between
    # the clip's frames are in the video: its yellow ball shows during the b-roll scene
    mid = (shown[0]["start"] + shown[0]["end"]) / 2
    with av.open(str(video)) as container:
        frame = next(f for f in container.decode(video=0) if f.time >= mid).to_ndarray(format="rgb24").astype(int)
    yellow = (frame[..., 0] > 200) & (frame[..., 1] > 180) & (frame[..., 2] < 120)
    assert yellow.mean() > 0.01
