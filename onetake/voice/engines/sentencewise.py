"""Shared loop for neural engines that render a sentence per call and report phoneme durations."""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass

import numpy as np

from onetake.voice import assemble as asm
from onetake.voice.align import label_stream
from onetake.voice.models import Utterance, VoiceInfo
from onetake.voice.segments import Piece, from_stream
from onetake.voice.text import Word, ends_sentence, sentences, split_words, spoken_text


@dataclass
class Rendered:
    """One engine call: audio plus the engine's symbols with their durations in seconds."""

    samples: np.ndarray
    symbols: list[str]
    durations: list[float]


class SentenceEngine(ABC):
    """Renders sentence by sentence so we own the pauses between them, and maps the
    engine's context-dependent phonemes back to input words (see align.py)."""

    name: str
    sample_rate: int

    @abstractmethod
    def render(self, text: str) -> Rendered:
        """Speak one sentence."""

    @abstractmethod
    def reference(self, word: str) -> list[str]:
        """The engine's phoneme symbols for one word spoken alone."""

    def say(self, word: str) -> str:
        """What to hand the engine for a word; engines override it to fix known misreadings."""
        return word

    def to_ipa(self, symbol: str) -> str:
        return symbol

    def synthesize(self, text: str, voice: VoiceInfo) -> Utterance:
        # One instance per voice (see speak.py), so `voice` needs no lookup here.
        words = split_words(text)
        groups = sentences(words)
        pieces = [self._piece(words, g) for g in groups]
        for piece, g in zip(pieces, groups, strict=True):
            piece.pause_after = _pause_after(words, g.stop - 1)
        return asm.assemble(pieces, [w.text for w in words], self.sample_rate)

    def _piece(self, words: list[Word], group: range) -> Piece:
        sentence, spans = spoken_text([words[i] for i in group], say=self.say)
        out = self.render(sentence)
        labels = label_stream([self.reference(sentence[a:b]) for a, b in spans], out.symbols)
        segs = from_stream(out.symbols, out.durations, labels, word_offset=group.start, to_ipa=self.to_ipa)
        return Piece(samples=out.samples, segments=segs)


def _pause_after(words: list[Word], last: int) -> float:
    if words[last].line_end:
        return asm.PARAGRAPH_PAUSE_S
    return asm.SENTENCE_PAUSE_S if ends_sentence(words, last) else asm.CLAUSE_PAUSE_S
