"""Music beds: made procedurally for a mood (royalty-free by construction), or the user's own audio file.

A bed is a chord progression voiced by a few synthesised instruments (pad,
bass, plucked arpeggio, soft kick for the lively moods) in equal temperament:
recognisably music, deliberately plain so it sits under a voice.
"""

from __future__ import annotations

import functools

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from onetake.errors import InvalidInput, RenderFailed

MAX_AUDIO_S = 3600.0


@dataclass(frozen=True)
class Mood:
    bpm: float
    root: int  # MIDI note of the key's tonic (bass octave)
    minor: bool
    progression: tuple[tuple[int, ...], ...]  # chords as semitone offsets from the tonic
    arp: str  # "up", "updown", "sparse", "none"
    kick: bool
    brightness: float  # 0-1: how many harmonics the pad and pluck carry


_MAJ = {"I": (0, 4, 7), "ii": (2, 5, 9), "iii": (4, 7, 11), "IV": (5, 9, 12), "V": (7, 11, 14), "vi": (9, 12, 16)}
_MIN = {"i": (0, 3, 7), "III": (3, 7, 10), "iv": (5, 8, 12), "v": (7, 10, 14), "VI": (8, 12, 15), "VII": (10, 14, 17)}
_MAJ7 = {"I7": (0, 4, 7, 11), "IV7": (5, 9, 12, 16), "ii7": (2, 5, 9, 12), "vi7": (9, 12, 16, 19)}

MOODS: dict[str, Mood] = {
    "calm": Mood(72, 45, False, tuple(_MAJ[c] for c in ("I", "vi", "IV", "V")), "sparse", False, 0.35),
    "upbeat": Mood(116, 43, False, tuple(_MAJ[c] for c in ("I", "V", "vi", "IV")), "up", True, 0.6),
    "cinematic": Mood(64, 38, True, tuple(_MIN[c] for c in ("i", "VI", "III", "VII")), "sparse", False, 0.45),
    "playful": Mood(124, 48, False, tuple(_MAJ[c] for c in ("I", "IV", "V", "IV")), "updown", True, 0.7),
    "luxurious": Mood(84, 41, False, tuple(_MAJ7[c] for c in ("I7", "vi7", "ii7", "IV7")), "updown", False, 0.4),
    "corporate": Mood(104, 45, False, tuple(_MAJ[c] for c in ("I", "V", "IV", "V")), "up", True, 0.5),
    "moody": Mood(80, 40, True, tuple(_MIN[c] for c in ("i", "iv", "VI", "v")), "sparse", False, 0.3),
    "energetic": Mood(128, 40, True, tuple(_MIN[c] for c in ("i", "VI", "III", "VII")), "up", True, 0.75),
}
MOOD_ALIASES = {
    "relaxed": "calm", "serene": "calm", "peaceful": "calm", "warm": "calm", "minimal": "calm", "gentle": "calm",
    "happy": "upbeat", "bright": "upbeat", "fun": "playful", "quirky": "playful", "whimsical": "playful",
    "epic": "cinematic", "dramatic": "cinematic", "inspiring": "cinematic", "elegant": "luxurious", "luxury": "luxurious",
    "premium": "luxurious", "sophisticated": "luxurious", "professional": "corporate", "business": "corporate", "tech": "corporate",
    "dark": "moody", "mysterious": "moody", "intimate": "moody", "exciting": "energetic", "bold": "energetic", "hype": "energetic",
}


def mood_named(name: str) -> str:
    key = name.strip().lower()
    key = MOOD_ALIASES.get(key, key)
    if key not in MOODS:
        raise InvalidInput("music", f"unknown mood '{name}'; choose one of {', '.join(sorted(MOODS))} (or 'none')")
    return key


def mood_from_text(text: str, default: str = "calm") -> str:
    """The first mood word a brief or style uses ("a calm, warm video" -> calm)."""
    words = [w.strip(".,;:!?()\"'").lower() for w in text.split()]
    for word in words:
        if word in MOODS:
            return word
        if word in MOOD_ALIASES:
            return MOOD_ALIASES[word]
    return default


def _hz(midi: float) -> float:
    return 440.0 * 2 ** ((midi - 69) / 12)


def _tone(freq: float, seconds: float, rate: int, harmonics: int, decay: float, attack: float = 0.005, release: float = 0.05) -> np.ndarray:
    """Additive tone: harmonics at 1/k amplitude, an exponential decay and short attack/release ramps."""
    n = max(1, int(seconds * rate))
    t = np.arange(n, dtype=np.float32) / rate
    wave = np.zeros(n, np.float32)
    for k in range(1, harmonics + 1):
        if freq * k > rate * 0.45:
            break
        wave += np.sin(2 * np.pi * freq * k * t + k * 0.7).astype(np.float32) / k**1.4
    env = np.exp(-t * decay).astype(np.float32)
    env *= np.minimum(1.0, t / max(attack, 1e-4))
    env *= np.minimum(1.0, (seconds - t) / max(release, 1e-4)).clip(0, 1)
    return wave * env


def _add(track: np.ndarray, at: float, sound: np.ndarray, gain: float, rate: int) -> None:
    i = int(at * rate)
    if i >= len(track):
        return
    room = min(len(sound), len(track) - i)
    track[i : i + room] += gain * sound[:room]


def _kick(rate: int) -> np.ndarray:
    t = np.arange(int(0.25 * rate), dtype=np.float32) / rate
    pitch = 45 + 70 * np.exp(-t * 30)
    return (np.sin(2 * np.pi * np.cumsum(pitch) / rate) * np.exp(-t * 14)).astype(np.float32)


@functools.lru_cache(maxsize=4)
def procedural_bed(mood: str, seconds: float, rate: int, seed: int = 0) -> np.ndarray:
    """A mono float32 bed `seconds` long in `mood`; the same arguments give the same samples. Read-only and
    kept for the next call (about a second for 45 s): the mix and the editor's music.wav use one synthesis,
    and a revision rendered by the same process re-mixes without composing again."""
    m = MOODS[mood_named(mood)]
    rng = np.random.default_rng(seed)
    n = int(seconds * rate)
    pad, bass, pluck, drums = (np.zeros(n + rate, np.float32) for _ in range(4))
    beat = 60.0 / m.bpm
    bar = beat * 4
    bright = max(2, int(2 + m.brightness * 8))
    t_bar, index = 0.0, 0
    while t_bar < seconds:
        chord = m.progression[index % len(m.progression)]
        for offset in chord:  # pad: a slow swell held across the bar, two detuned voices
            for detune in (-0.06, 0.06):
                _add(pad, t_bar, _tone(_hz(m.root + 12 + offset + detune), bar + 0.3, rate, bright, 0.25, attack=bar * 0.35, release=0.4), 0.16, rate)
        for k in range(4 if m.kick else 2):  # bass on the root
            step = beat if m.kick else beat * 2
            _add(bass, t_bar + k * step, _tone(_hz(m.root + chord[0]), step * 0.9, rate, 3, 3.0, release=0.08), 0.5, rate)
            if m.kick:
                _add(drums, t_bar + k * beat, _kick(rate), 0.55, rate)
        if m.arp != "none":
            notes = [m.root + 24 + o for o in chord] + [m.root + 36 + chord[0]]
            if m.arp == "updown":
                notes = notes + notes[-2:0:-1]
            per_bar = 8 if m.arp in ("up", "updown") else 4
            for k in range(per_bar):
                if m.arp == "sparse" and rng.random() < 0.35:
                    continue
                note = notes[k % len(notes)]
                _add(pluck, t_bar + k * bar / per_bar, _tone(_hz(note), bar / per_bar * 2.5, rate, bright + 2, 5.5), 0.22, rate)
        t_bar += bar
        index += 1
    mixed = pad + bass + pluck + drums
    mixed = mixed[:n]
    fade_in, fade_out = min(n, int(1.0 * rate)), min(n, int(2.5 * rate))
    mixed[:fade_in] *= np.linspace(0, 1, fade_in, dtype=np.float32)
    mixed[n - fade_out :] *= np.linspace(1, 0, fade_out, dtype=np.float32)
    peak = float(np.max(np.abs(mixed))) or 1.0
    bed = (mixed / peak * 0.5).astype(np.float32)
    bed.flags.writeable = False
    return bed


# --- the user's own audio ----------------------------------------------------------------------

def probe_audio(path: Path) -> float:
    """The file's duration in seconds; a broken, empty or silent-stream file is refused with its name."""
    import av

    try:
        with av.open(str(path)) as container:
            if not container.streams.audio:
                raise RenderFailed(f"file '{path.name}': has no audio stream")
            stream = container.streams.audio[0]
            if next(container.decode(stream), None) is None:
                raise RenderFailed(f"file '{path.name}': an audio file with no samples")
            duration = float(stream.duration * stream.time_base) if stream.duration else (container.duration or 0) / 1_000_000
    except av.error.FFmpegError as exc:
        raise RenderFailed(f"file '{path.name}': not a readable audio file ({exc.strerror or type(exc).__name__})") from None
    if duration > MAX_AUDIO_S:
        raise RenderFailed(f"file '{path.name}': {duration:.0f} s of audio; the limit is {MAX_AUDIO_S:.0f} s")
    return duration


def load_audio(path: Path, rate: int, seconds: float | None = None) -> np.ndarray:
    """Mono float32 at `rate`, decoded and resampled by FFmpeg; at most `seconds` long."""
    import av

    limit = int(seconds * rate) if seconds else None
    chunks, total = [], 0
    try:
        with av.open(str(path)) as container:
            resampler = av.AudioResampler(format="flt", layout="mono", rate=rate)
            for frame in container.decode(container.streams.audio[0]):
                for out in resampler.resample(frame):
                    chunks.append(out.to_ndarray().reshape(-1))
                    total += chunks[-1].size
                if limit and total >= limit:
                    break
    except av.error.FFmpegError as exc:
        raise RenderFailed(f"file '{path.name}': not a readable audio file ({exc.strerror or type(exc).__name__})") from None
    samples = np.concatenate(chunks).astype(np.float32) if chunks else np.zeros(0, np.float32)
    return samples[:limit] if limit else samples


def user_bed(path: Path, seconds: float, rate: int) -> np.ndarray:
    """The user's track as a bed exactly `seconds` long: looped if short, faded out at the end."""
    samples = load_audio(path, rate, seconds)
    n = int(seconds * rate)
    if samples.size == 0:
        raise RenderFailed(f"file '{path.name}': an audio file with no samples")
    if samples.size < n:
        samples = np.tile(samples, int(np.ceil(n / samples.size)))
    bed = samples[:n].copy()
    fade = min(n, int(2.0 * rate))
    bed[n - fade :] *= np.linspace(1, 0, fade, dtype=np.float32)
    return bed
