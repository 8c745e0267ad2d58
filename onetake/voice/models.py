"""Speech artifacts: audio plus the word and phoneme timings every other stage follows."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from pydantic import BaseModel


class VoiceInfo(BaseModel):
    """A catalogue entry. `words_per_second` is measured on the engine, not guessed."""

    id: str
    name: str
    language: str  # BCP-47, e.g. "en-US"
    gender: str  # "male" | "female"
    engine: str  # "piper" | "hibari" | "espeak"
    sample_rate: int
    words_per_second: float


class WordTiming(BaseModel):
    text: str
    start: float  # seconds from the start of the utterance
    end: float


class PhonemeTiming(BaseModel):
    phoneme: str  # IPA symbol(s) as the engine produced them
    start: float
    end: float


@dataclass
class Utterance:
    """One synthesised piece of text. Timings are relative to sample 0."""

    samples: np.ndarray  # float32 mono in [-1, 1]
    sample_rate: int
    words: list[WordTiming] = field(default_factory=list)
    phonemes: list[PhonemeTiming] = field(default_factory=list)

    @property
    def duration(self) -> float:
        return len(self.samples) / self.sample_rate
