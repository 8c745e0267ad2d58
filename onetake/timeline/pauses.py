"""Longer pauses between sentences: the natural place to give a script a little more time.

When a script is slightly short for the requested length, an editor lets the
speaker breathe between sentences rather than leave a long silence at a cut.
This inserts silence in the middle of the existing pause after each sentence,
and shifts the word and phoneme timings after it by the same amount, so
captions and lip-sync stay exact.
"""

from __future__ import annotations

import numpy as np

from onetake.text_units import CLOSERS, SENTENCE_END
from onetake.timeline.memo import PlacedScene
from onetake.timeline.placement import MAX_GAP_GROWTH, Placement, place, place_around
from onetake.voice.models import PhonemeTiming, Utterance, WordTiming

MAX_EXTRA_PER_PAUSE_S = 0.25  # a 0.35 s sentence pause grows to at most 0.6 s


def sentence_pauses(utterance: Utterance) -> list[float]:
    """Times (seconds) in the middle of each pause that follows a sentence, inside the utterance."""
    words = utterance.words
    return [
        (words[i].end + words[i + 1].start) / 2
        for i in range(len(words) - 1)
        if words[i].text.rstrip(CLOSERS).endswith(SENTENCE_END) and words[i + 1].start > words[i].end
    ]


def lengthen_pauses(utterance: Utterance, extra: float) -> Utterance:
    """The same utterance with `extra` seconds of silence added at every sentence pause."""
    points = sentence_pauses(utterance)
    if not points or extra <= 0:
        return utterance
    rate = utterance.sample_rate
    gap = np.zeros(round(extra * rate), dtype=utterance.samples.dtype)
    cuts = [round(p * rate) for p in points]
    pieces, previous = [], 0
    for cut in cuts:
        pieces += [utterance.samples[previous:cut], gap]
        previous = cut
    pieces.append(utterance.samples[previous:])
    step = len(gap) / rate

    def shifted(t: float) -> float:
        return t + step * sum(1 for p in points if p <= t)

    return Utterance(
        samples=np.concatenate(pieces),
        sample_rate=rate,
        words=[WordTiming(text=w.text, start=shifted(w.start), end=shifted(w.end)) for w in utterance.words],
        phonemes=[PhonemeTiming(phoneme=p.phoneme, start=shifted(p.start), end=shifted(p.end)) for p in utterance.phonemes],
    )


def fit_speech(speech: list[Utterance], target: float | None, holds: list[float] | None = None,
               kept: list[PlacedScene | None] | None = None) -> tuple[list[Utterance], Placement, list[float]]:
    """Place the scenes on the target length: (the utterances, their placement, the silence added at each scene's
    sentence pauses). Time to fill goes first to slightly longer pauses at cuts, then to the pauses between
    sentences, and only then to the end card's hold. With `kept` (a revision), scenes placed before keep their
    place when the others can take up the difference naturally."""
    durations = [u.duration for u in speech]
    holds = list(holds or [0.0] * len(speech))
    if target is None:
        return speech, place(durations, None, holds), [0.0] * len(speech)
    if kept is not None:
        lengthened = [lengthen_pauses(u, k.extra_pause) if k else u for u, k in zip(speech, kept)]
        around = place_around([u.duration for u in lengthened], target, holds, [(k.lead, k.tail) if k else None for k in kept])
        if around is not None:
            return lengthened, around, [k.extra_pause if k else 0.0 for k in kept]
    slack = target - place(durations, None, holds).duration - MAX_GAP_GROWTH * (len(speech) - 1)
    count = sum(len(sentence_pauses(u)) for u in speech)
    extra = 0.0
    if slack > 0 and count:
        extra = min(MAX_EXTRA_PER_PAUSE_S, slack / count)
        speech = [lengthen_pauses(u, extra) for u in speech]
    return speech, place([u.duration for u in speech], target, holds), [extra] * len(speech)
