"""Music beds, listened to by numbers: tonal and in key (not noise), steady, and quiet under the voice."""

import numpy as np
import pyloudnorm
import pytest

from onetake.errors import InvalidInput
from onetake.render.mix import duck_and_mix
from onetake.visuals.music import MOODS, mood_from_text, mood_named, procedural_bed, user_bed
from tests.media import write_test_song

RATE = 24_000


def _pitch_class_energy(samples: np.ndarray) -> np.ndarray:
    spectrum = np.abs(np.fft.rfft(samples * np.hanning(len(samples)))) ** 2
    freqs = np.fft.rfftfreq(len(samples), 1 / RATE)
    keep = (freqs > 60) & (freqs < 4000)
    classes = np.round(12 * np.log2(freqs[keep] / 440.0)).astype(int) % 12
    return np.bincount(classes, weights=spectrum[keep], minlength=12) / spectrum[keep].sum()


@pytest.mark.parametrize("mood", sorted(MOODS))
def test_each_mood_is_music_in_its_key(mood):
    bed = procedural_bed(mood, 16, RATE)
    assert bed.dtype == np.float32 and len(bed) == 16 * RATE
    segment = bed[2 * RATE : 14 * RATE]
    spectrum = np.abs(np.fft.rfft(segment)) + 1e-9
    flatness = np.exp(np.mean(np.log(spectrum))) / np.mean(spectrum)
    assert flatness < 0.15  # white noise measures ~0.56; tones far lower
    m = MOODS[mood]
    scale = (0, 2, 3, 5, 7, 8, 10) if m.minor else (0, 2, 4, 5, 7, 9, 11)
    key = {(m.root - 69 + s) % 12 for s in scale}  # pitch classes relative to A
    energy = _pitch_class_energy(segment)
    assert energy[sorted(key)].sum() > 0.85  # nearly all energy on the key's seven notes
    seconds = [np.sqrt(np.mean(bed[i * RATE : (i + 1) * RATE] ** 2)) for i in range(2, 14)]
    assert max(seconds) / min(seconds) < 3.0  # a steady bed, no bursts
    assert np.array_equal(bed, procedural_bed(mood, 16, RATE))  # deterministic


def test_moods_differ_in_tempo_and_colour():
    calm, upbeat = procedural_bed("calm", 12, RATE), procedural_bed("upbeat", 12, RATE)
    assert np.abs(calm - upbeat).mean() > 0.01
    assert MOODS["upbeat"].bpm > MOODS["calm"].bpm + 30


def test_mood_names_and_words():
    assert mood_named("Luxury") == "luxurious" and mood_named("epic") == "cinematic"
    assert mood_from_text("A bright, playful video for kids") == "upbeat"
    assert mood_from_text("A video about taxes", "calm") == "calm"
    with pytest.raises(InvalidInput, match="unknown mood 'polka'"):
        mood_named("polka")


def test_the_bed_ducks_under_speech_and_the_mix_lands_on_minus_14_lufs():
    seconds = 20
    t = np.arange(seconds * RATE) / RATE
    talking = ((t % 5) < 3.0)  # 3 s of "speech", 2 s pause
    voice = (0.3 * np.sin(2 * np.pi * 150 * t) * (1 + 0.5 * np.sin(2 * np.pi * 4 * t)) * talking).astype(np.float32)
    bed = procedural_bed("upbeat", seconds, RATE)
    mixed = duck_and_mix(voice, bed, RATE)
    assert len(mixed) == len(voice)
    assert abs(pyloudnorm.Meter(RATE).integrated_loudness(mixed.astype(np.float64)) - (-14.0)) < 0.5
    assert np.max(np.abs(mixed)) < 10 ** (-1 / 20) + 1e-3
    # the voice is one 150 Hz tone (4 Hz tremolo): everything outside 135-165 Hz is the music
    def music_db(mask):
        spectrum = np.abs(np.fft.rfft(mixed[mask])) ** 2
        freqs = np.fft.rfftfreq(int(mask.sum()), 1 / RATE)
        band = (freqs > 135) & (freqs < 165)
        return 10 * np.log10(spectrum[~band].sum() / mask.sum() ** 2 + 1e-20), 10 * np.log10(spectrum[band].sum() / mask.sum() ** 2 + 1e-20)
    under = talking & ((t % 5) > 0.6)  # after the compressor's attack
    gaps = ~talking & ((t % 5) > 4.2)  # after its release
    music_under, voice_under = music_db(under)
    music_gaps, _ = music_db(gaps)
    assert music_gaps - music_under > 4  # ducked while words are spoken
    assert voice_under - music_under > 18  # and well under the voice


def test_a_user_track_loops_to_length(tmp_path):
    song = write_test_song(tmp_path, seconds=3.0)
    bed = user_bed(song, 7.5, RATE)
    assert len(bed) == int(7.5 * RATE)
    energy = _pitch_class_energy(bed[: 3 * RATE])
    c_major = [(n - 69) % 12 for n in (60, 64, 67)]  # C, E, G
    assert energy[c_major].sum() > 0.8
    assert np.sqrt(np.mean(bed[4 * RATE : 5 * RATE] ** 2)) > 0.05  # looped, not silent after 3 s


def test_the_mood_follows_the_option_then_the_prompt_then_the_style():
    from types import SimpleNamespace

    from onetake.brief.intake import make_brief
    from onetake.render.mix import choose_mood

    from tests.planning import plan

    def mood(brief):
        return choose_mood(brief, plan(brief))

    assert mood(make_brief("A video for a bakery.", music="cinematic")) == "cinematic"
    assert mood(make_brief("A video for a jeweller. Elegant.")) == "luxurious"
    assert mood(make_brief("A video for a bakery.")) == "calm"
    with pytest.raises(InvalidInput, match="--music|unknown mood"):
        choose_mood(make_brief("A video.", music="polka"), SimpleNamespace(style_id="studio", music="", tone=[]))
