"""hibari-tts "heart": a Kokoro-distilled en-US female voice whose model ships in the wheel.

hibari's public API returns audio only. Per-phoneme durations come from the internal
tensor /Clip_output_0 (clipped, rounded durations, one per phoneme id); the name is
internal to hibari-tts==0.2.1, hence the exact pin.
"""

from __future__ import annotations

import numpy as np
from hibari import Hibari, dsp

from onetake.voice.engines._onnx import expose, patched_session
from onetake.voice.engines.sentencewise import Rendered, SentenceEngine

_DURATIONS = "/Clip_output_0"
_OUTPUTS = ["lh", "theta", "ln", "lr", "phi", "f0", _DURATIONS]
# misaki's one-letter diphthongs and affricates, spelled out in IPA.
_IPA = str.maketrans({"A": "eɪ", "I": "aɪ", "O": "oʊ", "Q": "əʊ", "W": "aʊ", "Y": "ɔɪ", "T": "ɾ", "ʤ": "dʒ", "ʧ": "tʃ", "ᵊ": "ə", "ᵻ": "ɨ"})
_SEED = 0  # fixed noise: the same text renders bit-identically
# The audio runs ~50 ms ahead of the durations (measured: fricative labels against
# zero-crossing-rate frames correlate best at a 50 ms advance; piper peaks at 0 ms on
# the same test), so labels move earlier by that much, taken out of the leading pad.
_LEAD_S = 0.05


class HibariEngine(SentenceEngine):
    name = "hibari"
    sample_rate = dsp.SR

    def __init__(self, voice_id: str = "heart"):
        if voice_id != "heart":  # every other hibari voice downloads on first use
            raise ValueError(f"hibari voice {voice_id!r} is not bundled; only 'heart' works offline")
        self.tts = Hibari(voice=voice_id)
        self.session = patched_session(self.tts.model_path, expose(_DURATIONS))

    def render(self, text: str) -> Rendered:
        rng = np.random.default_rng(_SEED)
        audio: list[np.ndarray] = []
        symbols: list[str] = []
        durations: list[float] = []
        for ps in self.tts.phonemize(text):
            kept = [c for c in ps if c in self.tts.vocab]  # what Hibari.ids keeps
            ids = self.tts.ids(ps)
            if len(ids) < 3:
                continue
            out = self.session.run(_OUTPUTS, {"ids": np.asarray([ids], np.int64), "speed": np.ones(1, np.float32)})
            wav = dsp.synth(*(o[0] for o in out[:6]), rng)
            units = np.asarray(out[6], np.float64).reshape(-1)
            # Each duration unit is a fixed number of samples (600 at speed 1.0).
            seconds = units * (len(wav) / max(units.sum(), 1.0)) / self.sample_rate
            shift = min(_LEAD_S, seconds[0])
            seconds[0] -= shift
            seconds[-1] += shift
            audio.append(wav)
            symbols += ["^", *kept, "$"]
            durations += list(seconds)
        samples = np.concatenate(audio) if audio else np.zeros(0, np.float32)
        return Rendered(samples.astype(np.float32), symbols, durations)

    def reference(self, word: str) -> list[str]:
        return [c for c in self.tts.g2p(word) if c in self.tts.vocab]

    def to_ipa(self, symbol: str) -> str:
        return symbol.translate(_IPA)
