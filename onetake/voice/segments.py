"""Timed phoneme segments: the common currency between engines and the assembler."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from onetake.voice.align import kind


@dataclass
class Segment:
    phoneme: str  # IPA, stress and length marks attached ("ˈiː"); "" for a pause
    start: float  # seconds from the start of its piece
    end: float
    word: int | None  # index into the input word list; None for pauses


@dataclass
class Piece:
    """One engine call's audio (typically a sentence) with its segments."""

    samples: np.ndarray  # float32 mono
    segments: list[Segment]
    pause_after: float = 0.0  # silence to insert after it, in seconds


def from_stream(
    symbols: Sequence[str],
    durations: Sequence[float],
    labels: Sequence[int | None],
    word_offset: int = 0,
    to_ipa: Callable[[str], str] = lambda s: s,
) -> list[Segment]:
    """Engine symbols with durations (seconds) and word labels -> merged IPA segments.

    A stress mark joins the phoneme after it and a length mark the one before it, so
    the result reads like eSpeak's own phoneme events ("ˈiː") whatever the engine.
    """
    out: list[Segment] = []
    t = 0.0
    pending_stress: tuple[str, float] | None = None
    for sym, dur, lab in zip(symbols, durations, labels, strict=True):
        start, t = t, t + float(dur)
        k = kind(sym)
        word = None if lab is None else lab + word_offset
        if k == "stress":
            pending_stress = (sym, start) if pending_stress is None else (pending_stress[0] + sym, pending_stress[1])
        elif k == "core":
            if pending_stress is not None:
                out.append(Segment(pending_stress[0] + to_ipa(sym), pending_stress[1], t, word))
                pending_stress = None
            else:
                out.append(Segment(to_ipa(sym), start, t, word))
        elif k == "modifier" and out and out[-1].phoneme and out[-1].end == start:
            out[-1].phoneme += sym
            out[-1].end = t
        else:  # separators, and stray marks with nothing to attach to, are pauses
            if pending_stress is not None:
                start, pending_stress = pending_stress[1], None
            out.append(Segment("", start, t, None))
    return out
