"""Narration + music bed: the bed ducked under speech (FFmpeg sidechaincompress), summed, limited, at -14 LUFS.

The bed is first set to BED_LUFS, a level that reads as background behind a
voice at -14 LUFS; the compressor then pulls it down further while words are spoken.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

import av
import numpy as np

from onetake.audio import PEAK_CEILING, integrated_loudness, normalize_loudness, read_wav, write_wav

BED_LUFS = -30.0  # 16 LU under the voice before ducking: background, never competing
DUCK = "threshold=0.02:ratio=8:attack=20:release=400:makeup=1"


def _frame(samples: np.ndarray, rate: int) -> av.AudioFrame:
    frame = av.AudioFrame.from_ndarray(np.ascontiguousarray(samples, dtype=np.float32)[None, :], format="flt", layout="mono")
    frame.sample_rate, frame.pts, frame.time_base = rate, 0, Fraction(1, rate)
    return frame


def duck_and_mix(narration: np.ndarray, bed: np.ndarray, rate: int) -> np.ndarray:
    """Mono float32, len(narration) long, normalised to -14 LUFS with peaks under -1 dBFS."""
    n = len(narration)
    bed = np.pad(bed[:n], (0, max(0, n - len(bed)))).astype(np.float32)
    level = integrated_loudness(bed, rate)
    if np.isfinite(level):
        bed = bed * np.float32(10 ** ((BED_LUFS - level) / 20))
    graph = av.filter.Graph()
    music = graph.add_abuffer(format="flt", sample_rate=rate, layout="mono", time_base=Fraction(1, rate))
    voice = graph.add_abuffer(format="flt", sample_rate=rate, layout="mono", time_base=Fraction(1, rate))
    split = graph.add("asplit", "2")
    duck = graph.add("sidechaincompress", DUCK)
    amix = graph.add("amix", "inputs=2:duration=first:normalize=0")
    limiter = graph.add("alimiter", f"limit={PEAK_CEILING:.4f}:attack=3:release=40:level=false")
    sink = graph.add("abuffersink")
    voice.link_to(split)
    music.link_to(duck, 0, 0)
    split.link_to(duck, 0, 1)  # the voice is the sidechain
    duck.link_to(amix, 0, 0)
    split.link_to(amix, 1, 1)
    amix.link_to(limiter)
    limiter.link_to(sink)
    graph.configure()
    music.push(_frame(bed, rate))
    voice.push(_frame(narration, rate))
    music.push(None)
    voice.push(None)
    out = []
    while True:
        try:
            out.append(sink.pull().to_ndarray().reshape(-1))
        except (av.error.EOFError, av.error.BlockingIOError):
            break
    mixed = np.concatenate(out).astype(np.float32) if out else np.zeros(0, np.float32)
    mixed = mixed[:n] if len(mixed) >= n else np.pad(mixed, (0, n - len(mixed)))
    return normalize_loudness(mixed, rate)


def narration_file_index(brief, reading) -> int | None:
    """The attached audio file that is the narration itself: when the brief calls it that ("use my voice-over")."""
    from onetake.brief.models import MediaKind

    first = next((i for i, f in enumerate(brief.files) if f.kind is MediaKind.audio), None)
    return first if first is not None and reading.directions.recorded_narration else None


def music_file_index(brief, reading) -> int | None:
    """The attached audio file that becomes the music bed (the first one not narrating), unless music is switched off."""
    from onetake.brief.models import MediaKind

    if brief.music == "none":
        return None
    narration = narration_file_index(brief, reading)
    return next((i for i, f in enumerate(brief.files) if f.kind is MediaKind.audio and i != narration), None)


def choose_mood(brief, storyboard) -> str:
    """The brief's --music, else the brief's music and tone words (its Reading's, on the storyboard),
    else the style's music mood, else calm."""
    from onetake.visuals.music import mood_from_text, mood_named
    from onetake.visuals.styles import get_style  # styles may carry a `music_mood` ("luxurious", "warm piano")

    if brief.music:
        return mood_named(brief.music)
    try:
        style_mood = str(getattr(get_style(storyboard.style_id), "music_mood", "") or "")
    except Exception:  # an unknown style id was reported when it was applied
        style_mood = ""
    directed = " ".join([storyboard.music, *storyboard.tone])
    return mood_from_text(directed, mood_from_text(style_mood, "calm"))


@dataclass(frozen=True)
class MusicBed:
    """The bed chosen for a video: the user's audio file, or an original bed in a mood."""

    note: str  # what the user is told
    seed: int = 0
    user_file: Path | None = None
    mood: str | None = None


def choose_music(storyboard, brief, reading) -> MusicBed | None:
    """Which bed goes under the narration (None: --music none, or a brief saying "no music"). Cheap: the mixing is `mix_music`'s."""
    if brief.music == "none" or storyboard.music.strip().lower() in ("none", "no music"):
        return None
    index = music_file_index(brief, reading)
    if index is not None:
        path = brief.files[index].path
        return MusicBed(note=f"'{path.name}' is the music, ducked under the narration.", user_file=path)
    mood = choose_mood(brief, storyboard)
    return MusicBed(note=f"Music: an original '{mood}' bed made for this video (royalty-free); say 'no music' in the brief (--music none on the command line) to turn it off.", seed=brief.seed, mood=mood)


def mix_music(narration_wav: Path, music: MusicBed, mixed_wav: Path) -> Path:
    """The bed mixed under the narration, written to `mixed_wav` (~0.7 s for 45 s: it runs while the video renders).
    narration.wav stays the dry voice: a revision re-mixes it once, and an editor gets voice and bed apart."""
    from onetake.visuals.music import procedural_bed, user_bed

    rate, narration = read_wav(narration_wav)
    seconds = len(narration) / rate
    bed = user_bed(music.user_file, seconds, rate) if music.user_file else procedural_bed(music.mood, seconds, rate, seed=music.seed)
    write_wav(mixed_wav, rate, duck_and_mix(narration, bed, rate))
    return mixed_wav
