"""A recorded narration (the user's own audio file) as the voice: its words and phones timed offline.

pocketsphinx (its English model ships in the wheel) recognises the words and
then force-aligns them to get phone timings for lip-sync. Recognition is
crude, so the words it hears drive timing (scene cuts, mouth shapes, caption
placement), while the recording itself is played untouched.
"""

from __future__ import annotations

from math import gcd

import numpy as np

from onetake.voice.models import PhonemeTiming, Utterance, WordTiming

ASR_RATE = 16_000
FRAME_S = 0.01  # pocketsphinx frames are 10 ms
_FILLERS = {"<s>", "</s>", "<sil>", "[NOISE]", "[SPEECH]", "++NOISE++", "++BREATH++", "++UH++", "++UM++"}

# CMU ARPAbet -> IPA, so the avatar's viseme mapper reads recorded speech like synthesised speech
ARPABET_IPA = {
    "AA": "ɑ", "AE": "æ", "AH": "ʌ", "AO": "ɔ", "AW": "aʊ", "AY": "aɪ", "B": "b", "CH": "tʃ", "D": "d", "DH": "ð",
    "EH": "ɛ", "ER": "ɝ", "EY": "eɪ", "F": "f", "G": "ɡ", "HH": "h", "IH": "ɪ", "IY": "i", "JH": "dʒ", "K": "k",
    "L": "l", "M": "m", "N": "n", "NG": "ŋ", "OW": "oʊ", "OY": "ɔɪ", "P": "p", "R": "ɹ", "S": "s", "SH": "ʃ",
    "T": "t", "TH": "θ", "UH": "ʊ", "UW": "u", "V": "v", "W": "w", "Y": "j", "Z": "z", "ZH": "ʒ", "SIL": " ",
}


def _pcm16k(samples: np.ndarray, rate: int) -> bytes:
    from scipy.signal import resample_poly

    g = gcd(ASR_RATE, rate)
    audio = resample_poly(samples.astype(np.float64), ASR_RATE // g, rate // g) if rate != ASR_RATE else samples
    peak = float(np.max(np.abs(audio))) or 1.0
    return (np.clip(audio / peak * 0.9, -1, 1) * 32767).astype(np.int16).tobytes()


def transcribe(samples: np.ndarray, rate: int) -> tuple[list[WordTiming], list[PhonemeTiming]]:
    """Words (recognised) and phones (force-aligned to those words), in seconds from sample 0."""
    from pocketsphinx import Decoder

    pcm = _pcm16k(samples, rate)
    decoder = Decoder(samprate=ASR_RATE, loglevel="FATAL", bestpath=False)
    decoder.start_utt()
    decoder.process_raw(pcm, full_utt=True)
    decoder.end_utt()
    words = [WordTiming(text=s.word.split("(")[0], start=s.start_frame * FRAME_S, end=(s.end_frame + 1) * FRAME_S)
             for s in decoder.seg() if s.word not in _FILLERS and not s.word.startswith("[") and not s.word.startswith("++")]
    phonemes: list[PhonemeTiming] = []
    if words:
        try:
            decoder.set_align_text(" ".join(w.text for w in words))
            decoder.start_utt()
            decoder.process_raw(pcm, full_utt=True)
            decoder.end_utt()
            decoder.set_alignment()
            decoder.start_utt()
            decoder.process_raw(pcm, full_utt=True)
            decoder.end_utt()
            for word in decoder.get_alignment() or []:
                for phone in word:
                    ipa = ARPABET_IPA.get(phone.name.upper(), "")
                    if ipa.strip():
                        phonemes.append(PhonemeTiming(phoneme=ipa, start=phone.start * FRAME_S, end=(phone.start + phone.duration) * FRAME_S))
        except RuntimeError:  # alignment can fail on what recognition produced: mouths then follow the words alone
            phonemes = []
    return words, phonemes


def split_at_pauses(samples: np.ndarray, rate: int, words: list[WordTiming], phonemes: list[PhonemeTiming], shares: list[float]) -> list[Utterance]:
    """Cut the recording into len(shares) utterances at the pauses nearest the shares' boundaries.

    Each piece keeps its audio and timings exactly, trimmed to its first and last word."""
    n = len(shares)
    total = len(samples) / rate
    if not words or n <= 1:
        return [_piece(samples, rate, words, phonemes, 0.0, total)]
    gaps = [((a.end + b.start) / 2, b.start - a.end, i + 1) for i, (a, b) in enumerate(zip(words, words[1:]))]
    cuts: list[int] = []  # index of the first word of each later piece
    acc = 0.0
    span = words[-1].end - words[0].start
    for share in np.array(shares[:-1]) / max(1e-9, sum(shares)):
        acc += share
        aim = words[0].start + acc * span
        options = [g for g in gaps if g[2] not in cuts and (not cuts or g[2] > cuts[-1])]
        if not options:
            break
        # prefer real pauses: distance to the aim, less a bonus for a long gap
        best = min(options, key=lambda g: abs(g[0] - aim) - 3.0 * min(g[1], 0.6))
        cuts.append(best[2])
    bounds = [0, *cuts, len(words)]
    pieces = []
    for k in range(len(bounds) - 1):
        first, last = words[bounds[k]], words[bounds[k + 1] - 1]
        start = max(0.0, first.start - 0.05)
        end = min(total, last.end + 0.08)
        pieces.append(_piece(samples, rate, words[bounds[k] : bounds[k + 1]], phonemes, start, end))
    while len(pieces) < n:  # fewer pauses than scenes: the last scenes get silence-free empty utterances
        pieces.append(Utterance(samples=np.zeros(int(0.3 * rate), np.float32), sample_rate=rate))
    return pieces


def _piece(samples, rate, words, phonemes, start, end) -> Utterance:
    a, b = int(start * rate), int(end * rate)
    return Utterance(
        samples=samples[a:b].astype(np.float32),
        sample_rate=rate,
        words=[WordTiming(text=w.text, start=w.start - start, end=w.end - start) for w in words],
        phonemes=[PhonemeTiming(phoneme=p.phoneme, start=p.start - start, end=p.end - start) for p in phonemes if start <= p.start < end],
    )
