import numpy as np
import pyloudnorm
import pytest

from onetake.audio import PEAK_CEILING, change_tempo, integrated_loudness, normalize_loudness

RATE = 24_000


def _speechlike(seconds: float = 4.0, level: float = 0.05) -> np.ndarray:
    t = np.arange(int(seconds * RATE)) / RATE
    envelope = 0.5 + 0.5 * np.sin(2 * np.pi * 2.5 * t) ** 2  # syllable-rate swells
    return (level * envelope * np.sin(2 * np.pi * 180 * t) * (1 + 0.3 * np.sin(2 * np.pi * 900 * t))).astype(np.float32)


def test_loudness_agrees_with_an_independent_meter():
    x = _speechlike()
    assert integrated_loudness(x, RATE) == pytest.approx(pyloudnorm.Meter(RATE).integrated_loudness(x.astype(np.float64)), abs=0.3)


def test_normalised_to_minus_14_lufs_without_clipping_even_with_a_spike():
    x = _speechlike()
    x[RATE : RATE + 50] = 0.95  # a click far above the speech level: gain alone would clip it
    y = normalize_loudness(x, RATE)
    assert pyloudnorm.Meter(RATE).integrated_loudness(y.astype(np.float64)) == pytest.approx(-14.0, abs=0.5)
    assert np.max(np.abs(y)) <= PEAK_CEILING + 1e-6
    assert len(y) == len(x)


def test_silence_stays_silent_and_tempo_shortens():
    assert integrated_loudness(np.zeros(RATE, np.float32), RATE) == float("-inf")
    assert not normalize_loudness(np.zeros(RATE, np.float32), RATE).any()
    x = _speechlike(3.0)
    assert len(change_tempo(x, RATE, 1.1)) == pytest.approx(len(x) / 1.1, rel=0.01)
    assert len(change_tempo(np.zeros(0, np.float32), RATE, 1.1)) == 0


def test_wav_round_trip_keeps_samples_to_16_bit_precision(tmp_path):
    from onetake.audio import read_wav, write_wav

    rate = 24_000
    t = np.arange(rate) / rate
    samples = (0.5 * np.sin(2 * np.pi * 220 * t)).astype(np.float32)
    write_wav(tmp_path / "a.wav", rate, samples)
    back_rate, back = read_wav(tmp_path / "a.wav")
    assert back_rate == rate and back.dtype == np.float32 and len(back) == len(samples)
    assert np.max(np.abs(back - samples)) < 1.0 / 32767 + 1e-6


def test_read_wav_takes_float_and_stereo_files_from_other_tools(tmp_path):
    from scipy.io import wavfile

    from onetake.audio import read_wav

    stereo = np.stack([np.full(4800, 0.25, np.float32), np.full(4800, -0.25, np.float32) + 0.5], axis=1)
    wavfile.write(tmp_path / "f.wav", 48_000, stereo)
    rate, mono = read_wav(tmp_path / "f.wav")
    assert rate == 48_000 and len(mono) == 4800
    assert np.allclose(mono[100:-100], 0.25 * np.sqrt(2), atol=0.01)  # FFmpeg's downmix: both channels at -3 dB
