"""Narration + music bed: the bed ducked under speech (FFmpeg sidechaincompress), summed, limited, at -14 LUFS.

The bed is first set to BED_LUFS, a level that reads as background behind a
voice at -14 LUFS; the compressor then pulls it down further while words are spoken.
"""

from __future__ import annotations

import re
from fractions import Fraction

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


_NARRATION_WORDS = re.compile(
    r"\b(voice[- ]?overs?|narration|narrated|my recording|(?:recorded|attached) (?:voice|audio|narration|message|talk)|my (?:own )?voice|"
    r"audio as the (?:voice|narration)|skip (?:the )?(?:tts|text[- ]to[- ]speech))\b", re.I)


def narration_file_index(brief) -> int | None:
    """The attached audio file that is the narration itself: when the prompt calls it that ("use my voice-over")."""
    from onetake.brief.models import MediaKind

    first = next((i for i, f in enumerate(brief.files) if f.kind is MediaKind.audio), None)
    return first if first is not None and _NARRATION_WORDS.search(brief.prompt) else None


def music_file_index(brief) -> int | None:
    """The attached audio file that becomes the music bed (the first one not narrating), unless music is switched off."""
    from onetake.brief.models import MediaKind

    if brief.music == "none":
        return None
    narration = narration_file_index(brief)
    return next((i for i, f in enumerate(brief.files) if f.kind is MediaKind.audio and i != narration), None)


def choose_mood(brief, storyboard) -> str:
    """The brief's --music, else a mood word in the prompt, else the style's music mood, else calm."""
    from onetake.visuals.music import mood_from_text, mood_named
    from onetake.visuals.styles import get_style  # styles may carry a `music_mood` ("luxurious", "warm piano")

    if brief.music:
        return mood_named(brief.music)
    try:
        style_mood = str(getattr(get_style(storyboard.style_id), "music_mood", "") or "")
    except Exception:  # an unknown style id was reported when it was applied
        style_mood = ""
    return mood_from_text(brief.prompt, mood_from_text(style_mood, "calm"))


def add_music(timeline, storyboard, brief) -> list[str]:
    """Mix a bed under the narration the timeline points to (in place). Returns notes for the user."""
    from onetake.visuals.music import procedural_bed, user_bed

    if brief.music == "none":
        return []
    rate, narration = read_wav(timeline.narration_wav)
    seconds = len(narration) / rate
    index = music_file_index(brief)
    if index is not None:
        bed = user_bed(brief.files[index].path, seconds, rate)
        note = f"'{brief.files[index].path.name}' is the music, ducked under the narration."
    else:
        mood = choose_mood(brief, storyboard)
        bed = procedural_bed(mood, seconds, rate, seed=brief.seed)
        note = f"Music: an original '{mood}' bed made for this video (royalty-free); --music none turns it off."
    write_wav(timeline.narration_wav, rate, duck_and_mix(narration, bed, rate))
    return [note]
