"""Narration audio: tempo change, loudness to the delivery target, and a safe peak ceiling.

FFmpeg's filters (through PyAV, in process) do the signal processing and
measure loudness (ebur128: ITU-R BS.1770, as streaming platforms do). The tests
check the result with pyloudnorm, an independent implementation; it is not used
here because importing it (scipy.signal) costs ~0.9 s on every run.
"""

from __future__ import annotations

from fractions import Fraction

import av
import numpy as np

TARGET_LUFS = -14.0
PEAK_CEILING = 10 ** (-1.0 / 20)  # -1 dBFS: headroom for lossy encoders' overshoot


def _run_filters(samples: np.ndarray, sample_rate: int, chain: list[tuple[str, str]]) -> tuple[np.ndarray, dict[str, str]]:
    """Push mono float samples through an FFmpeg filter chain; returns the output and the last frame's metadata."""
    graph = av.filter.Graph()
    source = graph.add_abuffer(format="flt", sample_rate=sample_rate, layout="mono", time_base=Fraction(1, sample_rate))
    node = source
    for name, args in chain:
        nxt = graph.add(name, args)
        node.link_to(nxt)
        node = nxt
    sink = graph.add("abuffersink")
    node.link_to(sink)
    graph.configure()

    frame = av.AudioFrame.from_ndarray(np.ascontiguousarray(samples, dtype=np.float32)[None, :], format="flt", layout="mono")
    frame.sample_rate = sample_rate
    frame.pts = 0
    frame.time_base = Fraction(1, sample_rate)
    source.push(frame)
    source.push(None)
    out, metadata = [], {}
    while True:
        try:
            result = sink.pull()
        except (av.error.EOFError, av.error.BlockingIOError):
            break
        out.append(result.to_ndarray().reshape(-1))
        metadata = dict(result.metadata)
    return (np.concatenate(out).astype(np.float32) if out else np.zeros(0, np.float32)), metadata


def change_tempo(samples: np.ndarray, sample_rate: int, rate: float) -> np.ndarray:
    """Speak faster (rate > 1) without changing pitch."""
    if abs(rate - 1.0) < 1e-3 or samples.size == 0:
        return samples
    return _run_filters(samples, sample_rate, [("atempo", f"{rate:.5f}")])[0]


def integrated_loudness(samples: np.ndarray, sample_rate: int) -> float:
    """Integrated loudness in LUFS (-inf for silence)."""
    _, metadata = _run_filters(samples, sample_rate, [("ebur128", "metadata=1")])
    value = float(metadata.get("lavfi.r128.I", "-inf"))
    return value if value > -70 else float("-inf")  # ebur128 reports -70 (its gate) for silence


def normalize_loudness(samples: np.ndarray, sample_rate: int, target_lufs: float = TARGET_LUFS) -> np.ndarray:
    """Plain gain to the target (keeps the voice's dynamics), then a limiter only if peaks would clip.

    A limiter lowers loudness a little, so the gain is measured again after it.
    """
    if not np.any(samples):
        return samples
    out = samples.astype(np.float32)
    for _ in range(3):
        loudness = integrated_loudness(out, sample_rate)
        if not np.isfinite(loudness) or abs(loudness - target_lufs) < 0.2:
            break
        out = out * np.float32(10 ** ((target_lufs - loudness) / 20))
        if np.max(np.abs(out)) > PEAK_CEILING:
            out, _ = _run_filters(out, sample_rate, [("alimiter", f"limit={PEAK_CEILING:.4f}:attack=3:release=40:level=false")])
            out = out[: len(samples)] if len(out) >= len(samples) else np.pad(out, (0, len(samples) - len(out)))
    return np.clip(out, -PEAK_CEILING, PEAK_CEILING)


def write_wav(path, sample_rate: int, samples: np.ndarray) -> None:
    """Mono float samples (-1..1) as a 16-bit PCM WAV, with the standard library (scipy.io costs 0.15 s to import)."""
    import wave

    pcm = (np.clip(np.asarray(samples, dtype=np.float32).reshape(-1), -1.0, 1.0) * 32767.0).round().astype("<i2")
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(int(sample_rate))
        out.writeframes(pcm.tobytes())


def read_wav(path) -> tuple[int, np.ndarray]:
    """Any WAV (integer or float PCM, any channels) as (rate, mono float32 samples), decoded by FFmpeg."""
    with av.open(str(path)) as container:
        stream = container.streams.audio[0]
        rate = stream.rate
        resampler = av.AudioResampler(format="flt", layout="mono", rate=rate)
        chunks = [r.to_ndarray().reshape(-1) for frame in container.decode(stream) for r in resampler.resample(frame)]
        chunks += [r.to_ndarray().reshape(-1) for r in resampler.resample(None)]
    return rate, (np.concatenate(chunks).astype(np.float32) if chunks else np.zeros(0, np.float32))
