"""Pieces -> one Utterance: trim engine silence, join with pauses, derive word timings."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from onetake.text_units import has_cjk
from onetake.voice.models import PhonemeTiming, Utterance, WordTiming
from onetake.voice.segments import Piece, Segment

SENTENCE_PAUSE_S = 0.35  # added between sentences, on top of the kept tails below
PARAGRAPH_PAUSE_S = 0.6  # after a line break
CLAUSE_PAUSE_S = 0.15  # between the parts of an over-long sentence
PEAK = 0.891  # -1 dBFS: loud enough, with headroom for the mix's resampling
_MAX_GAIN = 8.0  # hibari peaks near 0.3; never blow a near-silent render up to full scale
_LEAD_S = 0.02  # kept before the first audible frame (utterances must start within ~50 ms of speech)
_TAIL_S = 0.06  # kept after the last one: releases and reverb tails
_FRAME_S = 0.01
_SILENCE_DB = -38.0  # relative to the piece's loudest frame
_FADE_S = 0.004
_MAX_PULL_S = 0.05


def audible_span(samples: np.ndarray, sample_rate: int) -> tuple[int, int]:
    """First and one-past-last sample of frames louder than the silence threshold."""
    hop = max(1, int(sample_rate * _FRAME_S))
    n = len(samples) // hop
    if n == 0:
        return 0, len(samples)
    rms = np.sqrt(np.mean(samples[: n * hop].reshape(n, hop).astype(np.float64) ** 2, axis=1))
    loud = np.nonzero(rms > max(rms.max() * 10 ** (_SILENCE_DB / 20), 1e-4))[0]
    if len(loud) == 0:
        return 0, 0
    return int(loud[0] * hop), int(min(len(samples), (loud[-1] + 1) * hop))


def _trim(piece: Piece, sample_rate: int) -> tuple[np.ndarray, float, float]:
    """The trimmed samples, the time (in the piece) where they begin, and the audible
    onset's time in the trimmed audio."""
    onset, b = audible_span(piece.samples, sample_rate)
    a = max(0, onset - int(_LEAD_S * sample_rate))
    b = min(len(piece.samples), b + int(_TAIL_S * sample_rate))
    out = piece.samples[a:b].astype(np.float32, copy=True)
    fade = min(int(_FADE_S * sample_rate), len(out) // 2)
    if fade:  # the cut lands on near-silence; a short fade removes any click
        ramp = np.linspace(0.0, 1.0, fade, dtype=np.float32)
        out[:fade] *= ramp
        out[-fade:] *= ramp[::-1]
    return out, a / sample_rate, (onset - a) / sample_rate


def assemble(pieces: Sequence[Piece], words: Sequence[str], sample_rate: int) -> Utterance:
    """`words` are the input words exactly as written; segments index into them."""
    chunks: list[np.ndarray] = []
    segments: list[Segment] = []
    t = 0.0
    pause = 0.0  # owed by the previous non-empty piece; paid only if more audio follows
    for piece in pieces:
        audio, cut, onset = _trim(piece, sample_rate)
        if len(audio) == 0:
            continue
        if chunks and pause > 0:
            gap = int(round(pause * sample_rate))
            chunks.append(np.zeros(gap, np.float32))
            t += gap / sample_rate
        pause = piece.pause_after
        dur = len(audio) / sample_rate
        first = True
        for s in piece.segments:
            start, end = min(max(s.start - cut, 0.0), dur), min(max(s.end - cut, 0.0), dur)
            if first and s.word is not None and s.phoneme:
                # Engines' aligners put the first sound of a sentence ~20-40 ms late; the
                # audio before it is by definition the leading pause, so sound heard
                # there belongs to the first phoneme (within reason: breaths exist).
                start, first = max(min(start, onset), start - _MAX_PULL_S), False
            if end > start or s.word is not None:
                segments.append(Segment(s.phoneme, t + start, t + end, s.word))
        chunks.append(audio)
        t += dur
    if not any(s.phoneme and s.word is not None for s in segments):
        chunks, segments = [], []  # nothing speakable ("—"): engine noise is not an utterance
    samples = np.concatenate(chunks) if chunks else np.zeros(0, np.float32)
    peak = float(np.max(np.abs(samples))) if len(samples) else 0.0
    if peak > 1e-6:
        samples *= min(PEAK / peak, _MAX_GAIN)
    duration = len(samples) / sample_rate
    return Utterance(
        samples=samples.astype(np.float32, copy=False),
        sample_rate=sample_rate,
        words=[WordTiming(text=w, start=a, end=b) for w, (a, b) in zip(words, word_timings(segments, len(words), duration, words), strict=True)],
        phonemes=[PhonemeTiming(phoneme=s.phoneme, start=s.start, end=s.end) for s in segments if s.phoneme and s.end > s.start],
    )


def word_timings(segments: Sequence[Segment], n_words: int, duration: float, texts: Sequence[str] = ()) -> list[tuple[float, float]]:
    """One (start, end) per input word from its phonemes; silent words get a zero-length slot,
    except CJK characters an engine read together with the one before (see _share)."""
    spans: list[list[float] | None] = [None] * n_words
    for s in segments:
        if s.word is None or not 0 <= s.word < n_words:
            continue
        span = spans[s.word]
        if span is None:
            spans[s.word] = [s.start, s.end]
        else:
            span[0], span[1] = min(span[0], s.start), max(span[1], s.end)
    out: list[tuple[float, float]] = []
    prev_end = 0.0
    for span in spans:
        if span is None:  # nothing spoken ("—"): sit at the end of the previous word
            start = end = prev_end
        else:
            start = min(max(span[0], prev_end), duration)
            end = min(max(span[1], start), duration)
        out.append((start, end))
        prev_end = end
    return _share(out, spans, texts) if texts else out


def _share(out: list[tuple[float, float]], spans: list, texts: Sequence[str]) -> list[tuple[float, float]]:
    """eSpeak's Mandarin reads a dictionary word ("一下", "充满") as one, with one WORD event on its
    first character: the characters it ran together share that word's time evenly, so the caption
    highlight and kinetic type move through them as they are heard."""
    i = 0
    while i < len(out):
        j = i + 1
        while j < len(out) and spans[j] is None and has_cjk(texts[j]) and has_cjk(texts[i]) and spans[i] is not None:
            j += 1
        start, end = out[i]
        step = (end - start) / (j - i)
        for k in range(i + 1, j):
            out[k - 1], out[k] = (start + step * (k - 1 - i), start + step * (k - i)), (start + step * (k - i), end)
        i = j
    return out
