"""Listen to rendered videos with an offline recogniser and measure their pauses.

    .venv/bin/python bench/speech_check.py OUT_DIR [OUT_DIR ...]     # folders made by `onetake make`

For each folder: how many narration words were written and how many pocketsphinx
heard, the share of the narration's content words (4+ letters) it recognised,
and the longest silence (below -45 dBFS) between the first and the last word.
"""

from __future__ import annotations

import json
import re
import sys
from math import gcd
from pathlib import Path

import av
import numpy as np
from pocketsphinx import Decoder
from scipy.signal import resample_poly

SILENCE_DBFS = -45
WINDOW_S = 0.02


def _audio(video: Path) -> tuple[np.ndarray, int]:
    with av.open(str(video)) as container:
        samples = np.concatenate([f.to_ndarray().mean(axis=0) for f in container.decode(audio=0)])
        return samples, container.streams.audio[0].rate


def _heard(samples: np.ndarray, rate: int) -> list[str]:
    g = gcd(16000, rate)
    pcm = (np.clip(resample_poly(samples, 16000 // g, rate // g) * 1.4, -1, 1) * 32767).astype(np.int16)
    decoder = Decoder(samprate=16000, loglevel="FATAL")
    decoder.start_utt()
    decoder.process_raw(pcm.tobytes(), full_utt=True)
    decoder.end_utt()
    return decoder.hyp().hypstr.split() if decoder.hyp() else []


def _longest_silence(samples: np.ndarray, rate: int, start: float, end: float) -> float:
    window = int(rate * WINDOW_S)
    span = samples[int(start * rate) : int(end * rate)]
    levels = np.sqrt(np.mean(span[: len(span) // window * window].reshape(-1, window) ** 2, axis=1))
    longest = run = 0
    for quiet in levels < 10 ** (SILENCE_DBFS / 20):
        run = run + 1 if quiet else 0
        longest = max(longest, run)
    return longest * WINDOW_S


def check(folder: Path) -> str:
    video = next(p for p in folder.iterdir() if p.suffix in (".mp4", ".webm", ".mov"))
    samples, rate = _audio(video)
    board = json.loads((folder / "storyboard.json").read_text())
    words = json.loads((folder / "timeline.json").read_text())["presenter"]["words"]
    said = [w for w in (re.sub(r"[^a-z']", "", w.lower()) for s in board["scenes"] for w in s["narration"].split()) if w]
    heard = _heard(samples, rate)
    content = {w for w in said if len(w) > 3}
    recall = len(content & set(heard)) / max(1, len(content))
    silence = _longest_silence(samples, rate, words[0]["start"], words[-1]["end"])
    return f"{folder.name[:34]:<34} said {len(said):4}  heard {len(heard):4}  content-word recall {recall:4.0%}  longest pause {silence:.2f} s"


if __name__ == "__main__":
    for argument in sys.argv[1:]:
        print(check(Path(argument)))
