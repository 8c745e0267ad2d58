"""A user's recorded narration: heard offline, cut at its pauses, played untouched."""

from __future__ import annotations

import numpy as np
import pytest
from scipy.io import wavfile

from onetake.agent.reading import read
from onetake.brief.intake import make_brief
from onetake.errors import RenderFailed
from onetake.narration import RATE, plan_recorded
from onetake.pipeline import _unused_file_notes, plan_and_cast
from onetake.render.mix import music_file_index, narration_file_index
from onetake.visuals.music import load_audio
from onetake.voice.speak import synthesize
from tests.media import write_test_song

SCRIPT = "Welcome to Orbit Labs. We build small rockets for research teams. Our next launch is in March. Book a seat today."


@pytest.fixture(scope="module")
def recording(tmp_path_factory):
    """A real spoken recording (made with the project's own voice, then treated as the user's file)."""
    u = synthesize(SCRIPT, "joe")
    path = tmp_path_factory.mktemp("rec") / "voiceover.wav"
    wavfile.write(path, u.sample_rate, (u.samples * 32767).astype(np.int16))
    return path


def test_the_prompt_decides_narration_or_music(recording, tmp_path):
    song = write_test_song(tmp_path)
    as_voice = make_brief("A video for Orbit Labs. Use my voice-over.", files=[song, recording])
    assert narration_file_index(as_voice, read(as_voice)) == 0 and music_file_index(as_voice, read(as_voice)) == 1
    as_music = make_brief("A video for Orbit Labs.", files=[recording])
    assert narration_file_index(as_music, read(as_music)) is None and music_file_index(as_music, read(as_music)) == 0


def test_a_recording_becomes_the_scenes_narration_untouched(recording):
    brief = make_brief("A 10-second video for Orbit Labs, a rocket startup. Use my voice-over.", files=[recording])
    storyboard, cast, pieces = plan_recorded(brief, 0, plan_and_cast)
    assert len(pieces) == len(storyboard.scenes) >= 2
    heard = " ".join(s.narration for s in storyboard.scenes).lower()
    said = [w.strip(".").lower() for w in SCRIPT.split() if len(w) > 4]
    assert sum(w in heard for w in said) / len(said) >= 0.6  # the recogniser heard most content words
    original = load_audio(recording, RATE)
    for piece in pieces:  # every piece is an exact slice of the recording: nothing re-synthesised or stretched
        k = int(np.argmax(np.abs(piece.samples)))
        offsets = [o - k for o in np.flatnonzero(original == piece.samples[k]) if o >= k]
        assert any(np.array_equal(original[o : o + len(piece.samples)], piece.samples) for o in offsets)
        assert piece.words and piece.words[0].start >= 0 and piece.words[-1].end <= piece.duration + 1e-6
        assert piece.phonemes  # phones for lip-sync
    assert sum(p.duration for p in pieces) <= len(original) / RATE + 1e-6
    assert not _unused_file_notes(brief, storyboard)


def test_a_recording_with_no_speech_is_refused(tmp_path):
    song = write_test_song(tmp_path, seconds=6.0)
    brief = make_brief("A video for Orbit Labs. Use my voice-over.", files=[song])
    with pytest.raises(RenderFailed, match="no speech was heard"):
        plan_recorded(brief, 0, plan_and_cast)
