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
