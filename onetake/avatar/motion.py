"""Idle and speaking body language, deterministic from a seed and the word timings.

Everything is precomputed into sorted event lists at construction, so `pose_at`
costs a few bisects per frame and any worker process that rebuilds the track
from the same seed and words gets identical frames.
"""

from __future__ import annotations

import math
import random
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

BLINK_DURATION = 0.15  # seconds, eyes fully open again
BLINK_INTERVAL = (2.0, 6.0)  # seconds between blink starts


class _Word(Protocol):
    text: str
    start: float
    end: float


class _Phone(Protocol):
    phoneme: str
    start: float
    end: float


@dataclass(frozen=True)
class Pose:
    """Small normalised offsets the rig turns into drawing transforms."""

    breath: float = 0.0  # 0 exhaled .. 1 inhaled
    head_turn: float = 0.0  # -1 (to the viewer's left) .. 1 (right)
    head_tilt: float = 0.0  # degrees, positive clockwise
    head_nod: float = 0.0  # -1 chin up .. 1 chin down
    head_shift: float = 0.0  # -1 .. 1 sideways sway of the head and shoulders
    blink: float = 0.0  # 0 open .. 1 closed
    brow_raise: float = 0.0  # 0 .. 1
    gaze_x: float = 0.0  # -1 .. 1 iris offset
    gaze_y: float = 0.0


def _smooth(x: float) -> float:
    x = min(1.0, max(0.0, x))
    return x * x * x * (x * (x * 6 - 15) + 10)


class _Keys:
    """Values that ease from one key to the next over `ease` seconds after each key time."""

    def __init__(self, keys: list[tuple[float, float]], ease: float):
        keys.sort()
        self.t = [k[0] for k in keys]
        self.v = [k[1] for k in keys]
        self.ease = ease

    def at(self, t: float) -> float:
        i = bisect_right(self.t, t) - 1
        if i < 0:
            return self.v[0] if self.v else 0.0
        prev = self.v[i - 1] if i > 0 else self.v[i]
        return prev + (self.v[i] - prev) * _smooth((t - self.t[i]) / self.ease)


class _Pulses:
    """Sum of an envelope placed at each event start (events may carry their own length and gain)."""

    def __init__(self, events: list[tuple[float, float, float]], attack: float, release: float):
        events.sort()
        self.ev = events  # (start, hold, gain)
        self.starts = [e[0] for e in events]
        self.attack, self.release = attack, release
        self.reach = attack + release + max((e[1] for e in events), default=0.0)

    def at(self, t: float) -> float:
        i = bisect_right(self.starts, t) - 1
        out = 0.0
        while i >= 0 and t - self.starts[i] <= self.reach:
            start, hold, gain = self.ev[i]
            x = t - start
            if x < self.attack:
                e = _smooth(x / self.attack)
            elif x < self.attack + hold:
                e = 1.0
            else:
                e = 1.0 - _smooth((x - self.attack - hold) / self.release)
            out = max(out, e * gain)
            i -= 1
        return out


def _blink_profile(x: float) -> float:
    """Eyelid closure over one ~150 ms blink: fast close, brief hold, slower open."""
    if x < 0.0 or x >= BLINK_DURATION:
        return 0.0
    if x < 0.05:
        return _smooth(x / 0.05)
    if x < 0.07:
        return 1.0
    return 1.0 - _smooth((x - 0.07) / 0.08)


def _phrase_starts(words: Sequence[_Word]) -> list[float]:
    """Times where a new phrase begins: first word, after a pause or after punctuation."""
    out: list[float] = []
    for i, w in enumerate(words):
        if i == 0:
            out.append(w.start)
            continue
        prev = words[i - 1]
        if w.start - prev.end >= 0.18 or prev.text.rstrip()[-1:] in ".,;:!?":
            out.append(w.start)
    return out


def _stressed(word: _Word, phones: Sequence[_Phone], starts: Sequence[float]) -> bool:
    """Content-looking words: long, emphatic, or of 4+ letters carrying a primary stress mark."""
    letters = sum(ch.isalpha() for ch in word.text)
    if "!" in word.text or letters >= 7:
        return True
    if letters >= 4:
        i = bisect_right(starts, word.start - 1e-6)
        while i < len(phones) and phones[i].start < word.end:
            if "ˈ" in phones[i].phoneme:
                return True
            i += 1
    return False


class MotionTrack:
    def __init__(
        self,
        words: Sequence[_Word],
        duration: float,
        seed: int = 0,
        phonemes: Sequence[_Phone] = (),
    ):
        rng = random.Random(seed)
        words = sorted(words, key=lambda w: w.start)
        phones = sorted(phonemes, key=lambda p: p.start)
        phone_starts = [p.start for p in phones]
        end = max(duration, words[-1].end if words else 0.0) + 1.0

        # Breathing: a slightly irregular ~4 s cycle (phase and period from the seed).
        self._breath_period = rng.uniform(3.6, 4.6)
        self._breath_phase = rng.uniform(0.0, 1.0)

        # Blinks at natural random intervals.
        blinks, t = [], rng.uniform(0.4, 2.5)
        while t < end:
            blinks.append(t)
            t += rng.triangular(BLINK_INTERVAL[0], BLINK_INTERVAL[1], 3.2)
        self.blink_times = blinks

        # Head: a new resting turn/tilt at each phrase, plus a small nod as it starts.
        phrases = _phrase_starts(words)
        if len(phrases) < 2:  # idle or one long phrase: drift anyway every few seconds
            t = rng.uniform(1.0, 3.0)
            while t < end:
                phrases.append(t)
                t += rng.uniform(2.5, 5.0)
        turn, tilt = [(0.0, 0.0)], [(0.0, 0.0)]
        nods: list[tuple[float, float, float]] = []
        side = rng.choice((-1.0, 1.0))
        for p in sorted(phrases):
            side = -side if rng.random() < 0.7 else side  # mostly alternate, sometimes repeat
            turn.append((p, side * rng.uniform(0.15, 0.55)))
            tilt.append((p, side * rng.uniform(0.4, 2.2)))
            nods.append((p + 0.05, 0.05, rng.uniform(0.5, 1.0)))
        self._turn = _Keys(turn, ease=0.7)
        self._tilt = _Keys(tilt, ease=0.9)

        # Emphasis: brows rise on some stressed words, with a smaller nod.
        brows: list[tuple[float, float, float]] = []
        last = -10.0
        for w in words:
            if w.start - last >= 1.6 and _stressed(w, phones, phone_starts) and rng.random() < 0.45:
                brows.append((w.start - 0.05, min(0.5, w.end - w.start), rng.uniform(0.6, 1.0)))
                nods.append((w.start, 0.0, rng.uniform(0.3, 0.6)))
                last = w.start
        self.brow_events = [b[0] for b in brows]
        self._brows = _Pulses(brows, attack=0.12, release=0.35)
        self._nods = _Pulses(nods, attack=0.16, release=0.3)

        # Gaze: small saccades every few seconds, quick as real eye movements.
        gx, gy, t = [(0.0, 0.0)], [(0.0, 0.0)], rng.uniform(0.8, 2.0)
        while t < end:
            gx.append((t, rng.uniform(-0.35, 0.35)))
            gy.append((t, rng.uniform(-0.2, 0.15)))
            t += rng.uniform(1.2, 3.5)
        self._gx, self._gy = _Keys(gx, ease=0.05), _Keys(gy, ease=0.05)

        # Speaking energy: body language is livelier while talking than during pauses.
        self._talk = _Pulses([(w.start, w.end - w.start, 1.0) for w in words], attack=0.2, release=0.6)
        self._noise = [(rng.uniform(0.07, 0.13), rng.uniform(0, 2 * math.pi)) for _ in range(3)]

    def _sway(self, t: float, k: int) -> float:
        f, ph = self._noise[k]
        return math.sin(2 * math.pi * f * t + ph) * 0.6 + math.sin(2 * math.pi * f * 2.7 * t + ph * 1.3) * 0.4

    def pose_at(self, t: float) -> Pose:
        talk = self._talk.at(t)
        cyc = (t / self._breath_period + self._breath_phase) % 1.0
        breath = 0.5 - 0.5 * math.cos(2 * math.pi * cyc)
        blink = 0.0
        i = bisect_right(self.blink_times, t) - 1
        if i >= 0:
            blink = _blink_profile(t - self.blink_times[i])
        energy = 0.6 + 0.4 * talk
        turn = self._turn.at(t) * energy + 0.12 * self._sway(t, 0)
        return Pose(
            breath=breath,
            head_turn=max(-1.0, min(1.0, turn)),
            head_tilt=self._tilt.at(t) * energy + 0.6 * self._sway(t, 1),
            head_nod=0.55 * self._nods.at(t) + 0.12 * self._sway(t, 2) * energy,
            head_shift=0.5 * self._sway(t, 1) + 0.25 * self._sway(t, 0),
            blink=blink,
            brow_raise=self._brows.at(t),
            gaze_x=self._gx.at(t) - 0.35 * turn,  # eyes stay on the viewer while the head turns
            gaze_y=self._gy.at(t),
        )
