"""The one interface every speech engine implements."""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from onetake.voice.models import Utterance, VoiceInfo


@runtime_checkable
class TTSEngine(Protocol):
    """Loads its models once (in __init__) and then renders any of its voices.

    `synthesize` returns float32 mono samples in [-1, 1], one WordTiming per
    whitespace-separated input word (text unchanged, in order) and IPA phonemes.
    """

    name: str

    def synthesize(self, text: str, voice: VoiceInfo) -> Utterance: ...
