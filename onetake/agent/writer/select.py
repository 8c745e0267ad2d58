"""Which beats fit the time, and how long the video is.

Speech is measured with the cast voice's own clock (seconds for a text), so the script is
fitted once, before anything is spoken. A requested length keeps what must be said
(priority 0: the subject, quotes, the call to action), then what should be said in the
brief's order, then documents' lines, while they fit. With no length asked, the video is
as long as the brief's content (within DEFAULT_MAX_S).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .beats import Beat

SCENE_OVERHEAD_S = 0.5  # the breathing gaps around a scene's speech (timeline.placement: lead + tail)
END_OVERHEAD_S = 0.7  # the first lead and the end card's longer tail
DEFAULT_MAX_S = 60.0  # nobody asked for a length: a long brief still makes a watchable video
MIN_VIDEO_S = 6.0

Clock = Callable[[str], float]


def cost(beat: Beat, clock: Clock) -> float:
    return clock(beat.text) + SCENE_OVERHEAD_S


def select(all_beats: list[Beat], clock: Clock, target: float | None) -> list[Beat]:
    """The beats to say, in source order; the call to action stays last."""
    budget = (target if target is not None else DEFAULT_MAX_S) - END_OVERHEAD_S
    # Within a priority, what carries figures (prices, dates, counts) before prose: a long brief's facts survive.
    order = sorted(range(len(all_beats)), key=lambda k: (all_beats[k].priority, not re.search(r"\d", all_beats[k].text), k))
    chosen: set[int] = set()
    used = 0.0
    for k in order:
        c = cost(all_beats[k], clock)
        if all_beats[k].priority == 0 or used + c <= budget:
            chosen.add(k)
            used += c
    kept = [b for k, b in enumerate(all_beats) if k in chosen]
    if target is not None and used > budget * 1.1:
        kept = _shorten(kept, clock, budget)
    if all(b.kind == "cta" for b in kept) and any(b.kind != "cta" for b in all_beats):
        # A video that only says where to click says nothing: its most important line about the subject goes in,
        # even a little over the length (the retimer tightens the pauses).
        first = next(all_beats[k] for k in order if all_beats[k].kind != "cta")
        kept = [b for b in all_beats if b is first or b in kept]
    return kept


def _shorten(kept: list[Beat], clock: Clock, budget: float) -> list[Beat]:
    """Even what must be said is too long (a teaser of a long brief): keep the opening and the call to action,
    then the other must-say beats while they fit."""
    essential = [b for b in kept if b.kind in ("subject", "cta")] or kept[:1]
    used = sum(cost(b, clock) for b in essential)
    for b in kept:
        if b in essential:
            continue
        if used + cost(b, clock) <= budget:
            essential.append(b)
            used += cost(b, clock)
    return [b for b in kept if b in essential]


def natural_length(speech_seconds: float, n_scenes: int, holds: float) -> float:
    return speech_seconds + SCENE_OVERHEAD_S * n_scenes + END_OVERHEAD_S + holds
