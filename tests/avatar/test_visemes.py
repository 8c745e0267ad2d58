import numpy as np
import pytest

from onetake.avatar.visemes import (
    OPENNESS, VISEMES, VisemeTrack, build_segments, mouth_open, phoneme_to_viseme, phoneme_visemes,
)
from onetake.voice.models import PhonemeTiming


def ph(symbols, dur=0.1, start=0.0):
    out, t = [], start
    for s in symbols:
        d = dur if not isinstance(s, tuple) else s[1]
        s = s if not isinstance(s, tuple) else s[0]
        out.append(PhonemeTiming(phoneme=s, start=t, end=t + d))
        t += d
    return out


@pytest.mark.parametrize("symbol,viseme", [
    ("p", "PP"), ("b", "PP"), ("m", "PP"), ("f", "FF"), ("v", "FF"), ("θ", "TH"), ("ð", "TH"),
    ("t", "DD"), ("d", "DD"), ("ɾ", "DD"), ("k", "kk"), ("ɡ", "kk"), ("ŋ", "kk"), ("ʃ", "CH"), ("ʒ", "CH"),
    ("tʃ", "CH"), ("dʒ", "CH"), ("ʧ", "CH"), ("ʤ", "CH"), ("s", "SS"), ("z", "SS"), ("n", "nn"),
    ("l", "nn"), ("ɹ", "RR"), ("ɚ", "RR"), ("ɑ", "aa"), ("æ", "aa"), ("ʌ", "aa"), ("ɐ", "aa"),
    ("ɛ", "E"), ("ə", "E"), ("ɜ", "E"), ("ɪ", "I"), ("i", "I"), ("ᵻ", "I"), ("ɔ", "O"), ("u", "U"),
    ("ʊ", "U"), ("w", "U"), ("j", "I"),
    # stress and length marks are stripped
    ("ˈɑː", "aa"), ("ˌɪ", "I"), ("iː", "I"), ("ˈoʊ", "O"),
    # pauses
    (" ", "sil"), (".", "sil"), (",", "sil"), ("_", "sil"), ("", "sil"),
])
def test_known_phonemes(symbol, viseme):
    assert phoneme_to_viseme(symbol) == viseme


def test_diphthongs_split_into_two_targets():
    assert phoneme_visemes("aɪ") == ("aa", "I")
    assert phoneme_visemes("ˈaʊ") == ("aa", "U")
    assert phoneme_visemes("eɪ") == ("E", "I")
    assert phoneme_visemes("ɔɪ") == ("O", "I")
    assert phoneme_visemes("A") == ("E", "I")  # misaki/Kokoro capital diphthong
    assert phoneme_visemes("O") == ("O", "U")


def test_modifiers_alone_map_to_nothing_and_unknowns_do_not_crash():
    assert phoneme_visemes("ˈ") == ()
    assert phoneme_visemes("ː") == ()
    assert phoneme_to_viseme("Ω") in VISEMES


def test_piper_style_per_character_tokens():
    # "hello" as piper emits it: h ə l ˈ o ʊ — h takes the next vowel, the stress mark joins the vowel
    segs = build_segments(ph(["h", "ə", "l", "ˈ", "o", "ʊ"]))
    assert [s.viseme for s in segs] == ["E", "nn", "O", "U"]
    assert segs[0].start == pytest.approx(0.0) and segs[-1].end == pytest.approx(0.6)
    # length mark lengthens the vowel before it
    segs = build_segments(ph(["s", "i", "ː"]))
    assert [s.viseme for s in segs] == ["SS", "I"] and segs[-1].end == pytest.approx(0.3)


def test_gaps_become_silence_and_segments_are_contiguous():
    phones = [PhonemeTiming(phoneme="a", start=0.0, end=0.2), PhonemeTiming(phoneme="m", start=0.5, end=0.6)]
    segs = build_segments(phones)
    assert [s.viseme for s in segs] == ["aa", "sil", "PP"]
    for a, b in zip(segs, segs[1:]):
        assert a.end == pytest.approx(b.start)


def test_long_vowel_is_aa_and_silence_is_sil():
    track = VisemeTrack.from_phonemes(ph([("sil", 0.0), " ", ("h", 0.06), ("ɑ", 0.5), ("p", 0.08), (" ", 0.6)],
                                         start=0.5))
    # the "a" runs from 0.66 to 1.16
    w = track.weights_at(0.9)
    assert max(w, key=w.get) == "aa" and w["aa"] > 0.95
    assert track.weights_at(2.0) == {"sil": 1.0}  # in the trailing pause
    assert track.weights_at(-1.0) == {"sil": 1.0}  # before speech
    assert track.weights_at(100.0) == {"sil": 1.0}  # after speech
    assert track.dominant_at(0.2) == "sil"


def test_weights_are_normalised_and_known():
    track = VisemeTrack.from_phonemes(ph(list("hɛloʊ wɜːld ðɪs ɪz ɐ tˈɛst"), dur=0.07))
    for t in np.arange(-0.2, 2.5, 0.013):
        w = track.weights_at(float(t))
        assert set(w) <= set(VISEMES)
        assert sum(w.values()) == pytest.approx(1.0)
        assert all(v >= 0 for v in w.values())


def test_mouth_opening_peaks_at_phoneme_centres():
    # Alternating closures and open vowels of different lengths, as in "papa mama".
    pattern = [("p", 0.08), ("ɑ", 0.12), ("m", 0.09), ("ɑ", 0.2), ("b", 0.07), ("ɑ", 0.1), ("p", 0.08),
               ("ɑ", 0.3), (" ", 0.5)]
    phones = ph(pattern, start=0.4)
    track = VisemeTrack.from_phonemes(phones)
    ts = np.arange(0.0, 2.5, 0.002)
    opening = np.array([mouth_open(track.weights_at(float(t))) for t in ts])
    for p in phones:
        if p.phoneme != "ɑ":
            continue
        centre = (p.start + p.end) / 2
        inside = (ts >= p.start - 0.05) & (ts <= p.end + 0.05)
        peak = opening[inside].max()
        near_peak = ts[inside][opening[inside] >= peak - 0.02]
        # a plateau's peak is its middle
        assert abs((near_peak.min() + near_peak.max()) / 2 - centre) <= 0.04
        assert peak >= 0.5 * OPENNESS["aa"]
    # closures between vowels close the mouth noticeably
    for p in phones:
        if p.phoneme in "pmb":
            c = (p.start + p.end) / 2
            assert mouth_open(track.weights_at(c)) < 0.45


def test_mouth_moves_smoothly():
    track = VisemeTrack.from_phonemes(ph(list("ðə kwɪk bɹaʊn fɑks dʒʌmps"), dur=0.08, start=0.2))
    ts = np.arange(0.0, 2.6, 0.005)
    opening = np.array([mouth_open(track.weights_at(float(t))) for t in ts])
    # No jump within 5 ms. Bilabials close fastest: a 40 ms cross-fade here, at most 0.9 x 1.5 x 5/40 = 0.17 per step.
    assert np.max(np.abs(np.diff(opening))) < 0.2
    assert opening.max() > 0.5 and opening[-1] == 0.0


def test_a_short_bilabial_between_open_vowels_still_shuts_the_lips():
    """ "a map a": a 30 ms m, shorter than any blend, must close the mouth, as lips visibly meet."""
    timings = [("a", 0.20, 0.30), ("m", 0.30, 0.33), ("a", 0.33, 0.45)]
    track = VisemeTrack.from_phonemes([PhonemeTiming(phoneme=p, start=s, end=e) for p, s, e in timings])
    ts = np.arange(0.30, 0.33, 0.002)
    assert min(mouth_open(track.weights_at(float(t))) for t in ts) < 0.02
    assert mouth_open(track.weights_at(0.25)) > 0.85 and mouth_open(track.weights_at(0.40)) > 0.85  # the vowels keep their shape
